//! Filters and facet counts, as bitsets over the entries.
//!
//! Every filter value has a precomputed set of entries; a search ORs the
//! selected values of a facet and ANDs the facets. Facet counts are
//! disjunctive: the count of value `v` of facet `F` is the number of entries
//! matching the query that pass every filter with `F`'s selection replaced by
//! `{v}` — how many results picking `v` alone in that facet would leave.
//!
//! Area semantics (ARCHITECTURE.md §2): with a municipality selected, an entry
//! passes when its scope is `region` or `national`, or `municipalities`
//! naming a selected one; an `outside_region` entry passes only when the
//! status filter includes `inspiration`. Without a municipality filter
//! everything passes.

use std::collections::{BTreeSet, HashMap};

use super::bitset::Bitset;
use super::{FacetCounts, Filters};
use crate::catalogue::{AgeRange, Catalogue, Kind, Scope, Status};

/// The entry sets of the values of one facet.
#[derive(Debug, Clone, Default)]
struct Values {
    /// Value id → index into `sets`: the vocabulary's values first, in
    /// vocabulary order, then ids entries use that the vocabulary lacks.
    ids: HashMap<String, usize>,
    sets: Vec<Bitset>,
    /// How many of `sets` belong to the vocabulary.
    vocabulary: usize,
}

impl Values {
    fn new<'a>(vocabulary: impl Iterator<Item = &'a str>, len: usize) -> Values {
        let mut values = Values::default();
        for id in vocabulary {
            values.index_of(id, len);
        }
        values.vocabulary = values.sets.len();
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
    fn union(&self, selected: &BTreeSet<String>, len: usize) -> Option<Bitset> {
        if selected.is_empty() {
            return None;
        }
        let mut set = Bitset::empty(len);
        for id in selected {
            if let Some(&i) = self.ids.get(id) {
                set.or_with(&self.sets[i]);
            }
        }
        Some(set)
    }

    /// `|base ∧ value|` for every vocabulary value.
    fn counts(&self, base: &Bitset) -> Vec<usize> {
        self.sets[..self.vocabulary]
            .iter()
            .map(|set| base.count_and(set))
            .collect()
    }
}

/// Precomputed entry sets for every filter value.
#[derive(Debug, Clone)]
pub struct FacetIndex {
    len: usize,
    /// Entries of scope `municipalities`, per municipality they name.
    municipalities: Values,
    target_groups: Values,
    themes: Values,
    /// Per status, in [`Status::ALL`] order.
    statuses: Vec<Bitset>,
    /// Per kind, in [`Kind::ALL`] order.
    kinds: Vec<Bitset>,
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
    municipalities: Option<Bitset>,
    target_groups: Option<Bitset>,
    themes: Option<Bitset>,
    statuses: Option<Bitset>,
    age: Option<Bitset>,
    verified: Option<Bitset>,
    kinds: Option<Bitset>,
}

