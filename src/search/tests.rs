//! Tests of the whole search: operators, ranking, filters, facets.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::filters::entry_passes;
use super::*;
use crate::catalogue::{
    AgeRange, Area, Catalogue, Initiative, Kind, Municipality, Scope, Source, Status,
    Term as Label, Vocabularies,
};

fn label(id: &str, da: &str, en: &str) -> Label {
    Label {
        id: id.to_owned(),
        label: da.to_owned(),
        label_en: Some(en.to_owned()),
        keywords: Vec::new(),
    }
}

fn vocabularies() -> Vocabularies {
    Vocabularies {
        themes: vec![
            label(
                "erhverv",
                "Samarbejde med erhvervslivet",
                "Business partnerships",
            ),
            label("uddannelse", "Uddannelsesrettede indsatser", "Education"),
            label(
                "udsatte",
                "Indsatser for udsatte unge",
                "Vulnerable young people",
            ),
        ],
        target_groups: vec![
            label(
                "udenfor",
                "Unge uden uddannelse og job",
                "Not in education or employment",
            ),
            label(
                "psykisk",
                "Unge med psykisk mistrivsel",
                "With mental health problems",
            ),
            label("handicap", "Unge med handicap", "With disabilities"),
        ],
        municipalities: ["aarhus", "skive", "ringkobing-skjern", "horsens"]
            .iter()
            .zip(["Aarhus", "Skive", "Ringkøbing-Skjern", "Horsens"])
            .map(|(id, name)| Municipality {
                id: (*id).to_owned(),
                name: name.to_owned(),
                aliases: Vec::new(),
            })
            .collect(),
    }
}

/// An entry with the given id and name and neutral defaults.
fn entry(id: &str, name: &str) -> Initiative {
    Initiative {
        id: id.to_owned(),
        name: name.to_owned(),
        aliases: Vec::new(),
        summary: "Et tilbud.".to_owned(),
        description: "Beskrivelse.".into(),
        status: Status::Active,
        kind: Kind::Offer,
        themes: vec!["erhverv".to_owned()],
        target_groups: vec!["udenfor".to_owned()],
        age: None,
        area: Area {
            scope: Scope::Region,
            municipalities: Vec::new(),
            note: None,
        },
        providers: Vec::new(),
        eligibility: None,
        next_steps: vec!["Ring.".to_owned()],
        contacts: Vec::new(),
        sources: vec![Source {
            title: "Kilde".to_owned(),
            url: None,
            page: None,
            date: None,
            accessed: None,
        }],
        last_verified: "2026-01-01".to_owned(),
    }
}

fn catalogue(initiatives: Vec<Initiative>) -> Catalogue {
    Catalogue {
        schema_version: 1,
        title: "Test".to_owned(),
        updated: "2026-01-01".to_owned(),
        vocabularies: vocabularies(),
        initiatives,
    }
}

