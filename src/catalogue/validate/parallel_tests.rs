//! The walk on several threads (`parallel`) says exactly what the walk on
//! one thread says: the same problems in the same order, the same cap, the
//! same duplicate ids, the same entries and warnings.

use serde_json::{Value, json};

use super::parallel::REFUSE_HELPERS;
use super::{MAX_PROBLEMS, parse_parts_on};
use crate::catalogue::model::Initiative;
use crate::catalogue::problem::Problem;
use crate::progress::{Progress, Stage};

/// What a check of a file comes to.
type Outcome = Result<(Vec<Initiative>, Vec<Problem>), Vec<Problem>>;

/// Checks `text` on `threads` threads.
fn check(text: &str, threads: usize) -> Outcome {
    parse_parts_on("big.json", text, None, None, threads)
        .map(|parts| (parts.initiatives, parts.warnings))
}

/// Checks `text` on one thread, then on several (and with the helper
/// threads refused), and asserts they agree; returns what they say.
fn same_on_all_threads(text: &str) -> Outcome {
    let one = check(text, 1);
    for threads in [2, 3, 4] {
        assert_eq!(check(text, threads), one, "{threads} threads");
    }
    REFUSE_HELPERS.with(|refuse| refuse.set(true));
    let alone = check(text, 2);
    REFUSE_HELPERS.with(|refuse| refuse.set(false));
    assert_eq!(alone, one, "helpers refused");
    one
}

/// A catalogue of `count` entries, copies of the first entry of `fixture`
/// with ids `e-0`, `e-1`, …, each passed through `plant` (entry index, entry)
/// to plant problems.
fn catalogue(fixture: &str, count: usize, plant: impl Fn(usize, &mut Value)) -> String {
    let mut file: Value = serde_json::from_str(fixture).unwrap();
    let template = file["initiatives"][0].clone();
    let entries = (0..count)
        .map(|i| {
            let mut entry = template.clone();
            entry["id"] = json!(format!("e-{i}"));
            plant(i, &mut entry);
            entry
        })
        .collect();
    file["initiatives"] = Value::Array(entries);
    let text = serde_json::to_string_pretty(&file).unwrap();
    // Large enough that `parse_parts` itself takes the threads.
    assert!(text.len() > super::parallel::PARALLEL_BYTES);
    text
}

const V2: &str = include_str!("../../../tests/fixtures/valid-v2.json");
const V1: &str = include_str!("../../../tests/fixtures/valid.json");

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn problems_early_in_the_middle_and_late_are_listed_as_on_one_thread() {
    let text = catalogue(V2, 3000, |i, entry| match i {
        3 => entry["status"] = json!("gone"),
        7 => *entry = json!(42),
        // A problem before the id's check (unknown field), a duplicate of
        // an id from the first batch, a problem after (status).
        1500 => {
            entry["id"] = json!("e-100");
            entry["colour"] = json!("red");
            entry["status"] = json!("gone");
        }
        1501 => entry["contacts"][0]["phone"] = json!("12"),
        // The same id a third time, far from both.
        2950 => entry["id"] = json!("e-100"),
        // An id first seen in a late batch, repeated in the next entry.
        2997 => entry["id"] = json!("late"),
        2998 => {
            entry["id"] = json!("late");
            entry["name"] = json!("");
        }
        2999 => entry["themes"] = json!(["nowhere"]),
        _ => {}
    })
    // An entry the reader cannot take in: a number out of range.
    .replacen("\"max\": 29", "\"max\": 1e400", 1);
    let problems = same_on_all_threads(&text).unwrap_err();
    let said = messages(&problems);
    let expected = [
        "big.json: initiative 'e-0': age.max: a number out of range",
        "big.json: initiative 'e-3': status: unknown status 'gone'",
        "big.json: initiative #8: expected an object, found a number",
        "big.json: initiative 'e-100' (#1501): colour: unknown field",
        "big.json: initiative 'e-100' (#1501): id: duplicate id (also initiative #101)",
        "big.json: initiative 'e-100' (#1501): status: unknown status 'gone'",
        "big.json: initiative 'e-1501': contacts[0].phone: '12' is not a Danish phone number",
        "big.json: initiative 'e-1501': contacts[0]: a phone, e-mail or address needs a source",
        "big.json: initiative 'e-100' (#2951): id: duplicate id (also initiative #101)",
        "big.json: initiative 'late' (#2999): id: duplicate id (also initiative #2998)",
        "big.json: initiative 'late' (#2999): name: must not be empty",
        "big.json: initiative 'e-2999': themes[0]: unknown theme 'nowhere'",
    ];
    assert_eq!(said.len(), expected.len(), "{said:#?}");
    for (said, expected) in said.iter().zip(expected) {
        assert!(said.starts_with(expected), "{said}\nexpected {expected}");
    }
}

#[test]
fn problems_in_every_batch_keep_their_order() {
    // A problem every 40 entries, and an id repeated across each boundary
    // of 128 entries (the first in one batch, the second in the next).
    let text = catalogue(V2, 3000, |i, entry| {
        if i % 40 == 17 {
            entry["status"] = json!("gone");
        }
        if i % 128 == 0 && i > 0 {
            entry["id"] = json!(format!("e-{}", i - 1));
        }
    });
    let problems = same_on_all_threads(&text).unwrap_err();
    let said = messages(&problems);
    assert_eq!(said.len(), 75 + 23, "{said:#?}");
    assert!(
        said[0].starts_with("big.json: initiative 'e-17': status"),
        "{}",
        said[0]
    );
    assert!(
        said[3].starts_with(
            "big.json: initiative 'e-127' (#129): id: duplicate id (also initiative #128)"
        ),
        "{}",
        said[3]
    );
}

