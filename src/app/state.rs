//! The whole state of the interactive app. No terminal, no I/O.

use std::cell::Cell;

use super::focus::{Facet, Focus, ListView};
use crate::catalogue::local::LocalInfo;
use crate::catalogue::{Catalogue, Initiative, Kind, Loaded, Origin, Status};
use crate::date::{Date, is_stale};
use crate::search::{Filters, Hit, Results, SearchIndex};
use crate::store::Store;
use crate::ui::strings::Lang;

/// Longest query kept, in characters: far beyond any real query, and keeps a
/// pasted document from making every keystroke slow.
pub const MAX_QUERY_CHARS: usize = 200;

/// One value of a facet as the filter panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// Label in the interface language.
    pub label: String,
    /// Entries it would leave, given the query and the other filters.
    pub count: usize,
    /// Whether it is selected.
    pub selected: bool,
}

/// Work for the event loop that `update` cannot do itself (it does no I/O).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Save the favourites and recents.
    SaveStore,
}

/// One line of the copy menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyChoice {
    /// What the line says.
    pub label: String,
    /// What is copied.
    pub text: String,
}

/// State of the interactive app.
pub struct App {
    /// The catalogue in use.
    pub catalogue: Catalogue,
    /// Where it came from.
    pub origin: Origin,
    /// What the local catalogue contributed, if there is one.
    pub local: Option<LocalInfo>,
    /// Interface language.
    pub lang: Lang,
    /// Today's date (decides the "not verified for a year" flag).
    pub today: Date,
    /// Whether to draw without colour (`NO_COLOR`).
    pub no_color: bool,
    pub(super) index: SearchIndex,
    /// The search text as typed. Never stored or logged.
    pub query: String,
    /// Active filters.
    pub filters: Filters,
    pub(super) results: Results,
    /// Whether `results` are out of date with `query`/`filters`.
    pub(super) dirty: bool,
    /// Position of the selected hit in the results.
    pub selected: usize,
    /// The part with the keyboard.
    pub focus: Focus,
    /// The facet shown in the filter panel.
    pub facet: Facet,
    /// Cursor per facet (index into its values), in [`Facet::ALL`] order.
    pub facet_cursor: [usize; Facet::ALL.len()],
    /// The age as typed (digits only).
    pub age_text: String,
    /// Narrow terminals: the detail view covers the screen.
    pub detail_view: bool,
    /// The help screen is open.
    pub help: bool,
    /// First line of the help shown.
    pub help_scroll: usize,
    /// First line of the details shown.
    pub detail_scroll: usize,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// The user asked to quit.
    pub quit: bool,
    /// What the result list shows.
    pub list_view: ListView,
    /// Ids on the shortlist, in the order marked. Held in memory only.
    pub shortlist: Vec<String>,
    /// Favourites and recents (ids only).
    pub store: Store,
    /// The copy menu, when open.
    pub copy_menu: Option<Vec<CopyChoice>>,
    /// Work for the event loop.
    pub effects: Vec<Effect>,
    /// A short message for the status bar, until the next key.
    pub status: Option<String>,
    /// Text to print on the normal screen after quitting.
    pub print: Option<String>,
    /// First visible row of the result list (kept by the view so scrolling is stable).
    pub list_offset: Cell<usize>,
    /// First visible row of the facet values.
    pub facet_offset: Cell<usize>,
}

impl App {
    /// A fresh app on a loaded catalogue, showing every entry.
    pub fn new(loaded: Loaded, lang: Lang, today: Date, no_color: bool) -> App {
        let index = SearchIndex::new(&loaded.catalogue);
        App::with_index(loaded, index, lang, today, no_color)
    }

    /// A fresh app on a loaded catalogue and its index (built by
    /// [`SearchIndex::new`] or read from the start-up cache).
    pub fn with_index(
        loaded: Loaded,
        index: SearchIndex,
        lang: Lang,
        today: Date,
        no_color: bool,
    ) -> App {
        let results = index.search("", &Filters::default());
        App {
            catalogue: loaded.catalogue,
            origin: loaded.origin,
            local: loaded.local,
            lang,
            today,
            no_color,
            index,
            query: String::new(),
            filters: Filters::default(),
            results,
            dirty: false,
            selected: 0,
            focus: Focus::Query,
            facet: Facet::Municipality,
            facet_cursor: [0; Facet::ALL.len()],
            age_text: String::new(),
            detail_view: false,
            help: false,
            help_scroll: 0,
            detail_scroll: 0,
            size: (80, 24),
            quit: false,
            list_view: ListView::Search,
            shortlist: Vec::new(),
            store: Store::new(),
            copy_menu: None,
            effects: Vec::new(),
            status: None,
            print: None,
            list_offset: Cell::new(0),
            facet_offset: Cell::new(0),
        }
    }

