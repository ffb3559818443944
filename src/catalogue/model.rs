//! Serde types of the catalogue format, schema_version 2 (ARCHITECTURE.md §2).
//! Version-1 files still load: the validator takes a missing `kind` as `offer`.
//!
//! These types describe a catalogue that has already passed validation
//! (see [`super::validate`]); the validator walks the raw JSON first so that it
//! can report every problem, not just the first one serde would stop at.

use serde::{Deserialize, Serialize};

/// The schema version this build writes and documents.
pub const SCHEMA_VERSION: u64 = 2;

/// The older version this build still reads (no `kind`, `keywords`, `aliases`,
/// nor the contact and source fields added in version 2).
pub const SCHEMA_VERSION_1: u64 = 1;

/// A whole catalogue: metadata, vocabularies and initiatives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Format version; always [`SCHEMA_VERSION`].
    pub schema_version: u64,
    /// Human title shown in the title bar.
    pub title: String,
    /// Date (`YYYY-MM-DD`) the catalogue as a whole was last updated.
    pub updated: String,
    /// The filter values entries may refer to.
    pub vocabularies: Vocabularies,
    /// The initiatives, in file order.
    pub initiatives: Vec<Initiative>,
    /// Who keeps the catalogue and takes corrections, when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintainer: Option<Maintainer>,
}

/// Who keeps a catalogue: an organisation and its public mailbox.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Maintainer {
    /// The organisation.
    pub organisation: String,
    /// Its public mailbox for corrections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The controlled vocabularies used by the filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabularies {
    /// Themes (e.g. business partnerships, education-oriented efforts).
    pub themes: Vec<Term>,
    /// Target groups (e.g. young people with mental health problems).
    pub target_groups: Vec<Term>,
    /// Municipalities an entry's area may name.
    pub municipalities: Vec<Municipality>,
}

/// One value of a theme or target-group vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Stable id, `[a-z0-9-]+`.
    pub id: String,
    /// Danish label.
    pub label: String,
    /// English label; falls back to the Danish one when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_en: Option<String>,
    /// The words caseworkers use for this situation (`angst`, `droppet ud`);
    /// the search maps them onto this term.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

impl Term {
    /// The label in the requested language, falling back to Danish.
    pub fn label_in(&self, english: bool) -> &str {
        match (&self.label_en, english) {
            (Some(en), true) => en,
            _ => &self.label,
        }
    }
}

/// One municipality of the vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Municipality {
    /// Stable id, `[a-z0-9-]+` (e.g. `ringkobing-skjern`).
    pub id: String,
    /// Proper name (e.g. `Ringkøbing-Skjern`).
    pub name: String,
    /// Other names and main towns (`Århus`; `Grenaa` for Norddjurs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// How real an initiative is: a running service, or something less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Running and open for referrals: a source confirms that it runs today.
    Active,
    /// Named by the sources, which cannot confirm that (or where) it runs today.
    Unconfirmed,
    /// Running as a trial, possibly in a limited area.
    Pilot,
    /// A recommendation or plan, not an offer a citizen can be referred to.
    Proposed,
    /// Runs outside the region; an idea to learn from, not a local offer.
    Inspiration,
    /// No longer running.
    Ended,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 6] = [
        Status::Active,
        Status::Unconfirmed,
        Status::Pilot,
        Status::Proposed,
        Status::Inspiration,
        Status::Ended,
    ];

    /// The id used in the catalogue file and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Unconfirmed => "unconfirmed",
            Status::Pilot => "pilot",
            Status::Proposed => "proposed",
            Status::Inspiration => "inspiration",
            Status::Ended => "ended",
        }
    }

    /// Parses a catalogue status id.
    pub fn from_id(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// What an initiative is to a caseworker.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The young person can be referred to it or join it.
    #[default]
    Offer,
    /// A method, network or service the caseworker or the school uses.
    Professional,
    /// A pool or grant.
    Funding,
    /// A council, summit, working group, prize or strategy.
    Policy,
}

impl Kind {
    /// Every kind, in display (and ranking) order.
    pub const ALL: [Kind; 4] = [Kind::Offer, Kind::Professional, Kind::Funding, Kind::Policy];

