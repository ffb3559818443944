//! Query understanding, keyword expansion and the ranking prior on the
//! bundled catalogue: a place or an age typed as a word is the same filter as
//! the flag, a situation word reaches its target group and says so, and what a
//! caseworker can act on comes first.

use proptest::prelude::*;

use indsats::catalogue::load::{Origin, load};
use indsats::catalogue::{Catalogue, Kind, Status};
use indsats::search::{Field, Filters, SearchIndex};

fn bundled() -> (Catalogue, SearchIndex) {
    let catalogue = load(Origin::Bundled).expect("bundled").catalogue;
    let index = SearchIndex::new(&catalogue);
    (catalogue, index)
}

/// The ids of a search, in order.
fn ids(catalogue: &Catalogue, index: &SearchIndex, query: &str, filters: &Filters) -> Vec<String> {
    let understood = index.understand(query);
    index
        .search_understood(&understood, filters)
        .hits
        .iter()
        .map(|h| catalogue.initiatives[h.index].id.clone())
        .collect()
}

#[test]
fn a_situation_word_reaches_its_target_group_and_says_so() {
    let (catalogue, index) = bundled();
    let understood = index.understand("angst");
    let results = index.search_understood(&understood, &Filters::default());
    assert!(!results.hits.is_empty());
    let psykisk = |i: usize| {
        catalogue.initiatives[i]
            .target_groups
            .iter()
            .any(|g| g == "psykisk")
    };
    // The word "angst" occurs in no entry's text: every hit is there by
    // its target group, and the best ones say which keyword took them there.
    for hit in &results.hits {
        assert!(
            psykisk(hit.index),
            "{}",
            catalogue.initiatives[hit.index].id
        );
    }
    let first = &results.hits[0];
    assert!(first.matched_fields().contains(&Field::TargetGroup));
    assert!(
        first
            .via()
            .iter()
            .any(|v| v.field == Field::TargetGroup && v.id == "psykisk" && v.word == "angst"),
        "{:?}",
        first.via()
    );
}

#[test]
fn what_a_caseworker_can_act_on_comes_first() {
    let (catalogue, index) = bundled();
    let entry = |id: &String| catalogue.find(id).unwrap();
    // "mentor": a running offer in the region before the Copenhagen idea.
    let mentor = ids(&catalogue, &index, "mentor", &Filters::default());
    let first = entry(&mentor[0]);
    assert_eq!(first.kind, Kind::Offer);
    assert_eq!(first.status, Status::Active);
    // "frafald" in Skive at 17: no council or pool in the top three.
    let filters = Filters {
        municipalities: ["skive".to_owned()].into(),
        age: Some(17),
        ..Filters::default()
    };
    for id in ids(&catalogue, &index, "frafald", &filters).iter().take(3) {
        assert_eq!(entry(id).kind, Kind::Offer, "{id}");
    }
    // "eud": a hit inside "kompetenceudvikling" never comes before a word start.
    let eud = ids(&catalogue, &index, "eud", &Filters::default());
    let inside = eud
        .iter()
        .position(|id| id == "kompetenceudvikling-undervisere");
    if let Some(at) = inside {
        assert!(at >= 5, "{eud:?}");
    }
}

#[test]
fn a_place_and_an_initiative_put_the_local_one_first() {
    let (catalogue, index) = bundled();
    for query in ["fgu aarhus", "aarhus fgu", "Århus fgu"] {
        assert_eq!(
            ids(&catalogue, &index, query, &Filters::default())[0],
            "fgu-aarhus"
        );
    }
    // Literal with the quote: "'skive" is text, not the municipality.
    let understood = index.understand("'skive");
    assert!(understood.chips.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A municipality (by name, alias or town) and an age typed as words
    /// give exactly the results of the same filters set as flags.
    #[test]
    fn a_recognised_filter_gives_the_flags_results(
        place in 0usize..200,
        age in 10u8..=35,
        words in proptest::sample::subsequence(
            vec!["job", "angst", "mentor", "uddannelse", "droppet", "ud", "af", "fgu", "ung"],
            0..4,
        ),
        age_form in 0usize..4,
    ) {
        let (catalogue, index) = bundled();
        let vocab = &catalogue.vocabularies.municipalities;
        let names: Vec<(&str, &str)> = vocab
            .iter()
            .flat_map(|m| {
                std::iter::once((m.id.as_str(), m.name.as_str()))
                    .chain(m.aliases.iter().map(|a| (m.id.as_str(), a.as_str())))
            })
            // A town of two words is typed as two words; the test keeps to one.
            .filter(|(_, n)| !n.contains(' '))
            .collect();
        let (id, name) = names[place % names.len()];
        let age_text = match age_form {
            0 => format!("{age}"),
            1 => format!("{age} år"),
            2 => format!("{age}-årig"),
            _ => format!("{age}-årige"),
        };
        let text = words.join(" ");
        let typed = format!("{name} {age_text} {text}");
        let flags = Filters {
            municipalities: [id.to_owned()].into(),
            age: Some(age),
            ..Filters::default()
        };
        let understood = index.understand(&typed);
        prop_assert_eq!(understood.municipalities(), vec![id]);
        prop_assert_eq!(understood.age(), Some(age));
        let by_words = index.search_understood(&understood, &Filters::default());
        let by_flags = index.search_understood(&index.understand(&text), &flags);
        prop_assert_eq!(by_words, by_flags);
    }

    /// Understanding never panics, and its chips point into the query.
    #[test]
    fn understanding_never_panics(query in "\\PC{0,60}") {
        let (_, index) = bundled();
        let understood = index.understand(&query);
        for chip in &understood.chips {
            prop_assert!(query.get(chip.span.clone()).is_some());
        }
        let _ = index.search_understood(&understood, &Filters::default());
    }
}
