//! Property tests of the search: generated catalogues, filters and queries
//! against the plain definitions (`entry_passes`, brute-force facet counts).

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::*;

/// Names, texts and query words for generated catalogues.
const WORDS: &[&str] = &[
    "ung",
    "unge",
    "mentor",
    "job",
    "fgu",
    "østjylland",
    "aarhus",
    "århus",
    "skole",
    "psykisk",
    "ordblind",
    "ungeindsats",
    "praktik",
    "handicap",
    "støtte",
    "bolig",
];

fn arb_entry() -> impl Strategy<Value = Initiative> {
    let words = proptest::sample::select(WORDS);
    (
        proptest::collection::vec(words.clone(), 1..3),
        proptest::collection::vec(words, 0..6),
        0usize..4,
        proptest::collection::vec(0usize..4, 1..3),
        proptest::sample::subsequence(vec!["udenfor", "psykisk", "handicap"], 1..3),
        proptest::sample::subsequence(vec!["erhverv", "uddannelse", "udsatte"], 1..3),
        (0usize..Status::ALL.len(), 0usize..Kind::ALL.len()),
        proptest::option::of((
            proptest::option::of(14u8..20),
            proptest::option::of(18u8..30),
        )),
        proptest::sample::select(vec!["2024-01-01", "2025-06-30", "2026-11-23"]),
    )
        .prop_map(
            |(name, text, scope, munis, tgs, themes, (status, kind), age, verified)| {
                let all = ["aarhus", "skive", "ringkobing-skjern", "horsens"];
                let mut e = entry("x", &name.join(" "));
                e.description = text.join(" ");
                e.area.scope = Scope::ALL[scope];
                if e.area.scope == Scope::Municipalities {
                    let chosen: BTreeSet<&str> = munis.iter().map(|&m| all[m]).collect();
                    e.area.municipalities = chosen.into_iter().map(str::to_owned).collect();
                }
                e.target_groups = tgs.into_iter().map(str::to_owned).collect();
                e.themes = themes.into_iter().map(str::to_owned).collect();
                e.status = Status::ALL[status];
                e.kind = Kind::ALL[kind];
                e.age = age.map(|(min, max)| AgeRange { min, max });
                e.last_verified = verified.to_owned();
                e
            },
        )
}

fn arb_filters() -> impl Strategy<Value = Filters> {
    let pick = |values: Vec<&'static str>| {
        proptest::sample::subsequence(values.clone(), 0..=values.len())
            .prop_map(|v| v.into_iter().map(str::to_owned).collect::<BTreeSet<_>>())
    };
    (
        pick(vec![
            "aarhus",
            "skive",
            "ringkobing-skjern",
            "horsens",
            "unknown",
        ]),
        pick(vec!["udenfor", "psykisk", "handicap"]),
        pick(vec!["erhverv", "uddannelse", "udsatte"]),
        proptest::sample::subsequence(Status::ALL.to_vec(), 0..=Status::ALL.len()),
        proptest::sample::subsequence(Kind::ALL.to_vec(), 0..=Kind::ALL.len()),
        proptest::option::of(12u8..32),
        proptest::option::of(proptest::sample::select(vec!["2025-01-01", "2026-01-01"])),
    )
        .prop_map(
            |(municipalities, target_groups, themes, statuses, kinds, age, before)| Filters {
                municipalities,
                target_groups,
                themes,
                statuses: statuses.into_iter().collect(),
                kinds: kinds.into_iter().collect(),
                age,
                verified_before: before.and_then(crate::date::Date::parse_iso),
            },
        )
}