impl FacetIndex {
    /// Builds the sets of every vocabulary value (and of any id an entry uses
    /// that the vocabulary lacks).
    pub fn new(catalogue: &Catalogue) -> FacetIndex {
        let len = catalogue.initiatives.len();
        let vocab = &catalogue.vocabularies;
        let mut index = FacetIndex {
            len,
            municipalities: Values::new(vocab.municipalities.iter().map(|m| m.id.as_str()), len),
            target_groups: Values::new(vocab.target_groups.iter().map(|t| t.id.as_str()), len),
            themes: Values::new(vocab.themes.iter().map(|t| t.id.as_str()), len),
            statuses: vec![Bitset::empty(len); Status::ALL.len()],
            kinds: vec![Bitset::empty(len); Kind::ALL.len()],
            everywhere: Bitset::empty(len),
            outside: Bitset::empty(len),
            ages: Vec::with_capacity(len),
            verified: Vec::with_capacity(len),
        };
        for (e, entry) in catalogue.initiatives.iter().enumerate() {
            match entry.area.scope {
                Scope::Region | Scope::National => index.everywhere.insert(e),
                Scope::OutsideRegion => index.outside.insert(e),
                Scope::Municipalities => {
                    for id in &entry.area.municipalities {
                        index.municipalities.add(id, e, len);
                    }
                }
            }
            for id in &entry.target_groups {
                index.target_groups.add(id, e, len);
            }
            for id in &entry.themes {
                index.themes.add(id, e, len);
            }
            index.statuses[status_index(entry.status)].insert(e);
            index.kinds[kind_index(entry.kind)].insert(e);
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
    fn municipality_set(&self, selected: &BTreeSet<String>, inspiration: bool) -> Option<Bitset> {
        let mut set = self.municipalities.union(selected, self.len)?;
        set.or_with(&self.everywhere);
        if inspiration {
            set.or_with(&self.outside);
        }
        Some(set)
    }

    /// The entries offered in one of `municipalities` specifically (scope
    /// `municipalities` naming it), or `None` for no municipality.
    pub fn local_entries(&self, municipalities: &BTreeSet<String>) -> Option<Bitset> {
        self.municipalities.union(municipalities, self.len)
    }

    /// The entries having the target group at `index` of the vocabulary.
    pub fn target_group_entries(&self, index: usize) -> Option<&Bitset> {
        self.target_groups.sets.get(index)
    }

    /// The entries having the theme at `index` of the vocabulary.
    pub fn theme_entries(&self, index: usize) -> Option<&Bitset> {
        self.themes.sets.get(index)
    }

    /// The entry sets of `filters`.
    pub fn apply(&self, filters: &Filters) -> Applied {
        let inspiration = filters.statuses.contains(&Status::Inspiration);
        let statuses = (!filters.statuses.is_empty()).then(|| {
            let mut set = Bitset::empty(self.len);
            for &status in &filters.statuses {
                set.or_with(&self.statuses[status_index(status)]);
            }
            set
        });
        let kinds = (!filters.kinds.is_empty()).then(|| {
            let mut set = Bitset::empty(self.len);
            for &kind in &filters.kinds {
                set.or_with(&self.kinds[kind_index(kind)]);
            }
            set
        });
        let age = filters.age.map(|age| {
            Bitset::from_fn(self.len, |e| {
                self.ages[e].is_none_or(|range| range.contains(age))
            })
        });
        let verified = filters.verified_before.map(|date| {
            let before = date.to_days();
            Bitset::from_fn(self.len, |e| self.verified[e] < before)
        });
        Applied {
            municipalities: self.municipality_set(&filters.municipalities, inspiration),
            target_groups: self.target_groups.union(&filters.target_groups, self.len),
            themes: self.themes.union(&filters.themes, self.len),
            statuses,
            age,
            verified,
            kinds,
        }
    }

    /// Counts of every vocabulary value and status, for the entries in
    /// `matched` (the query's matches), given `filters` and their sets.
    pub fn counts(&self, matched: &Bitset, filters: &Filters, applied: &Applied) -> FacetCounts {
        let others = |skip: usize| {
            let mut base = matched.clone();
            for (i, set) in applied.sets().into_iter().enumerate() {
                if let (true, Some(set)) = (i != skip, set) {
                    base.and_with(set);
                }
            }
            base
        };

        // Municipalities: `{v}` passes the scope-everywhere entries, those
        // naming v, and (with inspiration selected) those outside the region.
        let base = others(0);
        let inspiration = filters.statuses.contains(&Status::Inspiration);
        let mut fixed = base.count_and(&self.everywhere);
        if inspiration {
            fixed += base.count_and(&self.outside);
        }
        let municipalities = self
            .municipalities
            .counts(&base)
            .into_iter()
            .map(|n| n + fixed)
            .collect();

        let target_groups = self.target_groups.counts(&others(1));
        let themes = self.themes.counts(&others(2));

        // Statuses: selecting `{v}` also decides whether outside-region
        // entries pass a municipality filter, so the area set is redone per value.
        let mut base = matched.clone();
        for set in [
            &applied.target_groups,
            &applied.themes,
            &applied.age,
            &applied.verified,
            &applied.kinds,
        ]
        .into_iter()
        .flatten()
        {
            base.and_with(set);
        }
        let mut statuses = [0; Status::ALL.len()];
        for (i, status) in Status::ALL.into_iter().enumerate() {
            let inspiration = status == Status::Inspiration;
            statuses[i] = match self.municipality_set(&filters.municipalities, inspiration) {
                Some(mut areas) => {
                    areas.and_with(&self.statuses[i]);
                    base.count_and(&areas)
                }
                None => base.count_and(&self.statuses[i]),
            };
        }

        let base = others(Applied::KINDS);
        let kinds = std::array::from_fn(|i| base.count_and(&self.kinds[i]));

        FacetCounts {
            municipalities,
            target_groups,
            themes,
            statuses,
            kinds,
        }
    }
}

impl Applied {
    /// Position of the kinds in [`Applied::sets`].
    const KINDS: usize = 6;

    /// Every facet's set, in facet order: municipalities, target groups,
    /// themes, statuses, age, verified, kinds.
    fn sets(&self) -> [&Option<Bitset>; 7] {
        [
            &self.municipalities,
            &self.target_groups,
            &self.themes,
            &self.statuses,
            &self.age,
            &self.verified,
            &self.kinds,
        ]
    }

    /// Removes from `set` the entries failing any filter.
    pub fn restrict(&self, set: &mut Bitset) {
        for filter in self.sets().into_iter().flatten() {
            set.and_with(filter);
        }
    }

    /// Whether entry `e` passes every filter.
    pub fn passes(&self, e: usize) -> bool {
        self.sets().into_iter().flatten().all(|set| set.contains(e))
    }

    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.sets().iter().all(|set| set.is_none())
    }
}

/// Position of a status in [`Status::ALL`].
pub fn status_index(status: Status) -> usize {
    Status::ALL
        .iter()
        .position(|&s| s == status)
        .unwrap_or_default()
}

/// Position of a kind in [`Kind::ALL`].
pub fn kind_index(kind: Kind) -> usize {
    Kind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or_default()
}

/// Whether one entry passes `filters` — the plain definition the bitsets
/// implement, for tests and for callers holding a single entry.
pub fn entry_passes(entry: &crate::catalogue::Initiative, filters: &Filters) -> bool {
    let area = filters.municipalities.is_empty()
        || match entry.area.scope {
            Scope::Region | Scope::National => true,
            Scope::Municipalities => entry
                .area
                .municipalities
                .iter()
                .any(|m| filters.municipalities.contains(m)),
            Scope::OutsideRegion => filters.statuses.contains(&Status::Inspiration),
        };
    let any = |selected: &BTreeSet<String>, ids: &[String]| {
        selected.is_empty() || ids.iter().any(|id| selected.contains(id))
    };
    area && any(&filters.target_groups, &entry.target_groups)
        && any(&filters.themes, &entry.themes)
        && (filters.statuses.is_empty() || filters.statuses.contains(&entry.status))
        && (filters.kinds.is_empty() || filters.kinds.contains(&entry.kind))
        && filters
            .age
            .is_none_or(|age| entry.age.is_none_or(|range| range.contains(age)))
        && filters.verified_before.is_none_or(|before| {
            crate::date::Date::parse_iso(&entry.last_verified).is_none_or(|d| d < before)
        })
}
