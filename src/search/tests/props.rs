//! Property tests of the search: generated catalogues, filters and queries
//! against the plain definitions (`entry_passes`, brute-force facet counts).

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::*;
use crate::search::facets::FACETS;

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

/// Filters choosing, in every facet with values, any of the values the
/// generated catalogues list and one they lack (`unknown`).
fn arb_filters() -> impl Strategy<Value = Filters> {
    let listed = catalogue(Vec::new());
    let picks: Vec<_> = FACETS
        .iter()
        .map(|spec| {
            let mut ids: Vec<String> = spec.ids(&listed).into_iter().map(str::to_owned).collect();
            if !ids.is_empty() {
                ids.push("unknown".to_owned());
            }
            let len = ids.len();
            proptest::sample::subsequence(ids, 0..=len)
        })
        .collect();
    (
        picks,
        proptest::option::of(12u8..32),
        proptest::option::of(proptest::sample::select(vec!["2025-01-01", "2026-01-01"])),
    )
        .prop_map(|(picks, age, before)| {
            let mut filters = Filters {
                age,
                verified_before: before.and_then(crate::date::Date::parse_iso),
                ..Filters::default()
            };
            for (spec, ids) in FACETS.iter().zip(picks) {
                for id in ids {
                    spec.choose(&mut filters, &id);
                }
            }
            filters
        })
}

/// `filters` with `facet`'s choice replaced by `{id}`.
fn only(filters: &Filters, facet: Facet, id: &str) -> Filters {
    let mut only = Filters {
        age: filters.age,
        verified_before: filters.verified_before,
        ..Filters::default()
    };
    for other in FACETS.iter().filter(|spec| spec.facet != facet) {
        for chosen in other.chosen(filters) {
            other.choose(&mut only, chosen);
        }
    }
    facet.spec().choose(&mut only, id);
    only
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

        for spec in &FACETS {
            for (i, id) in spec.ids(&cat).into_iter().enumerate() {
                let f = only(&filters, spec.facet, id);
                prop_assert_eq!(results.facets.of(spec.facet)[i], brute(&f), "{:?} {}", spec.facet, id);
            }
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
