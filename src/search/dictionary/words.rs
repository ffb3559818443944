//! The distinct words a [`super::Builder`] has met, each with its id (the
//! order first met), found by a hash lookup per word of the catalogue's
//! texts: millions at 10,000 entries.
//!
//! The words lie end to end in one string and the table holds only their
//! ids, 4 bytes a slot: for the tens of thousands of words of a large
//! catalogue the table stays in the processor's cache, where a map of boxed
//! strings (24 bytes a slot, and a pointer to follow to each word) did not.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// Words and their ids.
#[derive(Default)]
pub struct Words {
    table: HashTable<u32>,
    /// Every word, end to end, in id order.
    text: String,
    /// Where each word ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Words").field("len", &self.len()).finish()
    }
}

/// Word `id` of `text` laid out as [`Words`] keeps it.
fn word_at<'t>(text: &'t str, ends: &[u32], id: u32) -> &'t str {
    let id = id as usize;
    let start = if id == 0 { 0 } else { ends[id - 1] as usize };
    &text[start..ends[id] as usize]
}

impl Words {
    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The word with id `id`.
    pub fn word(&self, id: u32) -> &str {
        word_at(&self.text, &self.ends, id)
    }

    /// The words, by id.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len() as u32).map(|id| self.word(id))
    }

    /// The id of `word`, if it is known.
    pub fn get(&self, word: &str) -> Option<u32> {
        let (text, ends) = (&self.text, &self.ends);
        self.table
            .find(FxBuildHasher.hash_one(word), |&id| {
                word_at(text, ends, id) == word
            })
            .copied()
    }

    /// The id of `word`, given the next one when it is new; and whether it is.
    ///
    /// # Panics
    /// When the words together pass 4 GiB (a catalogue file holds at most
    /// 256 MiB).
    pub fn intern(&mut self, word: &str) -> (u32, bool) {
        let hash = FxBuildHasher.hash_one(word);
        let (text, ends) = (&self.text, &self.ends);
        if let Some(&id) = self.table.find(hash, |&id| word_at(text, ends, id) == word) {
            return (id, false);
        }
        let id = self.ends.len() as u32;
        self.text.push_str(word);
        let end = u32::try_from(self.text.len()).expect("words within 4 GiB");
        self.ends.push(end);
        let (text, ends) = (&self.text, &self.ends);
        self.table.insert_unique(hash, id, |&id| {
            FxBuildHasher.hash_one(word_at(text, ends, id))
        });
        (id, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Ids are those of a plain map from words to the order first met.
        #[test]
        fn ids_are_the_order_first_met(words in proptest::collection::vec("[a-cø]{0,5}", 0..80)) {
            let mut ids = Words::default();
            let mut plain: std::collections::HashMap<String, u32> = Default::default();
            for word in &words {
                let next = plain.len() as u32;
                let want = *plain.entry(word.clone()).or_insert(next);
                prop_assert_eq!(ids.intern(word), (want, want == next));
            }
            prop_assert_eq!(ids.len(), plain.len());
            for (word, &id) in &plain {
                prop_assert_eq!(ids.get(word), Some(id));
                prop_assert_eq!(ids.word(id), word.as_str());
            }
            prop_assert_eq!(ids.get("zz"), None);
        }
    }
}
