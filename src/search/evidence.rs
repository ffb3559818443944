//! A query word's evidence in every entry: the points of its matches summed
//! over the fields it meets (see [`super::score`]), with the fields.

use super::Field;
use super::dictionary::{ungrade, unpack};
use super::fuzzy_words::Fuzzy;
use super::index::{GENERAL, Scored, SearchIndex};
use super::keywords::Complete;
use super::query::{Mode, Piece, Term};
use super::score::{
    MAX_SLIP_POINTS, MIN_FUZZY, MIN_SCATTERED, MIN_SUBSTRING_NAME, MIN_SUBSTRING_TEXT, Tier,
};
use super::score::{fuzzy_points, points};

/// Points a keyword hit loses per target group or theme the entry lists
/// before the matched one (at most five): small next to the gap between
/// fields, so it only orders entries tagged alike (`angst` puts the offers
/// *for* mental health before those that also take it).
pub const KEYWORD_POSITION_POINTS: u16 = 3;

/// Shortest known head (in bytes) that may stand for a compound query word
/// whose tail no dictionary knows.
pub const MIN_COMPOUND_HEAD: usize = 6;

/// One term's (or piece's) evidence in one entry. Kept together, one
/// entry's evidence is one cache line's eighth: a term is scored over every
/// entry several times per keystroke.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Evidence {
    pub points: u16,
    /// The fields met (a mask of [`Field::bit`]s).
    pub fields: u16,
    /// The fields met at a word's start (a subset of `fields`): a word met
    /// inside an entry's name is not the entry's own word.
    pub start_fields: u16,
    /// Whether the points come from hits at a word's start (or whole
    /// words), not from inside words, slips or scattered letters.
    pub start: bool,
}

/// Per entry: one term's (or piece's) evidence.
pub(super) struct TermScores {
    pub at: Vec<Evidence>,
}

impl TermScores {
    pub(super) fn new(len: usize) -> TermScores {
        TermScores {
            at: vec![Evidence::default(); len],
        }
    }

    /// Whether the term met any entry.
    pub(super) fn any(&self) -> bool {
        self.at.iter().any(|v| v.points > 0)
    }

    /// Keeps `points` for entry `e` where better than what it has.
    fn keep_best(&mut self, e: usize, points: u16, start: bool) {
        if (start, points) > (self.at[e].start, self.at[e].points) {
            self.at[e].points = points;
            self.at[e].start = start;
        }
    }

    /// Adds `other`'s evidence from other fields: word-start hits add up;
    /// inside-a-word hits count only where the word meets the entry at no
    /// word start, and then only the best of them.
    fn add(&mut self, other: &TermScores) {
        for (mine, theirs) in self.at.iter_mut().zip(&other.at) {
            mine.start_fields |= theirs.start_fields;
            mine.fields |= theirs.fields;
            let (p, start) = (theirs.points, theirs.start);
            if p == 0 {
                continue;
            }
            if mine.points > 0 && start && mine.start {
                mine.points = super::score::combine(mine.points, p);
            } else if (start, p) > (mine.start, mine.points) {
                mine.points = p;
                mine.start = start;
            }
        }
    }
}

impl SearchIndex {
    /// Points and fields of one term for every entry. A negated term matches
    /// substrings of any length and never fuzzily; a slip or a scattered
    /// match is tried only for live entries the words did not match.
    pub(super) fn term_scores(
        &self,
        term: &Term,
        alive: &[bool],
        complete: &Complete,
    ) -> TermScores {
        let mut total: Option<TermScores> = None;
        for part in &term.pieces {
            let mut piece = self.one_piece(term, part, complete);
            if !term.negated
                && term.mode == Mode::Fuzzy
                && !piece.any()
                && let Some(parts) = self.compound_scores(term, part, complete)
            {
                piece = parts;
            }
            total = Some(match total {
                None => piece,
                // Every piece must match: a term scores its weakest piece.
                Some(mut total) => {
                    for e in 0..self.len {
                        total.at[e].points = total.at[e].points.min(piece.at[e].points);
                        total.at[e].start &= piece.at[e].start;
                        total.at[e].fields |= piece.at[e].fields;
                        total.at[e].start_fields |= piece.at[e].start_fields;
                    }
                    total
                }
            });
        }
        let mut total = total.unwrap_or_else(|| TermScores::new(self.len));
        if !term.negated && term.mode == Mode::Fuzzy && term.char_len() >= MIN_FUZZY {
            let pattern = term.joined();
            // A slip is the reading of last resort: only for a word that
            // matched nothing as typed (`mentro`), never for one that did.
            let matched_as_typed = total.any();
            self.fuzzy_scores(&pattern, alive, &mut total);
            if !matched_as_typed {
                self.text_slip_scores(&pattern, alive, &mut total);
                self.fuzzy_keyword_scores(&pattern, &mut total);
            }
        }
        total
    }

