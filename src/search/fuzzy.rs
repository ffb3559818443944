//! Scattered ("fuzzy") matching of a term in a short folded text: the chars
//! of the term in order, with gaps (`mntr` in `mentorordning`).
//!
//! A scatter counts only when it is compact — the shortest stretch of the
//! text holding the term's chars in order is at most [`max_window`] chars —
//! or when the chars are word initials in order, as in an acronym (`dku` in
//! `den kommunale ungeindsats`). Letters strewn over a long name (`angst`
//! across `den kommunale ungeindsats`) do not count.
//!
//! Quality (0–14) grows with compactness (the term's length over the
//! stretch's) and with the stretch starting a word.
//!
//! The search runs this over the distinct words of names and aliases (see
//! `Dictionary::scatter`), not over every name. It replaced SkimMatcherV2:
//! over 100,000 synthetic names Skim took 12–15 ms per pattern against
//! 3–4 ms for this scorer, and over the word dictionary the whole fuzzy pass
//! takes about 1 ms — Skim per name alone was most of a keystroke's budget.

use super::fold::is_word_char;

/// Highest quality of a scattered match.
pub const MAX_QUALITY: u16 = 14;

/// Quality of an acronym match that is not also compact.
const ACRONYM_QUALITY: u16 = 6;

/// Longest stretch (in chars) a compact scatter of `chars` chars may span.
pub fn max_window(chars: usize) -> usize {
    chars + chars / 2 + 2
}

/// A scattered match: its quality and where it lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scatter {
    /// 0–[`MAX_QUALITY`]; higher is better.
    pub quality: u16,
    /// Char index of the first matched char in the text.
    pub start: usize,
    /// Char index of the last matched char (compact matches), or `None` for
    /// an acronym match.
    pub end: Option<usize>,
}

/// The best scattered match of `pattern` in `text` (both folded), if any.
pub fn scatter(pattern: &str, text: &str) -> Option<Scatter> {
    if !is_subsequence(pattern, text) {
        return None;
    }
    let chars = pattern.chars().count();
    let window = if pattern.is_ascii() && text.is_ascii() {
        min_window(pattern.as_bytes(), text.as_bytes())
    } else {
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = text.chars().collect();
        min_window(&p, &t)
    };
    if let Some((start, end)) = window {
        let len = end - start + 1;
        if len <= max_window(chars) {
            let starts_word = start == 0
                || text
                    .chars()
                    .nth(start - 1)
                    .is_some_and(|c| !is_word_char(c));
            let compact = (10 * chars / len) as u16;
            let quality = (compact + 4 * u16::from(starts_word)).min(MAX_QUALITY);
            return Some(Scatter {
                quality,
                start,
                end: Some(end),
            });
        }
    }
    acronym(pattern, text).map(|first| Scatter {
        quality: ACRONYM_QUALITY,
        start: first,
        end: None,
    })
}

/// Char indices in `text` of the chars of `pattern` for the match `found`.
pub fn positions(pattern: &str, text: &str, found: Scatter) -> Vec<usize> {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(p.len());
    match found.end {
        // The alignment that ends at `end` and starts latest: walk back.
        Some(end) => {
            let mut left = p.len();
            let mut k = end.min(t.len().saturating_sub(1));
            while left > 0 {
                if t[k] == p[left - 1] {
                    out.push(k);
                    left -= 1;
                }
                if k == 0 {
                    break;
                }
                k -= 1;
            }
            out.reverse();
        }
        None => {
            let mut wanted = p.iter().peekable();
            let mut prev: Option<char> = None;
            for (k, &c) in t.iter().enumerate() {
                let initial = prev.is_none_or(|p| !is_word_char(p)) && is_word_char(c);
                if initial && wanted.next_if(|&&w| w == c).is_some() {
                    out.push(k);
                }
                prev = Some(c);
            }
        }
    }
    out
}