/// A small catalogue with one feature per entry.
fn sample() -> Catalogue {
    let mut ips = entry("ips-ung", "IPS-ung");
    ips.aliases = vec!["Individuelt Planlagt job med Støtte".to_owned()];
    ips.summary = "Job eller uddannelse sideløbende med psykiatrisk behandling.".to_owned();
    ips.target_groups = vec!["psykisk".to_owned()];
    ips.age = Some(AgeRange {
        min: Some(18),
        max: Some(29),
    });

    let mut fgu = entry("fgu-skive", "FGU Skive");
    fgu.summary = "Forberedende grunduddannelse.".to_owned();
    fgu.themes = vec!["uddannelse".to_owned()];
    fgu.area = Area {
        scope: Scope::Municipalities,
        municipalities: vec!["skive".to_owned()],
        note: None,
    };
    fgu.age = Some(AgeRange {
        min: None,
        max: Some(24),
    });

    let mut mentor = entry("mentor-aarhus", "Mentorordning");
    mentor.description = "En fast voksen i Østjylland, som følger den unge.".into();
    mentor.area = Area {
        scope: Scope::Municipalities,
        municipalities: vec!["aarhus".to_owned()],
        note: Some("Skoler i Århus Vest".to_owned()),
    };
    mentor.providers = vec!["Aarhus Kommune".to_owned()];

    let mut desc = entry("brobygning", "Brobygning");
    desc.description = "Unge får en mentor på virksomheden.".into();
    desc.themes = vec!["erhverv".to_owned(), "udsatte".to_owned()];
    desc.status = Status::Pilot;

    let mut outside = entry("ungeindsats-kbh", "Ungeindsatsen København");
    outside.area = Area {
        scope: Scope::OutsideRegion,
        municipalities: Vec::new(),
        note: Some("København".to_owned()),
    };
    outside.status = Status::Inspiration;
    outside.target_groups = vec!["handicap".to_owned()];

    let mut national = entry("ordblind", "Ordblindeundervisning");
    national.area.scope = Scope::National;
    national.status = Status::Proposed;
    national.age = Some(AgeRange {
        min: Some(16),
        max: None,
    });

    let mut scattered = entry("mnt", "Musik og natur i træer");
    scattered.status = Status::Ended;

    catalogue(vec![ips, fgu, mentor, desc, outside, national, scattered])
}

fn ids(catalogue: &Catalogue, results: &Results) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|h| catalogue.initiatives[h.index].id.clone())
        .collect()
}

fn search_ids(query: &str, filters: &Filters) -> Vec<String> {
    let cat = sample();
    let index = SearchIndex::new(&cat);
    ids(&cat, &index.search(query, filters))
}

fn q(query: &str) -> Vec<String> {
    search_ids(query, &Filters::default())
}

#[test]
fn empty_query_lists_everything_by_name() {
    let all = q("");
    assert_eq!(
        all,
        vec![
            "brobygning",
            "fgu-skive",
            "ips-ung",
            "mentor-aarhus",
            "mnt",
            "ordblind",
            "ungeindsats-kbh"
        ]
    );
    assert_eq!(q("   "), all);
    assert_eq!(SearchIndex::new(&sample()).len(), 7);
}

#[test]
fn danish_spellings_find_the_same_entries() {
    for query in [
        "Østjylland",
        "østjylland",
        "oestjylland",
        "ostjylland",
        "OSTJYLLAND",
    ] {
        assert_eq!(q(query), vec!["mentor-aarhus"], "{query}");
    }
    for query in ["Århus", "aarhus", "arhus"] {
        assert!(q(query).contains(&"mentor-aarhus".to_owned()), "{query}");
    }
}

#[test]
fn words_are_anded() {
    assert_eq!(q("mentor virksomheden"), vec!["brobygning"]);
    assert_eq!(q("fgu skive"), vec!["fgu-skive"]);
    assert!(q("fgu psykiatrisk").is_empty());
}

#[test]
fn exact_operator_never_goes_fuzzy() {
    // "mntr" is a scattered subsequence of "mentorordning" only.
    assert!(q("mntr").contains(&"mentor-aarhus".to_owned()));
    assert!(q("'mntr").is_empty());
    // Exact matches substrings of any length.
    assert!(q("'sk").contains(&"fgu-skive".to_owned()));
    assert_eq!(q("'ordblinde'"), Vec::<String>::new());
    assert_eq!(q("'ordblindeundervisning'"), vec!["ordblind"]);
}

#[test]
fn prefix_and_suffix_work_on_words() {
    assert_eq!(q("^ordblind"), vec!["ordblind"]);
    assert!(q("^blind").is_empty());
    assert_eq!(q("undervisning$"), vec!["ordblind"]);
    assert!(q("ordblinde$").is_empty());
    // "ung" ends the second word of "IPS-ung".
    assert!(q("ung$").contains(&"ips-ung".to_owned()));
    assert_eq!(q("^fgu$"), vec!["fgu-skive"]);
}

