//! Filters and facet counts, as bitsets over the entries.
//!
//! Every filter value has a precomputed set of entries; a search ORs the
//! selected values of a facet and ANDs the facets. Facet counts are
//! disjunctive: the count of value `v` of facet `F` is the number of entries
//! matching the query that pass every filter with `F`'s selection replaced by
//! `{v}` — how many results picking `v` alone in that facet would leave.
//! Which facets there are, which values an entry has and how each facet
//! counts come from the table in [`super::facets`].
//!
//! Area semantics (ARCHITECTURE.md §2): with a municipality selected, an entry
//! passes when its scope is `region` or `national`, or `municipalities`
//! naming a selected one; an `outside_region` entry passes only when the
//! status filter includes `inspiration`. Without a municipality filter
//! everything passes.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use super::bitset::Bitset;
use super::facets::{Counting, FACETS, Facet, Shape};
use super::{FacetCounts, Filters};
use crate::catalogue::{AgeRange, Catalogue, Scope, Status};

/// The entry sets of the values of one facet.
#[derive(Debug, Clone, Default)]
struct Values {
    /// Value id → index into `sets`: the facet's own values first, in list
    /// order, then ids entries use that the list lacks.
    ids: HashMap<String, usize>,
    sets: Vec<Bitset>,
    /// How many of `sets` belong to the facet's list.
    listed: usize,
}

impl Values {
    fn new<'a>(list: impl Iterator<Item = &'a str>, len: usize) -> Values {
        let mut values = Values::default();
        for id in list {
            values.index_of(id, len);
        }
        values.listed = values.sets.len();
        values
    }

    fn index_of(&mut self, id: &str, len: usize) -> usize {
        if let Some(&i) = self.ids.get(id) {
            return i;
        }
        self.sets.push(Bitset::empty(len));
        self.ids.insert(id.to_owned(), self.sets.len() - 1);
        self.sets.len() - 1
    }

    fn add(&mut self, id: &str, entry: usize, len: usize) {
        let i = self.index_of(id, len);
        self.sets[i].insert(entry);
    }

    /// The entries having any of `selected`; `None` when nothing is selected.
    fn union(&self, selected: &[&str], len: usize) -> Option<Bitset> {
        if selected.is_empty() {
            return None;
        }
        let mut set = Bitset::empty(len);
        for id in selected {
            if let Some(&i) = self.ids.get(*id) {
                set.or_with(&self.sets[i]);
            }
        }
        Some(set)
    }

    /// `|base ∧ value|` for every listed value.
    fn counts(&self, base: &Bitset) -> Vec<usize> {
        self.sets[..self.listed]
            .iter()
            .map(|set| base.count_and(set))
            .collect()
    }
}

/// Precomputed entry sets for every filter value.
#[derive(Debug, Clone)]
pub struct FacetIndex {
    len: usize,
    /// Per facet, in [`FACETS`] order, the entry sets of its values (none
    /// for the age). The municipalities' hold the entries of scope
    /// `municipalities` naming them.
    values: Vec<Values>,
    /// Entries of scope `region` or `national`.
    everywhere: Bitset,
    /// Entries of scope `outside_region`.
    outside: Bitset,
    ages: Vec<Option<AgeRange>>,
    /// `last_verified` of every entry, as days since 1970 (unreadable: oldest).
    verified: Vec<i64>,
}

/// The entry sets of the filters of one search; `None` where a facet does
/// not filter.
#[derive(Debug, Clone)]
pub struct Applied {
    /// Per facet, in [`FACETS`] order.
    facets: Vec<Option<Bitset>>,
    /// The entries last verified before the date asked for.
    verified: Option<Bitset>,
}

/// Whether the chosen statuses let the entries outside the region past a
/// municipality filter.
fn opens_area(filters: &Filters) -> bool {
    filters.statuses.contains(&Status::Inspiration)
}

/// Position of the facet counted by the area rule.
fn area_facet() -> usize {
    FACETS
        .iter()
        .position(|spec| spec.values().is_some_and(|v| v.counting == Counting::Area))
        .unwrap_or(Facet::Municipality.index())
}

impl FacetIndex {
    /// Builds the sets of every facet's values (and of any id an entry uses
    /// that the list lacks).
    pub fn new(catalogue: &Catalogue) -> FacetIndex {
        let len = catalogue.initiatives.len();
        let mut index = FacetIndex {
            len,
            values: FACETS
                .iter()
                .map(|spec| Values::new(spec.ids(catalogue).into_iter(), len))
                .collect(),
            everywhere: Bitset::empty(len),
            outside: Bitset::empty(len),
            ages: Vec::with_capacity(len),
            verified: Vec::with_capacity(len),
        };
        for (e, entry) in catalogue.initiatives.iter().enumerate() {
            match entry.area.scope {
                Scope::Region | Scope::National => index.everywhere.insert(e),
                Scope::OutsideRegion => index.outside.insert(e),
                Scope::Municipalities => {}
            }
            for (spec, values) in FACETS.iter().zip(&mut index.values) {
                if let Some(spec) = spec.values() {
                    (spec.of_entry)(entry, &mut |id| values.add(id, e, len));
                }
            }
            index.ages.push(entry.age);
            index.verified.push(
                crate::date::Date::parse_iso(&entry.last_verified)
                    .map_or(i64::MIN, |d| d.to_days()),
            );
        }
        index
    }

    /// The entries passing a municipality selection (area semantics), or
    /// `None` for an empty selection.
    fn area_set(&self, selected: &[&str], inspiration: bool) -> Option<Bitset> {
        let mut set = self.values[area_facet()].union(selected, self.len)?;
        set.or_with(&self.everywhere);
        if inspiration {
            set.or_with(&self.outside);
        }
        Some(set)
    }

