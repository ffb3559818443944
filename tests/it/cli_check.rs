//! `indsats check`: every validation rule, with a small bad catalogue each.

use crate::common;

use crate::common::{assert_no_panic, fixture, run, run_in};

/// Runs `check` on a fixture and returns (exit code, stderr).
fn check(name: &str) -> (i32, String) {
    let path = fixture(name);
    let result = run(&["check", path.to_str().unwrap()]);
    assert_no_panic(&result);
    (result.code, result.stderr)
}

/// Asserts the fixture is invalid (exit 1) and every expected line is reported.
fn assert_problems(name: &str, expected: &[&str]) {
    let (code, stderr) = check(name);
    assert_eq!(code, 1, "{name}: {stderr}");
    let path = fixture(name).display().to_string();
    for line in expected {
        let want = format!("{path}: {line}");
        assert!(
            stderr.lines().any(|l| l == want),
            "{name}: missing line\n  {want}\nin\n{stderr}"
        );
    }
    let reported = stderr.lines().filter(|l| l.starts_with(&path)).count();
    assert_eq!(
        reported,
        expected.len(),
        "{name}: unexpected extra problems:\n{stderr}"
    );
    assert!(stderr.contains(&format!("invalid ({} problem", expected.len())));
}

#[test]
fn valid_catalogue_prints_summary_and_exits_0() {
    let path = fixture("valid-v2.json");
    let result = run(&["check", path.to_str().unwrap()]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert_eq!(
        result.stdout.trim(),
        format!(
            "{}: 2 initiatives, 3 municipalities, 2 themes, 2 target groups, updated 2026-11-01: ok",
            path.display()
        )
    );
    assert!(result.stderr.is_empty());
}

#[test]
fn version_1_without_kind_loads_with_one_warning() {
    let path = fixture("valid.json");
    let result = run(&["check", path.to_str().unwrap()]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let lines: Vec<&str> = result.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{}: warning: schema_version 1: 2 initiatives have no 'kind' and are taken as 'offer'; set \"schema_version\": 2 and give each a kind",
                path.display()
            ),
            format!(
                "{}: 2 initiatives, 3 municipalities, 2 themes, 2 target groups, updated 2026-11-01: ok",
                path.display()
            ),
        ]
    );
    // The entries really are offers once loaded.
    let shown = run(&[
        "show",
        "ips-ung",
        "--json",
        "--catalogue",
        path.to_str().unwrap(),
    ]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    let entry: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(entry["kind"], "offer");
}

#[test]
fn version_1_file_using_version_2_fields() {
    assert_problems(
        "v1-with-v2-fields.json",
        &[
            "vocabularies.target_groups[1].keywords: 'keywords' is a schema_version 2 field, but the file says schema_version 1; set \"schema_version\": 2",
            "vocabularies.municipalities[0].aliases: 'aliases' is a schema_version 2 field, but the file says schema_version 1; set \"schema_version\": 2",
            "initiative 'ips-ung': kind: 'kind' is a schema_version 2 field, but the file says schema_version 1; set \"schema_version\": 2",
            "initiative 'fgu-skive': status: status 'unconfirmed' needs schema_version 2; the file says schema_version 1",
            "initiative 'fgu-skive': sources[0].accessed: 'accessed' is a schema_version 2 field, but the file says schema_version 1; set \"schema_version\": 2",
        ],
    );
}

#[test]
fn version_2_rules_kind_keywords_aliases_contacts_sources() {
    assert_problems(
        "v2-problems.json",
        &[
            "vocabularies.themes[1].keywords: must have at least one entry when present",
            "vocabularies.target_groups[1].keywords[1]: 'Angst' repeats an earlier word (the same once case and æ/ø/å are folded)",
            "vocabularies.target_groups[1].keywords[2]: must not be empty",
            "vocabularies.municipalities[2].aliases: 'Aarhus' also names municipality 'aarhus'; an alias must point at one municipality",
            "initiative 'ips-ung': kind: unknown kind 'service' (expected offer, professional, funding, policy)",
            "initiative 'fgu-skive': kind: missing required field",
            "initiative 'fgu-skive': contacts[0].url: 'http://fguskolen.dk' is not a secure web address; expected https://…",
            "initiative 'fgu-skive': contacts[0].phone: '12 34 56' is not a Danish phone number; write 8 digits, optionally after +45, spaces allowed",
            "initiative 'fgu-skive': contacts[0].email: 'info@skive' is not an e-mail address",
            "initiative 'fgu-skive': contacts[0]: a phone, e-mail or address needs a source with a web address (sources[].url) on the entry",
            "initiative 'fgu-skive': contacts[0].municipalities[0]: unknown municipality 'viborg' (known: aarhus, ringkobing-skjern, skive)",
            "initiative 'fgu-skive': sources[0].date: 'marts 2025' is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY",
        ],
    );
}

