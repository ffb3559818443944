//! A token dictionary: the distinct folded words of some fields of every
//! entry, each with its postings (the entries and fields it occurs in).
//!
//! Matching a query piece scans the distinct words once — a binary search for
//! whole words and prefixes, one substring search over all words laid end to
//! end for inner substrings and suffixes — and then walks the postings of the
//! words that matched. The cost per keystroke therefore grows with the number
//! of distinct words and of entries that match, not with the length of the
//! texts. A word is kept by its first [`MAX_WORD`] chars ([`cut_word`]), as
//! a query's words are read, so no word costs more than that.
//!
//! [`MAX_WORD`]: crate::fold::MAX_WORD

use rustc_hash::FxHashMap;

use super::fold::{cut_word, fold_into, loose, words};
use super::query::{Mode, Piece};
use super::score::Tier;

/// Most entries a dictionary can index: a posting packs the entry index into
/// 24 bits (far above what a 256 MB catalogue file can hold).
pub const MAX_ENTRIES: usize = 1 << 24;

/// A posting: `entry << 8 | mask`, where bit `i` of the mask is the `i`-th
/// field the dictionary was built for.
pub type Posting = u32;

/// Splits a posting into its entry index and local field mask.
pub fn unpack(posting: Posting) -> (usize, u8) {
    ((posting >> 8) as usize, posting as u8)
}

/// How a word matched a piece: tier and key, ordered worst to best.
///
/// `1 + 2 * tier + strict`: a loose match ranks just below the strict match
/// of the same tier. 0 means no match.
pub type Grade = u8;

/// The grade of a match.
pub fn grade(tier: Tier, loose: bool) -> Grade {
    1 + 2 * tier as u8 + u8::from(!loose)
}

/// The tier and looseness of a non-zero grade.
pub fn ungrade(grade: Grade) -> (Tier, bool) {
    let g = grade.saturating_sub(1);
    let tier = match g / 2 {
        0 => Tier::Substring,
        1 => Tier::Prefix,
        _ => Tier::Exact,
    };
    (tier, g % 2 == 0)
}

/// Highest grade.
pub const GRADES: usize = 7;

/// The words of some fields of all entries, sorted, with postings.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// `\n` + every word followed by `\n`, in sorted order.
    blob: String,
    /// Byte offset of each word in `blob`, plus one past the end.
    starts: Vec<u32>,
    /// The same for the loose keys of the words (same word order).
    loose_blob: String,
    /// Byte offset of each loose key in `loose_blob`, plus one past the end.
    loose_starts: Vec<u32>,
    /// Word ids sorted by loose key.
    loose_order: Vec<u32>,
    /// The same for the Danish stems of the words ([`super::stem::stem`]).
    stem_blob: String,
    /// Byte offset of each stem in `stem_blob`, plus one past the end.
    stem_starts: Vec<u32>,
    /// Word ids sorted by stem.
    stem_order: Vec<u32>,
    /// Per word: the set of its letters ([`super::fuzzy_words::letters`]),
    /// to pick the candidates of a fuzzy match without looking at the rest.
    letters: Vec<u32>,
    /// Offset of each word's postings in `postings`, plus the end.
    post_starts: Vec<usize>,
    /// Postings of all words, word after word, each in entry order.
    postings: Vec<Posting>,
}

/// One of the two keys of the words, for lookups.
struct Keys<'a> {
    blob: &'a str,
    starts: &'a [u32],
    /// Word ids in key order; `None` when the ids are already in key order.
    order: Option<&'a [u32]>,
}

