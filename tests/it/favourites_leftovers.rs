//! Issue 24 part 5, for real: a process killed with SIGKILL in the middle
//! of saving favourites leaves its `.favourites-*.tmp` file and a whole
//! favourites file, and a later start of the app removes the leftover once
//! it is old ([`indsats::store::LEFTOVER_AGE`]), never while it is new.
//!
//! The saving process is this test binary itself, run again with a filter
//! that picks [`save_loop_helper`] and an environment variable that makes
//! it save in a loop. The test watches the data dir (inotify): each time a
//! file is created there it stops the helper, and once the helper is
//! caught with its temporary file on disk, kills it there.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use indsats::store::{FILE_NAME, LEFTOVER_AGE, Store, read_store};
use indsats::store_merge::save_merged;

use crate::common::pty::{PtyApp, TIMEOUT};

/// Names the data dir the helper saves into; without it the helper is idle.
const HELPER_ENV: &str = "INDSATS_TEST_SAVE_LOOP_DIR";
/// The helper's name, for the filter.
const HELPER: &str = "favourites_leftovers::save_loop_helper";
/// Favourites in the helper's store, with long ids: a file of some 400 kB,
/// so writing it is a stretch of time a stop can land in.
const MANY: usize = 200;

/// Not a test of its own: the saving process of
/// [`a_save_killed_midway_leaves_a_leftover_that_a_later_start_removes`].
/// Run by it, with [`HELPER_ENV`] set, this saves favourites into that dir
/// as the app does, over and over, until it is killed. Run any other way
/// (as every `cargo test` does), it returns at once.
#[test]
fn save_loop_helper() {
    let Some(dir) = std::env::var_os(HELPER_ENV) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let (mut before, _) = indsats::store::load(&dir);
    let mut now = before.clone();
    for i in 0..MANY {
        let id = format!("{i:05}-{}", "x".repeat(2000));
        if !now.is_favourite(&id) {
            now.toggle_favourite(&id);
        }
    }
    loop {
        now.toggle_favourite("ips-ung");
        now.opened("kui");
        // Busy or not, it goes on: only being killed ends it.
        if let Ok(merged) = save_merged(&dir, &before, &now) {
            before = merged.clone();
            now = merged;
        }
    }
}

/// The temporary files of a save in `dir`.
fn temp_files(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.starts_with(".favourites-") && name.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether every thread of process `pid` is stopped.
fn stopped(pid: u32) -> bool {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return false;
    };
    tasks.flatten().all(|task| {
        let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
        let state = stat.rsplit(')').next().map(str::trim).unwrap_or_default();
        state.starts_with('T') || state.starts_with('t')
    })
}

fn signal(child: &Child, signal: libc::c_int) {
    // SAFETY: sending a signal to our own child process.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
}

/// Files created in a directory, as inotify reports them.
struct Watch(std::os::fd::OwnedFd);

impl Watch {
    fn new(dir: &Path) -> Watch {
        use std::os::fd::FromRawFd;
        use std::os::unix::ffi::OsStrExt;
        // SAFETY: inotify_init1 returns a new descriptor or -1.
        let fd = unsafe { libc::inotify_init1(libc::IN_CLOEXEC | libc::IN_NONBLOCK) };
        assert!(fd >= 0, "inotify_init1");
        // SAFETY: a descriptor just made and owned from here on.
        let watch = Watch(unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) });
        let name = std::ffi::CString::new(dir.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid descriptor and C string.
        let added = unsafe { libc::inotify_add_watch(fd, name.as_ptr(), libc::IN_CREATE) };
        assert!(added >= 0, "inotify_add_watch");
        watch
    }

    /// Waits up to a second for files to be created; whether any were.
    fn created(&self) -> bool {
        use std::os::fd::AsRawFd;
        let mut poll = libc::pollfd {
            fd: self.0.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one pollfd, valid for the call.
        if unsafe { libc::poll(&mut poll, 1, 1000) } <= 0 {
            return false;
        }
        let mut events = [0u8; 4096];
        // SAFETY: reads into a buffer of its length (non-blocking).
        let read = unsafe { libc::read(poll.fd, events.as_mut_ptr().cast(), events.len()) };
        read > 0
    }
}

