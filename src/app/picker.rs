//! The filter picker: one facet at a time with live counts, narrowed by
//! type-ahead; on the age facet, digits set the age (a new age replaces the
//! old one).

use super::action::Action;
use super::chips::FilterValue;
use super::focus::Facet;
use super::state::{App, Picker};

/// Highest age the picker accepts.
const MAX_AGE: u8 = 99;

impl App {
    /// Opens the picker on `facet`, or on the facet used last.
    pub(super) fn open_picker(&mut self, facet: Option<Facet>) {
        let facet = facet
            .or_else(|| self.view.picker.as_ref().map(|p| p.facet))
            .unwrap_or_default();
        self.view.picker = Some(Picker {
            facet,
            ..Picker::default()
        });
        self.view.picker_offset = 0;
    }

    pub(super) fn picker_action(&mut self, action: Action) {
        let Some(picker) = self.view.picker.clone() else {
            return;
        };
        let on_age = picker.facet == Facet::Age;
        match action {
            Action::Insert(c) if on_age => {
                if c.is_ascii_digit() {
                    self.edit_typed(|t| {
                        if t.len() < 2 {
                            t.push(c);
                        }
                    });
                }
            }
            Action::Insert(c) => self.edit_typed(|t| {
                if t.chars().count() < 40 && !c.is_control() {
                    t.push(c);
                }
            }),
            Action::DeleteBack => self.edit_typed(|t| {
                t.pop();
            }),
            Action::Up | Action::Down if on_age => {
                let up = action == Action::Up;
                let age = match self.search.filters.age {
                    Some(age) if up => age.saturating_add(1).min(MAX_AGE),
                    Some(age) => age.saturating_sub(1),
                    None => 16,
                };
                self.set_picker(|p| p.typed = age.to_string());
                self.add_chip(FilterValue::Age(age), false);
            }
            Action::Up => self.move_picker(-1),
            Action::Down => self.move_picker(1),
            Action::PageUp => self.move_picker(-(self.picker_page() as isize)),
            Action::PageDown => self.move_picker(self.picker_page() as isize),
            Action::Home => self.move_picker(isize::MIN / 2),
            Action::End => self.move_picker(isize::MAX / 2),
            Action::PrevFacet | Action::NextFacet => {
                let step = if action == Action::PrevFacet { -1 } else { 1 };
                self.switch_facet(picker.facet.shifted(step));
            }
            Action::EditAge => self.switch_facet(Facet::Age),
            Action::Toggle | Action::Open if on_age => self.view.picker = None,
            Action::Toggle | Action::Open => {
                let values = self.picker_values();
                if let Some(value) = values.get(picker.cursor) {
                    let value = value.value.clone();
                    self.toggle_chip(value.clone());
                    // Type-ahead starts afresh, the cursor on the same value
                    // (the values' order does not follow the counts).
                    let all = self.facet_values(picker.facet);
                    let at = all.iter().position(|v| v.value == value).unwrap_or(0);
                    self.set_picker(|p| {
                        p.typed.clear();
                        p.cursor = at;
                    });
                }
            }
            Action::ClearFacet => {
                self.retain_chips(|v| v.facet() != picker.facet);
                self.set_picker(|p| p.typed.clear());
            }
            _ => self.view.picker = None,
        }
    }

    fn set_picker(&mut self, change: impl FnOnce(&mut Picker)) {
        if let Some(picker) = &mut self.view.picker {
            change(picker);
        }
    }

    fn switch_facet(&mut self, facet: Facet) {
        self.set_picker(|p| {
            *p = Picker {
                facet,
                ..Picker::default()
            }
        });
        self.view.picker_offset = 0;
    }

    /// Changes what was typed; on the age facet the age follows it.
    fn edit_typed(&mut self, edit: impl FnOnce(&mut String)) {
        let mut typed = String::new();
        self.set_picker(|p| {
            edit(&mut p.typed);
            p.cursor = 0;
            typed = p.typed.clone();
        });
        self.view.picker_offset = 0;
        if self.view.picker.as_ref().map(|p| p.facet) == Some(Facet::Age) {
            match typed.parse::<u8>() {
                Ok(age) if age <= MAX_AGE => self.add_chip(FilterValue::Age(age), false),
                _ => self.retain_chips(|v| !matches!(v, FilterValue::Age(_))),
            }
        }
    }

    fn picker_page(&self) -> usize {
        match self.view.measured.picker_rows {
            0 => 10,
            rows => rows.saturating_sub(1).max(1),
        }
    }

    fn move_picker(&mut self, delta: isize) {
        let len = self.picker_values().len();
        self.set_picker(|p| {
            p.cursor = if len == 0 {
                0
            } else {
                (p.cursor as isize)
                    .saturating_add(delta)
                    .clamp(0, len as isize - 1) as usize
            };
        });
    }

    /// How many values of `facet` are chosen.
    pub fn chosen_in(&self, facet: Facet) -> usize {
        self.search
            .chips
            .iter()
            .filter(|c| c.value.facet() == facet)
            .count()
    }
}
