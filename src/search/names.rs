//! The short fields — name and aliases — kept folded per entry, for the
//! scattered fuzzy match and for the highlight positions in the name.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::Field;
use super::fold::{fold_with_map, is_word_char, loose_with_map};
use super::query::{Mode, Term};
use super::score::{MIN_FUZZY, Tier, fuzzy_points};

/// Least raw SkimMatcherV2 score per pattern char for a fuzzy match to count;
/// below it the letters are scattered too thinly to mean anything.
const MIN_FUZZY_PER_CHAR: i64 = 8;

/// One entry's name and aliases, folded.
#[derive(Debug, Clone)]
pub struct EntryNames {
    /// The strict folded name.
    name: Box<str>,
    /// For each byte of `name`, the char index in the original name; `None`
    /// when that is the byte index itself (an ASCII name).
    map: Option<Box<[u32]>>,
    /// The strict folded aliases.
    aliases: Box<[Box<str>]>,
    /// Which chars occur in name or aliases (see [`char_mask`]).
    chars: u64,
}

impl EntryNames {
    /// Folds an entry's name and aliases.
    pub fn new(name: &str, aliases: &[String]) -> EntryNames {
        let (folded, map) = fold_with_map(name);
        let identity = map.iter().enumerate().all(|(i, &m)| i as u32 == m);
        let aliases: Box<[Box<str>]> = aliases
            .iter()
            .map(|a| super::fold::fold(a).into_boxed_str())
            .collect();
        let mut chars = char_mask(&folded);
        for alias in aliases.iter() {
            chars |= char_mask(alias);
        }
        EntryNames {
            name: folded.into_boxed_str(),
            map: (!identity).then(|| map.into_boxed_slice()),
            aliases,
            chars,
        }
    }

    /// The strict folded name.
    pub fn folded(&self) -> &str {
        &self.name
    }

    /// The best scattered fuzzy match of `pattern` (letters and digits only)
    /// in the name or an alias: its points and field.
    pub fn fuzzy(&self, matcher: &SkimMatcherV2, pattern: &str, mask: u64) -> Option<(u16, Field)> {
        if self.chars & mask != mask {
            return None;
        }
        let chars = pattern.chars().count();
        let candidates = std::iter::once((Field::Name, &*self.name))
            .chain(self.aliases.iter().map(|a| (Field::Alias, &**a)));
        candidates
            .filter(|(_, text)| fuzzy_candidate(pattern, text))
            .filter_map(|(field, text)| {
                let (raw, _) = matcher.fuzzy(text, pattern, false)?;
                (raw >= MIN_FUZZY_PER_CHAR * chars as i64)
                    .then(|| (fuzzy_points(field, raw, chars), field))
            })
            .max()
    }