    /// Scattered matches of `pattern` in the words of names and aliases,
    /// for live entries no word matched (a fuzzy match scores below any
    /// word match, so it only matters where there is none).
    fn fuzzy_scores(&self, pattern: &str, alive: &[bool], out: &mut TermScores) {
        // Words holding the pattern as a plain substring matched better
        // already. Run-together pairs are left out: scatters across two
        // words are rare, and the pairs are many.
        let dict = &self.name_dict.dict;
        let name = 1 << super::index::NAME_FIELDS_NAME;
        let alias = 1 << super::index::NAME_FIELDS_ALIAS;
        let scatter = pattern.chars().count() >= MIN_SCATTERED;
        for (word, how) in super::fuzzy_words::fuzzy(dict, pattern, true, scatter) {
            for &posting in dict.postings(word) {
                let (e, mask) = unpack(posting);
                if !alive[e] || out.at[e].points > MAX_SLIP_POINTS {
                    continue;
                }
                let field = if mask & name != 0 {
                    Field::Name
                } else if mask & alias != 0 {
                    Field::Alias
                } else if how == Fuzzy::Slip {
                    Field::Keyword
                } else {
                    // Letters scattered over a keyword phrase match too much.
                    continue;
                };
                let points = match how {
                    Fuzzy::Slip => points(field, Tier::Substring, true),
                    Fuzzy::Scattered(quality) => fuzzy_points(field, quality),
                };
                if points > out.at[e].points {
                    out.at[e].points = points;
                    out.at[e].start = false;
                    out.at[e].fields = field.bit();
                }
            }
        }
    }

    /// Every entry of a target group or theme whose keyword `piece` is
    /// scores like a hit in that group's label, less
    /// [`KEYWORD_POSITION_POINTS`] for each group the entry lists before it;
    /// an entry whose own phrase the query holds whole, like a hit in its
    /// keywords.
    fn keyword_scores(
        &self,
        term: &Term,
        piece: &Piece,
        complete: &Complete,
        out: &mut TermScores,
    ) {
        let (mode, substring) = lookup_mode(term, piece, MIN_SUBSTRING_TEXT);
        for (field, index, grade, _) in self.keywords.lookup(piece, mode, substring, complete) {
            let (tier, loose) = ungrade(grade);
            let p = points(field, tier, loose);
            let start = tier != Tier::Substring;
            if field == Field::Keyword {
                // An entry's own phrase, held whole by the query.
                out.keep_best(index, p, start);
                out.at[index].fields |= field.bit();
                if start {
                    out.at[index].start_fields |= field.bit();
                }
            } else {
                self.group_scores(field, index, (p, start), KEYWORD_POSITION_POINTS, out);
            }
        }
    }

    /// Gives every entry of the target group or theme at `index` `points`,
    /// less `per_position` for each group or theme it lists before it (at
    /// most five), where that is more than the entry has. A theme reaches
    /// only the entries for the general audience ([`GENERAL`]).
    fn group_scores(
        &self,
        field: Field,
        index: usize,
        (points, start): (u16, bool),
        per_position: u16,
        out: &mut TermScores,
    ) {
        let value = self.keywords.value_of(field, index);
        let set = match field {
            Field::TargetGroup => self.facets.target_group_entries(index),
            _ => self.facets.theme_entries(index),
        };
        for e in set.into_iter().flat_map(|set| set.iter()) {
            if self.theme_only_narrow(e, field.bit()) {
                continue;
            }
            let position = u16::from(self.value_position(e, value).unwrap_or(0).min(5));
            let p = points.saturating_sub(position * per_position);
            out.keep_best(e, p, start);
            out.at[e].fields |= field.bit();
            if start {
                out.at[e].start_fields |= field.bit();
            }
        }
    }

    /// A word of the other fields typed with a slip (`mentro`, `psykatri`)
    /// scores like a loose inside-a-word hit in its field.
    fn text_slip_scores(&self, pattern: &str, alive: &[bool], out: &mut TermScores) {
        let text = &self.text_dict;
        for (word, _) in super::fuzzy_words::fuzzy(&text.dict, pattern, true, false) {
            for &posting in text.dict.postings(word) {
                let (e, mask) = unpack(posting);
                if !alive[e] || self.theme_only_narrow(e, text.fields[mask as usize]) {
                    continue;
                }
                let points = text.slip_points[mask as usize];
                if points > out.at[e].points {
                    out.at[e].points = points;
                    out.at[e].start = false;
                    out.at[e].fields |= text.fields[mask as usize];
                }
            }
        }
    }

