//! `catalogue/schema.json`, the JSON Schema editors use, agrees with the
//! validator (`indsats check`): the bundled catalogue and every catalogue
//! fixture pass the schema exactly when the validator accepts them — except
//! the fixtures broken only in ways a schema cannot see, named here.

use serde_json::Value;

use indsats::catalogue::load::load_file;

/// Broken only in what `indsats check` checks beyond the schema (the
/// schema's description names these): ids unique, vocabulary and
/// municipality ids known, age min ≤ max, no version-2 field in a
/// version-1 file, no key given twice in an object.
const VALIDATOR_ONLY: &[&str] = &[
    "duplicate-key.json",
    "duplicate-id.json",
    "unknown-vocabulary.json",
    "unknown-municipality.json",
    "age-range.json",
    "v1-with-v2-fields.json",
];

fn schema() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/catalogue/schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

#[test]
fn the_bundled_catalogue_agrees_with_the_schema() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/catalogue/initiatives.json");
    let value: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let errors: Vec<String> = schema()
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn every_fixture_passes_the_schema_exactly_when_the_validator_accepts_it() {
    let schema = schema();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // local.json files have a format of their own.
        if name.starts_with("local-") || path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let Some(value) = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        else {
            continue; // not UTF-8 or not JSON: no schema applies
        };
        let by_schema = schema.is_valid(&value);
        let by_validator = load_file(&path).is_ok();
        if VALIDATOR_ONLY.contains(&name.as_str()) {
            assert!(
                by_schema && !by_validator,
                "{name}: {by_schema} {by_validator}"
            );
        } else {
            assert_eq!(
                by_schema, by_validator,
                "{name}: schema and validator disagree"
            );
        }
        checked += 1;
    }
    assert!(checked >= 15, "{checked} fixtures");
}
