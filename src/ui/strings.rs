//! Every piece of user-facing text, in Danish (default) and English.
//!
//! One struct per language, so the compiler refuses a string that exists in
//! one language but not the other.

use crate::catalogue::{Scope, Status};

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
    pub status_labels: [&'static str; 5],
    /// Short explanation of what a status means for a referral, in [`Status::ALL`] order.
    pub status_notes: [&'static str; 5],
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
    last_verified: "Sidst verificeret",
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
    status_labels: ["Aktiv", "Pilot", "Anbefaling", "Inspiration", "Ophørt"],
    status_notes: [
        "kører ifølge kilderne; tjek detaljerne før henvisning",
        "forsøg, evt. kun i dele af regionen",
        "en anbefaling, ikke et tilbud man kan henvise til",
        "kører uden for regionen; til inspiration, ikke et lokalt tilbud",
        "kører ikke længere",
    ],
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
    status_labels: ["Active", "Pilot", "Recommendation", "Inspiration", "Ended"],
    status_notes: [
        "running according to the sources; check the details before referring",
        "a trial, possibly only in part of the region",
        "a recommendation, not an offer you can refer to",
        "runs outside the region; an idea, not a local offer",
        "no longer running",
    ],
    unknown_id: "unknown initiative",
    did_you_mean: "did you mean",
};

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
