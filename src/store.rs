//! Favourites and recently opened initiatives, kept as initiative ids only in
//! the user's data dir. Never anything about a citizen, never a query.
//!
//! Written atomically (temp file, then rename), merged with what other
//! sessions saved under a lock ([`crate::store_merge`]). A corrupt file is
//! moved aside; an unreadable file is never overwritten; an unreadable or
//! unwritable home never stops the app.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use crate::store_error::{SaveError, StoreError};

/// File name inside the data dir.
pub const FILE_NAME: &str = "favourites.json";
/// Where a corrupt file is moved (`favourites.json.corrupt2`, `…3` when
/// that is taken: an earlier copy is never overwritten).
pub const CORRUPT_NAME: &str = "favourites.json.corrupt";
/// How many numbered copies of corrupt files are tried before giving up.
const MAX_CORRUPT: u32 = 100;
/// How many recently opened ids are kept.
pub const MAX_RECENT: usize = 10;
/// Largest store file read; a real one is a few kilobytes.
const MAX_BYTES: u64 = 1024 * 1024;

/// What is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Store {
    /// Format version (1).
    #[serde(default = "version_one")]
    pub version: u32,
    /// Favourite initiative ids, in the order they were added.
    #[serde(default)]
    pub favourites: Vec<String>,
    /// Recently opened initiative ids, newest first.
    #[serde(default)]
    pub recent: Vec<String>,
}

fn version_one() -> u32 {
    1
}

/// Something the user should know about the store; the app goes on regardless.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The file was not valid; it was moved to the given path.
    MovedAside(PathBuf),
    /// The file could not be read (or moved aside); favourites start empty
    /// and the file is left as it is.
    Unreadable(StoreError),
    /// Saving failed.
    NotSaved(SaveError),
}

impl Store {
    /// A new, empty store.
    pub fn new() -> Store {
        Store {
            version: 1,
            ..Store::default()
        }
    }

    /// Whether `id` is a favourite.
    pub fn is_favourite(&self, id: &str) -> bool {
        self.favourites.iter().any(|f| f == id)
    }

    /// Adds or removes a favourite; returns whether it is one now.
    pub fn toggle_favourite(&mut self, id: &str) -> bool {
        if let Some(at) = self.favourites.iter().position(|f| f == id) {
            self.favourites.remove(at);
            false
        } else {
            self.favourites.push(id.to_owned());
            true
        }
    }

    /// Records that `id` was opened (newest first, no duplicates, at most [`MAX_RECENT`]).
    pub fn opened(&mut self, id: &str) {
        self.recent.retain(|r| r != id);
        self.recent.insert(0, id.to_owned());
        self.recent.truncate(MAX_RECENT);
    }
}

/// The user's data dir for indsats (`~/.local/share/indsats` on Linux), if a home exists.
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("dk", "indsats", "indsats").map(|d| d.data_dir().to_owned())
}

/// Loads the store from `dir`. A missing file is an empty store; a corrupt
/// one is moved aside (never over an earlier one) with a warning; one that
/// cannot be read, or that a newer indsats wrote, gives an empty store and
/// a warning, and is left alone.
pub fn load(dir: &Path) -> (Store, Option<Warning>) {
    // Only in a folder that is this user's alone (as saving requires).
    if std::fs::symlink_metadata(dir)
        .is_ok_and(|meta| crate::secure_file::unsafe_dir_reason(&meta).is_none())
    {
        remove_leftovers(dir);
    }
    let path = dir.join(FILE_NAME);
    match read_store(&path) {
        Ok(Some(store)) => (store, None),
        Ok(None) => (Store::new(), None),
        Err(StoreError::Invalid) => match move_aside(dir) {
            Ok(aside) => (Store::new(), Some(Warning::MovedAside(aside))),
            Err(err) => (Store::new(), Some(Warning::Unreadable(err))),
        },
        Err(err) => (Store::new(), Some(Warning::Unreadable(err))),
    }
}

/// Moves the corrupt file to the first free [`CORRUPT_NAME`] name: linked
/// there (which fails if the name is taken), then unlinked.
fn move_aside(dir: &Path) -> Result<PathBuf, StoreError> {
    let path = dir.join(FILE_NAME);
    for n in 1..=MAX_CORRUPT {
        let aside = match n {
            1 => dir.join(CORRUPT_NAME),
            n => dir.join(format!("{CORRUPT_NAME}{n}")),
        };
        match fs::hard_link(&path, &aside) {
            Ok(()) => {
                fs::remove_file(&path)?;
                return Ok(aside);
            }
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err.into()),
        }
    }
    Err(StoreError::Io("too many corrupt copies".into()))
}

