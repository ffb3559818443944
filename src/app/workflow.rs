//! The meeting workflow: shortlist, favourites, copying and printing. Pure:
//! clipboard writes and saving are left to the event loop as [`Effect`]s.

use super::focus::ListView;
use super::state::Keep;
use super::state::{App, CopyChoice, CopyMenu, Effect};
use crate::catalogue::contacts;
use crate::report::{Printout, TEXT_WIDTH, join_entries, printout, referral_summary};

/// Whom a contact serves, seen from the chosen municipalities: the copy
/// menu lists them in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Near {
    /// A chosen municipality.
    Chosen,
    /// No municipality in particular (or none is chosen).
    Anywhere,
    /// Only other municipalities than the chosen ones.
    Other,
}

/// A contact's phone number, e-mail or web address in the copy menu.
struct Field<'a> {
    near: Near,
    /// 0 phone, 1 e-mail, 2 web.
    order: usize,
    label: &'a str,
    value: &'a str,
    organisation: &'a str,
}

/// Most rows of the copy menu; past them its last row is "Flere …".
const COPY_ROWS: usize = 8;

impl App {
    pub(super) fn toggle_mark(&mut self) {
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
        self.search.keep = Keep::Row(self.search.selected);
        self.search.dirty = true;
    }

    /// Records that the selected entry was opened.
    pub(super) fn record_opened(&mut self) {
        if let Some(id) = self.selected_entry().map(|e| e.id.clone()) {
            self.meeting.store.opened(&id);
            self.outbox.effects.push(Effect::SaveStore);
        }
    }

    /// The copy menu for the selected entry, in the order a meeting needs
    /// it: the chosen municipality's phone numbers, then its e-mails, the
    /// referral summary, the shortlist, its web pages, then the other
    /// contacts' numbers, e-mails and pages, each value once; last a
    /// correction note for the catalogue's maintainer.
    pub fn copy_choices(&self) -> Vec<CopyChoice> {
        self.copy_choices_split().0
    }

    /// [`Self::copy_choices`], and how many of them the menu shows before
    /// "Flere …": with a municipality chosen, not the other municipalities'.
    fn copy_choices_split(&self) -> (Vec<CopyChoice>, usize) {
        let s = self.lang.strings();
        let chosen = &self.search.effective.municipalities;
        let choice = |label: String, text: String| CopyChoice {
            label,
            text,
            more: false,
        };
        let entry = self.selected_entry();
        let mut fields: Vec<Field> = Vec::new();
        for contact in entry
            .map(|e| contacts::ordered(e, chosen))
            .unwrap_or_default()
        {
            let near = if contact.municipalities.iter().any(|m| chosen.contains(m)) {
                Near::Chosen
            } else if contacts::serves_only_others(contact, chosen) {
                Near::Other
            } else {
                Near::Anywhere
            };
            let values = [
                (s.copy_phone, &contact.phone),
                (s.copy_email, &contact.email),
                (s.copy_url, &contact.url),
            ];
            for (order, (label, value)) in values.into_iter().enumerate() {
                if let Some(value) = value.as_deref()
                    && !fields.iter().any(|f| f.value == value)
                {
                    let organisation = &contact.organisation;
                    fields.push(Field {
                        near,
                        order,
                        label,
                        value,
                        organisation,
                    });
                }
            }
        }
        fields.sort_by_key(|f| (f.near, f.order));
        let field = |f: &Field| {
            let label = format!("{}: {} ({})", f.label, f.value, f.organisation);
            choice(label, f.value.to_owned())
        };
        // The chosen municipality's phone numbers and e-mails (order 0, 1).
        let first = |f: &&Field| f.near == Near::Chosen && f.order < 2;
        let mut choices: Vec<CopyChoice> = fields.iter().filter(first).map(field).collect();
        if let Some(entry) = entry {
            choices.push(choice(
                format!("{}: {}", s.copy_summary, entry.name),
                referral_summary(&self.catalogue, entry, self.lang, self.today, chosen),
            ));
        }
        if !self.meeting.shortlist.is_empty() {
            let texts: Vec<String> = self
                .shortlisted()
                .map(|e| referral_summary(&self.catalogue, e, self.lang, self.today, chosen))
                .collect();
            choices.push(choice(
                format!("{} ({})", s.copy_shortlist, self.meeting.shortlist.len()),
                join_entries(&texts),
            ));
        }
        let rest = fields.iter().filter(|f| !first(f));
        let (others, near): (Vec<&Field>, Vec<&Field>) = rest.partition(|f| f.near == Near::Other);
        choices.extend(near.into_iter().map(field));
        let shown = choices.len();
        choices.extend(others.into_iter().map(field));
        if let Some(entry) = entry {
            // Last: a note for the catalogue's maintainer about an error.
            choices.push(choice(
                format!("{}: {}", s.correction, entry.name),
                crate::report::correction_text(&self.catalogue, entry, self.lang),
            ));
        }
        let shown = if chosen.is_empty() {
            choices.len()
        } else {
            shown
        };
        (choices, shown)
    }