impl<'a> Keys<'a> {
    fn key(&self, id: u32) -> &'a str {
        let id = id as usize;
        &self.blob[self.starts[id] as usize..self.starts[id + 1] as usize - 1]
    }

    fn id_at_rank(&self, rank: usize) -> u32 {
        self.order.map_or(rank as u32, |order| order[rank])
    }

    fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The word containing byte `at` of the blob.
    fn id_at_byte(&self, at: usize) -> u32 {
        (self.starts.partition_point(|&s| s as usize <= at) - 1) as u32
    }

    /// Calls `offer` for every word matching `piece` under `mode`.
    fn lookup(
        &self,
        piece: &str,
        mode: Mode,
        substring: bool,
        loose: bool,
        offer: &mut impl FnMut(u32, Grade),
    ) {
        if piece.is_empty() {
            return;
        }
        let prefixes = matches!(mode, Mode::Fuzzy | Mode::Substring | Mode::Prefix);
        // Whole words and prefixes: a range of the sorted keys.
        let first = partition(self.len(), |rank| self.key(self.id_at_rank(rank)) < piece);
        for rank in first..self.len() {
            let id = self.id_at_rank(rank);
            let key = self.key(id);
            if !key.starts_with(piece) {
                break;
            }
            if key.len() == piece.len() {
                offer(id, grade(Tier::Exact, loose));
            } else if prefixes {
                offer(id, grade(Tier::Prefix, loose));
            } else {
                break;
            }
        }
        // Inner substrings and suffixes: one pass over the blob.
        let pattern;
        let needle = match mode {
            Mode::Suffix => {
                pattern = format!("{piece}\n");
                pattern.as_str()
            }
            _ if substring => piece,
            _ => return,
        };
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let blob = self.blob.as_bytes();
        let mut from = 0;
        while let Some(found) = blob.get(from..).and_then(|rest| finder.find(rest)) {
            let at = from + found;
            let id = self.id_at_byte(at);
            if at != self.starts[id as usize] as usize {
                offer(id, grade(Tier::Substring, loose));
            }
            from = self.starts[id as usize + 1] as usize;
        }
    }
}

/// First index in `0..len` for which `before` is false (`before` must be
/// true for a prefix of the range and false after it).
fn partition(len: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// Shortest stem (in chars) of an inflected word that meets the compounds
/// it begins.
const MIN_COMPOUND_STEM: usize = 5;

/// Longest ending (in bytes) stripped from a word whose stem meets the
/// compounds it begins: a short inflection (`-et`, `-en`, `-er`), not a
/// derivation (`virksomheder`, stem `virksom`, is not about everything
/// "virksom…").
const MAX_COMPOUND_ENDING: usize = 2;

impl Dictionary {
    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Total number of postings.
    pub fn postings_len(&self) -> usize {
        self.postings.len()
    }

    fn strict_keys(&self) -> Keys<'_> {
        Keys {
            blob: &self.blob,
            starts: &self.starts,
            order: None,
        }
    }

    fn loose_keys(&self) -> Keys<'_> {
        Keys {
            blob: &self.loose_blob,
            starts: &self.loose_starts,
            order: Some(&self.loose_order),
        }
    }

    fn stem_keys(&self) -> Keys<'_> {
        Keys {
            blob: &self.stem_blob,
            starts: &self.stem_starts,
            order: Some(&self.stem_order),
        }
    }

    /// The letter set of the word with this id.
    pub fn letters(&self, id: u32) -> u32 {
        self.letters.get(id as usize).copied().unwrap_or(0)
    }

    /// The word with this id.
    pub fn word(&self, id: u32) -> &str {
        self.strict_keys().key(id)
    }

    /// The words matching `piece` under `mode`, each once with its best grade.
    /// Inner substrings count only when `substring` is set.
    pub fn lookup(&self, piece: &Piece, mode: Mode, substring: bool) -> Vec<(u32, Grade)> {
        // The offers, then the best grade per word: no table the size of
        // the dictionary per lookup (a few hundred offers at most, against
        // hundreds of thousands of words).
        let mut found: Vec<(u32, Grade)> = Vec::new();
        let mut offer = |id: u32, grade: Grade| found.push((id, grade));
        self.strict_keys()
            .lookup(&piece.strict, mode, substring, false, &mut offer);
        // Collapsing doubled letters can shrink a term to one letter (`uu`
        // to `u`), which begins or sits inside nearly every word: the strict
        // key alone reads such a term.
        if piece.loose.chars().nth(1).is_some() || piece.loose == piece.strict {
            self.loose_keys()
                .lookup(&piece.loose, mode, substring, true, &mut offer);
        }
        // A plain term also meets other forms of its word (`klausuler` for
        // `klausul`), as a whole word by the loose grade.
        // An inflected word's stem also begins compounds (`gymnasiet`,
        // stem `gymnasi`, meets "gymnasiefag"), when long enough to say
        // something.
        if mode == Mode::Fuzzy && self.stem_starts.len() > 1 {
            let ending = piece.strict.len().saturating_sub(piece.stem.len());
            let compound = (1..=MAX_COMPOUND_ENDING).contains(&ending)
                && piece.stem.chars().count() >= MIN_COMPOUND_STEM;
            let stem_mode = if compound { Mode::Prefix } else { Mode::Word };
            self.stem_keys()
                .lookup(&piece.stem, stem_mode, false, true, &mut offer);
        }
        // Best grade first within a word, then keep one per word.
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        found.dedup_by_key(|f| f.0);
        found
    }

    /// The postings of a word.
    pub fn postings(&self, id: u32) -> &[Posting] {
        let id = id as usize;
        &self.postings[self.post_starts[id]..self.post_starts[id + 1]]
    }
}

