//! Danish-aware ranked search with filters and facet counts (ARCHITECTURE.md §4).
//!
//! [`SearchIndex::new`] precomputes everything once per catalogue: folded
//! names (with maps back to the original chars, for highlighting), three
//! token dictionaries (the words of names and aliases, with the halves of
//! their compounds; adjacent name words run together, for `ipsung`; the words
//! of every other indexed field — each word pointing at the entries and
//! fields it occurs in, with its loose key, its Danish stem and its letter
//! set), the vocabularies' keywords, the municipalities' names and aliases,
//! a ranking prior per entry, the alphabetical order of the names, and one
//! bitset per filter value. [`SearchIndex::understand`] reads places and ages
//! out of a query; [`SearchIndex::search_understood`] (the app and `indsats
//! search`) and [`SearchIndex::search`] (the literal query) then cost a scan
//! of the distinct words, not of the text: per keystroke they do not grow
//! with the length of the descriptions. Figures: BENCHMARKS.md.
//!
//! Pure: no I/O, and the query is never stored beyond the call.
//!
//! * [`fold`](mod@fold) — the folding of text and query ([`fold::fold`], [`fold::loose`]).
//! * [`understand`] — places, ages and stop words in a caseworker's query.
//! * [`query`] — parsing terms and fzf operators.
//! * [`stem`] — Danish Snowball stems; `compound` — compounds against the
//!   catalogue's own words; [`keywords`] — situation words to target groups
//!   and themes.
//! * [`fuzzy_words`] — fuzzy-matcher's scatters and one-slip matches behind a
//!   letter-set prefilter.
//! * [`score`] — the points of a hit per field and kind of match, and the
//!   ranking prior.
//! * `dictionary`, `names`, `matcher` — matching a query against the index.
//! * [`facets`] — the table of the facets: names, flags, values, counting.
//! * [`filters`] — filter sets and disjunctive facet counts.

mod bitset;
mod compound;
mod dictionary;
mod evidence;
pub mod facets;
pub mod filters;
pub use crate::fold;
pub mod fuzzy_words;
mod index;
pub mod keywords;
mod matcher;
mod names;
pub mod query;
pub mod score;
pub mod stem;
#[cfg(test)]
mod tests;
pub mod understand;

use std::collections::BTreeSet;

use serde::Serialize;

use crate::catalogue::{Kind, Status};

pub use fold::fold;
pub use index::SearchIndex;
pub use matcher::DETAILED_HITS;
pub use query::{Mode, Query, Term};

/// The filters of a search: OR within a facet, AND across facets. An empty
/// set does not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Municipality ids. An entry passes when its scope is `region` or
    /// `national`, or `municipalities` naming one of them; an
    /// `outside_region` entry passes only when [`Filters::statuses`] includes
    /// [`Status::Inspiration`].
    pub municipalities: BTreeSet<String>,
    /// Target-group ids: the entry has at least one of them.
    pub target_groups: BTreeSet<String>,
    /// Theme ids: the entry has at least one of them.
    pub themes: BTreeSet<String>,
    /// Statuses: the entry has one of them.
    pub statuses: BTreeSet<Status>,
    /// Kinds: the entry is one of them.
    pub kinds: BTreeSet<Kind>,
    /// An age the entry's range must include; entries without a range stay.
    pub age: Option<u8>,
    /// Keep only entries last verified before this date (the caller passes
    /// today minus a year to find the entries due for a check).
    pub verified_before: Option<crate::date::Date>,
}

impl Filters {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self == &Filters::default()
    }
}

/// A field of an initiative that the search looks at, best first.
///
/// The order (`Ord`) is the order of [`Hit::matched_fields`], not the ranking;
/// see [`score`] for the points each field gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The display name.
    Name,
    /// One of the other names.
    Alias,
    /// One of the entry's own keywords (the situations it answers).
    Keyword,
    /// A theme's label, Danish or English.
    Theme,
    /// A target group's label, Danish or English.
    TargetGroup,
    /// A provider.
    Provider,
    /// The one-line summary.
    Summary,
    /// The description.
    Description,
    /// Who can take part.
    Eligibility,
    /// The next steps.
    NextSteps,
    /// The area: municipality names and the area note.
    Area,
}

