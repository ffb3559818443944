//! End-to-end: the real binary in a pseudo-terminal, driven by keys, read back
//! from the screen. Needs nothing but cargo.

use crate::common;

use crate::common::pty::{PtyApp, contains, keys};

/// Leaving the alternate screen: the terminal was restored.
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";

fn start(home: &std::path::Path, cols: u16, rows: u16) -> PtyApp {
    let app = PtyApp::start(home, &[], cols, rows, &[]);
    let total = common::bundled_total();
    let first = app.wait_for(&format!("{total} af {total}"));
    eprintln!("first frame after {first:?}");
    app
}

#[test]
fn search_move_open_details_and_quit_with_ctrl_c() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path(), 120, 40);
    app.type_text("fgu");
    app.wait_for("Søg › fgu");
    app.type_text(" skolen");
    app.wait_for("FGU Skolen");
    app.send(keys::ENTER);
    // The details show the next steps and the contacts.
    // The details show the next steps and the contacts first.
    app.wait_for("Næste skridt");
    app.wait_for("målgruppevurdering");
    app.wait_for("Kontakter");
    app.wait_for("fguskolen.dk");
    app.send(keys::ESC);
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
    assert!(
        contains(&app.output(), LEAVE_ALT_SCREEN),
        "terminal restored"
    );
}

#[test]
fn moving_selects_the_next_result() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path(), 80, 24);
    app.type_text("fgu");
    app.wait_for("Søg › fgu");
    let first = app.screen();
    app.send(keys::DOWN);
    app.send(keys::DOWN);
    // The third row is selected: wait for the marker to move there.
    let deadline = std::time::Instant::now() + common::pty::TIMEOUT;
    loop {
        let screen = app.screen();
        let rows: Vec<&str> = screen.lines().filter(|l| l.starts_with('│')).collect();
        if rows.get(2).is_some_and(|r| r.contains('▶')) {
            let marked = screen.lines().filter(|l| l.contains('▶')).count();
            assert_eq!(marked, 1, "{screen}");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "before:\n{first}\nnow:\n{screen}"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn ctrl_c_quits_from_the_query_line() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path(), 80, 24);
    app.type_text("ips");
    app.wait_for("Søg › ips");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
    assert!(contains(&app.output(), LEAVE_ALT_SCREEN));
}

#[test]
fn narrow_terminal_opens_details_as_a_view_and_age_can_be_set() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path(), 60, 20);
    app.send(keys::F2);
    app.type_text("17");
    app.wait_for("[17 år]");
    app.send(keys::ESC);
    // A lone Esc and a letter right after it read as Alt+letter: wait for
    // the picker to close first, as a person would.
    app.wait_gone("Find ›");
    app.type_text("ips-ung");
    app.wait_for("Søg › ips-ung");
    app.send(keys::ENTER);
    app.wait_for("┌ IPS-ung");
    app.send(keys::DOWN);
    app.send(keys::END);
    // Scrolled to the bottom: the last line, after the sources.
    app.wait_for("Senest kontrolleret");
    app.send(keys::ESC);
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn english_and_no_color() {
    let home = tempfile::tempdir().unwrap();
    let mut app = PtyApp::start(
        home.path(),
        &["--lang", "en"],
        100,
        30,
        &[("NO_COLOR", "1")],
    );
    let total = common::bundled_total();
    app.wait_for(&format!("{total} of {total}"));
    app.wait_for("Search ›");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
    // No colour in any SGR sequence (default-colour resets 39/49 are fine).
    let out = String::from_utf8_lossy(&app.output()).into_owned();
    for (i, _) in out.match_indices("\x1b[") {
        let rest = &out[i + 2..];
        let Some(end) = rest.find(|c: char| !(c.is_ascii_digit() || c == ';')) else {
            continue;
        };
        if !rest[end..].starts_with('m') {
            continue;
        }
        for param in rest[..end].split(';').filter_map(|p| p.parse::<u32>().ok()) {
            let colour = matches!(param, 30..=38 | 40..=48 | 90..=97 | 100..=107);
            assert!(!colour, "colour SGR {:?} with NO_COLOR", &rest[..end]);
        }
    }
}