    /// Searches again now (after the favourites or recents changed from outside).
    pub fn refresh(&mut self) {
        self.dirty = true;
        self.sync();
    }

    /// Brings the results up to date with the query, filters and list view.
    pub fn sync(&mut self) {
        if !self.dirty {
            return;
        }
        // Municipalities and ages typed as words filter like picked ones.
        let understood = self.index.understand(&self.query);
        let results = self.index.search_understood(&understood, &self.filters);
        self.results = match self.list_view {
            ListView::Search => {
                let mut results = results;
                if self.query.trim().is_empty() && self.filters == Filters::default() {
                    self.recents_first(&mut results.hits);
                }
                results
            }
            // The shortlist and favourites show their own entries, in their own order.
            ListView::Shortlist => self.listed(&self.shortlist, results),
            ListView::Favourites => self.listed(&self.store.favourites, results),
        };
        self.dirty = false;
        self.selected = 0;
        self.detail_scroll = 0;
        self.list_offset.set(0);
    }

    /// On an empty query, recently opened entries come first, newest first.
    fn recents_first(&self, hits: &mut [Hit]) {
        let rank = |hit: &Hit| {
            let id = &self.catalogue.initiatives[hit.index].id;
            self.store
                .recent
                .iter()
                .position(|r| r == id)
                .unwrap_or(usize::MAX)
        };
        // Stable: the rest keep their order.
        hits.sort_by_key(rank);
    }

    /// Results listing exactly `ids` (those still in the catalogue), in order.
    fn listed(&self, ids: &[String], results: Results) -> Results {
        let hits = ids
            .iter()
            .filter_map(|id| self.catalogue.initiatives.iter().position(|e| &e.id == id))
            .map(|index| Hit {
                index,
                ..Hit::default()
            })
            .collect();
        Results {
            hits,
            facets: results.facets,
        }
    }

    /// Whether an entry is one of the recently opened shown first on an empty query.
    pub fn is_recent(&self, entry: &Initiative) -> bool {
        self.list_view == ListView::Search
            && self.query.trim().is_empty()
            && self.filters == Filters::default()
            && self.store.recent.contains(&entry.id)
    }

    /// Whether an entry is on the shortlist.
    pub fn is_marked(&self, entry: &Initiative) -> bool {
        self.shortlist.contains(&entry.id)
    }

    /// The current results (call [`App::sync`] first after changes).
    pub fn results(&self) -> &Results {
        &self.results
    }

    /// The ranked hits.
    pub fn hits(&self) -> &[Hit] {
        &self.results.hits
    }

