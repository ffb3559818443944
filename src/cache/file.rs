//! The cache file: its key, its name, and reading and writing it.
//!
//! Layout: `MAGIC`, the key (length-prefixed), the payload (catalogue, local
//! info, index), and a checksum of everything before it. It is written to a
//! temporary file and renamed into place, so a reader never sees half a file.

use std::fs::{self, File};
use std::hash::{Hash, Hasher};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::codec::{Codec, Reader};
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

/// Reads the cache file at `path` if it was built for `key` and is intact.
///
/// The file is memory-mapped and the map kept for the rest of the process:
/// descriptions are borrowed from it rather than copied to the heap, so they
/// cost resident memory only while shown, and the pages are shared by every
/// session on the server through the page cache.
pub fn read(path: &Path, key: &Key) -> Option<(Catalogue, Option<LocalInfo>, SearchIndex)> {
    let file = File::open(path).ok()?;
    // SAFETY: the map could change underneath only if someone rewrote the file
    // in place; indsats never does (it writes a new file and renames it over
    // the old one, which leaves this inode and its contents intact).
    let map = unsafe { memmap2::Mmap::map(&file) }.ok()?;
    let body_len = map.len().checked_sub(8)?;
    {
        let mut header = Reader::new(&map[..body_len]);
        if header.take(MAGIC.len()).ok()? != MAGIC || Vec::<u8>::decode(&mut header).ok()? != key.0
        {
            return None;
        }
        let sum = u64::from_le_bytes(map[body_len..].try_into().ok()?);
        if checksum(&map[..body_len]) != sum {
            return None;
        }
    }
    let map: &'static memmap2::Mmap = Box::leak(Box::new(map));
    let mut input = Reader::lasting(&map[..body_len]);
    input.take(MAGIC.len()).ok()?;
    Vec::<u8>::decode(&mut input).ok()?;
    let catalogue = Catalogue::decode(&mut input).ok()?;
    let local = Option::<LocalInfo>::decode(&mut input).ok()?;
    let index = SearchIndex::decode(&mut input).ok()?;
    // Checking and decoding touched every page; let them go from this
    // process's resident set (they stay in the page cache, and a description
    // read later faults its page back in).
    // SAFETY: a read-only shared file mapping: dropping its pages loses nothing.
    let _ = unsafe { map.unchecked_advise(memmap2::UncheckedAdvice::DontNeed) };
    (input.is_done() && index.len() == catalogue.initiatives.len())
        .then_some((catalogue, local, index))
}

/// Writes the cache file at `path` for `key` (creating its directory).
pub fn write(path: &Path, key: &Key, loaded: &Loaded, index: &SearchIndex) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let temp = path.with_extension(format!("tmp{}", std::process::id()));
    let result = write_to(&temp, key, loaded, index).and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_to(temp: &Path, key: &Key, loaded: &Loaded, index: &SearchIndex) -> io::Result<()> {
    let mut out = Sink {
        file: BufWriter::new(File::create(temp)?),
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
struct Sink {
    file: BufWriter<File>,
    sum: Checksum,
}

impl Sink {
    /// Writes and empties `buffer`.
    fn put(&mut self, buffer: &mut Vec<u8>) -> io::Result<()> {
        self.sum.write(buffer);
        self.file.write_all(buffer)?;
        buffer.clear();
        Ok(())
    }
}

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