/// Collects the words of entries, field by field, into a [`Dictionary`].
#[derive(Debug, Default)]
pub struct Builder {
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    lists: Vec<Vec<Posting>>,
    /// The last entry that added each word, to merge its field bits.
    last_entry: Vec<u32>,
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
        self.add_tokens(entry, bit, words(text));
    }

    fn add_tokens<'a>(&mut self, entry: usize, bit: u8, tokens: impl Iterator<Item = &'a str>) {
        debug_assert!(entry < MAX_ENTRIES && bit < 8);
        let entry = entry as u32;
        let mask = 1u32 << bit;
        for word in tokens {
            let word = cut_word(word);
            let id = match self.ids.get(word) {
                Some(&id) => id as usize,
                None => {
                    let id = self.words.len();
                    self.ids.insert(word.into(), id as u32);
                    self.words.push(word.into());
                    self.lists.push(Vec::new());
                    self.last_entry.push(u32::MAX);
                    id
                }
            };
            let list = &mut self.lists[id];
            match list.last_mut() {
                Some(last) if self.last_entry[id] == entry => *last |= mask,
                _ => {
                    list.push(entry << 8 | mask);
                    self.last_entry[id] = entry;
                }
            }
        }
    }

    /// Adds one folded word as it is (not split into words, but cut like
    /// every word to [`MAX_WORD`] chars) to entry `entry`, field bit `bit`.
    ///
    /// [`MAX_WORD`]: crate::fold::MAX_WORD
    pub fn add_word(&mut self, entry: usize, bit: u8, word: &str) {
        self.add_tokens(entry, bit, std::iter::once(word));
    }

    /// Appends the words of `next`, collected from entries that all come
    /// after this builder's.
    pub fn append(&mut self, next: Builder) {
        for (word, list) in next.words.into_iter().zip(next.lists) {
            let last = list.last().map_or(u32::MAX, |&p| p >> 8);
            match self.ids.get(&word) {
                Some(&id) => {
                    let id = id as usize;
                    self.lists[id].extend_from_slice(&list);
                    self.last_entry[id] = last;
                }
                None => {
                    self.ids.insert(word.clone(), self.words.len() as u32);
                    self.words.push(word);
                    self.lists.push(list);
                    self.last_entry.push(last);
                }
            }
        }
    }

    /// Lets each compound word also count as its two halves, where both
    /// are words of this builder already (see [`super::compound`]): the
    /// entries and fields of `virksomhedsnetvaerk` join those of
    /// `virksomhed` and `netvaerk`. Only the longest-head cut is used.
    pub fn add_compound_parts(&mut self) {
        let mut extra: FxHashMap<u32, Vec<Posting>> = FxHashMap::default();
        let known = |w: &str| self.ids.contains_key(w);
        for (id, word) in self.words.iter().enumerate() {
            if let Some(&(head, tail)) = super::compound::splits(word, &known).first() {
                for part in [head, tail] {
                    if let Some(&target) = self.ids.get(part) {
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
            if let Some(&last) = merged.last() {
                self.last_entry[target as usize] = last >> 8;
            }
            *list = merged;
        }
    }

    /// Sorts the words and lays everything out for lookups. A large
    /// dictionary lays out its postings and computes its stems on threads
    /// of their own meanwhile.
    pub fn finish(self) -> Dictionary {
        let Builder { words, lists, .. } = self;
        let mut order: Vec<usize> = (0..words.len()).collect();
        order.sort_unstable_by(|&a, &b| words[a].cmp(&words[b]));
        let (words, order) = (&words, &order);
        let parallel = words.len() >= PARALLEL_FINISH;
        std::thread::scope(|scope| {
            let stems = crate::threads::start(scope, parallel, move || Stems::new(words, order));
            let postings =
                crate::threads::start(scope, parallel, move || postings_in(order, lists));
            let mut dict = Dictionary::default();
            let total_bytes: usize = words.iter().map(|w| w.len() + 1).sum::<usize>() + 1;
            dict.blob.reserve(total_bytes);
            dict.blob.push('\n');
            dict.loose_blob.push('\n');
            let mut loose_keys = Vec::with_capacity(words.len());
            for &old in order {
                dict.starts.push(dict.blob.len() as u32);
                dict.blob.push_str(&words[old]);
                dict.blob.push('\n');
                let key = loose(&words[old]);
                dict.loose_starts.push(dict.loose_blob.len() as u32);
                dict.loose_blob.push_str(&key);
                dict.loose_blob.push('\n');
                loose_keys.push(key);
            }
            dict.starts.push(dict.blob.len() as u32);
            dict.loose_starts.push(dict.loose_blob.len() as u32);
            dict.loose_order = sorted_ids(&loose_keys);
            drop(loose_keys);
            dict.letters = order
                .iter()
                .map(|&old| super::fuzzy_words::letters(&words[old]))
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

/// The postings of the words, word after word in the sorted `order`, and
/// where each word's begin (plus the end).
fn postings_in(order: &[usize], lists: Vec<Vec<Posting>>) -> (Vec<usize>, Vec<Posting>) {
    let mut postings = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut starts = Vec::with_capacity(order.len() + 1);
    starts.push(0);
    for &old in order {
        postings.extend_from_slice(&lists[old]);
        starts.push(postings.len());
    }
    (starts, postings)
}

/// From this many words on, [`Builder::finish`] uses more threads.
const PARALLEL_FINISH: usize = 16_384;

/// Word ids (places in `keys`) sorted by their key.
fn sorted_ids(keys: &[String]) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..keys.len() as u32).collect();
    ids.sort_unstable_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
    ids
}

/// The Danish stems of the words, laid out as [`Dictionary`] keeps them.
struct Stems {
    blob: String,
    starts: Vec<u32>,
    order: Vec<u32>,
}

impl Stems {
    /// The stems of `words`, in the sorted `order`.
    fn new(words: &[Box<str>], order: &[usize]) -> Stems {
        let mut blob = String::from("\n");
        let mut starts = Vec::with_capacity(words.len() + 1);
        let mut stems = Vec::with_capacity(words.len());
        for &old in order {
            let stem = super::stem::stem(&words[old]);
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
    use crate::search::query::parse;

    fn dict(texts: &[&str]) -> Dictionary {
        let mut b = Builder::default();
        for (entry, text) in texts.iter().enumerate() {
            b.add_text(entry, 0, text);
            b.add_text(entry, 1, "fælles");
        }
        b.finish()
    }

    fn found(d: &Dictionary, q: &str, substring: bool) -> Vec<(String, Tier, bool)> {
        let term = parse(q).positive.remove(0);
        let mut out: Vec<_> = d
            .lookup(&term.pieces[0], term.mode, substring)
            .into_iter()
            .map(|(id, g)| {
                let (tier, loose) = ungrade(g);
                (d.word(id).to_owned(), tier, loose)
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    #[test]
    fn grades_order_tiers_then_keys() {
        let mut all = Vec::new();
        for tier in [Tier::Substring, Tier::Prefix, Tier::Exact] {
            for loose in [true, false] {
                all.push(grade(tier, loose));
                assert_eq!(ungrade(grade(tier, loose)), (tier, loose));
            }
        }
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(usize::from(*all.last().unwrap_or(&0)), GRADES - 1);
    }

    #[test]
    fn words_postings_and_masks() {
        let d = dict(&["Ung i Østjylland", "ungeindsats og ung", "Aarhus"]);
        assert_eq!(d.len(), 7);
        let id = d.lookup(&parse("ung").positive[0].pieces[0], Mode::Word, false)[0].0;
        assert_eq!(d.postings(id), &[1, 1 << 8 | 1]);
        let id = d.lookup(&parse("faelles").positive[0].pieces[0], Mode::Word, false)[0].0;
        assert_eq!(
            d.postings(id)
                .iter()
                .map(|&p| unpack(p))
                .collect::<Vec<_>>(),
            vec![(0, 2), (1, 2), (2, 2)]
        );
    }

    #[test]
    fn lookups_by_mode() {
        let d = dict(&["ung ungeindsats boligindsats Østjylland Århus"]);
        let s = |w: &str, t, l| (w.to_owned(), t, l);
        assert_eq!(
            found(&d, "ung", false),
            vec![
                s("ung", Tier::Exact, false),
                s("ungeindsats", Tier::Prefix, false)
            ]
        );
        assert_eq!(
            found(&d, "^ung$", false),
            vec![s("ung", Tier::Exact, false)]
        );
        assert_eq!(
            found(&d, "indsats$", false),
            vec![
                s("boligindsats", Tier::Substring, false),
                s("ungeindsats", Tier::Substring, false)
            ]
        );
        assert_eq!(found(&d, "geind", false), vec![]);
        assert_eq!(
            found(&d, "geind", true),
            vec![s("ungeindsats", Tier::Substring, false)]
        );
        assert_eq!(
            found(&d, "ostjylland", false),
            vec![s("oestjylland", Tier::Exact, true)]
        );
        assert_eq!(
            found(&d, "Østjylland", false),
            vec![s("oestjylland", Tier::Exact, false)]
        );
        assert_eq!(
            found(&d, "arhus", false),
            vec![s("aarhus", Tier::Exact, true)]
        );
        assert_eq!(
            found(&d, "^oest", false),
            vec![s("oestjylland", Tier::Prefix, false)]
        );
        assert_eq!(found(&d, "xyz", true), vec![]);
    }

    #[test]
    fn appended_builders_equal_one_builder() {
        let texts = ["ung i job", "mentor og job", "ung mentor", "job"];
        let mut whole = Builder::default();
        let mut first = Builder::default();
        let mut second = Builder::default();
        for (e, text) in texts.iter().enumerate() {
            whole.add_text(e, 0, text);
            whole.add_text(e, 1, "fælles ung");
            let half = if e < 2 { &mut first } else { &mut second };
            half.add_text(e, 0, text);
            half.add_text(e, 1, "fælles ung");
        }
        first.append(second);
        let (a, b) = (whole.finish(), first.finish());
        assert_eq!(a.len(), b.len());
        for id in 0..a.len() as u32 {
            assert_eq!(a.word(id), b.word(id));
            assert_eq!(a.postings(id), b.postings(id));
        }
    }
}
