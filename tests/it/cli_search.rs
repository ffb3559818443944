//! `indsats search` on the real binary: output, JSON shape, exit codes.

use crate::common;

use crate::common::{assert_no_panic, fixture, run};
use serde_json::Value;

fn valid() -> String {
    fixture("valid.json").display().to_string()
}

fn search(args: &[&str]) -> common::Run {
    let mut all = vec!["--catalogue", "tests/fixtures/valid.json", "search"];
    all.extend_from_slice(args);
    let result = run(&all);
    assert_no_panic(&result);
    result
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let result = search(&all);
    assert_eq!(result.code, 0, "{}", result.stderr);
    serde_json::from_str(&result.stdout).expect("valid JSON")
}

#[test]
fn prints_one_line_per_result_and_exits_0() {
    // The quote keeps a municipality's name as text to match.
    let result = search(&["'skive"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let lines: Vec<&str> = result.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", result.stdout);
    let line = lines[0];
    for part in ["fgu-skive", "FGU Skolen", "Aktiv", "Skive"] {
        assert!(line.contains(part), "missing {part:?} in {line:?}");
    }
    assert!(line.starts_with("fgu-skive  "), "the id first: {line:?}");
    assert!(result.stderr.is_empty());
    // The summary is in the full rows only.
    assert!(!line.contains("Forberedende"), "{line:?}");
    let wide = search(&["'skive", "--wide"]);
    assert!(
        wide.stdout
            .contains("Forberedende grunduddannelse i Skive."),
        "{}",
        wide.stdout
    );
}

#[test]
fn an_empty_query_lists_everything_by_name() {
    let first_column = |args: &[&str]| -> Vec<String> {
        let result = search(args);
        assert_eq!(result.code, 0);
        result
            .stdout
            .lines()
            .map(|l| l.split("  ").next().unwrap_or("").to_owned())
            .collect()
    };
    assert_eq!(first_column(&[]), ["fgu-skive", "ips-ung"]);
    assert_eq!(first_column(&["--wide"]), ["FGU Skolen", "IPS-ung"]);
}

#[test]
fn english_status_labels_and_areas() {
    let mut args = vec!["--lang", "en", "--catalogue", "tests/fixtures/valid.json"];
    args.extend(["search", "ips"]);
    let result = run(&args);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stdout.contains("Active"), "{}", result.stdout);
    assert!(result.stdout.contains("Whole region"), "{}", result.stdout);
}

#[test]
fn wide_rows_are_never_cut() {
    let result = search(&["ips", "--wide"]);
    let line = result.stdout.lines().next().unwrap_or_default();
    assert!(line.ends_with("Job eller uddannelse sideløbende med psykiatrisk behandling."));
    // --json says everything already.
    let result = search(&["ips", "--wide", "--json"]);
    assert_eq!(result.code, 2, "{}", result.stdout);
}

#[test]
fn nothing_matched_exits_1_with_nothing_on_stdout() {
    let result = search(&["zzzqqq"]);
    assert_eq!(result.code, 1);
    assert!(result.stdout.is_empty());
    // The word left out is named first, then why nothing is listed.
    assert!(
        result.stderr.starts_with("Ingen træf på \"zzzqqq\""),
        "{}",
        result.stderr
    );
    assert!(result.stderr.contains("indsats: "), "{}", result.stderr);
    let result = search(&["fgu", "--json", "--kommune", "aarhus"]);
    assert_eq!(result.code, 1);
    assert!(result.stdout.is_empty());
}

#[test]
fn municipality_values_match_case_and_danish_insensitively() {
    for value in [
        "ringkobing-skjern",
        "Ringkøbing-Skjern",
        "ringkoebing-skjern",
        "RINGKØBING-SKJERN",
    ] {
        let result = search(&["--kommune", value, "--json"]);
        assert_eq!(result.code, 0, "{value}: {}", result.stderr);
        let v: Value = serde_json::from_str(&result.stdout).expect("JSON");
        assert_eq!(
            v["filters"]["municipalities"],
            serde_json::json!(["ringkobing-skjern"])
        );
        // Only the region-wide entry passes Ringkøbing-Skjern.
        assert_eq!(v["total"], 1);
        assert_eq!(v["results"][0]["id"], "ips-ung");
    }
}

#[test]
fn unknown_filter_values_are_usage_errors() {
    let result = search(&["--kommune", "x"]);
    assert_eq!(result.code, 2);
    assert!(result.stdout.is_empty());
    assert_eq!(
        result.stderr.trim_end(),
        "indsats: ukendt kommune 'x'; gyldige værdier: aarhus, ringkobing-skjern, skive"
    );
    for (flag, kind) in [
        (
            "--maalgruppe",
            "ukendt målgruppe 'x'; gyldige værdier: udenfor, psykisk",
        ),
        (
            "--tema",
            "ukendt tema 'x'; gyldige værdier: erhverv, udsatte",
        ),
        (
            "--status",
            "ukendt status 'x'; gyldige værdier: active, unconfirmed, pilot, proposed, inspiration, ended",
        ),
        (
            "--type",
            "ukendt type 'x'; gyldige værdier: offer, professional, funding, policy",
        ),
    ] {
        let result = search(&[flag, "x"]);
        assert_eq!(result.code, 2, "{flag}");
        assert!(result.stderr.contains(kind), "{flag}: {}", result.stderr);
    }
    let result = search(&["--lang", "en", "--kommune", "x"]);
    assert_eq!(
        result.stderr.trim_end(),
        "indsats: unknown municipality 'x'; valid values: aarhus, ringkobing-skjern, skive"
    );
    let result = search(&["--alder", "not-a-number"]);
    assert_eq!(result.code, 2);
}

#[test]
fn danish_flag_aliases_and_labels_filter() {
    let v = json(&["--maalgruppe", "Unge med psykisk mistrivsel"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["results"][0]["id"], "ips-ung");
    let v = json(&["--tema", "business partnerships"]);
    assert_eq!(v["results"][0]["id"], "fgu-skive");
    let v = json(&["--alder", "25"]);
    assert_eq!(v["total"], 1, "FGU is for under 25");
    assert_eq!(v["filters"]["age"], 25);
    let v = json(&["--status", "aktiv"]);
    assert_eq!(v["total"], 2);
    assert_eq!(v["filters"]["statuses"], serde_json::json!(["active"]));
}

#[test]
fn json_shape_and_total_before_limit() {
    let v = json(&["--limit", "1"]);
    assert_eq!(v["query"], "");
    assert_eq!(v["total"], 2);
    let results = v["results"].as_array().expect("results array");
    assert_eq!(results.len(), 1);
    let filters = v["filters"].as_object().expect("filters object");
    let keys: Vec<&str> = filters.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        vec![
            "municipalities",
            "target_groups",
            "themes",
            "statuses",
            "kinds",
            "age"
        ]
    );

    let v = json(&["job", "psykiatri"]);
    assert_eq!(v["query"], "job psykiatri");
    let hit = &v["results"][0];
    let keys: Vec<&str> = hit
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        vec![
            "id",
            "name",
            "summary",
            "status",
            "kind",
            "score",
            "way_in",
            "matched_fields"
        ]
    );
    assert_eq!(hit["id"], "ips-ung");
    assert_eq!(hit["status"], "active");
    assert!(hit["score"].as_u64().is_some_and(|s| s > 0));
    let fields: Vec<&str> = hit["matched_fields"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        fields.contains(&"summary") && fields.contains(&"description"),
        "{fields:?}"
    );
}

