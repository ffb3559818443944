//! The vocabularies' keywords: the words caseworkers use for a situation
//! (`angst`, `ADHD`, `droppet ud`, `kontanthjælp`), each pointing at its
//! target group or theme. A query word that is such a keyword matches every
//! entry of that group or theme, scored like a hit in the group's label
//! (`angst` → psykisk mistrivsel), and the hit says which keyword it came
//! through (`target_group:psykisk via "angst"`).
//!
//! The keywords are data (catalogue/initiatives.json, or a municipality's
//! local.json), kept in a small dictionary of their own: its postings point
//! at vocabulary values, not entries, so a keyword costs nothing per entry.

use super::Field;
use super::dictionary::{Builder, Dictionary, Grade, unpack};
use super::query::{Mode, Piece};
use super::understand::STOP_WORDS;
use crate::catalogue::Vocabularies;

/// Shortest piece (in bytes) that may match the start of a keyword.
const MIN_KEYWORD_PREFIX: usize = 3;

/// One keyword hit: which group or theme, through which word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Via {
    /// [`Field::TargetGroup`] or [`Field::Theme`].
    pub field: Field,
    /// The target group's or theme's id.
    pub id: String,
    /// The keyword word that matched, folded.
    pub word: String,
}

/// The keywords of the target groups and themes.
#[derive(Debug, Clone, Default)]
pub struct Keywords {
    /// Postings: value `i < groups` is target group `i`, else theme `i - groups`.
    dict: Dictionary,
    groups: u32,
    ids: Vec<String>,
}

// Encoded by `crate::codec`, for the start-up cache.
crate::codec::codec_struct!(Keywords { dict, groups, ids });

impl Keywords {
    /// The keywords of a catalogue's vocabularies. The words of a phrase
    /// (`sidder derhjemme`) count one by one, leaving out stop words and,
    /// in phrases, words under three letters.
    pub fn new(vocabularies: &Vocabularies) -> Keywords {
        let mut builder = Builder::default();
        let mut ids = Vec::new();
        let terms = vocabularies
            .target_groups
            .iter()
            .chain(&vocabularies.themes);
        for (value, term) in terms.enumerate() {
            ids.push(term.id.clone());
            for keyword in &term.keywords {
                let folded = crate::fold::fold(keyword);
                let words: Vec<&str> = crate::fold::words(&folded).collect();
                let phrase = words.len() > 1;
                for word in words {
                    if STOP_WORDS.contains(&word) || (phrase && word.len() < 3) {
                        continue;
                    }
                    builder.add_word(value, 0, word);
                }
            }
        }
        Keywords {
            dict: builder.finish(),
            groups: vocabularies.target_groups.len() as u32,
            ids,
        }
    }

    /// The field and vocabulary index of a posting's value.
    fn value(&self, value: usize) -> (Field, usize) {
        let groups = self.groups as usize;
        if value < groups {
            (Field::TargetGroup, value)
        } else {
            (Field::Theme, value - groups)
        }
    }

    /// The groups and themes whose keywords `piece` matches under `mode`,
    /// each once with its best match: (field, vocabulary index, grade,
    /// keyword word id).
    pub fn lookup(
        &self,
        piece: &Piece,
        mode: Mode,
        substring: bool,
    ) -> Vec<(Field, usize, Grade, u32)> {
        // One or two letters starting a keyword say nothing about the
        // situation (`m` starts misbrug and mistrivsel): whole words only.
        let mode = if piece.strict.len() < MIN_KEYWORD_PREFIX && mode == Mode::Fuzzy {
            Mode::Word
        } else {
            mode
        };
        // The best hit per group or theme: each costs a walk over its entries.
        let mut best: Vec<(Field, usize, Grade, u32)> = Vec::new();
        for (word, grade) in self.dict.lookup(piece, mode, substring) {
            for &posting in self.dict.postings(word) {
                let (field, index) = self.value(unpack(posting).0);
                match best.iter_mut().find(|b| b.0 == field && b.1 == index) {
                    Some(b) if b.2 < grade => *b = (field, index, grade, word),
                    Some(_) => {}
                    None => best.push((field, index, grade, word)),
                }
            }
        }
        best
    }

    /// The value number (target groups first, then themes) of a field's
    /// vocabulary index.
    pub fn value_of(&self, field: Field, index: usize) -> usize {
        match field {
            Field::TargetGroup => index,
            _ => index + self.groups as usize,
        }
    }

    /// The groups and themes with a keyword word that `pattern` (folded)
    /// is one slip away from (`angts`, `skizofrini`): (field, vocabulary
    /// index, keyword word id). Scattered letters do not count here: over
    /// long keywords they match too much.
    pub fn fuzzy(
        &self,
        pattern: &str,
        scorer: super::fuzzy_words::Scorer,
    ) -> Vec<(Field, usize, u32)> {
        let mut found = Vec::new();
        for (word, _) in super::fuzzy_words::fuzzy(&self.dict, pattern, true, false, scorer) {
            for &posting in self.dict.postings(word) {
                let (field, index) = self.value(unpack(posting).0);
                found.push((field, index, word));
            }
        }
        found
    }

    /// What a keyword hit looks like to a reader.
    pub fn via(&self, field: Field, index: usize, word: u32) -> Via {
        let value = match field {
            Field::TargetGroup => index,
            _ => index + self.groups as usize,
        };
        Via {
            field,
            id: self.ids.get(value).cloned().unwrap_or_default(),
            word: self.dict.word(word).to_owned(),
        }
    }

    /// Whether a folded word is a keyword word.
    pub fn has_word(&self, word: &str) -> bool {
        !self
            .dict
            .lookup(&Piece::new(word), Mode::Word, false)
            .is_empty()
    }
}
