//! [`SearchIndex`]: everything a search needs, precomputed once per catalogue.

use super::Field;
use super::dictionary::{self, Builder, Dictionary, GRADES, ungrade};
use super::filters::FacetIndex;
use super::fold::fold;
use super::keywords::is_phrase;
use super::names::EntryNames;
use super::score::{Tier, pair_points, points};
use rustc_hash::FxHashMap as HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::catalogue::{Catalogue, Initiative, Term};
use crate::progress::{Progress, Stage};

/// The fields of the name dictionary, by local bit: the short fields that
/// say what an entry is and whom it answers.
pub(super) const NAME_FIELDS: &[Field] = &[Field::Name, Field::Alias, Field::Keyword];
/// The name's bit in the name dictionary's masks.
pub(super) const NAME_FIELDS_NAME: u8 = 0;
/// An alias's bit in the name dictionary's masks.
pub(super) const NAME_FIELDS_ALIAS: u8 = 1;

/// The fields of the text dictionary, by local bit.
pub(super) const TEXT_FIELDS: &[Field] = &[
    Field::Theme,
    Field::TargetGroup,
    Field::Provider,
    Field::Summary,
    Field::Description,
    Field::Eligibility,
    Field::NextSteps,
    Field::Area,
];

/// A dictionary with the points of its postings.
#[derive(Debug, Clone)]
pub(super) struct Scored {
    pub dict: Dictionary,
    /// `points[grade][mask]`: the points of a word of that grade occurring
    /// in the local fields of `mask`, summed over the fields (BM25F's
    /// weighted term frequency).
    pub points: Vec<[u16; 256]>,
    /// `fields[mask]`: the global field mask of a local mask.
    pub fields: [u16; 256],
    /// `slip_points[mask]`: the points of a misspelt word occurring in the
    /// local fields of `mask` (a loose inside-a-word hit there).
    pub slip_points: [u16; 256],
}

impl Scored {
    pub(super) fn new(
        dict: Dictionary,
        local: &[Field],
        points: fn(Field, Tier, bool) -> u16,
    ) -> Scored {
        let mut fields = [0u16; 256];
        for (mask, slot) in fields.iter_mut().enumerate() {
            *slot = local
                .iter()
                .enumerate()
                .filter(|(bit, _)| mask >> bit & 1 == 1)
                .fold(0, |acc, (_, f)| acc | f.bit());
        }
        let mut table = vec![[0u16; 256]; GRADES];
        for (grade, row) in table.iter_mut().enumerate().skip(1) {
            let (tier, loose) = ungrade(grade as u8);
            for (mask, slot) in row.iter_mut().enumerate() {
                let each = local
                    .iter()
                    .enumerate()
                    .filter(|(bit, _)| mask >> bit & 1 == 1)
                    .map(|(_, &f)| points(f, tier, loose));
                // Word starts add up over the fields; inside a word, only
                // the best field counts (see `super::score`).
                *slot = match tier {
                    Tier::Substring => each.max().unwrap_or(0),
                    _ => each.fold(0, super::score::combine),
                };
            }
        }
        let mut slip_points = [0u16; 256];
        for (mask, slot) in slip_points.iter_mut().enumerate() {
            *slot = local
                .iter()
                .enumerate()
                .filter(|(bit, _)| mask >> bit & 1 == 1)
                .map(|(_, &f)| super::score::points(f, Tier::Substring, true))
                .max()
                .unwrap_or(0);
        }
        Scored {
            dict,
            points: table,
            fields,
            slip_points,
        }
    }
}