/// Reads the store file, only if no one else could have written it or put
/// it there (`secure_file::distrust`): such a file is unreadable, never
/// corrupt. `None` when there is none.
fn read_limited(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    use crate::secure_file::{NotRegular, ReadError};
    match crate::secure_file::read_trusted(path, MAX_BYTES) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(ReadError::Untrusted(why)) => Err(StoreError::UnsafeFolder(why.to_string())),
        Err(ReadError::Io(err)) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(ReadError::Io(err)) => Err(match NotRegular::kind_in(&err) {
            Some(kind) => NotRegular(kind).into(),
            None => err.into(),
        }),
        // Far too big to be ours (or it grew while read): corrupt.
        Err(ReadError::TooLarge(_)) => Err(StoreError::Invalid),
    }
}

/// Reads and parses the store at `path`: `None` when there is no file; an
/// error when it cannot be read, was written by a newer indsats
/// ([`StoreError::NewerFormat`]) or is not a valid store ([`StoreError::Invalid`]).
pub fn read_store(path: &Path) -> Result<Option<Store>, StoreError> {
    let Some(bytes) = read_limited(path)? else {
        return Ok(None);
    };
    let text = std::str::from_utf8(&bytes).map_err(|_| StoreError::Invalid)?;
    // A key given twice would be resolved silently to the last one.
    crate::json_keys::check(text).map_err(|_| StoreError::Invalid)?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| StoreError::Invalid)?;
    if value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .is_some_and(|v| v > 1)
    {
        return Err(StoreError::NewerFormat);
    }
    match serde_json::from_value::<Store>(value) {
        Ok(store) if store.version == 1 => Ok(Some(store)),
        _ => Err(StoreError::Invalid),
    }
}

/// How the temporary files of a save are named: `.favourites-XXXXXX.tmp`.
const TEMP_PREFIX: &str = ".favourites-";
const TEMP_SUFFIX: &str = ".tmp";

/// How old a temporary file must be before it counts as left over: a save
/// takes milliseconds, so one older than this was a session killed in the
/// middle of one (SIGKILL, a power cut), never another session's save.
pub const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// Removes this user's temporary files in `dir` older than
/// [`LEFTOVER_AGE`], left by a save that never finished. Only regular files
/// named like ours and owned by this user; a link or anything else is left
/// alone. Problems are ignored: a leftover costs a little space, not data.
pub fn remove_leftovers(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        // Not following a link: the entry itself.
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > LEFTOVER_AGE);
        if meta.is_file()
            && std::os::unix::fs::MetadataExt::uid(&meta) == crate::secure_file::my_uid()
            && old
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// Saves `store` as it is (for a single session); see
/// [`crate::store_merge::save_merged`] for saving beside other sessions.
pub fn save(dir: &Path, store: &Store) -> Result<(), StoreError> {
    crate::secure_file::safe_place(dir, 0o700)?;
    write_store(dir, store)
}

