//! The whole state of the interactive app, in four parts: the search, the
//! view, the meeting (shortlist, favourites) and the outbox (what the event
//! loop must do). No terminal, no I/O.

use super::chips::{FilterChip, FilterValue};
use super::focus::{Facet, Focus, ListView};
use super::line::Line;
use crate::catalogue::local::LocalInfo;
use crate::catalogue::{Catalogue, Initiative, Kind, Loaded, Origin, Status};
use crate::date::{Date, is_stale};
use crate::i18n::Lang;
use crate::progress::Stage;
use crate::search::understand::Recognised;
use crate::search::{Filters, Hit, Results, SearchIndex};
use crate::store::Store;

pub use super::line::MAX_QUERY_CHARS;

/// One value of a facet as the picker shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// Label in the interface language.
    pub label: String,
    /// Entries it would leave, given the query and the other filters.
    pub count: usize,
    /// Whether it is selected.
    pub selected: bool,
    /// The filter it stands for.
    pub value: FilterValue,
}

/// Work for the event loop that `update` cannot do itself (it does no I/O).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Save the favourites and recents.
    SaveStore,
    /// Restore the terminal, stop the process (Ctrl-Z), and on `fg` take
    /// the terminal back and redraw everything.
    Suspend,
    /// Leave the alternate screen, print this text on the normal screen
    /// (where it stays in the scrollback), come back and redraw.
    Print(String),
}

/// One line of the copy menu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyChoice {
    /// What the line says.
    pub label: String,
    /// What is copied.
    pub text: String,
    /// The "Flere …" row: choosing it shows every choice.
    pub more: bool,
}

/// Where the next search ([`App::sync`]) puts the selection, asked for by
/// an action that changed the results under it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// On the first row.
    #[default]
    First,
    /// On this entry (by its index in the catalogue) if it is still there.
    Entry(Option<usize>),
    /// On this row, or the last one.
    Row(usize),
}

/// The search: the line being typed, the filter chips and the results.
#[derive(Debug, Default)]
pub struct SearchState {
    /// The search line as typed (the words still being searched). Never
    /// stored or logged.
    pub line: Line,
    /// Every active filter value, in the order added.
    pub chips: Vec<FilterChip>,
    /// The filters the chips add up to.
    pub filters: Filters,
    /// Filters recognised in the line but not yet moved into chips.
    pub pending: Vec<FilterValue>,
    /// The chips and the recognised words together: what the search uses.
    pub effective: Filters,
    pub(super) results: Results,
    /// Whether `results` are out of date with the line and the chips.
    pub(super) dirty: bool,
    /// Position of the selected hit in the results.
    pub selected: usize,
    /// The last chip was a bare number taken for an age; a year word
    /// (`år`) typed next belongs to it.
    pub(super) after_age: bool,
    /// The words and chips as they were before each of the last clears
    /// (Esc, Ctrl-U, Backspace taking a chip, a new typed municipality or
    /// age), the last one last: what Ctrl-_ brings back, one at a time.
    /// At most [`UNDO_DEPTH`]; never stored.
    pub(super) undo: Vec<Undo>,
    /// Whether the status line has said once that Ctrl-_ undoes a clear.
    pub(super) undo_told: bool,
    /// Where the selection goes at the next search (else the first row).
    pub keep: Keep,
}

/// How many clears Ctrl-_ can undo, one after the other.
pub const UNDO_DEPTH: usize = 20;

/// The search as it was before a clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undo {
    pub(super) line: super::line::Line,
    pub(super) chips: Vec<super::chips::FilterChip>,
    pub(super) after_age: bool,
}

/// The filter picker: one facet, its values narrowed by what was typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    /// The facet shown.
    pub facet: Facet,
    /// What was typed: type-ahead, or the age on the age facet.
    pub typed: String,
    /// Position among the values shown.
    pub cursor: usize,
}

