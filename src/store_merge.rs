//! Saving favourites and recents when more than one session of the same
//! user runs: under a lock, the file on disk is read again and this
//! session's changes since it last loaded or saved are applied to it, so
//! neither session loses the other's marks. A file that cannot be read is
//! never overwritten.
//!
//! The lock is never waited for in a blocking call: another session stalled
//! inside its save (stopped with Ctrl-Z, a hung disk) would freeze this
//! session's screen and keep a dropped connection's SIGHUP from ending it.
//! [`save_merged`] tries the lock once; a [`Saver`] tries again every
//! [`RETRY`] for at most [`LOCK_WAIT`], and its caller, the event loop,
//! handles keys and signals in between (ARCHITECTURE.md §9).

use std::fs::OpenOptions;
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::store::{FILE_NAME, MAX_RECENT, SaveError, Store, StoreError, read_store, write_store};

/// Name of the lock file beside the store.
pub const LOCK_NAME: &str = "favourites.json.lock";

/// How long a [`Saver`] waits for another session's lock before it gives
/// up for now ([`StoreError::Busy`]): a save takes milliseconds, so a lock
/// held this long belongs to a session stalled in the middle of one.
pub const LOCK_WAIT: Duration = Duration::from_secs(2);

/// How often a [`Saver`] tries the lock again while it waits.
pub const RETRY: Duration = Duration::from_millis(50);

/// Saves `now` into `dir`, merged with what is on disk: favourites added
/// since `before` (what this session loaded or last saved) are added,
/// those removed since are removed, everything else on disk stays; the
/// recently opened are this session's first, then the file's. Returns the
/// merged store (the session's new `before` and `now`).
///
/// Never waits: while another session holds the lock, the save fails at
/// once with [`StoreError::Busy`] and nothing is written. An existing file
/// that cannot be read or parsed is left alone and the save fails with a
/// message saying so.
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
    let _held = match lock.try_write() {
        Ok(held) => held,
        Err(err) if err.kind() == io::ErrorKind::WouldBlock => {
            return Err(failed(StoreError::Busy));
        }
        Err(err) => return Err(failed(err.into())),
    };
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

/// One session's saving: what it last loaded or saved (the `before` of
/// [`save_merged`]), and the wait for another session's lock under way.
///
/// A save that fails keeps `before` as it was, so the session's changes
/// since stay changes: the next save applies them all, and no mark is lost.
#[derive(Debug)]
pub struct Saver {
    dir: PathBuf,
    saved: Store,
    /// While the lock is busy: when the wait ends, and when to try again.
    wait: Option<Wait>,
}

#[derive(Debug, Clone, Copy)]
struct Wait {
    until: Instant,
    next: Instant,
}

/// What became of a [`Saver::save`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written; the merged store, with other sessions' marks, is the
    /// session's store from now on.
    Done(Store),
    /// Another session holds the lock: try again at this time (or at the
    /// next change), with [`Saver::save`].
    Waiting(Instant),
    /// Not saved: another session held the lock for all of [`LOCK_WAIT`]
    /// ([`StoreError::Busy`]), or anything else went wrong.
    Failed(SaveError),
}

impl Saver {
    /// Saving into `dir`, for a session that loaded `loaded` from it.
    pub fn new(dir: PathBuf, loaded: Store) -> Saver {
        Saver {
            dir,
            saved: loaded,
            wait: None,
        }
    }

    /// Saves `now`, the session's store, at time `clock` (the caller's
    /// clock, so a test can move it). Never blocks: while the lock is busy
    /// this is [`Saved::Waiting`] until [`LOCK_WAIT`] after the first busy
    /// try, then [`Saved::Failed`] with [`StoreError::Busy`] once, and the
    /// next save waits anew.
    pub fn save(&mut self, now: &Store, clock: Instant) -> Saved {
        match save_merged(&self.dir, &self.saved, now) {
            Ok(merged) => {
                self.wait = None;
                self.saved = merged.clone();
                Saved::Done(merged)
            }
            Err(SaveError::Failed(StoreError::Busy)) => {
                let until = self.wait.map_or(clock + LOCK_WAIT, |wait| wait.until);
                if clock >= until {
                    self.wait = None;
                    return Saved::Failed(SaveError::Failed(StoreError::Busy));
                }
                let next = (clock + RETRY).min(until);
                self.wait = Some(Wait { until, next });
                Saved::Waiting(next)
            }
            Err(err) => {
                self.wait = None;
                Saved::Failed(err)
            }
        }
    }

    /// When to try again, while a wait for the lock is under way.
    pub fn retry_at(&self) -> Option<Instant> {
        self.wait.map(|wait| wait.next)
    }

    /// Whether `now` holds changes not saved yet.
    pub fn unsaved(&self, now: &Store) -> bool {
        self.saved != *now
    }

    /// The store as last loaded or saved.
    pub fn saved(&self) -> &Store {
        &self.saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Holds the lock in `dir` as another session would, until dropped.
    fn hold_lock(dir: &Path) -> std::fs::File {
        let file = std::fs::File::create(dir.join(LOCK_NAME)).unwrap();
        // SAFETY: flock on a descriptor this function owns.
        let held = unsafe { libc::flock(std::os::fd::AsRawFd::as_raw_fd(&file), libc::LOCK_EX) };
        assert_eq!(held, 0);
        file
    }

    /// The wait is counted on the caller's clock: tries every RETRY, gives
    /// up once at LOCK_WAIT, and the next save waits anew.
    #[test]
    fn a_saver_waits_for_the_lock_until_its_limit_then_anew() {
        let dir = tempfile::tempdir().unwrap();
        let _held = hold_lock(dir.path());
        let mut saver = Saver::new(dir.path().to_owned(), Store::new());
        let mut now = Store::new();
        now.toggle_favourite("kui");
        let t0 = Instant::now();
        assert_eq!(saver.save(&now, t0), Saved::Waiting(t0 + RETRY));
        assert_eq!(saver.retry_at(), Some(t0 + RETRY));
        // Never past the limit.
        let late = t0 + LOCK_WAIT - RETRY / 2;
        assert_eq!(saver.save(&now, late), Saved::Waiting(t0 + LOCK_WAIT));
        let busy = Saved::Failed(SaveError::Failed(StoreError::Busy));
        assert_eq!(saver.save(&now, t0 + LOCK_WAIT), busy);
        assert_eq!(saver.retry_at(), None);
        let t1 = t0 + LOCK_WAIT * 3;
        assert_eq!(saver.save(&now, t1), Saved::Waiting(t1 + RETRY));
        assert!(saver.unsaved(&now));
        assert_eq!(saver.saved(), &Store::new());
    }
}
