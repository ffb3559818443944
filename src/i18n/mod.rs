//! The UI language and every piece of user-facing text, in Danish (default)
//! and English. A leaf: any layer may use it, and it uses only the catalogue's
//! plain types.
//!
//! One struct per language, so the compiler refuses a string that exists in
//! one language but not the other.

use crate::catalogue::load::{Ignored, Why};
use crate::catalogue::{Initiative, Kind, Scope, Status};
use crate::progress::Stage;
use crate::secure_file::Distrust;

/// Widest badge in the result list, in columns.
pub const BADGE_WIDTH: usize = 11;

/// The language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Danish, the default.
    #[default]
    Da,
    /// English.
    En,
}

impl Lang {
    /// Parses `da`/`en` (any case, also `dansk`/`english`, `da_DK.UTF-8`-style prefixes).
    pub fn parse(value: &str) -> Option<Lang> {
        let value = value.trim().to_ascii_lowercase();
        if value == "da" || value == "dansk" || value.starts_with("da_") || value.starts_with("da-")
        {
            Some(Lang::Da)
        } else if value == "en"
            || value == "english"
            || value.starts_with("en_")
            || value.starts_with("en-")
        {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }

    /// Whether vocabulary labels should use their English form.
    pub fn is_english(self) -> bool {
        self == Lang::En
    }

    /// The one-line notice for query words that matched nothing and were
    /// left out: `Ingen træf på "sosu" – viser resultater uden`. The words
    /// are the caseworker's own, made safe for a terminal.
    pub fn ignored_notice(self, words: &[String]) -> String {
        let quoted: Vec<String> = words
            .iter()
            .map(|w| format!("\"{}\"", crate::text::terminal_safe(w)))
            .collect();
        let list = quoted.join(", ");
        match self {
            Lang::Da => format!("Ingen træf på {list} – viser resultater uden"),
            Lang::En => format!("No match for {list} – showing results without"),
        }
    }
}

/// All user-facing text of one language.
#[derive(Debug)]
pub struct Strings {
    // Entry sections (detail pane, `indsats show`, printed summaries).
    /// Heading: other names.
    pub aliases: &'static str,
    /// Heading: status.
    pub status: &'static str,
    /// Heading: summary.
    pub summary: &'static str,
    /// Heading: description.
    pub description: &'static str,
    /// Heading: target groups.
    pub target_groups: &'static str,
    /// Heading: themes.
    pub themes: &'static str,
    /// Heading: age.
    pub age: &'static str,
    /// Heading: area.
    pub area: &'static str,
    /// Heading: providers.
    pub providers: &'static str,
    /// Heading: eligibility.
    pub eligibility: &'static str,
    /// Heading: next steps.
    pub next_steps: &'static str,
    /// Heading: contacts.
    pub contacts: &'static str,
    /// Heading: sources.
    pub sources: &'static str,
    /// Heading: last verified.
    pub last_verified: &'static str,
    /// Value when something is not stated.
    pub not_stated: &'static str,
    /// Age range `min–max`: format "{min}–{max} år".
    pub years: &'static str,
    /// "up to" for an age range with only a max.
    pub up_to: &'static str,
    /// "from" for an age range with only a min.
    pub from: &'static str,
    /// Page abbreviation in sources ("s." / "p.").
    pub page: &'static str,
    /// Flag for entries not verified for more than a year.
    pub stale: &'static str,
    /// Area: whole region.
    pub scope_region: &'static str,
    /// Area: whole region, short (result list).
    pub scope_region_short: &'static str,
    /// Area: whole country.
    pub scope_national: &'static str,
    /// Area: listed municipalities (prefix).
    pub scope_municipalities: &'static str,
    /// Area: outside the region.
    pub scope_outside: &'static str,
    /// Status labels, in [`Status::ALL`] order.
    pub status_labels: [&'static str; Status::ALL.len()],
    /// Short explanation of what a status means for a referral, in [`Status::ALL`] order.
    pub status_notes: [&'static str; Status::ALL.len()],
    /// Short status labels for the result list, in [`Status::ALL`] order;
    /// none is wider than [`BADGE_WIDTH`].
    pub status_badges: [&'static str; Status::ALL.len()],
    /// Short kind labels for the result list, in [`Kind::ALL`] order.
    pub kind_badges: [&'static str; Kind::ALL.len()],
    /// The badge of the general way in where the search put it forward
    /// (the municipal youth effort): in the list in place of its status.
    pub way_in_badge: &'static str,
    /// Heading: kind.
    pub kind: &'static str,
    /// Kind labels, in [`Kind::ALL`] order.
    pub kind_labels: [&'static str; Kind::ALL.len()],
    /// What a kind means for a referral, in [`Kind::ALL`] order.
    pub kind_notes: [&'static str; Kind::ALL.len()],
    /// Word after the number of initiatives in the title bar.
    pub title_count: &'static str,
    /// Before the catalogue date in the title bar.
    pub updated: &'static str,
    /// The bundled catalogue, in the title bar.
    pub source_bundled: &'static str,
    /// Label of the query line.
    pub search_prompt: &'static str,
    /// Between the result count and the total ("12 af 46").
    pub of: &'static str,
    /// Title of the filter panel.
    pub filters: &'static str,
    /// Age field when empty.
    pub age_none: &'static str,
    /// Title of the result list.
    pub results: &'static str,
    /// The result list while the catalogue loads ("Indlæser katalog").
    pub loading: &'static str,
    /// What the loading does: reading, checking, indexing.
    pub loading_stages: [&'static str; 3],
    /// Under the progress: typing is kept.
    pub loading_keep_typing: &'static str,
    /// Result list when nothing matches.
    pub no_results: &'static str,
    /// Title of the detail pane.
    pub details: &'static str,
    /// Detail pane when nothing is selected.
    pub nothing_selected: &'static str,
    /// Banner on proposed entries.
    pub warn_proposed: &'static str,
    /// Banner on inspiration entries.
    pub warn_inspiration: &'static str,
    /// Banner on ended entries.
    pub warn_ended: &'static str,
    /// Marks a contact whose newest page is old: "(kilde fra 2020)".
    pub source_from: &'static str,
    /// The correction note: its title, also the copy menu's choice.
    pub correction: &'static str,
    /// The correction note: "Indsats", "Katalogets dato", "Til".
    pub correction_fields: [&'static str; 3],
    /// The correction note's addressee when the catalogue names none.
    pub correction_no_maintainer: &'static str,
    /// The correction note's question before the blank line.
    pub correction_what: &'static str,
    /// Marks a contact a patch in the local catalogue added: "(lokal)".
    pub local_mark: &'static str,
    /// Label: the note a patch in the local catalogue added.
    pub local_note: &'static str,
    /// Closes the contacts when a municipality is chosen: "… i andre kommuner: 18".
    pub other_contacts: &'static str,
    /// How to see the folded contact points.
    pub other_contacts_hint: &'static str,
    /// Label of the one-line contact point at the top of the details.
    pub reach: &'static str,
    /// Before a phone number on that line ("Ring 89 15 15 15").
    pub call: &'static str,
    /// "+N kommuner": other municipalities with contacts (one, several).
    pub more_municipalities: [&'static str; 2],
    /// No contact point for the chosen municipality.
    pub reach_none: &'static str,
    /// "… N contact points more in the catalogue" (short form).
    pub more_in_catalogue: &'static str,
    /// Label of the short form's one source line.
    pub source_one: &'static str,
    /// Label of the catalogue's date.
    pub catalogue_dated: &'static str,
    /// First words of a printout's header, before the date.
    pub printout_title: &'static str,
    /// Label of the chosen municipalities in a printout's header.
    pub municipality: &'static str,
    /// Status after printing: where the printout is.
    pub printed: &'static str,
    /// The copy menu's last row when there are more choices.
    pub copy_more: &'static str,
    /// Said once, on the first clear: how to undo it.
    pub cleared_undo: &'static str,
    /// After Ctrl-_.
    pub undone: &'static str,
    /// Ctrl-_ with nothing to bring back.
    pub nothing_to_undo: &'static str,
    /// The help's legend: its heading, and the headings of its parts.
    pub legend: [&'static str; 4],
    /// The marks of the result list and the chips, with what they mean.
    pub legend_marks: [(&'static str, &'static str); 5],
    /// How the search reads words, in three lines.
    pub legend_reading: [&'static str; 3],
    /// Banner over an entry the sources cannot confirm runs.
    pub warn_unconfirmed: &'static str,
    /// Shown when the terminal is below 40×10.
    pub too_small: &'static str,
    /// Title of the help screen.
    pub help_title: &'static str,
    /// Detail line for entries from the local catalogue.
    pub from_local: &'static str,
    /// Title-bar note when a local catalogue is merged in.
    pub plus_local: &'static str,
    /// Title bar: entries a local patch added to ("+ 0 lokale, 1 rettet lokalt").
    pub plus_patched: &'static str,
    /// Title of the copy menu.
    pub copy_title: &'static str,
    /// Copy menu: the selected entry's referral summary.
    pub copy_summary: &'static str,
    /// Copy menu: every shortlisted entry.
    pub copy_shortlist: &'static str,
    /// Copy menu: a phone number.
    pub copy_phone: &'static str,
    /// Copy menu: an e-mail address.
    pub copy_email: &'static str,
    /// Copy menu: a web address.
    pub copy_url: &'static str,
    /// Status after copying.
    pub copied: &'static str,
    /// Status after adding to the shortlist.
    pub marked: &'static str,
    /// Status after removing from the shortlist.
    pub unmarked: &'static str,
    /// Status after adding a favourite.
    pub favourite_on: &'static str,
    /// Status after removing a favourite.
    pub favourite_off: &'static str,
    /// Title of the shortlist view.
    pub shortlist: &'static str,
    /// Title of the favourites view.
    pub favourites: &'static str,
    /// Title of the recently opened view.
    pub recents: &'static str,
    /// Recently opened view when empty.
    pub empty_recents: &'static str,
    /// Title of the filter picker.
    pub picker_title: &'static str,
    /// Before the type-ahead in the picker.
    pub picker_find: &'static str,
    /// The age facet in the picker: what to type.
    pub picker_age: &'static str,
    /// How to open the picker, in the filter bar when no filter is set;
    /// `{facets}` stands for the facets' names (`crate::search::facets::names`).
    pub filter_bar_empty: &'static str,
    /// Marks a filter still being typed in the filter bar.
    pub chip_pending: &'static str,
    /// The key-hint bar of the detail view on small terminals: how to come back.
    pub suspended: &'static str,
    /// Shortlist view when empty.
    pub empty_shortlist: &'static str,
    /// Favourites view when empty.
    pub empty_favourites: &'static str,
    /// Warning: the favourites file was corrupt (then its new name).
    pub store_moved: &'static str,
    /// Warning: the favourites file could not be read (then why, and
    /// [`Strings::store_left_alone`]).
    pub store_unreadable: &'static str,
    /// … and it is left as it is.
    pub store_left_alone: &'static str,
    /// Warning: favourites could not be saved (then why).
    pub store_not_saved: &'static str,
    /// … because the file on disk cannot be read (so it was not overwritten).
    pub store_file_unreadable: &'static str,
    /// Why, in a few words: no access, not a file, a newer format, invalid,
    /// an unsafe folder, the disk full, no folder, busy, anything else (the
    /// order of `store::StoreError`).
    pub store_reasons: [&'static str; 9],
    /// Warning: another session held the favourites' lock for too long; the
    /// change is kept and saved with the next one.
    pub store_busy: &'static str,
    /// On the way out: waiting for another session's lock to save the last
    /// changes, and how not to wait.
    pub store_waiting: &'static str,
    /// Warning: no data dir.
    pub no_home: &'static str,
    /// Status-facet row keeping entries not verified for over a year.
    pub stale_filter: &'static str,
    /// `indsats show`: unknown id.
    pub unknown_id: &'static str,
    /// `indsats show`: did you mean (also after an unknown command).
    pub did_you_mean: &'static str,
    /// `indsats serach`: a first word close to a command.
    pub unknown_command: &'static str,
    /// … and how to search for the word instead ("for at søge efter").
    pub search_for_word: &'static str,
    /// An unknown filter-flag value: "ukendt" before the filter's name.
    pub unknown_value: &'static str,
    /// … followed by the values there are.
    pub valid_values: &'static str,
    /// A flag value read with a slip: "--kommune skvie: læst som Skive".
    pub read_as: &'static str,
    /// `indsats show ID --kommune X` for an entry not offered there:
    /// "fgu-skive dækker ikke Herning".
    pub does_not_cover: &'static str,
    /// A file passed over at start: "local.json ignoreret: …" (then why).
    pub ignored: &'static str,
    /// Why a file is not believed, in a few words, in the order of
    /// `secure_file::Distrust`: the file's owner, others can write to the
    /// file, a folder's owner, others can write to a folder, a link's
    /// owner, the file swapped meanwhile.
    pub distrust_reasons: [&'static str; 6],
    /// Why `local.json` could not be used: not a regular file, too large,
    /// unreadable, invalid (the order of `catalogue::load::Why`).
    pub broken_reasons: [&'static str; 4],
    /// `indsats check` on a file the app would pass over (then why).
    pub would_not_read: &'static str,
}

impl Strings {
    /// How far the catalogue's loading has come, in one line:
    /// `Indlæser katalog … 42 % (kontrollerer indsatserne)`.
    pub fn loading_line(&self, stage: Stage, percent: u32) -> String {
        let what = match stage {
            Stage::Reading => self.loading_stages[0],
            Stage::Checking => self.loading_stages[1],
            Stage::Indexing => self.loading_stages[2],
        };
        format!("{} … {percent} % ({what})", self.loading)
    }

    /// Label of a status.
    pub fn status_label(&self, status: Status) -> &'static str {
        self.status_labels[status_index(status)]
    }

    /// What a status means for a referral.
    pub fn status_note(&self, status: Status) -> &'static str {
        self.status_notes[status_index(status)]
    }

    /// Label of a kind.
    pub fn kind_label(&self, kind: Kind) -> &'static str {
        self.kind_labels[kind_index(kind)]
    }

    /// What a kind means for a referral.
    pub fn kind_note(&self, kind: Kind) -> &'static str {
        self.kind_notes[kind_index(kind)]
    }

    /// The short badge of an entry in a list: its kind when it is not an
    /// offer (a pool is never something to refer to), else its status.
    pub fn badge(&self, entry: &Initiative) -> &'static str {
        match entry.kind {
            Kind::Offer => self.status_badges[status_index(entry.status)],
            other => self.kind_badges[kind_index(other)],
        }
    }

    /// The badge of a hit in a list: [`Self::way_in_badge`] where the
    /// search put the entry forward as the general way in, else its badge.
    pub fn hit_badge(&self, entry: &Initiative, way_in: bool) -> &'static str {
        if way_in {
            self.way_in_badge
        } else {
            self.badge(entry)
        }
    }

    /// The full label of a hit where there is room: [`Self::way_in_badge`]
    /// where the search put the entry forward as the general way in.
    pub fn hit_label(&self, entry: &Initiative, way_in: bool) -> &'static str {
        if way_in {
            self.way_in_badge
        } else {
            self.label(entry)
        }
    }

    /// The full label where there is room (`indsats search`): the kind's
    /// label when it is not an offer, else the status label.
    pub fn label(&self, entry: &Initiative) -> &'static str {
        match entry.kind {
            Kind::Offer => self.status_label(entry.status),
            other => self.kind_label(other),
        }
    }

    /// The full status line: "Label – what it means", and for anything but
    /// an offer the kind the same way.
    pub fn status_line(&self, entry: &Initiative) -> String {
        let mut line = format!(
            "{} – {}",
            self.status_label(entry.status),
            self.status_note(entry.status)
        );
        if entry.kind != Kind::Offer {
            line.push_str(&format!(
                " · {} – {}",
                self.kind_label(entry.kind),
                self.kind_note(entry.kind)
            ));
        }
        line
    }

    /// Why a file was passed over, in a few words.
    pub fn why(&self, why: &Why) -> &'static str {
        match why {
            Why::Untrusted(distrust) => {
                self.distrust_reasons[match distrust {
                    Distrust::FileOwner(_) => 0,
                    Distrust::FileWritable(_) => 1,
                    Distrust::FolderOwner(..) => 2,
                    Distrust::FolderWritable(..) => 3,
                    Distrust::LinkOwner(..) => 4,
                    Distrust::Swapped => 5,
                }]
            }
            Why::NotAFile => self.broken_reasons[0],
            Why::TooLarge => self.broken_reasons[1],
            Why::Unreadable => self.broken_reasons[2],
            Why::Invalid => self.broken_reasons[3],
        }
    }

    /// Why, with the folder or link it is about (for the command line).
    pub fn why_at(&self, why: &Why) -> String {
        let place = match why {
            Why::Untrusted(distrust) => distrust.place(),
            _ => None,
        };
        match place {
            Some(place) => format!("{} ({})", self.why(why), place.display()),
            None => self.why(why).to_owned(),
        }
    }

    /// One line for a file passed over at start: the file's name and why
    /// for the status bar ("local.json ignoreret: andre kan skrive i
    /// mappen"); with `full`, its path and the place it is about, for
    /// stderr. Names are escaped: another user may have chosen them.
    pub fn ignored_file(&self, ignored: &Ignored, full: bool) -> String {
        let line = if full {
            format!(
                "{} {}: {}",
                ignored.path.display(),
                self.ignored,
                self.why_at(&ignored.why)
            )
        } else {
            let name = ignored.path.file_name().unwrap_or_default();
            format!(
                "{} {}: {}",
                name.to_string_lossy(),
                self.ignored,
                self.why(&ignored.why)
            )
        };
        crate::text::escaped(&line)
    }

    /// Label of an area scope without its municipality list.
    pub fn scope_label(&self, scope: Scope) -> &'static str {
        match scope {
            Scope::Region => self.scope_region,
            Scope::National => self.scope_national,
            Scope::Municipalities => self.scope_municipalities,
            Scope::OutsideRegion => self.scope_outside,
        }
    }
}

fn kind_index(kind: Kind) -> usize {
    Kind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or_default()
}

fn status_index(status: Status) -> usize {
    Status::ALL
        .iter()
        .position(|&s| s == status)
        .unwrap_or_default()
}

mod da;
mod en;

pub use da::DA;
pub use en::EN;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_fit_their_column() {
        use unicode_width::UnicodeWidthStr;
        for strings in [&DA, &EN] {
            let way_in = [strings.way_in_badge];
            let all = strings.status_badges.iter().chain(&strings.kind_badges);
            for badge in all.chain(&way_in) {
                assert!(badge.width() <= BADGE_WIDTH, "{badge}");
            }
        }
    }

    /// Beside " F1 hjælp · Ctrl-C afslut " at 80 columns, as the store's
    /// warnings: a `local.json` passed over is named whole, whatever why.
    #[test]
    fn a_file_passed_over_fits_the_status_bar_at_80_columns() {
        use std::path::PathBuf;
        use unicode_width::UnicodeWidthStr;
        let folder = PathBuf::from("/home/anne/.config/indsats");
        let whys = [
            Why::Untrusted(Distrust::FileOwner(1001)),
            Why::Untrusted(Distrust::FileWritable(0o100666)),
            Why::Untrusted(Distrust::FolderOwner(folder.clone(), 1001)),
            Why::Untrusted(Distrust::FolderWritable(folder.clone(), 0o40775)),
            Why::Untrusted(Distrust::LinkOwner(folder.clone(), 1001)),
            Why::Untrusted(Distrust::Swapped),
            Why::NotAFile,
            Why::TooLarge,
            Why::Unreadable,
            Why::Invalid,
        ];
        for strings in [&DA, &EN] {
            for why in &whys {
                let ignored = Ignored {
                    path: folder.join("local.json"),
                    why: why.clone(),
                };
                let line = strings.ignored_file(&ignored, false);
                assert!(line.width() <= 51, "{line}");
                assert!(line.starts_with("local.json "), "{line}");
            }
        }
        let ignored = Ignored {
            path: folder.join("local.json"),
            why: Why::Untrusted(Distrust::FolderWritable(folder.clone(), 0o40775)),
        };
        assert_eq!(
            DA.ignored_file(&ignored, false),
            "local.json ignoreret: andre kan skrive i mappen"
        );
        assert_eq!(
            EN.ignored_file(&ignored, true),
            "/home/anne/.config/indsats/local.json ignored: others can write to the folder (/home/anne/.config/indsats)"
        );
    }

    #[test]
    fn parses_language_names() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("da_DK.UTF-8"), Some(Lang::Da));
        assert_eq!(Lang::parse("de"), None);
    }
}
