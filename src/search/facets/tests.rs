//! The table is whole: for each facet, every piece the program needs of it
//! exists and agrees with the rest. (The flags' agreement with clap is
//! tested in `src/cli/args.rs`.)

use super::*;
use crate::catalogue::load::{Origin, load};
use crate::search::SearchIndex;
use crate::search::understand::Recognised;

fn bundled() -> Catalogue {
    load(Origin::Bundled).unwrap().catalogue
}

#[test]
fn the_table_is_in_the_facets_order() {
    for (i, spec) in FACETS.iter().enumerate() {
        assert_eq!(spec.facet.index(), i, "{:?}", spec.facet);
        assert_eq!(spec.facet.spec().facet, spec.facet);
    }
    assert_eq!(Facet::default(), FACETS[0].facet);
    assert_eq!(Facet::Municipality.shifted(-1), Facet::Age);
    assert_eq!(Facet::Age.shifted(1), Facet::Municipality);
}

#[test]
fn every_facet_is_named_and_flagged_once() {
    let mut seen: Vec<&str> = Vec::new();
    for spec in &FACETS {
        let flag = spec.flag;
        let texts = [spec.name.da, spec.name.en, spec.key, flag.long];
        for text in texts.into_iter().chain(flag.alias) {
            assert!(!text.trim().is_empty(), "{:?}", spec.facet);
        }
        for flag in std::iter::once(flag.long).chain(flag.alias) {
            assert!(flag.starts_with("--"), "{flag}");
            assert!(!seen.contains(&flag), "{flag} twice");
            seen.push(flag);
        }
        for other in &FACETS {
            if other.facet != spec.facet {
                assert_ne!(other.name, spec.name);
                assert_ne!(other.key, spec.key);
            }
        }
    }
}

/// The key table's and the filter bar's lists of the facets name every
/// facet, in the table's order. (What they read is guarded by the help
/// and picker snapshots and the README's key table.)
#[test]
fn the_lists_name_every_facet_in_order() {
    for lang in [Lang::Da, Lang::En] {
        let listed = names(lang);
        let expected: Vec<String> = FACETS
            .iter()
            .map(|spec| spec.name.get(lang).to_lowercase())
            .collect();
        assert_eq!(listed.split(", ").collect::<Vec<_>>(), expected);
        assert_eq!(
            with_names("skift filter: {facets}", lang),
            format!("skift filter: {listed}")
        );
    }
    assert!(matches!(with_names("hjælp", Lang::Da), Cow::Borrowed(_)));
}

/// Each facet with values lists them, reads each back by its id and its
/// labels, labels it, chooses it and finds it chosen, and counts it; the
/// age has none of these.
#[test]
fn every_value_is_listed_read_chosen_and_counted() {
    let catalogue = bundled();
    let index = SearchIndex::new(&catalogue);
    let counts = index.search("", &Filters::default()).facets;
    for spec in &FACETS {
        let facet = spec.facet;
        let Some(values) = spec.values() else {
            assert!(matches!(spec.shape, Shape::Age));
            assert!(spec.choices(&catalogue, Lang::Da).is_empty());
            assert!(counts.of(facet).is_empty());
            let mut filters = Filters::default();
            spec.choose(&mut filters, "17");
            assert!(filters.is_empty() && spec.chosen(&filters).is_empty());
            continue;
        };
        let ids = spec.ids(&catalogue);
        let da = spec.choices(&catalogue, Lang::Da);
        let en = spec.choices(&catalogue, Lang::En);
        assert!(!ids.is_empty(), "{facet:?} lists no values");
        assert_eq!(da.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ids);
        assert_eq!(en.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ids);
        assert_eq!(counts.of(facet).len(), ids.len(), "{facet:?}'s counts");
        assert!(!values.heading.da.is_empty() && !values.heading.en.is_empty());
        let names = spec.names(&catalogue);
        assert_eq!(names.ids(), ids);
        for (choice, lang) in da
            .iter()
            .map(|c| (c, Lang::Da))
            .chain(en.iter().map(|c| (c, Lang::En)))
        {
            let id = choice.id.as_str();
            for written in [id, choice.label.as_str()] {
                let read = names.read(written).map(|r| r.id);
                assert_eq!(read, Some(id), "{facet:?}: {written:?}");
            }
            assert_eq!(
                spec.label(&catalogue, lang, id).as_ref(),
                Some(&choice.label)
            );
            let mut filters = Filters::default();
            spec.choose(&mut filters, id);
            assert_eq!(spec.chosen(&filters), [id], "{facet:?} chooses {id}");
            for other in FACETS.iter().filter(|o| o.facet != facet) {
                assert!(
                    other.chosen(&filters).is_empty(),
                    "{id} in {:?}",
                    other.facet
                );
            }
        }
        // Every entry's own values are listed ones (a value the list lacks
        // would go uncounted).
        for entry in &catalogue.initiatives {
            (values.of_entry)(entry, &mut |id| {
                assert!(ids.contains(&id), "{}: {facet:?} {id}", entry.id);
            });
        }
    }
    assert_eq!(
        FACETS
            .iter()
            .filter(|s| s.values().is_some_and(|v| v.counting == Counting::Area))
            .count(),
        1,
        "one facet holds the area rule"
    );
    assert_eq!(stale_facet(), Facet::Status);
}

/// The facets marked `typed` are those the search line reads from a query.
#[test]
fn the_typed_facets_are_read_from_the_query() {
    let catalogue = bundled();
    let index = SearchIndex::new(&catalogue);
    let understood = index.understand("skive 17 fgu");
    let read: Vec<Facet> = understood
        .chips
        .iter()
        .map(|chip| match chip.recognised {
            Recognised::Municipality(_) => Facet::Municipality,
            Recognised::Age(_) => Facet::Age,
        })
        .collect();
    let typed: Vec<Facet> = FACETS.iter().filter(|s| s.typed).map(|s| s.facet).collect();
    assert_eq!(read, typed);
}
