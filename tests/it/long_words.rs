//! A name of 100,000 chars and a query of 100,000 chars cost what a long
//! real one costs in `check`, `search` and the app's first frame (issue 24):
//! matching reads a word's first `fold::MAX_WORD` chars and a query's first
//! `search::query::MAX_QUERY_CHARS`. Before these limits each case took
//! minutes; the time allowed is generous for a debug build on a busy
//! machine. A name is still shown whole: only matching is cut.

use std::time::{Duration, Instant};

use crate::common;

use indsats::app::Action;
use indsats::catalogue::Catalogue;
use indsats::fold::MAX_WORD;
use indsats::i18n::Lang;

/// The length of the long name's words and of the long query.
const LONG: usize = 100_000;

/// Far above what each case takes in a debug build (a run of the binary
/// included).
const GENEROUS: Duration = Duration::from_secs(10);

/// The bundled catalogue with the first entry named by words of [`LONG`]
/// chars, and aliases as long.
fn long_catalogue() -> Catalogue {
    let mut catalogue = common::bundled();
    let entry = &mut catalogue.initiatives[0];
    entry.name = format!("Langnavn {}", "x".repeat(LONG));
    entry.aliases = ["y", "zæ", "ab"]
        .iter()
        .map(|w| w.repeat(LONG / w.chars().count()))
        .collect();
    catalogue
}

/// The longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    text.split(|other| other != c)
        .map(|run| run.chars().count())
        .max()
        .unwrap_or(0)
}

#[test]
fn a_name_of_100k_chars_is_checked_and_searched_quickly() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("long.json");
    std::fs::write(&path, serde_json::to_string(&long_catalogue()).unwrap()).unwrap();
    let path = path.to_str().unwrap();
    let run = common::run_bounded(home.path(), &["check", path], GENEROUS);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let id = &common::bundled().initiatives[0].id;
    for query in ["x", "langnavn", &"x".repeat(LONG), &"ab".repeat(LONG / 2)] {
        let args = ["--catalogue", path, "search", "--json", query];
        let run = common::run_bounded(home.path(), &args, GENEROUS);
        common::assert_no_panic(&run);
        if query != "x" {
            assert!(run.stdout.contains(&format!("\"{id}\"")), "{}", run.stderr);
        }
    }
}

#[test]
fn a_name_of_100k_chars_is_drawn_quickly_and_whole() {
    let start = Instant::now();
    let mut app = common::app_with(long_catalogue(), Lang::Da, common::TODAY, (300, 40));
    let first = common::screen(&mut app);
    assert!(first.contains("Resultater"), "{first}");
    // Found by its word cut to the limit, and shown past it.
    app.start_with_query(&"x".repeat(LONG));
    app.update(Action::Open);
    let screen = common::screen(&mut app);
    let elapsed = start.elapsed();
    assert!(elapsed < GENEROUS, "{elapsed:?}");
    assert!(screen.contains("Langnavn"), "{screen}");
    assert!(longest_run(&screen, 'x') > 2 * MAX_WORD, "{screen}");
}

#[test]
fn a_query_of_100k_chars_is_searched_quickly() {
    let home = tempfile::tempdir().unwrap();
    let long = "a".repeat(LONG);
    let run = common::run_bounded(home.path(), &["search", &long], GENEROUS);
    common::assert_no_panic(&run);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let pasted = format!("mentor {}", "a-".repeat(LONG / 2));
    let run = common::run_bounded(home.path(), &["search", &pasted], GENEROUS);
    common::assert_no_panic(&run);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The app's first frame with the query given on its command line.
    let start = Instant::now();
    let mut app = common::bundled_app(Lang::Da, (120, 40), true);
    app.start_with_query(&long);
    let screen = common::screen(&mut app);
    let elapsed = start.elapsed();
    assert!(elapsed < GENEROUS, "{elapsed:?}");
    assert!(screen.contains("Resultater"), "{screen}");
}