    /// Char indices of the original name that `terms` matched, sorted and
    /// deduplicated: each piece's best occurrence, by the strict key, else the
    /// loose key, else (plain terms) the fuzzy alignment.
    pub fn positions<'a>(
        &self,
        matcher: &SkimMatcherV2,
        terms: impl IntoIterator<Item = &'a Term>,
    ) -> Vec<usize> {
        let mut bytes: Vec<u32> = Vec::new();
        let mut loose: Option<(String, Vec<u32>)> = None;
        for term in terms {
            let mut term_bytes: Vec<u32> = Vec::new();
            let mut all = true;
            for piece in &term.pieces {
                if let Some(at) = best_occurrence(&self.name, &piece.strict, term.mode) {
                    term_bytes.extend(at as u32..(at + piece.strict.len()) as u32);
                    continue;
                }
                let (lkey, lmap) = loose.get_or_insert_with(|| {
                    let identity: Vec<u32>;
                    let map = match &self.map {
                        Some(map) => &map[..],
                        None => {
                            identity = (0..self.name.len() as u32).collect();
                            &identity[..]
                        }
                    };
                    loose_with_map(&self.name, map)
                });
                match best_occurrence(lkey, &piece.loose, term.mode) {
                    // Loose keys map straight to original chars; highlight
                    // the whole original stretch, collapsed letters too.
                    Some(at) => {
                        let first = lmap[at];
                        let last = lmap[at + piece.loose.len() - 1];
                        term_bytes.extend((first..=last).map(|c| self.byte_of_char(c)));
                    }
                    None => all = false,
                }
            }
            if all {
                bytes.extend(term_bytes);
            } else if term.mode == Mode::Fuzzy && term.char_len() >= MIN_FUZZY {
                let pattern = term.joined();
                let fuzzy = fuzzy_candidate(&pattern, &self.name)
                    .then(|| matcher.fuzzy(&self.name, &pattern, true))
                    .flatten()
                    .filter(|(raw, _)| *raw >= MIN_FUZZY_PER_CHAR * term.char_len() as i64);
                if let Some((_, indices)) = fuzzy {
                    let starts: Vec<usize> = self.name.char_indices().map(|(b, _)| b).collect();
                    bytes.extend(
                        indices
                            .iter()
                            .filter_map(|&i| starts.get(i))
                            .map(|&b| b as u32),
                    );
                }
            }
        }
        let mut chars: Vec<usize> = bytes.into_iter().map(|b| self.char_of_byte(b)).collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    }

    /// The original char index a byte of the folded name stems from.
    fn char_of_byte(&self, byte: u32) -> usize {
        match &self.map {
            Some(map) => map.get(byte as usize).copied().unwrap_or_default() as usize,
            None => byte as usize,
        }
    }

    /// A byte of the folded name that stems from original char `c` (the
    /// inverse of [`Self::char_of_byte`] as far as highlighting needs).
    fn byte_of_char(&self, c: u32) -> u32 {
        match &self.map {
            Some(map) => map.partition_point(|&m| m < c) as u32,
            None => c,
        }
    }
}

/// A 64-bit summary of which chars occur in `text`: a pattern can only be a
/// subsequence of a text whose mask includes the pattern's mask.
pub fn char_mask(text: &str) -> u64 {
    text.chars().fold(0, |mask, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 36 + c as u32 % 28,
        };
        mask | 1 << bit
    })
}

/// Whether the chars of `pattern` occur in `text` in order.
pub fn is_subsequence(pattern: &str, text: &str) -> bool {
    let mut text = text.chars();
    pattern.chars().all(|p| text.any(|t| t == p))
}

/// Whether `pattern` may count as a scattered fuzzy match in `text`: its
/// chars occur in order, and either within a window not much longer than the
/// pattern (`mntr` in `mentor`) or each at the start of a word, as in an
/// acronym (`dku` in `den kommunale ungeindsats`). Letters strewn over a
/// long name (`angst` across `den kommunale ungeindsats`) do not count.
pub fn fuzzy_candidate(pattern: &str, text: &str) -> bool {
    if !is_subsequence(pattern, text) {
        return false;
    }
    let chars = pattern.chars().count();
    min_window(pattern, text).is_some_and(|w| w <= chars + chars / 2 + 2)
        || is_acronym(pattern, text)
}

/// Length in chars of the shortest stretch of `text` containing the chars
/// of `pattern` in order.
fn min_window(pattern: &str, text: &str) -> Option<usize> {
    let first = pattern.chars().next()?;
    let rest = &pattern[first.len_utf8()..];
    let mut best: Option<usize> = None;
    for (at, c) in text.char_indices() {
        if c != first {
            continue;
        }
        let mut used = 1;
        let mut tail = text[at + c.len_utf8()..].chars();
        let found = rest.chars().all(|p| {
            tail.by_ref().any(|t| {
                used += 1;
                t == p
            })
        });
        if !found {
            break;
        }
        if best.is_none_or(|b| used < b) {
            best = Some(used);
        }
    }
    best
}

/// Whether the chars of `pattern` are the first chars of words of `text`, in order.
fn is_acronym(pattern: &str, text: &str) -> bool {
    let mut initials = super::fold::words(text).filter_map(|w| w.chars().next());
    pattern.chars().all(|p| initials.any(|i| i == p))
}