#[test]
fn negation_excludes() {
    let all = q("");
    let without = q("!mentor");
    assert!(!without.contains(&"mentor-aarhus".to_owned()));
    assert!(!without.contains(&"brobygning".to_owned()));
    assert_eq!(without.len(), all.len() - 2);
    assert_eq!(q("mentor !virksomheden"), vec!["mentor-aarhus"]);
    // Negation matches folded substrings.
    assert!(!q("!oest").contains(&"mentor-aarhus".to_owned()));
    // With an operator, negation keeps its word semantics.
    assert!(q("!^blind").contains(&"ordblind".to_owned()));
    assert!(!q("!^ordblind").contains(&"ordblind".to_owned()));
    assert!(q("!ordblind$").contains(&"ordblind".to_owned()));
    assert!(!q("!undervisning$").contains(&"ordblind".to_owned()));
}

#[test]
fn a_name_hit_outranks_a_description_hit() {
    let found = q("mentor");
    assert_eq!(found, vec!["mentor-aarhus", "brobygning"]);
    let index = SearchIndex::new(&sample());
    let results = index.search("mentor", &Filters::default());
    assert!(results.hits[0].score > results.hits[1].score);
    assert!(results.hits[0].matched_fields.contains(&Field::Name));
    assert_eq!(results.hits[1].matched_fields, vec![Field::Description]);
}

#[test]
fn an_exact_word_outranks_a_fuzzy_scatter() {
    let mut word = entry("word", "Zeta");
    word.description = "Musik på skemaet.".into();
    let scatter = entry("scatter", "Mursik i kurven");
    let cat = catalogue(vec![scatter, word]);
    let index = SearchIndex::new(&cat);
    let results = index.search("musik", &Filters::default());
    assert_eq!(ids(&cat, &results), vec!["word", "scatter"]);
    assert_eq!(results.hits[1].matched_fields, vec![Field::Name]);
    assert!(!results.hits[1].name_positions.is_empty());
}

#[test]
fn tiers_rank_whole_words_over_prefixes_over_substrings() {
    let cat = catalogue(vec![
        entry("inner", "Boligmentor"),
        entry("prefix", "Mentorforløb"),
        entry("word", "Mentor"),
    ]);
    let index = SearchIndex::new(&cat);
    assert_eq!(
        ids(&cat, &index.search("mentor", &Filters::default())),
        vec!["word", "prefix", "inner"]
    );
}

#[test]
fn ties_go_by_folded_name_then_catalogue_order() {
    let cat = catalogue(vec![
        entry("b", "Ø-tilbud"),
        entry("a2", "Aktiv"),
        entry("a1", "Aktiv"),
        entry("c", "Æble"),
    ]);
    let index = SearchIndex::new(&cat);
    let results = index.search("tilbud", &Filters::default());
    // Every entry has "tilbud" in the summary; Ø-tilbud also in its name.
    assert_eq!(ids(&cat, &results), vec!["b", "c", "a2", "a1"]);
    let names = index.search("", &Filters::default());
    assert_eq!(ids(&cat, &names), vec!["c", "a2", "a1", "b"]);
}

#[test]
fn matched_fields_and_name_positions() {
    let cat = sample();
    let index = SearchIndex::new(&cat);
    let results = index.search("ips psykiatrisk", &Filters::default());
    assert_eq!(ids(&cat, &results), vec!["ips-ung"]);
    let hit = &results.hits[0];
    // Three letters inside a long word don't count: "ips" ends "partnerships",
    // an English theme label, and that is no match.
    assert_eq!(hit.matched_fields, vec![Field::Name, Field::Summary]);
    assert_eq!(hit.name_positions, vec![0, 1, 2]);
    let results = index.search("støtte", &Filters::default());
    assert_eq!(results.hits[0].matched_fields, vec![Field::Alias]);
    assert!(results.hits[0].name_positions.is_empty());
    let results = index.search("psykisk", &Filters::default());
    assert_eq!(results.hits[0].matched_fields, vec![Field::TargetGroup]);
    let results = index.search("mental", &Filters::default());
    assert_eq!(
        ids(&cat, &results),
        vec!["ips-ung"],
        "English labels are indexed"
    );
    let results = index.search("vest", &Filters::default());
    assert_eq!(results.hits[0].matched_fields, vec![Field::Area]);
}

