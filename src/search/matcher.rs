//! [`SearchIndex::search`]: matching a parsed query against the index,
//! filtering, ranking and counting facets.

use super::bitset::Bitset;
use super::dictionary::ungrade;
use super::dictionary::unpack;
use super::fuzzy_words::Fuzzy;
use super::index::{Scored, SearchIndex};
use super::query::{Mode, Piece, Query, Term, parse, parse_understood};
use super::score::{MAX_SLIP_POINTS, Tier, points};
use super::score::{
    MIN_FUZZY, MIN_SUBSTRING_NAME, MIN_SUBSTRING_TEXT, extra_fields_bonus, fuzzy_points,
    rarity_weight,
};
use super::understand::Understood;
use super::{Field, Filters, Hit, Results};

/// How many of the best hits [`SearchIndex::search`] fills with matched
/// fields and name positions. The rest are ranked but left without them:
/// two small allocations per hit would cost more than the whole search on a
/// list of 100,000 hits (see BENCHMARKS.md), and nobody scrolls that far. Use
/// [`SearchIndex::fill_details`] for them.
pub const DETAILED_HITS: usize = 1_000;

/// Points of an entry of the filtered municipality itself (as a whole-word
/// hit in its area would give), so it ranks before regional and national
/// entries matching the words as well.
pub const LOCAL_POINTS: u32 = 55;

/// Shortest known head (in bytes) that may stand for a compound query word
/// whose tail no dictionary knows.
pub const MIN_COMPOUND_HEAD: usize = 6;

