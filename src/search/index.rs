//! [`SearchIndex`]: everything a search needs, precomputed once per catalogue.

use super::Field;
use super::dictionary::{self, Builder, Dictionary, GRADES, ungrade};
use super::filters::FacetIndex;
use super::fold::fold;
use super::names::EntryNames;
use super::score::{Tier, pair_points, points};
use crate::catalogue::{Catalogue, Term};

/// The fields of the name dictionary, by local bit.
pub(super) const NAME_FIELDS: &[Field] = &[Field::Name, Field::Alias];

/// The fields of the text dictionary, by local bit.
pub(super) const TEXT_FIELDS: &[Field] = &[
    Field::Theme,
    Field::TargetGroup,
    Field::Provider,
    Field::Summary,
    Field::Description,
    Field::Eligibility,
    Field::NextSteps,
    Field::Area,
];

/// A dictionary with the points of its postings.
#[derive(Debug, Clone)]
pub(super) struct Scored {
    pub dict: Dictionary,
    /// `points[grade][mask]`: the best points of a word of that grade
    /// occurring in the local fields of `mask`.
    pub points: Vec<[u16; 256]>,
    /// `fields[mask]`: the global field mask of a local mask.
    pub fields: [u16; 256],
}

impl Scored {
    fn new(dict: Dictionary, local: &[Field], points: fn(Field, Tier, bool) -> u16) -> Scored {
        let mut fields = [0u16; 256];
        for (mask, slot) in fields.iter_mut().enumerate() {
            *slot = local
                .iter()
                .enumerate()
                .filter(|(bit, _)| mask >> bit & 1 == 1)
                .fold(0, |acc, (_, f)| acc | f.bit());
        }
        let mut table = vec![[0u16; 256]; GRADES];
        for (grade, row) in table.iter_mut().enumerate().skip(1) {
            let (tier, loose) = ungrade(grade as u8);
            for (mask, slot) in row.iter_mut().enumerate() {
                *slot = local
                    .iter()
                    .enumerate()
                    .filter(|(bit, _)| mask >> bit & 1 == 1)
                    .map(|(_, &f)| points(f, tier, loose))
                    .max()
                    .unwrap_or(0);
            }
        }
        Scored {
            dict,
            points: table,
            fields,
        }
    }
}

/// An owned, precomputed index of a catalogue: build it once at load with
/// [`SearchIndex::new`], then call [`SearchIndex::search`] per keystroke. It
/// does not borrow the catalogue; hits refer to entries by index.
#[derive(Clone)]
pub struct SearchIndex {
    pub(super) len: usize,
    pub(super) names: Vec<EntryNames>,
    /// Words of names and aliases.
    pub(super) name_dict: Scored,
    /// Adjacent words of names and aliases run together (`ipsung`,
    /// `fguskolen`), for queries that leave out a space or hyphen.
    pub(super) pair_dict: Scored,
    /// Words of every other indexed field.
    pub(super) text_dict: Scored,
    /// Entry indices sorted by folded name, then catalogue order.
    pub(super) by_name: Vec<u32>,
    /// Position of each entry in `by_name`.
    pub(super) name_rank: Vec<u32>,
    pub(super) facets: FacetIndex,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.len)
            .field("name_words", &self.name_dict.dict.len())
            .field("name_pairs", &self.pair_dict.dict.len())
            .field("text_words", &self.text_dict.dict.len())
            .field("text_postings", &self.text_dict.dict.postings_len())
            .finish_non_exhaustive()
    }
}

/// Folded labels (Danish and English) of a vocabulary, by id.
fn folded_labels(terms: &[Term]) -> std::collections::HashMap<&str, String> {
    terms
        .iter()
        .map(|t| {
            let mut text = fold(&t.label);
            if let Some(en) = &t.label_en {
                text.push(' ');
                text.push_str(&fold(en));
            }
            (t.id.as_str(), text)
        })
        .collect()
}

fn local_bit(fields: &[Field], field: Field) -> u8 {
    fields.iter().position(|&f| f == field).unwrap_or_default() as u8
}

