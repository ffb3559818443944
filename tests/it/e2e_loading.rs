//! A large catalogue loads behind the screen: the app opens at once with a
//! progress line, takes typing while the catalogue loads, and applies it —
//! the words searched, a place and an age as chips — once the index is
//! there. The real binary in a pseudo-terminal, on a synthetic catalogue.
//!
//! The default size keeps the debug build's load a few seconds long; CI
//! runs the same test at 100,000 entries on the release build
//! (`INDSATS_TEST_LOADING_ENTRIES=100000 cargo test --release …`).

use std::time::Duration;

use crate::common;
use crate::common::pty::{PtyApp, keys};
use crate::synthetic;

/// Entries in the test's catalogue unless `INDSATS_TEST_LOADING_ENTRIES` says.
const ENTRIES: usize = 6_000;

/// Longest wait for the catalogue to load: generous, for a loaded machine.
const LOAD_LIMIT: Duration = Duration::from_secs(240);

/// The app started on the catalogue at `path`, its loading screen shown.
fn loading(home: &std::path::Path, path: &std::path::Path) -> PtyApp {
    let app = PtyApp::start(home, &["--catalogue", path.to_str().unwrap()], 80, 24, &[]);
    app.wait_for("Indlæser katalog …");
    app
}

#[test]
fn a_large_catalogue_shows_its_progress_and_takes_typing_while_it_loads() {
    let entries = std::env::var("INDSATS_TEST_LOADING_ENTRIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(ENTRIES);
    let home = tempfile::tempdir().unwrap();
    let catalogue = synthetic::catalogue(&common::bundled(), entries, 5);
    // A word of the catalogue's own to search for.
    let word = catalogue.initiatives[entries / 2]
        .name
        .split_whitespace()
        .next()
        .unwrap()
        .to_lowercase();
    let path = home.path().join("big.json");
    std::fs::write(&path, serde_json::to_vec(&catalogue).unwrap()).unwrap();
    drop(catalogue);

    let mut app = loading(home.path(), &path);
    // Typed while the catalogue loads: a place, an age and a word.
    app.type_text(&format!("skive 17 {word}"));
    app.wait_until("the typing drawn while loading", |screen| {
        screen.contains("Indlæser katalog …") && screen.contains(&word)
    });
    let total = format!(" af {entries}");
    app.wait_until_within(LOAD_LIMIT, "the search on the loaded catalogue", |screen| {
        screen
            .lines()
            .nth(1)
            .is_some_and(|line| line.contains(&total))
    });
    let screen = app.screen();
    assert!(!screen.contains("Indlæser katalog"), "{screen}");
    let query = screen.lines().nth(1).unwrap();
    assert!(query.contains(&format!("Søg › {word}")), "{screen}");
    assert!(
        !query.trim_end().ends_with(&format!("0{total}")),
        "{screen}"
    );
    let filters = screen.lines().nth(2).unwrap();
    assert!(
        filters.contains("Skive") && filters.contains("17 år"),
        "{screen}"
    );
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_problem_found_after_the_screen_opened_is_printed_on_a_restored_terminal() {
    let home = tempfile::tempdir().unwrap();
    let catalogue = synthetic::catalogue(&common::bundled(), ENTRIES, 6);
    let mut value = serde_json::to_value(&catalogue).unwrap();
    // The last entry is the one the validator meets last.
    value["initiatives"][ENTRIES - 1]["status"] = "måske".into();
    let path = home.path().join("broken.json");
    std::fs::write(&path, serde_json::to_vec(&value).unwrap()).unwrap();
    let mut app = loading(home.path(), &path);
    let status = app.wait_status();
    assert_eq!(status.exit_code(), 1);
    assert!(app.cooked(), "the terminal is restored");
    let output = String::from_utf8_lossy(&app.output()).into_owned();
    assert!(output.contains("status"), "{output}");
    assert!(
        output.contains("the catalogue is invalid (1 problem)"),
        "{output}"
    );
}
