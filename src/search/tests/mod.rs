//! Tests of the whole search: operators, ranking, filters, facets.

use std::collections::BTreeSet;

use super::facets::Facet;
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
        summary: "Et tilbud.".into(),
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
        keywords: Vec::new(),
        way_in: false,
        eligibility: None,
        next_steps: vec!["Ring.".into()],
        contacts: Vec::new(),
        sources: vec![Source {
            title: "Kilde".to_owned(),
            url: None,
            page: None,
            date: None,
            accessed: None,
        }],
        last_verified: "2026-01-01".to_owned(),
        local_note: None,
    }
}

fn catalogue(initiatives: Vec<Initiative>) -> Catalogue {
    Catalogue {
        schema_version: 1,
        title: "Test".to_owned(),
        updated: "2026-01-01".to_owned(),
        vocabularies: vocabularies(),
        initiatives,
        maintainer: None,
    }
}

/// A small catalogue with one feature per entry.
fn sample() -> Catalogue {
    let mut ips = entry("ips-ung", "IPS-ung");
    ips.aliases = vec!["Individuelt Planlagt job med Støtte".to_owned()];
    ips.summary = "Job eller uddannelse sideløbende med psykiatrisk behandling.".into();
    ips.target_groups = vec!["psykisk".to_owned()];
    ips.age = Some(AgeRange {
        min: Some(18),
        max: Some(29),
    });

    let mut fgu = entry("fgu-skive", "FGU Skive");
    fgu.summary = "Forberedende grunduddannelse.".into();
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
fn words_are_anded_softly() {
    assert_eq!(q("mentor virksomheden")[0], "brobygning");
    assert_eq!(q("fgu skive")[0], "fgu-skive");
    // A word that meets nothing is left out, not a reason to show nothing.
    let results = SearchIndex::new(&sample()).search("fgu qqxjz", &Filters::default());
    assert!(!results.hits.is_empty());
    assert_eq!(results.ignored, vec!["qqxjz".to_owned()]);
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
    assert!(results.hits[0].matched_fields().contains(&Field::Name));
    assert_eq!(results.hits[1].matched_fields(), vec![Field::Description]);
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
    assert_eq!(results.hits[1].matched_fields(), vec![Field::Name]);
    assert!(!results.hits[1].name_positions().is_empty());
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
    assert_eq!(hit.matched_fields(), vec![Field::Name, Field::Summary]);
    assert_eq!(hit.name_positions(), vec![0, 1, 2]);
    let results = index.search("støtte", &Filters::default());
    assert_eq!(results.hits[0].matched_fields(), vec![Field::Alias]);
    assert!(results.hits[0].name_positions().is_empty());
    let results = index.search("psykisk", &Filters::default());
    assert_eq!(results.hits[0].matched_fields(), vec![Field::TargetGroup]);
    let results = index.search("mental", &Filters::default());
    assert_eq!(
        ids(&cat, &results),
        vec!["ips-ung"],
        "English labels are indexed"
    );
    let results = index.search("vest", &Filters::default());
    assert_eq!(results.hits[0].matched_fields(), vec![Field::Area]);
}

#[test]
fn words_run_together_match_the_name() {
    assert_eq!(q("ipsung"), vec!["ips-ung"]);
    assert_eq!(q("fguskive"), vec!["fgu-skive"]);
    assert_eq!(q("fgusk"), vec!["fgu-skive"]);
    let cat = sample();
    let index = SearchIndex::new(&cat);
    let hit = &index.search("ipsung", &Filters::default()).hits[0];
    assert_eq!(hit.matched_fields(), vec![Field::Name]);
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
    assert_eq!(first.matched_fields(), vec![Field::Name]);
    assert_eq!(first.name_positions(), vec![0, 1, 2, 3, 4, 5]);
    let late = &results.hits[DETAILED_HITS..];
    assert!(
        late.iter()
            .all(|h| h.matched_fields().is_empty() && h.name_positions().is_empty())
    );
    assert!(
        late.iter().all(|h| h.score == first.score),
        "ranked all the same"
    );
    index.fill_details("mentor", &mut results.hits[DETAILED_HITS..]);
    for hit in &results.hits[DETAILED_HITS..] {
        assert_eq!(hit.matched_fields(), first.matched_fields());
        assert_eq!(hit.name_positions(), first.name_positions());
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
    let entries: Vec<Initiative> = (0..6000)
        .map(|i| {
            let w = |k: usize| words[(i * 7 + k * 3) % words.len()];
            let mut e = entry(&format!("e{i}"), &format!("{} {}{}", w(0), w(1), w(2)));
            // Words of its own too, so the text dictionary is large enough
            // to be laid out on two threads.
            e.description = format!(
                "{} {} {} {} skoleforlob{i} tilbuddet{i} ungementor{i} praktik{}",
                w(3),
                w(4),
                w(5),
                i % 13,
                i % 97
            );
            e
        })
        .collect();
    let cat = catalogue(entries);
    let one = SearchIndex::with_threads(&cat, 1, None);
    let two = SearchIndex::with_threads(&cat, 2, None);
    assert!(two.text_words() > 16_384, "{}", two.text_words());
    for query in [
        "",
        "ung",
        "mentorjob",
        "ostjylland",
        "'kol",
        "mntr",
        "7",
        "!job praktik",
        "tilbud",
        "ungementor4711",
        "skoleforlob12",
        "praktik9",
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
    assert_eq!(facets.of(Facet::Municipality), [5, 5, 4, 4]);
    // Status counts given Skive: inspiration counts the outside-region entry,
    // which selecting inspiration would admit.
    assert_eq!(facets.of(Facet::Status), [2, 0, 1, 1, 1, 1]);
    assert_eq!(facets.of(Facet::Kind), [5, 0, 0, 0]);
    assert_eq!(facets.of(Facet::TargetGroup), [4, 1, 0]);
}

mod long;
mod props;

#[test]
fn a_hit_is_small() {
    // 100,000 hits per keystroke for a one-letter query at 100,000 entries,
    // two result lists alive while one replaces the other.
    assert!(std::mem::size_of::<crate::search::Hit>() <= 24);
}