/// Points a keyword hit loses per target group or theme the entry lists
/// before the matched one (at most five): small next to the gap between
/// fields, so it only orders entries tagged alike.
pub const KEYWORD_POSITION_POINTS: u16 = 3;

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
        self.search_query(&parse(query), filters, None)
    }

    /// What `query` says beyond text: the municipalities and the age it
    /// names, and its optional words (see [`super::understand`]).
    pub fn understand(&self, query: &str) -> Understood {
        self.places
            .understand(query, &|word| self.knows_start(word))
    }

    /// Searches an understood query: its text must match, its optional
    /// words add points, and its recognised filters join `filters`.
    ///
    /// With a municipality filter, typed or picked, the municipality's own
    /// entries (scope `municipalities` naming it) get `LOCAL_POINTS`:
    /// `fgu aarhus` puts FGU Aarhus before the national FGU entry.
    pub fn search_understood(&self, understood: &Understood, filters: &Filters) -> Results {
        let filters = understood.filters(filters);
        let query = parse_understood(understood);
        let local = self.facets.local_entries(&filters.municipalities);
        self.search_query(&query, &filters, local.as_ref())
    }

    /// Whether a folded word is a word of a name, alias, text or keyword,
    /// or the start or another form of one (`bande` of `bandemiljø`): such a
    /// word is never taken for a misspelt municipality (`Brande`).
    pub fn knows_start(&self, word: &str) -> bool {
        let piece = super::query::Piece::new(word);
        self.keywords.has_word(word)
            || [&self.name_dict, &self.text_dict]
                .iter()
                .any(|scored| !scored.dict.lookup(&piece, Mode::Fuzzy, false).is_empty())
    }

    fn search_query(&self, query: &Query, filters: &Filters, local: Option<&Bitset>) -> Results {
        let matched = self.match_query(query, local);
        let applied = self.facets.apply(filters);
        let facets = self.facets.counts(&matched.set, filters, &applied);

        let mut selected = matched.set.clone();
        applied.restrict(&mut selected);
        let hits = if query.positive.is_empty() && query.optional.is_empty() && local.is_none() {
            self.by_name
                .iter()
                .map(|&e| e as usize)
                .filter(|&e| selected.contains(e))
                .map(|index| Hit::new(index, 0))
                .collect()
        } else {
            let mut keys: Vec<u64> = selected
                .iter()
                .map(|e| {
                    u64::from(u32::MAX - matched.score[e]) << 32 | u64::from(self.name_rank[e])
                })
                .collect();
            keys.sort_unstable();
            // Optional words that matched a name are highlighted too.
            let terms: Vec<Term> = query
                .positive
                .iter()
                .chain(&query.optional)
                .cloned()
                .collect();
            self.hits(&keys, &matched, &terms)
        };
        Results { hits, facets }
    }

    /// The hits for sort keys (`!score << 32 | name rank`), in key order;
    /// the first [`DETAILED_HITS`] with matched fields and name positions.
    fn hits(&self, keys: &[u64], matched: &Matched, terms: &[Term]) -> Vec<Hit> {
        let mut scratch = Vec::new();
        let keyword_hits = self.keyword_hits(terms);
        keys.iter()
            .enumerate()
            .map(|(rank, &key)| {
                let index = self.by_name[(key & u64::from(u32::MAX)) as usize] as usize;
                let mut hit = Hit::new(index, matched.score[index]);
                if rank < DETAILED_HITS {
                    self.detail(
                        &mut hit,
                        matched.fields[index],
                        terms,
                        &keyword_hits,
                        &mut scratch,
                    );
                }
                hit
            })
            .collect()
    }

    /// The groups and themes the terms reach through a keyword, once per
    /// search: (field, vocabulary index, keyword word id).
    fn keyword_hits(&self, terms: &[Term]) -> Vec<(Field, usize, u32)> {
        let mut found = Vec::new();
        for term in terms.iter().filter(|t| !t.negated) {
            for piece in &term.pieces {
                let (mode, substring) = lookup_mode(term, piece, MIN_SUBSTRING_TEXT);
                for (field, index, _, word) in self.keywords.lookup(piece, mode, substring) {
                    found.push((field, index, word));
                }
            }
        }
        found
    }

    /// Fills a hit's matched fields (from the field mask), name positions
    /// and keyword hits (those of `keyword_hits` the entry belongs to).
    fn detail(
        &self,
        hit: &mut Hit,
        fields: u16,
        terms: &[Term],
        keyword_hits: &[(Field, usize, u32)],
        scratch: &mut Vec<u32>,
    ) {
        let entry = hit.index;
        let details = hit.details_mut();
        details.matched_fields = Field::from_mask(fields);
        details.via.clear();
        for &(field, index, word) in keyword_hits {
            let has = match field {
                Field::TargetGroup => self.facets.target_group_entries(index),
                _ => self.facets.theme_entries(index),
            }
            .is_some_and(|set| set.contains(entry));
            let via = self.keywords.via(field, index, word);
            if has && !details.via.contains(&via) {
                details.via.push(via);
            }
        }
        details.name_positions = if fields & Field::Name.bit() != 0 {
            self.names[entry].positions(terms, scratch)
        } else {
            Vec::new()
        };
    }

    /// Fills `matched_fields` and `name_positions` of hits of a search for
    /// `query` that [`SearchIndex::search`] left without them (those ranked
    /// below the first [`DETAILED_HITS`]), e.g. when a list is scrolled that
    /// far. Costs about as much as the search itself, however many hits.
    pub fn fill_details(&self, query: &str, hits: &mut [Hit]) {
        let query = parse(query);
        if query.positive.is_empty() || hits.is_empty() {
            return;
        }
        let matched = self.match_query(&query, None);
        let mut scratch = Vec::new();
        let keyword_hits = self.keyword_hits(&query.positive);
        for hit in hits.iter_mut().filter(|h| h.index < self.len) {
            let fields = matched.fields[hit.index];
            self.detail(hit, fields, &query.positive, &keyword_hits, &mut scratch);
        }
    }

    fn match_query(&self, query: &Query, local: Option<&Bitset>) -> Matched {
        let len = self.len;
        let mut alive = vec![true; len];
        for term in &query.negative {
            let found = self.term_scores(term, &alive);
            for (live, &points) in alive.iter_mut().zip(&found.points) {
                *live &= points == 0;
            }
        }
        let ranked = !query.positive.is_empty() || !query.optional.is_empty() || local.is_some();
        let mut score = vec![0u32; if ranked { len } else { 0 }];
        let mut fields = vec![0u16; score.len()];
        for term in &query.positive {
            let found = self.term_scores(term, &alive);
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
        for term in &query.optional {
            let found = self.term_scores(term, &alive);
            let weight = rarity_weight(found.points.iter().filter(|&&p| p > 0).count(), len);
            for e in (0..len).filter(|&e| alive[e] && found.points[e] > 0) {
                score[e] += u32::from(found.points[e]) * weight;
                fields[e] |= found.fields[e];
            }
        }
        if let Some(local) = local {
            let weight = rarity_weight(local.count(), len);
            for e in local.iter().filter(|&e| alive[e]) {
                score[e] += LOCAL_POINTS * weight;
            }
        }
        // What a caseworker can act on first (see `score`'s module docs).
        for (e, points) in score.iter_mut().enumerate() {
            *points = (u64::from(*points) * u64::from(self.prior[e]) / 1000) as u32;
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
    fn term_scores(&self, term: &Term, alive: &[bool]) -> TermScores {
        let mut total: Option<TermScores> = None;
        for part in &term.pieces {
            let mut piece = self.one_piece(term, part);
            if !term.negated
                && term.mode == Mode::Fuzzy
                && !piece.points.iter().any(|&p| p > 0)
                && let Some(parts) = self.compound_scores(term, part)
            {
                piece = parts;
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
            // A slip is the reading of last resort: only for a word that
            // matched nothing as typed (`mentro`), never for one that did.
            let matched_as_typed = total.points.iter().any(|&p| p > 0);
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
        for (word, how) in super::fuzzy_words::fuzzy(dict, pattern, true, true, self.scorer) {
            for &posting in dict.postings(word) {
                let (e, mask) = unpack(posting);
                if !alive[e] || out.points[e] > MAX_SLIP_POINTS {
                    continue;
                }
                let field = if mask & 1 == 1 {
                    Field::Name
                } else {
                    Field::Alias
                };
                let points = match how {
                    Fuzzy::Slip => points(field, Tier::Substring, true),
                    Fuzzy::Scattered(quality) => fuzzy_points(field, quality),
                };
                if points > out.points[e] {
                    out.points[e] = points;
                    out.fields[e] = field.bit();
                }
            }
        }
    }

    /// Every entry of a target group or theme whose keyword `piece` is
    /// scores like a hit in that group's label, less
    /// [`KEYWORD_POSITION_POINTS`] for each group the entry lists before it:
    /// `angst` puts the offers *for* mental health before those that also
    /// take it.
    fn keyword_scores(&self, term: &Term, piece: &Piece, out: &mut TermScores) {
        let (mode, substring) = lookup_mode(term, piece, MIN_SUBSTRING_TEXT);
        for (field, index, grade, _) in self.keywords.lookup(piece, mode, substring) {
            let (tier, loose) = ungrade(grade);
            let p = points(field, tier, loose);
            self.group_scores(field, index, p, KEYWORD_POSITION_POINTS, out);
        }
    }

    /// Gives every entry of the target group or theme at `index` `points`,
    /// less `per_position` for each group or theme it lists before it (at
    /// most five), where that is more than the entry has.
    fn group_scores(
        &self,
        field: Field,
        index: usize,
        points: u16,
        per_position: u16,
        out: &mut TermScores,
    ) {
        let value = self.keywords.value_of(field, index);
        let set = match field {
            Field::TargetGroup => self.facets.target_group_entries(index),
            _ => self.facets.theme_entries(index),
        };
        for e in set.into_iter().flat_map(|set| set.iter()) {
            let position = u16::from(self.value_position(e, value).unwrap_or(0).min(5));
            let p = points.saturating_sub(position * per_position);
            if p > out.points[e] {
                out.points[e] = p;
            }
            out.fields[e] |= field.bit();
        }
    }

    /// A word of the other fields typed with a slip (`mentro`, `psykatri`)
    /// scores like a loose inside-a-word hit in its field.
    fn text_slip_scores(&self, pattern: &str, alive: &[bool], out: &mut TermScores) {
        let text = &self.text_dict;
        for (word, _) in super::fuzzy_words::fuzzy(&text.dict, pattern, true, false, self.scorer) {
            for &posting in text.dict.postings(word) {
                let (e, mask) = unpack(posting);
                if !alive[e] {
                    continue;
                }
                let points = text.slip_points[mask as usize];
                if points > out.points[e] {
                    out.points[e] = points;
                    out.fields[e] |= text.fields[mask as usize];
                }
            }
        }
    }

    /// A keyword typed with a slip (`angts`) still reaches its group, scored
    /// as a loose inside-a-word hit in the group's label: below every word
    /// start, above a scattered match in a name.
    fn fuzzy_keyword_scores(&self, pattern: &str, out: &mut TermScores) {
        for (field, index, _) in self.keywords.fuzzy(pattern, self.scorer) {
            let p = points(field, Tier::Substring, true);
            self.group_scores(field, index, p, 1, out);
        }
    }

    /// The points of one piece of a term in every dictionary.
    fn one_piece(&self, term: &Term, piece: &Piece) -> TermScores {
        let mut out = TermScores::new(self.len);
        for (scored, min_substring) in [
            (&self.name_dict, MIN_SUBSTRING_NAME),
            (&self.pair_dict, usize::MAX),
            (&self.text_dict, MIN_SUBSTRING_TEXT),
        ] {
            self.piece_scores(term, piece, scored, min_substring, &mut out);
        }
        self.keyword_scores(term, piece, &mut out);
        out
    }

    /// A word no dictionary knows, read as a compound of words they do
    /// (`socialklausul` → `social` + `klausul`; both must match), or failing
    /// that by its known head alone (`kontanthjaelpsmodtager` →
    /// `kontanthjaelp`, when that is at least [`MIN_COMPOUND_HEAD`] bytes and
    /// half the word). `None` when neither reading exists.
    fn compound_scores(&self, term: &Term, piece: &Piece) -> Option<TermScores> {
        let known = |part: &str| {
            let part = Piece::new(part);
            self.keywords.has_word(&part.strict)
                || [&self.name_dict, &self.text_dict]
                    .iter()
                    .any(|d| !d.dict.lookup(&part, Mode::Fuzzy, false).is_empty())
        };
        if let Some(&(head, tail)) = super::compound::splits(&piece.strict, &known).first() {
            let mut out = self.one_piece(term, &Piece::new(head));
            let tail = self.one_piece(term, &Piece::new(tail));
            for e in 0..self.len {
                out.points[e] = out.points[e].min(tail.points[e]);
                out.fields[e] |= tail.fields[e];
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
        Some(self.one_piece(term, &Piece::new(head)))
    }

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
            for &posting in scored.dict.postings(word) {
                let (e, mask) = unpack(posting);
                let p = points[mask as usize];
                if p > 0 {
                    let slot = &mut out.points[e];
                    *slot = (*slot).max(p);
                    out.fields[e] |= scored.fields[mask as usize];
                }
            }
        }
    }
}

/// How a term's piece is looked up in a dictionary whose inner substrings
/// count from `min_substring` chars: the mode, and whether inner substrings
/// count. A negated plain term matches substrings of any length.
fn lookup_mode(term: &Term, piece: &Piece, min_substring: usize) -> (Mode, bool) {
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