#[test]
fn words_run_together_match_the_name() {
    assert_eq!(q("ipsung"), vec!["ips-ung"]);
    assert_eq!(q("fguskive"), vec!["fgu-skive"]);
    assert_eq!(q("fgusk"), vec!["fgu-skive"]);
    let cat = sample();
    let index = SearchIndex::new(&cat);
    let hit = &index.search("ipsung", &Filters::default()).hits[0];
    assert_eq!(hit.matched_fields, vec![Field::Name]);
}

#[test]
fn details_beyond_the_first_hits_are_filled_on_request() {
    let n = DETAILED_HITS + 3;
    let entries: Vec<Initiative> = (0..n)
        .map(|i| entry(&format!("e{i}"), &format!("Mentor {i:05}")))
        .collect();
    let cat = catalogue(entries);
    let index = SearchIndex::new(&cat);
    let mut results = index.search("mentor", &Filters::default());
    assert_eq!(results.hits.len(), n);
    let first = results.hits[0].clone();
    assert_eq!(first.matched_fields, vec![Field::Name]);
    assert_eq!(first.name_positions, vec![0, 1, 2, 3, 4, 5]);
    let late = &results.hits[DETAILED_HITS..];
    assert!(
        late.iter()
            .all(|h| h.matched_fields.is_empty() && h.name_positions.is_empty())
    );
    assert!(
        late.iter().all(|h| h.score == first.score),
        "ranked all the same"
    );
    index.fill_details("mentor", &mut results.hits[DETAILED_HITS..]);
    for hit in &results.hits[DETAILED_HITS..] {
        assert_eq!(hit.matched_fields, first.matched_fields);
        assert_eq!(hit.name_positions, first.name_positions);
    }
}

#[test]
fn two_threads_build_the_same_index_as_one() {
    let words = [
        "ung",
        "mentor",
        "job",
        "Østjylland",
        "praktik",
        "ordblind",
        "skole",
        "støtte",
        "bolig",
    ];
    let entries: Vec<Initiative> = (0..5000)
        .map(|i| {
            let w = |k: usize| words[(i * 7 + k * 3) % words.len()];
            let mut e = entry(&format!("e{i}"), &format!("{} {}{}", w(0), w(1), w(2)));
            e.description = format!("{} {} {} {}", w(3), w(4), w(5), i % 13).into();
            e
        })
        .collect();
    let cat = catalogue(entries);
    let one = SearchIndex::with_threads(&cat, 1);
    let two = SearchIndex::with_threads(&cat, 2);
    for query in [
        "",
        "ung",
        "mentorjob",
        "ostjylland",
        "'kol",
        "mntr",
        "7",
        "!job praktik",
    ] {
        assert_eq!(
            one.search(query, &Filters::default()),
            two.search(query, &Filters::default()),
            "{query}"
        );
    }
}

fn set<T: Ord + Clone>(values: &[T]) -> BTreeSet<T> {
    values.iter().cloned().collect()
}

