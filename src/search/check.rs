//! Checking a [`SearchIndex`] read from the start-up cache before it is used:
//! the cache file is hostile input (ARCHITECTURE.md §9), so every stored index and
//! offset is checked against the catalogue it comes with, and the parts that
//! are cheap to rebuild are rebuilt instead of trusted.

use super::Field;
use super::dictionary::Dictionary;
use super::filters::FacetIndex;
use super::index::{NAME_FIELDS, Scored, SearchIndex, TEXT_FIELDS};
use super::names::EntryNames;
use super::score::{pair_points, points};
use crate::catalogue::Catalogue;

/// How a dictionary's words score, by field, tier and looseness.
type PointsFn = fn(Field, super::score::Tier, bool) -> u16;

impl SearchIndex {
    /// The decoded index when it fits `catalogue` — the entry count, the
    /// name order a permutation with its inverse, every dictionary well
    /// formed with postings naming existing entries, the scoring tables those
    /// this build computes — with the folded names, the filter sets, the
    /// places, keywords, priors and group positions rebuilt from the
    /// catalogue; `None` otherwise. A search on the result
    /// cannot index out of bounds, whatever the file held.
    pub fn checked_against(mut self, catalogue: &Catalogue) -> Option<SearchIndex> {
        let len = catalogue.initiatives.len();
        if self.len != len || self.by_name.len() != len || self.name_rank.len() != len {
            return None;
        }
        // by_name[r] = e and name_rank[e] = r for every rank: a permutation.
        let inverse = self
            .by_name
            .iter()
            .enumerate()
            .all(|(rank, &e)| self.name_rank.get(e as usize) == Some(&(rank as u32)));
        if !inverse {
            return None;
        }
        let dicts: [(&Scored, &[Field], PointsFn); 3] = [
            (&self.name_dict, NAME_FIELDS, points),
            (&self.pair_dict, NAME_FIELDS, pair_points),
            (&self.text_dict, TEXT_FIELDS, points),
        ];
        for (scored, fields, score) in dicts {
            let fresh = Scored::new(Dictionary::default(), fields, score);
            if scored.points != fresh.points
                || scored.fields != fresh.fields
                || scored.slip_points != fresh.slip_points
                || !scored.dict.is_well_formed(len)
            {
                return None;
            }
        }
        // Rebuilt, not trusted: the folded names on a second thread (when
        // the system gives one) while the filter sets and small parts build.
        let (names, facets, fresh) = std::thread::scope(|scope| {
            let names = crate::threads::spawn_or_defer(scope, || {
                catalogue
                    .initiatives
                    .iter()
                    .map(|entry| EntryNames::new(&entry.name))
                    .collect()
            });
            let facets = FacetIndex::new(catalogue);
            let fresh = SearchIndex::small_parts(catalogue);
            (names.join(), facets, fresh)
        });
        self.names = names;
        self.facets = facets;
        self.places = fresh.places;
        self.keywords = fresh.keywords;
        self.prior = fresh.prior;
        self.fit = fresh.fit;
        self.flags = fresh.flags;
        self.value_pos = fresh.value_pos;
        Some(self)
    }
}

/// `blob` is a line feed and then one key after another, each ended by a
/// line feed; `starts` are their offsets in order, plus the blob's end.
pub(super) fn well_formed_keys(blob: &str, starts: &[u32]) -> bool {
    let bytes = blob.as_bytes();
    bytes.first() == Some(&b'\n')
        && starts.first() == Some(&1)
        && starts.last().map(|&s| s as usize) == Some(bytes.len())
        && starts.windows(2).all(|w| {
            let (start, end) = (w[0] as usize, w[1] as usize);
            start < end
                && bytes.get(end - 1) == Some(&b'\n')
                && bytes
                    .get(start..end - 1)
                    .is_some_and(|word| !word.contains(&b'\n'))
        })
}