    pub(super) fn open_copy_menu(&mut self) {
        let (all, shown) = self.copy_choices_split();
        if all.is_empty() {
            return;
        }
        let menu = if all.len() > COPY_ROWS || shown < all.len() {
            let shown = shown.min(COPY_ROWS - 1);
            let mut choices: Vec<CopyChoice> = all[..shown].to_vec();
            choices.push(CopyChoice {
                label: self.lang.strings().copy_more.to_owned(),
                text: String::new(),
                more: true,
            });
            CopyMenu {
                choices,
                all,
                cursor: 0,
            }
        } else {
            CopyMenu {
                choices: all,
                all: Vec::new(),
                cursor: 0,
            }
        };
        self.view.copy_menu = Some(menu);
    }

    pub(super) fn copy(&mut self, choice: usize) {
        let Some(menu) = self.view.copy_menu.take() else {
            return;
        };
        if menu.choices.get(choice).is_some_and(|c| c.more) {
            // "Flere …": every choice, the cursor where the row was.
            self.view.copy_menu = Some(CopyMenu {
                choices: menu.all,
                all: Vec::new(),
                cursor: choice,
            });
            return;
        }
        if let Some(choice) = menu.choices.into_iter().nth(choice) {
            let s = self.lang.strings();
            // The app cannot know whether the terminal accepted it: say what was done.
            self.outbox.status = Some(format!("{}: {}", s.copied, choice.label));
            self.outbox.effects.push(Effect::Copy(choice.text));
        }
    }

    /// Prints the shortlist (or else the selected entry) on the normal
    /// screen, where it stays in the scrollback, and comes back with
    /// everything as it was: a header with the date, the catalogue's date,
    /// the municipality and the age, then each entry's short form.
    pub(super) fn print(&mut self) {
        // As wide as `indsats show`, unless the terminal is narrower.
        let width = usize::from(self.view.size.0).clamp(20, TEXT_WIDTH);
        let entries: Vec<&crate::catalogue::Initiative> = if self.meeting.shortlist.is_empty() {
            self.selected_entry().into_iter().collect()
        } else {
            self.shortlisted().collect()
        };
        if entries.is_empty() {
            return;
        }
        let text = printout(
            &Printout {
                catalogue: &self.catalogue,
                lang: self.lang,
                today: self.today,
                municipalities: &self.search.effective.municipalities,
                age: self.search.effective.age,
                width,
            },
            &entries,
        );
        self.outbox.status = Some(self.lang.strings().printed.to_owned());
        self.outbox.effects.push(Effect::Print(text));
    }

    /// The shortlisted entries still in the catalogue, in the order marked.
    pub fn shortlisted(&self) -> impl Iterator<Item = &crate::catalogue::Initiative> {
        self.meeting
            .shortlist
            .iter()
            .filter_map(|id| self.catalogue.find(id))
    }
}
