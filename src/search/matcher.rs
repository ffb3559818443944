//! [`SearchIndex::search`]: matching a parsed query against the index,
//! filtering, ranking (see [`super::score`] for the model) and counting
//! facets.

use super::bitset::Bitset;
use super::evidence::lookup_mode;
use super::index::{ENDED, GENERAL, OFFER, SearchIndex, WAY_IN};
use super::keywords::Complete;
use super::query::{Mode, Query, Term, parse, parse_understood};
use super::score::{LOCAL_POINTS, MAX_FUZZY_POINTS, MIN_SUBSTRING_TEXT, idf, saturate};
use super::understand::Understood;
use super::{Field, Filters, Hit, Results};

/// How many of the best hits [`SearchIndex::search`] fills with matched
/// fields and name positions. The rest are ranked but left without them:
/// two small allocations per hit would cost more than the whole search on a
/// list of 100,000 hits (see BENCHMARKS.md), and nobody scrolls that far. Use
/// [`SearchIndex::fill_details`] for them.
pub const DETAILED_HITS: usize = 1_000;

/// The fields that are an entry's own words: every field but the labels
/// and keywords of its themes and target groups.
const OWN_FIELDS: u16 = !(Field::Theme.bit() | Field::TargetGroup.bit());

/// The fields that are an entry's title: its name and aliases.
const TITLE_FIELDS: u16 = Field::Name.bit() | Field::Alias.bit();

/// The fields that name whom an entry is for: a narrow programme is found
/// through these only.
const NAMING_FIELDS: u16 = Field::Name.bit() | Field::Alias.bit() | Field::Keyword.bit();

/// The share of a word's weight in the coverage when it meets an entry only
/// in its longer texts, or a narrow programme only there or in its target
/// group: mentioned, not said to be what the entry is about or whom it is
/// for (and for a narrow programme not counted as its own words either).
const TEXT_SHARE: f32 = 0.5;
/// The fields that say in brief what an entry is about: its name, aliases,
/// keywords, summary, themes and target groups.
const BRIEF_FIELDS: u16 = Field::Name.bit()
    | Field::Alias.bit()
    | Field::Keyword.bit()
    | Field::Summary.bit()
    | Field::Theme.bit()
    | Field::TargetGroup.bit();

/// The share of its weight an optional word (a stop word, a number, the
/// chosen municipality's name) adds to the score: a tie-breaker between
/// entries that meet the query alike. Entries meeting the words alike are
/// close in score, so more would let `to` or `vil` reorder them (`vil` in
/// the keyword "vil gerne arbejde" says nothing of the situation).
const OPTIONAL_SHARE: f32 = 0.02;

/// The share of the query's known words (weighted by `idf`) an entry must
/// meet in its own words, at a word's start, to answer it specifically:
/// all of them (less float rounding). Below that in all of the first
/// three, the general way in comes first. Half was tried: the blind set's
/// nDCG@3 rose by 0.011 but its top-3 hit rate fell from 92.5 % to 90.3 %.
const SPECIFIC_SHARE: f32 = 0.999;

/// Scale of the coverage and the score in the sort key (thousandths).
const KEY_SCALE: f32 = 1000.0;