    /// A keyword typed with a slip (`angts`) still reaches its group, scored
    /// as a loose inside-a-word hit in the group's label: below every word
    /// start, above a scattered match in a name.
    fn fuzzy_keyword_scores(&self, pattern: &str, out: &mut TermScores) {
        for (field, index, _) in self.keywords.fuzzy(pattern) {
            let p = points(field, Tier::Substring, true);
            self.group_scores(field, index, (p, false), 1, out);
        }
    }

    /// The points of one piece: its best match in the names (or two name
    /// words run together), plus its best in the other fields, plus its
    /// keyword hits — evidence from different fields adds up.
    fn one_piece(&self, term: &Term, piece: &Piece, complete: &Complete) -> TermScores {
        let mut out = TermScores::new(self.len);
        self.piece_scores(term, piece, &self.name_dict, MIN_SUBSTRING_NAME, &mut out);
        self.piece_scores(term, piece, &self.pair_dict, usize::MAX, &mut out);
        let mut other = TermScores::new(self.len);
        self.piece_scores(term, piece, &self.text_dict, MIN_SUBSTRING_TEXT, &mut other);
        out.add(&other);
        let mut groups = TermScores::new(self.len);
        self.keyword_scores(term, piece, complete, &mut groups);
        out.add(&groups);
        out
    }

    /// A word no dictionary knows, read as a compound of words they do
    /// (`socialklausul` → `social` + `klausul`; both must match), or failing
    /// that by its known head alone (`kontanthjaelpsmodtager` →
    /// `kontanthjaelp`, when that is at least [`MIN_COMPOUND_HEAD`] bytes and
    /// half the word). `None` when neither reading exists.
    fn compound_scores(
        &self,
        term: &Term,
        piece: &Piece,
        complete: &Complete,
    ) -> Option<TermScores> {
        let known = |part: &str| {
            let part = Piece::new(part);
            self.keywords.has_word(&part.strict)
                || [&self.name_dict, &self.text_dict]
                    .iter()
                    .any(|d| !d.dict.lookup(&part, Mode::Fuzzy, false).is_empty())
        };
        if let Some(&(head, tail)) = super::compound::splits(&piece.strict, &known).first() {
            let mut out = self.one_piece(term, &Piece::new(head), complete);
            let tail = self.one_piece(term, &Piece::new(tail), complete);
            for e in 0..self.len {
                out.at[e].points = out.at[e].points.min(tail.at[e].points);
                out.at[e].start &= tail.at[e].start;
                out.at[e].fields |= tail.at[e].fields;
                out.at[e].start_fields |= tail.at[e].start_fields;
            }
            return Some(out);
        }
        let word = &piece.strict;
        let head = word
            .char_indices()
            .map(|(i, _)| i)
            .rev()
            .filter(|&i| i >= MIN_COMPOUND_HEAD && 2 * i >= word.len())
            .map(|i| &word[..i])
            .find(|head| known(head))?;
        Some(self.one_piece(term, &Piece::new(head), complete))
    }

    /// The best points of `piece` per entry in one dictionary (its fields
    /// summed), kept where better than what `out` has.
    fn piece_scores(
        &self,
        term: &Term,
        piece: &Piece,
        scored: &Scored,
        min_substring: usize,
        out: &mut TermScores,
    ) {
        let (mode, substring) = lookup_mode(term, piece, min_substring);
        for (word, grade) in scored.dict.lookup(piece, mode, substring) {
            let points = &scored.points[grade as usize];
            let start = ungrade(grade).0 != Tier::Substring;
            for &posting in scored.dict.postings(word) {
                let (e, mask) = unpack(posting);
                let p = points[mask as usize];
                let fields = scored.fields[mask as usize];
                if p > 0 && !self.theme_only_narrow(e, fields) {
                    out.keep_best(e, p, start);
                    out.at[e].fields |= fields;
                    if start {
                        out.at[e].start_fields |= fields;
                    }
                }
            }
        }
    }

    /// Whether a hit only in a theme's label would reach an entry that is
    /// not for the general audience (see [`GENERAL`]).
    pub(super) fn theme_only_narrow(&self, e: usize, fields: u16) -> bool {
        fields == Field::Theme.bit() && self.flags[e] & GENERAL == 0
    }
}

/// How a term's piece is looked up in a dictionary whose inner substrings
/// count from `min_substring` chars: the mode, and whether inner substrings
/// count. A negated plain term matches substrings of any length.
pub(super) fn lookup_mode(term: &Term, piece: &Piece, min_substring: usize) -> (Mode, bool) {
    let substring = match term.mode {
        Mode::Fuzzy if term.negated => true,
        Mode::Fuzzy => piece.strict.chars().count() >= min_substring,
        Mode::Substring => true,
        Mode::Prefix | Mode::Suffix | Mode::Word => false,
    };
    let mode = match term.mode {
        Mode::Fuzzy if term.negated => Mode::Substring,
        mode => mode,
    };
    (mode, substring)
}
