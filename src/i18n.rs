//! The UI language and every piece of user-facing text, in Danish (default)
//! and English. A leaf: any layer may use it, and it uses only the catalogue's
//! plain types.
//!
//! One struct per language, so the compiler refuses a string that exists in
//! one language but not the other.

use crate::catalogue::{Initiative, Kind, Scope, Status};

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
    /// Heading: municipalities (filter and vocab listing).
    pub municipalities: &'static str,
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
    /// In place of a long text that could not be read back from the
    /// start-up cache file ([`crate::catalogue::long_text::Unreadable`]).
    pub unreadable_text: &'static str,
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
    /// Banner over an entry the sources cannot confirm runs.
    pub warn_unconfirmed: &'static str,
    /// Shown when the terminal is below 40×10.
    pub too_small: &'static str,
    /// Title of the help screen.
    pub help_title: &'static str,
    /// Facet names, in `Facet::ALL` order.
    pub facet_names: [&'static str; 6],
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
    /// Status when a copy was refused because a text could not be read
    /// (short: the status bar is one line).
    pub not_copied: &'static str,
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
    /// How to open the picker, in the filter bar when no filter is set.
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
    /// an unsafe folder, the disk full, no folder, anything else (the
    /// order of `store::Reason`).
    pub store_reasons: [&'static str; 8],
    /// Warning: no data dir.
    pub no_home: &'static str,
    /// Status-facet row keeping entries not verified for over a year.
    pub stale_filter: &'static str,
    /// `indsats show`: unknown id.
    pub unknown_id: &'static str,
    /// `indsats show`: did you mean.
    pub did_you_mean: &'static str,
}

impl Strings {
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

/// Danish text.
pub static DA: Strings = Strings {
    aliases: "Også kendt som",
    status: "Status",
    summary: "Kort fortalt",
    description: "Beskrivelse",
    target_groups: "Målgrupper",
    themes: "Temaer",
    age: "Alder",
    area: "Område",
    providers: "Udbydere",
    eligibility: "Hvem kan deltage",
    next_steps: "Næste skridt",
    contacts: "Kontakter",
    sources: "Kilder",
    last_verified: "Senest kontrolleret",
    municipalities: "Kommuner",
    not_stated: "ikke angivet",
    years: "år",
    up_to: "op til",
    from: "fra",
    page: "s.",
    stale: "ikke verificeret i over et år",
    unreadable_text: "(teksten kan ikke læses: katalogets cache-fil er ændret, siden indsats startede – start indsats igen)",
    scope_region: "Hele Region Midtjylland",
    scope_region_short: "Hele regionen",
    scope_national: "Hele landet",
    scope_municipalities: "Kommuner",
    scope_outside: "Uden for Region Midtjylland",
    status_labels: [
        "Aktiv",
        "Ikke bekræftet",
        "Pilot",
        "Anbefaling",
        "Inspiration",
        "Ophørt",
    ],
    status_notes: [
        "kører ifølge kilderne; tjek detaljerne før henvisning",
        "spørg, før du henviser",
        "forsøg, evt. kun i dele af regionen",
        "en anbefaling, ikke et tilbud, man kan henvise til",
        "kører uden for regionen; til inspiration, ikke et lokalt tilbud",
        "kører ikke længere",
    ],
    status_badges: [
        "Aktiv",
        "Ubekræftet",
        "Pilot",
        "Anbefaling",
        "Inspiration",
        "Ophørt",
    ],
    kind_badges: ["Tilbud", "Fagfolk", "Pulje", "Politik"],
    way_in_badge: "Indgang",
    kind: "Type",
    kind_labels: ["Tilbud", "For fagfolk", "Pulje", "Politik/samarbejde"],
    kind_notes: [
        "den unge kan henvises eller deltage",
        "en metode, et netværk eller en service for fagfolk, ikke et tilbud til den unge",
        "en pulje eller et tilskud, ikke et tilbud til den unge",
        "et råd, et møde, en strategi eller en pris, ikke et tilbud til den unge",
    ],
    title_count: "indsatser",
    updated: "opdateret",
    source_bundled: "indbygget katalog",
    search_prompt: "Søg",
    of: "af",
    filters: "Filtre",
    age_none: "alle aldre",
    results: "Resultater",
    no_results: "Ingen indsatser passer. Prøv færre ord, eller fjern et filter.",
    details: "Detaljer",
    nothing_selected: "Ingen indsats valgt.",
    warn_proposed: "ANBEFALING – ikke et tilbud, man kan henvise til",
    warn_inspiration: "INSPIRATION – kører uden for Region Midtjylland",
    warn_ended: "OPHØRT – kører ikke længere",
    warn_unconfirmed: "IKKE BEKRÆFTET – spørg, før du henviser",
    source_from: "kilde fra",
    correction: "Rettelse til kataloget",
    correction_fields: ["Indsats", "Katalogets dato", "Til"],
    correction_no_maintainer: "dem, der har sat indsats op hos jer",
    correction_what: "Hvad er forkert, og hvilken side siger det?",
    local_mark: "lokal",
    local_note: "Lokal note",
    other_contacts: "Kontaktpunkter i andre kommuner",
    other_contacts_hint: "fjern kommunefilteret for at se dem",
    too_small: "Terminalen er for lille (mindst 40×10)",
    help_title: "Hjælp – taster",
    facet_names: ["Kommune", "Målgruppe", "Tema", "Type", "Status", "Alder"],
    from_local: "Fra det lokale katalog",
    plus_local: "lokale",
    plus_patched: "suppleret lokalt",
    copy_title: "Kopiér til udklipsholderen",
    copy_summary: "Henvisningsresumé",
    copy_shortlist: "Hele kortlisten",
    copy_phone: "Telefon",
    copy_email: "E-mail",
    copy_url: "Web",
    copied: "Sendt til terminalens udklipsholder",
    not_copied: "Ikke kopieret: teksten kan ikke læses – start igen",
    marked: "Sat på kortlisten",
    unmarked: "Fjernet fra kortlisten",
    favourite_on: "Gemt som favorit",
    favourite_off: "Fjernet fra favoritter",
    shortlist: "Kortliste",
    favourites: "Favoritter",
    recents: "Senest åbnede",
    empty_recents: "Ingen indsatser åbnet endnu.",
    picker_title: "Filtre",
    picker_find: "Find",
    picker_age: "Skriv borgerens alder; en ny alder erstatter den gamle. ↑ ↓ ændrer den, Delete fjerner den. Indsatser uden aldersgrænse vises altid.",
    filter_bar_empty: "ingen – Ctrl-F vælger kommune, målgruppe, tema, type, status, alder",
    chip_pending: "skrives",
    suspended: "indsats er stillet i bero; skriv fg for at fortsætte",
    empty_shortlist: "Kortlisten er tom. Ctrl-T sætter den valgte indsats på.",
    empty_favourites: "Ingen favoritter endnu. Ctrl-G gemmer den valgte indsats.",
    store_moved: "Ødelagt favoritfil omdøbt:",
    store_unreadable: "Favoritfil ikke læst",
    store_left_alone: "røres ikke",
    store_not_saved: "Favoritter ikke gemt",
    store_file_unreadable: "Ikke gemt: favoritfilen er ulæselig",
    store_reasons: [
        "ingen adgang",
        "ikke en fil",
        "nyere format",
        "ugyldig",
        "usikker mappe",
        "disk fuld",
        "ingen mappe",
        "fejl",
    ],
    no_home: "Ingen hjemmemappe: favoritter gemmes ikke",
    stale_filter: "Ikke verificeret > 1 år",
    unknown_id: "ukendt indsats",
    did_you_mean: "mente du",
};

/// English text.
pub static EN: Strings = Strings {
    aliases: "Also known as",
    status: "Status",
    summary: "In short",
    description: "Description",
    target_groups: "Target groups",
    themes: "Themes",
    age: "Age",
    area: "Area",
    providers: "Providers",
    eligibility: "Who can take part",
    next_steps: "Next steps",
    contacts: "Contacts",
    sources: "Sources",
    last_verified: "Last verified",
    municipalities: "Municipalities",
    not_stated: "not stated",
    years: "years",
    up_to: "up to",
    from: "from",
    page: "p.",
    stale: "not verified for over a year",
    unreadable_text: "(this text cannot be read: the catalogue's cache file changed after indsats started – start indsats again)",
    scope_region: "All of Region Midtjylland",
    scope_region_short: "Whole region",
    scope_national: "Nationwide",
    scope_municipalities: "Municipalities",
    scope_outside: "Outside Region Midtjylland",
    status_labels: [
        "Active",
        "Not confirmed",
        "Pilot",
        "Recommendation",
        "Inspiration",
        "Ended",
    ],
    status_notes: [
        "running according to the sources; check the details before referring",
        "ask before referring",
        "a trial, possibly only in part of the region",
        "a recommendation, not an offer you can refer to",
        "runs outside the region; an idea, not a local offer",
        "no longer running",
    ],
    status_badges: [
        "Active",
        "Unconfirmed",
        "Pilot",
        "Proposal",
        "Inspiration",
        "Ended",
    ],
    kind_badges: ["Offer", "For staff", "Funding", "Policy"],
    way_in_badge: "Way in",
    kind: "Kind",
    kind_labels: [
        "Offer",
        "For professionals",
        "Funding",
        "Policy/partnership",
    ],
    kind_notes: [
        "the young person can be referred to it or join it",
        "a method, network or service for professionals, not an offer for the young person",
        "a pool or grant, not an offer for the young person",
        "a council, meeting, strategy or prize, not an offer for the young person",
    ],
    title_count: "initiatives",
    updated: "updated",
    source_bundled: "bundled catalogue",
    search_prompt: "Search",
    of: "of",
    filters: "Filters",
    age_none: "any age",
    results: "Results",
    no_results: "No initiatives match. Try fewer words or remove a filter.",
    details: "Details",
    nothing_selected: "No initiative selected.",
    warn_proposed: "RECOMMENDATION – not an offer you can refer to",
    warn_inspiration: "INSPIRATION – runs outside Region Midtjylland",
    warn_ended: "ENDED – no longer running",
    warn_unconfirmed: "NOT CONFIRMED – ask before referring",
    source_from: "source from",
    correction: "Correction to the catalogue",
    correction_fields: ["Initiative", "Catalogue date", "To"],
    correction_no_maintainer: "whoever set up indsats for you",
    correction_what: "What is wrong, and which page says so?",
    local_mark: "local",
    local_note: "Local note",
    other_contacts: "Contact points in other municipalities",
    other_contacts_hint: "clear the municipality filter to see them",
    too_small: "The terminal is too small (at least 40×10)",
    help_title: "Help – keys",
    facet_names: [
        "Municipality",
        "Target group",
        "Theme",
        "Kind",
        "Status",
        "Age",
    ],
    from_local: "From the local catalogue",
    plus_local: "local",
    plus_patched: "patched locally",
    copy_title: "Copy to the clipboard",
    copy_summary: "Referral summary",
    copy_shortlist: "The whole shortlist",
    copy_phone: "Phone",
    copy_email: "E-mail",
    copy_url: "Web",
    copied: "Sent to the terminal's clipboard",
    not_copied: "Not copied: a text cannot be read – restart indsats",
    marked: "Added to the shortlist",
    unmarked: "Removed from the shortlist",
    favourite_on: "Saved as a favourite",
    favourite_off: "Removed from favourites",
    shortlist: "Shortlist",
    favourites: "Favourites",
    recents: "Recently opened",
    empty_recents: "No initiatives opened yet.",
    picker_title: "Filters",
    picker_find: "Find",
    picker_age: "Type the citizen's age; a new age replaces the old one. ↑ ↓ change it, Delete removes it. Initiatives without an age range always show.",
    filter_bar_empty: "none – Ctrl-F chooses municipality, target group, theme, kind, status, age",
    chip_pending: "typing",
    suspended: "indsats is suspended; type fg to continue",
    empty_shortlist: "The shortlist is empty. Ctrl-T puts the selected initiative on it.",
    empty_favourites: "No favourites yet. Ctrl-G saves the selected initiative.",
    store_moved: "Bad favourites moved to",
    store_unreadable: "Favourites not read",
    store_left_alone: "left alone",
    store_not_saved: "Favourites not saved",
    store_file_unreadable: "Not saved: favourites unreadable",
    store_reasons: [
        "no access",
        "not a file",
        "newer format",
        "invalid",
        "unsafe folder",
        "disk full",
        "no folder",
        "error",
    ],
    no_home: "No home directory: favourites are not saved",
    stale_filter: "Not verified > 1 year",
    unknown_id: "unknown initiative",
    did_you_mean: "did you mean",
};

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

    #[test]
    fn parses_language_names() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("da_DK.UTF-8"), Some(Lang::Da));
        assert_eq!(Lang::parse("de"), None);
    }
}
