//! Nothing raw reaches the terminal: file names and arguments are escaped in
//! every message, invisible characters are refused in catalogue text, and
//! the `--json` outputs write them as `\uXXXX`.

use crate::common;

use std::path::Path;

use crate::common::{assert_no_panic, fixture, indsats};

const ESC_NAME: &str = "cat\u{1b}]0;owned\u{7}\u{202E}.json";

fn run_env(home: &Path, args: &[&str]) -> common::Run {
    let run: common::Run = indsats(home).args(args).output().unwrap().into();
    assert_no_panic(&run);
    run
}

fn assert_clean(text: &str) {
    for c in ['\u{1b}', '\u{7}', '\u{202E}', '\u{9b}'] {
        assert!(!text.contains(c), "raw U+{:04X} in {text:?}", c as u32);
    }
}

#[test]
fn checks_ok_line_escapes_the_file_name() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join(ESC_NAME);
    std::fs::copy(fixture("valid.json"), &path).unwrap();
    let run = run_env(home.path(), &["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_clean(&run.stdout);
    assert!(
        run.stdout.contains(r"\u{1b}]0;owned\u{7}\u{202e}.json: "),
        "{}",
        run.stdout
    );
}

#[test]
fn check_local_and_show_escape_the_local_file_name() {
    let home = tempfile::tempdir().unwrap();
    let local = home.path().join(ESC_NAME);
    std::fs::copy(fixture("local-valid.json"), &local).unwrap();
    let run = run_env(home.path(), &["check", "--local", local.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_clean(&run.stdout);
    assert!(run.stdout.contains(r"\u{1b}"), "{}", run.stdout);

    // show's "from the local file" line: the config dir's name is hostile.
    let config = home.path().join("cfg\u{1b}[2J");
    std::fs::create_dir_all(config.join("indsats")).unwrap();
    std::fs::copy(
        fixture("local-valid.json"),
        config.join("indsats/local.json"),
    )
    .unwrap();
    let run: common::Run = indsats(home.path())
        .env("XDG_CONFIG_HOME", &config)
        .args(["show", "skive-ungeguide"])
        .output()
        .unwrap()
        .into();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_clean(&run.stdout);
    assert!(run.stdout.contains(r"cfg\u{1b}[2J"), "{}", run.stdout);
}

#[test]
fn usage_errors_escape_the_arguments_they_quote() {
    let home = tempfile::tempdir().unwrap();
    for args in [
        vec!["search", "--limit", "\u{1b}[2J\u{9b}31m"],
        vec!["--bogus\u{1b}[2J"],
        vec!["--lang", "\u{202E}\u{1b}[2J"],
        vec!["check", "/nowhere/\u{1b}[2J.json"],
        vec!["search", "--kommune", "sk\u{202E}ive\u{1b}[2J"],
        vec!["search", "--tema", "x\u{9b}31m"],
    ] {
        let run = run_env(home.path(), &args);
        assert_eq!(run.code, 2, "{args:?}");
        assert_clean(&run.stderr);
        assert!(run.stderr.starts_with("indsats: "), "{}", run.stderr);
    }
    // Shown escaped, not silently dropped: the message quotes what was
    // typed, also where the value is read with a slip.
    let run = run_env(home.path(), &["search", "--kommune", "sk\u{202E}ive\u{1b}"]);
    assert!(
        run.stderr.contains(r"ukendt kommune 'sk\u{202e}ive\u{1b}'"),
        "{}",
        run.stderr
    );
    let run = run_env(home.path(), &["search", "--kommune", "sk\u{202E}ive"]);
    assert_clean(&run.stderr);
    assert!(
        run.stderr
            .contains(r"--kommune sk\u{202e}ive: læst som Skive"),
        "{}",
        run.stderr
    );
}

#[test]
fn json_outputs_write_invisible_characters_as_escapes() {
    let home = tempfile::tempdir().unwrap();
    let run = run_env(
        home.path(),
        &["search", "--json", "ung\u{202E}\u{2028}\u{E0041}"],
    );
    assert_clean(&run.stdout);
    assert!(!run.stdout.contains('\u{2028}'), "{}", run.stdout);
    assert!(!run.stdout.contains('\u{E0041}'), "{}", run.stdout);
    assert!(
        run.stdout.contains(r"ung\u202e\u2028\udb40\udc41"),
        "{}",
        run.stdout
    );
}

#[test]
fn invisible_characters_in_catalogue_text_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let valid = std::fs::read_to_string(fixture("valid.json")).unwrap();
    for (c, name) in [
        ('\u{061C}', "U+061C"),
        ('\u{2028}', "U+2028"),
        ('\u{2029}', "U+2029"),
        ('\u{E0041}', "U+E0041"),
        ('\u{3164}', "U+3164"),
        ('\u{202E}', "U+202E"),
        ('\u{17B4}', "U+17B4"),
        ('\u{E0080}', "U+E0080"),
        ('\u{FFFF}', "U+FFFF"),
    ] {
        let text = valid.replacen("\"Testkatalog\"", &format!("\"Test{c}katalog\""), 1);
        assert_ne!(text, valid);
        let path = home.path().join("c.json");
        std::fs::write(&path, text).unwrap();
        let run = run_env(home.path(), &["check", path.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{name}: {}", run.stdout);
        assert!(run.stderr.contains(name), "{name}: {}", run.stderr);
        assert!(run.stderr.contains("invisible"), "{}", run.stderr);
    }
    // The soft hyphen too: printed as nothing or as a hyphen, as the
    // terminal likes, so a name could read otherwise than it is searched.
    let text = valid.replacen("\"Testkatalog\"", "\"Test\u{AD}katalog\"", 1);
    let path = home.path().join("c.json");
    std::fs::write(&path, text).unwrap();
    let run = run_env(home.path(), &["check", path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("U+00AD"), "{}", run.stderr);
}
