//! The cache file: its key, its name, and reading and writing it.
//!
//! Layout: `MAGIC`, the key (length-prefixed), a random nonce, the length of
//! the texts section and the section itself (each long text after its own
//! checksum, seeded with the nonce, so it can be checked again when read),
//! then the core (the catalogue with its long texts as places in the texts
//! section, and local info; then the search index), and a trailer: the
//! index's length and the checksums of the texts section, of the header with
//! the catalogue, and of the index. Starting a session decodes the catalogue
//! and, on a second thread, the index, and only sums the texts section,
//! leaving the texts in the file until shown. The file is written to a temporary file and
//! renamed into place, so a reader never sees half a file.

use std::fs::{self, File};
use std::hash::{Hash, Hasher};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{FileExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::codec::{Codec, Reader};

use crate::catalogue::load::Loaded;
use crate::catalogue::local::LocalInfo;
use crate::catalogue::long_text::{MAX_STORED_LEN, STORED_HEADER, TextFile, stored_checksum};
use crate::catalogue::{Catalogue, Initiative, LongText};
use crate::checksum::Checksum;
use crate::search::SearchIndex;

/// Identifies the format; bump the digit when the layout changes.
const MAGIC: &[u8; 8] = b"INDSATS5";

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

/// What a cache file holds: the catalogue (its long texts attached to the
/// file's texts section), what a local file added, and the search index.
pub type Cached = (Catalogue, Option<LocalInfo>, SearchIndex);

/// Reads the cache file at `path` if it was built for `key`, is intact, and
/// can be trusted: a regular file owned by this user or root that no one
/// else can write (checked on the open descriptor).
///
/// Everything but the long texts of the details is read a stretch at a time
/// (`pread`, never a map: a file truncated meanwhile is a short read, not a
/// SIGBUS), checked and decoded; those long texts stay in the file and are
/// read when shown ([`LongText`]), through the descriptor opened here, so
/// the file on disk may be replaced or truncated meanwhile without harm.
pub fn read(path: &Path, key: &Key) -> Option<Cached> {
    let (file, meta) = crate::secure_file::open_regular(path).ok()?;
    if !crate::secure_file::is_trusted(&meta) || meta.len() > MAX_CACHE_BYTES {
        return None;
    }
    read_open(file, meta.len(), key, Verify::Checksum)
}

/// Reads the cache file at `path` as [`read`] does, but without checking
/// its owner, mode and checksum: for tests that feed the decoder damaged
/// files. Never use it for a file a session will show.
#[doc(hidden)]
pub fn read_unverified(path: &Path, key: &Key) -> Option<Cached> {
    let (file, meta) = crate::secure_file::open_regular(path).ok()?;
    if meta.len() > MAX_CACHE_BYTES {
        return None;
    }
    read_open(file, meta.len(), key, Verify::Nothing)
}

/// Whether [`read_open`] checks the checksum.
#[derive(PartialEq)]
enum Verify {
    Checksum,
    Nothing,
}

/// Reads an open cache file of `len` bytes built for `key`.
fn read_open(file: File, len: u64, key: &Key, verify: Verify) -> Option<Cached> {
    let header = Header::read(&file, len, key)?;
    let trailer = Trailer::read(&file, len)?;
    let core_start = header.texts_start.checked_add(header.texts_len)?;
    let core_end = len.checked_sub(TRAILER)?;
    let index_start = core_end.checked_sub(trailer.index_len)?;
    let catalogue_len = index_start.checked_sub(core_start)?;
    let mut sum = Checksum::default();
    sum.write(&header.bytes);
    // Each part read a stretch at a time and summed as it is decoded; what
    // was decoded is thrown away unless the sums then match. The index is
    // decoded, and the texts section summed, on a second thread meanwhile:
    // a damaged text is a miss now (and the cache rewritten), not a text
    // that cannot be shown later.
    let mut catalogue_part = Reader::of_file(&file, core_start, catalogue_len, sum);
    let mut index_part =
        Reader::of_file(&file, index_start, trailer.index_len, Checksum::default());
    index_part.allow_newlines();
    let (decoded, (index, texts_sum)) = std::thread::scope(|scope| {
        let other = crate::threads::spawn_or_defer(scope, || {
            let index = SearchIndex::decode(&mut index_part).ok();
            let texts_sum = (verify == Verify::Checksum)
                .then(|| sum_of(&file, header.texts_start, header.texts_len))
                .flatten();
            (index, texts_sum)
        });
        (decode_catalogue(&mut catalogue_part), other.join())
    });
    let (mut catalogue, local) = decoded?;
    if !index_part.is_done() {
        return None;
    }
    if verify == Verify::Checksum {
        let sums = [texts_sum, catalogue_part.checksum(), index_part.checksum()];
        if sums != trailer.sums.map(Some) {
            return None;
        }
    }
    let index = index?.checked_against(&catalogue)?;
    let texts = Arc::new(TextFile::new(
        file,
        header.texts_start,
        header.texts_len,
        header.nonce,
    ));
    for entry in &mut catalogue.initiatives {
        // Summaries are kept in memory (see `Initiative::texts_of_the_details`).
        entry.summary.as_inline()?;
        for text in entry.texts_of_the_details_mut() {
            text.attach(&texts).ok()?;
        }
    }
    Some((catalogue, local, index))
}

/// The checksum of the `len` bytes at `offset` in `file`, read a stretch at
/// a time; `None` when the file holds fewer.
fn sum_of(file: &File, offset: u64, len: u64) -> Option<u64> {
    let mut reader = Reader::of_file(file, offset, len, Checksum::default());
    while !reader.is_done() {
        reader.take(reader.left().min(1 << 20)).ok()?;
    }
    reader.checksum()
}

/// The start of a cache file: magic, key, the file's nonce (seeding its
/// texts' checksums) and the texts section's length.
struct Header {
    /// The header's bytes (the checksum covers them).
    bytes: Vec<u8>,
    /// This file's random number, which seeds its texts' checksums.
    nonce: u64,
    /// Where the texts section starts, and its length.
    texts_start: u64,
    texts_len: u64,
}

/// Longest header read: a key holds three canonical paths of at most
/// `PATH_MAX` (4096) bytes each and a few numbers.
const MAX_HEADER_BYTES: usize = 16 << 10;

impl Header {
    /// The header of `file` (`len` bytes), if it is this format's and was
    /// written for `key`.
    fn read(file: &File, len: u64, key: &Key) -> Option<Header> {
        let mut bytes = vec![0u8; MAX_HEADER_BYTES.min(usize::try_from(len).ok()?)];
        file.read_exact_at(&mut bytes, 0).ok()?;
        let mut input = Reader::new(&bytes);
        if input.take(MAGIC.len()).ok()? != MAGIC || Vec::<u8>::decode(&mut input).ok()? != key.0 {
            return None;
        }
        let nonce = u64::decode(&mut input).ok()?;
        let texts_len = u64::decode(&mut input).ok()?;
        let header_len = bytes.len() - input.left();
        bytes.truncate(header_len);
        Some(Header {
            bytes,
            nonce,
            texts_start: header_len as u64,
            texts_len,
        })
    }
}

/// Decodes the catalogue part of a cache file's core (between the texts
/// section and the index): the catalogue and what the local file added.
/// `None` for any other bytes, never a panic or a huge allocation. Stored
/// long texts come back unattached ([`LongText::attach`]).
fn decode_catalogue(input: &mut Reader<'_>) -> Option<(Catalogue, Option<LocalInfo>)> {
    let catalogue = Catalogue::decode(input).ok()?;
    let local = Option::<LocalInfo>::decode(input).ok()?;
    input.is_done().then_some((catalogue, local))
}

/// The end of a cache file: the length of the index part, then the
/// checksums of the texts section, of the header with the catalogue part,
/// and of the index part.
struct Trailer {
    index_len: u64,
    sums: [u64; 3],
}

/// Bytes in a [`Trailer`].
const TRAILER: u64 = 32;

impl Trailer {
    /// The trailer of `file` (`len` bytes).
    fn read(file: &File, len: u64) -> Option<Trailer> {
        let mut bytes = [0u8; TRAILER as usize];
        file.read_exact_at(&mut bytes, len.checked_sub(TRAILER)?)
            .ok()?;
        let mut input = Reader::new(&bytes);
        let index_len = u64::decode(&mut input).ok()?;
        let sums = <[u64; 3]>::decode(&mut input).ok()?;
        Some(Trailer { index_len, sums })
    }
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
    let entries = &loaded.catalogue.initiatives;
    let mut buffer = Vec::from(*MAGIC);
    key.0.encode(&mut buffer);
    let texts_len: u64 = stored_texts(entries)
        .map(|text| STORED_HEADER + text.len() as u64)
        .sum();
    let nonce = fresh_nonce();
    nonce.encode(&mut buffer);
    texts_len.encode(&mut buffer);
    out.put(&mut buffer)?;
    // The texts section, each text after its own checksum, and all of it
    // under a checksum of its own (in the trailer).
    let mut texts_sum = Checksum::default();
    for text in stored_texts(entries) {
        let sum = stored_checksum(nonce, text.as_bytes()).to_le_bytes();
        for part in [&sum[..], text.as_bytes()] {
            texts_sum.write(part);
            out.file.write_all(part)?;
        }
    }
    // The catalogue's parts one by one, so the buffer stays small; each
    // entry with its stored texts as places in the texts section, in the
    // order written above.
    let catalogue = &loaded.catalogue;
    catalogue.schema_version.encode(&mut buffer);
    catalogue.title.encode(&mut buffer);
    catalogue.updated.encode(&mut buffer);
    catalogue.vocabularies.encode(&mut buffer);
    entries.len().encode(&mut buffer);
    let mut offset = 0;
    for entry in entries {
        // Only a catalogue in memory is written (from the JSON): a text
        // stored in another cache file would point into that file.
        if entry.long_texts().any(|text| text.as_inline().is_none()) {
            return Err(io::Error::other(
                "a catalogue read from a cache is not cached again",
            ));
        }
        let mut entry = entry.clone();
        for text in entry.texts_of_the_details_mut() {
            if let Some(len) = storable(text) {
                *text = LongText::stored(offset, len)
                    .ok_or_else(|| io::Error::other("texts section too large"))?;
                offset += STORED_HEADER + len as u64;
            }
        }
        entry.encode(&mut buffer);
        if buffer.len() > 1 << 20 {
            out.put(&mut buffer)?;
        }
    }
    // The fields after the entries, in `Catalogue`'s codec order.
    catalogue.maintainer.encode(&mut buffer);
    loaded.local.encode(&mut buffer);
    out.put(&mut buffer)?;
    let catalogue_sum = std::mem::take(&mut out.sum).finish();
    index.encode(&mut buffer);
    let index_len = buffer.len() as u64;
    out.put(&mut buffer)?;
    let trailer = [
        index_len,
        texts_sum.finish(),
        catalogue_sum,
        out.sum.finish(),
    ];
    for n in trailer {
        out.file.write_all(&n.to_le_bytes())?;
    }
    out.file
        .into_inner()
        .map_err(|e| e.into_error())?
        .sync_all()
}

/// A number no other cache file is likely to have: std's per-process random
/// hash keys, mixed with the time and process id.
fn fresh_nonce() -> u64 {
    use std::hash::BuildHasher;
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    std::time::SystemTime::now().hash(&mut hasher);
    std::process::id().hash(&mut hasher);
    hasher.finish()
}

/// The length of a text that goes into the texts section: one in memory and
/// not too long to be stored.
fn storable(text: &LongText) -> Option<usize> {
    text.as_inline()
        .map(str::len)
        .filter(|&len| len <= MAX_STORED_LEN)
}

/// The texts that go into the texts section, in order.
fn stored_texts(entries: &[Initiative]) -> impl Iterator<Item = &str> {
    entries
        .iter()
        .flat_map(Initiative::texts_of_the_details)
        .filter(|text| storable(text).is_some())
        .filter_map(LongText::as_inline)
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
