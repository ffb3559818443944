//! Property tests of the catalogue parser and validator: random edits of a
//! valid catalogue and arbitrary text never panic, and every invalid file gets
//! at least one well-formed message naming the file.

use indsats::catalogue::validate::{parse_parts, parse_str};
use indsats::catalogue::{Origin, load};
use proptest::prelude::*;
use serde_json::{Value, json};

fn valid() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!("")),
        Just(json!("  ")),
        Just(json!("x")),
        Just(json!("udsatte")),
        Just(json!("skive")),
        Just(json!("IPS ung")),
        Just(json!("2026-02-30")),
        Just(json!("a\u{1b}[2J")),
        Just(json!("\u{202e}omvendt")),
        Just(json!("ftp://x")),
        Just(json!("a b@c")),
        Just(json!("municipalities")),
        Just(json!("outside_region")),
        Just(json!(-1)),
        Just(json!(0)),
        Just(json!(121)),
        Just(json!(1.5)),
        Just(json!(18446744073709551615u64)),
        Just(json!(true)),
        Just(json!([])),
        Just(json!([1])),
        Just(json!(["udsatte"])),
        Just(json!({})),
        Just(json!({"min": 20, "max": 18})),
        ".{0,12}".prop_map(Value::String),
    ]
}

fn all_paths(value: &Value, prefix: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(prefix.clone());
    let children: Vec<(Value, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (json!(k), v)).collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (json!(i), v))
            .collect(),
        _ => Vec::new(),
    };
    for (step, child) in children {
        let mut path = prefix.clone();
        path.push(step);
        all_paths(child, path, out);
    }
}

fn at<'v>(value: &'v mut Value, path: &[Value]) -> &'v mut Value {
    path.iter().fold(value, |v, step| match step {
        Value::String(k) => &mut v[k.as_str()],
        n => &mut v[n.as_u64().unwrap() as usize],
    })
}

/// Replaces the value at a random path, or removes it, or adds a stray key.
fn edited(edits: &[(usize, u8, Value)]) -> Value {
    let mut value = valid();
    for (pick, kind, replacement) in edits {
        let mut paths = Vec::new();
        all_paths(&value, Vec::new(), &mut paths);
        let path = paths[pick % paths.len()].clone();
        match (kind % 3, path.split_last()) {
            (0, _) | (_, None) => *at(&mut value, &path) = replacement.clone(),
            (1, Some((last, parent))) => match (at(&mut value, parent), last) {
                (Value::Object(map), Value::String(k)) => {
                    map.shift_remove(k);
                }
                (Value::Array(items), n) => {
                    items.remove(n.as_u64().unwrap() as usize);
                }
                _ => {}
            },
            _ => {
                if let Value::Object(map) = at(&mut value, &path) {
                    map.insert("stray".into(), replacement.clone());
                }
            }
        }
    }
    value
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn edited_catalogues_are_accepted_or_explained(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), replacement()), 1..4),
        local in any::<bool>(),
    ) {
        let text = serde_json::to_string(&edited(&edits)).unwrap();
        let base = load::load(Origin::Bundled).unwrap().catalogue.vocabularies;
        let result = parse_parts("cat.json", &text, local.then_some(&base), None);
        if let Err(problems) = result {
            prop_assert!(!problems.is_empty());
            for problem in problems {
                let line = problem.to_string();
                prop_assert!(line.starts_with("cat.json"), "{}", line);
                prop_assert!(!line.contains('\u{1b}'), "no escape in messages: {:?}", line);
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = parse_str("cat.json", &text);
    }

    #[test]
    fn json_shaped_noise_never_panics(text in "[\\[\\]{}\",:0-9a-z \\n]{0,300}") {
        let _ = parse_str("cat.json", &text);
    }
}
