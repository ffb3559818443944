//! Terminal edge cases in a real PTY: resize storms, tiny and zero-height
//! terminals, no terminal at all, TERM=dumb.

use crate::common;

use std::thread;
use std::time::Duration;

use crate::common::pty::{PtyApp, keys};
use crate::common::run;

#[test]
fn a_resize_storm_leaves_a_working_app() {
    let home = tempfile::tempdir().unwrap();
    let mut app = PtyApp::start(home.path(), &[], 100, 30, &[]);
    app.wait_for(&common::pty::all_shown(false));
    app.type_text("fgu");
    for i in 0..200u16 {
        let (cols, rows) = match i % 5 {
            0 => (1, 1),
            1 => (0, 0),
            2 => (200, 60),
            3 => (39, 9),
            _ => (80 + i % 40, 10 + i % 30),
        };
        app.resize(cols, rows);
    }
    assert!(app.running(), "survived the storm");
    app.resize(120, 40);
    // A key forces a draw at the final size.
    app.type_text(" skolen");
    app.wait_for("Søg › fgu skolen");
    app.wait_for("FGU Skolen");
    let screen = app.screen();
    assert!(
        screen.lines().next().unwrap().starts_with(" indsats ·"),
        "{screen}"
    );
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn starts_in_1x1_and_grows() {
    let home = tempfile::tempdir().unwrap();
    let mut app = PtyApp::start(home.path(), &[], 1, 1, &[]);
    // Typed only once the app is on its screen (in raw mode): a busy
    // machine may take longer than any fixed pause to get there.
    let deadline = std::time::Instant::now() + common::pty::TIMEOUT;
    while !contains(&app.output(), b"\x1b[?1049h") && std::time::Instant::now() < deadline {
        thread::sleep(Duration::from_millis(10));
    }
    thread::sleep(Duration::from_millis(100));
    assert!(app.running());
    app.resize(80, 24);
    app.type_text("ips");
    app.wait_for("Søg › ips");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_small_terminal_says_so() {
    let home = tempfile::tempdir().unwrap();
    let mut app = PtyApp::start(home.path(), &[], 30, 8, &[]);
    app.wait_for("for lille");
    app.send(b"q");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn no_terminal_gives_a_clear_message_and_exit_2() {
    // stdout and stdin are pipes here.
    let result = run(&[]);
    assert_eq!(result.code, 2);
    assert!(
        result.stderr.contains("needs a terminal"),
        "{}",
        result.stderr
    );
    assert!(result.stdout.is_empty(), "nothing drawn");
}

#[test]
fn term_dumb_gives_a_clear_message_and_exit_2() {
    let home = tempfile::tempdir().unwrap();
    let mut app = PtyApp::start(home.path(), &[], 80, 24, &[("TERM", "dumb")]);
    assert_eq!(app.wait_exit(), 2);
    let out = String::from_utf8_lossy(&app.output()).into_owned();
    assert!(out.contains("TERM=dumb"), "{out}");
    assert!(
        !out.contains("\x1b[?1049h"),
        "never entered the alternate screen"
    );
}

/// Whether `haystack` holds `needle`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