/// Writes `store` atomically: a temp file in `dir` created exclusively
/// (0600, never through a symlink), then renamed over the old one.
pub fn write_store(dir: &Path, store: &Store) -> Result<(), StoreError> {
    let text =
        serde_json::to_string_pretty(store).map_err(|err| StoreError::Io(err.to_string()))?;
    remove_leftovers(dir);
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    std::io::Write::write_all(temp.as_file_mut(), text.as_bytes())?;
    temp.persist(dir.join(FILE_NAME)).map_err(|err| err.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn favourites_round_trip_through_a_data_dir() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::new();
        assert!(store.toggle_favourite("ips-ung"));
        assert!(store.toggle_favourite("kui"));
        store.opened("fgu-skolen");
        save(dir.path(), &store).unwrap();
        let (loaded, warning) = load(dir.path());
        assert_eq!(warning, None);
        assert_eq!(loaded, store);
        assert!(loaded.is_favourite("kui"));
        // No temp files left behind.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [FILE_NAME]);
    }

    #[test]
    fn missing_file_is_an_empty_store() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(&dir.path().join("nowhere")), (Store::new(), None));
    }

    #[test]
    fn corrupt_file_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE_NAME), b"{not json").unwrap();
        let (store, warning) = load(dir.path());
        assert_eq!(store, Store::new());
        assert_eq!(
            warning,
            Some(Warning::MovedAside(dir.path().join(CORRUPT_NAME)))
        );
        assert!(!dir.path().join(FILE_NAME).exists());
        assert_eq!(
            fs::read(dir.path().join(CORRUPT_NAME)).unwrap(),
            b"{not json"
        );
    }

    #[test]
    fn a_key_given_twice_makes_the_file_corrupt() {
        let dir = tempfile::tempdir().unwrap();
        let text = br#"{"version": 1, "favourites": ["fgu"], "favourites": ["kui"], "recent": []}"#;
        fs::write(dir.path().join(FILE_NAME), text).unwrap();
        let (store, warning) = load(dir.path());
        assert_eq!(store, Store::new(), "neither list believed");
        assert_eq!(
            warning,
            Some(Warning::MovedAside(dir.path().join(CORRUPT_NAME)))
        );
    }

    #[test]
    fn a_save_killed_midway_leaves_nothing_behind_for_long() {
        let dir = tempfile::tempdir().unwrap();
        let old = std::time::SystemTime::now() - LEFTOVER_AGE * 2;
        let make = |name: &str, when: std::time::SystemTime| {
            let path = dir.path().join(name);
            let file = fs::File::create(&path).unwrap();
            file.set_modified(when).unwrap();
            path
        };
        let leftover = make(".favourites-a1b2c3.tmp", old);
        let in_progress = make(".favourites-d4e5f6.tmp", std::time::SystemTime::now());
        let other = make("notes.tmp", old);
        let _ = load(dir.path());
        assert!(!leftover.exists(), "an old leftover is removed at start");
        assert!(in_progress.exists(), "a save under way is left alone");
        assert!(other.exists(), "only our own names");
        // And before each save.
        let again = make(".favourites-g7h8i9.tmp", old);
        save(dir.path(), &Store::new()).unwrap();
        assert!(!again.exists());
    }

    #[test]
    fn a_second_corrupt_file_never_overwrites_the_first_copy() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(FILE_NAME), b"{first").unwrap();
        let _ = load(dir.path());
        fs::write(dir.path().join(FILE_NAME), b"{second").unwrap();
        let (_, warning) = load(dir.path());
        let second = dir.path().join(format!("{CORRUPT_NAME}2"));
        assert_eq!(warning, Some(Warning::MovedAside(second.clone())));
        assert_eq!(fs::read(dir.path().join(CORRUPT_NAME)).unwrap(), b"{first");
        assert_eq!(fs::read(second).unwrap(), b"{second");
    }

    #[test]
    fn a_newer_indsats_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let newer = br#"{"version": 2, "favourites": ["kui"], "pinned": ["ips-ung"]}"#;
        fs::write(dir.path().join(FILE_NAME), newer).unwrap();
        let (store, warning) = load(dir.path());
        assert_eq!(store, Store::new());
        assert_eq!(warning, Some(Warning::Unreadable(StoreError::NewerFormat)));
        assert_eq!(fs::read(dir.path().join(FILE_NAME)).unwrap(), newer);
        let mut now = Store::new();
        now.toggle_favourite("fgu");
        let err = crate::store_merge::save_merged(dir.path(), &Store::new(), &now).unwrap_err();
        assert_eq!(err, SaveError::Unreadable(StoreError::NewerFormat));
        assert_eq!(fs::read(dir.path().join(FILE_NAME)).unwrap(), newer);
    }

    #[test]
    fn recents_are_newest_first_without_duplicates() {
        let mut store = Store::new();
        for id in ["a", "b", "a", "c"] {
            store.opened(id);
        }
        assert_eq!(store.recent, ["c", "a", "b"]);
        for i in 0..20 {
            store.opened(&format!("x{i}"));
        }
        assert_eq!(store.recent.len(), MAX_RECENT);
        assert_eq!(store.recent[0], "x19");
    }

    /// Each failure is a variant of its own, made where it happens.
    #[test]
    fn failures_are_told_apart_by_variant() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared");
        fs::create_dir(&shared).unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o777)).unwrap();
        match save(&shared, &Store::new()) {
            Err(StoreError::UnsafeFolder(why)) => {
                assert!(why.contains("others can write"), "{why}")
            }
            other => panic!("{other:?}"),
        }
        fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
        assert_eq!(
            read_store(&dir.path().join(FILE_NAME)),
            Err(StoreError::NotAFile("a directory"))
        );
        let big = dir.path().join("big.json");
        fs::write(&big, vec![b' '; MAX_BYTES as usize + 1]).unwrap();
        assert_eq!(read_store(&big), Err(StoreError::Invalid));
        let file = dir.path().join("a-file");
        fs::write(&file, b"x").unwrap();
        assert_eq!(
            save(&file.join("indsats"), &Store::new()),
            Err(StoreError::NoFolder)
        );
    }

    #[test]
    fn saving_into_an_unwritable_place_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        fs::write(&file, b"x").unwrap();
        // A data dir below a regular file cannot be created.
        assert!(save(&file.join("indsats"), &Store::new()).is_err());
    }
}