#[test]
fn past_the_cap_the_same_problems_are_listed_and_the_rest_counted() {
    let text = catalogue(V2, 3000, |i, entry| {
        match i {
            // One entry with more problems than the list holds, and a
            // duplicate id whose check comes after all of them.
            400 => {
                entry["id"] = json!("e-1");
                for k in 0..MAX_PROBLEMS + 20 {
                    entry[format!("extra-{k}")] = json!(k);
                }
            }
            i if i > 380 && i % 3 == 0 => entry["status"] = json!("gone"),
            i if i > 380 && i % 7 == 0 => entry["id"] = json!("e-2"),
            _ => {}
        }
    });
    let problems = same_on_all_threads(&text).unwrap_err();
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    assert!(
        problems[MAX_PROBLEMS]
            .to_string()
            .ends_with("more problems not listed: stopped after the first 500"),
        "{}",
        problems[MAX_PROBLEMS]
    );
    // The problems of entries before the big one come first, then its own.
    let said = messages(&problems);
    assert!(said[0].contains("initiative 'e-381'"), "{}", said[0]);
    assert!(
        said[MAX_PROBLEMS - 1].contains("(#401)"),
        "{}",
        said[MAX_PROBLEMS - 1]
    );

    // Each entry past the first few has a problem: the cap is reached
    // between batches, after the first helper's first batch.
    let text = catalogue(V2, 3000, |i, entry| {
        if i >= 200 {
            entry["status"] = json!("gone");
        }
        if i % 250 == 249 {
            entry["id"] = json!("e-0");
        }
    });
    let problems = same_on_all_threads(&text).unwrap_err();
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
    let said = messages(&problems);
    assert!(said[0].contains("initiative 'e-200'"), "{}", said[0]);
    assert!(
        said.iter()
            .any(|s| s.contains("'e-0' (#250): id: duplicate id (also initiative #1)"))
    );
}

#[test]
fn a_valid_catalogue_gives_the_same_entries_in_order() {
    let text = catalogue(V2, 3000, |_, _| {});
    let (entries, warnings) = same_on_all_threads(&text).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    let expected: Vec<String> = (0..3000).map(|i| format!("e-{i}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn version_1_entries_without_a_kind_are_counted_as_on_one_thread() {
    let text = catalogue(V1, 3000, |i, entry| {
        if i % 1000 == 999 {
            // A version-2 field: a problem, as on one thread.
            entry["way_in"] = json!(true);
        }
    });
    let problems = same_on_all_threads(&text).unwrap_err();
    assert_eq!(problems.len(), 3, "{problems:?}");
    let text = catalogue(V1, 3000, |_, _| {});
    let (entries, warnings) = same_on_all_threads(&text).unwrap();
    assert_eq!(entries.len(), 3000);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0]
            .to_string()
            .contains("3000 initiatives have no 'kind'"),
        "{}",
        warnings[0]
    );
}

#[test]
fn progress_reaches_the_end_of_checking() {
    let text = catalogue(V2, 3000, |_, _| {});
    let progress = Progress::default();
    let parts = parse_parts_on("big.json", &text, None, Some(&progress), 2).unwrap();
    assert_eq!(parts.initiatives.len(), 3000);
    // Said per batch, up to the last.
    assert_eq!(progress.stage(), Stage::Checking);
    assert_eq!(progress.percent(), 49);
}

#[test]
fn a_key_given_twice_is_refused_as_on_one_thread() {
    let valid = catalogue(V2, 3000, |_, _| {});
    let twice = |text: &str, at: &str| {
        assert!(text.contains(at), "{at}");
        text.replacen(at, &format!("{at} {at}"), 1)
    };
    let said = |text: &str| messages(&same_on_all_threads(text).unwrap_err());
    // In a late entry: refused alone, where it is.
    let late = twice(&valid, "\"id\": \"e-2500\",");
    let line = 1 + late[..late.find("\"id\": \"e-2500\"").unwrap()]
        .matches('\n')
        .count();
    assert_eq!(
        said(&late),
        [format!("big.json:{line}:26: duplicate key \"id\"")]
    );
    // At the top, and before a problem that stops the check early.
    assert_eq!(
        said(&twice(&valid, "\"title\": \"Testkatalog\",")),
        ["big.json:3:33: duplicate key \"title\""]
    );
    let no_version = late.replacen("\"schema_version\": 2,", "", 1);
    assert_eq!(said(&no_version).len(), 1);
    assert!(said(&no_version)[0].ends_with("duplicate key \"id\""));
    // After more problems than are listed.
    let many = catalogue(V2, 3000, |i, entry| {
        if i > 100 {
            entry["status"] = json!("gone");
        }
    });
    let many = twice(&many, "\"id\": \"e-2999\",");
    assert!(said(&many)[0].ends_with("duplicate key \"id\""));
    // Not after a value nested deeper than the reader goes in the file: the
    // pass stops there, and what was given twice is read as serde_json
    // reads it (the last). At 125 the entry itself can still be read.
    for depth in [125, 129] {
        let deep = catalogue(V2, 3000, |i, entry| {
            if i == 100 {
                entry["aliases"] = json!(["x"]);
            }
        })
        .replacen(
            "\"x\"",
            &format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
            1,
        );
        let deep = twice(&deep, "\"id\": \"e-2000\",");
        let said = said(&deep);
        assert_eq!(said.len(), 1, "{said:?}");
        let expected = match depth {
            125 => "initiative 'e-100': aliases[0]: expected a string, found an array",
            _ => "nested too deeply",
        };
        assert!(said[0].contains(expected), "{said:?}");
    }
}
