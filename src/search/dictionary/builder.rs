//! Collecting the words of a catalogue's entries into a [`Dictionary`]:
//! each thread collects the entries of its part in a [`Builder`], and the
//! parts are laid out together, sorted, once.

use rustc_hash::FxHashMap;

use super::words::Words;
use super::{Dictionary, MAX_ENTRIES, Posting};
use crate::search::fold::{cut_word, each_word, fold_into, loose};

/// Collects the words of entries, field by field, into a [`Dictionary`].
#[derive(Debug, Default)]
pub struct Builder {
    words: Words,
    /// Per word, its postings so far; the last is of the last entry that
    /// added the word, whose field bits a new field of it joins.
    lists: Vec<Vec<Posting>>,
    buffer: String,
}

impl Builder {
    /// Adds the words of `text` (not yet folded) to entry `entry`, field bit `bit`.
    pub fn add_text(&mut self, entry: usize, bit: u8, text: &str) {
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.clear();
        fold_into(text, &mut buffer);
        self.add_folded(entry, bit, &buffer);
        self.buffer = buffer;
    }

    /// Adds the words of the folded `text` to entry `entry`, field bit `bit`.
    pub fn add_folded(&mut self, entry: usize, bit: u8, text: &str) {
        each_word(text, |word| self.add_token(entry, bit, word));
    }

    fn add_token(&mut self, entry: usize, bit: u8, word: &str) {
        debug_assert!(entry < MAX_ENTRIES && bit < 8);
        let entry = entry as u32;
        let word = cut_word(word);
        let (id, new) = self.words.intern(word);
        let id = id as usize;
        if new {
            self.lists.push(Vec::new());
        }
        let list = &mut self.lists[id];
        match list.last_mut() {
            Some(last) if *last >> 8 == entry => *last |= 1 << bit,
            _ => list.push(entry << 8 | 1 << bit),
        }
    }

    /// Adds one folded word as it is (not split into words, but cut like
    /// every word to [`MAX_WORD`] chars) to entry `entry`, field bit `bit`.
    ///
    /// [`MAX_WORD`]: crate::fold::MAX_WORD
    pub fn add_word(&mut self, entry: usize, bit: u8, word: &str) {
        self.add_token(entry, bit, word);
    }

    /// Appends the words of `next`, collected from entries that all come
    /// after this builder's.
    pub fn append(&mut self, next: Builder) {
        for (word, list) in next.words.iter().zip(next.lists) {
            let (id, new) = self.words.intern(word);
            if new {
                self.lists.push(list);
            } else {
                self.lists[id as usize].extend_from_slice(&list);
            }
        }
    }

    /// Lets each compound word also count as its two halves, where both
    /// are words of this builder already (see [`super::compound`]): the
    /// entries and fields of `virksomhedsnetvaerk` join those of
    /// `virksomhed` and `netvaerk`. Only the longest-head cut is used.
    pub fn add_compound_parts(&mut self) {
        let mut extra: FxHashMap<u32, Vec<Posting>> = FxHashMap::default();
        let known = |w: &str| self.words.get(w).is_some();
        for (id, word) in self.words.iter().enumerate() {
            if let Some(&(head, tail)) = crate::search::compound::splits(word, &known).first() {
                for part in [head, tail] {
                    if let Some(target) = self.words.get(part) {
                        extra
                            .entry(target)
                            .or_default()
                            .extend_from_slice(&self.lists[id]);
                    }
                }
            }
        }
        for (target, mut added) in extra {
            let list = &mut self.lists[target as usize];
            added.extend_from_slice(list);
            added.sort_unstable_by_key(|&p| p >> 8);
            // One posting per entry, its field bits merged.
            let mut merged: Vec<Posting> = Vec::with_capacity(added.len());
            for posting in added {
                match merged.last_mut() {
                    Some(last) if *last >> 8 == posting >> 8 => *last |= posting,
                    _ => merged.push(posting),
                }
            }
            *list = merged;
        }
    }

    /// Sorts the words and lays everything out for lookups.
    pub fn finish(self) -> Dictionary {
        Builder::finish_parts(self, None)
    }

