//! Every signal that ends or stops the app leaves the terminal restored, and
//! SIGCONT puts it back; core dumps are off. The real binary in a
//! pseudo-terminal.

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

#[test]
fn terminating_signals_end_the_app_with_the_terminal_restored() {
    for (signal, name) in [
        (libc::SIGQUIT, "SIGQUIT"),
        (libc::SIGUSR1, "SIGUSR1"),
        (libc::SIGUSR2, "SIGUSR2"),
        (libc::SIGALRM, "SIGALRM"),
        (libc::SIGINT, "SIGINT"),
        (libc::SIGXCPU, "SIGXCPU"),
        (libc::SIGVTALRM, "SIGVTALRM"),
        (libc::SIGPROF, "SIGPROF"),
        (libc::SIGPWR, "SIGPWR"),
        (libc::SIGSTKFLT, "SIGSTKFLT"),
        // The signals of a crash, restored in their own handler.
        (libc::SIGABRT, "SIGABRT"),
        (libc::SIGSEGV, "SIGSEGV"),
        (libc::SIGBUS, "SIGBUS"),
        (libc::SIGILL, "SIGILL"),
        (libc::SIGFPE, "SIGFPE"),
        (libc::SIGTRAP, "SIGTRAP"),
        (libc::SIGSYS, "SIGSYS"),
    ] {
        let home = tempfile::tempdir().unwrap();
        let mut app = start(home.path());
        kill(&app, signal);
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
}

#[test]
fn sigpipe_and_sigxfsz_are_ignored() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path());
    kill(&app, libc::SIGPIPE);
    kill(&app, libc::SIGXFSZ);
    thread::sleep(Duration::from_millis(300));
    assert!(app.running(), "SIGPIPE or SIGXFSZ ended the app");
    app.type_text("fgu");
    app.wait_for("Søg › fgu");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(count(&app.output(), LEAVE_ALT_SCREEN), 1);
}

#[test]
fn sigtstp_restores_the_terminal_and_sigcont_brings_the_app_back() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path());
    kill(&app, libc::SIGTSTP);
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
    kill(&app, libc::SIGCONT);
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