/// An owned, precomputed index of a catalogue: build it once at load with
/// [`SearchIndex::new`], then call [`SearchIndex::search`] per keystroke. It
/// does not borrow the catalogue; hits refer to entries by index.
#[derive(Clone)]
pub struct SearchIndex {
    pub(super) len: usize,
    pub(super) names: Vec<EntryNames>,
    /// Words of names and aliases.
    pub(super) name_dict: Scored,
    /// Adjacent words of names and aliases run together (`ipsung`,
    /// `fguskolen`), for queries that leave out a space or hyphen.
    pub(super) pair_dict: Scored,
    /// Words of every other indexed field.
    pub(super) text_dict: Scored,
    /// Entry indices sorted by folded name, then catalogue order.
    pub(super) by_name: Vec<u32>,
    /// Position of each entry in `by_name`.
    pub(super) name_rank: Vec<u32>,
    pub(super) facets: FacetIndex,
    /// The names municipalities go by, for [`SearchIndex::understand`].
    pub(super) places: super::understand::Places,
    /// Per entry: the ranking prior, per mille ([`super::score::prior`]).
    pub(super) prior: Vec<u16>,
    /// Per entry: its narrower fit ([`super::score::fit`]).
    pub(super) fit: Vec<u16>,
    /// Per entry: [`GENERAL`], [`WAY_IN`], [`OFFER`], [`ENDED`].
    pub(super) flags: Vec<u8>,
    /// The vocabularies' keywords ([`super::keywords`]).
    pub(super) keywords: super::keywords::Keywords,
    /// Per entry and vocabulary value (target groups, then themes): where
    /// the entry lists it (0 = first), or `u8::MAX` when it does not. An
    /// entry's first target group is what it is most for.
    pub(super) value_pos: Vec<u8>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.len)
            .field("name_words", &self.name_dict.dict.len())
            .field("name_pairs", &self.pair_dict.dict.len())
            .field("text_words", &self.text_dict.dict.len())
            .field("text_postings", &self.text_dict.dict.postings_len())
            .finish_non_exhaustive()
    }
}

/// The parts of an index built straight from a catalogue's vocabularies and
/// entries (see [`SearchIndex::small_parts`]).
pub(super) struct SmallParts {
    pub places: super::understand::Places,
    pub prior: Vec<u16>,
    pub fit: Vec<u16>,
    pub flags: Vec<u8>,
    pub keywords: super::keywords::Keywords,
    pub value_pos: Vec<u8>,
}

/// Folded labels (Danish and English) of a vocabulary, by id.
fn folded_labels(terms: &[Term]) -> HashMap<&str, String> {
    terms
        .iter()
        .map(|t| {
            let mut text = fold(&t.label);
            if let Some(en) = &t.label_en {
                text.push(' ');
                text.push_str(&fold(en));
            }
            (t.id.as_str(), text)
        })
        .collect()
}

/// From this many entries on, the index is built on two threads: for the
/// bundled catalogue's hundred-odd entries too, where it takes about a
/// millisecond off `indsats search` (a thread starts in tens of µs).
const PARALLEL_BUILD: usize = 64;

/// How many threads the machine offers.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// The folded vocabulary labels and municipality names, by id.
struct Labels<'a> {
    themes: &'a HashMap<&'a str, String>,
    target_groups: &'a HashMap<&'a str, String>,
    municipalities: &'a HashMap<&'a str, String>,
}

/// Entries folded between two reports of progress.
const PROGRESS_EVERY: usize = 512;

/// Counts the entries folded, by both threads, into a [`Progress`]: the
/// folding is about four fifths of building the index at 100,000 entries.
struct Ticker<'a> {
    progress: Option<&'a Progress>,
    done: AtomicUsize,
    total: usize,
}

impl Ticker<'_> {
    fn tick(&self, entries: usize) {
        if let Some(progress) = self.progress {
            let done = self.done.fetch_add(entries, Ordering::Relaxed) + entries;
            progress.set(Stage::Indexing, done * 4, self.total * 5);
        }
    }
}

/// The folded names and the word collections of a run of entries.
struct Part {
    names: Vec<EntryNames>,
    name_words: Builder,
    pair_words: Builder,
    text_words: Builder,
}

