//! The fast way through (`clean`) lets an entry through only when the
//! check on the tree has nothing to say about it, and then reads it into
//! the same model: a file checks the same with it as without it.

use std::sync::LazyLock;

use proptest::prelude::*;
use serde_json::{Value, json};

use super::checker::Checker;
use super::clean::TREE_ONLY;
use super::parse_parts_on;
use crate::catalogue::load::BUNDLED_JSON;
use crate::catalogue::model::Initiative;
use crate::catalogue::problem::Problem;

/// The bundled catalogue without its initiatives, and its initiatives.
static BUNDLED: LazyLock<(Value, Vec<Value>)> = LazyLock::new(|| {
    let mut file: Value = serde_json::from_str(BUNDLED_JSON).unwrap();
    let Value::Array(entries) = file["initiatives"].take() else {
        unreachable!("the bundled catalogue has initiatives")
    };
    // The vocabularies' words do not bear on an entry's check: left out,
    // each of the many checks below is quicker.
    for list in ["themes", "target_groups", "municipalities"] {
        for term in file["vocabularies"][list].as_array_mut().unwrap() {
            let term = term.as_object_mut().unwrap();
            term.remove("keywords");
            term.remove("aliases");
        }
    }
    (file, entries)
});

/// A file (not named as the bundled one: its rules are a file's) of the
/// bundled vocabularies and `entry` alone.
fn file_with(entry: Value) -> String {
    let mut file = BUNDLED.0.clone();
    file["initiatives"] = json!([entry]);
    serde_json::to_string_pretty(&file).unwrap()
}

type Outcome = Result<Vec<Initiative>, Vec<Problem>>;

/// `text` checked on one thread, with the fast way or on the tree alone.
fn check(text: &str, tree_only: bool) -> Outcome {
    TREE_ONLY.with(|only| only.set(tree_only));
    let outcome = parse_parts_on("t.json", text, None, None, 1).map(|parts| parts.initiatives);
    TREE_ONLY.with(|only| only.set(false));
    outcome
}

