//! The meeting workflow: shortlist, favourites, copying and printing. Pure:
//! clipboard writes and saving are left to the event loop as [`Effect`]s.

use super::focus::ListView;
use super::state::{App, CopyChoice, Effect};
use crate::report::{TEXT_WIDTH, entry_text, join_entries, referral_summary};

impl App {
    pub(super) fn toggle_mark(&mut self) {
        self.sync();
        let Some(id) = self.selected_entry().map(|e| e.id.clone()) else {
            return;
        };
        let s = self.lang.strings();
        if let Some(at) = self.shortlist.iter().position(|m| *m == id) {
            self.shortlist.remove(at);
            self.status = Some(format!("{} ({})", s.unmarked, self.shortlist.len()));
        } else {
            self.shortlist.push(id);
            self.status = Some(format!("{} ({})", s.marked, self.shortlist.len()));
        }
        if self.list_view == ListView::Shortlist {
            self.refresh_keeping_selection();
        }
    }

    pub(super) fn toggle_favourite(&mut self) {
        self.sync();
        let Some(id) = self.selected_entry().map(|e| e.id.clone()) else {
            return;
        };
        let s = self.lang.strings();
        let now = self.store.toggle_favourite(&id);
        self.status = Some(if now { s.favourite_on } else { s.favourite_off }.to_owned());
        self.effects.push(Effect::SaveStore);
        if self.list_view == ListView::Favourites {
            self.refresh_keeping_selection();
        }
    }

    /// Switches the list to `view`, or back to the search when it is shown already.
    pub(super) fn toggle_view(&mut self, view: ListView) {
        self.list_view = if self.list_view == view {
            ListView::Search
        } else {
            view
        };
        self.detail_view = false;
        if self.focus == super::Focus::Query {
            self.focus = super::Focus::List;
        }
        self.dirty = true;
    }

    /// Rebuilds the list after it changed under the cursor, keeping the cursor near.
    fn refresh_keeping_selection(&mut self) {
        let keep = self.selected;
        self.dirty = true;
        self.sync();
        self.selected = keep.min(self.hits().len().saturating_sub(1));
    }

    /// Records that the selected entry was opened.
    pub(super) fn record_opened(&mut self) {
        if let Some(id) = self.selected_entry().map(|e| e.id.clone()) {
            self.store.opened(&id);
            self.effects.push(Effect::SaveStore);
        }
    }

    /// The copy menu for the selected entry: its summary, the shortlist, and
    /// every phone number, e-mail and web address of its contacts.
    pub fn copy_choices(&self) -> Vec<CopyChoice> {
        let s = self.lang.strings();
        let mut choices = Vec::new();
        if let Some(entry) = self.selected_entry() {
            choices.push(CopyChoice {
                label: format!("{}: {}", s.copy_summary, entry.name),
                text: referral_summary(entry, self.lang, self.today, &self.filters.municipalities),
            });
        }
        if !self.shortlist.is_empty() {
            choices.push(CopyChoice {
                label: format!("{} ({})", s.copy_shortlist, self.shortlist.len()),
                text: join_entries(
                    &self
                        .shortlisted()
                        .map(|e| {
                            referral_summary(e, self.lang, self.today, &self.filters.municipalities)
                        })
                        .collect::<Vec<_>>(),
                ),
            });
        }
        if let Some(entry) = self.selected_entry() {
            for contact in &entry.contacts {
                for (label, value) in [
                    (s.copy_phone, &contact.phone),
                    (s.copy_email, &contact.email),
                    (s.copy_url, &contact.url),
                ] {
                    if let Some(value) = value {
                        choices.push(CopyChoice {
                            label: format!("{label}: {value} ({})", contact.organisation),
                            text: value.clone(),
                        });
                    }
                }
            }
        }
        // The menu is chosen with one digit.
        choices.truncate(9);
        choices
    }

    pub(super) fn open_copy_menu(&mut self) {
        self.sync();
        let choices = self.copy_choices();
        if !choices.is_empty() {
            self.copy_menu = Some(choices);
        }
    }

    pub(super) fn copy(&mut self, choice: u8) {
        let Some(menu) = self.copy_menu.take() else {
            return;
        };
        if let Some(choice) = menu.into_iter().nth(usize::from(choice)) {
            let s = self.lang.strings();
            self.status = Some(format!("{}: {} {}", s.copied, choice.label, s.copy_note));
            self.effects.push(Effect::Copy(choice.text));
        }
    }

    /// Quits, leaving the shortlist (or else the selected entry) to be printed
    /// on the normal screen, where it stays in the scrollback.
    pub(super) fn print_and_quit(&mut self) {
        self.sync();
        // As wide as `indsats show`, unless the terminal is narrower.
        let width = usize::from(self.size.0).clamp(20, TEXT_WIDTH);
        let chosen = &self.filters.municipalities;
        let text = |e| entry_text(&self.catalogue, e, self.lang, width, self.today, chosen);
        let texts: Vec<String> = if self.shortlist.is_empty() {
            self.selected_entry().map(text).into_iter().collect()
        } else {
            self.shortlisted().map(text).collect()
        };
        if !texts.is_empty() {
            self.print = Some(join_entries(&texts));
        }
        self.quit = true;
    }

    /// The shortlisted entries still in the catalogue, in the order marked.
    pub fn shortlisted(&self) -> impl Iterator<Item = &crate::catalogue::Initiative> {
        self.shortlist
            .iter()
            .filter_map(|id| self.catalogue.find(id))
    }
}