impl Part {
    /// Folds and collects the words of `entries`, the first of which is
    /// entry number `offset` of the catalogue.
    fn build(entries: &[Initiative], offset: usize, labels: &Labels<'_>, ticker: &Ticker) -> Part {
        let mut part = Part {
            names: Vec::with_capacity(entries.len()),
            name_words: Builder::default(),
            pair_words: Builder::default(),
            text_words: Builder::default(),
        };
        let mut pair = String::new();
        let mut add_pairs = |e: usize, field: Field, folded: &str, pairs: &mut Builder| {
            let bit = local_bit(NAME_FIELDS, field);
            let mut previous: Option<&str> = None;
            for word in super::fold::words(folded) {
                if let Some(first) = previous {
                    pair.clear();
                    pair.push_str(first);
                    pair.push_str(word);
                    pairs.add_word(e, bit, &pair);
                }
                previous = Some(word);
            }
        };
        let bit = |f| local_bit(TEXT_FIELDS, f);
        let mut alias = String::new();
        for (i, entry) in entries.iter().enumerate() {
            if i % PROGRESS_EVERY == PROGRESS_EVERY - 1 {
                ticker.tick(PROGRESS_EVERY);
            }
            let e = offset + i;
            let folded = EntryNames::new(&entry.name);
            let name_bit = local_bit(NAME_FIELDS, Field::Name);
            part.name_words.add_folded(e, name_bit, folded.folded());
            add_pairs(e, Field::Name, folded.folded(), &mut part.pair_words);
            for text in &entry.aliases {
                alias.clear();
                super::fold::fold_into(text, &mut alias);
                let alias_bit = local_bit(NAME_FIELDS, Field::Alias);
                part.name_words.add_folded(e, alias_bit, &alias);
                add_pairs(e, Field::Alias, &alias, &mut part.pair_words);
            }
            let keyword_bit = local_bit(NAME_FIELDS, Field::Keyword);
            // A phrase counts only whole: it lives with the vocabularies'
            // keywords ([`super::keywords::is_phrase`]).
            for keyword in entry.keywords.iter().filter(|k| !is_phrase(k)) {
                part.name_words.add_text(e, keyword_bit, keyword);
            }
            part.names.push(folded);

            let text = &mut part.text_words;
            for id in &entry.themes {
                if let Some(label) = labels.themes.get(id.as_str()) {
                    text.add_folded(e, bit(Field::Theme), label);
                }
            }
            for id in &entry.target_groups {
                if let Some(label) = labels.target_groups.get(id.as_str()) {
                    text.add_folded(e, bit(Field::TargetGroup), label);
                }
            }
            for provider in &entry.providers {
                text.add_text(e, bit(Field::Provider), provider);
            }
            text.add_text(e, bit(Field::Summary), &entry.summary);
            text.add_text(e, bit(Field::Description), &entry.description);
            for keyword in entry.keywords.iter().filter(|k| is_phrase(k)) {
                text.add_text(e, bit(Field::Description), keyword);
            }
            if let Some(eligibility) = &entry.eligibility {
                text.add_text(e, bit(Field::Eligibility), eligibility);
            }
            for step in &entry.next_steps {
                text.add_text(e, bit(Field::NextSteps), step);
            }
            for id in &entry.area.municipalities {
                match labels.municipalities.get(id.as_str()) {
                    Some(name) => text.add_folded(e, bit(Field::Area), name),
                    None => text.add_text(e, bit(Field::Area), id),
                }
            }
            if let Some(note) = &entry.area.note {
                text.add_text(e, bit(Field::Area), note);
            }
        }
        part
    }

    /// Appends the part for the entries right after this part's, but for
    /// its text words, which are given back: the big text dictionary is
    /// laid out from both parts at once ([`Builder::finish_parts`]).
    fn append(&mut self, next: Part) -> Builder {
        self.names.extend(next.names);
        self.name_words.append(next.name_words);
        self.pair_words.append(next.pair_words);
        next.text_words
    }
}

/// [`SearchIndex::value_pos`] of a catalogue.
fn value_positions(catalogue: &Catalogue) -> Vec<u8> {
    let vocab = &catalogue.vocabularies;
    let index: HashMap<(u8, &str), usize> = vocab
        .target_groups
        .iter()
        .map(|t| (0, t.id.as_str()))
        .chain(vocab.themes.iter().map(|t| (1, t.id.as_str())))
        .enumerate()
        .map(|(i, key)| (key, i))
        .collect();
    let values = index.len();
    let mut pos = vec![u8::MAX; catalogue.initiatives.len() * values];
    for (e, entry) in catalogue.initiatives.iter().enumerate() {
        let lists = [(0u8, &entry.target_groups), (1u8, &entry.themes)];
        for (kind, ids) in lists {
            for (p, id) in ids.iter().enumerate() {
                if let Some(&v) = index.get(&(kind, id.as_str())) {
                    pos[e * values + v] = p.min(254) as u8;
                }
            }
        }
    }
    pos
}

