//! Every piece of user-facing text, in Danish (default) and English.
//!
//! One struct per language, so the compiler refuses a string that exists in
//! one language but not the other.

use crate::catalogue::{Initiative, Kind, Scope, Status};

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
    /// Area: whole region.
    pub scope_region: &'static str,
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
    /// Summary line when no filter is set.
    pub no_filters: &'static str,
    /// Label of the age field.
    pub age_prompt: &'static str,
    /// How to use the age field.
    pub age_help: &'static str,
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
    /// Hint bar: query focused.
    pub hints_query: &'static str,
    /// Hint bar: filter panel focused.
    pub hints_filters: &'static str,
    /// Hint bar: age field focused.
    pub hints_age: &'static str,
    /// Hint bar: result list focused.
    pub hints_list: &'static str,
    /// Hint bar: details focused.
    pub hints_details: &'static str,
    /// Hint bar: help open.
    pub hints_help: &'static str,
    /// Facet names, in `Facet::ALL` order.
    pub facet_names: [&'static str; 6],
    /// The help screen: sections of (keys, what they do).
    pub help: &'static [(&'static str, &'static [(&'static str, &'static str)])],
    /// Detail line for entries from the local catalogue.
    pub from_local: &'static str,
    /// Title-bar note when a local catalogue is merged in.
    pub plus_local: &'static str,
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
    /// Copy menu footer.
    pub copy_hint: &'static str,
    /// Status after copying.
    pub copied: &'static str,
    /// Explains OSC 52 in the status bar.
    pub copy_note: &'static str,
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
    /// Marker for recently opened entries.
    pub recent: &'static str,
    /// Shortlist view when empty.
    pub empty_shortlist: &'static str,
    /// Favourites view when empty.
    pub empty_favourites: &'static str,
    /// Warning: the favourites file was corrupt.
    pub store_moved: &'static str,
    /// Warning: the favourites file could not be read.
    pub store_unreadable: &'static str,
    /// Warning: favourites could not be saved.
    pub store_not_saved: &'static str,
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
        self.kind_labels[crate::search::filters::kind_index(kind)]
    }

    /// What a kind means for a referral.
    pub fn kind_note(&self, kind: Kind) -> &'static str {
        self.kind_notes[crate::search::filters::kind_index(kind)]
    }

    /// The short badge of an entry in a list: its kind when it is not an
    /// offer (a pool is never something to refer to), else its status.
    pub fn badge(&self, entry: &Initiative) -> &'static str {
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
    scope_region: "Hele Region Midtjylland",
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
    no_filters: "Ingen filtre (Tab: vælg kommune, målgruppe, tema, status, type, alder)",
    age_prompt: "Borgerens alder",
    age_help: "Skriv alderen med tal. ↑ og ↓ ændrer den, Backspace sletter. Indsatser uden aldersgrænse vises altid.",
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
    other_contacts: "Kontaktpunkter i andre kommuner",
    other_contacts_hint: "fjern kommunefilteret for at se dem",
    too_small: "Terminalen er for lille (mindst 40×10)",
    help_title: "Hjælp – taster",
    hints_query: "Skriv for at søge · ↑↓ vælg · Enter åbn · Tab filtre · Ctrl-U ryd · F2 alder · F1 hjælp · Ctrl-C afslut",
    hints_filters: "←→ filter · ↑↓ værdi · Mellemrum vælg · Del ryd · Tab videre · Esc tilbage · ? hjælp · q afslut",
    hints_age: "Tal: alder · ↑↓ ændr · Backspace slet · ←→ filter · Tab videre · Esc tilbage",
    hints_list: "↑↓ flyt · Enter åbn · m markér · s kortliste · f favorit · v favoritter · c kopiér · p udskriv · ? hjælp · q afslut",
    hints_details: "↑↓ rul · Esc tilbage · m markér · f favorit · c kopiér · p udskriv · ? hjælp · q afslut",
    hints_help: "Esc, ? eller F1 lukker hjælpen · Ctrl-C afslut",
    facet_names: ["Kommune", "Målgruppe", "Tema", "Status", "Type", "Alder"],
    help: HELP_DA,
    from_local: "Fra det lokale katalog",
    plus_local: "lokale",
    copy_title: "Kopiér til udklipsholderen",
    copy_summary: "Henvisningsresumé",
    copy_shortlist: "Hele kortlisten",
    copy_phone: "Telefon",
    copy_email: "E-mail",
    copy_url: "Web",
    copy_hint: "Tal vælger · Esc lukker",
    copied: "Kopieret",
    copy_note: "(via terminalen; virker også over SSH)",
    marked: "Sat på kortlisten",
    unmarked: "Fjernet fra kortlisten",
    favourite_on: "Gemt som favorit",
    favourite_off: "Fjernet fra favoritter",
    shortlist: "Kortliste",
    favourites: "Favoritter",
    recent: "senest åbnet",
    empty_shortlist: "Kortlisten er tom. Markér indsatser med m i listen.",
    empty_favourites: "Ingen favoritter endnu. Tryk f på en indsats for at gemme den.",
    store_moved: "Favoritfilen var ødelagt og er flyttet til",
    store_unreadable: "Kunne ikke læse favoritter",
    store_not_saved: "Kunne ikke gemme favoritter",
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
    scope_region: "All of Region Midtjylland",
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
    no_filters: "No filters (Tab: choose municipality, target group, theme, status, kind, age)",
    age_prompt: "Citizen's age",
    age_help: "Type the age in digits. ↑ and ↓ change it, Backspace deletes. Initiatives without an age range always show.",
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
    other_contacts: "Contact points in other municipalities",
    other_contacts_hint: "clear the municipality filter to see them",
    too_small: "The terminal is too small (at least 40×10)",
    help_title: "Help – keys",
    hints_query: "Type to search · ↑↓ select · Enter open · Tab filters · Ctrl-U clear · F2 age · F1 help · Ctrl-C quit",
    hints_filters: "←→ filter · ↑↓ value · Space select · Del clear · Tab next · Esc back · ? help · q quit",
    hints_age: "Digits: age · ↑↓ change · Backspace delete · ←→ filter · Tab next · Esc back",
    hints_list: "↑↓ move · Enter open · m mark · s shortlist · f favourite · v favourites · c copy · p print · ? help · q quit",
    hints_details: "↑↓ scroll · Esc back · m mark · f favourite · c copy · p print · ? help · q quit",
    hints_help: "Esc, ? or F1 closes help · Ctrl-C quit",
    facet_names: [
        "Municipality",
        "Target group",
        "Theme",
        "Status",
        "Kind",
        "Age",
    ],
    help: HELP_EN,
    from_local: "From the local catalogue",
    plus_local: "local",
    copy_title: "Copy to the clipboard",
    copy_summary: "Referral summary",
    copy_shortlist: "The whole shortlist",
    copy_phone: "Phone",
    copy_email: "E-mail",
    copy_url: "Web",
    copy_hint: "Digits choose · Esc closes",
    copied: "Copied",
    copy_note: "(through the terminal; works over SSH too)",
    marked: "Added to the shortlist",
    unmarked: "Removed from the shortlist",
    favourite_on: "Saved as a favourite",
    favourite_off: "Removed from favourites",
    shortlist: "Shortlist",
    favourites: "Favourites",
    recent: "recently opened",
    empty_shortlist: "The shortlist is empty. Mark initiatives with m in the list.",
    empty_favourites: "No favourites yet. Press f on an initiative to save it.",
    store_moved: "The favourites file was corrupt and was moved to",
    store_unreadable: "Could not read favourites",
    store_not_saved: "Could not save favourites",
    no_home: "No home directory: favourites are not saved",
    stale_filter: "Not verified > 1 year",
    unknown_id: "unknown initiative",
    did_you_mean: "did you mean",
};