    /// The id used in the catalogue file and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Offer => "offer",
            Kind::Professional => "professional",
            Kind::Funding => "funding",
            Kind::Policy => "policy",
        }
    }

    /// Parses a catalogue kind id.
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// Which places an initiative serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The whole region.
    Region,
    /// The whole country (so the whole region too).
    National,
    /// Only the municipalities listed in [`Area::municipalities`].
    Municipalities,
    /// Outside Region Midtjylland: inspiration only.
    OutsideRegion,
}

impl Scope {
    /// Every scope, in the order of the format description.
    pub const ALL: [Scope; 4] = [
        Scope::Region,
        Scope::National,
        Scope::Municipalities,
        Scope::OutsideRegion,
    ];

    /// The id used in the catalogue file.
    pub fn id(self) -> &'static str {
        match self {
            Scope::Region => "region",
            Scope::National => "national",
            Scope::Municipalities => "municipalities",
            Scope::OutsideRegion => "outside_region",
        }
    }
}

/// The age range an initiative is for; either bound may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeRange {
    /// Youngest age served, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u8>,
    /// Oldest age served, inclusive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u8>,
}

impl AgeRange {
    /// Whether `age` falls inside the range (open bounds admit everything).
    pub fn contains(&self, age: u8) -> bool {
        self.min.is_none_or(|min| age >= min) && self.max.is_none_or(|max| age <= max)
    }
}

/// Where an initiative is offered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// The kind of area.
    pub scope: Scope,
    /// Municipality ids; required (non-empty) when `scope` is `municipalities`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub municipalities: Vec<String>,
    /// Free-text precision, e.g. "skoler i Egå, Skejby og Aarhus Vest".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Someone to contact about an initiative.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The organisation (required).
    pub organisation: String,
    /// A person's name; only in local catalogues with real, consented contacts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What this contact is for ("Optagelse og målgruppevurdering").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Phone number as published by the organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address as published by the organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Official website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Postal or visiting address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Municipality ids this contact point serves; the details show the
    /// chosen municipality's contact first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub municipalities: Vec<String>,
    /// Opening or drop-in hours and the like ("Åben rådgivning tirsdag 12–18").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Added by a patch in the local catalogue, and shown as local; never
    /// read from or written to a file.
    #[serde(skip)]
    pub local: bool,
}

/// Where a fact comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the paper or page.
    pub title: String,
    /// Address of the page, when public.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Page number in a paper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The page's own date (`YYYY-MM-DD`), where it shows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The day the page was read (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<String>,
}

/// One initiative: the unit a caseworker searches for and opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    /// Stable id, `[a-z0-9-]+`, unique in the catalogue.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names it goes by (abbreviations, long forms).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// One line.
    pub summary: String,
    /// A paragraph or two.
    pub description: String,
    /// How real it is.
    pub status: Status,
    /// What it is to a caseworker; a version-1 file without it means `offer`.
    #[serde(default)]
    pub kind: Kind,
    /// Theme ids from the vocabulary (at least one).
    pub themes: Vec<String>,
    /// Target-group ids from the vocabulary (at least one).
    pub target_groups: Vec<String>,
    /// Age range, when known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::objects::optional_object"
    )]
    pub age: Option<AgeRange>,
    /// Where it is offered.
    #[serde(deserialize_with = "super::objects::object")]
    pub area: Area,
    /// Who runs it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub providers: Vec<String>,
    /// The situations it answers, in caseworkers' words (`hash`, `ung mor`,
    /// `iværksætter`): searched as the entry's own words, above the
    /// vocabularies' keywords.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Whether this is a municipality's general way in (the youth effort
    /// under 25, the jobcenter from 25): shown in the top three for a chosen
    /// municipality when no offer local to it is there.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub way_in: bool,
    /// Who can take part and how one is admitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility: Option<String>,
    /// What a caseworker can do next, in order (at least one).
    pub next_steps: Vec<String>,
    /// Organisations (and, in local catalogues, people) to contact.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::objects::objects"
    )]
    pub contacts: Vec<Contact>,
    /// Where the facts come from (at least one).
    #[serde(deserialize_with = "super::objects::objects")]
    pub sources: Vec<Source>,
    /// Date (`YYYY-MM-DD`) the entry was last checked against its sources.
    pub last_verified: String,
    /// A note a patch in the local catalogue adds, shown as local; never
    /// read from or written to a file.
    #[serde(skip)]
    pub local_note: Option<String>,
}
