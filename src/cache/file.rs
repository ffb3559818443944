//! The cache file: its key, its name, and reading and writing it.
//!
//! Layout: `MAGIC`, the key (length-prefixed), the payload (catalogue, local
//! info, index), and a checksum of everything before it. It is written to a
//! temporary file and renamed into place, so a reader never sees half a file.

use std::fs::{self, File};
use std::hash::{Hash, Hasher};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::codec::{Codec, Reader};
use super::private::{self, PrivateCopy};

/// While a cache file is read, its pages are let go after this many bytes.
const RELEASE_EVERY: usize = 4 << 20;
use crate::catalogue::Catalogue;
use crate::catalogue::load::Loaded;
use crate::catalogue::local::LocalInfo;
use crate::search::SearchIndex;

/// Identifies the format; bump the digit when the layout changes.
const MAGIC: &[u8; 8] = b"INDSATS1";

/// What a cache file was built from. Equal keys mean the same binary read
/// the same files, so the cached result is what loading them would give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(Vec<u8>);

impl Key {
    /// The key for the catalogue at `path` with the local catalogue `local`;
    /// `None` when a file's metadata cannot be read.
    pub fn new(path: &Path, local: Option<&Path>) -> Option<Key> {
        let mut bytes = Vec::new();
        // The binary itself: another build may validate or index differently.
        let exe = std::env::current_exe().ok()?;
        stamp(&exe, &mut bytes)?;
        stamp(path, &mut bytes)?;
        match local {
            Some(local) => stamp(local, &mut bytes)?,
            None => bytes.push(0),
        }
        Some(Key(bytes))
    }
}

/// Appends what identifies a file's content without reading it.
fn stamp(path: &Path, out: &mut Vec<u8>) -> Option<()> {
    let canonical = fs::canonicalize(path).ok()?;
    let meta = fs::metadata(&canonical).ok()?;
    out.push(1);
    canonical.encode(out);
    for n in [meta.dev(), meta.ino(), meta.len()] {
        n.encode(out);
    }
    meta.mtime().encode(out);
    meta.mtime_nsec().encode(out);
    Some(())
}

/// The cache file for the catalogue at `catalogue` in `dir`: one per
/// catalogue path, replaced when the catalogue changes.
pub fn cache_path(dir: &Path, catalogue: &Path) -> PathBuf {
    let canonical = fs::canonicalize(catalogue).unwrap_or_else(|_| catalogue.to_owned());
    let mut hasher = Checksum::default();
    canonical.hash(&mut hasher);
    dir.join(format!("catalogue-{:016x}.bin", hasher.finish()))
}

/// Largest cache file read: the cache of the largest catalogue read
/// ([`crate::catalogue::load::MAX_FILE_BYTES`]) is about 1.3 times its size.
pub const MAX_CACHE_BYTES: u64 = 2 * crate::catalogue::load::MAX_FILE_BYTES;

/// Reads the cache file at `path` if it was built for `key`, is intact, and
/// can be trusted: a regular file owned by this user or root that no one
/// else can write (checked on the open descriptor).
///
/// The file is copied into private memory and mapped from there
/// ([`super::private`]): descriptions are borrowed from that map rather than
/// copied to the heap, so they cost resident memory only while shown, and
/// the file on disk may be replaced or truncated meanwhile without harm.
pub fn read(path: &Path, key: &Key) -> Option<(Catalogue, Option<LocalInfo>, SearchIndex)> {
    let (file, meta) = crate::secure_file::open_regular(path).ok()?;
    if !crate::secure_file::is_trusted(&meta) || meta.len() > MAX_CACHE_BYTES {
        return None;
    }
    let (bytes, punch) = PrivateCopy::of(file, meta.len()).ok()?.leak();
    let body_len = bytes.len().checked_sub(8)?;
    let sum = u64::from_le_bytes(bytes[body_len..].try_into().ok()?);
    // In stretches, each let go once summed: the file is not resident all at once.
    let mut summed = Checksum::default();
    for stretch in bytes[..body_len].chunks(RELEASE_EVERY) {
        summed.write(stretch);
        private::release(stretch);
    }
    if summed.finish() != sum {
        return None;
    }
    let mut reader = Reader::lasting(&bytes[..body_len]);
    reader.release_behind(RELEASE_EVERY, private::release);
    let decoded = decode(reader, key);
    // Keep only the pages of the borrowed descriptions.
    let base = bytes.as_ptr() as usize;
    let kept = decoded.iter().flat_map(|(catalogue, _, _)| {
        catalogue
            .initiatives
            .iter()
            .filter_map(move |entry| match &entry.description {
                std::borrow::Cow::Borrowed(text) => {
                    let start = (text.as_ptr() as usize).wrapping_sub(base);
                    Some((start, start + text.len()))
                }
                std::borrow::Cow::Owned(_) => None,
            })
    });
    punch.keep_only(kept);
    decoded
}

/// Decodes a cache file's body (everything before the checksum) built for
/// `key`: the magic, the key, the catalogue, what the local file added and
/// the search index, all checked ([`SearchIndex::checked_against`]).
/// `None` for any other bytes, never a panic or a huge allocation.
pub fn decode(
    mut input: Reader<'_>,
    key: &Key,
) -> Option<(Catalogue, Option<LocalInfo>, SearchIndex)> {
    if input.take(MAGIC.len()).ok()? != MAGIC || Vec::<u8>::decode(&mut input).ok()? != key.0 {
        return None;
    }
    let catalogue = Catalogue::decode(&mut input).ok()?;
    let local = Option::<LocalInfo>::decode(&mut input).ok()?;
    input.allow_newlines();
    let index = SearchIndex::decode(&mut input).ok()?;
    if !input.is_done() {
        return None;
    }
    let index = index.checked_against(&catalogue)?;
    Some((catalogue, local, index))
}

