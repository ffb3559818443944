//! Issue 24 part 6, in a PTY: while another session holds the favourites'
//! lock, the app keeps drawing what is typed, says the favourites are busy
//! after its wait, keeps the change for the next save, and ends at once on
//! SIGHUP or Ctrl-C. The test holds the lock itself, with `flock` on
//! `favourites.json.lock` in the app's data dir.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use indsats::store_merge::LOCK_WAIT;

use crate::common::hold_favourites_lock;
use crate::common::pty::{PtyApp, TIMEOUT, keys};

/// The busy message's first words (the rest is cut at 80 columns).
const BUSY: &str = "Favoritter optaget – gemmes ved næste ændring";
const SAVED: &str = "Gemt som favorit";

fn data_dir(home: &Path) -> std::path::PathBuf {
    home.join("data/indsats")
}

/// Clears the search and types `query`.
fn search(app: &mut PtyApp, query: &str) {
    app.send(keys::CTRL_U);
    app.type_text(query);
    app.wait_for(&format!("Søg › {query}"));
}

/// The favourites on disk (none without a file).
fn favourites(home: &Path) -> Vec<String> {
    indsats::store::read_store(&data_dir(home).join(indsats::store::FILE_NAME))
        .expect("a readable favourites file")
        .map(|store| store.favourites)
        .unwrap_or_default()
}

/// Waits until the favourites on disk are `count`.
fn wait_for_favourites(home: &Path, count: usize) -> Vec<String> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let now = favourites(home);
        if now.len() == count {
            return now;
        }
        assert!(Instant::now() < deadline, "favourites on disk: {now:?}");
        thread::sleep(Duration::from_millis(20));
    }
}

/// How long the process takes to end from now; fails after [`TIMEOUT`].
fn time_to_end(app: &mut PtyApp) -> Duration {
    let start = Instant::now();
    while app.running() {
        assert!(start.elapsed() < TIMEOUT, "the app did not end");
        thread::sleep(Duration::from_millis(5));
    }
    start.elapsed()
}

#[test]
fn a_held_lock_never_freezes_the_screen_and_sighup_ends_the_wait() {
    let home = tempfile::tempdir().unwrap();
    let held = hold_favourites_lock(&data_dir(home.path()));
    let mut app = PtyApp::started(home.path(), 80, 24);
    search(&mut app, "kui");
    app.send(keys::CTRL_G);
    app.wait_for(SAVED);
    // Typing is drawn while the save waits for the lock …
    app.type_text(" ung");
    app.wait_for("Søg › kui ung");
    assert!(
        !app.screen().contains(BUSY),
        "typing was drawn only after the wait:\n{}",
        app.screen()
    );
    // … which ends with the busy message, nothing written.
    app.wait_for(BUSY);
    assert_eq!(favourites(home.path()), Vec::<String>::new());

    // Let go: the next change saves the kept one with it.
    drop(held);
    search(&mut app, "fgu");
    app.send(keys::CTRL_G);
    let saved = wait_for_favourites(home.path(), 2);
    assert!(saved.iter().any(|id| id.contains("kui")), "{saved:?}");

    // Held again: SIGHUP during the wait ends the app at once.
    let held = hold_favourites_lock(&data_dir(home.path()));
    search(&mut app, "mentor");
    let toggled = Instant::now();
    app.send(keys::CTRL_G);
    app.wait_for(SAVED);
    // SAFETY: sending a signal to our own child process.
    assert_eq!(
        unsafe { libc::kill(app.pid() as libc::pid_t, libc::SIGHUP) },
        0
    );
    let took = time_to_end(&mut app);
    // Sitting out the wait would end it LOCK_WAIT after the toggle at the
    // earliest.
    assert!(
        toggled.elapsed() < LOCK_WAIT,
        "SIGHUP took {took:?}, {:?} after the toggle: it sat out the wait",
        toggled.elapsed()
    );
    let status = app.wait_status();
    assert_eq!(
        status.signal(),
        Some(crate::common::pty::signal_name(libc::SIGHUP).as_str())
    );
    assert!(app.cooked(), "the terminal is restored");
    drop(held);
    assert_eq!(
        favourites(home.path()).len(),
        2,
        "the third was never saved"
    );
}

#[test]
fn quitting_saves_the_kept_change_and_ctrl_c_ends_any_wait() {
    let home = tempfile::tempdir().unwrap();
    let held = hold_favourites_lock(&data_dir(home.path()));
    let mut app = PtyApp::started(home.path(), 80, 24);
    search(&mut app, "kui");
    app.send(keys::CTRL_G);
    app.wait_for(BUSY);
    // Quitting with a change unsaved waits for the lock, saying so …
    app.send(keys::CTRL_C);
    app.wait_for("Venter på favoritfilen");
    assert!(app.running());
    // … and saves it as soon as the lock is free.
    drop(held);
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(favourites(home.path()).len(), 1);

    // Ctrl-C while a save waits: the app ends at once.
    let held = hold_favourites_lock(&data_dir(home.path()));
    let mut app = PtyApp::started(home.path(), 80, 24);
    search(&mut app, "fgu");
    let toggled = Instant::now();
    app.send(keys::CTRL_G);
    app.wait_for(SAVED);
    app.send(keys::CTRL_C);
    let took = time_to_end(&mut app);
    // Sitting out the wait would end it LOCK_WAIT after the toggle at the
    // earliest.
    assert!(
        toggled.elapsed() < LOCK_WAIT,
        "Ctrl-C took {took:?}, {:?} after the toggle: it sat out the wait",
        toggled.elapsed()
    );
    assert_eq!(app.wait_exit(), 0);
    assert!(app.cooked(), "the terminal is restored");
    drop(held);
}