impl Field {
    /// Every field, in `Ord` order.
    pub const ALL: [Field; 11] = [
        Field::Name,
        Field::Alias,
        Field::Keyword,
        Field::Theme,
        Field::TargetGroup,
        Field::Provider,
        Field::Summary,
        Field::Description,
        Field::Eligibility,
        Field::NextSteps,
        Field::Area,
    ];

    /// This field's bit in a field mask.
    pub const fn bit(self) -> u16 {
        1 << self as u16
    }

    /// The fields of a mask, in `Ord` order.
    pub fn from_mask(mask: u16) -> Vec<Field> {
        let mut fields = Vec::with_capacity(mask.count_ones() as usize);
        fields.extend(Field::ALL.into_iter().filter(|f| mask & f.bit() != 0));
        fields
    }
}

/// One matching initiative. Small (24 bytes): a one-letter query at
/// 100,000 entries makes 100,000 of them on every keystroke.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hit {
    /// Index into `catalogue.initiatives`.
    pub index: usize,
    /// Relevance; higher is better (0 for an empty query).
    pub score: u32,
    /// Why it matched: filled for the best [`DETAILED_HITS`] hits of a
    /// search; below them `None` until [`SearchIndex::fill_details`] is called.
    details: Option<Box<HitDetails>>,
}

/// Why a hit matched.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HitDetails {
    /// The fields any query term matched in, sorted and deduplicated.
    pub matched_fields: Vec<Field>,
    /// Char indices into `initiative.name` to highlight, sorted.
    pub name_positions: Vec<usize>,
    /// The target groups and themes matched through one of their keywords
    /// (`angst` → psykisk).
    pub via: Vec<keywords::Via>,
    /// Shown as the chosen municipality's general way in: no offer local
    /// to it was among the first three (see [`Initiative::way_in`]).
    ///
    /// [`Initiative::way_in`]: crate::catalogue::Initiative::way_in
    pub way_in: bool,
}

impl Hit {
    /// A hit on the entry at `index` with `score`, its details not filled.
    pub fn new(index: usize, score: u32) -> Hit {
        Hit {
            index,
            score,
            details: None,
        }
    }

    /// The fields any query term matched in, sorted and deduplicated (empty
    /// until filled).
    pub fn matched_fields(&self) -> &[Field] {
        self.details.as_ref().map_or(&[], |d| &d.matched_fields)
    }

    /// Char indices into `initiative.name` to highlight, sorted (empty until
    /// filled).
    pub fn name_positions(&self) -> &[usize] {
        self.details.as_ref().map_or(&[], |d| &d.name_positions)
    }

    /// The target groups and themes matched through one of their keywords
    /// (empty until filled).
    pub fn via(&self) -> &[keywords::Via] {
        self.details.as_ref().map_or(&[], |d| &d.via)
    }

    /// Whether this hit is shown as the chosen municipality's general way
    /// in (false until filled).
    pub fn way_in(&self) -> bool {
        self.details.as_ref().is_some_and(|d| d.way_in)
    }

    /// The details, to fill.
    fn details_mut(&mut self) -> &mut HitDetails {
        self.details.get_or_insert_with(Box::default)
    }
}

/// How many entries each filter value would leave, given the query and the
/// other facets' filters (disjunctive faceting): the count of value `v` of
/// facet `F` is the number of results when `F`'s selection is replaced by
/// `{v}` and every other filter stays.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FacetCounts {
    /// Per facet, in [`facets::FACETS`] order: a count per value, in the
    /// order of [`facets::FacetSpec::choices`] (none for the age).
    counts: Vec<Vec<usize>>,
}

impl FacetCounts {
    /// The counts of `facet`'s values, in the order of its choices (empty
    /// for the age, or before a search).
    pub fn of(&self, facet: facets::Facet) -> &[usize] {
        self.counts.get(facet.index()).map_or(&[], Vec::as_slice)
    }
}

/// The outcome of a search: ranked hits and facet counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// Every matching entry, best first (see [`score`] for the order).
    pub hits: Vec<Hit>,
    /// Counts per filter value.
    pub facets: FacetCounts,
    /// The query's words, as typed, that matched nothing in the catalogue
    /// and were left out of the search.
    pub ignored: Vec<String>,
}
