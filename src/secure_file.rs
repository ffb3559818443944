//! Opening files that another user of a shared server may have placed:
//! only regular files, checked on the open descriptor, read up to a limit,
//! and believed only under one rule ([`distrust`]).
//!
//! Every file indsats reads — the catalogue, `local.json` and favourites —
//! is opened with `O_NONBLOCK`, so a FIFO or a device cannot
//! hang the open, and refused at once unless `fstat` on the descriptor says
//! it is a regular file. What is checked is the file that was opened, not a
//! name that could be swapped between a check and the open.
//!
//! The rule (ARCHITECTURE.md §9): the file belongs to the user or root and
//! no one else can write to it, and the way to it runs through folders
//! only the user or root can write to (or sticky ones, like `/tmp`) and
//! symbolic links of the user's or root's. The same walk checks the way to
//! the folder favourites are written into ([`safe_place`]).

use std::fs::{File, Metadata};
use std::io;
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

/// Opens `path` for reading without blocking (a FIFO cannot hang the
/// open) and returns it with the descriptor's metadata, whatever it is.
fn open_nonblocking(path: &Path) -> io::Result<(File, Metadata)> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    let meta = file.metadata()?;
    Ok((file, meta))
}

/// Opens `path` for reading without blocking and returns it with the
/// descriptor's metadata; anything but a regular file is refused with an
/// error naming what it is.
pub fn open_regular(path: &Path) -> io::Result<(File, Metadata)> {
    let (file, meta) = open_nonblocking(path)?;
    regular(&meta)?;
    Ok((file, meta))
}

/// Refuses anything but a regular file, naming what it is.
fn regular(meta: &Metadata) -> io::Result<()> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            NotRegular(kind_name(meta)),
        ))
    }
}

/// The error inside [`open_regular`]'s refusal: what kind of file it was.
#[derive(Debug)]
pub struct NotRegular(pub &'static str);

impl std::fmt::Display for NotRegular {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, not a regular file", self.0)
    }
}

impl std::error::Error for NotRegular {}

impl NotRegular {
    /// What kind of file an error of [`open_regular`] or [`read_regular`]
    /// refused, if it refused one for not being a regular file.
    pub fn kind_in(err: &io::Error) -> Option<&'static str> {
        err.get_ref()
            .and_then(|inner| inner.downcast_ref::<NotRegular>())
            .map(|refused| refused.0)
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

/// Why [`read_regular`] gave up.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read, or is not a regular file.
    Io(io::Error),
    /// The file holds more than the limit (at least this many bytes).
    TooLarge(u64),
    /// Someone else could have written the file: it was not read.
    Untrusted(Distrust),
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

/// Reads the file at `path` as [`read_regular`] does, but only when the app
/// may believe it ([`distrust`]). The opened file's owner and mode come
/// first, so a FIFO or a huge file someone else planted is only that;
/// the way to it is walked once it is known to be a regular file.
pub fn read_trusted(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_nonblocking(path)?;
    if let Some(why) = file_distrust(&meta) {
        return Err(ReadError::Untrusted(why));
    }
    regular(&meta)?;
    if let Some(why) = way_distrust(path, &meta)? {
        return Err(ReadError::Untrusted(why));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    read_opened(file, meta.len(), limit)
}

/// The effective user id of this process.
pub fn my_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Why the app does not believe a file: someone other than this user and
/// root could have written it, or put it where it is (README, "What is
/// trusted on a shared server"; the rule of OpenSSH's `StrictModes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Distrust {
    /// The file belongs to another user (this uid).
    FileOwner(u32),
    /// Its group or everyone can write to the file (this mode).
    FileWritable(u32),
    /// A folder on the way belongs to another user.
    FolderOwner(PathBuf, u32),
    /// Others can write to a folder on the way, which is not sticky: they
    /// could put another file or folder in its place.
    FolderWritable(PathBuf, u32),
    /// A symbolic link on the way belongs to another user: it could lead
    /// anywhere that user likes.
    LinkOwner(PathBuf, u32),
    /// The name led to another file than the one opened when the way was
    /// checked: it was replaced meanwhile.
    Swapped,
}

impl Distrust {
    /// The folder or link the reason is about, if it is not the file.
    pub fn place(&self) -> Option<&Path> {
        match self {
            Distrust::FolderOwner(place, _)
            | Distrust::FolderWritable(place, _)
            | Distrust::LinkOwner(place, _) => Some(place),
            Distrust::FileOwner(_) | Distrust::FileWritable(_) | Distrust::Swapped => None,
        }
    }
}

impl std::fmt::Display for Distrust {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Distrust::FileOwner(uid) => write!(f, "the file belongs to another user (uid {uid})"),
            Distrust::FileWritable(mode) => {
                write!(f, "others can write to the file (mode {:o})", mode & 0o7777)
            }
            Distrust::FolderOwner(place, uid) => write!(
                f,
                "the folder {} belongs to another user (uid {uid})",
                place.display()
            ),
            Distrust::FolderWritable(place, mode) => write!(
                f,
                "others can write to the folder {} (mode {:o}) and could put something else in its place",
                place.display(),
                mode & 0o7777
            ),
            Distrust::LinkOwner(place, uid) => write!(
                f,
                "the symbolic link {} belongs to another user (uid {uid})",
                place.display()
            ),
            Distrust::Swapped => f.write_str("the file was replaced while it was checked"),
        }
    }
}