impl SearchIndex {
    /// Indexes `catalogue`: folds names, aliases and texts, builds the word
    /// dictionaries, the name order and the filter sets.
    ///
    /// # Panics
    /// With more than 16,777,215 initiatives (a catalogue file cannot hold
    /// that many within its size limit).
    pub fn new(catalogue: &Catalogue) -> SearchIndex {
        let entries = &catalogue.initiatives;
        assert!(
            entries.len() < dictionary::MAX_ENTRIES,
            "too many initiatives to index"
        );
        let vocab = &catalogue.vocabularies;
        let themes = folded_labels(&vocab.themes);
        let target_groups = folded_labels(&vocab.target_groups);
        let municipalities: std::collections::HashMap<&str, String> = vocab
            .municipalities
            .iter()
            .map(|m| (m.id.as_str(), fold(&m.name)))
            .collect();

        let mut names = Vec::with_capacity(entries.len());
        let mut name_words = Builder::default();
        let mut pair_words = Builder::default();
        let mut pair = String::new();
        let mut add_pairs = |e: usize, bit: Field, folded: &str, pairs: &mut Builder| {
            let bit = local_bit(NAME_FIELDS, bit);
            let words: Vec<&str> = super::fold::words(folded).collect();
            for two in words.windows(2) {
                pair.clear();
                pair.push_str(two[0]);
                pair.push_str(two[1]);
                pairs.add_word(e, bit, &pair);
            }
        };
        let mut text_words = Builder::default();
        let bit = |f| local_bit(TEXT_FIELDS, f);
        for (e, entry) in entries.iter().enumerate() {
            let folded = EntryNames::new(&entry.name);
            name_words.add_folded(e, local_bit(NAME_FIELDS, Field::Name), folded.folded());
            add_pairs(e, Field::Name, folded.folded(), &mut pair_words);
            for alias in &entry.aliases {
                let alias = fold(alias);
                name_words.add_folded(e, local_bit(NAME_FIELDS, Field::Alias), &alias);
                add_pairs(e, Field::Alias, &alias, &mut pair_words);
            }
            names.push(folded);

            for id in &entry.themes {
                if let Some(label) = themes.get(id.as_str()) {
                    text_words.add_folded(e, bit(Field::Theme), label);
                }
            }
            for id in &entry.target_groups {
                if let Some(label) = target_groups.get(id.as_str()) {
                    text_words.add_folded(e, bit(Field::TargetGroup), label);
                }
            }
            for provider in &entry.providers {
                text_words.add_text(e, bit(Field::Provider), provider);
            }
            text_words.add_text(e, bit(Field::Summary), &entry.summary);
            text_words.add_text(e, bit(Field::Description), &entry.description);
            if let Some(eligibility) = &entry.eligibility {
                text_words.add_text(e, bit(Field::Eligibility), eligibility);
            }
            for step in &entry.next_steps {
                text_words.add_text(e, bit(Field::NextSteps), step);
            }
            for id in &entry.area.municipalities {
                match municipalities.get(id.as_str()) {
                    Some(name) => text_words.add_folded(e, bit(Field::Area), name),
                    None => text_words.add_text(e, bit(Field::Area), id),
                }
            }
            if let Some(note) = &entry.area.note {
                text_words.add_text(e, bit(Field::Area), note);
            }
        }

        let mut by_name: Vec<u32> = (0..entries.len() as u32).collect();
        by_name.sort_by(|&a, &b| {
            names[a as usize]
                .folded()
                .cmp(names[b as usize].folded())
                .then(a.cmp(&b))
        });
        let mut name_rank = vec![0u32; entries.len()];
        for (rank, &e) in by_name.iter().enumerate() {
            name_rank[e as usize] = rank as u32;
        }

        SearchIndex {
            len: entries.len(),
            names,
            name_dict: Scored::new(name_words.finish(), NAME_FIELDS, points),
            pair_dict: Scored::new(pair_words.finish(), NAME_FIELDS, pair_points),
            text_dict: Scored::new(text_words.finish(), TEXT_FIELDS, points),
            by_name,
            name_rank,
            facets: FacetIndex::new(catalogue),
        }
    }

    /// Number of initiatives indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the catalogue has no initiatives.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of distinct words in the text dictionary (for benchmarks).
    pub fn text_words(&self) -> usize {
        self.text_dict.dict.len()
    }
}
