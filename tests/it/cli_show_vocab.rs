//! `indsats show` and `indsats vocab`.

use crate::common::{assert_no_panic, fixture, run};

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
        "Senest kontrolleret: 2026-11-01",
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
    let path = fixture("valid-v2.json");
    let result = run(&[
        "--catalogue",
        path.to_str().unwrap(),
        "show",
        "fgu-skive",
        "--json",
    ]);
    assert_eq!(result.code, 0);
    let value: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    let stored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(value, stored["initiatives"][1]);
    assert_eq!(value["kind"], "offer");
    assert_eq!(value["status"], "unconfirmed");
}

#[test]
fn show_names_an_unconfirmed_entry_and_a_kind_that_is_not_an_offer() {
    let path = fixture("valid-v2.json");
    let result = run(&["--catalogue", path.to_str().unwrap(), "show", "fgu-skive"]);
    assert!(
        result
            .stdout
            .contains("IKKE BEKRÆFTET – spørg, før du henviser"),
        "{}",
        result.stdout
    );
    let result = run(&[
        "--catalogue",
        path.to_str().unwrap(),
        "--lang",
        "en",
        "show",
        "fgu-skive",
    ]);
    assert!(
        result
            .stdout
            .contains("NOT CONFIRMED – ask before referring"),
        "{}",
        result.stdout
    );
    // The bundled pool is marked as such.
    let result = run(&["show", "uddannelsespulje"]);
    let text = result
        .stdout
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Pulje – en pulje eller et tilskud, ikke et tilbud til den unge"),
        "{}",
        result.stdout
    );
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
    assert_eq!(value["statuses"].as_array().unwrap().len(), 6);
    assert_eq!(value["statuses"][1]["id"], "unconfirmed");
    assert_eq!(value["statuses"][1]["label"], "Ikke bekræftet");
    assert_eq!(value["statuses"][3]["id"], "proposed");
    let kinds: Vec<&str> = value["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|k| k["id"].as_str())
        .collect();
    assert_eq!(kinds, ["offer", "professional", "funding", "policy"]);
}

#[test]
fn show_lists_the_chosen_municipalitys_contact_first() {
    let path = fixture("contacts-v2.json");
    let path = path.to_str().unwrap();
    let contacts = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--catalogue", path, "show", "fgu-skive"];
        all.extend_from_slice(args);
        let result = run(&all);
        assert_eq!(result.code, 0, "{}", result.stderr);
        result
            .stdout
            .split("Kontakter:\n")
            .nth(1)
            .unwrap()
            .split("\n\n")
            .next()
            .unwrap()
            .split("  - ")
            .filter(|c| !c.is_empty())
            .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    let all = contacts(&[]);
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(all[0].starts_with("FGU Skolen"));
    assert!(all[1].ends_with("(kilde fra 2019)"), "{all:?}");
    // Named by an alias-insensitive value, Skive's own contact comes first.
    let skive = contacts(&["--kommune", "SKIVE"]);
    assert!(skive[0].starts_with("Ungeindsatsen, Skive"), "{skive:?}");
    assert!(skive[0].contains("Åben rådgivning tirsdag 12–18"));
    assert!(skive[1].starts_with("FGU Skolen"));
    assert_eq!(
        skive[2],
        "Kontaktpunkter i andre kommuner: 1 (fjern kommunefilteret for at se dem)"
    );
    let result = run(&["--catalogue", path, "show", "fgu-skive", "--kommune", "x"]);
    assert_eq!(result.code, 2);
    assert!(
        result.stderr.contains("ukendt kommune 'x'"),
        "{}",
        result.stderr
    );
}

#[test]
fn check_warns_about_contact_points_with_old_sources() {
    let path = fixture("contacts-v2.json");
    let result = run(&["check", path.to_str().unwrap()]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let first = result.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "{}: warning: initiative 'fgu-skive': contacts[0]: the newest source for this contact point is from 2019, more than 3 years ago; check that it still holds",
            path.display()
        )
    );
    assert!(result.stdout.trim_end().ends_with(": ok"));
}

#[test]
fn show_correction_prints_a_note_to_fill_in_and_nothing_else() {
    let result = run(&["show", "kui", "--correction"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let lines: Vec<&str> = result.stdout.lines().collect();
    assert_eq!(lines[0], "Rettelse til kataloget");
    assert_eq!(lines[1], "Indsats: Den kommunale ungeindsats (KUI) (kui)");
    assert!(lines[2].starts_with("Katalogets dato: 20"), "{}", lines[2]);
    assert_eq!(lines[5], "Hvad er forkert, og hvilken side siger det?");
    assert_eq!(lines.len(), 7, "{}", result.stdout);
    let both = run(&["show", "kui", "--correction", "--json"]);
    assert_eq!(both.code, 2);
    assert_no_panic(&both);
}
