//! Query understanding: the words of a caseworker's query that are not text
//! to match but filters — a municipality's name or alias (`skive`,
//! `Ringkøbing`, `Århus`, `grenaa`, and small slips such as `skvie`) and an
//! age (`17`, `17 år`, `17-årig`, `17-årige`) — plus the little words
//! (`af`, `og`, `i`) that only help ranking.
//!
//! [`Places::understand`] splits a query into [`Understood`]: the chips it
//! recognised (each with the bytes of the query it came from, so a screen
//! can show it and take it away again), the text still to match, and the
//! optional words that add points but never exclude an entry. The TUI and
//! `indsats search` both go through it, so they agree.
//!
//! A word with an operator (`'skive`, `^skive`, `!skive`) is never
//! recognised: the quote keeps a word literal. Pure, and never panics.

use std::ops::Range;

use super::Filters;
use super::fold::{MAX_WORD, fold, loose};
use crate::catalogue::Vocabularies;

/// Youngest age a number in the query is taken for.
pub const MIN_AGE: u8 = 10;

/// Oldest age a number in the query is taken for.
pub const MAX_AGE: u8 = 35;

/// Shortest word (in chars) recognised as a municipality with a slip.
const MIN_FUZZY_PLACE: usize = 5;

/// Words that carry no meaning of their own in a search (`droppet ud af
/// eud`, `vil gerne være`): they add points where they occur but never
/// leave an entry out, and never count as meeting the query. Snowball's
/// Danish stop-word list (folded: `være` is `vaere`), plus `ved`.
pub const STOP_WORDS: &[&str] = &[
    "ad", "af", "alle", "alt", "anden", "at", "blev", "blive", "bliver", "da", "de", "dem", "den",
    "denne", "der", "deres", "det", "dette", "dig", "din", "disse", "dog", "du", "efter", "eller",
    "en", "end", "er", "et", "for", "fra", "ham", "han", "hans", "har", "havde", "have", "hende",
    "hendes", "her", "hos", "hun", "hvad", "hvis", "hvor", "i", "ikke", "ind", "jeg", "jer", "jo",
    "kunne", "man", "mange", "med", "meget", "men", "mig", "min", "mine", "mit", "mod", "naar",
    "ned", "noget", "nogle", "nu", "og", "ogsaa", "om", "op", "os", "over", "paa", "saadan",
    "selv", "sig", "sin", "sine", "sit", "skal", "skulle", "som", "thi", "til", "ud", "under",
    "vaere", "vaeret", "var", "ved", "vi", "vil", "ville", "vor",
];

/// Numbers written as words, two to ten (`mor til to`): like a number in
/// digits that is no age, a count is not a situation, so they are optional.
pub const NUMBER_WORDS: &[&str] = &[
    "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti",
];

/// What a chip stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recognised {
    /// A municipality, by id.
    Municipality(String),
    /// The citizen's age.
    Age(u8),
}

/// One recognised filter and where in the query it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    /// The filter.
    pub recognised: Recognised,
    /// The bytes of the query it was read from (`17 år` is one chip).
    pub span: Range<usize>,
}

/// A query split into recognised filters, text and optional words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Understood {
    /// The filters recognised, in query order (at most one age).
    pub chips: Vec<Chip>,
    /// The words still to match, in query order, joined by spaces.
    pub text: String,
    /// Words that add points where they match but are not required: the
    /// stop words. (The search adds the names of the filtered municipalities
    /// the same way, so `fgu aarhus` still puts FGU Aarhus first.)
    pub optional: Vec<String>,
}

impl Understood {
    /// `filters` with the recognised ones added (a recognised age replaces
    /// the filter's age).
    pub fn filters(&self, filters: &Filters) -> Filters {
        let mut out = filters.clone();
        for chip in &self.chips {
            match &chip.recognised {
                Recognised::Municipality(id) => {
                    out.municipalities.insert(id.clone());
                }
                Recognised::Age(age) => out.age = Some(*age),
            }
        }
        out
    }

    /// The recognised municipality ids, in query order, each once.
    pub fn municipalities(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for chip in &self.chips {
            if let Recognised::Municipality(id) = &chip.recognised
                && !ids.contains(&id.as_str())
            {
                ids.push(id);
            }
        }
        ids
    }

    /// The recognised age, if any.
    pub fn age(&self) -> Option<u8> {
        self.chips.iter().find_map(|c| match c.recognised {
            Recognised::Age(age) => Some(age),
            Recognised::Municipality(_) => None,
        })
    }
}