impl std::error::Error for Distrust {}

/// Whether the app may believe the file opened from `path`, whose
/// descriptor's metadata (`fstat`) is `meta`: `None` when it may, else why
/// not. The one rule for every file the app reads:
///
/// - the file belongs to this user or root, and neither its group nor
///   anyone else can write to it;
/// - every folder a name on the way is looked up in belongs to this user
///   or root, and no one else can write to it unless it is sticky (like
///   `/tmp`, where others cannot rename what is not theirs);
/// - every symbolic link on the way belongs to this user or root;
/// - the way leads to the very file that was opened.
///
/// An error when the way cannot be walked.
pub fn distrust(path: &Path, meta: &Metadata) -> io::Result<Option<Distrust>> {
    match file_distrust(meta) {
        Some(why) => Ok(Some(why)),
        None => way_distrust(path, meta),
    }
}

/// The first half of [`distrust`]: the opened file's owner and mode.
fn file_distrust(meta: &Metadata) -> Option<Distrust> {
    if !owned_by_me_or_root(meta) {
        return Some(Distrust::FileOwner(meta.uid()));
    }
    if meta.mode() & 0o022 != 0 {
        return Some(Distrust::FileWritable(meta.mode()));
    }
    None
}

/// The second half of [`distrust`]: the way from `path` to the file.
fn way_distrust(path: &Path, meta: &Metadata) -> io::Result<Option<Distrust>> {
    let real = match walk(path)? {
        Ok(real) => real,
        Err(why) => return Ok(Some(why)),
    };
    let found = std::fs::symlink_metadata(real)?;
    if (found.dev(), found.ino()) != (meta.dev(), meta.ino()) {
        return Ok(Some(Distrust::Swapped));
    }
    Ok(None)
}

/// [`distrust`] for the file at `path`, opened without blocking (for
/// `indsats check`, which reads a file whoever wrote it).
pub fn distrust_of(path: &Path) -> io::Result<Option<Distrust>> {
    let (_file, meta) = open_nonblocking(path)?;
    distrust(path, &meta)
}

/// Most symbolic links followed on one way, as Linux allows.
const MAX_LINKS: usize = 40;

/// One step of a way: the root, up, or a name.
enum Step {
    Root,
    Up,
    Name(std::ffi::OsString),
}

