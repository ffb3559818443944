//! A command line that fits: `indsats search` rows within the width (80 in
//! a pipe) with the id, `--wide` for the full rows, a first word that is a
//! command with a slip refused with a suggestion, filter flags that forgive
//! the search line's slips and say what they read, and `show --kommune`
//! warning about a municipality the entry does not cover.

use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use crate::common::{self, assert_no_panic, run};

/// Runs the binary on the bundled catalogue, checking for panics.
fn bundled(args: &[&str]) -> common::Run {
    let result = run(args);
    assert_no_panic(&result);
    result
}

/// Runs the binary with `INDSATS_LANG=en`.
fn english_env(args: &[&str]) -> common::Run {
    let home = tempfile::tempdir().unwrap();
    let result: common::Run = common::indsats(home.path())
        .env("INDSATS_LANG", "en")
        .args(args)
        .output()
        .expect("run indsats")
        .into();
    assert_no_panic(&result);
    result
}

fn json(args: &[&str]) -> Value {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    let result = bundled(&all);
    assert_eq!(result.code, 0, "{}", result.stderr);
    serde_json::from_str(&result.stdout).expect("JSON")
}

fn ids(v: &Value) -> Vec<String> {
    v["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["id"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn piped_rows_fit_80_columns_and_start_with_the_id() {
    for query in [
        &[][..],
        &["skive", "17"],
        &["angst"],
        &["--kommune", "aarhus"],
    ] {
        let mut args = vec!["search"];
        args.extend_from_slice(query);
        let result = bundled(&args);
        assert_eq!(result.code, 0, "{query:?}: {}", result.stderr);
        let expected = ids(&json(query));
        let lines: Vec<&str> = result.stdout.lines().collect();
        assert_eq!(lines.len(), expected.len(), "{query:?}");
        let mut whole = 0;
        for (line, id) in lines.iter().zip(&expected) {
            assert!(line.width() <= 80, "{} columns: {line:?}", line.width());
            let first = line.split("  ").next().unwrap_or_default();
            if first == id {
                whole += 1;
            } else {
                // Only an id longer than its column is cut, and then with `…`.
                let kept = first
                    .strip_suffix('…')
                    .unwrap_or_else(|| panic!("{line:?}"));
                assert!(id.starts_with(kept) && kept.len() >= 31, "{id}: {line:?}");
            }
        }
        assert!(whole * 10 >= lines.len() * 9, "{whole} of {}", lines.len());
    }
    // The whole catalogue is wider than that in the full rows.
    let fitted = bundled(&["search"]);
    let wide = bundled(&["search", "--wide"]);
    assert_eq!(fitted.stdout.lines().count(), wide.stdout.lines().count());
    let widest = |text: &str| text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
    assert_eq!(widest(&fitted.stdout), 80);
    assert!(widest(&wide.stdout) > 160, "{}", widest(&wide.stdout));
}

#[test]
fn the_first_rows_name_status_and_area() {
    let result = bundled(&["search", "kui"]);
    let first = result.stdout.lines().next().unwrap_or_default();
    let cells: Vec<&str> = first.split("  ").filter(|c| !c.is_empty()).collect();
    let cells: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
    assert_eq!(cells[0], "kui", "{first:?}");
    assert!(
        cells[1].starts_with("Den kommunale ungeindsats"),
        "{first:?}"
    );
    assert_eq!(cells[3], "Hele landet", "{first:?}");
    let result = bundled(&["--lang", "en", "search", "kui"]);
    assert!(
        result
            .stdout
            .lines()
            .next()
            .unwrap_or_default()
            .ends_with("Nationwide")
    );
}

#[test]
fn a_command_with_a_slip_is_refused_with_a_suggestion() {
    let result = bundled(&["serach", "fgu"]);
    assert_eq!(result.code, 2, "{}", result.stderr);
    assert!(result.stdout.is_empty());
    assert_eq!(
        result.stderr,
        "indsats: ukendt kommando \"serach\" – mente du \"search\"?\n\
         indsats: for at søge efter \"serach\": indsats --query \"serach fgu\"\n"
    );
    for english in [
        bundled(&["--lang", "en", "shwo", "kui"]),
        english_env(&["shwo", "kui"]),
    ] {
        assert_eq!(english.code, 2);
        assert!(
            english
                .stderr
                .starts_with("indsats: unknown command \"shwo\" – did you mean \"show\"?\n"),
            "{}",
            english.stderr
        );
    }
    // Not a slip: the app is started (and, with no terminal here, says it
    // needs one). A real search for the word goes through --query; a
    // municipality, an age or a word of the catalogue (`stof`) is searched.
    for args in [
        &["--query", "serach fgu"][..],
        &["skive", "17", "angst"],
        &["stof", "hash"],
        &["fgu"],
    ] {
        let result = bundled(args);
        assert_eq!(result.code, 2, "{args:?}");
        assert!(
            result.stderr.contains("needs a terminal"),
            "{args:?}: {}",
            result.stderr
        );
    }
}

#[test]
fn filter_flags_forgive_slips_and_say_what_they_read() {
    let exact = bundled(&["search", "--json", "--kommune", "skive", "fgu"]);
    let slip = bundled(&["search", "--json", "--kommune", "skvie", "fgu"]);
    assert_eq!(slip.code, 0, "{}", slip.stderr);
    // The same search, the same JSON: only stderr says what was read.
    assert_eq!(slip.stdout, exact.stdout);
    assert_eq!(slip.stderr, "--kommune skvie: læst som Skive\n");
    assert!(exact.stderr.is_empty(), "{}", exact.stderr);

    let plain = bundled(&["search", "--kommune", "skvie", "fgu"]);
    assert_eq!(plain.code, 0);
    assert_eq!(plain.stderr, "--kommune skvie: læst som Skive\n");
    assert!(plain.stdout.starts_with("fgu-skolen "), "{}", plain.stdout);

    let v = json(&[
        "--tema",
        "erhvervssamarbjde",
        "--maalgruppe",
        "psykisk mistrivsl",
        "--status",
        "aktvi",
        "--type",
        "tilbdu",
    ]);
    assert_eq!(v["filters"]["themes"], serde_json::json!(["erhverv"]));
    assert_eq!(
        v["filters"]["target_groups"],
        serde_json::json!(["psykisk"])
    );
    assert_eq!(v["filters"]["statuses"], serde_json::json!(["active"]));
    assert_eq!(v["filters"]["kinds"], serde_json::json!(["offer"]));
    let result = bundled(&["search", "--status", "aktvi", "--type", "tilbdu", "--json"]);
    assert_eq!(
        result.stderr,
        "--status aktvi: læst som Aktiv\n--type tilbdu: læst som Tilbud\n"
    );

    for english in [
        bundled(&[
            "--lang",
            "en",
            "search",
            "--kommune",
            "skvie",
            "--tema",
            "udsatt",
        ]),
        english_env(&["search", "--kommune", "skvie", "--tema", "udsatt"]),
    ] {
        assert_eq!(english.code, 0, "{}", english.stderr);
        assert_eq!(
            english.stderr,
            "--municipality skvie: read as Skive\n--theme udsatt: read as Vulnerable youth\n"
        );
    }
    // A value no municipality is a slip from is still refused.
    let result = bundled(&["search", "--kommune", "skxyz"]);
    assert_eq!(result.code, 2);
    assert!(result.stderr.starts_with("indsats: ukendt kommune 'skxyz'"));
}

#[test]
fn show_warns_when_the_entry_does_not_cover_the_municipality() {
    let result = bundled(&["show", "fgu-skolen", "--kommune", "herning"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result.stdout.starts_with("FGU Skolen\n"),
        "{}",
        result.stdout
    );
    assert_eq!(result.stderr, "fgu-skolen dækker ikke Herning\n");

    let result = bundled(&["show", "fgu-skolen", "--kommune", "skvie"]);
    assert_eq!(result.code, 0);
    assert_eq!(result.stderr, "--kommune skvie: læst som Skive\n");

    let result = english_env(&["show", "fgu-skolen", "--municipality", "hernnig", "--json"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert_eq!(
        result.stderr,
        "--municipality hernnig: read as Herning\nfgu-skolen does not cover Herning\n"
    );
    let v: Value = serde_json::from_str(&result.stdout).expect("JSON");
    assert_eq!(v["id"], "fgu-skolen");

    // A national entry covers every municipality.
    let result = bundled(&["show", "kui", "--kommune", "herning"]);
    assert_eq!(result.code, 0);
    assert!(result.stderr.is_empty(), "{}", result.stderr);
}
