//! The start-up cache: a large catalogue, validated and indexed once, kept as
//! a binary file so later starts skip parsing the JSON and building the index.
//!
//! A cache file is only ever a copy of what loading the JSON would give. It
//! is used when its key — the binary and the source files' size, modification
//! time and inode — matches; otherwise, or when it is damaged (a checksum
//! covers it), the catalogue is loaded from the JSON and the cache rewritten.
//! It holds catalogue data only: nothing a caseworker types is ever in it.

pub use crate::codec;
mod file;
mod model_codec;

use std::path::{Path, PathBuf};

use crate::catalogue::load::{self, LoadError, Loaded, Origin};
use crate::search::SearchIndex;

pub use file::{Audience, Cached, Key, MAX_CACHE_BYTES, cache_path, read, read_unverified, write};

/// Catalogues smaller than this load from JSON in milliseconds; they are
/// not cached.
pub const MIN_CACHED_BYTES: u64 = 1024 * 1024;

/// Where cache files go: `$INDSATS_CACHE_DIR` when set (empty turns the
/// cache off), else the user's cache dir (`~/.cache/indsats` on Linux).
pub fn cache_dir() -> Option<PathBuf> {
    match std::env::var_os("INDSATS_CACHE_DIR") {
        Some(dir) if dir.is_empty() => None,
        Some(dir) => Some(PathBuf::from(dir)),
        None => directories::ProjectDirs::from("dk", "indsats", "indsats")
            .map(|d| d.cache_dir().to_owned()),
    }
}

/// How a catalogue was obtained, for measurements and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    /// Read from a cache file.
    Cache,
    /// Parsed from JSON and indexed; the cache was written.
    Written,
    /// Parsed from JSON and indexed; no cache is kept (small or bundled
    /// catalogue, no cache dir, or the cache could not be written).
    Uncached,
}

/// Loads the catalogue at `origin` (merging `local`) and its search index,
/// from the cache in `dir` when it is current; otherwise from the JSON, and
/// then writes the cache for next time.
pub fn load_indexed(
    origin: Origin,
    local: Option<&Path>,
    dir: Option<&Path>,
) -> Result<(Loaded, SearchIndex, Provenance), LoadError> {
    let place = place(&origin, local, dir);
    let origin = match try_cache(origin, place.as_ref()) {
        Ok((loaded, index)) => return Ok((loaded, index, Provenance::Cache)),
        Err(origin) => origin,
    };
    let loaded = load::load_with_local(origin, local)?;
    let index = SearchIndex::new(&loaded.catalogue);
    let provenance = match &place {
        Some((key, path)) if write(path, key, &loaded, &index, Audience::Owner).is_ok() => {
            Provenance::Written
        }
        _ => Provenance::Uncached,
    };
    Ok((loaded, index, provenance))
}

/// Loads the catalogue at `origin` (merging `local`) from the cache in `dir`
/// when it is current, else from the JSON (without building an index or
/// writing the cache: for commands that need no search).
pub fn load_catalogue(
    origin: Origin,
    local: Option<&Path>,
    dir: Option<&Path>,
) -> Result<Loaded, LoadError> {
    let place = place(&origin, local, dir);
    match try_cache(origin, place.as_ref()) {
        Ok((loaded, _)) => Ok(loaded),
        Err(origin) => load::load_with_local(origin, local),
    }
}

/// The key and cache file for a catalogue large enough to cache.
fn place(origin: &Origin, local: Option<&Path>, dir: Option<&Path>) -> Option<(Key, PathBuf)> {
    let path = origin.path()?;
    if std::fs::metadata(path).ok()?.len() < MIN_CACHED_BYTES {
        return None;
    }
    // A cache refuses to decode such a name (it is shown in the details), so
    // caching would only rebuild it on every start.
    let odd_name = |p: &Path| crate::charrules::first_forbidden(&p.to_string_lossy(), false);
    if local.and_then(odd_name).is_some() {
        return None;
    }
    Some((Key::new(path, local)?, file::cache_path(dir?, path)))
}

/// Gives the memory freed while a cache was decoded back to the system:
/// decoding on two threads leaves free pages in two malloc arenas, which
/// would otherwise stay in the session's resident set (about 8 MiB at
/// 100,000 entries).
fn trim_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of glibc's allocator.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The cached catalogue and index, or the origin back on a miss.
fn try_cache(
    origin: Origin,
    place: Option<&(Key, PathBuf)>,
) -> Result<(Loaded, SearchIndex), Origin> {
    let read = place.and_then(|(key, path)| read(path, key));
    trim_heap();
    let Some((catalogue, local, index)) = read else {
        return Err(origin);
    };
    let loaded = Loaded {
        catalogue,
        origin,
        local,
    };
    Ok((loaded, index))
}
