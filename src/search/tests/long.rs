//! Words, names, aliases and queries of 100,000 chars (issue 24): matching
//! reads a word's first [`MAX_WORD`] chars and a query's first
//! [`MAX_QUERY_CHARS`], so they cost what a long real word costs. Before
//! these limits each case below took minutes; the time allowed is generous
//! for a debug build on a busy machine, and the counts say why it holds.

use std::time::{Duration, Instant};

use super::super::dictionary::Dictionary;
use super::super::query::{MAX_QUERY_CHARS, parse};
use super::{entry, ids, sample};
use crate::fold::MAX_WORD;
use crate::search::{Filters, SearchIndex};

/// The length of the long words.
const LONG: usize = 100_000;

/// Far above the milliseconds each case takes in a debug build.
const GENEROUS: Duration = Duration::from_secs(5);

/// The most chars of any word a dictionary keeps.
fn longest(dict: &Dictionary) -> usize {
    (0..dict.len() as u32)
        .map(|id| dict.word(id).chars().count())
        .max()
        .unwrap_or(0)
}

/// The sample catalogue and an entry whose name, aliases, keyword and
/// description each hold a word of [`LONG`] chars.
fn with_long_entry() -> crate::catalogue::Catalogue {
    let mut cat = sample();
    let mut long = entry("lang", &format!("Mentor {}", "a".repeat(LONG)));
    long.aliases = vec!["ø".repeat(LONG), format!("b{}", "c".repeat(LONG))];
    long.keywords = vec!["d".repeat(LONG)];
    long.description = format!("Et {} tilbud", "e".repeat(LONG));
    cat.initiatives.push(long);
    cat
}

#[test]
fn long_words_are_indexed_by_their_first_chars() {
    let cat = with_long_entry();
    let start = Instant::now();
    let index = SearchIndex::new(&cat);
    // Every lookup, compound split and slip costs at most the longest word.
    for scored in [&index.name_dict, &index.pair_dict, &index.text_dict] {
        assert!(
            longest(&scored.dict) <= MAX_WORD,
            "{}",
            longest(&scored.dict)
        );
    }
    let found = |query: &str| ids(&cat, &index.search(query, &Filters::default()));
    let a = "a".repeat(LONG);
    for query in [
        "mentor".to_owned(),
        a.clone(),
        a[..MAX_WORD].to_owned(),
        format!("{a}x"),
        "ø".repeat(LONG),
        format!("b{}", "c".repeat(LONG)),
        "d".repeat(LONG),
        "e".repeat(LONG),
    ] {
        let start = &query[..query.len().min(12)];
        assert!(found(&query).contains(&"lang".to_owned()), "{start}…");
    }
    // The run-together pair of the name's words, cut like any word.
    assert!(found(&format!("mentor{a}")).contains(&"lang".to_owned()));
    let elapsed = start.elapsed();
    assert!(elapsed < GENEROUS, "{elapsed:?}");
}

#[test]
fn a_long_query_is_read_by_its_first_chars() {
    let a = "a".repeat(LONG);
    let parsed = parse(&a);
    assert_eq!(
        parsed.positive[0].pieces[0].strict.chars().count(),
        MAX_WORD
    );
    // A hyphenated paste: a few pieces, and a fuzzy pattern of one word.
    let pasted = "mentor-".repeat(LONG / 7);
    let parsed = parse(&pasted);
    let pieces: usize = parsed.positive.iter().map(|t| t.pieces.len()).sum();
    assert!(pieces <= MAX_QUERY_CHARS / 2, "{pieces}");
    assert!(parsed.positive[0].joined().chars().count() <= MAX_WORD);

    let cat = with_long_entry();
    let index = SearchIndex::new(&cat);
    let start = Instant::now();
    for query in [
        a.clone(),
        pasted,
        "mentor ".repeat(LONG / 7),
        "skvie".repeat(LONG / 5),
        "æøå-".repeat(LONG / 4),
        format!("{a} {a} 17 skive"),
    ] {
        let understood = index.understand(&query);
        index.search_understood(&understood, &Filters::default());
        index.search(&query, &Filters::default());
    }
    let elapsed = start.elapsed();
    assert!(elapsed < GENEROUS, "{elapsed:?}");
    // A real query before a paste is still read.
    let cat = sample();
    let index = SearchIndex::new(&cat);
    let results = index.search(&format!("mentor {a}"), &Filters::default());
    assert_eq!(ids(&cat, &results)[0], "mentor-aarhus");
    // The query is read to its 200th char; the paste matched nothing.
    assert_eq!(
        results.ignored,
        ["a".repeat(MAX_QUERY_CHARS - "mentor ".len())]
    );
}

#[test]
fn a_long_name_is_highlighted_in_its_start() {
    let name = format!("{} mentor", "b".repeat(LONG));
    let mut long = entry("lang", &name);
    long.aliases = vec!["Mentor".to_owned()];
    let mut cat = sample();
    cat.initiatives.push(long);
    let index = SearchIndex::new(&cat);
    let start = Instant::now();
    // A word past the highlighted start is not looked for there: each of
    // a query's words costs at most the start's length.
    let query = "mentor-".repeat(MAX_QUERY_CHARS / 7);
    let results = index.search(&query, &Filters::default());
    let hit = results
        .hits
        .iter()
        .find(|h| cat.initiatives[h.index].id == "lang")
        .expect("found by its name");
    assert!(
        hit.name_positions()
            .iter()
            .all(|&p| p < super::super::names::MAX_HIGHLIGHT),
        "{:?}",
        &hit.name_positions()[..hit.name_positions().len().min(5)]
    );
    let elapsed = start.elapsed();
    assert!(elapsed < GENEROUS, "{elapsed:?}");
}