/// The copy menu: what can be copied, and the one under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyMenu {
    /// The choices shown.
    pub choices: Vec<CopyChoice>,
    /// Every choice, when `choices` ends in "Flere …"; else empty.
    pub all: Vec<CopyChoice>,
    /// The choice under the cursor.
    pub cursor: usize,
}

/// Sizes the last draw measured, handed back by the event loop so that
/// paging and scrolling know them without the app knowing the view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Measured {
    /// Rows of the result list.
    pub list_rows: usize,
    /// Rows of the details.
    pub detail_rows: usize,
    /// Lines of the selected entry's details.
    pub detail_lines: usize,
    /// Rows of the help.
    pub help_rows: usize,
    /// Lines of the help.
    pub help_lines: usize,
    /// Rows of the picker's value list.
    pub picker_rows: usize,
    /// First row of the result list drawn.
    pub list_offset: usize,
    /// First row of the picker's values drawn.
    pub picker_offset: usize,
}

/// What is shown and where the keyboard is.
#[derive(Debug, Default)]
pub struct ViewState {
    /// The part with the keyboard.
    pub focus: Focus,
    /// What the result list shows.
    pub list_view: ListView,
    /// Narrow terminals: the detail view covers the screen.
    pub detail_view: bool,
    /// The help screen is open.
    pub help: bool,
    /// First line of the help shown.
    pub help_scroll: usize,
    /// First line of the details shown.
    pub detail_scroll: usize,
    /// The filter picker, when open.
    pub picker: Option<Picker>,
    /// The copy menu, when open.
    pub copy_menu: Option<CopyMenu>,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// What the last draw measured.
    pub measured: Measured,
    /// First visible row of the result list (kept by the view so scrolling is stable).
    pub list_offset: usize,
    /// First visible row of the picker's values.
    pub picker_offset: usize,
    /// While the catalogue is still loading: what it is doing and how far
    /// along it is (0–100).
    pub loading: Option<(Stage, u32)>,
}

/// The meeting: the shortlist, and the favourites and recents kept between
/// sessions.
#[derive(Debug, Default)]
pub struct Meeting {
    /// Ids on the shortlist, in the order marked. Held in memory only.
    pub shortlist: Vec<String>,
    /// Favourites and recents (ids only).
    pub store: Store,
}

/// What the event loop must do after an update.
#[derive(Debug, Default)]
pub struct Outbox {
    /// Work for the event loop.
    pub effects: Vec<Effect>,
    /// A short message for the status bar, until the next key.
    pub status: Option<String>,
    /// The user asked to quit.
    pub quit: bool,
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
    /// The search.
    pub search: SearchState,
    /// The view.
    pub view: ViewState,
    /// The meeting.
    pub meeting: Meeting,
    /// The outbox.
    pub outbox: Outbox,
}

impl App {
    /// A fresh app on a loaded catalogue, showing every entry.
    pub fn new(loaded: Loaded, lang: Lang, today: Date, no_color: bool) -> App {
        let index = SearchIndex::new(&loaded.catalogue);
        App::with_index(loaded, index, lang, today, no_color)
    }

    /// A fresh app on a loaded catalogue and its index (built by
    /// [`SearchIndex::new`]).
    pub fn with_index(
        loaded: Loaded,
        index: SearchIndex,
        lang: Lang,
        today: Date,
        no_color: bool,
    ) -> App {
        let mut app = App {
            catalogue: loaded.catalogue,
            origin: loaded.origin,
            local: loaded.local,
            lang,
            today,
            no_color,
            index,
            search: SearchState {
                dirty: true,
                ..SearchState::default()
            },
            view: ViewState {
                size: (80, 24),
                ..ViewState::default()
            },
            meeting: Meeting::default(),
            outbox: Outbox::default(),
        };
        app.sync();
        app
    }