/// What [`Places::read`] made of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Read<'a> {
    /// The id it names.
    pub id: &'a str,
    /// Whether it names it only with a slip forgiven (`skvie`), so the
    /// caller can say what it read.
    pub slip: bool,
}

/// One way a municipality can be written, folded.
#[derive(Debug, Clone, Default)]
struct PlaceKey {
    strict: String,
    loose: String,
    /// Index into [`Places::ids`].
    place: u32,
}

/// The names the municipalities go by: names, aliases (old spellings, main
/// towns) and the parts of a hyphenated name (`Ikast`, `Brande`). Through
/// [`Places::of_names`] the same table reads any vocabulary's names.
#[derive(Debug, Clone, Default)]
pub struct Places {
    keys: Vec<PlaceKey>,
    ids: Vec<String>,
}

impl Places {
    /// The places of a catalogue's municipality vocabulary.
    pub fn new(vocabularies: &Vocabularies) -> Places {
        let mut places = Places::default();
        for (i, m) in vocabularies.municipalities.iter().enumerate() {
            places.ids.push(m.id.clone());
            let place = i as u32;
            places.add(&m.name, place);
            places.add(&m.id, place);
            for alias in &m.aliases {
                places.add(alias, place);
            }
            if m.name.contains('-') {
                for part in m.name.split('-') {
                    places.add(part, place);
                }
            }
        }
        places
    }

    /// A table of any vocabulary's names, read the way the search line
    /// reads places: each id with the names it goes by (the id itself is
    /// one). The filter flags read target groups, themes, statuses and
    /// kinds through it, so `--tema` forgives the slips `skvie` does.
    pub fn of_names<'a>(names: impl IntoIterator<Item = (&'a str, Vec<&'a str>)>) -> Places {
        let mut places = Places::default();
        for (i, (id, aliases)) in names.into_iter().enumerate() {
            places.ids.push(id.to_owned());
            for text in std::iter::once(id).chain(aliases) {
                places.add(text, i as u32);
            }
        }
        places
    }

    /// The ids, in the order given.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Adds one way of writing the `place`th id, unless an earlier one
    /// already has that key.
    fn add(&mut self, text: &str, place: u32) {
        let strict = fold(text.trim());
        if strict.is_empty() || self.keys.iter().any(|k| k.strict == strict) {
            return;
        }
        self.keys.push(PlaceKey {
            loose: loose(&strict),
            strict,
            place,
        });
    }

    /// A value given on its own, as a filter flag's: the id it names, read
    /// as the search line reads a word (see [`Places::understand`]) except
    /// that a flag's value is never text, so a slip is always forgiven
    /// where only one id is that close.
    pub fn read(&self, value: &str) -> Option<Read<'_>> {
        self.place_of(&fold(value.trim()), &|_| false)
    }

    /// The id a folded word names: exactly, by its loose key, or — for
    /// words of [`MIN_FUZZY_PLACE`] to [`MAX_WORD`] chars that `is_text`
    /// does not know as a word of the catalogue — within one edit (a
    /// transposition counts as one).
    fn place_of(&self, word: &str, is_text: &dyn Fn(&str) -> bool) -> Option<Read<'_>> {
        let exact = |k: &PlaceKey| Read {
            id: self.ids[k.place as usize].as_str(),
            slip: false,
        };
        if let Some(k) = self.keys.iter().find(|k| k.strict == word) {
            return Some(exact(k));
        }
        let lkey = loose(word);
        if let Some(k) = self.keys.iter().find(|k| k.loose == lkey) {
            return Some(exact(k));
        }
        // A slip is forgiven only in a word of at most `MAX_WORD` chars: the
        // edit distance costs the product of the lengths.
        let chars = word.chars().count();
        if !(MIN_FUZZY_PLACE..=MAX_WORD).contains(&chars) || is_text(word) {
            return None;
        }
        // One edit changes a key's length by one char, four bytes at most:
        // a key further off is not compared at all.
        let mut close = self
            .keys
            .iter()
            .filter(|k| k.loose.len().abs_diff(lkey.len()) <= 4)
            .filter(|k| k.strict.chars().count() >= MIN_FUZZY_PLACE)
            .filter(|k| strsim::osa_distance(&k.loose, &lkey) <= 1);
        let first = close.next()?;
        // Two ids one slip away: too close to call.
        match close.find(|k| k.place != first.place) {
            Some(_) => None,
            None => Some(Read {
                slip: true,
                ..exact(first)
            }),
        }
    }

    /// Splits `query` (its first [`MAX_QUERY_CHARS`] chars) into
    /// recognised filters, text and optional words. `is_text` says whether
    /// a folded word occurs in the catalogue's text (such a word is never
    /// taken for a misspelt municipality).
    ///
    /// [`MAX_QUERY_CHARS`]: super::query::MAX_QUERY_CHARS
    pub fn understand(&self, query: &str, is_text: &dyn Fn(&str) -> bool) -> Understood {
        let query = super::query::cut_query(query);
        let tokens: Vec<(Range<usize>, &str)> = tokens(query).collect();
        let mut out = Understood::default();
        let mut text: Vec<&str> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let (span, raw) = (tokens[i].0.clone(), tokens[i].1);
            if has_operator(raw) {
                text.push(raw);
                i += 1;
                continue;
            }
            let word = fold(raw.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':')));
            if out.age().is_none()
                && let Some((age, used)) = age_at(&tokens[i..])
            {
                let end = tokens[i + used - 1].0.end;
                out.chips.push(Chip {
                    recognised: Recognised::Age(age),
                    span: span.start..end,
                });
                i += used;
                continue;
            }
            if let Some(read) = self.place_of(&word, is_text) {
                out.chips.push(Chip {
                    recognised: Recognised::Municipality(read.id.to_owned()),
                    span,
                });
                i += 1;
                continue;
            }
            // Stop words and numbers that are no age (`9. klasse`) only help.
            if STOP_WORDS.contains(&word.as_str())
                || NUMBER_WORDS.contains(&word.as_str())
                || (!word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()))
            {
                out.optional.push(word);
            } else {
                text.push(raw);
            }
            i += 1;
        }
        out.text = text.join(" ");
        out
    }
}