fn steps(path: &Path) -> Vec<Step> {
    use std::path::Component;
    path.components()
        .filter_map(|part| match part {
            Component::RootDir => Some(Step::Root),
            Component::ParentDir => Some(Step::Up),
            Component::Normal(name) => Some(Step::Name(name.to_owned())),
            Component::CurDir | Component::Prefix(_) => None,
        })
        .collect()
}

/// Walks to `path` as the kernel resolves it, from the root (or the
/// current folder) down: every folder a name is looked up in must pass
/// [`folder_distrust`], every symbolic link must belong to this user or
/// root. Returns the real path (no links in it), or why the way is not
/// to be believed.
fn walk(path: &Path) -> io::Result<Result<PathBuf, Distrust>> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut todo = steps(&absolute);
    todo.reverse();
    let mut real = PathBuf::from("/");
    let mut links = 0;
    while let Some(step) = todo.pop() {
        let name = match step {
            Step::Root => {
                real = PathBuf::from("/");
                continue;
            }
            Step::Up => {
                real.pop();
                continue;
            }
            Step::Name(name) => name,
        };
        if let Some(why) = folder_distrust(&real, &std::fs::symlink_metadata(&real)?) {
            return Ok(Err(why));
        }
        let next = real.join(name);
        let meta = std::fs::symlink_metadata(&next)?;
        if !meta.file_type().is_symlink() {
            real = next;
            continue;
        }
        if !owned_by_me_or_root(&meta) {
            return Ok(Err(Distrust::LinkOwner(next, meta.uid())));
        }
        links += 1;
        if links > MAX_LINKS {
            return Err(io::Error::from_raw_os_error(libc::ELOOP));
        }
        // The target's steps next, from the link's folder (or the root).
        let target = std::fs::read_link(&next)?;
        todo.extend(steps(&target).into_iter().rev());
    }
    Ok(Ok(real))
}

/// Why a folder on the way to a file is not to be trusted: it is not a
/// folder of this user's or root's, or others can write to it and it is
/// not sticky.
fn folder_distrust(place: &Path, meta: &Metadata) -> Option<Distrust> {
    if !owned_by_me_or_root(meta) {
        return Some(Distrust::FolderOwner(place.to_owned(), meta.uid()));
    }
    if meta.mode() & 0o022 != 0 && meta.mode() & 0o1000 == 0 {
        return Some(Distrust::FolderWritable(place.to_owned(), meta.mode()));
    }
    None
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
/// there is checked too, by the walk of the files the app reads
/// ([`distrust`]): whoever can rename a directory on it can put a directory
/// of their own in its place, and another user's symbolic link could lead
/// a write anywhere that user likes.
pub fn safe_place(dir: &Path, mode: u32) -> Result<(), PlaceError> {
    let absolute = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        std::env::current_dir()?.join(dir)
    };
    let refuse = |reason: String| {
        PlaceError::Unsafe(format!(
            "{}: not a safe place to write: {reason}",
            dir.display()
        ))
    };
    // Links on the way as written, before anything is created through them.
    if let Some(why) = foreign_link(&absolute) {
        return Err(refuse(why.to_string()));
    }
    create_missing(&absolute, mode)?;
    // The way to the directory, then the directory it leads to.
    let real = walk(&absolute)?.map_err(|why| refuse(why.to_string()))?;
    if let Some(reason) = unsafe_dir_reason(&std::fs::symlink_metadata(&real)?) {
        return Err(refuse(reason));
    }
    Ok(())
}

/// The first symbolic link on the way to `dir` as written (from the root
/// down, as far as the way exists) that belongs to another user.
fn foreign_link(dir: &Path) -> Option<Distrust> {
    let ancestors: Vec<&Path> = dir.ancestors().collect();
    for place in ancestors.into_iter().rev() {
        let meta = std::fs::symlink_metadata(place).ok()?;
        if meta.file_type().is_symlink() && !owned_by_me_or_root(&meta) {
            return Some(Distrust::LinkOwner(place.to_owned(), meta.uid()));
        }
    }
    None
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

mod read;
use read::read_opened;

#[cfg(test)]
mod tests;
