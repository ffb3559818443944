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
use crate::catalogue::{Initiative, Vocabularies};

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
    /// The keywords' words; a posting's entry number is a keyword number.
    dict: Dictionary,
    /// Per keyword: its value (`i < groups` is target group `i`, else theme
    /// `i - groups`).
    value: Vec<u32>,
    /// Per keyword: the dictionary ids of its words. A phrase (`går
    /// hjemme`) counts only when the query holds every one of them.
    words: Vec<Vec<u32>>,
    groups: u32,
    ids: Vec<String>,
}

/// Which keywords a query holds whole: a phrase's words must all be in it.
#[derive(Debug, Clone, Default)]
pub struct Complete(Vec<bool>);

impl Keywords {
    /// The keywords of a catalogue's vocabularies, and the entries' own
    /// keywords of several words. The words of a phrase (`sidder
    /// derhjemme`) are looked up one by one, leaving out stop words and, in
    /// phrases, words under three letters; a phrase counts when the query
    /// holds all of its words ([`Keywords::complete`]). An entry's one-word
    /// keywords are in the index's name words instead (see [`is_phrase`]).
    pub fn new(vocabularies: &Vocabularies, entries: &[Initiative]) -> Keywords {
        let mut builder = Builder::default();
        let mut ids = Vec::new();
        let mut value = Vec::new();
        let mut phrases: Vec<Vec<String>> = Vec::new();
        let mut add = |v: usize, kept: Vec<String>| {
            let k = value.len();
            for word in &kept {
                builder.add_word(k, 0, word);
            }
            value.push(v as u32);
            phrases.push(kept);
        };
        let terms = vocabularies
            .target_groups
            .iter()
            .chain(&vocabularies.themes);
        for (v, term) in terms.enumerate() {
            ids.push(term.id.clone());
            for keyword in &term.keywords {
                let kept = phrase_words(keyword);
                if !kept.is_empty() {
                    add(v, kept);
                }
            }
        }
        let values = ids.len();
        for (e, entry) in entries.iter().enumerate() {
            for keyword in entry.keywords.iter().filter(|k| is_phrase(k)) {
                add(values + e, phrase_words(keyword));
            }
        }
        let dict = builder.finish();
        let words = phrases
            .iter()
            .map(|words| words.iter().filter_map(|w| dict.id_of(w)).collect())
            .collect();
        Keywords {
            dict,
            value,
            words,
            groups: vocabularies.target_groups.len() as u32,
            ids,
        }
    }

    /// The keywords whose every word one of `pieces` (each with its mode and
    /// whether inner substrings count) matches.
    pub fn complete<'p>(&self, pieces: impl Iterator<Item = (&'p Piece, Mode, bool)>) -> Complete {
        let mut matched: Vec<u32> = Vec::new();
        for (piece, mode, substring) in pieces {
            let mode = whole_words_when_short(piece, mode);
            matched.extend(
                self.dict
                    .lookup(piece, mode, substring)
                    .into_iter()
                    .map(|(w, _)| w),
            );
        }
        matched.sort_unstable();
        Complete(
            self.words
                .iter()
                .map(|words| words.iter().all(|w| matched.binary_search(w).is_ok()))
                .collect(),
        )
    }

    /// The field and index of a posting's value: a target group's or a
    /// theme's vocabulary index, or for an entry's phrase
    /// ([`Field::Keyword`]) the entry's.
    fn value(&self, value: usize) -> (Field, usize) {
        let groups = self.groups as usize;
        if value < groups {
            (Field::TargetGroup, value)
        } else if value < self.ids.len() {
            (Field::Theme, value - groups)
        } else {
            (Field::Keyword, value - self.ids.len())
        }
    }

    /// The groups, themes and entries (through their phrases) whose
    /// keywords `piece` matches under `mode`, among the keywords the query
    /// holds whole (`complete`), each once with its best match: (field,
    /// vocabulary or entry index, grade, keyword word id).
    pub fn lookup(
        &self,
        piece: &Piece,
        mode: Mode,
        substring: bool,
        complete: &Complete,
    ) -> Vec<(Field, usize, Grade, u32)> {
        let mode = whole_words_when_short(piece, mode);
        // The best hit per group or theme: each costs a walk over its entries.
        let mut best: Vec<(Field, usize, Grade, u32)> = Vec::new();
        for (word, grade) in self.dict.lookup(piece, mode, substring) {
            for &posting in self.dict.postings(word) {
                let k = unpack(posting).0;
                if !complete.0.get(k).copied().unwrap_or(false) {
                    continue;
                }
                let (field, index) = self.value(self.value[k] as usize);
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
    pub fn fuzzy(&self, pattern: &str) -> Vec<(Field, usize, u32)> {
        let mut found = Vec::new();
        for (word, _) in super::fuzzy_words::fuzzy(&self.dict, pattern, true, false) {
            for &posting in self.dict.postings(word) {
                // A slip reaches one-word keywords only: the rest of a
                // phrase was not typed.
                let k = unpack(posting).0;
                if self.words[k].len() == 1 {
                    let (field, index) = self.value(self.value[k] as usize);
                    found.push((field, index, word));
                }
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

    /// Whether a folded word is a word of a keyword.
    pub fn has_word(&self, word: &str) -> bool {
        !self
            .dict
            .lookup(&Piece::new(word), Mode::Word, false)
            .is_empty()
    }
}

/// The words of a keyword that a query must hold for it to count: all but
/// stop words and, in a phrase, words under three letters ("ud" in
/// "droppet ud"), each cut as the dictionary cuts it
/// ([`crate::fold::cut_word`]). Empty for a keyword of stop words only.
fn phrase_words(keyword: &str) -> Vec<String> {
    let folded = crate::fold::fold(keyword);
    let words: Vec<&str> = crate::fold::words(&folded).collect();
    let phrase = words.len() > 1;
    words
        .into_iter()
        .filter(|w| !(STOP_WORDS.contains(w) || phrase && w.len() < 3))
        .map(|w| crate::fold::cut_word(w).to_owned())
        .collect()
}

/// Whether an entry's keyword is a phrase: more than one word a query must
/// hold (`mor drikker`, `går hjemme`). Such a keyword counts only when the
/// query holds all of them; its words alone say nothing.
pub fn is_phrase(keyword: &str) -> bool {
    phrase_words(keyword).len() > 1
}

/// One or two letters starting a keyword say nothing about the situation
/// (`m` starts misbrug and mistrivsel): such a piece matches whole words only.
fn whole_words_when_short(piece: &Piece, mode: Mode) -> Mode {
    if piece.strict.len() < MIN_KEYWORD_PREFIX && mode == Mode::Fuzzy {
        Mode::Word
    } else {
        mode
    }
}