fn strings(values: &[&str]) -> BTreeSet<String> {
    values.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn municipality_filter_follows_area_semantics() {
    let skive = Filters {
        municipalities: strings(&["skive"]),
        ..Filters::default()
    };
    // Region and national entries pass; Aarhus-only and outside-region don't.
    assert_eq!(
        search_ids("", &skive),
        vec!["brobygning", "fgu-skive", "ips-ung", "mnt", "ordblind"]
    );
    let with_inspiration = Filters {
        statuses: set(&[Status::Inspiration]),
        ..skive.clone()
    };
    assert_eq!(search_ids("", &with_inspiration), vec!["ungeindsats-kbh"]);
    let two = Filters {
        municipalities: strings(&["skive", "aarhus"]),
        ..Filters::default()
    };
    assert_eq!(search_ids("", &two).len(), 6);
    // No municipality filter: outside-region entries show.
    assert!(q("").contains(&"ungeindsats-kbh".to_owned()));
}

#[test]
fn facet_filters_or_within_and_across() {
    let f = Filters {
        target_groups: strings(&["psykisk", "handicap"]),
        ..Filters::default()
    };
    assert_eq!(search_ids("", &f), vec!["ips-ung", "ungeindsats-kbh"]);
    let f = Filters {
        target_groups: strings(&["psykisk", "handicap"]),
        statuses: set(&[Status::Active]),
        ..Filters::default()
    };
    assert_eq!(search_ids("", &f), vec!["ips-ung"]);
    let f = Filters {
        themes: strings(&["udsatte"]),
        ..Filters::default()
    };
    assert_eq!(search_ids("", &f), vec!["brobygning"]);
    let f = Filters {
        themes: strings(&["no-such-theme"]),
        ..Filters::default()
    };
    assert!(search_ids("", &f).is_empty());
}

#[test]
fn age_keeps_ranges_that_include_it_and_entries_without_one() {
    let at = |age| {
        search_ids(
            "",
            &Filters {
                age: Some(age),
                ..Filters::default()
            },
        )
    };
    let seventeen = at(17);
    assert!(!seventeen.contains(&"ips-ung".to_owned()), "18–29");
    assert!(seventeen.contains(&"fgu-skive".to_owned()), "up to 24");
    assert!(seventeen.contains(&"ordblind".to_owned()), "from 16");
    assert!(seventeen.contains(&"mnt".to_owned()), "no range");
    let twenty_five = at(25);
    assert!(twenty_five.contains(&"ips-ung".to_owned()));
    assert!(!twenty_five.contains(&"fgu-skive".to_owned()));
    assert!(!at(15).contains(&"ordblind".to_owned()));
}

#[test]
fn facet_counts_example() {
    let cat = sample();
    let index = SearchIndex::new(&cat);
    let filters = Filters {
        municipalities: strings(&["skive"]),
        ..Filters::default()
    };
    let facets = index.search("", &filters).facets;
    // Aarhus: the 4 entries everywhere + mentor-aarhus.
    assert_eq!(facets.municipalities, vec![5, 5, 4, 4]);
    // Status counts given Skive: inspiration counts the outside-region entry,
    // which selecting inspiration would admit.
    assert_eq!(facets.statuses, [2, 0, 1, 1, 1, 1]);
    assert_eq!(facets.kinds, [5, 0, 0, 0]);
    assert_eq!(facets.target_groups, vec![4, 1, 0]);
}

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
                e.description = text.join(" ").into();
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
            prop_assert_eq!(results.facets.municipalities[i], brute(&f), "municipality {}", m.id);
        }
        for (i, t) in vocab.target_groups.iter().enumerate() {
            let f = Filters { target_groups: strings(&[&t.id]), ..filters.clone() };
            prop_assert_eq!(results.facets.target_groups[i], brute(&f), "target group {}", t.id);
        }
        for (i, t) in vocab.themes.iter().enumerate() {
            let f = Filters { themes: strings(&[&t.id]), ..filters.clone() };
            prop_assert_eq!(results.facets.themes[i], brute(&f), "theme {}", t.id);
        }
        for (i, s) in Status::ALL.iter().enumerate() {
            let f = Filters { statuses: set(&[*s]), ..filters.clone() };
            prop_assert_eq!(results.facets.statuses[i], brute(&f), "status {:?}", s);
        }

        // Ranked: scores never increase down the list, and ties go by name.
        for pair in results.hits.windows(2) {
            prop_assert!(pair[0].score >= pair[1].score);
            if pair[0].score == pair[1].score {
                let a = fold(&cat.initiatives[pair[0].index].name);
                let b = fold(&cat.initiatives[pair[1].index].name);
                prop_assert!((a.clone(), pair[0].index) < (b, pair[1].index));
            }
        }
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
            prop_assert!(hit.name_positions.iter().all(|&p| p < chars));
            prop_assert!(hit.matched_fields.windows(2).all(|w| w[0] < w[1]));
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