/// The whitespace-separated words of `query` with their byte ranges.
fn tokens(query: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    query.split_whitespace().map(move |word| {
        let start = word.as_ptr() as usize - query.as_ptr() as usize;
        (start..start + word.len(), word)
    })
}

/// Whether a query word carries one of fzf's operators.
fn has_operator(raw: &str) -> bool {
    raw.starts_with(['\'', '^', '!']) || raw.ends_with('$')
}

/// An age at the start of `tokens` (`17`, `17 år`, `17-årig`, `17år`) and
/// how many tokens it takes.
fn age_at(tokens: &[(Range<usize>, &str)]) -> Option<(u8, usize)> {
    let folded = fold(tokens.first()?.1);
    let digits = folded.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let age: u8 = folded[..digits].parse().ok()?;
    if !(MIN_AGE..=MAX_AGE).contains(&age) {
        return None;
    }
    let rest = loose(folded[digits..].trim_start_matches('-'));
    if !rest.is_empty() && !is_year_word(&rest) {
        return None;
    }
    // `17 år`, `17 årig`: the year word belongs to the age.
    let next = tokens.get(1).map(|(_, raw)| loose(&fold(raw)));
    match next {
        Some(word) if rest.is_empty() && is_year_word(&word) => Some((age, 2)),
        _ => Some((age, 1)),
    }
}

/// Whether a word as typed is a year word that belongs to an age before it
/// (`år`, `aar`, `års`, `årig`, `årige`, `gammel`, `gamle`).
pub fn is_year_word_typed(word: &str) -> bool {
    is_year_word(&loose(&fold(word)))
}

