//! Why the favourites file could not be read or saved, told in a few words
//! of the UI's language: the status bar has room for one short line, and an
//! operating system's English message does not belong in a Danish screen.

use std::fmt;
use std::io;

use crate::secure_file::{NotRegular, UnsafePlace};

/// What went wrong with the favourites file or its folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// No permission to read or write it.
    NoAccess,
    /// A FIFO, device or directory where the file should be.
    NotAFile,
    /// Written by a newer indsats (a higher format version): left for it.
    NewerFormat,
    /// Not a favourites file (or far too large to be one).
    Invalid,
    /// The folder, or the way to it, is one another user could change
    /// (README, "Deploying for SSH users").
    UnsafeFolder,
    /// The disk or the user's quota is full.
    DiskFull,
    /// The data folder cannot be there (a file stands on its way).
    NoFolder,
    /// Anything else.
    Other,
}

impl Reason {
    /// The reason behind an I/O error of the store's.
    pub fn of(err: &io::Error) -> Reason {
        if let Some(inner) = err.get_ref() {
            if inner.is::<UnsafePlace>() {
                return Reason::UnsafeFolder;
            }
            if inner.is::<NotRegular>() {
                return Reason::NotAFile;
            }
            if inner.is::<crate::store::NewerFormat>() {
                return Reason::NewerFormat;
            }
        }
        match err.raw_os_error() {
            Some(libc::ENOSPC | libc::EDQUOT) => return Reason::DiskFull,
            Some(libc::EISDIR) => return Reason::NotAFile,
            Some(libc::ENOTDIR) => return Reason::NoFolder,
            _ => {}
        }
        match err.kind() {
            // Also where a wrapper hid the number: `tempfile` adds the path
            // to an error and keeps only its kind (a disk out of inodes is
            // ENOSPC too).
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Reason::DiskFull,
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => Reason::NoAccess,
            io::ErrorKind::InvalidData => Reason::Invalid,
            _ => Reason::Other,
        }
    }
}

/// Why favourites were not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The file on disk cannot be read, so it was not overwritten (it may
    /// hold marks this session never saw).
    Unreadable(Reason),
    /// Writing failed.
    Failed(Reason),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Unreadable(reason) => write!(
                f,
                "{} cannot be read ({reason:?}); it was not overwritten",
                crate::store::FILE_NAME
            ),
            SaveError::Failed(reason) => write!(f, "favourites not saved ({reason:?})"),
        }
    }
}

impl std::error::Error for SaveError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_become_reasons() {
        let err = io::Error::from_raw_os_error(libc::ENOSPC);
        assert_eq!(Reason::of(&err), Reason::DiskFull);
        let err = io::Error::from_raw_os_error(libc::EACCES);
        assert_eq!(Reason::of(&err), Reason::NoAccess);
        let err = io::Error::new(
            io::ErrorKind::PermissionDenied,
            UnsafePlace("x: others can write to it".into()),
        );
        assert_eq!(Reason::of(&err), Reason::UnsafeFolder);
        let err = io::Error::new(io::ErrorKind::InvalidInput, NotRegular("a FIFO"));
        assert_eq!(Reason::of(&err), Reason::NotAFile);
        assert_eq!(Reason::of(&io::Error::other("?")), Reason::Other);
    }

    /// `tempfile` wraps an error with its path and keeps only the kind: a
    /// disk out of inodes (ENOSPC) or over quota (EDQUOT) is still full.
    #[test]
    fn a_full_disk_is_named_through_a_wrapper() {
        for code in [libc::ENOSPC, libc::EDQUOT] {
            let inner = io::Error::from_raw_os_error(code);
            let wrapped = io::Error::new(inner.kind(), format!("{inner} at /x/.favourites.tmp"));
            assert_eq!(wrapped.raw_os_error(), None);
            assert_eq!(Reason::of(&wrapped), Reason::DiskFull, "{code}");
        }
    }
}
