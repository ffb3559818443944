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