    /// An app whose catalogue is still loading: on an empty catalogue, so
    /// the search line takes typing, until [`App::attach`] brings the real one.
    pub fn loading(lang: Lang, today: Date, no_color: bool) -> App {
        let empty = Catalogue {
            schema_version: crate::catalogue::model::SCHEMA_VERSION,
            title: String::new(),
            updated: String::new(),
            vocabularies: Default::default(),
            initiatives: Vec::new(),
            maintainer: None,
        };
        let index = SearchIndex::new(&empty);
        let loaded = Loaded {
            catalogue: empty,
            origin: Origin::Bundled,
            local: None,
            ignored: Vec::new(),
        };
        let mut app = App::with_index(loaded, index, lang, today, no_color);
        app.view.loading = Some((Stage::Reading, 0));
        app
    }

    /// Says how far the loading has come; whether that changed what is shown.
    pub fn show_progress(&mut self, stage: Stage, percent: u32) -> bool {
        let changed = self.view.loading != Some((stage, percent));
        self.view.loading = Some((stage, percent));
        changed
    }

    /// Puts the loaded catalogue and its index under what was typed while
    /// it loaded: the search line, its chips and everything else stay, the
    /// places and ages in finished words become chips, and the search runs.
    pub fn attach(&mut self, loaded: Loaded, index: SearchIndex) {
        self.catalogue = loaded.catalogue;
        self.origin = loaded.origin;
        self.local = loaded.local;
        self.index = index;
        self.view.loading = None;
        self.extract_chips(false);
        self.search.dirty = true;
        self.sync();
    }

    /// Starts with `query` in the search line, as if typed and confirmed.
    pub fn start_with_query(&mut self, query: &str) {
        self.search.line.set(query);
        self.extract_chips(true);
        self.search.dirty = true;
        self.sync();
    }

    /// Searches again now (after the favourites or recents changed from outside).
    pub fn refresh(&mut self) {
        self.search.dirty = true;
        self.sync();
    }

    /// The search line's text.
    pub fn query(&self) -> &str {
        self.search.line.text()
    }

    /// Brings the results up to date with the line, the chips and the list view.
    pub fn sync(&mut self) {
        if !self.search.dirty {
            // Nothing changed under the selection: no place to keep.
            self.search.keep = Keep::First;
            return;
        }
        // Municipalities and ages still in the line filter like chips.
        let understood = self.index.understand(self.search.line.text());
        self.search.pending = understood
            .chips
            .iter()
            .map(|c| match &c.recognised {
                Recognised::Municipality(id) => FilterValue::Value(Facet::Municipality, id.clone()),
                Recognised::Age(age) => FilterValue::Age(*age),
            })
            .collect();
        self.search.effective = understood.filters(&self.search.filters);
        let results = self
            .index
            .search_understood(&understood, &self.search.filters);
        let store = &self.meeting.store;
        self.search.results = match self.view.list_view {
            ListView::Search => {
                let mut results = results;
                if understood.text.trim().is_empty() {
                    self.actionable_first(&mut results.hits);
                }
                results
            }
            // The other views show their own entries, in their own order.
            ListView::Shortlist => self.listed(&self.meeting.shortlist, results),
            ListView::Favourites => self.listed(&store.favourites, results),
            ListView::Recents => self.listed(&store.recent, results),
        };
        if self.view.loading.is_some() {
            // Every word is unknown to the empty catalogue: none is left out.
            self.search.results.ignored.clear();
        }
        self.search.dirty = false;
        let hits = &self.search.results.hits;
        self.search.selected = match std::mem::take(&mut self.search.keep) {
            Keep::First | Keep::Entry(None) => 0,
            Keep::Entry(Some(entry)) => hits.iter().position(|h| h.index == entry).unwrap_or(0),
            Keep::Row(row) => row.min(hits.len().saturating_sub(1)),
        };
        self.view.detail_scroll = 0;
        self.view.list_offset = 0;
        let len = self.picker_values().len();
        if let Some(picker) = &mut self.view.picker {
            picker.cursor = picker.cursor.min(len.saturating_sub(1));
        }
    }

