//! `indsats show` and `indsats vocab`.

mod common;

use common::{assert_no_panic, fixture, run};

fn valid() -> String {
    fixture("valid.json").display().to_string()
}

#[test]
fn show_prints_every_section_with_danish_headings() {
    let result = run(&["--catalogue", &valid(), "show", "ips-ung"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let out = &result.stdout;
    for part in [
        "IPS-ung\n",
        "Status: Aktiv – kører ifølge kilderne",
        "Også kendt som: Individuelt Planlagt job med Støtte",
        "Job eller uddannelse sideløbende med psykiatrisk behandling.",
        "Beskrivelse:\nJobcenter og psykiatri",
        "Målgrupper: Unge med psykisk mistrivsel, Unge uden uddannelse og job",
        "Temaer: Indsatser for udsatte unge",
        "Alder: 18–29 år",
        "Område: Hele Region Midtjylland",
        "Udbydere: Jobcentret",
        "Hvem kan deltage: Eneste krav er et ønske om at arbejde.",
        "Næste skridt:\n 1. Tal med jobcentrets IPS-team.",
        "Kontakter:\n  - Styrelsen for Arbejdsmarked og Rekruttering · Viden om metoden",
        "Kilder:\n  - Anbefalinger – Regionalpolitisk forum om unge udenfor, s. 7",
        "Sidst verificeret: 2026-11-01",
    ] {
        assert!(out.contains(part), "missing {part:?} in\n{out}");
    }
    assert!(out.lines().all(|l| l.chars().count() <= 78), "{out}");
}

#[test]
fn show_in_english() {
    let result = run(&["--catalogue", &valid(), "--lang", "en", "show", "fgu-skive"]);
    assert_eq!(result.code, 0);
    assert!(
        result
            .stdout
            .contains("Next steps:\n 1. Bed KUI om en målgruppevurdering.")
    );
    assert!(result.stdout.contains("Age: up to 24 years"));
    assert!(
        result
            .stdout
            .contains("Area: Municipalities: Skive (Skoler i Skive)")
    );
}

#[test]
fn show_json_prints_the_entry() {
    let result = run(&["--catalogue", &valid(), "show", "fgu-skive", "--json"]);
    assert_eq!(result.code, 0);
    let value: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    let stored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("valid.json")).unwrap()).unwrap();
    assert_eq!(value, stored["initiatives"][1]);
}

#[test]
fn show_unknown_id_suggests_the_closest() {
    let result = run(&["--catalogue", &valid(), "show", "ips"]);
    assert_eq!(result.code, 1);
    assert_eq!(
        result.stderr.trim(),
        "indsats: ukendt indsats 'ips'; mente du: ips-ung"
    );
    let result = run(&["--catalogue", &valid(), "show", "fgu-skiev"]);
    assert_eq!(result.code, 1);
    assert!(result.stderr.contains("fgu-skive"), "{}", result.stderr);
    assert_no_panic(&result);
}

#[test]
fn vocab_lists_all_filter_values() {
    let result = run(&["--catalogue", &valid(), "vocab"]);
    assert_eq!(result.code, 0);
    for part in [
        "Kommuner (--kommune):",
        "ringkobing-skjern  Ringkøbing-Skjern",
        "Målgrupper (--maalgruppe):",
        "psykisk  Unge med psykisk mistrivsel",
        "Temaer (--tema):",
        "Status (--status):",
        "proposed     Anbefaling",
    ] {
        assert!(
            result.stdout.contains(part),
            "missing {part:?}:\n{}",
            result.stdout
        );
    }
}

#[test]
fn vocab_json_has_every_vocabulary() {
    let result = run(&["vocab", "--json"]);
    assert_eq!(result.code, 0);
    let value: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(value["municipalities"].as_array().unwrap().len(), 19);
    assert!(!value["themes"].as_array().unwrap().is_empty());
    assert!(!value["target_groups"].as_array().unwrap().is_empty());
    assert_eq!(value["statuses"].as_array().unwrap().len(), 5);
    assert_eq!(value["statuses"][2]["id"], "proposed");
}
