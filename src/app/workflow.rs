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
        if let Some(at) = self.meeting.shortlist.iter().position(|m| *m == id) {
            self.meeting.shortlist.remove(at);
            self.outbox.status = Some(format!("{} ({})", s.unmarked, self.meeting.shortlist.len()));
        } else {
            self.meeting.shortlist.push(id);
            self.outbox.status = Some(format!("{} ({})", s.marked, self.meeting.shortlist.len()));
        }
        if self.view.list_view == ListView::Shortlist {
            self.refresh_keeping_selection();
        }
    }

    pub(super) fn toggle_favourite(&mut self) {
        self.sync();
        let Some(id) = self.selected_entry().map(|e| e.id.clone()) else {
            return;
        };
        let s = self.lang.strings();
        let now = self.meeting.store.toggle_favourite(&id);
        self.outbox.status = Some(if now { s.favourite_on } else { s.favourite_off }.to_owned());
        self.outbox.effects.push(Effect::SaveStore);
        if self.view.list_view == ListView::Favourites {
            self.refresh_keeping_selection();
        }
    }

    /// Switches the list to `view`, or back to the search when it is shown already.
    pub(super) fn toggle_view(&mut self, view: ListView) {
        self.view.list_view = if self.view.list_view == view {
            ListView::Search
        } else {
            view
        };
        self.view.detail_view = false;
        if self.view.focus == super::Focus::Query {
            self.view.focus = super::Focus::List;
        }
        self.search.dirty = true;
    }

    /// Rebuilds the list after it changed under the cursor, keeping the cursor near.
    fn refresh_keeping_selection(&mut self) {
        let keep = self.search.selected;
        self.search.dirty = true;
        self.sync();
        self.search.selected = keep.min(self.hits().len().saturating_sub(1));
    }

    /// Records that the selected entry was opened.
    pub(super) fn record_opened(&mut self) {
        if let Some(id) = self.selected_entry().map(|e| e.id.clone()) {
            self.meeting.store.opened(&id);
            self.outbox.effects.push(Effect::SaveStore);
        }
    }

    /// The copy menu for the selected entry: its summary, the shortlist,
    /// every phone number, e-mail and web address of its contacts, and a
    /// correction note for the catalogue's maintainer.
    pub fn copy_choices(&self) -> Vec<CopyChoice> {
        let s = self.lang.strings();
        let mut choices = Vec::new();
        if let Some(entry) = self.selected_entry() {
            choices.push(CopyChoice {
                label: format!("{}: {}", s.copy_summary, entry.name),
                readable: entry.texts_readable(),
                text: referral_summary(
                    &self.catalogue,
                    entry,
                    self.lang,
                    self.today,
                    &self.search.effective.municipalities,
                ),
            });
        }
        if !self.meeting.shortlist.is_empty() {
            choices.push(CopyChoice {
                label: format!("{} ({})", s.copy_shortlist, self.meeting.shortlist.len()),
                readable: self.shortlisted().all(|e| e.texts_readable()),
                text: join_entries(
                    &self
                        .shortlisted()
                        .map(|e| {
                            referral_summary(
                                &self.catalogue,
                                e,
                                self.lang,
                                self.today,
                                &self.search.effective.municipalities,
                            )
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
                            readable: true,
                        });
                    }
                }
            }
            // Last: a note for the catalogue's maintainer about an error.
            choices.push(CopyChoice {
                label: format!("{}: {}", s.correction, entry.name),
                text: crate::report::correction_text(&self.catalogue, entry, self.lang),
                readable: true,
            });
        }
        choices
    }

    pub(super) fn open_copy_menu(&mut self) {
        self.sync();
        let choices = self.copy_choices();
        if !choices.is_empty() {
            self.view.copy_menu = Some(super::state::CopyMenu { choices, cursor: 0 });
        }
    }

    pub(super) fn copy(&mut self, choice: usize) {
        let Some(menu) = self.view.copy_menu.take() else {
            return;
        };
        if let Some(choice) = menu.choices.into_iter().nth(choice) {
            let s = self.lang.strings();
            if !choice.readable {
                // A referral with a placeholder in it would be pasted into a
                // journal unread: copy nothing and say why.
                self.outbox.status = Some(s.not_copied.to_owned());
                return;
            }
            // The app cannot know whether the terminal accepted it: say what was done.
            self.outbox.status = Some(format!("{}: {}", s.copied, choice.label));
            self.outbox.effects.push(Effect::Copy(choice.text));
        }
    }

    /// Quits, leaving the shortlist (or else the selected entry) to be printed
    /// on the normal screen, where it stays in the scrollback.
    pub(super) fn print_and_quit(&mut self) {
        self.sync();
        // As wide as `indsats show`, unless the terminal is narrower.
        let width = usize::from(self.view.size.0).clamp(20, TEXT_WIDTH);
        let chosen = &self.search.effective.municipalities;
        let text = |e| entry_text(&self.catalogue, e, self.lang, width, self.today, chosen);
        let texts: Vec<String> = if self.meeting.shortlist.is_empty() {
            self.selected_entry().map(text).into_iter().collect()
        } else {
            self.shortlisted().map(text).collect()
        };
        if !texts.is_empty() {
            self.outbox.print = Some(join_entries(&texts));
        }
        self.outbox.quit = true;
    }

    /// The shortlisted entries still in the catalogue, in the order marked.
    pub fn shortlisted(&self) -> impl Iterator<Item = &crate::catalogue::Initiative> {
        self.meeting
            .shortlist
            .iter()
            .filter_map(|id| self.catalogue.find(id))
    }
}
