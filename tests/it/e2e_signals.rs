//! Every signal a session may meet, in one table: those that end the app
//! leave the terminal restored and the process ended by the signal, those
//! ignored leave it typing, SIGTSTP stops it restored and SIGCONT brings it
//! back; core dumps are off. The real binary in a pseudo-terminal.

use crate::common;

use std::thread;
use std::time::{Duration, Instant};

use crate::common::pty::{PtyApp, count, keys};

const ENTER_ALT_SCREEN: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";

fn start(home: &std::path::Path) -> PtyApp {
    PtyApp::started(home, 100, 30)
}

fn kill(app: &PtyApp, signal: libc::c_int) {
    // SAFETY: sending a signal to our own child process.
    assert_eq!(unsafe { libc::kill(app.pid() as libc::pid_t, signal) }, 0);
}

/// The process state letter from /proc (R, S, T, …).
fn state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(')')
        .next()
        .and_then(|rest| rest.trim().chars().next())
        .unwrap_or('?')
}

/// What a signal does to the app.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// Ends it, the terminal restored, the process ended by the signal.
    Ends,
    /// Nothing: the app keeps running and typing.
    Ignored,
    /// Stops it with the terminal restored; SIGCONT brings it back.
    Stops,
}

/// Every signal a session may meet, and what it must do.
const SIGNALS: &[(libc::c_int, &str, Expect)] = &[
    (libc::SIGHUP, "SIGHUP", Expect::Ends),
    (libc::SIGTERM, "SIGTERM", Expect::Ends),
    (libc::SIGINT, "SIGINT", Expect::Ends),
    (libc::SIGQUIT, "SIGQUIT", Expect::Ends),
    (libc::SIGUSR1, "SIGUSR1", Expect::Ends),
    (libc::SIGUSR2, "SIGUSR2", Expect::Ends),
    (libc::SIGALRM, "SIGALRM", Expect::Ends),
    (libc::SIGXCPU, "SIGXCPU", Expect::Ends),
    (libc::SIGVTALRM, "SIGVTALRM", Expect::Ends),
    (libc::SIGPROF, "SIGPROF", Expect::Ends),
    (libc::SIGPWR, "SIGPWR", Expect::Ends),
    (libc::SIGSTKFLT, "SIGSTKFLT", Expect::Ends),
    // The signals of a crash, restored in their own handler.
    (libc::SIGABRT, "SIGABRT", Expect::Ends),
    (libc::SIGSEGV, "SIGSEGV", Expect::Ends),
    (libc::SIGBUS, "SIGBUS", Expect::Ends),
    (libc::SIGILL, "SIGILL", Expect::Ends),
    (libc::SIGFPE, "SIGFPE", Expect::Ends),
    (libc::SIGTRAP, "SIGTRAP", Expect::Ends),
    (libc::SIGSYS, "SIGSYS", Expect::Ends),
    // A closed pipe or a file too large is an error where it happens.
    (libc::SIGPIPE, "SIGPIPE", Expect::Ignored),
    (libc::SIGXFSZ, "SIGXFSZ", Expect::Ignored),
    (libc::SIGWINCH, "SIGWINCH", Expect::Ignored),
    (libc::SIGTSTP, "SIGTSTP", Expect::Stops),
];

#[test]
fn every_signal_does_what_its_row_says() {
    for &(signal, name, expect) in SIGNALS {
        let home = tempfile::tempdir().unwrap();
        let mut app = start(home.path());
        kill(&app, signal);
        match expect {
            Expect::Ends => ends(&mut app, signal, name),
            Expect::Ignored => ignored(&mut app, name),
            Expect::Stops => stops_and_continues(&mut app),
        }
    }
}

fn ends(app: &mut PtyApp, signal: libc::c_int, name: &str) {
    // Whoever started the app sees it ended by the signal, not a success.
    let status = app.wait_status();
    assert_eq!(
        status.signal(),
        Some(common::pty::signal_name(signal).as_str()),
        "{name}: {status:?}"
    );
    assert_eq!(
        count(&app.output(), LEAVE_ALT_SCREEN),
        1,
        "{name}: terminal restored"
    );
    assert!(app.cooked(), "{name}: the terminal is not raw any more");
}

fn ignored(app: &mut PtyApp, name: &str) {
    thread::sleep(Duration::from_millis(300));
    assert!(app.running(), "{name} ended the app");
    app.type_text("fgu");
    app.wait_for("Søg › fgu");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0, "{name}");
    assert_eq!(count(&app.output(), LEAVE_ALT_SCREEN), 1, "{name}");
}

fn stops_and_continues(app: &mut PtyApp) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while state(app.pid()) != 'T' {
        assert!(Instant::now() < deadline, "the app did not stop");
        thread::sleep(Duration::from_millis(20));
    }
    // Stopped, the app writes nothing more: what it wrote before stopping
    // still reaches the test's reader thread, which may lag on a busy machine.
    let deadline = Instant::now() + Duration::from_secs(10);
    while count(&app.output(), LEAVE_ALT_SCREEN) < 1 {
        assert!(Instant::now() < deadline, "not restored before stopping");
        thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(state(app.pid()), 'T', "still stopped");
    assert_eq!(count(&app.output(), LEAVE_ALT_SCREEN), 1);
    kill(app, libc::SIGCONT);
    let deadline = Instant::now() + Duration::from_secs(10);
    while count(&app.output(), ENTER_ALT_SCREEN) < 2 {
        assert!(Instant::now() < deadline, "the app did not come back");
        thread::sleep(Duration::from_millis(20));
    }
    // Raw mode again: keys arrive one by one, without Enter.
    app.type_text("ipsung");
    app.wait_for("Søg › ipsung");
    app.wait_for("IPS-ung");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn core_dumps_are_off_while_the_app_runs() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path());
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", app.pid())).unwrap();
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap();
    let fields: Vec<&str> = core.split_whitespace().collect();
    assert_eq!(&fields[4..6], ["0", "0"], "{core}");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}
