//! TEMPORARY naive search with the public API of the search engine, so the TUI
//! can be built while the real engine is developed on the `search` branch.

use std::collections::BTreeSet;

use crate::catalogue::{Catalogue, Scope, Status};

/// Active filters: OR within a facet, AND across facets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Municipality ids.
    pub municipalities: BTreeSet<String>,
    /// Target-group ids.
    pub target_groups: BTreeSet<String>,
    /// Theme ids.
    pub themes: BTreeSet<String>,
    /// Statuses.
    pub statuses: BTreeSet<Status>,
    /// The citizen's age.
    pub age: Option<u8>,
}

/// Where a query matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Name.
    Name,
    /// Description.
    Description,
}

/// One result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into the catalogue's initiatives.
    pub index: usize,
    /// Higher is better.
    pub score: u32,
    /// Fields that matched.
    pub matched_fields: Vec<Field>,
    /// Char positions in the name to highlight.
    pub name_positions: Vec<usize>,
}

/// Counts per filter value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FacetCounts {
    /// Parallel to the municipality vocabulary.
    pub municipalities: Vec<usize>,
    /// Parallel to the target-group vocabulary.
    pub target_groups: Vec<usize>,
    /// Parallel to the theme vocabulary.
    pub themes: Vec<usize>,
    /// In `Status::ALL` order.
    pub statuses: [usize; 5],
}

/// Ranked hits and facet counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// Ranked hits.
    pub hits: Vec<Hit>,
    /// Facet counts.
    pub facets: FacetCounts,
}

/// Precomputed search data.
pub struct SearchIndex {
    catalogue: Catalogue,
}

impl SearchIndex {
    /// Builds the index.
    pub fn new(catalogue: &Catalogue) -> SearchIndex {
        SearchIndex {
            catalogue: catalogue.clone(),
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.catalogue.initiatives.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs a query.
    pub fn search(&self, query: &str, filters: &Filters) -> Results {
        let query = query.to_lowercase();
        let words: Vec<&str> = query.split_whitespace().collect();
        let v = &self.catalogue.vocabularies;
        let mut facets = FacetCounts {
            municipalities: vec![0; v.municipalities.len()],
            target_groups: vec![0; v.target_groups.len()],
            themes: vec![0; v.themes.len()],
            statuses: [0; 5],
        };
        let mut hits = Vec::new();
        for (index, e) in self.catalogue.initiatives.iter().enumerate() {
            let name = e.name.to_lowercase();
            let text = format!("{name} {}", e.description.to_lowercase());
            if !words.iter().all(|w| text.contains(w)) {
                continue;
            }
            let muni = |m: &str| match e.area.scope {
                Scope::Region | Scope::National => true,
                Scope::Municipalities => e.area.municipalities.iter().any(|x| x == m),
                Scope::OutsideRegion => filters.statuses.contains(&Status::Inspiration),
            };
            let pm =
                filters.municipalities.is_empty() || filters.municipalities.iter().any(|m| muni(m));
            let pt = filters.target_groups.is_empty()
                || e.target_groups
                    .iter()
                    .any(|t| filters.target_groups.contains(t));
            let ph =
                filters.themes.is_empty() || e.themes.iter().any(|t| filters.themes.contains(t));
            let ps = filters.statuses.is_empty() || filters.statuses.contains(&e.status);
            let pa = filters
                .age
                .is_none_or(|a| e.age.is_none_or(|r| r.contains(a)));
            if pt && ph && ps && pa {
                for (i, m) in v.municipalities.iter().enumerate() {
                    facets.municipalities[i] += usize::from(muni(&m.id));
                }
            }
            if pm && ph && ps && pa {
                for (i, t) in v.target_groups.iter().enumerate() {
                    facets.target_groups[i] += usize::from(e.target_groups.contains(&t.id));
                }
            }
            if pm && pt && ps && pa {
                for (i, t) in v.themes.iter().enumerate() {
                    facets.themes[i] += usize::from(e.themes.contains(&t.id));
                }
            }
            if pm && pt && ph && pa {
                let i = Status::ALL.iter().position(|&s| s == e.status).unwrap_or(0);
                facets.statuses[i] += 1;
            }
            if pm && pt && ph && ps && pa {
                let positions = words
                    .first()
                    .and_then(|w| name.find(w).map(|at| (name[..at].chars().count(), w)))
                    .map(|(start, w)| (start..start + w.chars().count()).collect())
                    .unwrap_or_default();
                let in_name = words.iter().all(|w| name.contains(w));
                hits.push(Hit {
                    index,
                    score: if in_name { 2 } else { 1 },
                    matched_fields: if in_name {
                        vec![Field::Name]
                    } else {
                        vec![Field::Description]
                    },
                    name_positions: if words.is_empty() {
                        Vec::new()
                    } else {
                        positions
                    },
                });
            }
        }
        let cat = &self.catalogue;
        hits.sort_by(|a, b| {
            b.score.cmp(&a.score).then_with(|| {
                cat.initiatives[a.index]
                    .name
                    .to_lowercase()
                    .cmp(&cat.initiatives[b.index].name.to_lowercase())
            })
        });
        Results { hits, facets }
    }
}