type HelpSections = &'static [(&'static str, &'static [(&'static str, &'static str)])];

const HELP_DA: HelpSections = &[
    (
        "Overalt",
        &[
            (
                "Tab / Shift-Tab",
                "skift mellem søgning, filtre, resultater og detaljer",
            ),
            ("F1 eller ?", "denne hjælp (? kun uden for søgefeltet)"),
            ("F2", "sæt borgerens alder"),
            ("Esc", "tilbage: hjælp → detaljer → liste → ryd søgning"),
            ("Ctrl-C", "afslut altid"),
            ("q", "afslut (uden for søgefeltet)"),
        ],
    ),
    (
        "Søgning",
        &[
            ("bogstaver", "søg med det samme; flere ord skal alle passe"),
            (
                "Backspace / Ctrl-W / Ctrl-U",
                "slet tegn / ord / hele søgningen",
            ),
            ("↑ ↓ PgUp PgDn Home End", "flyt i resultaterne"),
            ("Enter", "åbn den valgte indsats"),
            (
                "'ord  ^start  slut$  !ikke",
                "præcist ord, ordstart, ordslutning, udelad",
            ),
        ],
    ),
    (
        "Filtre",
        &[
            (
                "← →",
                "skift filter: kommune, målgruppe, tema, status, type, alder",
            ),
            ("↑ ↓", "vælg værdi (i alder: ændr alderen)"),
            ("Mellemrum / Enter", "slå værdien til eller fra"),
            ("Del / Backspace", "ryd filteret"),
            ("tal", "skriv alderen i aldersfilteret"),
        ],
    ),
    (
        "Resultater og detaljer",
        &[
            ("↑ ↓ PgUp PgDn Home End", "flyt / rul"),
            ("Enter", "åbn detaljerne"),
            ("/", "gå til søgefeltet (andre bogstaver søger også)"),
            ("!", "i listen: ikke verificeret i over et år"),
        ],
    ),
    (
        "Til mødet (i listen og detaljerne)",
        &[
            ("m", "markér / fjern fra kortlisten (+ i listen)"),
            ("s", "vis kortlisten / tilbage til søgningen"),
            ("f", "gem / fjern som favorit (* i listen)"),
            ("v", "vis favoritter / tilbage til søgningen"),
            ("c", "kopiér resumé, kortliste, telefon, e-mail eller web"),
            (
                "p",
                "afslut og udskriv indsatsen (eller kortlisten) i terminalen",
            ),
        ],
    ),
];