#[test]
fn bundled_catalogue_is_valid() {
    let result = run(&["check"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(result.stdout.starts_with("<bundled catalogue>: "));
    assert!(result.stdout.contains(" 19 municipalities"));
    assert!(result.stdout.trim_end().ends_with(": ok"));
}

#[test]
fn syntax_error_gives_line_and_column() {
    let (code, stderr) = check("syntax-error.json");
    assert_eq!(code, 1);
    let path = fixture("syntax-error.json").display().to_string();
    assert!(
        stderr.starts_with(&format!("{path}:4:3: expected `,` or `}}`")),
        "{stderr}"
    );
}

#[test]
fn a_key_given_twice_is_refused_with_its_place() {
    // serde would keep the last "id" and the entry "fgu-skive" would vanish.
    let (code, stderr) = check("duplicate-key.json");
    assert_eq!(code, 1, "{stderr}");
    let path = fixture("duplicate-key.json").display().to_string();
    assert!(
        stderr.starts_with(&format!("{path}:112:10: duplicate key \"id\"")),
        "{stderr}"
    );
}

#[test]
fn missing_required_fields() {
    assert_problems(
        "missing-fields.json",
        &[
            "initiative 'ips-ung': summary: missing required field",
            "initiative 'ips-ung': next_steps: missing required field",
            "initiative 'fgu-skive': area: missing required field",
        ],
    );
}

#[test]
fn wrong_types_name_the_json_path() {
    assert_problems(
        "wrong-types.json",
        &[
            "initiative 'ips-ung': themes: expected an array, found a string",
            "initiative 'ips-ung': age.min: expected a whole number from 0 to 120, found a string",
            "initiative 'ips-ung': sources[0].page: expected a page number (1 or more), found \"syv\"",
            "initiative 'fgu-skive': name: expected a string, found a number",
        ],
    );
}

#[test]
fn duplicate_ids() {
    assert_problems(
        "duplicate-id.json",
        &["initiative 'ips-ung' (#2): id: duplicate id (also initiative #1)"],
    );
}

#[test]
fn ids_must_be_lower_case_ascii() {
    assert_problems(
        "bad-id.json",
        &["initiative 'IPS ung': id: 'IPS ung' is not a valid id; use lower-case a-z, 0-9 and '-'"],
    );
}

#[test]
fn unknown_vocabulary_ids() {
    assert_problems(
        "unknown-vocabulary.json",
        &[
            "initiative 'ips-ung': themes[1]: unknown theme 'sport' (known: erhverv, udsatte)",
            "initiative 'ips-ung': target_groups[0]: unknown target group 'boern' (known: psykisk, udenfor)",
        ],
    );
}

#[test]
fn unknown_municipality() {
    assert_problems(
        "unknown-municipality.json",
        &[
            "initiative 'fgu-skive': area.municipalities[1]: unknown municipality 'aalborg' (known: aarhus, ringkobing-skjern, skive)",
        ],
    );
}

#[test]
fn age_min_above_max() {
    assert_problems(
        "age-range.json",
        &["initiative 'ips-ung': age: min (30) is greater than max (16)"],
    );
}

#[test]
fn bad_dates() {
    assert_problems(
        "bad-dates.json",
        &[
            "updated: 'i går' is not a valid date; expected YYYY-MM-DD",
            "initiative 'ips-ung': last_verified: '2026-02-30' is not a valid date; expected YYYY-MM-DD",
        ],
    );
}

#[test]
fn empty_next_steps_and_sources() {
    assert_problems(
        "empty-steps-sources.json",
        &[
            "initiative 'ips-ung': next_steps: must have at least one entry",
            "initiative 'fgu-skive': sources: must have at least one entry",
        ],
    );
}

#[test]
fn control_characters_in_text() {
    assert_problems(
        "control-characters.json",
        &[
            "initiative 'ips-ung': summary: contains a control character (U+001B); text may not contain control characters",
            "initiative 'fgu-skive': next_steps[0]: contains a control character (U+0007); text may not contain control characters",
        ],
    );
}

#[test]
fn unknown_schema_version() {
    assert_problems(
        "schema-version.json",
        &[
            "schema_version: unknown schema_version 3; this version of indsats reads schema_version 2 (and 1)",
        ],
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let (code, stderr) = check("many-problems.json");
    assert_eq!(code, 1);
    for part in [
        "initiative 'ips-ung': extra: unknown field",
        "initiative 'ips-ung': description: missing required field",
        "initiative 'ips-ung': status: unknown status 'running'",
        "initiative 'ips-ung' (#2): id: duplicate id (also initiative #1)",
        "initiative 'ips-ung' (#2): age: min (25) is greater than max (20)",
        "initiative 'ips-ung' (#2): area.municipalities: must name at least one municipality",
    ] {
        assert!(stderr.contains(part), "missing {part:?} in\n{stderr}");
    }
    assert!(stderr.contains("invalid (6 problems)"), "{stderr}");
}

#[test]
fn empty_and_non_utf8_files_are_invalid_with_a_position() {
    let (code, stderr) = check("empty.json");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("empty.json:1:1: the file is empty"),
        "{stderr}"
    );
    let (code, stderr) = check("not-utf8.json");
    assert_eq!(code, 1);
    assert!(
        stderr.contains("not-utf8.json:2:14: the file is not valid UTF-8"),
        "{stderr}"
    );
}

#[test]
fn unreadable_file_exits_2() {
    let result = run(&["check", "/nonexistent/catalogue.json"]);
    assert_eq!(result.code, 2);
    assert!(
        result
            .stderr
            .starts_with("indsats: /nonexistent/catalogue.json: cannot read the file:")
    );
    let dir = fixture("");
    let result = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(
        result.code, 2,
        "a directory is unreadable: {}",
        result.stderr
    );
    assert_no_panic(&result);
}

#[test]
fn app_refuses_to_start_on_an_invalid_catalogue() {
    let path = fixture("age-range.json");
    let result = run(&["--catalogue", path.to_str().unwrap()]);
    assert_eq!(result.code, 1);
    assert!(result.stderr.contains(&format!(
        "{}: initiative 'ips-ung': age: min (30) is greater than max (16)",
        path.display()
    )));
    assert!(
        result.stdout.is_empty(),
        "nothing drawn: {:?}",
        result.stdout
    );
}

#[test]
fn catalogue_sources_in_order_flag_env_config_bundled() {
    let home = tempfile::tempdir().unwrap();
    // Config dir catalogue is picked up when nothing else is named.
    let config = home.path().join("config/indsats");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::copy(fixture("valid.json"), config.join("catalogue.json")).unwrap();
    let result = run_in(home.path(), &["check"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result
            .stdout
            .starts_with(&config.join("catalogue.json").display().to_string())
    );
    assert!(result.stdout.contains("2 initiatives"));

    // $INDSATS_CATALOGUE beats the config dir.
    let env_file = fixture("age-range.json");
    let output = common::indsats(home.path())
        .env("INDSATS_CATALOGUE", &env_file)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("age-range.json"));

    // --catalogue beats both.
    let flag_file = fixture("valid.json");
    let output = common::indsats(home.path())
        .env("INDSATS_CATALOGUE", &env_file)
        .args(["--catalogue", flag_file.to_str().unwrap(), "check"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with(&flag_file.display().to_string()));
}

#[test]
fn usage_errors_exit_2_without_panic() {
    for args in [
        &["--bogus"][..],
        &["check", "a", "b"],
        &["show"],
        &["--lang", "de", "vocab"],
        &["search", "--alder", "old"],
    ] {
        let result = run(args);
        assert_eq!(result.code, 2, "{args:?}: {}", result.stderr);
        assert!(
            result.stderr.starts_with("indsats: "),
            "{args:?}: {}",
            result.stderr
        );
        assert_no_panic(&result);
    }
}
