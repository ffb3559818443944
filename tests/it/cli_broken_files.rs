//! Broken and hostile catalogue files: a clear message and exit 1 or 2, never
//! a panic, a backtrace or running out of memory.

use crate::common;

use std::io::Write;

use crate::common::{assert_no_panic, run};

fn check_file(bytes: &[u8]) -> common::Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("catalogue.json");
    std::fs::write(&path, bytes).unwrap();
    let result = run(&["check", path.to_str().unwrap()]);
    assert_no_panic(&result);
    result
}

#[test]
fn a_100_mb_file_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    // A syntactically valid start, then 100 MB of one endless array of numbers.
    file.write_all(b"{\"schema_version\": 1, \"initiatives\": [")
        .unwrap();
    let chunk = "1,".repeat(1 << 20);
    for _ in 0..50 {
        file.write_all(chunk.as_bytes()).unwrap();
    }
    file.write_all(b"1]}").unwrap();
    drop(file);
    let result = run(&["check", path.to_str().unwrap()]);
    assert_no_panic(&result);
    assert_eq!(result.code, 1, "{}", result.stderr);
    assert!(
        result
            .stderr
            .contains("initiative #1: expected an object, found a number")
    );
    assert!(
        result
            .stderr
            .contains("more problems not listed: stopped after the first 500")
    );
    assert!(result.stderr.lines().count() < 600, "the list is capped");
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: takes no disk space.
    file.set_len(indsats::catalogue::load::MAX_FILE_BYTES + 10)
        .unwrap();
    let result = run(&["check", path.to_str().unwrap()]);
    assert_no_panic(&result);
    assert_eq!(result.code, 2);
    assert!(
        result.stderr.contains("too large to be a catalogue"),
        "{}",
        result.stderr
    );
}

#[test]
fn a_deeply_nested_file_gives_a_clear_error() {
    for text in [
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!(
            "{{\"schema_version\": 1, \"initiatives\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        format!(
            "{{\"schema_version\": 1, \"title\": {}1{}}}",
            "{\"a\":".repeat(50_000),
            "}".repeat(50_000)
        ),
    ] {
        let result = check_file(text.as_bytes());
        assert_eq!(result.code, 1, "{}", result.stderr);
        assert!(
            result
                .stderr
                .starts_with(&std::env::temp_dir().display().to_string())
                || result.stderr.contains("catalogue.json")
        );
    }
}

#[test]
fn not_utf8_empty_and_truncated_files() {
    let result = check_file(b"\xff\xfe{\x00");
    assert_eq!(result.code, 1);
    assert!(
        result
            .stderr
            .contains(":1:1: the file is not valid UTF-8 text"),
        "{}",
        result.stderr
    );
    let result = check_file(b"");
    assert_eq!(result.code, 1);
    assert!(result.stderr.contains(":1:1: the file is empty"));
    let result = check_file(b"   \n\t ");
    assert_eq!(result.code, 1);
    let result = check_file(br#"{"schema_version": 1, "title": "x""#);
    assert_eq!(result.code, 1);
    assert!(result.stderr.contains(":1:"), "{}", result.stderr);
    let result = check_file(b"42");
    assert_eq!(result.code, 1);
    assert!(
        result
            .stderr
            .contains("expected a JSON object at the top level, found a number")
    );
}
