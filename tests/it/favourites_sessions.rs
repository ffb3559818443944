//! Two sessions of one user keep each other's favourites, a favourites
//! file that cannot be read is never overwritten, and a lock another
//! session holds is waited for only so long, the change kept for later.

use std::path::Path;
use std::time::{Duration, Instant};

use indsats::store::{self, FILE_NAME, SaveError, Store, StoreError};
use indsats::store_merge::{LOCK_WAIT, Saved, Saver, save_merged};

/// Saves as [`save_merged`] does, trying again while the lock is busy
/// (as long as it takes: the other threads save in milliseconds).
fn save_retrying(dir: &Path, before: &Store, now: &Store) -> Store {
    loop {
        match save_merged(dir, before, now) {
            Err(SaveError::Failed(StoreError::Busy)) => {
                std::thread::sleep(Duration::from_millis(1));
            }
            other => return other.unwrap(),
        }
    }
}

#[test]
fn two_sessions_both_keep_their_marks() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = Store::new();
    old.toggle_favourite("kui");
    store::save(dir.path(), &old).unwrap();

    // Both sessions start from the same file.
    let (a_before, _) = store::load(dir.path());
    let (b_before, _) = store::load(dir.path());
    let mut a = a_before.clone();
    let mut b = b_before.clone();
    a.toggle_favourite("ips-ung");
    a.opened("ips-ung");
    b.toggle_favourite("fgu-skolen");
    b.toggle_favourite("kui"); // b removes one
    b.opened("fgu-skolen");
    save_merged(dir.path(), &a_before, &a).unwrap();
    let merged = save_merged(dir.path(), &b_before, &b).unwrap();
    let (on_disk, warning) = store::load(dir.path());
    assert_eq!(warning, None);
    assert_eq!(on_disk, merged);
    assert_eq!(on_disk.favourites, ["ips-ung", "fgu-skolen"]);
    assert_eq!(on_disk.recent, ["fgu-skolen", "ips-ung"]);
}

#[test]
fn concurrent_saves_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let threads: Vec<_> = (0..8)
        .map(|i| {
            let dir = dir.path().to_owned();
            std::thread::spawn(move || {
                let before = Store::new();
                let mut now = before.clone();
                for j in 0..5 {
                    let mut next = now.clone();
                    next.toggle_favourite(&format!("id-{i}-{j}"));
                    now = save_retrying(&dir, &now, &next);
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let (on_disk, _) = store::load(dir.path());
    assert_eq!(on_disk.favourites.len(), 40, "{:?}", on_disk.favourites);
}

#[test]
fn an_unreadable_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the file should be: it cannot be read.
    std::fs::create_dir(dir.path().join(FILE_NAME)).unwrap();
    std::fs::write(dir.path().join(FILE_NAME).join("keep"), "x").unwrap();
    let (loaded, warning) = store::load(dir.path());
    assert!(
        matches!(warning, Some(store::Warning::Unreadable(_))),
        "{warning:?}"
    );
    let mut now = loaded.clone();
    now.toggle_favourite("ips-ung");
    let err = save_merged(dir.path(), &loaded, &now).unwrap_err();
    assert!(err.to_string().contains("not overwritten"), "{err}");
    assert!(dir.path().join(FILE_NAME).join("keep").exists());

    // A file that is not valid JSON (written after loading) is kept too.
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join(FILE_NAME), "{half").unwrap();
    let err = save_merged(other.path(), &Store::new(), &now).unwrap_err();
    assert!(err.to_string().contains("not overwritten"), "{err}");
    assert_eq!(
        std::fs::read_to_string(other.path().join(FILE_NAME)).unwrap(),
        "{half"
    );
}

/// Issue 24 part 6: with the lock held elsewhere, a save says "busy" at
/// once and never blocks; a session's saver says so after [`LOCK_WAIT`]
/// and keeps the change, and the next save after the lock is let go
/// applies it together with the next change.
#[test]
fn a_held_lock_makes_saving_busy_in_bounded_time_and_the_change_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Store::new();
    first.toggle_favourite("kui");
    store::save(dir.path(), &first).unwrap();
    let (loaded, _) = store::load(dir.path());
    let held = crate::common::hold_favourites_lock(dir.path());

    let mut now = loaded.clone();
    now.toggle_favourite("ips-ung");
    now.toggle_favourite("kui");
    // On a thread of its own, so a save that blocks fails the test.
    let (tx, rx) = std::sync::mpsc::channel();
    let (path, before, after) = (dir.path().to_owned(), loaded.clone(), now.clone());
    std::thread::spawn(move || tx.send(save_merged(&path, &before, &after)));
    let result = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("a save blocked on another session's lock");
    assert_eq!(result, Err(SaveError::Failed(StoreError::Busy)));

    // The session's saver tries again until LOCK_WAIT has passed.
    let mut saver = Saver::new(dir.path().to_owned(), loaded.clone());
    let start = Instant::now();
    let outcome = loop {
        match saver.save(&now, Instant::now()) {
            Saved::Waiting(at) => {
                assert!(saver.retry_at() == Some(at));
                std::thread::sleep(at.saturating_duration_since(Instant::now()));
            }
            other => break other,
        }
    };
    let waited = start.elapsed();
    assert_eq!(outcome, Saved::Failed(SaveError::Failed(StoreError::Busy)));
    assert!(waited >= LOCK_WAIT, "gave up after {waited:?}");
    assert!(
        waited < LOCK_WAIT + Duration::from_secs(10),
        "waited {waited:?}"
    );
    assert_eq!(saver.retry_at(), None, "the wait is over");
    assert!(saver.unsaved(&now), "the change is kept");
    let (on_disk, _) = store::load(dir.path());
    assert_eq!(
        on_disk.favourites,
        ["kui"],
        "nothing written under the lock"
    );

    // The other session saves its own mark, then lets go.
    let mut theirs = on_disk.clone();
    theirs.toggle_favourite("fgu-skolen");
    store::save(dir.path(), &theirs).unwrap();
    drop(held);

    // The next change saves everything this session did since it loaded.
    now.toggle_favourite("mentor");
    // A process another test starts meanwhile holds the lock's descriptor
    // from its fork to its exec: the saver then waits and tries again, as
    // it does in the app.
    let merged = loop {
        match saver.save(&now, Instant::now()) {
            Saved::Done(merged) => break merged,
            Saved::Waiting(at) => std::thread::sleep(at.saturating_duration_since(Instant::now())),
            other => panic!("expected a save, got {other:?}"),
        }
    };
    assert_eq!(merged.favourites, ["fgu-skolen", "ips-ung", "mentor"]);
    assert!(!saver.unsaved(&merged));
    let (on_disk, warning) = store::load(dir.path());
    assert_eq!(warning, None);
    assert_eq!(on_disk, merged);
}