    /// The selected hit, if any.
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.results.hits.get(self.selected)
    }

    /// The selected initiative, if any.
    pub fn selected_entry(&self) -> Option<&Initiative> {
        self.selected_hit()
            .and_then(|hit| self.catalogue.initiatives.get(hit.index))
    }

    /// Whether an entry came from the local catalogue.
    pub fn is_local(&self, entry: &Initiative) -> bool {
        self.local
            .as_ref()
            .is_some_and(|l| l.ids.contains(&entry.id))
    }

    /// Entries last verified before this date are flagged: today minus a year.
    pub fn stale_cutoff(&self) -> Date {
        Date::from_days(self.today.to_days() - 365)
    }

    /// Whether an entry was last verified more than a year ago.
    pub fn is_stale(&self, entry: &Initiative) -> bool {
        Date::parse_iso(&entry.last_verified).is_some_and(|d| is_stale(d, self.today))
    }

    /// Number of values the facet offers (the age facet has none).
    pub fn facet_len(&self, facet: Facet) -> usize {
        let v = &self.catalogue.vocabularies;
        match facet {
            Facet::Municipality => v.municipalities.len(),
            Facet::TargetGroup => v.target_groups.len(),
            Facet::Theme => v.themes.len(),
            // The statuses, then "not verified for over a year".
            Facet::Status => Status::ALL.len() + 1,
            Facet::Kind => Kind::ALL.len(),
            Facet::Age => 0,
        }
    }

    /// The values of a facet with their live counts.
    pub fn facet_values(&self, facet: Facet) -> Vec<FacetValue> {
        let v = &self.catalogue.vocabularies;
        let counts = &self.results.facets;
        let english = self.lang.is_english();
        let count = |list: &[usize], i: usize| list.get(i).copied().unwrap_or(0);
        match facet {
            Facet::Municipality => v
                .municipalities
                .iter()
                .enumerate()
                .map(|(i, m)| FacetValue {
                    label: m.name.clone(),
                    count: count(&counts.municipalities, i),
                    selected: self.filters.municipalities.contains(&m.id),
                })
                .collect(),
            Facet::TargetGroup => v
                .target_groups
                .iter()
                .enumerate()
                .map(|(i, t)| FacetValue {
                    label: t.label_in(english).to_owned(),
                    count: count(&counts.target_groups, i),
                    selected: self.filters.target_groups.contains(&t.id),
                })
                .collect(),
            Facet::Theme => v
                .themes
                .iter()
                .enumerate()
                .map(|(i, t)| FacetValue {
                    label: t.label_in(english).to_owned(),
                    count: count(&counts.themes, i),
                    selected: self.filters.themes.contains(&t.id),
                })
                .collect(),
            Facet::Status => {
                let mut values: Vec<FacetValue> = Status::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, &s)| FacetValue {
                        label: self.lang.strings().status_label(s).to_owned(),
                        count: counts.statuses[i],
                        selected: self.filters.statuses.contains(&s),
                    })
                    .collect();
                // The hits already pass every other filter, so counting the
                // stale ones among them is this row's facet count.
                let selected = self.filters.verified_before.is_some();
                values.push(FacetValue {
                    label: self.lang.strings().stale_filter.to_owned(),
                    count: self
                        .results
                        .hits
                        .iter()
                        .filter(|h| selected || self.is_stale(&self.catalogue.initiatives[h.index]))
                        .count(),
                    selected,
                });
                values
            }
            Facet::Kind => Kind::ALL
                .iter()
                .enumerate()
                .map(|(i, &k)| FacetValue {
                    label: self.lang.strings().kind_label(k).to_owned(),
                    count: counts.kinds[i],
                    selected: self.filters.kinds.contains(&k),
                })
                .collect(),
            Facet::Age => Vec::new(),
        }
    }

    /// Short descriptions of the active filters, for the summary line.
    pub fn active_filters(&self) -> Vec<String> {
        let s = self.lang.strings();
        let english = self.lang.is_english();
        let v = &self.catalogue.vocabularies;
        let mut parts = Vec::new();
        let names = |ids: &std::collections::BTreeSet<String>, label: &dyn Fn(&str) -> String| {
            ids.iter()
                .map(|id| label(id))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !self.filters.municipalities.is_empty() {
            parts.push(names(&self.filters.municipalities, &|id| {
                self.catalogue.municipality_name(id).to_owned()
            }));
        }
        if !self.filters.target_groups.is_empty() {
            parts.push(names(&self.filters.target_groups, &|id| {
                v.target_groups
                    .iter()
                    .find(|t| t.id == id)
                    .map_or(id.to_owned(), |t| t.label_in(english).to_owned())
            }));
        }
        if !self.filters.themes.is_empty() {
            parts.push(names(&self.filters.themes, &|id| {
                v.themes
                    .iter()
                    .find(|t| t.id == id)
                    .map_or(id.to_owned(), |t| t.label_in(english).to_owned())
            }));
        }
        if !self.filters.statuses.is_empty() {
            parts.push(
                self.filters
                    .statuses
                    .iter()
                    .map(|&st| s.status_label(st))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        if !self.filters.kinds.is_empty() {
            parts.push(
                self.filters
                    .kinds
                    .iter()
                    .map(|&k| s.kind_label(k))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        if let Some(age) = self.filters.age {
            parts.push(format!("{age} {}", s.years));
        }
        if self.filters.verified_before.is_some() {
            parts.push(s.stale_filter.to_owned());
        }
        parts
    }
}
