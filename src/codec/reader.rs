//! [`Reader`]: the bytes a value is decoded from — a slice in memory, or a
//! part of an open file read a stretch at a time.
//!
//! Reading a file in stretches (`pread` into one small buffer) keeps a large
//! cache from ever being in memory whole, and a file truncated meanwhile is
//! only a short read: [`Corrupt`], never a SIGBUS as with a map of it.

use std::fs::File;
use std::hash::Hasher;
use std::os::unix::fs::FileExt;

use super::Corrupt;
use crate::checksum::Checksum;

/// How much of a file is read at a time (more when one value is longer).
const STRETCH: usize = 1 << 20;

/// Reads values from a byte slice or a part of a file.
pub struct Reader<'a> {
    source: Source<'a>,
    /// Whether decoded text may hold line feeds (the search index's word
    /// lists do; catalogue text, like the JSON validator, allows none).
    newlines: bool,
}

enum Source<'a> {
    Slice(&'a [u8]),
    File(Stretches<'a>),
}

/// A part of a file, read a stretch at a time into `buffer`.
struct Stretches<'a> {
    file: &'a File,
    /// Where the next stretch starts in the file, and how many bytes of the
    /// part are still unread.
    next: u64,
    unread: u64,
    buffer: Vec<u8>,
    /// Bytes of `buffer` already taken.
    taken: usize,
    /// The checksum of every byte read so far.
    sum: Checksum,
}

impl<'a> Reader<'a> {
    /// A reader over `bytes`.
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            source: Source::Slice(bytes),
            newlines: false,
        }
    }

    /// A reader over the `len` bytes at `offset` in `file`, which sums what
    /// it reads into `sum` ([`Reader::checksum`]).
    pub fn of_file(file: &'a File, offset: u64, len: u64, sum: Checksum) -> Reader<'a> {
        Reader {
            source: Source::File(Stretches {
                file,
                next: offset,
                unread: len,
                buffer: Vec::new(),
                taken: 0,
                sum,
            }),
            newlines: false,
        }
    }

    /// Lets decoded text hold line feeds from here on (for the search
    /// index); every other character the catalogue's rule refuses
    /// ([`crate::charrules`]) stays an error.
    pub fn allow_newlines(&mut self) {
        self.newlines = true;
    }

    /// Whether decoded text may hold line feeds.
    pub fn newlines(&self) -> bool {
        self.newlines
    }

    /// Takes the next `n` bytes.
    pub fn take(&mut self, n: usize) -> Result<&[u8], Corrupt> {
        if n > self.left() {
            return Err(Corrupt);
        }
        match &mut self.source {
            Source::Slice(bytes) => {
                let (head, tail) = bytes.split_at(n);
                *bytes = tail;
                Ok(head)
            }
            Source::File(stretches) => stretches.take(n),
        }
    }

    /// How many bytes are left to read.
    pub fn left(&self) -> usize {
        match &self.source {
            Source::Slice(bytes) => bytes.len(),
            Source::File(s) => {
                let buffered = s.buffer.len() - s.taken;
                usize::try_from(s.unread)
                    .map_or(usize::MAX, |unread| unread.saturating_add(buffered))
            }
        }
    }

    /// Whether every byte has been read.
    pub fn is_done(&self) -> bool {
        self.left() == 0
    }

    /// For a reader of a file: the checksum of everything it read, once it
    /// has read it all.
    pub fn checksum(&self) -> Option<u64> {
        match &self.source {
            Source::File(s) if self.is_done() => Some(s.sum.finish()),
            _ => None,
        }
    }

    /// A length prefix, checked to be at most the bytes left (every element
    /// takes at least one byte), so corrupt lengths cannot allocate much.
    pub(super) fn len(&mut self) -> Result<usize, Corrupt> {
        use super::Codec;
        let n = usize::try_from(u64::decode(self)?).map_err(|_| Corrupt)?;
        if n > self.left() {
            return Err(Corrupt);
        }
        Ok(n)
    }
}

impl Stretches<'_> {
    /// The next `n` bytes (the caller checked that the part holds them),
    /// reading the next stretch of the file when the buffer has fewer.
    fn take(&mut self, n: usize) -> Result<&[u8], Corrupt> {
        let buffered = self.buffer.len() - self.taken;
        if buffered < n {
            self.buffer.drain(..self.taken);
            self.taken = 0;
            let want = u64::try_from((n - buffered).max(STRETCH))
                .map_err(|_| Corrupt)?
                .min(self.unread);
            let want = usize::try_from(want).map_err(|_| Corrupt)?;
            let start = self.buffer.len();
            self.buffer.resize(start + want, 0);
            // A file cut short meanwhile ends the read early: corrupt (and
            // the buffer as it was, so nothing unread is ever handed out).
            if self
                .file
                .read_exact_at(&mut self.buffer[start..], self.next)
                .is_err()
            {
                self.buffer.truncate(start);
                return Err(Corrupt);
            }
            self.sum.write(&self.buffer[start..]);
            self.next += want as u64;
            self.unread -= want as u64;
        }
        let bytes = self.buffer.get(self.taken..self.taken + n).ok_or(Corrupt)?;
        self.taken += n;
        Ok(bytes)
    }
}

/// `bytes` as text that passes the catalogue's character rule (with line
/// feeds allowed when `newlines`).
pub fn text(bytes: &[u8], newlines: bool) -> Result<&str, Corrupt> {
    let text = std::str::from_utf8(bytes).map_err(|_| Corrupt)?;
    match crate::charrules::first_forbidden(text, newlines) {
        None => Ok(text),
        Some(_) => Err(Corrupt),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::Codec;
    use std::io::Write;

    fn file_of(bytes: &[u8]) -> File {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(bytes).unwrap();
        file
    }

    #[test]
    fn a_file_reads_as_its_bytes_would_and_sums_them() {
        let mut bytes = b"head".to_vec();
        let words: Vec<String> = (0..100_000).map(|i| format!("ord{i}")).collect();
        words.encode(&mut bytes);
        vec![7u32; 400_000].encode(&mut bytes);
        let long = "x".repeat(3 * STRETCH);
        long.encode(&mut bytes);
        let file = file_of(&bytes);
        let len = bytes.len() as u64 - 4;
        let mut reader = Reader::of_file(&file, 4, len, Checksum::default());
        assert_eq!(Vec::<String>::decode(&mut reader), Ok(words));
        assert_eq!(reader.checksum(), None, "not all read yet");
        assert_eq!(Vec::<u32>::decode(&mut reader), Ok(vec![7u32; 400_000]));
        assert_eq!(String::decode(&mut reader), Ok(long));
        assert!(reader.is_done());
        assert_eq!(
            reader.checksum(),
            Some(crate::checksum::checksum(&bytes[4..]))
        );
    }

    #[test]
    fn a_file_cut_short_is_corrupt_not_a_crash() {
        let mut bytes = Vec::new();
        vec!["mentor".to_owned(); 300_000].encode(&mut bytes);
        let file = file_of(&bytes);
        let mut reader = Reader::of_file(&file, 0, bytes.len() as u64, Checksum::default());
        file.set_len(1000).unwrap();
        assert_eq!(Vec::<String>::decode(&mut reader), Err(Corrupt));
        // A part said to be longer than the file is corrupt too, and stays
        // so: bytes never read are never handed out.
        let mut reader = Reader::of_file(&file, 0, 5000, Checksum::default());
        assert_eq!(reader.take(2000).map(<[u8]>::len), Err(Corrupt));
        assert_eq!(reader.left(), 5000);
        assert_eq!(reader.take(10).map(<[u8]>::len), Err(Corrupt));
    }
}
