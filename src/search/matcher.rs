//! [`SearchIndex::search`]: matching a parsed query against the index,
//! filtering, ranking and counting facets.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::bitset::Bitset;
use super::dictionary::unpack;
use super::index::{Scored, SearchIndex};
use super::names::char_mask;
use super::query::{Mode, Query, Term, parse};
use super::score::{
    MIN_FUZZY, MIN_SUBSTRING_NAME, MIN_SUBSTRING_TEXT, extra_fields_bonus, rarity_weight,
};
use super::{Field, Filters, Hit, Results};

/// The entries a query matched, with their scores and matched fields.
struct Matched {
    /// Entries matching every positive term and no negative one.
    set: Bitset,
    /// Per entry: the sum of the term scores (0 for an empty query).
    score: Vec<u32>,
    /// Per entry: the fields any term matched in.
    fields: Vec<u16>,
}

/// Per entry: one term's (or piece's) points and matched fields.
struct TermScores {
    points: Vec<u16>,
    fields: Vec<u16>,
}

impl TermScores {
    fn new(len: usize) -> TermScores {
        TermScores {
            points: vec![0; len],
            fields: vec![0; len],
        }
    }
}

impl SearchIndex {
    /// Searches: the entries matching `query` and passing `filters`, fully
    /// ranked (score, then folded name, then catalogue order), and the facet
    /// counts. An empty query matches everything, in name order.
    pub fn search(&self, query: &str, filters: &Filters) -> Results {
        let query = parse(query);
        let matcher = SkimMatcherV2::default();
        let matched = self.match_query(&query, &matcher);
        let applied = self.facets.apply(filters);
        let facets = self.facets.counts(&matched.set, filters, &applied);

        let mut selected = matched.set;
        applied.restrict(&mut selected);
        let hits = if query.positive.is_empty() {
            self.by_name
                .iter()
                .map(|&e| e as usize)
                .filter(|&e| selected.contains(e))
                .map(|index| Hit {
                    index,
                    score: 0,
                    matched_fields: Vec::new(),
                    name_positions: Vec::new(),
                })
                .collect()
        } else {
            let mut keys: Vec<u64> = selected
                .iter()
                .map(|e| {
                    u64::from(u32::MAX - matched.score[e]) << 32 | u64::from(self.name_rank[e])
                })
                .collect();
            keys.sort_unstable();
            keys.into_iter()
                .map(|key| {
                    let index = self.by_name[(key & u64::from(u32::MAX)) as usize] as usize;
                    let fields = matched.fields[index];
                    let name_positions = if fields & Field::Name.bit() != 0 {
                        self.names[index].positions(&matcher, &query.positive)
                    } else {
                        Vec::new()
                    };
                    Hit {
                        index,
                        score: matched.score[index],
                        matched_fields: Field::from_mask(fields),
                        name_positions,
                    }
                })
                .collect()
        };
        Results { hits, facets }
    }

    fn match_query(&self, query: &Query, matcher: &SkimMatcherV2) -> Matched {
        let len = self.len;
        let mut alive = vec![true; len];
        for term in &query.negative {
            let found = self.term_scores(term, &alive, matcher);
            for (live, &points) in alive.iter_mut().zip(&found.points) {
                *live &= points == 0;
            }
        }
        let mut score = vec![0u32; if query.positive.is_empty() { 0 } else { len }];
        let mut fields = vec![0u16; score.len()];
        for term in &query.positive {
            let found = self.term_scores(term, &alive, matcher);
            let weight = rarity_weight(found.points.iter().filter(|&&p| p > 0).count(), len);
            for e in 0..len {
                if !alive[e] {
                    continue;
                }
                let points = found.points[e];
                if points == 0 {
                    alive[e] = false;
                } else {
                    let mask = found.fields[e];
                    score[e] += (u32::from(points) + u32::from(extra_fields_bonus(mask))) * weight;
                    fields[e] |= mask;
                }
            }
        }
        Matched {
            set: Bitset::from_fn(len, |e| alive[e]),
            score,
            fields,
        }
    }

    /// Points and fields of one term for every entry. A negated term matches
    /// substrings of any length and never fuzzily; fuzzy matching is tried
    /// only for live entries the words did not match.
    fn term_scores(&self, term: &Term, alive: &[bool], matcher: &SkimMatcherV2) -> TermScores {
        let mut total: Option<TermScores> = None;
        for piece_index in 0..term.pieces.len() {
            let mut piece = TermScores::new(self.len);
            for (scored, min_substring) in [
                (&self.name_dict, MIN_SUBSTRING_NAME),
                (&self.text_dict, MIN_SUBSTRING_TEXT),
            ] {
                self.piece_scores(term, piece_index, scored, min_substring, &mut piece);
            }
            total = Some(match total {
                None => piece,
                // Every piece must match: a term scores its weakest piece.
                Some(mut total) => {
                    for e in 0..self.len {
                        total.points[e] = total.points[e].min(piece.points[e]);
                        total.fields[e] |= piece.fields[e];
                    }
                    total
                }
            });
        }
        let mut total = total.unwrap_or_else(|| TermScores::new(self.len));
        if !term.negated && term.mode == Mode::Fuzzy && term.char_len() >= MIN_FUZZY {
            let pattern = term.joined();
            let mask = char_mask(&pattern);
            let slots = total.points.iter_mut().zip(&mut total.fields);
            for ((e, (points, fields)), &live) in slots.enumerate().zip(alive) {
                if live && *points == 0 {
                    *fields = 0;
                    if let Some((p, field)) = self.names[e].fuzzy(matcher, &pattern, mask) {
                        *points = p;
                        *fields = field.bit();
                    }
                }
            }
        }
        total
    }

    fn piece_scores(
        &self,
        term: &Term,
        piece_index: usize,
        scored: &Scored,
        min_substring: usize,
        out: &mut TermScores,
    ) {
        let piece = &term.pieces[piece_index];
        let substring = match term.mode {
            _ if term.negated => true,
            Mode::Fuzzy => piece.strict.chars().count() >= min_substring,
            Mode::Substring => true,
            Mode::Prefix | Mode::Suffix | Mode::Word => false,
        };
        let mode = match term.mode {
            Mode::Fuzzy if term.negated => Mode::Substring,
            mode => mode,
        };
        for (word, grade) in scored.dict.lookup(piece, mode, substring) {
            let points = &scored.points[grade as usize];
            for &posting in scored.dict.postings(word) {
                let (e, mask) = unpack(posting);
                let slot = &mut out.points[e];
                *slot = (*slot).max(points[mask as usize]);
                out.fields[e] |= scored.fields[mask as usize];
            }
        }
    }
}
