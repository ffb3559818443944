//! The validator never drops an entry silently: numbers beyond a 64-bit
//! float and nesting too deep are problems naming the entry and the field;
//! a UTF-8 byte order mark is accepted.

use crate::common;

use crate::common::{assert_no_panic, fixture, run};

fn check_text(text: &str) -> common::Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalogue.json");
    std::fs::write(&path, text).unwrap();
    let result = run(&["check", path.to_str().unwrap()]);
    assert_no_panic(&result);
    result
}

fn valid() -> String {
    std::fs::read_to_string(fixture("valid.json")).unwrap()
}

#[test]
fn a_number_out_of_range_is_an_error_naming_entry_and_field() {
    let text = valid().replacen(r#""max": 29"#, r#""max": 1e400"#, 1);
    let result = check_text(&text);
    assert_eq!(result.code, 1, "{}", result.stdout);
    assert!(
        result
            .stderr
            .contains("initiative 'ips-ung': age.max: a number out of range"),
        "{}",
        result.stderr
    );
}

#[test]
fn nesting_too_deep_inside_an_entry_is_an_error_naming_entry_and_field() {
    let deep = format!("[{}{}]", "[".repeat(5000), "]".repeat(5000));
    let text = valid().replacen(r#"["Individuelt Planlagt job med Støtte"]"#, &deep, 1);
    let result = check_text(&text);
    assert_eq!(result.code, 1, "{}", result.stdout);
    assert!(
        result.stderr.contains("initiative 'ips-ung': aliases[0]"),
        "{}",
        result.stderr
    );
    assert!(
        result.stderr.contains("nested too deeply"),
        "{}",
        result.stderr
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let result = check_text(&format!("\u{FEFF}{}", valid()));
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stdout.contains(": ok"), "{}", result.stdout);
}

/// A large catalogue's problems are listed in entry order, and an id
/// repeated far from its first use is still found.
#[test]
fn a_large_catalogue_lists_every_problem_in_order() {
    let mut catalogue: serde_json::Value = serde_json::from_str(&valid()).unwrap();
    let first = catalogue["initiatives"][0].clone();
    let entries: Vec<serde_json::Value> = (0..3000)
        .map(|i| {
            let mut entry = first.clone();
            entry["id"] = format!("e{i}").into();
            match i {
                5 | 2900 => entry["status"] = "måske".into(),
                1500 => entry["summary"] = 7.into(),
                2999 => entry["id"] = "e1".into(),
                _ => {}
            }
            entry
        })
        .collect();
    catalogue["initiatives"] = entries.into();
    let text = serde_json::to_string(&catalogue).unwrap();
    let problems = indsats::catalogue::validate::parse_str("big.json", &text).unwrap_err();
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 4, "{said:#?}");
    for (line, who) in said
        .iter()
        .zip(["'e5'", "'e1500'", "'e2900'", "'e1' (#3000)"])
    {
        assert!(line.contains(&format!("initiative {who}")), "{line}");
    }
    assert!(
        said[3].ends_with("duplicate id (also initiative #2)"),
        "{}",
        said[3]
    );
}