/// A checker of a file with the bundled vocabularies.
fn checker() -> Checker<'static> {
    let vocab = &BUNDLED.0["vocabularies"];
    let ids = |key: &str| {
        vocab[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let mut checker = Checker::new("t.json", None);
    checker.themes = ids("themes");
    checker.target_groups = ids("target_groups");
    checker.municipalities = ids("municipalities");
    checker
}

/// Every bundled entry takes the fast way, and comes out as on the tree.
#[test]
fn every_bundled_entry_takes_the_fast_way_to_the_same_model() {
    let checker = checker();
    for entry in &BUNDLED.1 {
        let raw = serde_json::to_string_pretty(entry).unwrap();
        let fast = checker.clean_entry(&raw);
        assert!(fast.is_some(), "{} took the long way", entry["id"]);
        let slow: Initiative = serde_json::from_value(entry.clone()).unwrap();
        assert_eq!(fast, Some(slow));
    }
    let text = file_with(BUNDLED.1[0].clone());
    assert_eq!(check(&text, false), check(&text, true));
}

/// What typing cannot tell sends an entry the long way: `null` for an
/// optional field (absent on the tree too), an empty `keywords` and a
/// missing `kind` (problems there).
#[test]
fn what_the_model_cannot_tell_goes_the_long_way() {
    let edits: [fn(&mut Value); 3] = [
        |e| e["eligibility"] = Value::Null,
        |e| e["keywords"] = json!([]),
        |e| drop(e.as_object_mut().unwrap().remove("kind")),
    ];
    for text in long_way(|e| e["eligibility"].is_string(), &edits) {
        assert_eq!(check(&text, false), check(&text, true));
    }
}

/// The files of the first bundled entry that `has` fits, each with one of
/// `edits`; each edited entry is asserted to go the long way.
fn long_way(has: fn(&Value) -> bool, edits: &[fn(&mut Value)]) -> Vec<String> {
    let checker = checker();
    let entry = BUNDLED.1.iter().find(|e| has(e)).unwrap();
    edits
        .iter()
        .map(|edit| {
            let mut entry = entry.clone();
            edit(&mut entry);
            let raw = serde_json::to_string(&entry).unwrap();
            assert!(checker.clean_entry(&raw).is_none(), "{raw}");
            file_with(entry)
        })
        .collect()
}

/// Where an edit goes: a key path into an entry (a number picks a list item).
const PLACES: &[&str] = &[
    "id",
    "name",
    "summary",
    "description",
    "status",
    "kind",
    "themes",
    "themes.0",
    "target_groups",
    "target_groups.0",
    "age",
    "age.min",
    "age.max",
    "area",
    "area.scope",
    "area.municipalities",
    "area.municipalities.0",
    "area.note",
    "providers",
    "providers.0",
    "aliases",
    "aliases.0",
    "keywords",
    "keywords.0",
    "keywords.1",
    "way_in",
    "eligibility",
    "next_steps",
    "next_steps.0",
    "contacts",
    "contacts.0",
    "contacts.0.organisation",
    "contacts.0.name",
    "contacts.0.role",
    "contacts.0.phone",
    "contacts.0.email",
    "contacts.0.url",
    "contacts.0.address",
    "contacts.0.note",
    "contacts.0.municipalities",
    "contacts.0.municipalities.0",
    "contacts.0.colour",
    "sources",
    "sources.0",
    "sources.0.title",
    "sources.0.url",
    "sources.0.page",
    "sources.0.date",
    "sources.0.accessed",
    "last_verified",
    "colour",
];

/// What an edit puts there (`None`: takes the key away).
fn values() -> Vec<Option<Value>> {
    let words = [
        "",
        " ",
        "x",
        "Tal med UU",
        "a\nb",
        "a\tb",
        "a\u{7}b",
        "a\u{200B}b",
        "a\u{AD}b",
        "\\",
        "\"citat\"",
        "Aarhus",
        "aarhus",
        "skive",
        "ukendt",
        "region",
        "municipalities",
        "national",
        "offer",
        "policy",
        "active",
        "unconfirmed",
        "ended",
        "2026-02-30",
        "2026-11-01",
        "2026-11",
        "2026",
        "26-11-01",
        "https://example.dk/side",
        "http://example.dk",
        "https://localhost",
        "87 65 43 21",
        "+45 87654321",
        "1234",
        "ung@aarhus.dk",
        "ung@aarhus",
        "Mentor",
        "mentor",
        "MENTOR",
    ];
    let mut values: Vec<Option<Value>> = words.iter().map(|w| Some(json!(w))).collect();
    values.extend(
        [
            Value::Null,
            json!(0),
            json!(1),
            json!(17),
            json!(200),
            json!(-1),
            json!(1.5),
            json!(true),
            json!(false),
            json!([]),
            json!([""]),
            json!(["x"]),
            json!(["aarhus"]),
            json!(["mentor", "Mentor"]),
            json!({}),
            json!({"min": 20, "max": 18}),
            json!({"organisation": "UU", "phone": "87654321"}),
            json!({"title": "Side", "url": "https://example.dk"}),
        ]
        .map(Some),
    );
    values.push(None);
    values
}

/// Puts `value` at `place` in `entry` (as far as the way there exists).
fn edit(entry: &mut Value, place: &str, value: Option<Value>) {
    let mut at = entry;
    let steps: Vec<&str> = place.split('.').collect();
    for step in &steps[..steps.len() - 1] {
        let next = match step.parse::<usize>() {
            Ok(i) => at.get_mut(i),
            Err(_) => at.get_mut(*step),
        };
        let Some(next) = next else { return };
        at = next;
    }
    let last = steps[steps.len() - 1];
    match (at, last.parse::<usize>(), value) {
        (Value::Array(items), Ok(i), Some(value)) if i < items.len() => items[i] = value,
        (Value::Array(items), Ok(i), None) if i < items.len() => drop(items.remove(i)),
        (Value::Object(obj), Err(_), Some(value)) => drop(obj.insert(last.to_owned(), value)),
        (Value::Object(obj), Err(_), None) => drop(obj.remove(last)),
        _ => {}
    }
}

/// Bundled entries that between them have every part an edit can reach:
/// a phone, keywords, municipalities, a source's date and access date.
fn varied_entries() -> Vec<&'static Value> {
    let has = |test: fn(&Value) -> bool| BUNDLED.1.iter().find(|e| test(e)).unwrap();
    vec![
        has(|e| {
            e["contacts"][0]["phone"].is_string() && e["contacts"][0]["municipalities"].is_array()
        }),
        has(|e| e["keywords"][1].is_string() && e["eligibility"].is_string()),
        has(|e| e["area"]["municipalities"][0].is_string() && e["area"]["note"].is_string()),
        has(|e| e["sources"][0]["accessed"].is_string() && e["sources"][0]["date"].is_string()),
        has(|e| e["age"]["min"].is_number() && e["age"]["max"].is_number()),
    ]
}

/// Every single edit of varied entries checks the same with the fast way
/// as on the tree alone: the same problems, or the same model.
#[test]
fn every_single_edit_checks_the_same_with_the_fast_way() {
    let values = values();
    std::thread::scope(|scope| {
        for entry in varied_entries() {
            let values = &values;
            scope.spawn(move || {
                for place in PLACES {
                    for value in values {
                        let mut entry = entry.clone();
                        edit(&mut entry, place, value.clone());
                        let text = file_with(entry);
                        assert_eq!(
                            check(&text, false),
                            check(&text, true),
                            "{place} = {value:?}"
                        );
                    }
                }
            });
        }
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any entry with one to three edits checks the same with the fast way
    /// as on the tree alone: the same problems, or the same model.
    #[test]
    fn a_file_checks_the_same_with_the_fast_way(
        which in 0usize..200,
        edits in proptest::collection::vec((0..PLACES.len(), 0usize..100), 1..4),
    ) {
        let values = values();
        let mut entry = BUNDLED.1[which % BUNDLED.1.len()].clone();
        for (place, value) in edits {
            edit(&mut entry, PLACES[place], values[value % values.len()].clone());
        }
        let text = file_with(entry);
        prop_assert_eq!(check(&text, false), check(&text, true));
    }
}

/// The model's own fields that no file may give (`local_note`, a contact's
/// `local`) are unknown to the typed reading too.
#[test]
fn fields_only_the_app_sets_go_the_long_way() {
    let edits: [fn(&mut Value); 2] = [
        |e| e["local_note"] = json!("lokal"),
        |e| e["contacts"][0]["local"] = json!(true),
    ];
    for text in long_way(|e| e["contacts"][0].is_object(), &edits) {
        assert!(check(&text, false).is_err());
    }
}
