//! Each entry's name kept folded, with a map back to the original chars,
//! for the highlight positions of a hit.

use super::fold::{fold_with_map, is_word_char, loose_with_map};
use super::fuzzy_words::positions;
use super::query::{Mode, Term};
use super::score::{MIN_FUZZY, Tier};

/// The most chars of a folded name that are highlighted: far more than a
/// row of the screen shows (`term::MAX_COLS`), and a real name is far
/// shorter. Each of a query's words is looked for in it, so a name of a
/// million chars costs no more than this.
pub const MAX_HIGHLIGHT: usize = 1024;

/// One entry's name, folded.
#[derive(Debug, Clone)]
pub struct EntryNames {
    /// The strict folded name.
    name: Box<str>,
    /// For each byte of `name`, the char index in the original name; `None`
    /// when that is the byte index itself (an ASCII name).
    map: Option<Box<[u32]>>,
}

impl EntryNames {
    /// Folds an entry's name.
    pub fn new(name: &str) -> EntryNames {
        let (folded, map) = fold_with_map(name);
        let identity = map.iter().enumerate().all(|(i, &m)| i as u32 == m);
        EntryNames {
            name: folded.into_boxed_str(),
            map: (!identity).then(|| map.into_boxed_slice()),
        }
    }

    /// The strict folded name.
    pub fn folded(&self) -> &str {
        &self.name
    }

    /// Char indices of the original name that `terms` matched, sorted and
    /// deduplicated: each piece's best occurrence, by the strict key, else the
    /// loose key, else (plain terms) the fuzzy alignment, within the name's
    /// first [`MAX_HIGHLIGHT`] chars. `scratch` is working space, reused
    /// across calls so that the result is the only allocation.
    pub fn positions(&self, terms: &[Term], scratch: &mut Vec<u32>) -> Vec<usize> {
        scratch.clear();
        let name = self.highlighted();
        let mut loose: Option<(String, Vec<u32>)> = None;
        for term in terms {
            let mark = scratch.len();
            let mut all = true;
            for piece in &term.pieces {
                if let Some(at) = best_occurrence(name, &piece.strict, term.mode) {
                    let at = at as u32;
                    scratch.extend(at..at + piece.strict.len() as u32);
                    continue;
                }
                let (lkey, lmap) = loose.get_or_insert_with(|| self.loose_key(name));
                match best_occurrence(lkey, &piece.loose, term.mode) {
                    // Loose keys map straight to original chars; highlight
                    // the whole original stretch, collapsed letters too.
                    Some(at) => {
                        let first = lmap[at];
                        let last = lmap[at + piece.loose.len() - 1];
                        scratch.extend((first..=last).map(|c| self.byte_of_char(c)));
                    }
                    None => {
                        all = false;
                        break;
                    }
                }
            }
            if all {
                continue;
            }
            scratch.truncate(mark);
            if term.mode == Mode::Fuzzy && term.char_len() >= MIN_FUZZY {
                let pattern = term.joined();
                let chars = positions(&pattern, name);
                if !chars.is_empty() {
                    // Char indices of the folded name, to its bytes.
                    let mut wanted = chars.iter().peekable();
                    for (i, (b, _)) in name.char_indices().enumerate() {
                        if wanted.next_if(|&&w| w == i).is_some() {
                            scratch.push(b as u32);
                        }
                    }
                }
            }
        }
        for b in scratch.iter_mut() {
            *b = self.char_of_byte(*b) as u32;
        }
        scratch.sort_unstable();
        scratch.dedup();
        scratch.iter().map(|&c| c as usize).collect()
    }

    /// The part of the folded name that is highlighted: its first
    /// [`MAX_HIGHLIGHT`] chars.
    fn highlighted(&self) -> &str {
        match self.name.char_indices().nth(MAX_HIGHLIGHT) {
            Some((at, _)) => &self.name[..at],
            None => &self.name,
        }
    }

    /// The loose key of `name`, the start of the folded name, with its map
    /// to original chars.
    fn loose_key(&self, name: &str) -> (String, Vec<u32>) {
        match &self.map {
            Some(map) => loose_with_map(name, &map[..name.len()]),
            None => {
                let identity: Vec<u32> = (0..name.len() as u32).collect();
                loose_with_map(name, &identity)
            }
        }
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
        let names = EntryNames::new(name);
        names.positions(&parse(query).positive, &mut Vec::new())
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
}
