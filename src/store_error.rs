//! What can go wrong with the favourites file or its folder: one error type
//! for the whole store, [`StoreError`], made where the failure is known and
//! matched by the callers. The UI tells each variant in a few words of its
//! language (`crate::tui`): the status bar has room for one short line, and
//! an operating system's English message does not belong in a Danish screen.

use std::io;

use crate::secure_file::{NotRegular, PlaceError};

/// What went wrong with the favourites file or its folder.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// No permission to read or write it (or a read-only file system).
    #[error("no access")]
    NoAccess,
    /// A FIFO, device or directory where the file should be: what it is.
    #[error("{0}, not a regular file")]
    NotAFile(&'static str),
    /// Written by a newer indsats (a higher format version): left for it.
    #[error("written by a newer indsats")]
    NewerFormat,
    /// Not a favourites file (or far too large to be one).
    #[error("not a valid favourites file")]
    Invalid,
    /// The folder, or the way to it, is one another user could change
    /// (README, "Deploying for SSH users"): where, and why.
    #[error("{0}")]
    UnsafeFolder(String),
    /// The disk or the user's quota is full.
    #[error("the disk or the quota is full")]
    DiskFull,
    /// The data folder cannot be there (a file stands on its way).
    #[error("no folder: a file stands where a folder should be")]
    NoFolder,
    /// Another session holds the lock and did not let go in time
    /// ([`crate::store_merge::LOCK_WAIT`]).
    #[error("busy in another session")]
    Busy,
    /// Any other failure of the system: its message.
    #[error("{0}")]
    Io(String),
}

impl From<io::Error> for StoreError {
    /// Names a plain failure of the system by its error number, or by its
    /// kind where a wrapper hid the number: `tempfile` adds the path to an
    /// error and keeps only its kind (a disk out of inodes is ENOSPC too).
    fn from(err: io::Error) -> StoreError {
        match err.raw_os_error() {
            Some(libc::ENOSPC | libc::EDQUOT) => return StoreError::DiskFull,
            Some(libc::EISDIR) => return StoreError::NotAFile("a directory"),
            Some(libc::ENOTDIR) => return StoreError::NoFolder,
            _ => {}
        }
        match err.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => StoreError::DiskFull,
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                StoreError::NoAccess
            }
            io::ErrorKind::IsADirectory => StoreError::NotAFile("a directory"),
            io::ErrorKind::NotADirectory => StoreError::NoFolder,
            _ => StoreError::Io(err.to_string()),
        }
    }
}

impl From<NotRegular> for StoreError {
    fn from(NotRegular(kind): NotRegular) -> StoreError {
        StoreError::NotAFile(kind)
    }
}

impl From<PlaceError> for StoreError {
    fn from(err: PlaceError) -> StoreError {
        match err {
            PlaceError::Unsafe(why) => StoreError::UnsafeFolder(why),
            PlaceError::Io(err) => err.into(),
        }
    }
}

/// Why favourites were not saved: what went wrong, and whether it was the
/// file on disk that could not be read (then it was left as it was).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// The file on disk cannot be read, so it was not overwritten (it may
    /// hold marks this session never saw).
    #[error("{file} cannot be read ({0}); it was not overwritten", file = crate::store::FILE_NAME)]
    Unreadable(StoreError),
    /// Writing failed, or another session held the lock too long
    /// ([`StoreError::Busy`]).
    #[error("favourites not saved ({0})")]
    Failed(StoreError),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_become_store_errors() {
        let of = |err: io::Error| StoreError::from(err);
        assert_eq!(
            of(io::Error::from_raw_os_error(libc::ENOSPC)),
            StoreError::DiskFull
        );
        assert_eq!(
            of(io::Error::from_raw_os_error(libc::EACCES)),
            StoreError::NoAccess
        );
        assert_eq!(
            of(io::Error::from_raw_os_error(libc::EROFS)),
            StoreError::NoAccess
        );
        assert_eq!(
            of(io::Error::from_raw_os_error(libc::ENOTDIR)),
            StoreError::NoFolder
        );
        assert_eq!(
            of(io::Error::from_raw_os_error(libc::EISDIR)),
            StoreError::NotAFile("a directory")
        );
        assert!(matches!(of(io::Error::other("?")), StoreError::Io(m) if m == "?"));
        let refused = PlaceError::Unsafe("x: others can write to it".into());
        assert_eq!(
            StoreError::from(refused),
            StoreError::UnsafeFolder("x: others can write to it".into())
        );
        assert_eq!(
            StoreError::from(NotRegular("a FIFO (named pipe)")),
            StoreError::NotAFile("a FIFO (named pipe)")
        );
    }

    /// `tempfile` wraps an error with its path and keeps only the kind: a
    /// disk out of inodes (ENOSPC) or over quota (EDQUOT) is still full.
    #[test]
    fn a_full_disk_is_named_through_a_wrapper() {
        for code in [libc::ENOSPC, libc::EDQUOT] {
            let inner = io::Error::from_raw_os_error(code);
            let wrapped = io::Error::new(inner.kind(), format!("{inner} at /x/.favourites.tmp"));
            assert_eq!(wrapped.raw_os_error(), None);
            assert_eq!(StoreError::from(wrapped), StoreError::DiskFull, "{code}");
        }
    }
}