/// The byte offset of the best occurrence of `piece` in `text` allowed by
/// `mode`: a whole word before a word start before anything else, earliest
/// first.
pub fn best_occurrence(text: &str, piece: &str, mode: Mode) -> Option<usize> {
    if piece.is_empty() {
        return None;
    }
    let mut best: Option<(Tier, usize)> = None;
    for (at, _) in text.match_indices(piece) {
        let starts = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let ends = text[at + piece.len()..]
            .chars()
            .next()
            .is_none_or(|c| !is_word_char(c));
        let allowed = match mode {
            Mode::Word => starts && ends,
            Mode::Prefix => starts,
            Mode::Suffix => ends,
            Mode::Fuzzy | Mode::Substring => true,
        };
        if !allowed {
            continue;
        }
        let tier = match (starts, ends) {
            (true, true) => Tier::Exact,
            (true, false) => Tier::Prefix,
            _ => Tier::Substring,
        };
        if best.is_none_or(|(t, _)| tier > t) {
            best = Some((tier, at));
        }
    }
    best.map(|(_, at)| at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    fn positions(name: &str, query: &str) -> Vec<usize> {
        let names = EntryNames::new(name, &[]);
        names.positions(&SkimMatcherV2::default(), &parse(query).positive)
    }

    #[test]
    fn occurrences_prefer_whole_words_then_word_starts() {
        assert_eq!(
            best_occurrence("ungeindsats ung", "ung", Mode::Fuzzy),
            Some(12)
        );
        assert_eq!(
            best_occurrence("boligung ungdom", "ung", Mode::Fuzzy),
            Some(9)
        );
        assert_eq!(best_occurrence("boligung", "ung", Mode::Prefix), None);
        assert_eq!(best_occurrence("boligung", "ung", Mode::Suffix), Some(5));
        assert_eq!(best_occurrence("ungdom", "ung", Mode::Word), None);
    }

    #[test]
    fn positions_map_back_to_the_original_name() {
        assert_eq!(positions("IPS-ung", "ung"), vec![4, 5, 6]);
        assert_eq!(
            positions("Ungeindsats Østjylland", "østjylland"),
            (12..22).collect::<Vec<_>>()
        );
        // "oest" is four folded bytes from three original chars.
        assert_eq!(
            positions("Ungeindsats Østjylland", "oest"),
            vec![12, 13, 14]
        );
        assert_eq!(
            positions("Ungeindsats Østjylland", "ostjylland"),
            (12..22).collect::<Vec<_>>()
        );
        assert_eq!(
            positions("Århus Ungdomsskole", "arhus"),
            vec![0, 1, 2, 3, 4]
        );
        assert_eq!(
            positions("FGU Skolen", "fgu skole"),
            vec![0, 1, 2, 4, 5, 6, 7, 8]
        );
        assert_eq!(positions("Mentorordning", "mntr"), vec![0, 2, 3, 5]);
        assert_eq!(positions("Mentorordning", "'mntr"), Vec::<usize>::new());
    }

    #[test]
    fn fuzzy_needs_every_char_in_order() {
        let m = SkimMatcherV2::default();
        let names = EntryNames::new("Mentorordning", &["Støtteperson".to_owned()]);
        let mask = |p: &str| char_mask(p);
        assert!(
            names
                .fuzzy(&m, "mntr", mask("mntr"))
                .is_some_and(|(_, f)| f == Field::Name)
        );
        assert!(
            names
                .fuzzy(&m, "sttprs", mask("sttprs"))
                .is_some_and(|(_, f)| f == Field::Alias)
        );
        assert!(names.fuzzy(&m, "xyz", mask("xyz")).is_none());
        assert!(names.fuzzy(&m, "rtnem", mask("rtnem")).is_none());
        let long = EntryNames::new("Den kommunale ungeindsats (KUI)", &[]);
        assert!(
            long.fuzzy(&m, "angst", mask("angst")).is_none(),
            "strewn letters"
        );
        assert!(long.fuzzy(&m, "dku", mask("dku")).is_some(), "an acronym");
    }

    #[test]
    fn fuzzy_windows() {
        assert_eq!(min_window("mntr", "mentorordning"), Some(6));
        assert_eq!(min_window("ab", "a x a b"), Some(3));
        assert_eq!(min_window("xyz", "abc"), None);
        assert!(fuzzy_candidate("ungind", "ungeindsats"));
        assert!(fuzzy_candidate("dku", "den kommunale ungeindsats"));
        assert!(!fuzzy_candidate("talent", "det sociale netvaerk"));
    }
}