/// Flag: the entry is for the catalogue's general audience (it lists a
/// target group that more than half of all entries list: in the bundled
/// catalogue, young people outside education and employment). A theme's
/// label or keyword reaches only such entries; a programme for a narrower
/// audience alone (gang members, a diagnosis's association, pupils) needs
/// the query to name that audience — its own words or its target group.
pub(super) const GENERAL: u8 = 1;
/// Flag: the entry is a municipality's general way in (`way_in`).
pub(super) const WAY_IN: u8 = 2;
/// Flag: the entry is of kind offer.
pub(super) const OFFER: u8 = 4;
/// Flag: the entry has ended. Nothing to refer to: it is found in its own
/// right only by the words that name it (name, aliases, keywords), not by
/// its place or its longer texts, so a running offer meeting fewer words
/// comes first.
pub(super) const ENDED: u8 = 8;

/// [`SearchIndex::flags`] of a catalogue.
fn entry_flags(catalogue: &Catalogue) -> Vec<u8> {
    let entries = &catalogue.initiatives;
    let mut listed: HashMap<&str, usize> = HashMap::default();
    for entry in entries {
        for id in &entry.target_groups {
            *listed.entry(id.as_str()).or_default() += 1;
        }
    }
    let general = |id: &String| {
        listed
            .get(id.as_str())
            .is_some_and(|&n| 2 * n > entries.len())
    };
    entries
        .iter()
        .map(|e| {
            let mut flags = 0;
            if e.target_groups.iter().any(general) {
                flags |= GENERAL;
            }
            if e.way_in {
                flags |= WAY_IN;
            }
            if e.kind == crate::catalogue::Kind::Offer {
                flags |= OFFER;
            }
            if e.status == crate::catalogue::Status::Ended {
                flags |= ENDED;
            }
            flags
        })
        .collect()
}

/// Entry indices sorted by folded name (then catalogue order), and each
/// entry's place in that order.
fn name_order(names: &[EntryNames]) -> (Vec<u32>, Vec<u32>) {
    let mut by_name: Vec<u32> = (0..names.len() as u32).collect();
    by_name.sort_by(|&a, &b| {
        names[a as usize]
            .folded()
            .cmp(names[b as usize].folded())
            .then(a.cmp(&b))
    });
    let mut name_rank = vec![0u32; names.len()];
    for (rank, &e) in by_name.iter().enumerate() {
        name_rank[e as usize] = rank as u32;
    }
    (by_name, name_rank)
}

fn local_bit(fields: &[Field], field: Field) -> u8 {
    fields.iter().position(|&f| f == field).unwrap_or_default() as u8
}

impl SearchIndex {
    /// Indexes `catalogue`: folds names, aliases and texts, builds the word
    /// dictionaries, the name order and the filter sets.
    ///
    /// # Panics
    /// With more than 16,777,215 initiatives (a catalogue file cannot hold
    /// that many within its size limit).
    pub fn new(catalogue: &Catalogue) -> SearchIndex {
        SearchIndex::with_threads(catalogue, threads(), None)
    }

    /// [`SearchIndex::new`], saying how far it has come in `progress`.
    pub fn new_reporting(catalogue: &Catalogue, progress: &Progress) -> SearchIndex {
        let index = SearchIndex::with_threads(catalogue, threads(), Some(progress));
        progress.set(Stage::Indexing, 1, 1);
        index
    }

