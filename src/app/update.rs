//! `update`: applies an [`Action`] to the [`App`]. Pure: no terminal, no I/O.

use super::action::Action;
use super::focus::{Focus, ListView};
use super::keymap::Place;
use super::mode::Mode;
use super::state::Keep;
use super::state::{App, Effect, Measured};
use crate::search::DETAILED_HITS;

impl App {
    /// Applies `action` as the event loop does — the results brought up to
    /// date first when it reads them ([`Action::reads_results`]) — and
    /// brings them up to date after.
    pub fn update(&mut self, action: Action) {
        if action.reads_results() {
            self.sync();
        }
        self.apply(action);
        self.sync();
    }

    /// Takes the sizes the last draw measured (page heights, line counts).
    pub fn set_measured(&mut self, measured: Measured) {
        self.view.list_offset = measured.list_offset;
        self.view.picker_offset = measured.picker_offset;
        self.view.measured = measured;
        self.view.detail_scroll = self.view.detail_scroll.min(self.detail_max_scroll());
        self.view.help_scroll = self.view.help_scroll.min(self.help_max_scroll());
    }

    /// Applies `action`; a changed query or filter only marks the results out
    /// of date, so a burst of keys (a paste) searches once, in [`App::sync`].
    /// Never searches: an action that reads the results finds them brought
    /// up to date by the caller ([`Action::reads_results`]).
    pub fn apply(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            // A status message lasts until the next key.
            self.outbox.status = None;
        }
        match action {
            Action::Resize(w, h) => {
                self.view.size = (w, h);
                if Mode::of((w, h)) != Mode::Narrow {
                    self.view.detail_view = false;
                }
            }
            Action::Quit => self.outbox.quit = true,
            Action::Suspend => self.outbox.effects.push(Effect::Suspend),
            Action::ToggleHelp => {
                self.view.help = !self.view.help;
                self.view.help_scroll = 0;
            }
            _ => match super::keys::place(self) {
                Place::Help => self.help_action(action),
                Place::Menu => self.menu_action(action),
                Place::Picker => self.picker_action(action),
                _ => self.main_action(action),
            },
        }
    }

    fn main_action(&mut self, action: Action) {
        match action {
            Action::Insert(c) => self.insert(c),
            Action::DeleteBack => {
                self.focus_query();
                if self.search.line.text().is_empty() {
                    if !self.search.chips.is_empty() {
                        self.remember_for_undo();
                    }
                    self.remove_last_chip();
                } else {
                    self.edit_line(super::line::Line::backspace);
                }
            }
            Action::DeleteForward => self.edit_line(super::line::Line::delete),
            Action::DeleteWord => self.edit_line(super::line::Line::delete_word),
            Action::ClearQuery => {
                self.remember_for_undo();
                self.edit_line(super::line::Line::clear_before);
                // The municipality and age typed in the line go with it: a
                // new situation must not inherit the last one's. Filters
                // picked with Ctrl-F stay.
                self.search.after_age = false;
                self.remove_typed_chips();
            }
            Action::CursorLeft => self.search.line.left(),
            Action::CursorRight => self.search.line.right(),
            Action::CursorStart => self.search.line.home(),
            Action::CursorEnd => self.search.line.end(),
            Action::RemoveLastChip => {
                if !self.search.chips.is_empty() {
                    self.remember_for_undo();
                }
                self.remove_last_chip();
            }
            Action::Undo => self.undo(),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-(self.page() as isize)),
            Action::PageDown => self.step(self.page() as isize),
            Action::Home => self.step(isize::MIN / 2),
            Action::End => self.step(isize::MAX / 2),
            Action::OpenPicker => self.open_picker(None),
            Action::EditAge => self.open_picker(Some(super::Facet::Age)),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::ToggleMark => self.toggle_mark(),
            Action::ToggleFavourite => self.toggle_favourite(),
            Action::ShowView(view) => self.toggle_view(view),
            Action::OpenCopyMenu => self.open_copy_menu(),
            Action::Print => self.print(),
            Action::PrevFacet
            | Action::NextFacet
            | Action::Toggle
            | Action::ClearFacet
            | Action::Resize(..)
            | Action::Quit
            | Action::Suspend
            | Action::ToggleHelp => {}
        }
    }

    fn help_action(&mut self, action: Action) {
        let page = self.help_page();
        let scroll = self.view.help_scroll;
        self.view.help_scroll = match action {
            Action::Back => {
                self.view.help = false;
                0
            }
            // Typing closes the help and types: a letter is never lost.
            Action::Insert(c) => {
                self.view.help = false;
                self.insert(c);
                0
            }
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll + 1,
            Action::PageUp => scroll.saturating_sub(page),
            Action::PageDown => scroll + page,
            Action::Home => 0,
            Action::End => usize::MAX,
            _ => scroll,
        }
        .min(self.help_max_scroll());
    }

    /// The rows the help shows.
    fn help_rows(&self) -> usize {
        match self.view.measured.help_rows {
            0 => usize::from(self.view.size.1.saturating_sub(4)).max(1),
            rows => rows,
        }
    }

    /// How far PgDn moves the help: a page less one row, the row that says
    /// "↓ …" where there is more, so no line is ever skipped.
    fn help_page(&self) -> usize {
        self.help_rows().saturating_sub(1).max(1)
    }

    fn help_max_scroll(&self) -> usize {
        match self.view.measured.help_lines {
            0 => usize::MAX,
            lines => lines.saturating_sub(self.help_rows()),
        }
    }

    fn menu_action(&mut self, action: Action) {
        let Some(menu) = &mut self.view.copy_menu else {
            return;
        };
        let last = menu.choices.len().saturating_sub(1);
        match action {
            Action::Up => menu.cursor = menu.cursor.saturating_sub(1),
            Action::Down => menu.cursor = (menu.cursor + 1).min(last),
            Action::Home | Action::PageUp => menu.cursor = 0,
            Action::End | Action::PageDown => menu.cursor = last,
            Action::Open => {
                let choice = menu.cursor;
                self.copy(choice);
            }
            Action::Insert(c) => {
                self.view.copy_menu = None;
                self.insert(c);
            }
            _ => self.view.copy_menu = None,
        }
    }

    /// Page height of the result list.
    fn page(&self) -> usize {
        let rows = match self.view.focus {
            Focus::Details => self.view.measured.detail_rows,
            _ => self.view.measured.list_rows,
        };
        match rows {
            // Not drawn yet: about the body of the screen.
            0 => usize::from(self.view.size.1.saturating_sub(8)).max(1),
            rows => rows.saturating_sub(1).max(1),
        }
    }

    pub(super) fn focus_query(&mut self) {
        self.view.focus = Focus::Query;
        self.view.detail_view = false;
        // Typing searches: a shortlist or favourites view gives way.
        if self.view.list_view != ListView::Search {
            self.view.list_view = ListView::Search;
            self.search.dirty = true;
        }
    }

    fn edit_line(&mut self, edit: impl FnOnce(&mut super::line::Line) -> bool) {
        self.focus_query();
        if edit(&mut self.search.line) {
            self.search.dirty = true;
        }
    }

    pub(super) fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        // A tab or line break in a paste is a space.
        let c = if c.is_whitespace() { ' ' } else { c };
        self.focus_query();
        if self.search.line.insert(c) {
            self.search.dirty = true;
            if c == ' ' {
                self.extract_chips(false);
            }
        }
    }

    /// Moves the cursor of the focused part by `delta` lines, clamped.
    fn step(&mut self, delta: isize) {
        let move_by = |pos: usize, len: usize| -> usize {
            if len == 0 {
                0
            } else {
                (pos as isize)
                    .saturating_add(delta)
                    .clamp(0, len as isize - 1) as usize
            }
        };
        match self.view.focus {
            Focus::Query | Focus::List => {
                let before = self.search.selected;
                self.search.selected = move_by(before, self.search.results.hits.len());
                if self.search.selected != before {
                    self.view.detail_scroll = 0;
                    self.fill_details_near_selection();
                }
            }
            Focus::Details => {
                let max = self.detail_max_scroll();
                self.view.detail_scroll = (self.view.detail_scroll as isize)
                    .saturating_add(delta)
                    .clamp(0, max as isize) as usize;
            }
        }
    }

    /// The search details only the best hits (for speed); far down a long
    /// list, fill in the highlights of the rows about to be shown.
    fn fill_details_near_selection(&mut self) {
        let selected = self.search.selected;
        if selected < DETAILED_HITS {
            return;
        }
        let page = self.page();
        let lo = selected.saturating_sub(page);
        let hi = (selected + page + 1).min(self.search.results.hits.len());
        let window = &mut self.search.results.hits[lo..hi];
        if window.iter().any(|h| h.matched_fields().is_empty()) {
            let text = self.index.understand(self.search.line.text()).text;
            self.index.fill_details(&text, window);
        }
    }

    /// Last scroll position that still fills the detail pane, as last drawn.
    fn detail_max_scroll(&self) -> usize {
        let m = &self.view.measured;
        if m.detail_rows == 0 {
            return usize::MAX / 2;
        }
        m.detail_lines.saturating_sub(m.detail_rows)
    }

    /// Finishes the words in the search line (Enter): recognised filters
    /// become chips, and the selection stays on the same entry.
    fn finish_line(&mut self) {
        // The filters are those the line already applied, so the results
        // stay as they are; the next search keeps the selection on the entry.
        self.search.keep = Keep::Entry(self.selected_hit().map(|h| h.index));
        self.extract_chips(true);
    }

    fn open(&mut self) {
        if self.view.focus == Focus::Query {
            self.finish_line();
        }
        if self.selected_entry().is_none() {
            return;
        }
        self.view.detail_scroll = 0;
        self.view.focus = Focus::Details;
        self.view.detail_view = Mode::of(self.view.size) == Mode::Narrow;
        self.record_opened();
    }

    /// Esc: details → list → search line → clear the words → clear the
    /// filters. Never quits.
    fn back(&mut self) {
        if self.view.detail_view {
            self.view.detail_view = false;
            self.view.focus = Focus::List;
            return;
        }
        match self.view.focus {
            Focus::Details => self.view.focus = Focus::List,
            Focus::List => self.view.focus = Focus::Query,
            Focus::Query if self.view.list_view != ListView::Search => {
                self.view.list_view = ListView::Search;
                self.search.dirty = true;
            }
            Focus::Query if !self.search.line.text().is_empty() => {
                self.remember_for_undo();
                self.edit_line(super::line::Line::clear);
            }
            Focus::Query => {
                if !self.search.chips.is_empty() {
                    self.remember_for_undo();
                }
                self.search.after_age = false;
                self.retain_chips(|_| false);
            }
        }
    }

    /// Keeps the words and chips as they are, before a clear, for
    /// [`Action::Undo`]; the first time, the status line says how.
    pub(super) fn remember_for_undo(&mut self) {
        let undo = &mut self.search.undo;
        if undo.len() == super::state::UNDO_DEPTH {
            undo.remove(0);
        }
        undo.push(super::state::Undo {
            line: self.search.line.clone(),
            chips: self.search.chips.clone(),
            after_age: self.search.after_age,
        });
        if !self.search.undo_told {
            self.search.undo_told = true;
            self.outbox.status = Some(self.lang.strings().cleared_undo.to_owned());
        }
    }

    /// Ctrl-_: the words and chips as they were before the last clear; again,
    /// the one before.
    fn undo(&mut self) {
        let Some(undo) = self.search.undo.pop() else {
            self.outbox.status = Some(self.lang.strings().nothing_to_undo.to_owned());
            return;
        };
        self.focus_query();
        self.search.line = undo.line;
        self.search.chips = undo.chips;
        self.search.after_age = undo.after_age;
        self.rebuild_filters();
        self.search.dirty = true;
        self.outbox.status = Some(self.lang.strings().undone.to_owned());
    }

    fn cycle_focus(&mut self, step: isize) {
        let mut order = vec![Focus::Query, Focus::List];
        // The details take part only when there is something to show and
        // room to show it beside the list.
        if self.selected_entry().is_some() && Mode::of(self.view.size) != Mode::Narrow {
            order.push(Focus::Details);
        }
        let pos = order
            .iter()
            .position(|&f| f == self.view.focus)
            .unwrap_or(0) as isize;
        self.view.focus = order[(pos + step).rem_euclid(order.len() as isize) as usize];
        self.view.detail_view = false;
    }
}
