//! Reading an opened regular file whole, up to a limit; a large one in two
//! halves at once.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::os::unix::fs::FileExt;

use super::ReadError;

/// From this many bytes on, a file is read in two halves on two threads.
/// Copying a file from the page cache into fresh pages is memory-bound work
/// that two cores share well: for a catalogue of 100,000 entries (255 MB)
/// it took 128 ms on one, a twentieth of the start.
const PARALLEL_READ: u64 = 4 << 20;

/// Reads an opened file of (stated) size `size`, at most `limit + 1` bytes.
/// The size is only a hint: the file may have grown or shrunk since.
pub(super) fn read_opened(file: File, size: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    let size = size.min(limit);
    let mut bytes = if size >= PARALLEL_READ {
        let bytes = read_halves(&file, size as usize)?;
        // Whatever else the file holds now is read on from there.
        (&file).seek(SeekFrom::Start(bytes.len() as u64))?;
        bytes
    } else {
        // Sized up front: growing a buffer copies it each time.
        Vec::with_capacity(size as usize + 1)
    };
    let left = (limit + 1).saturating_sub(bytes.len() as u64);
    (&file).take(left).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The first `size` bytes of `file`, read in two halves at once (fewer when
/// the file is shorter now: as far as it reads without a gap).
fn read_halves(file: &File, size: usize) -> io::Result<Vec<u8>> {
    // Zeroed pages from the system, each taken when first written.
    let mut bytes = vec![0u8; size];
    let (first, second) = bytes.split_at_mut(size / 2);
    let half = first.len();
    let (ours, theirs) = std::thread::scope(|scope| {
        let theirs = crate::threads::spawn_or_defer(scope, move || fill(file, second, half as u64));
        (fill(file, first, 0), theirs.join())
    });
    let first_read = ours?;
    let len = if first_read < half {
        first_read
    } else {
        half + theirs?
    };
    bytes.truncate(len);
    Ok(bytes)
}

/// Reads into `buf` from `offset` until it is full or the file ends, and
/// says how many bytes it read.
fn fill(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    let mut done = 0;
    while done < buf.len() {
        match file.read_at(&mut buf[done..], offset + done as u64) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file of `len` bytes, each telling its place (so a half read in the
    /// wrong place shows), opened for reading.
    fn file_of(len: usize) -> (tempfile::NamedTempFile, Vec<u8>) {
        let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        let mut file = tempfile::NamedTempFile::new().unwrap();
        std::io::Write::write_all(&mut file, &bytes).unwrap();
        (file, bytes)
    }

    fn read(file: &tempfile::NamedTempFile, size: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
        read_opened(File::open(file.path()).unwrap(), size, limit)
    }

    /// Large and small, and whatever size the file was said to have when
    /// opened (it may have grown or shrunk since): the file whole.
    #[test]
    fn a_file_is_read_whole_whatever_its_stated_size() {
        let large = PARALLEL_READ as usize + 12_345;
        for len in [0, 1, 1000, large] {
            let (file, bytes) = file_of(len);
            let len = len as u64;
            for stated in [len, len / 2, len + 1, len * 2 + PARALLEL_READ, 0] {
                let got = read(&file, stated, 1 << 30).unwrap();
                assert!(got == bytes, "{len} bytes stated as {stated}");
            }
        }
    }

    #[test]
    fn a_file_over_the_limit_is_refused_after_one_byte_more() {
        let len = PARALLEL_READ as usize * 2 + 1;
        let (file, bytes) = file_of(len);
        let limit = len as u64 - 1;
        for stated in [len as u64, limit, 0] {
            match read(&file, stated, limit) {
                Err(ReadError::TooLarge(read)) => assert_eq!(read, len as u64),
                other => panic!("stated {stated}: {:?}", other.map(|b| b.len())),
            }
        }
        assert!(read(&file, len as u64, len as u64).unwrap() == bytes);
    }
}
