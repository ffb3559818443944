//! Saving favourites and recents when more than one session of the same
//! user runs: under a lock, the file on disk is read again and this
//! session's changes since it last loaded or saved are applied to it, so
//! neither session loses the other's marks. A file that cannot be read is
//! never overwritten.

use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::store::{FILE_NAME, MAX_RECENT, SaveError, Store, StoreError, read_store, write_store};

/// Name of the lock file beside the store.
pub const LOCK_NAME: &str = "favourites.json.lock";

/// Saves `now` into `dir`, merged with what is on disk: favourites added
/// since `before` (what this session loaded or last saved) are added,
/// those removed since are removed, everything else on disk stays; the
/// recently opened are this session's first, then the file's. Returns the
/// merged store (the session's new `before` and `now`).
///
/// An existing file that cannot be read or parsed is left alone and the
/// save fails with a message saying so.
pub fn save_merged(dir: &Path, before: &Store, now: &Store) -> Result<Store, SaveError> {
    let failed = |err: StoreError| SaveError::Failed(err);
    crate::secure_file::safe_place(dir, 0o700).map_err(|err| failed(err.into()))?;
    let lock_file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(dir.join(LOCK_NAME))
        .map_err(|err| failed(err.into()))?;
    let mut lock = fd_lock::RwLock::new(lock_file);
    let _held = lock.write().map_err(|err| failed(err.into()))?;
    let on_disk = match read_store(&dir.join(FILE_NAME)) {
        Ok(Some(store)) => store,
        Ok(None) => Store::new(),
        Err(err) => return Err(SaveError::Unreadable(err)),
    };
    let merged = merge(&on_disk, before, now);
    write_store(dir, &merged).map_err(failed)?;
    Ok(merged)
}

/// `disk` with the changes from `before` to `now` applied.
pub fn merge(disk: &Store, before: &Store, now: &Store) -> Store {
    let mut merged = disk.clone();
    merged
        .favourites
        .retain(|id| now.is_favourite(id) || !before.is_favourite(id));
    for id in &now.favourites {
        if !before.is_favourite(id) && !merged.is_favourite(id) {
            merged.favourites.push(id.clone());
        }
    }
    let mut recent: Vec<String> = Vec::new();
    for id in now.recent.iter().chain(&disk.recent) {
        if !recent.contains(id) {
            recent.push(id.clone());
        }
    }
    recent.truncate(MAX_RECENT);
    merged.recent = recent;
    merged
}