fn arb_query() -> impl Strategy<Value = String> {
    let term = (
        proptest::sample::select(vec!["", "!", "^", "'"]),
        proptest::sample::select(WORDS),
        0usize..4,
        proptest::sample::select(vec!["", "", "$"]),
    )
        .prop_map(|(op, word, cut, end)| {
            let chars: Vec<char> = word.chars().collect();
            let keep = chars.len().saturating_sub(cut).max(1);
            format!("{op}{}{end}", chars[..keep].iter().collect::<String>())
        });
    proptest::collection::vec(term, 0..3).prop_map(|terms| terms.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Hits are exactly the query's matches that pass the filters, and each
    /// facet count equals a brute-force count over the entries.
    #[test]
    fn facets_equal_brute_force(
        initiatives in proptest::collection::vec(arb_entry(), 0..24),
        filters in arb_filters(),
        query in arb_query(),
    ) {
        let cat = catalogue(initiatives);
        let index = SearchIndex::new(&cat);
        let unfiltered: BTreeSet<usize> = index
            .search(&query, &Filters::default())
            .hits
            .iter()
            .map(|h| h.index)
            .collect();
        let results = index.search(&query, &filters);
        let hits: BTreeSet<usize> = results.hits.iter().map(|h| h.index).collect();
        prop_assert_eq!(results.hits.len(), hits.len(), "no duplicates");
        let brute = |f: &Filters| {
            unfiltered
                .iter()
                .filter(|&&e| entry_passes(&cat.initiatives[e], f))
                .count()
        };
        let expected: BTreeSet<usize> = unfiltered
            .iter()
            .copied()
            .filter(|&e| entry_passes(&cat.initiatives[e], &filters))
            .collect();
        prop_assert_eq!(&hits, &expected);

        let vocab = &cat.vocabularies;
        for (i, m) in vocab.municipalities.iter().enumerate() {
            let f = Filters { municipalities: strings(&[&m.id]), ..filters.clone() };
            prop_assert_eq!(results.facets.of(Facet::Municipality)[i], brute(&f), "municipality {}", m.id);
        }
        for (i, t) in vocab.target_groups.iter().enumerate() {
            let f = Filters { target_groups: strings(&[&t.id]), ..filters.clone() };
            prop_assert_eq!(results.facets.of(Facet::TargetGroup)[i], brute(&f), "target group {}", t.id);
        }
        for (i, t) in vocab.themes.iter().enumerate() {
            let f = Filters { themes: strings(&[&t.id]), ..filters.clone() };
            prop_assert_eq!(results.facets.of(Facet::Theme)[i], brute(&f), "theme {}", t.id);
        }
        for (i, s) in Status::ALL.iter().enumerate() {
            let f = Filters { statuses: set(&[*s]), ..filters.clone() };
            prop_assert_eq!(results.facets.of(Facet::Status)[i], brute(&f), "status {:?}", s);
        }
        for (i, k) in Kind::ALL.iter().enumerate() {
            let f = Filters { kinds: set(&[*k]), ..filters.clone() };
            prop_assert_eq!(results.facets.of(Facet::Kind)[i], brute(&f), "kind {:?}", k);
        }

        // Every hit once (the order is tested on the bundled catalogue).
        let mut seen: Vec<usize> = results.hits.iter().map(|h| h.index).collect();
        seen.sort_unstable();
        seen.dedup();
        prop_assert_eq!(seen.len(), results.hits.len());
    }

    /// Any query on any catalogue: no panic, positions inside the name.
    #[test]
    fn search_never_panics(
        initiatives in proptest::collection::vec(arb_entry(), 0..8),
        query in any::<String>(),
    ) {
        let cat = catalogue(initiatives);
        let index = SearchIndex::new(&cat);
        for hit in index.search(&query, &Filters::default()).hits {
            let chars = cat.initiatives[hit.index].name.chars().count();
            prop_assert!(hit.name_positions().iter().all(|&p| p < chars));
            prop_assert!(hit.matched_fields().windows(2).all(|w| w[0] < w[1]));
        }
    }

    /// Spelling a Danish word the ASCII way finds at least what the word finds.
    #[test]
    fn ascii_spellings_find_the_same(
        initiatives in proptest::collection::vec(arb_entry(), 1..12),
        word in proptest::sample::select(vec![("østjylland", "ostjylland"), ("østjylland", "oestjylland"), ("århus", "arhus"), ("støtte", "stotte")]),
    ) {
        let cat = catalogue(initiatives);
        let index = SearchIndex::new(&cat);
        let found = |q: &str| -> BTreeSet<usize> {
            index.search(&format!("'{q}'"), &Filters::default()).hits.iter().map(|h| h.index).collect()
        };
        prop_assert_eq!(found(word.0), found(word.1));
    }
}
