//! A private, sealed copy of a cache file to borrow descriptions from.
//!
//! The file on disk may be truncated or rewritten while a session runs (an
//! administrator's `cp` over it, `truncate -s 0`). A map of that file would
//! then fault with SIGBUS, or change under text the app holds. So the file
//! is copied, in the kernel and without passing through this process's
//! memory, into an anonymous memory file (`memfd`) that only this process
//! holds and that is sealed against shrinking; the map is of that copy.
//! After decoding, everything but the borrowed descriptions is punched out
//! of the copy, so it keeps only what is still used.

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsRawFd, FromRawFd};

/// A sealed in-memory copy of a file and its read-only map.
pub struct PrivateCopy {
    file: File,
    map: memmap2::Mmap,
}

impl PrivateCopy {
    /// Copies the first `len` bytes of `source`; fails when it holds fewer
    /// (it was truncated meanwhile) or more.
    pub fn of(source: File, len: u64) -> io::Result<PrivateCopy> {
        // SAFETY: a valid C string; memfd_create only creates a descriptor.
        let fd = unsafe {
            libc::memfd_create(
                c"indsats-cache".as_ptr(),
                libc::MFD_CLOEXEC | libc::MFD_ALLOW_SEALING,
            )
        };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `fd` was just created and is owned by nothing else.
        let mut file = unsafe { File::from_raw_fd(fd) };
        let copied = io::copy(&mut source.take(len + 1), &mut file)?;
        if copied != len {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the cache file changed while it was read",
            ));
        }
        let seals = libc::F_SEAL_SHRINK | libc::F_SEAL_GROW | libc::F_SEAL_SEAL;
        // SAFETY: fcntl on a descriptor we own.
        if unsafe { libc::fcntl(file.as_raw_fd(), libc::F_ADD_SEALS, seals) } != 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: the memfd is this process's alone (no name, close-on-exec)
        // and sealed against shrinking, and this process never writes to it:
        // the mapped bytes cannot change or disappear.
        let map = unsafe { memmap2::Mmap::map(&file) }?;
        Ok(PrivateCopy { file, map })
    }

    /// The copy's bytes, for the rest of the process (the map is leaked).
    pub fn leak(self) -> (&'static [u8], Punch) {
        let map: &'static memmap2::Mmap = Box::leak(Box::new(self.map));
        (
            map,
            Punch {
                file: self.file,
                map,
            },
        )
    }
}

/// Drops the whole pages inside `bytes` — part of a read-only shared map —
/// from this process's resident set; they stay in the mapped file and fault
/// back in, unchanged, when read again. Keeps the loading peak low.
pub fn release(bytes: &[u8]) {
    let page = 4096;
    let start = (bytes.as_ptr() as usize).next_multiple_of(page);
    let end = (bytes.as_ptr() as usize + bytes.len()) / page * page;
    if start < end {
        // SAFETY: the range lies inside a shared, read-only mapping of a file
        // (the caller's contract); MADV_DONTNEED only unmaps its pages, and
        // reading them again gives the same bytes from the file.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
        }
    }
}

/// Frees the parts of a leaked copy no longer used.
pub struct Punch {
    file: File,
    map: &'static memmap2::Mmap,
}

impl Punch {
    /// Frees every whole page of the copy outside `kept` (byte ranges in
    /// order), and drops all pages from this process's resident set (they
    /// stay in the copy; a description read later faults its page back in).
    pub fn keep_only(self, kept: impl Iterator<Item = (usize, usize)>) {
        let page = 4096;
        let mut from = 0usize;
        let punch = |start: usize, end: usize| {
            let (start, end) = (start.next_multiple_of(page), end / page * page);
            if start < end {
                // SAFETY: fallocate on our own memfd; a punched range reads
                // as zeros and nothing in it is referenced any more.
                unsafe {
                    libc::fallocate(
                        self.file.as_raw_fd(),
                        libc::FALLOC_FL_PUNCH_HOLE | libc::FALLOC_FL_KEEP_SIZE,
                        start as libc::off_t,
                        (end - start) as libc::off_t,
                    );
                }
            }
        };
        for (start, end) in kept {
            if start >= from {
                punch(from, start);
            }
            from = from.max(end);
        }
        punch(from, self.map.len());
        // SAFETY: a read-only shared mapping of a memfd: dropping its pages
        // from the resident set loses nothing.
        let _ = unsafe {
            self.map
                .unchecked_advise(memmap2::UncheckedAdvice::DontNeed)
        };
    }
}
