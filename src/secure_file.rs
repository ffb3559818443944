//! Opening files that another user of a shared server may have placed:
//! only regular files, checked on the open descriptor, read up to a limit.
//!
//! Every file indsats reads — the catalogue, `local.json` and favourites —
//! is opened with `O_NONBLOCK`, so a FIFO or a device cannot
//! hang the open, and refused at once unless `fstat` on the descriptor says
//! it is a regular file. What is checked is the file that was opened, not a
//! name that could be swapped between a check and the open.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// What kind of file a non-regular file is, for messages.
pub fn kind_name(meta: &Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        "a directory"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// Opens `path` for reading without blocking and returns it with the
/// descriptor's metadata; anything but a regular file is refused with an
/// error naming what it is. For callers that want to know which:
/// [`open_regular_file`].
pub fn open_regular(path: &Path) -> io::Result<(File, Metadata)> {
    open_regular_file(path).map_err(io::Error::from)
}

/// [`open_regular`], with its refusal told apart from a failed open.
pub fn open_regular_file(path: &Path) -> Result<(File, Metadata), OpenError> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(OpenError::NotRegular(kind_name(&meta)));
    }
    Ok((file, meta))
}

/// Why [`open_regular_file`] gave up.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The file could not be opened (or its metadata read).
    #[error(transparent)]
    Io(#[from] io::Error),
    /// It is not a regular file but this kind of file ([`kind_name`]).
    #[error("{0}, not a regular file")]
    NotRegular(&'static str),
}

impl From<OpenError> for io::Error {
    fn from(err: OpenError) -> io::Error {
        match err {
            OpenError::Io(err) => err,
            refused @ OpenError::NotRegular(_) => {
                io::Error::new(io::ErrorKind::InvalidInput, refused)
            }
        }
    }
}

/// Why [`safe_place`] refused a directory, or could not make it.
#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    /// The directory, or the way to it, is one another user could change:
    /// where, and why.
    #[error("{0}")]
    Unsafe(String),
    /// It could not be checked or made.
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl From<PlaceError> for io::Error {
    fn from(err: PlaceError) -> io::Error {
        match err {
            PlaceError::Io(err) => err,
            refused @ PlaceError::Unsafe(_) => {
                io::Error::new(io::ErrorKind::PermissionDenied, refused)
            }
        }
    }
}

/// Why [`read_regular`] gave up.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read, or is not a regular file.
    Io(io::Error),
    /// The file holds more than the limit (at least this many bytes).
    TooLarge(u64),
}

impl From<io::Error> for ReadError {
    fn from(err: io::Error) -> ReadError {
        ReadError::Io(err)
    }
}

/// Reads the regular file at `path`, refusing it after at most `limit + 1`
/// bytes when it is larger than `limit`.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    read_opened(file, meta.len(), limit)
}

/// Reads an opened file of (stated) size `size`, at most `limit + 1` bytes.
pub fn read_opened(file: File, size: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Sized up front: growing a buffer of hundreds of megabytes copies it
    // repeatedly. The size is only a hint: the file may grow while read.
    let mut bytes = Vec::with_capacity(size.min(limit) as usize + 1);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The effective user id of this process.
pub fn my_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Whether a file (or directory) with this metadata can only have been
/// written by this user or by root: owned by one of them, and writable by
/// no group and no one else. The rule of OpenSSH's `StrictModes`.
pub fn is_trusted(meta: &Metadata) -> bool {
    let owner = meta.uid();
    (owner == my_uid() || owner == 0) && meta.mode() & 0o022 == 0
}

/// Why a directory is not safe to write into.
pub fn unsafe_dir_reason(meta: &Metadata) -> Option<String> {
    if !meta.is_dir() {
        return Some(format!("it is {}", kind_name(meta)));
    }
    if meta.uid() != my_uid() {
        return Some(format!("it belongs to another user (uid {})", meta.uid()));
    }
    if meta.mode() & 0o022 != 0 {
        return Some(format!(
            "others can write to it (mode {:o})",
            meta.mode() & 0o7777
        ));
    }
    None
}

/// Makes sure `dir` exists as a directory this user owns and no one else
/// can write to, creating it (and missing parents) with exactly `mode`
/// (0700 for private data), whatever the umask.
/// An existing directory that fails the check is an error, never changed.
///
/// As OpenSSH's `StrictModes` checks the path to `authorized_keys`, the way
/// there is checked too, since whoever can rename a directory on it can put
/// a directory of their own in its place: every directory above must belong
/// to this user or root and be writable by no one else, unless it is sticky
/// (like `/tmp`, where others cannot rename what is not theirs). A symbolic
/// link on the way must belong to this user or root: another user's link
/// could lead a write anywhere that user likes.
///
/// A refusal is an [`io::Error`] of kind `PermissionDenied` saying where and
/// why; [`safe_place`] tells it apart from a failed check.
pub fn safe_dir(dir: &Path, mode: u32) -> io::Result<()> {
    safe_place(dir, mode).map_err(io::Error::from)
}

/// [`safe_dir`], with its refusal told apart from a failed check.
pub fn safe_place(dir: &Path, mode: u32) -> Result<(), PlaceError> {
    let absolute = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        std::env::current_dir()?.join(dir)
    };
    let refuse = |place: &Path, reason: String| {
        PlaceError::Unsafe(format!(
            "{}: not a safe place to write: {}{reason}",
            dir.display(),
            if place == absolute.as_path() {
                String::new()
            } else {
                format!("{} ", place.display())
            },
        ))
    };
    // Links on the way as written, before anything is created through
    // them, and again after.
    check_links(&absolute).map_err(|(place, reason)| refuse(&place, reason))?;
    create_missing(&absolute, mode)?;
    check_links(&absolute).map_err(|(place, reason)| refuse(&place, reason))?;
    // The directory the name leads to, and the way to it.
    let real = std::fs::canonicalize(&absolute)?;
    if let Some(reason) = unsafe_dir_reason(&std::fs::metadata(&real)?) {
        return Err(refuse(&absolute, reason));
    }
    for above in real.ancestors().skip(1) {
        let meta = std::fs::metadata(above)?;
        if !owned_by_me_or_root(&meta) {
            return Err(refuse(
                above,
                format!("belongs to another user (uid {})", meta.uid()),
            ));
        }
        if meta.mode() & 0o022 != 0 && meta.mode() & 0o1000 == 0 {
            return Err(refuse(
                above,
                format!(
                    "can be written by others (mode {:o}), who could put another directory in its place",
                    meta.mode() & 0o7777
                ),
            ));
        }
    }
    Ok(())
}