    /// With no search words, what a caseworker can act on comes first: offers
    /// confirmed to run, then offers in trial, then the rest (each in name order).
    fn actionable_first(&self, hits: &mut [Hit]) {
        let rank = |hit: &Hit| {
            let entry = &self.catalogue.initiatives[hit.index];
            match (entry.kind, entry.status) {
                (Kind::Offer, Status::Active) => 0,
                (Kind::Offer, Status::Pilot) => 1,
                _ => 2,
            }
        };
        // Stable: the rest keep their order.
        hits.sort_by_key(rank);
    }

    /// Results listing exactly `ids` (those still in the catalogue), in order.
    fn listed(&self, ids: &[String], results: Results) -> Results {
        let hits = ids
            .iter()
            .filter_map(|id| self.catalogue.initiatives.iter().position(|e| &e.id == id))
            .map(|index| Hit::new(index, 0))
            .collect();
        Results {
            hits,
            facets: results.facets,
            ignored: Vec::new(),
        }
    }

    /// Whether an entry is on the shortlist.
    pub fn is_marked(&self, entry: &Initiative) -> bool {
        self.meeting.shortlist.contains(&entry.id)
    }

    /// The current results (call [`App::sync`] first after changes).
    pub fn results(&self) -> &Results {
        &self.search.results
    }

    /// The ranked hits.
    pub fn hits(&self) -> &[Hit] {
        &self.search.results.hits
    }

    /// The selected hit, if any.
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.search.results.hits.get(self.search.selected)
    }

    /// The selected initiative, if any.
    pub fn selected_entry(&self) -> Option<&Initiative> {
        self.selected_hit()
            .and_then(|hit| self.catalogue.initiatives.get(hit.index))
    }

    /// Entries last verified before this date are flagged: today minus a year.
    pub fn stale_cutoff(&self) -> Date {
        Date::from_days(self.today.to_days() - 365)
    }

    /// Whether an entry was last verified more than a year ago.
    pub fn is_stale(&self, entry: &Initiative) -> bool {
        Date::parse_iso(&entry.last_verified).is_some_and(|d| is_stale(d, self.today))
    }

    /// The values of a facet with their live counts (none for the age).
    pub fn facet_values(&self, facet: Facet) -> Vec<FacetValue> {
        let spec = facet.spec();
        let counts = self.search.results.facets.of(facet);
        let chosen = spec.chosen(&self.search.effective);
        let mut values: Vec<FacetValue> = spec
            .choices(&self.catalogue, self.lang)
            .into_iter()
            .enumerate()
            .map(|(i, choice)| FacetValue {
                label: choice.label,
                count: counts.get(i).copied().unwrap_or(0),
                selected: chosen.contains(&choice.id.as_str()),
                value: FilterValue::Value(facet, choice.id),
            })
            .collect();
        if spec.values().is_some_and(|v| v.stale_row) {
            // The hits already pass every other filter, so counting the
            // stale ones among them is this row's facet count.
            let selected = self.search.effective.verified_before.is_some();
            values.push(FacetValue {
                label: self.lang.strings().stale_filter.to_owned(),
                count: self
                    .search
                    .results
                    .hits
                    .iter()
                    .filter(|h| selected || self.is_stale(&self.catalogue.initiatives[h.index]))
                    .count(),
                selected,
                value: FilterValue::Stale,
            });
        }
        values
    }

    /// The picker's values: its facet's, narrowed by what was typed (any
    /// word of the label starting with it, letters folded).
    pub fn picker_values(&self) -> Vec<FacetValue> {
        let Some(picker) = &self.view.picker else {
            return Vec::new();
        };
        let typed = crate::fold::fold(picker.typed.trim());
        let values = self.facet_values(picker.facet);
        if typed.is_empty() {
            return values;
        }
        let (starts, inside): (Vec<FacetValue>, Vec<FacetValue>) = values
            .into_iter()
            .filter(|v| crate::fold::fold(&v.label).contains(&typed))
            .partition(|v| {
                let label = crate::fold::fold(&v.label);
                label.starts_with(&typed)
                    || label
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.starts_with(&typed))
            });
        starts.into_iter().chain(inside).collect()
    }
}