    /// Lays out the words of `first` and of `second` (collected from the
    /// entries after all of `first`'s) as one dictionary, as if one builder
    /// had collected both: each part's words are sorted on a thread of its
    /// own and merged, and each word's postings are copied once, the first
    /// part's before the second's. A large dictionary also lays out its
    /// postings and computes its stems on threads of their own.
    pub fn finish_parts(first: Builder, second: Option<Builder>) -> Dictionary {
        let second = second.unwrap_or_default();
        let parallel = first.words.len() + second.words.len() >= PARALLEL_FINISH;
        let (firsts, seconds) = (&first.words, &second.words);
        let (words, sources) = std::thread::scope(|scope| {
            let theirs = crate::threads::start(scope, parallel, move || sorted_words(seconds));
            let ours = sorted_words(firsts);
            merge(firsts, &ours, seconds, &theirs.join())
        });
        let (words, sources) = (&words, &sources);
        let lists = (first.lists, second.lists);
        std::thread::scope(|scope| {
            let stems = crate::threads::start(scope, parallel, move || Stems::new(words));
            let postings =
                crate::threads::start(scope, parallel, move || postings_in(sources, lists));
            let mut dict = Dictionary::default();
            let total_bytes: usize = words.iter().map(|w| w.len() + 1).sum::<usize>() + 1;
            dict.blob.reserve(total_bytes);
            dict.blob.push('\n');
            dict.loose_blob.push('\n');
            let mut loose_keys = Vec::with_capacity(words.len());
            for word in words {
                dict.starts.push(dict.blob.len() as u32);
                dict.blob.push_str(word);
                dict.blob.push('\n');
                let key = loose(word);
                dict.loose_starts.push(dict.loose_blob.len() as u32);
                dict.loose_blob.push_str(&key);
                dict.loose_blob.push('\n');
                loose_keys.push(key);
            }
            dict.starts.push(dict.blob.len() as u32);
            dict.loose_starts.push(dict.loose_blob.len() as u32);
            dict.loose_order = sorted_ids(&loose_keys);
            drop(loose_keys);
            dict.letters = words
                .iter()
                .map(|word| crate::search::fuzzy_words::letters(word))
                .collect();
            let stems = stems.join();
            dict.stem_blob = stems.blob;
            dict.stem_starts = stems.starts;
            dict.stem_order = stems.order;
            (dict.post_starts, dict.postings) = postings.join();
            dict
        })
    }
}

/// No word of a part: see [`merge`].
const ABSENT: u32 = u32::MAX;

/// Ids of `words` in the order of the words.
fn sorted_words(words: &Words) -> Vec<u32> {
    order_by(words.len(), |id| words.word(id))
}

/// The distinct words of two parts in sorted order, each with its id in
/// the first part and in the second ([`ABSENT`] when it has none), from
/// each part's words and ids sorted by word.
fn merge<'w>(
    firsts: &'w Words,
    first_order: &[u32],
    seconds: &'w Words,
    second_order: &[u32],
) -> (Vec<&'w str>, Vec<[u32; 2]>) {
    let mut words = Vec::with_capacity(first_order.len().max(second_order.len()));
    let mut sources = Vec::with_capacity(words.capacity());
    let (mut a, mut b) = (
        first_order.iter().peekable(),
        second_order.iter().peekable(),
    );
    loop {
        let (word, source): (&str, [u32; 2]) = match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some(&&x), None) => (firsts.word(x), [x, ABSENT]),
            (None, Some(&&y)) => (seconds.word(y), [ABSENT, y]),
            (Some(&&x), Some(&&y)) => match firsts.word(x).cmp(seconds.word(y)) {
                std::cmp::Ordering::Less => (firsts.word(x), [x, ABSENT]),
                std::cmp::Ordering::Greater => (seconds.word(y), [ABSENT, y]),
                std::cmp::Ordering::Equal => (firsts.word(x), [x, y]),
            },
        };
        if source[0] != ABSENT {
            a.next();
        }
        if source[1] != ABSENT {
            b.next();
        }
        words.push(word);
        sources.push(source);
    }
    (words, sources)
}