/// The first symbolic link on the way to `dir` (from the root down, as far
/// as the way exists) that belongs to another user, with why.
fn check_links(dir: &Path) -> Result<(), (PathBuf, String)> {
    let ancestors: Vec<&Path> = dir.ancestors().collect();
    for place in ancestors.into_iter().rev() {
        let Ok(meta) = std::fs::symlink_metadata(place) else {
            return Ok(());
        };
        if meta.file_type().is_symlink() && !owned_by_me_or_root(&meta) {
            return Err((
                place.to_owned(),
                format!("is a symbolic link of another user's (uid {})", meta.uid()),
            ));
        }
    }
    Ok(())
}

fn owned_by_me_or_root(meta: &Metadata) -> bool {
    meta.uid() == my_uid() || meta.uid() == 0
}

/// Creates the missing directories of `dir` one by one, each with exactly
/// `mode` (set again after the create, which the umask narrowed).
fn create_missing(dir: &Path, mode: u32) -> io::Result<()> {
    let mut missing = Vec::new();
    for place in dir.ancestors() {
        match std::fs::symlink_metadata(place) {
            Ok(_) => break,
            Err(err) if err.kind() == io::ErrorKind::NotFound => missing.push(place),
            Err(err) => return Err(err),
        }
    }
    for place in missing.into_iter().rev() {
        match std::fs::DirBuilder::new().mode(mode).create(place) {
            Ok(()) => {
                std::fs::set_permissions(place, std::fs::Permissions::from_mode(mode))?;
            }
            // Made meanwhile by someone else: checked like any other.
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mkfifo(path: &Path) {
        let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid C string; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    }

    #[test]
    fn fifos_devices_and_directories_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        mkfifo(&fifo);
        let err = open_regular(&fifo).unwrap_err();
        assert!(err.to_string().contains("FIFO"), "{err}");
        let err = open_regular(Path::new("/dev/zero")).unwrap_err();
        assert!(err.to_string().contains("character device"), "{err}");
        let err = open_regular(dir.path()).unwrap_err();
        assert!(err.to_string().contains("directory"), "{err}");
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 10),
            Err(ReadError::Io(_))
        ));
    }

    #[test]
    fn reads_at_most_one_byte_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_regular(&path, 10).unwrap(), b"0123456789");
        assert!(matches!(
            read_regular(&path, 9),
            Err(ReadError::TooLarge(10))
        ));
    }

    #[test]
    fn private_dirs_are_made_0700_and_shared_ones_refused() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("a/b");
        safe_dir(&inner, 0o700).unwrap();
        let mode = std::fs::metadata(&inner).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        std::fs::set_permissions(&inner, std::fs::Permissions::from_mode(0o770)).unwrap();
        let err = safe_dir(&inner, 0o700).unwrap_err();
        assert!(err.to_string().contains("others can write"), "{err}");
    }

    #[test]
    fn a_directory_above_that_others_can_write_is_refused_unless_sticky() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared");
        let inner = shared.join("mine");
        safe_dir(&inner, 0o700).unwrap();
        // Group-writable: a member could rename `mine` away and put theirs there.
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o775)).unwrap();
        let err = safe_dir(&inner, 0o700).unwrap_err();
        assert!(
            err.to_string().contains("another directory in its place"),
            "{err}"
        );
        // Sticky, like /tmp: others cannot rename what is not theirs.
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
        safe_dir(&inner, 0o700).unwrap();
    }
}