const HELP_EN: HelpSections = &[
    (
        "Everywhere",
        &[
            (
                "Tab / Shift-Tab",
                "move between search, filters, results and details",
            ),
            ("F1 or ?", "this help (? only outside the search line)"),
            ("F2", "set the citizen's age"),
            ("Esc", "back: help → details → list → clear search"),
            ("Ctrl-C", "always quits"),
            ("q", "quit (outside the search line)"),
        ],
    ),
    (
        "Search",
        &[
            ("letters", "search at once; several words must all match"),
            (
                "Backspace / Ctrl-W / Ctrl-U",
                "delete character / word / whole search",
            ),
            ("↑ ↓ PgUp PgDn Home End", "move in the results"),
            ("Enter", "open the selected initiative"),
            (
                "'word  ^start  end$  !not",
                "exact, word start, word end, exclude",
            ),
        ],
    ),
    (
        "Filters",
        &[
            (
                "← →",
                "change filter: municipality, target group, theme, status, kind, age",
            ),
            ("↑ ↓", "choose a value (in age: change the age)"),
            ("Space / Enter", "turn the value on or off"),
            ("Del / Backspace", "clear the filter"),
            ("digits", "type the age in the age filter"),
        ],
    ),
    (
        "Results and details",
        &[
            ("↑ ↓ PgUp PgDn Home End", "move / scroll"),
            ("Enter", "open the details"),
            ("/", "go to the search line (other letters search too)"),
            ("!", "in the list: not verified for over a year"),
        ],
    ),
    (
        "For the meeting (in the list and details)",
        &[
            ("m", "mark / unmark for the shortlist (+ in the list)"),
            ("s", "show the shortlist / back to the search"),
            ("f", "save / remove as a favourite (* in the list)"),
            ("v", "show favourites / back to the search"),
            ("c", "copy summary, shortlist, phone, e-mail or web address"),
            (
                "p",
                "quit and print the initiative (or the shortlist) in the terminal",
            ),
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_names() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("da_DK.UTF-8"), Some(Lang::Da));
        assert_eq!(Lang::parse("de"), None);
    }
}
