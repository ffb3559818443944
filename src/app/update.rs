//! `update`: applies an [`Action`] to the [`App`]. Pure: no terminal, no I/O.

use super::action::Action;
use super::focus::{Facet, Focus, ListView};
use super::state::{App, MAX_QUERY_CHARS};
use crate::catalogue::{Kind, Status};
use crate::search::DETAILED_HITS;
use crate::ui::layout::{Areas, Mode};

/// Highest age the age field accepts.
const MAX_AGE: u8 = 99;

impl App {
    /// Applies `action` and brings the results up to date.
    pub fn update(&mut self, action: Action) {
        self.apply(action);
        self.sync();
    }

    /// Applies `action`; a changed query or filter only marks the results out
    /// of date, so a burst of keys (a paste) searches once, in [`App::sync`].
    pub fn apply(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            // A status message lasts until the next key.
            self.status = None;
        }
        match action {
            Action::Resize(w, h) => self.size = (w, h),
            Action::Quit => self.quit = true,
            _ if self.copy_menu.is_some() => match action {
                Action::Copy(choice) => self.copy(choice),
                _ => self.copy_menu = None,
            },
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            _ if self.help => self.scroll_help(action),
            Action::ToggleMark => self.toggle_mark(),
            Action::ToggleShortlistView => self.toggle_view(ListView::Shortlist),
            Action::ToggleFavourite => self.toggle_favourite(),
            Action::ToggleFavouritesView => self.toggle_view(ListView::Favourites),
            Action::OpenCopyMenu => self.open_copy_menu(),
            Action::Copy(_) => {}
            Action::PrintAndQuit => self.print_and_quit(),
            Action::Insert(c) => self.insert(c),
            Action::DeleteBack => {
                self.focus_query();
                self.edit_query(|q| {
                    q.pop();
                });
            }
            Action::DeleteWord => {
                self.focus_query();
                self.edit_query(|q| {
                    let kept = q.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
                    q.truncate(kept);
                });
            }
            Action::ClearQuery => {
                self.focus_query();
                self.edit_query(String::clear);
            }
            Action::FocusQuery => self.focus_query(),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => {
                let page = self.page() as isize;
                self.step(-page);
            }
            Action::PageDown => {
                let page = self.page() as isize;
                self.step(page);
            }
            Action::Home => self.step(isize::MIN / 2),
            Action::End => self.step(isize::MAX / 2),
            Action::PrevFacet => self.facet = self.facet.shifted(-1),
            Action::NextFacet => self.facet = self.facet.shifted(1),
            Action::Toggle => self.toggle(),
            Action::ClearFacet => self.clear_facet(),
            Action::AgeDigit(d) => {
                if self.age_text.len() < 2 {
                    self.age_text.push(char::from(b'0' + d.min(9)));
                    self.set_age_from_text();
                }
            }
            Action::AgeBackspace => {
                self.age_text.pop();
                self.set_age_from_text();
            }
            Action::EditAge => {
                self.detail_view = false;
                self.focus = Focus::Filters;
                self.facet = Facet::Age;
            }
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
        }
    }

    fn scroll_help(&mut self, action: Action) {
        let page = usize::from(self.size.1.saturating_sub(4)).max(1);
        let max = crate::ui::help::help_line_count(self).saturating_sub(page);
        self.help_scroll = match action {
            Action::Back => {
                self.help = false;
                0
            }
            Action::Up => self.help_scroll.saturating_sub(1),
            Action::Down => self.help_scroll + 1,
            Action::PageUp => self.help_scroll.saturating_sub(page),
            Action::PageDown => self.help_scroll + page,
            Action::Home => 0,
            Action::End => max,
            _ => self.help_scroll,
        }
        .min(max);
    }

    /// Page height of the focused list or pane.
    fn page(&self) -> usize {
        let areas = Areas::compute(self);
        let rect = match self.focus {
            Focus::Details => areas.detail,
            Focus::Filters => areas.filters,
            _ => areas.list,
        };
        rect.map_or(1, |r| usize::from(r.height.saturating_sub(3)).max(1))
    }

    fn focus_query(&mut self) {
        self.focus = Focus::Query;
        self.detail_view = false;
    }

    fn edit_query(&mut self, edit: impl FnOnce(&mut String)) {
        let old = self.query.clone();
        edit(&mut self.query);
        if self.query != old {
            self.dirty = true;
        }
    }

    fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        self.focus_query();
        self.edit_query(|q| {
            if q.chars().count() < MAX_QUERY_CHARS {
                q.push(c);
            }
        });
    }

    /// Moves the cursor of the focused part by `delta` lines, clamped.
    fn step(&mut self, delta: isize) {
        self.sync();
        let move_by = |pos: usize, len: usize| -> usize {
            if len == 0 {
                0
            } else {
                (pos as isize)
                    .saturating_add(delta)
                    .clamp(0, len as isize - 1) as usize
            }
        };
        match self.focus {
            Focus::Query | Focus::List => {
                let before = self.selected;
                self.selected = move_by(self.selected, self.results.hits.len());
                if self.selected != before {
                    self.detail_scroll = 0;
                    self.fill_details_near_selection();
                }
            }
            Focus::Filters if self.facet == Facet::Age => {
                // Up raises the age and Down lowers it; the first press starts at 16.
                if delta.unsigned_abs() == 1 {
                    let age = match self.filters.age {
                        Some(age) => (i64::from(age) - delta as i64).clamp(0, i64::from(MAX_AGE)),
                        None => 16,
                    };
                    self.age_text = age.to_string();
                    self.set_age_from_text();
                }
            }
            Focus::Filters => {
                let len = self.facet_len(self.facet);
                let cursor = &mut self.facet_cursor[self.facet.index()];
                *cursor = move_by(*cursor, len);
            }
            Focus::Details => {
                let max = self.detail_max_scroll();
                self.detail_scroll = (self.detail_scroll as isize)
                    .saturating_add(delta)
                    .clamp(0, max as isize) as usize;
            }
        }
    }

    /// The search details only the best hits (for speed); far down a long
    /// list, fill in the highlights of the rows about to be shown.
    fn fill_details_near_selection(&mut self) {
        if self.selected < DETAILED_HITS {
            return;
        }
        let page = self.page();
        let lo = self.selected.saturating_sub(page);
        let hi = (self.selected + page + 1).min(self.results.hits.len());
        let window = &mut self.results.hits[lo..hi];
        if window.iter().any(|h| h.matched_fields.is_empty()) {
            let text = self.index.understand(&self.query).text;
            self.index.fill_details(&text, window);
        }
    }

    /// Last scroll position that still fills the detail pane.
    fn detail_max_scroll(&self) -> usize {
        let areas = Areas::compute(self);
        let (Some(rect), Some(entry)) = (areas.detail, self.selected_entry()) else {
            return 0;
        };
        let inner_width = usize::from(rect.width.saturating_sub(2));
        let inner_height = usize::from(rect.height.saturating_sub(2));
        let lines = crate::ui::detail::detail_lines(self, entry, inner_width).len();
        lines.saturating_sub(inner_height)
    }

    fn set_age_from_text(&mut self) {
        let age = self.age_text.parse::<u8>().ok().filter(|&a| a <= MAX_AGE);
        if age != self.filters.age {
            self.filters.age = age;
            self.dirty = true;
        }
        if age.is_none() {
            self.age_text.clear();
        }
    }

    fn toggle(&mut self) {
        let i = self.facet_cursor[self.facet.index()];
        let v = &self.catalogue.vocabularies;
        let flip = |set: &mut std::collections::BTreeSet<String>, id: Option<&String>| {
            if let Some(id) = id
                && !set.remove(id)
            {
                set.insert(id.clone());
            }
        };
        match self.facet {
            Facet::Municipality => flip(
                &mut self.filters.municipalities,
                v.municipalities.get(i).map(|m| &m.id),
            ),
            Facet::TargetGroup => flip(
                &mut self.filters.target_groups,
                v.target_groups.get(i).map(|t| &t.id),
            ),
            Facet::Theme => flip(&mut self.filters.themes, v.themes.get(i).map(|t| &t.id)),
            Facet::Status => match Status::ALL.get(i) {
                Some(&status) => {
                    if !self.filters.statuses.remove(&status) {
                        self.filters.statuses.insert(status);
                    }
                }
                None => {
                    self.filters.verified_before = match self.filters.verified_before {
                        Some(_) => None,
                        None => Some(self.stale_cutoff()),
                    }
                }
            },
            Facet::Kind => {
                if let Some(&kind) = Kind::ALL.get(i)
                    && !self.filters.kinds.remove(&kind)
                {
                    self.filters.kinds.insert(kind);
                }
            }
            Facet::Age => return,
        }
        self.dirty = true;
    }

    fn clear_facet(&mut self) {
        match self.facet {
            Facet::Municipality => self.filters.municipalities.clear(),
            Facet::TargetGroup => self.filters.target_groups.clear(),
            Facet::Theme => self.filters.themes.clear(),
            Facet::Status => {
                self.filters.statuses.clear();
                self.filters.verified_before = None;
            }
            Facet::Kind => self.filters.kinds.clear(),
            Facet::Age => {
                self.age_text.clear();
                self.filters.age = None;
            }
        }
        self.dirty = true;
    }

    fn open(&mut self) {
        self.sync();
        if self.focus == Focus::Filters {
            self.toggle();
            return;
        }
        if self.selected_entry().is_none() {
            return;
        }
        self.detail_scroll = 0;
        self.focus = Focus::Details;
        self.detail_view = Mode::of(self.size) == Mode::Narrow;
        self.record_opened();
    }

    fn back(&mut self) {
        if self.detail_view {
            self.detail_view = false;
            self.focus = Focus::List;
            return;
        }
        match self.focus {
            Focus::Details | Focus::Filters => self.focus = Focus::List,
            Focus::List if self.list_view != ListView::Search => {
                self.list_view = ListView::Search;
                self.dirty = true;
            }
            Focus::List if self.query.is_empty() => self.focus = Focus::Query,
            Focus::List | Focus::Query => self.edit_query(String::clear),
        }
    }

    fn cycle_focus(&mut self, step: isize) {
        self.sync();
        let mut order = vec![Focus::Query, Focus::Filters, Focus::List];
        // The details take part only when there is something to show and
        // room to show it beside the list.
        if self.selected_entry().is_some() && Mode::of(self.size) != Mode::Narrow {
            order.push(Focus::Details);
        }
        let pos = order.iter().position(|&f| f == self.focus).unwrap_or(0) as isize;
        self.focus = order[(pos + step).rem_euclid(order.len() as isize) as usize];
        self.detail_view = false;
    }
}