    /// [`SearchIndex::new`] on at most `threads` threads (1 or 2 are used).
    pub(super) fn with_threads(
        catalogue: &Catalogue,
        threads: usize,
        progress: Option<&Progress>,
    ) -> SearchIndex {
        let entries = &catalogue.initiatives;
        let ticker = Ticker {
            progress,
            done: AtomicUsize::new(0),
            total: entries.len(),
        };
        assert!(
            entries.len() < dictionary::MAX_ENTRIES,
            "too many initiatives to index"
        );
        let vocab = &catalogue.vocabularies;
        let themes = folded_labels(&vocab.themes);
        let target_groups = folded_labels(&vocab.target_groups);
        let municipalities: HashMap<&str, String> = vocab
            .municipalities
            .iter()
            .map(|m| (m.id.as_str(), fold(&m.name)))
            .collect();

        let labels = Labels {
            themes: &themes,
            target_groups: &target_groups,
            municipalities: &municipalities,
        };
        // Two halves on two threads when it pays; the halves' dictionaries
        // merge in entry order.
        let parallel = entries.len() >= PARALLEL_BUILD && threads > 1;
        let (part, second_text) = if parallel {
            let half = entries.len() / 2;
            std::thread::scope(|scope| {
                let second = crate::threads::spawn_or_defer(scope, || {
                    Part::build(&entries[half..], half, &labels, &ticker)
                });
                let mut part = Part::build(&entries[..half], 0, &labels, &ticker);
                let second_text = part.append(second.join());
                (part, Some(second_text))
            })
        } else {
            (Part::build(entries, 0, &labels, &ticker), None)
        };
        let Part {
            names,
            mut name_words,
            pair_words,
            text_words,
        } = part;
        // Names only: a name's compound (`Virksomhedsnetværk`) is what a
        // caseworker asks for by its halves; in the long texts the halves
        // would add a tenth to the postings (memory at 100,000 entries) for
        // little, and a query's compound is split at search time anyway.
        name_words.add_compound_parts();

        // The text dictionary is the big one: lay it out on this thread
        // while two others do the names and the per-entry parts. Three
        // threads on two cores: the per-entry parts read every entry's
        // lists again, which at 100,000 entries costs as much as the names,
        // and the system balances the three better than a fixed split.
        let names_part = || {
            let (by_name, name_rank) = name_order(&names);
            (
                Scored::new(name_words.finish(), NAME_FIELDS, points),
                Scored::new(pair_words.finish(), NAME_FIELDS, pair_points),
                by_name,
                name_rank,
            )
        };
        let entry_part = || {
            (
                SearchIndex::small_parts(catalogue),
                FacetIndex::new(catalogue),
            )
        };
        let (text_dict, (name_dict, pair_dict, by_name, name_rank), (small, facets)) =
            std::thread::scope(|scope| {
                let names_part = crate::threads::start(scope, parallel, names_part);
                let entry_part = crate::threads::start(scope, parallel, entry_part);
                let text = Builder::finish_parts(text_words, second_text);
                let text = Scored::new(text, TEXT_FIELDS, points);
                (text, names_part.join(), entry_part.join())
            });
        SearchIndex {
            len: entries.len(),
            names,
            name_dict,
            pair_dict,
            text_dict,
            by_name,
            name_rank,
            facets,
            places: small.places,
            prior: small.prior,
            fit: small.fit,
            flags: small.flags,
            keywords: small.keywords,
            value_pos: small.value_pos,
        }
    }

    /// The parts of an index that come straight from the catalogue's
    /// vocabularies and entries, cheaply.
    pub(super) fn small_parts(catalogue: &Catalogue) -> SmallParts {
        SmallParts {
            places: super::understand::Places::new(&catalogue.vocabularies),
            prior: catalogue
                .initiatives
                .iter()
                .map(|e| super::score::prior(e.kind, e.status, e.area.scope))
                .collect(),
            fit: catalogue
                .initiatives
                .iter()
                .map(|e| super::score::fit(e.area.scope, e.age))
                .collect(),
            flags: entry_flags(catalogue),
            keywords: super::keywords::Keywords::new(
                &catalogue.vocabularies,
                &catalogue.initiatives,
            ),
            value_pos: value_positions(catalogue),
        }
    }

    /// Where entry `e` lists the vocabulary value `value` (target groups
    /// first, then themes), 0 for first; `None` when it does not.
    pub(super) fn value_position(&self, e: usize, value: usize) -> Option<u8> {
        let values = self.value_pos.len() / self.len.max(1);
        self.value_pos
            .get(e * values + value)
            .copied()
            .filter(|&p| p != u8::MAX)
    }

    /// Number of initiatives indexed.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the catalogue has no initiatives.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Number of distinct words in the text dictionary (for benchmarks).
    pub fn text_words(&self) -> usize {
        self.text_dict.dict.len()
    }
}