/// The postings of the words, word after word as in `sources` (each
/// word's from the first part's lists, then the second's), and where each
/// word's begin (plus the end).
fn postings_in(
    sources: &[[u32; 2]],
    lists: (Vec<Vec<Posting>>, Vec<Vec<Posting>>),
) -> (Vec<usize>, Vec<Posting>) {
    let total = lists.0.iter().chain(&lists.1).map(Vec::len).sum();
    let mut postings = Vec::with_capacity(total);
    let mut starts = Vec::with_capacity(sources.len() + 1);
    starts.push(0);
    for &[x, y] in sources {
        for (id, lists) in [(x, &lists.0), (y, &lists.1)] {
            if id != ABSENT {
                postings.extend_from_slice(&lists[id as usize]);
            }
        }
        starts.push(postings.len());
    }
    (starts, postings)
}

/// From this many words on, [`Builder::finish`] uses more threads: the
/// bundled catalogue's few thousand words are stemmed on a thread of their
/// own while the rest is laid out.
const PARALLEL_FINISH: usize = 2048;

/// Word ids (places in `keys`) sorted by their key.
fn sorted_ids(keys: &[String]) -> Vec<u32> {
    order_by(keys.len(), |id| &keys[id as usize])
}

/// The ids `0..len` sorted by their `key`.
fn order_by<'k>(len: usize, key: impl Fn(u32) -> &'k str) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..len as u32).collect();
    ids.sort_unstable_by(|&a, &b| key(a).cmp(key(b)));
    ids
}

/// The Danish stems of the words, laid out as [`Dictionary`] keeps them.
struct Stems {
    blob: String,
    starts: Vec<u32>,
    order: Vec<u32>,
}

impl Stems {
    /// The stems of the sorted `words`.
    fn new(words: &[&str]) -> Stems {
        let mut blob = String::from("\n");
        let mut starts = Vec::with_capacity(words.len() + 1);
        let mut stems = Vec::with_capacity(words.len());
        for word in words {
            let stem = crate::search::stem::stem(word);
            starts.push(blob.len() as u32);
            blob.push_str(&stem);
            blob.push('\n');
            stems.push(stem);
        }
        starts.push(blob.len() as u32);
        Stems {
            blob,
            starts,
            order: sorted_ids(&stems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A builder of `texts`, the first being entry number `first`.
    fn built(texts: &[String], first: usize) -> Builder {
        let mut b = Builder::default();
        for (i, text) in texts.iter().enumerate() {
            b.add_text(first + i, ((first + i) % 3) as u8, text);
            b.add_text(first + i, 4, "fælles");
        }
        b
    }

    proptest! {
        /// Two parts laid out together give the dictionary one builder of
        /// all their entries gives, whatever the words and the cut.
        #[test]
        fn two_parts_lay_out_as_one(
            texts in proptest::collection::vec("[abæø ]{0,12}", 0..40),
            cut in 0usize..40,
        ) {
            let cut = cut.min(texts.len());
            let whole = built(&texts, 0).finish();
            let parts = Builder::finish_parts(
                built(&texts[..cut], 0),
                Some(built(&texts[cut..], cut)),
            );
            prop_assert_eq!(format!("{parts:?}"), format!("{whole:?}"));
        }
    }

    /// The same, for a dictionary large enough to be laid out on threads.
    #[test]
    fn a_large_dictionary_lays_out_as_one_on_threads() {
        let texts: Vec<String> = (0..12_000)
            .map(|i| format!("ord{i} fælles{} ung{}", i % 7, 11_999 - i))
            .collect();
        let whole = built(&texts, 0).finish();
        assert!(whole.len() >= PARALLEL_FINISH, "{}", whole.len());
        let parts = Builder::finish_parts(
            built(&texts[..5_000], 0),
            Some(built(&texts[5_000..], 5_000)),
        );
        assert_eq!(format!("{parts:?}"), format!("{whole:?}"));
    }
}