/// Whether the chars of `pattern` occur in `text` in order.
pub fn is_subsequence(pattern: &str, text: &str) -> bool {
    // Bytes first: a byte subsequence check never misses a char subsequence,
    // and for ASCII (the usual folded text) it is exact.
    let mut rest = text.as_bytes();
    for &p in pattern.as_bytes() {
        match memchr::memchr(p, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    pattern.is_ascii() || {
        let mut text = text.chars();
        pattern.chars().all(|p| text.any(|t| t == p))
    }
}

/// Start and end index of the shortest stretch of `text` holding `pattern`
/// in order (the first of the shortest): forward to the end of the first
/// match, back to its latest start, then on from just after that start.
pub fn min_window<T: PartialEq>(pattern: &[T], text: &[T]) -> Option<(usize, usize)> {
    if pattern.is_empty() {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    let mut from = 0;
    while from < text.len() {
        let mut matched = 0;
        let mut end = None;
        for (k, t) in text.iter().enumerate().skip(from) {
            if *t == pattern[matched] {
                matched += 1;
                if matched == pattern.len() {
                    end = Some(k);
                    break;
                }
            }
        }
        let Some(end) = end else {
            break;
        };
        let mut left = pattern.len();
        let mut start = end;
        loop {
            if text[start] == pattern[left - 1] {
                left -= 1;
                if left == 0 {
                    break;
                }
            }
            start -= 1;
        }
        if best.is_none_or(|(s, e)| end - start < e - s) {
            best = Some((start, end));
        }
        if end - start + 1 == pattern.len() {
            break;
        }
        from = start + 1;
    }
    best
}

/// The char index of the first initial, when the chars of `pattern` are the
/// first chars of words of `text`, in order.
fn acronym(pattern: &str, text: &str) -> Option<usize> {
    let mut wanted = pattern.chars().peekable();
    let mut first = None;
    let mut prev: Option<char> = None;
    for (k, c) in text.chars().enumerate() {
        let initial = prev.is_none_or(|p| !is_word_char(p)) && is_word_char(c);
        if initial && wanted.next_if(|&w| w == c).is_some() {
            first.get_or_insert(k);
        }
        prev = Some(c);
    }
    wanted.peek().is_none().then_some(first).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows() {
        let w = |p: &str, t: &str| min_window(p.as_bytes(), t.as_bytes()).map(|(s, e)| e - s + 1);
        assert_eq!(w("mntr", "mentorordning"), Some(6));
        assert_eq!(w("ab", "a x a b"), Some(3));
        assert_eq!(w("xyz", "abc"), None);
        assert_eq!(w("ab", "ab xxxx ab"), Some(2));
        assert_eq!(w("ab", "a xxxx ab"), Some(2));
        assert_eq!(w("aa", "a x a a"), Some(3));
        let p: Vec<char> = "øl".chars().collect();
        let t: Vec<char> = "ø x øl".chars().collect();
        assert_eq!(min_window(&p, &t), Some((4, 5)));
    }

    #[test]
    fn compact_scatters_and_acronyms_count() {
        assert!(scatter("mntr", "mentorordning").is_some());
        assert!(scatter("ungind", "ungeindsats").is_some());
        assert!(scatter("dku", "den kommunale ungeindsats").is_some_and(|s| s.end.is_none()));
        assert!(scatter("angst", "den kommunale ungeindsats (kui)").is_none());
        assert!(scatter("talent", "det sociale netvaerk").is_none());
        assert!(scatter("rtnem", "mentorordning").is_none());
    }

    #[test]
    fn quality_prefers_compact_and_word_starts() {
        let q = |p: &str, t: &str| scatter(p, t).map(|s| s.quality).unwrap_or(0);
        assert!(q("mntr", "mentor") > q("mntr", "xmxextxr"));
        assert!(q("mntr", "mentor") > q("mntr", "xmentor"));
        assert!(q("abc", "abc") <= MAX_QUALITY);
    }

    #[test]
    fn positions_of_matches() {
        let at = |p: &str, t: &str| scatter(p, t).map(|s| positions(p, t, s));
        assert_eq!(at("mntr", "mentorordning"), Some(vec![0, 2, 3, 5]));
        assert_eq!(at("dku", "den kommunale ungeindsats"), Some(vec![0, 4, 14]));
        assert_eq!(at("øs", "x øst"), Some(vec![2, 3]));
    }
}
