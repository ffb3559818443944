//! Fuzzy matching of a query word against the distinct words of a short
//! field (names, aliases, keywords): scattered letters (`mntr` in
//! `mentorbarn`) scored by `fuzzy-matcher`'s Skim algorithm, and one slip
//! (`mentro`, `talentspejdrne`, `psykatri`) by optimal string alignment.
//!
//! The index picks the candidates first, so the cost grows with them and
//! not with the catalogue: each distinct word carries a precomputed set of
//! its letters ([`letters`]); a scattered match needs every letter of the
//! pattern in the word, a slip at most two letters of difference, and only
//! those words reach the scorer.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::dictionary::Dictionary;
use super::fold::cut_word;

/// Best quality of a scattered match.
pub const MAX_QUALITY: u16 = 14;

/// Shortest pattern (in chars) tried for a slip; shorter words have too many
/// neighbours one edit away.
pub const MIN_SLIP: usize = 5;

/// How a word matched fuzzily.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fuzzy {
    /// The pattern's letters scattered over the word, with a quality
    /// (0–[`MAX_QUALITY`]).
    Scattered(u16),
    /// The word itself, one slip away (a letter wrong, missing, extra or
    /// two swapped): scored like the word.
    Slip,
}

/// A Skim score below this share of a perfect match (per cent) does not count:
/// letters strewn over a long word are not what was meant.
const MIN_SHARE: i64 = 45;

/// The set of letters of a folded word: bit `c - 'a'` for ASCII letters,
/// bit 26 for digits, bit 27 for anything else.
pub fn letters(word: &str) -> u32 {
    word.bytes().fold(0, |set, b| {
        set | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << 26,
            _ => 1 << 27,
        }
    })
}

/// The words of `dict` that `pattern` (folded, cut to [`MAX_WORD`] chars
/// like the words) matches fuzzily: one slip away, or (with `scatters`)
/// with its letters scattered over the word. Words holding the pattern as a
/// plain substring are left out when `skip_substrings` is set: their
/// entries matched better already. Both the Skim alignment and the edit
/// distance cost the product of two lengths, each at most `MAX_WORD`.
///
/// [`MAX_WORD`]: crate::fold::MAX_WORD
pub fn fuzzy(
    dict: &Dictionary,
    pattern: &str,
    skip_substrings: bool,
    scatters: bool,
) -> Vec<(u32, Fuzzy)> {
    let pattern = cut_word(pattern);
    let mut found = Vec::new();
    if pattern.is_empty() {
        return found;
    }
    let wanted = letters(pattern);
    let chars = pattern.chars().count();
    let slips = chars >= MIN_SLIP;
    let skim = SkimMatcherV2::default();
    let perfect = skim.fuzzy_match(pattern, pattern).unwrap_or(1).max(1);
    for id in 0..dict.len() as u32 {
        let have = dict.letters(id);
        let scatter_candidate = scatters && have & wanted == wanted;
        let slip_candidate = slips && (have ^ wanted).count_ones() <= 2;
        if !scatter_candidate && !slip_candidate {
            continue;
        }
        let word = dict.word(id);
        if skip_substrings && word.contains(pattern) {
            continue;
        }
        let scattered = if scatter_candidate {
            skim.fuzzy_match(word, pattern)
                .map(|score| score * 100 / perfect)
                .filter(|&share| share >= MIN_SHARE)
                .map(|share| (share as u16 * MAX_QUALITY / 100).min(MAX_QUALITY))
        } else {
            None
        };
        // The word itself, or its start (`mentro` for `mentorbarn`).
        let slip = slip_candidate
            && (word.len().abs_diff(pattern.len()) <= 1
                && strsim::osa_distance(word, pattern) <= 1
                || word.len() > pattern.len() + 1 && {
                    let end = word
                        .char_indices()
                        .nth(chars)
                        .map_or(word.len(), |(i, _)| i);
                    strsim::osa_distance(&word[..end], pattern) <= 1
                });
        if slip {
            found.push((id, Fuzzy::Slip));
        } else if let Some(quality) = scattered {
            found.push((id, Fuzzy::Scattered(quality)));
        }
    }
    found
}

/// Char positions in `text` (folded) of the best scattered match of
/// `pattern` (cut to [`MAX_WORD`] chars), for highlighting; empty when there
/// is none. Costs the text's length times the pattern's: the caller bounds
/// the text.
///
/// [`MAX_WORD`]: crate::fold::MAX_WORD
pub fn positions(pattern: &str, text: &str) -> Vec<usize> {
    SkimMatcherV2::default()
        .fuzzy_indices(text, cut_word(pattern))
        .map(|(_, at)| at)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::dictionary::Builder;

    fn dict(words: &[&str]) -> Dictionary {
        let mut b = Builder::default();
        for (e, w) in words.iter().enumerate() {
            b.add_text(e, 0, w);
        }
        b.finish()
    }

    fn matched(d: &Dictionary, pattern: &str) -> Vec<String> {
        let mut words: Vec<String> = fuzzy(d, pattern, true, true)
            .into_iter()
            .map(|(id, _)| d.word(id).to_owned())
            .collect();
        words.sort();
        words
    }

    #[test]
    fn letter_sets() {
        assert_eq!(letters("abc"), 0b111);
        assert_eq!(letters("cab"), letters("abc"));
        assert_eq!(letters("a1"), 1 | 1 << 26);
        assert_eq!(letters("ø"), 1 << 27);
    }

    #[test]
    fn scattered_letters_and_one_slip_match() {
        let d = dict(&[
            "mentorbarn",
            "talentspejderne",
            "psykiatri",
            "ungeindsats",
            "skive",
        ]);
        assert_eq!(matched(&d, "mntrbarn"), ["mentorbarn"]);
        assert_eq!(matched(&d, "talentspejdrne"), ["talentspejderne"]);
        assert_eq!(matched(&d, "psykatri"), ["psykiatri"]);
        assert_eq!(matched(&d, "skvie"), ["skive"]);
        // A plain substring matched better already.
        assert!(matched(&d, "mentor").is_empty());
        // Letters strewn over a long word do not count.
        assert!(matched(&d, "adst").is_empty());
    }

    #[test]
    fn a_slip_in_a_word_of_the_same_length() {
        let d = dict(&["mentor", "mentorer"]);
        assert_eq!(matched(&d, "mentro"), ["mentor", "mentorer"]);
        let d = dict(&["mentorbarn"]);
        assert_eq!(matched(&d, "mentorbarm"), ["mentorbarn"]);
        // The start of a longer word, misspelt.
        assert_eq!(matched(&d, "mentro"), ["mentorbarn"]);
        let slips = fuzzy(&d, "mentorbarm", true, false);
        assert_eq!(slips, [(0, Fuzzy::Slip)]);
    }

    #[test]
    fn positions_for_highlighting() {
        assert_eq!(positions("mntr", "mentor"), [0, 2, 3, 5]);
        assert!(positions("xyz", "mentor").is_empty());
    }
}