/// `år`, `årig`, `årige`, `års` and `gammel` (loose keys).
fn is_year_word(word: &str) -> bool {
    matches!(word, "ar" | "ars" | "arig" | "arige" | "gamel" | "gamle")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Municipality;

    fn places() -> Places {
        let m = |id: &str, name: &str, aliases: &[&str]| Municipality {
            id: id.to_owned(),
            name: name.to_owned(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        };
        Places::new(&Vocabularies {
            themes: Vec::new(),
            target_groups: Vec::new(),
            municipalities: vec![
                m("skive", "Skive", &[]),
                m("aarhus", "Aarhus", &["Århus"]),
                m("ringkobing-skjern", "Ringkøbing-Skjern", &["Tarm"]),
                m("norddjurs", "Norddjurs", &["Grenaa", "Grenå"]),
                m("odder", "Odder", &[]),
            ],
        })
    }

    fn read(query: &str) -> Understood {
        places().understand(query, &|w| w == "skiver")
    }

    #[test]
    fn places_and_ages_become_chips() {
        let cases: &[(&str, &[&str], Option<u8>, &str)] = &[
            (
                "skive 17 droppet ud af eud",
                &["skive"],
                Some(17),
                "droppet eud",
            ),
            ("Ringkøbing", &["ringkobing-skjern"], None, ""),
            ("ringkobing-skjern fgu", &["ringkobing-skjern"], None, "fgu"),
            ("Århus ips", &["aarhus"], None, "ips"),
            ("arhus", &["aarhus"], None, ""),
            ("grenaa 19 år", &["norddjurs"], Some(19), ""),
            ("tarm", &["ringkobing-skjern"], None, ""),
            ("skvie angst", &["skive"], None, "angst"),
            ("17-årig", &[], Some(17), ""),
            ("17-årige mentor", &[], Some(17), "mentor"),
            ("17år job", &[], Some(17), "job"),
            ("24 ÅR kontanthjælp", &[], Some(24), "kontanthjælp"),
            ("'skive", &[], None, "'skive"),
            ("^skive !aarhus", &[], None, "^skive !aarhus"),
            ("9 år", &[], None, "år"),
            ("36", &[], None, ""),
            ("17 24", &[], Some(17), ""),
            ("skiver", &[], None, "skiver"),
            ("odd", &[], None, "odd"),
        ];
        for &(query, ids, age, text) in cases {
            let u = read(query);
            assert_eq!(u.municipalities(), ids, "{query}");
            assert_eq!(u.age(), age, "{query}");
            assert_eq!(u.text, text, "{query}");
        }
    }

    #[test]
    fn a_value_on_its_own_is_read_and_a_slip_said() {
        let p = places();
        let read = |value: &str| p.read(value).map(|r| (r.id, r.slip));
        assert_eq!(read("Skive"), Some(("skive", false)));
        assert_eq!(
            read(" RINGKØBING-SKJERN "),
            Some(("ringkobing-skjern", false))
        );
        assert_eq!(read("skvie"), Some(("skive", true)));
        // A flag's value is never text: `skiver` is one slip from Skive.
        assert_eq!(read("skiver"), Some(("skive", true)));
        assert_eq!(read("odd"), None);
        assert_eq!(read(""), None);
        let statuses = Places::of_names([("active", vec!["Aktiv", "Active"])]);
        assert_eq!(statuses.read("aktvi").map(|r| r.id), Some("active"));
        assert_eq!(statuses.ids(), ["active"]);
    }

    #[test]
    fn a_long_value_is_no_place_and_costs_no_edit_distance() {
        // Before the limit, one value of 100,000 chars against an alias as
        // long cost an edit distance of 10^10 cells: minutes.
        let long = "skive".repeat(20_000);
        let p = Places::of_names([("skive", vec![long.as_str()])]);
        let start = std::time::Instant::now();
        assert_eq!(p.read(&long).map(|r| r.slip), Some(false));
        assert_eq!(p.read(&long[1..]), None);
        assert_eq!(p.read(&format!("{long}x")), None);
        let elapsed = start.elapsed();
        assert!(elapsed < std::time::Duration::from_secs(5), "{elapsed:?}");
        // A slip is still forgiven in a word of matching length.
        let p = Places::of_names([("x", vec!["horsens"])]);
        assert_eq!(p.read("horsnes").map(|r| r.slip), Some(true));
    }

    #[test]
    fn chips_know_where_they_came_from() {
        let query = "mentor  17 år skive";
        let u = read(query);
        let spans: Vec<&str> = u.chips.iter().map(|c| &query[c.span.clone()]).collect();
        assert_eq!(spans, ["17 år", "skive"]);
        assert!(read("droppet ud af eud").optional == ["ud", "af"]);
    }

    #[test]
    fn recognised_filters_add_to_the_given_ones() {
        let mut given = Filters::default();
        given.municipalities.insert("odder".to_owned());
        given.age = Some(30);
        let f = read("skive 17").filters(&given);
        assert_eq!(f.age, Some(17));
        assert_eq!(
            f.municipalities.iter().collect::<Vec<_>>(),
            ["odder", "skive"]
        );
    }

    proptest::proptest! {
        #[test]
        fn understanding_never_panics(query in "\\PC{0,40}") {
            let u = read(&query);
            for chip in &u.chips {
                proptest::prop_assert!(query.get(chip.span.clone()).is_some());
            }
        }
    }
}
