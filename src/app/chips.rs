//! Filter chips: every active filter value, in the order it was added —
//! typed in the search (a municipality, an age) or picked in the picker. The
//! filter bar shows them; Backspace on an empty search removes the last.

use super::state::App;
use crate::search::Filters;
use crate::search::facets::{Facet, stale_facet};
use crate::search::understand::Recognised;

/// One filter value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterValue {
    /// A value of a facet with a list of values (a municipality, target
    /// group, theme, kind or status), by id.
    Value(Facet, String),
    /// The citizen's age (at most one).
    Age(u8),
    /// Only entries not verified for over a year.
    Stale,
}

impl FilterValue {
    /// The facet it belongs to.
    pub fn facet(&self) -> Facet {
        match self {
            FilterValue::Value(facet, _) => *facet,
            FilterValue::Age(_) => Facet::Age,
            FilterValue::Stale => stale_facet(),
        }
    }
}

/// An active filter value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterChip {
    /// The value.
    pub value: FilterValue,
    /// Whether it was recognised in the typed search (else picked).
    pub typed: bool,
}

impl App {
    /// The filters the chips add up to.
    pub(super) fn rebuild_filters(&mut self) {
        let mut filters = Filters::default();
        for chip in &self.search.chips {
            match &chip.value {
                FilterValue::Value(facet, id) => facet.spec().choose(&mut filters, id),
                FilterValue::Age(age) => filters.age = Some(*age),
                FilterValue::Stale => filters.verified_before = Some(self.stale_cutoff()),
            }
        }
        if filters != self.search.filters {
            self.search.filters = filters;
            self.search.dirty = true;
        }
    }

    /// Adds a chip; an age replaces the age there was.
    pub(super) fn add_chip(&mut self, value: FilterValue, typed: bool) {
        if matches!(value, FilterValue::Age(_)) {
            self.search
                .chips
                .retain(|c| !matches!(c.value, FilterValue::Age(_)));
        }
        if !self.search.chips.iter().any(|c| c.value == value) {
            self.search.chips.push(FilterChip { value, typed });
        }
        self.rebuild_filters();
    }

    /// Turns a chip on or off.
    pub(super) fn toggle_chip(&mut self, value: FilterValue) {
        if let Some(at) = self.search.chips.iter().position(|c| c.value == value) {
            self.search.chips.remove(at);
            self.rebuild_filters();
        } else {
            self.add_chip(value, false);
        }
    }

    /// Removes every chip `keep` says no to.
    pub(super) fn retain_chips(&mut self, keep: impl Fn(&FilterValue) -> bool) {
        self.search.chips.retain(|c| keep(&c.value));
        self.rebuild_filters();
    }

    /// Removes the chips recognised in the typed search, keeping those
    /// picked in the picker.
    pub(super) fn remove_typed_chips(&mut self) {
        self.search.chips.retain(|c| !c.typed);
        self.rebuild_filters();
    }

    /// Removes the last chip.
    pub(super) fn remove_last_chip(&mut self) {
        if self.search.chips.pop().is_some() {
            self.rebuild_filters();
        }
    }

    /// Moves the municipalities and the age recognised in the search line
    /// out of the text into chips — those followed by a space (a finished
    /// word) before the cursor, or all of them when `all` (Enter). A bare
    /// number taken for an age also takes a year word typed after it.
    pub(super) fn extract_chips(&mut self, all: bool) {
        let before = self.search.chips.clone();
        let after_age = self.search.after_age;
        let text = self.search.line.text().to_owned();
        let cursor = self.search.line.cursor();
        let understood = self.index.understand(&text);
        let mut spans = Vec::new();
        for chip in understood.chips {
            let followed = text[chip.span.end..].starts_with(char::is_whitespace);
            if !(all || (followed && chip.span.end < cursor)) {
                continue;
            }
            let value = match chip.recognised {
                Recognised::Municipality(id) => FilterValue::Value(Facet::Municipality, id),
                Recognised::Age(age) => {
                    self.search.after_age =
                        text[chip.span.clone()].chars().all(|c| c.is_ascii_digit());
                    FilterValue::Age(age)
                }
            };
            self.add_chip(value, true);
            spans.push(chip.span);
        }
        // From the end, so the earlier spans stay where they were.
        for span in spans.into_iter().rev() {
            self.search.line.remove(span);
        }
        self.take_year_word(all);
        if self.search.line.text() != text {
            self.search.dirty = true;
        }
        // A new municipality typed beside the one there was, or a new age
        // replacing the old: the chips before can be brought back (the
        // words stay as they are).
        let place = |c: &FilterChip| c.value.facet() == Facet::Municipality;
        let age = |chips: &[FilterChip]| {
            chips.iter().find_map(|c| match c.value {
                FilterValue::Age(a) => Some(a),
                _ => None,
            })
        };
        let new_place = before.iter().any(place)
            && self
                .search
                .chips
                .iter()
                .any(|c| place(c) && !before.contains(c));
        let new_age = age(&before).is_some_and(|a| age(&self.search.chips) != Some(a));
        if new_place || new_age {
            let chips = std::mem::replace(&mut self.search.chips, before);
            let searched = std::mem::replace(&mut self.search.after_age, after_age);
            self.remember_for_undo();
            self.search.chips = chips;
            self.search.after_age = searched;
        }
    }

    /// After a bare age (`17`), a finished year word (`år`) at the start of
    /// the line belongs to it and goes; any other word ends the wait.
    fn take_year_word(&mut self, all: bool) {
        if !self.search.after_age {
            return;
        }
        let text = self.search.line.text();
        let Some(word) = text.split_whitespace().next() else {
            return;
        };
        let start = text.len() - text.trim_start().len();
        let end = start + word.len();
        let finished = all || text[end..].starts_with(char::is_whitespace);
        if !finished {
            return;
        }
        self.search.after_age = false;
        if crate::search::understand::is_year_word_typed(word) {
            self.search.line.remove(start..end);
        }
    }

    /// The label of a filter value in the interface language.
    pub fn chip_label(&self, value: &FilterValue) -> String {
        let s = self.lang.strings();
        match value {
            FilterValue::Value(facet, id) => facet
                .spec()
                .label(&self.catalogue, self.lang, id)
                .unwrap_or_else(|| id.clone()),
            FilterValue::Age(age) => format!("{age} {}", s.years),
            FilterValue::Stale => s.stale_filter.to_owned(),
        }
    }

    /// Every chip with its label, then the ones still being typed (recognised
    /// in the search line but not yet finished), marked `pending`.
    pub fn chip_labels(&self) -> Vec<(String, bool)> {
        let mut out: Vec<(String, bool)> = self
            .search
            .chips
            .iter()
            .map(|c| (self.chip_label(&c.value), false))
            .collect();
        for chip in &self.search.pending {
            let label = self.chip_label(chip);
            if !out.iter().any(|(l, _)| *l == label) {
                out.push((label, true));
            }
        }
        out
    }
}
