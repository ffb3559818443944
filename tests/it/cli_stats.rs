//! `indsats stats`: the catalogue's figures for the people who keep it.

use crate::common::{assert_no_panic, fixture, run};

#[test]
fn stats_counts_every_entry_and_names_the_gaps_of_a_municipality() {
    let result = run(&["stats", "--kommune", "Samsø"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let out = &result.stdout;
    let catalogue = crate::common::bundled();
    // The kind × status table's totals add up to the catalogue.
    let totals: usize = out
        .lines()
        .skip(2)
        .take(4)
        .map(|line| {
            line.split_whitespace()
                .last()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(totals, catalogue.initiatives.len(), "{out}");
    assert!(
        out.contains("Tilbud der kører (aktiv eller forsøg):"),
        "{out}"
    );
    assert!(out.contains("/19 ("), "{out}");
    // Samsø's gaps: national running offers with nothing for Samsø; never
    // an offer of another municipality.
    let gaps = out.split("(Samsø):").nth(1).expect("the gaps section");
    assert!(gaps.contains("fgu  FGU"), "{gaps}");
    assert!(!gaps.contains("fgu-skolen"), "{gaps}");
}

#[test]
fn stats_in_english_and_on_a_given_file() {
    let valid = fixture("valid.json").display().to_string();
    let result = run(&["--lang", "en", "--catalogue", &valid, "stats"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result.stdout.starts_with("Entries by kind and status:"),
        "{}",
        result.stdout
    );
}

#[test]
fn an_unknown_municipality_is_a_usage_error() {
    let result = run(&["stats", "--kommune", "Atlantis"]);
    assert_eq!(result.code, 2);
    assert!(
        result.stderr.contains("ukendt kommune 'Atlantis'"),
        "{}",
        result.stderr
    );
    assert_no_panic(&result);
}