#[test]
fn operators_work_on_the_command_line() {
    let v = json(&["!fgu"]);
    assert_eq!(v["total"], 1);
    assert_eq!(v["results"][0]["id"], "ips-ung");
    let v = json(&["^skole"]);
    assert_eq!(v["results"][0]["id"], "fgu-skive");
}

#[test]
fn unreadable_catalogue_exits_2() {
    let result = run(&[
        "--catalogue",
        "tests/fixtures/does-not-exist.json",
        "search",
        "x",
    ]);
    assert_eq!(result.code, 2);
    assert!(result.stderr.starts_with("indsats: "));
    let _ = valid();
}

#[test]
fn searches_the_bundled_catalogue_by_default() {
    let result = run(&["search", "fgu", "ostjylland", "--json"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let v: Value = serde_json::from_str(&result.stdout).expect("JSON");
    assert_eq!(v["results"][0]["id"], "fgu-oestjylland");
}

#[test]
fn results_carry_kind_and_status_and_kind_filters() {
    let path = fixture("valid-v2.json").display().to_string();
    let result = run(&["--catalogue", &path, "search", "--json"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let v: Value = serde_json::from_str(&result.stdout).expect("JSON");
    let by_id = |id: &str| {
        v["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .unwrap_or_else(|| panic!("{id} missing in {v}"))
    };
    assert_eq!(by_id("fgu-skive")["status"], "unconfirmed");
    assert_eq!(by_id("fgu-skive")["kind"], "offer");
    assert_eq!(by_id("ips-ung")["status"], "active");

    let result = run(&["--catalogue", &path, "search", "--type", "funding"]);
    assert_eq!(result.code, 1, "no funding entries: {}", result.stdout);
    let result = run(&["--catalogue", &path, "search", "--type", "tilbud", "--json"]);
    let v: Value = serde_json::from_str(&result.stdout).expect("JSON");
    assert_eq!(v["total"], 2);
    assert_eq!(v["filters"]["kinds"], serde_json::json!(["offer"]));

    // The plain list names the status a caseworker must ask about: by its
    // badge in the fitted rows, in full in the wide ones.
    let result = run(&["--catalogue", &path, "search", "skolen"]);
    assert!(result.stdout.contains("Ubekræftet"), "{}", result.stdout);
    let result = run(&["--catalogue", &path, "search", "skolen", "--wide"]);
    assert!(
        result.stdout.contains("Ikke bekræftet"),
        "{}",
        result.stdout
    );
}

#[test]
fn a_municipality_and_an_age_typed_as_words_are_filters() {
    let result = search(&["skive", "17"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert_eq!(result.stderr, "kommune: Skive · alder: 17\n");
    let typed = json(&["skive", "17", "job"]);
    let flagged = json(&["--kommune", "skive", "--alder", "17", "job"]);
    assert_eq!(typed["filters"], flagged["filters"]);
    assert_eq!(typed["results"], flagged["results"]);
    assert_eq!(
        typed["recognised"]["municipalities"],
        serde_json::json!(["skive"])
    );
    assert_eq!(typed["recognised"]["age"], 17);
    assert_eq!(typed["recognised"]["text"], "job");
}

/// The issue's own case, on the bundled catalogue.
#[test]
fn skive_17_droppet_ud_is_the_same_as_the_flags() {
    let bundled = |args: &[&str]| -> Value {
        let mut all = vec!["search", "--json"];
        all.extend_from_slice(args);
        let result = run(&all);
        assert_eq!(result.code, 0, "{}", result.stderr);
        serde_json::from_str(&result.stdout).expect("JSON")
    };
    let typed = bundled(&["skive", "17", "droppet", "ud"]);
    let flagged = bundled(&["--kommune", "skive", "--alder", "17", "droppet", "ud"]);
    assert_eq!(typed["filters"], flagged["filters"]);
    assert_eq!(
        typed["filters"]["municipalities"],
        serde_json::json!(["skive"])
    );
    assert_eq!(typed["filters"]["age"], 17);
    assert_eq!(typed["total"], flagged["total"]);
    assert_eq!(typed["results"], flagged["results"]);
    // Nothing names "droppet" in its own words, so the way in for a
    // 17-year-old (the municipal youth effort) comes first, then Skive's FGU.
    assert_eq!(typed["results"][0]["id"], "kui");
    assert_eq!(typed["results"][0]["way_in"], true);
    assert_eq!(typed["results"][1]["id"], "fgu-skolen");
}

#[test]
fn json_says_why_every_hit_matched_past_the_best_thousand() {
    let home = tempfile::tempdir().unwrap();
    let bundled = common::bundled();
    let catalogue = crate::synthetic::catalogue(&bundled, 2_500, 3);
    let path = home.path().join("catalogue.json");
    std::fs::write(&path, serde_json::to_vec(&catalogue).unwrap()).unwrap();
    let result = common::run_in(
        home.path(),
        &[
            "--catalogue",
            path.to_str().unwrap(),
            "search",
            "--json",
            "ung",
        ],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    let v: Value = serde_json::from_str(&result.stdout).expect("valid JSON");
    let hits = v["results"].as_array().unwrap();
    assert!(
        hits.len() > indsats::search::DETAILED_HITS + 100,
        "{}",
        hits.len()
    );
    for (rank, hit) in hits.iter().enumerate() {
        assert!(
            !hit["matched_fields"].as_array().unwrap().is_empty(),
            "hit {rank} ({}) says no field",
            hit["id"]
        );
    }
}