/// The entries a query matched, with what orders them.
struct Matched {
    /// Entries matching at least one positive term (every live entry when
    /// there is none) and no negative one.
    set: Bitset,
    /// Per entry: the score, times the prior, in thousandths.
    score: Vec<u32>,
    /// Per entry: the summed `idf` of the positive terms it covers, in
    /// thousandths.
    coverage: Vec<u32>,
    /// Per entry: whether a term met it in its own words.
    own: Vec<bool>,
    /// Per entry: whether the query names it (every known word in its name
    /// or aliases).
    titled: Vec<bool>,
    /// Per entry: whether it answers the query specifically. An offer does
    /// when it meets every known word of the query ([`SPECIFIC_SHARE`]) in
    /// its own words, at a word's start. A method, a pool or a policy is
    /// nothing to refer the young person to: it does only when the query
    /// names it (every known word in its name or aliases).
    specific: Vec<bool>,
    /// Per entry: the fields any term matched in.
    fields: Vec<u16>,
    /// The positive terms, as typed, that matched nothing.
    ignored: Vec<String>,
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
        let ranked = !query.positive.is_empty() || !query.optional.is_empty() || local.is_some();
        let mut hits = if ranked {
            let mut keys: Vec<u128> = selected
                .iter()
                .map(|e| self.sort_key(&matched, e))
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
        } else {
            self.by_name
                .iter()
                .map(|&e| e as usize)
                .filter(|&e| selected.contains(e))
                .map(|index| Hit::new(index, 0))
                .collect()
        };
        // A way forward for a query with a known word, or a place chosen.
        let known = matched.ignored.len() < query.positive.len();
        if !query.positive.is_empty() && (known || !filters.municipalities.is_empty()) {
            let mut passing = Bitset::full(self.len);
            applied.restrict(&mut passing);
            let place = !filters.municipalities.is_empty();
            self.show_way_in(&mut hits, &matched, local, &passing, place);
        }
        Results {
            hits,
            facets,
            ignored: matched.ignored,
        }
    }

    /// An entry's sort key, smallest first: named, met in its own words, coverage,
    /// score, narrower fit, name (see [`super::score`]).
    fn sort_key(&self, matched: &Matched, e: usize) -> u128 {
        let own = u128::from(!matched.own[e]);
        let titled = u128::from(!matched.titled[e]);
        let coverage = u128::from(u32::MAX - matched.coverage[e]);
        let score = u128::from(u32::MAX - matched.score[e]);
        let fit = u128::from(self.fit[e]);
        titled << 113
            | own << 112
            | coverage << 80
            | score << 48
            | fit << 32
            | u128::from(self.name_rank[e])
    }

    /// Always a way forward. When none of the first three hits answers the
    /// query specifically (see [`Matched::specific`]),
    /// the general way in (an entry marked `way_in` passing the filters)
    /// comes first: the catalogue has nothing more specific. When a
    /// municipality is chosen and no offer local to it is among the first
    /// three, the way in is put third. Either way it is marked as such.
    fn show_way_in(
        &self,
        hits: &mut Vec<Hit>,
        matched: &Matched,
        local: Option<&Bitset>,
        passing: &Bitset,
        place: bool,
    ) {
        let top = hits.len().min(3);
        let is_local_offer =
            |e: usize| self.flags[e] & OFFER != 0 && local.is_some_and(|l| l.contains(e));
        let specific = hits[..top].iter().any(|h| matched.specific[h.index]);
        let local_offer = hits[..top].iter().any(|h| is_local_offer(h.index));
        let at = match (specific, place && !local_offer) {
            (false, _) => 0,
            (true, true) => top.min(2),
            (true, false) => return,
        };
        // The first way in listed that passes the filters (their ages tell
        // them apart: the youth effort under 25, the jobcenter from 25).
        let Some(way_in) =
            (0..self.len).find(|&e| self.flags[e] & WAY_IN != 0 && passing.contains(e))
        else {
            return;
        };
        let found = hits.iter().position(|h| h.index == way_in);
        let mut hit = match found {
            Some(found) if found < top && found <= at => {
                hits[found].details_mut().way_in = true;
                return;
            }
            Some(found) => hits.remove(found),
            None => Hit::new(way_in, 0),
        };
        hit.details_mut().way_in = true;
        hits.insert(at.min(hits.len()), hit);
    }

    /// The hits for sort keys (see [`Self::sort_key`]), in key order; the
    /// first [`DETAILED_HITS`] with matched fields and name positions.
    fn hits(&self, keys: &[u128], matched: &Matched, terms: &[Term]) -> Vec<Hit> {
        let mut scratch = Vec::new();
        let keyword_hits = self.keyword_hits(terms);
        keys.iter()
            .enumerate()
            .map(|(rank, &key)| {
                let index = self.by_name[(key & u128::from(u32::MAX)) as usize] as usize;
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

    /// The keywords the terms hold whole (a phrase's every word). A stop
    /// word (`optional`) holds a word only whole: "for" is not "forældre".
    fn complete<'t>(
        &self,
        positive: impl Iterator<Item = &'t Term>,
        optional: impl Iterator<Item = &'t Term>,
    ) -> Complete {
        let typed = positive.filter(|t| !t.negated).flat_map(|term| {
            term.pieces.iter().map(move |piece| {
                let (mode, substring) = lookup_mode(term, piece, MIN_SUBSTRING_TEXT);
                (piece, mode, substring)
            })
        });
        let stop = optional.flat_map(|term| term.pieces.iter().map(|p| (p, Mode::Word, false)));
        self.keywords.complete(typed.chain(stop))
    }

    /// The groups and themes the terms reach through a keyword, once per
    /// search: (field, vocabulary index, keyword word id).
    fn keyword_hits(&self, terms: &[Term]) -> Vec<(Field, usize, u32)> {
        let complete = self.complete(terms.iter(), std::iter::empty());
        let mut found = Vec::new();
        for term in terms.iter().filter(|t| !t.negated) {
            for piece in &term.pieces {
                let (mode, substring) = lookup_mode(term, piece, MIN_SUBSTRING_TEXT);
                for (field, index, _, word) in
                    self.keywords.lookup(piece, mode, substring, &complete)
                {
                    // An entry's own phrase shows as its keyword field.
                    if field != Field::Keyword {
                        found.push((field, index, word));
                    }
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
            .is_some_and(|set| set.contains(entry))
                && !self.theme_only_narrow(entry, field.bit());
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

    /// Matches every term (BM25F, see [`super::score`]): a positive term
    /// that meets no entry is left out and listed as ignored; an entry needs
    /// one positive term, not all (soft AND).
    fn match_query(&self, query: &Query, local: Option<&Bitset>) -> Matched {
        let len = self.len;
        let complete = self.complete(query.positive.iter(), query.optional.iter());
        let mut alive = vec![true; len];
        for term in &query.negative {
            let found = self.term_scores(term, &alive, &complete);
            for (live, v) in alive.iter_mut().zip(&found.at) {
                *live &= v.points == 0;
            }
        }
        let mut score = vec![0f32; len];
        let mut coverage = vec![0f32; len];
        let mut own = vec![false; len];
        let mut fields = vec![0u16; len];
        let mut ignored = Vec::new();
        let mut any_known = false;
        let mut own_coverage = vec![0f32; len];
        let mut title_coverage = vec![0f32; len];
        let mut known_weight = 0f32;
        for term in &query.positive {
            let found = self.term_scores(term, &alive, &complete);
            let live = |e: &usize| alive[*e] && found.at[*e].points > 0;
            // How many live entries the term meets; of them, how many
            // better than scattered letters; whether any at a word's start.
            let (mut met, mut solid, mut any_start) = (0, 0, false);
            for (v, _) in found
                .at
                .iter()
                .zip(&alive)
                .filter(|(v, a)| **a && v.points > 0)
            {
                met += 1;
                solid += usize::from(v.points > MAX_FUZZY_POINTS);
                any_start |= v.start;
            }
            if met == 0 {
                ignored.push(term.raw.clone());
                continue;
            }
            any_known = true;
            // A scattered match covers the word only where nothing better
            // meets it anywhere.
            let floor = if solid > 0 { MAX_FUZZY_POINTS + 1 } else { 1 };
            let weight = idf(if solid > 0 { solid } else { met }, len);
            // A short word met at some word's start is not evidence where
            // it only sits inside another word (`to` in "Mentorbarn"); met
            // only inside words (`ps` while typing), it still finds them.
            let short = term.char_len() < MIN_SUBSTRING_TEXT && any_start;
            known_weight += weight;
            for e in (0..len).filter(live) {
                // Where the word meets the entry at a word's start, the
                // fields it does so in; a hit inside a word is no own word.
                let met_in = if found.at[e].start {
                    found.at[e].start_fields
                } else {
                    found.at[e].fields
                };
                let in_own = met_in & OWN_FIELDS != 0;
                // A programme for a narrower audience than the general one
                // needs the query to name it: never reached through a theme
                // (see `evidence`), and a word met only in its target group
                // or its longer texts (not its name, aliases or keywords) is
                // half a word.
                let narrow = self.flags[e] & GENERAL == 0;
                let ended = self.flags[e] & ENDED != 0;
                let points = found.at[e].points;
                score[e] += weight * saturate(u32::from(points));
                if points >= floor {
                    // A hit inside a word, or a slip, is half a hit; see
                    // `short`.
                    let mut share = match (found.at[e].start, short) {
                        (true, _) => 1.0,
                        (false, false) => 0.5,
                        (false, true) => 0.0,
                    };
                    let named = met_in & NAMING_FIELDS != 0;
                    // Met only in the longer texts (description, next
                    // steps, eligibility…): mentioned, not what the entry is
                    // about — half a word. The same for a narrow programme met
                    // only in its target group.
                    let brief = met_in & BRIEF_FIELDS != 0;
                    if (narrow && !named) || !brief {
                        share *= TEXT_SHARE;
                    }
                    coverage[e] += weight * share;
                    // Met in words of its own that count as such (a narrow
                    // or ended entry's name, aliases or keywords).
                    let counts_own = in_own && (named || !(narrow || ended));
                    own[e] |= counts_own;
                    if counts_own && found.at[e].start {
                        own_coverage[e] += weight;
                    }
                    if met_in & TITLE_FIELDS != 0 && found.at[e].start {
                        title_coverage[e] += weight;
                    }
                }
                fields[e] |= found.at[e].fields;
            }
        }
        for term in &query.optional {
            let found = self.term_scores(term, &alive, &complete);
            let met = (0..len)
                .filter(|&e| alive[e] && found.at[e].points > 0)
                .count();
            let weight = OPTIONAL_SHARE * idf(met, len);
            for e in (0..len).filter(|&e| alive[e] && found.at[e].points > 0) {
                score[e] += weight * saturate(u32::from(found.at[e].points));
                fields[e] |= found.at[e].fields;
            }
        }
        // The municipality is a word of the query that its own entries meet
        // in their area (when they meet another word too). A place is not a
        // situation — every entry listed serves it — so it is half a word.
        if let Some(local) = local {
            let weight = idf(local.count(), len);
            for e in local.iter().filter(|&e| alive[e]) {
                score[e] += weight * saturate(LOCAL_POINTS);
                if coverage[e] > 0.0 {
                    coverage[e] += weight / 2.0;
                    own[e] |= self.flags[e] & ENDED == 0;
                }
            }
        }
        let set = if query.positive.is_empty() {
            Bitset::from_fn(len, |e| alive[e])
        } else {
            Bitset::from_fn(len, |e| alive[e] && coverage[e] > 0.0)
        };
        // What a caseworker can act on first (see `score`'s module docs).
        let scaled = |v: f32| (v * KEY_SCALE).clamp(0.0, u32::MAX as f32) as u32;
        Matched {
            set,
            score: (0..len)
                .map(|e| scaled(score[e] * f32::from(self.prior[e]) / 1000.0))
                .collect(),
            coverage: coverage.into_iter().map(scaled).collect(),
            own,
            titled: title_coverage
                .iter()
                .map(|&c| any_known && c >= known_weight * SPECIFIC_SHARE)
                .collect(),
            specific: (0..len)
                .map(|e| {
                    let all = |c: f32| any_known && c >= known_weight * SPECIFIC_SHARE;
                    let offer = self.flags[e] & OFFER != 0;
                    all(if offer {
                        own_coverage[e]
                    } else {
                        title_coverage[e]
                    })
                })
                .collect(),
            fields,
            ignored,
        }
    }
}
