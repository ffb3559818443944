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

mod builder;
mod words;
pub use builder::Builder;

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

    /// The id of `word` (folded, cut as words are), when it is one of the
    /// dictionary's words.
    pub fn id_of(&self, word: &str) -> Option<u32> {
        let keys = self.strict_keys();
        let rank = partition(keys.len(), |rank| keys.key(rank as u32) < word);
        (rank < keys.len() && keys.key(rank as u32) == word).then_some(rank as u32)
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

    #[test]
    fn a_word_is_found_by_itself_and_nothing_else_is() {
        let d = dict(&["ung mentor", "mentorforløb ungdom", "ø"]);
        for id in 0..d.len() as u32 {
            assert_eq!(d.id_of(d.word(id)), Some(id), "{}", d.word(id));
        }
        for other in ["", "un", "mentorer", "zzz", "faelle"] {
            assert_eq!(d.id_of(other), None, "{other}");
        }
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