/// Who may read a cache file [`write`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Only its owner: a per-user cache (it may hold the user's
    /// `local.json`). The file is 0600, its directory created 0700.
    Owner,
    /// Everyone: the cache an administrator builds for all users
    /// (`indsats cache build`). The file is 0644, its directory created 0755.
    Everyone,
}

/// Writes the cache file at `path` for `key`.
///
/// The directory is created if missing, and must belong to this user and be
/// writable by no one else. The file is written under a fresh name created
/// exclusively (never following a symlink), then renamed into place; a
/// terminating signal meanwhile waits until the temporary file is gone.
pub fn write(
    path: &Path,
    key: &Key,
    loaded: &Loaded,
    index: &SearchIndex,
    audience: Audience,
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let (dir_mode, file_mode) = match audience {
        Audience::Owner => (0o700, 0o600),
        Audience::Everyone => (0o755, 0o644),
    };
    crate::secure_file::safe_dir(dir, dir_mode)?;
    let _deferred = crate::secure_file::defer_signals();
    let mut temp = tempfile::Builder::new()
        .prefix(".catalogue-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    // Explicitly, whatever the umask.
    temp.as_file()
        .set_permissions(std::fs::Permissions::from_mode(file_mode))?;
    write_to(temp.as_file_mut(), key, loaded, index)?;
    temp.persist(path).map_err(|err| err.error)?;
    Ok(())
}

fn write_to(file: &mut File, key: &Key, loaded: &Loaded, index: &SearchIndex) -> io::Result<()> {
    let mut out = Sink {
        file: BufWriter::new(file),
        sum: Checksum::default(),
    };
    let mut buffer = Vec::from(*MAGIC);
    key.0.encode(&mut buffer);
    // The catalogue's parts one by one, so the buffer stays small.
    let catalogue = &loaded.catalogue;
    catalogue.schema_version.encode(&mut buffer);
    catalogue.title.encode(&mut buffer);
    catalogue.updated.encode(&mut buffer);
    catalogue.vocabularies.encode(&mut buffer);
    catalogue.initiatives.len().encode(&mut buffer);
    for initiative in &catalogue.initiatives {
        initiative.encode(&mut buffer);
        if buffer.len() > 1 << 20 {
            out.put(&mut buffer)?;
        }
    }
    loaded.local.encode(&mut buffer);
    index.encode(&mut buffer);
    out.put(&mut buffer)?;
    let sum = out.sum.finish();
    out.file.write_all(&sum.to_le_bytes())?;
    out.file
        .into_inner()
        .map_err(|e| e.into_error())?
        .sync_all()
}

/// The file being written and the checksum of what went into it.
struct Sink<'f> {
    file: BufWriter<&'f mut File>,
    sum: Checksum,
}

impl Sink<'_> {
    /// Writes and empties `buffer`.
    fn put(&mut self, buffer: &mut Vec<u8>) -> io::Result<()> {
        self.sum.write(buffer);
        self.file.write_all(buffer)?;
        buffer.clear();
        Ok(())
    }
}

#[cfg(test)]
fn checksum(bytes: &[u8]) -> u64 {
    let mut sum = Checksum::default();
    sum.write(bytes);
    sum.finish()
}

/// A fast 64-bit checksum (four interleaved multiply-rotate lanes) against
/// damaged files, not against tampering: whoever can write the cache dir can
/// also write the catalogue. Streaming: `write` may be called with any split.
#[derive(Default)]
struct Checksum {
    lanes: [u64; 4],
    /// Bytes of an incomplete 32-byte block.
    pending: Vec<u8>,
    total: u64,
}

const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

/// Mixes one 32-byte block into the four lanes.
fn mix(lanes: &mut [u64; 4], block: &[u8]) {
    for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        *lane = (lane.rotate_left(29) ^ word).wrapping_mul(MIX);
    }
}

impl Hasher for Checksum {
    fn write(&mut self, mut bytes: &[u8]) {
        self.total += bytes.len() as u64;
        if !self.pending.is_empty() {
            let need = (32 - self.pending.len()).min(bytes.len());
            self.pending.extend_from_slice(&bytes[..need]);
            bytes = &bytes[need..];
            if self.pending.len() < 32 {
                return;
            }
            mix(&mut self.lanes, &self.pending);
            self.pending.clear();
        }
        let mut blocks = bytes.chunks_exact(32);
        for block in &mut blocks {
            mix(&mut self.lanes, block);
        }
        self.pending.extend_from_slice(blocks.remainder());
    }

    fn finish(&self) -> u64 {
        let mut last = [0u8; 32];
        last[..self.pending.len()].copy_from_slice(&self.pending);
        let mut lanes = self.lanes;
        mix(&mut lanes, &last);
        lanes.iter().fold(self.total, |acc, lane| {
            (acc.rotate_left(23) ^ lane).wrapping_mul(MIX)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_does_not_depend_on_how_the_bytes_are_split() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = checksum(&bytes);
        for split in [0, 1, 31, 32, 33, 500, 999, 1000] {
            let mut sum = Checksum::default();
            sum.write(&bytes[..split]);
            sum.write(&bytes[split..]);
            assert_eq!(sum.finish(), whole, "split at {split}");
        }
        let mut changed = bytes.clone();
        changed[640] ^= 1;
        assert_ne!(checksum(&changed), whole);
        assert_ne!(checksum(&bytes[..999]), whole);
    }
}