/// The favourites file in `dir` is whole: it parses, with every favourite
/// the helper saves.
fn assert_whole(dir: &Path) -> Store {
    let store = read_store(&dir.join(FILE_NAME))
        .expect("the favourites file is never torn")
        .expect("a favourites file");
    assert!(store.favourites.len() >= MANY, "{}", store.favourites.len());
    store
}

/// Starts the helper saving into `dir`, stops it each time a file is
/// created there until it is caught with a temporary file of its own on
/// disk, and kills it there. Returns that file's name, counting the stops.
/// At every stop the favourites file is whole.
fn kill_midway(dir: &Path, stops: &mut usize) -> String {
    let earlier = temp_files(dir);
    let mut child = Command::new(std::env::current_exe().expect("the test binary"))
        .args([HELPER, "--exact", "--nocapture", "--test-threads", "1"])
        .env(HELPER_ENV, dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the helper");
    let deadline = Instant::now() + Duration::from_secs(120);
    // One whole save first, so there is a file to keep whole.
    while !dir.join(FILE_NAME).exists() {
        assert!(Instant::now() < deadline, "the helper never saved");
        thread::sleep(Duration::from_millis(5));
    }
    let watch = Watch::new(dir);
    let caught = loop {
        assert!(
            Instant::now() < deadline,
            "never caught the helper in the middle of a save"
        );
        assert!(
            child.try_wait().expect("try_wait").is_none(),
            "the helper ended"
        );
        if !watch.created() {
            continue;
        }
        // A save has just made its temporary file: stop it there.
        signal(&child, libc::SIGSTOP);
        let stop_deadline = Instant::now() + TIMEOUT;
        while !stopped(child.id()) {
            assert!(Instant::now() < stop_deadline, "the helper did not stop");
            thread::sleep(Duration::from_micros(100));
        }
        *stops += 1;
        assert_whole(dir);
        if let Some(name) = temp_files(dir).difference(&earlier).next() {
            break name.clone();
        }
        // Too late, the file was renamed: the next save, then.
        signal(&child, libc::SIGCONT);
    };
    signal(&child, libc::SIGKILL);
    let status = child.wait().expect("wait for the helper");
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(libc::SIGKILL)
    );
    caught
}

/// Starts the app on `home` and quits it: what a start does to the data dir.
fn start_and_quit(home: &Path) {
    let mut app = PtyApp::started(home, 80, 24);
    app.send(crate::common::pty::keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_save_killed_midway_leaves_a_leftover_that_a_later_start_removes() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("data/indsats");
    let mut stops = 0;
    let mut leftovers = Vec::new();
    for _ in 0..3 {
        let name = kill_midway(&dir, &mut stops);
        // Killed, not finished: the file is still there, the store whole.
        assert!(dir.join(&name).is_file(), "{name} left behind");
        leftovers.push(dir.join(name));
    }
    let store = assert_whole(&dir);
    eprintln!("caught 3 saves midway in {stops} stops");

    // A new start leaves new ones alone: they could be a save under way.
    start_and_quit(home.path());
    for path in &leftovers {
        assert!(path.exists(), "{} removed while new", path.display());
    }

    // Once they are old, the next start removes them, and nothing else.
    let old = SystemTime::now() - LEFTOVER_AGE * 2;
    for path in &leftovers {
        let file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        file.set_modified(old).unwrap();
    }
    start_and_quit(home.path());
    for path in &leftovers {
        assert!(!path.exists(), "{} still there", path.display());
    }
    assert_eq!(assert_whole(&dir), store, "the favourites are untouched");
    assert!(dir.join(indsats::store_merge::LOCK_NAME).exists());
}