    /// The entries offered in one of `municipalities` specifically (scope
    /// `municipalities` naming it), or `None` for no municipality.
    pub fn local_entries(&self, municipalities: &BTreeSet<String>) -> Option<Bitset> {
        let selected: Vec<&str> = municipalities.iter().map(String::as_str).collect();
        self.values[Facet::Municipality.index()].union(&selected, self.len)
    }

    /// The entries having the target group at `index` of the vocabulary.
    pub fn target_group_entries(&self, index: usize) -> Option<&Bitset> {
        self.values[Facet::TargetGroup.index()].sets.get(index)
    }

    /// The entries having the theme at `index` of the vocabulary.
    pub fn theme_entries(&self, index: usize) -> Option<&Bitset> {
        self.values[Facet::Theme.index()].sets.get(index)
    }

    /// The entry sets of `filters`.
    pub fn apply(&self, filters: &Filters) -> Applied {
        let inspiration = opens_area(filters);
        let facets = FACETS
            .iter()
            .zip(&self.values)
            .map(|(spec, values)| match &spec.shape {
                Shape::Age => filters.age.map(|age| {
                    Bitset::from_fn(self.len, |e| {
                        self.ages[e].is_none_or(|range| range.contains(age))
                    })
                }),
                Shape::Values(v) if v.counting == Counting::Area => {
                    self.area_set(&(v.chosen)(filters), inspiration)
                }
                Shape::Values(v) => values.union(&(v.chosen)(filters), self.len),
            })
            .collect();
        let verified = filters.verified_before.map(|date| {
            let before = date.to_days();
            Bitset::from_fn(self.len, |e| self.verified[e] < before)
        });
        Applied { facets, verified }
    }

    /// Counts of every facet's values, for the entries in `matched` (the
    /// query's matches), given `filters` and their sets.
    pub fn counts(&self, matched: &Bitset, filters: &Filters, applied: &Applied) -> FacetCounts {
        // The matches passing every filter but those of the facets `skip`.
        let others = |skip: &[usize]| {
            let mut base = matched.clone();
            for (i, set) in applied.facets.iter().enumerate() {
                if let (false, Some(set)) = (skip.contains(&i), set) {
                    base.and_with(set);
                }
            }
            if let Some(set) = &applied.verified {
                base.and_with(set);
            }
            base
        };
        let area = area_facet();
        let counts = FACETS
            .iter()
            .zip(&self.values)
            .enumerate()
            .map(|(f, (spec, values))| {
                let Some(v) = spec.values() else {
                    return Vec::new();
                };
                match v.counting {
                    Counting::Plain => values.counts(&others(&[f])),
                    // `{v}` passes the scope-everywhere entries, those naming
                    // v, and (with inspiration selected) those outside the
                    // region.
                    Counting::Area => {
                        let base = others(&[f]);
                        let mut fixed = base.count_and(&self.everywhere);
                        if opens_area(filters) {
                            fixed += base.count_and(&self.outside);
                        }
                        values
                            .counts(&base)
                            .into_iter()
                            .map(|n| n + fixed)
                            .collect()
                    }
                    // Selecting `{v}` also decides whether outside-region
                    // entries pass a municipality filter, so the area set is
                    // redone per value.
                    Counting::OpensArea => {
                        let base = others(&[f, area]);
                        let places = FACETS[area].chosen(filters);
                        let opener = values.ids.get(Status::Inspiration.id()).copied();
                        values.sets[..values.listed]
                            .iter()
                            .enumerate()
                            .map(|(i, set)| match self.area_set(&places, opener == Some(i)) {
                                Some(mut areas) => {
                                    areas.and_with(set);
                                    base.count_and(&areas)
                                }
                                None => base.count_and(set),
                            })
                            .collect()
                    }
                }
            })
            .collect();
        FacetCounts { counts }
    }
}

impl Applied {
    /// Every filter's set.
    fn sets(&self) -> impl Iterator<Item = &Option<Bitset>> {
        self.facets.iter().chain(std::iter::once(&self.verified))
    }

    /// Removes from `set` the entries failing any filter.
    pub fn restrict(&self, set: &mut Bitset) {
        for filter in self.sets().flatten() {
            set.and_with(filter);
        }
    }

    /// Whether entry `e` passes every filter.
    pub fn passes(&self, e: usize) -> bool {
        self.sets().flatten().all(|set| set.contains(e))
    }

    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.sets().all(|set| set.is_none())
    }
}

/// Whether one entry passes `filters` — the plain definition the bitsets
/// implement, for tests and for callers holding a single entry.
pub fn entry_passes(entry: &crate::catalogue::Initiative, filters: &Filters) -> bool {
    let facets = FACETS.iter().all(|spec| {
        let Some(v) = spec.values() else {
            return filters
                .age
                .is_none_or(|age| entry.age.is_none_or(|range| range.contains(age)));
        };
        let chosen = (v.chosen)(filters);
        if chosen.is_empty() {
            return true;
        }
        if v.counting == Counting::Area {
            match entry.area.scope {
                Scope::Region | Scope::National => return true,
                Scope::OutsideRegion => return opens_area(filters),
                Scope::Municipalities => {}
            }
        }
        let mut any = false;
        (v.of_entry)(entry, &mut |id| any |= chosen.contains(&id));
        any
    });
    facets
        && filters.verified_before.is_none_or(|before| {
            crate::date::Date::parse_iso(&entry.last_verified).is_none_or(|d| d < before)
        })
}
