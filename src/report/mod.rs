//! An initiative's sections, described once ([`sections`]) and rendered by
//! the detail pane and `indsats show` ([`entry_text`]); the short form a
//! meeting takes away — copied ([`referral_summary`]) or printed
//! ([`printout`]) — is in [`meeting`]. Next steps and contacts come first:
//! they are what a caseworker opens an entry for.
//!
//! Also the UI wording of areas and ages, so the catalogue formats no UI text.

use std::collections::BTreeSet;

use crate::catalogue::{
    AgeRange, Area, Catalogue, Contact, Initiative, Kind, Scope, Source, Status, contacts,
};
use crate::date::{Date, is_stale};
use crate::i18n::Lang;
use crate::text::{terminal_safe, wrap};

mod meeting;
pub use meeting::{Printout, printout, referral_summary};

/// Width of printed entries (`indsats show`, print on exit).
pub const TEXT_WIDTH: usize = 78;

/// A section of an entry, for headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The numbered next steps.
    NextSteps,
    /// The contact points.
    Contacts,
    /// The description.
    Description,
    /// The sources.
    Sources,
}

/// What a part of an entry is; each renderer chooses its marks and styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A warning line: a status that is not a running offer, a kind that is
    /// not an offer, not verified for over a year.
    Banner,
    /// `label: value` (status, aliases, target groups, …).
    Field,
    /// A quiet `label: value` (other names, last verified).
    QuietField,
    /// The one-line summary.
    Summary,
    /// A section heading.
    Heading(Section),
    /// Next step number n (from 1).
    Step(usize),
    /// One contact point.
    Contact,
    /// The description.
    Description,
    /// One source.
    Source,
    /// An empty line between sections.
    Blank,
}

/// One part of an entry's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// What it is.
    pub role: Role,
    /// The label of a field, or empty.
    pub label: String,
    /// The text (not yet terminal-safe or wrapped).
    pub text: String,
}

impl Part {
    fn new(role: Role, label: &str, text: impl Into<String>) -> Part {
        Part {
            role,
            label: label.to_owned(),
            text: text.into(),
        }
    }
}

/// What the sections depend on besides the entry.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The catalogue (vocabulary labels, municipality names).
    pub catalogue: &'a Catalogue,
    /// The interface language.
    pub lang: Lang,
    /// Today (decides the "not verified for a year" flag).
    pub today: Date,
    /// The chosen municipalities: their contact points first.
    pub chosen: &'a BTreeSet<String>,
}

/// Every part of `entry`, in the order all renderers show them: banners,
/// status, summary, next steps, contacts, then the description and the rest.
pub fn sections(ctx: &Context, entry: &Initiative) -> Vec<Part> {
    let s = ctx.lang.strings();
    let lang = ctx.lang;
    let cat = ctx.catalogue;
    let mut parts = Vec::new();
    let warning = match entry.status {
        Status::Proposed => Some(s.warn_proposed),
        Status::Inspiration => Some(s.warn_inspiration),
        Status::Ended => Some(s.warn_ended),
        Status::Unconfirmed => Some(s.warn_unconfirmed),
        Status::Active | Status::Pilot => None,
    };
    if let Some(text) = warning {
        parts.push(Part::new(Role::Banner, "", text));
    }
    if entry.kind != Kind::Offer {
        parts.push(Part::new(
            Role::Banner,
            "",
            format!(
                "{} – {}",
                s.kind_label(entry.kind).to_uppercase(),
                s.kind_note(entry.kind)
            ),
        ));
    }
    let stale = Date::parse_iso(&entry.last_verified).is_some_and(|d| is_stale(d, ctx.today));
    if stale {
        parts.push(Part::new(
            Role::Banner,
            "",
            format!("! {} ({})", capitalise(s.stale), entry.last_verified),
        ));
    }
    // A status banner says the status already, and louder.
    if warning.is_none() {
        parts.push(Part::new(Role::Field, s.status, s.status_line(entry)));
    }
    // The number to call, above the fold: the one thing a meeting needs.
    if let Some(reach) = reach_text(ctx, entry) {
        let label = match ctx.chosen.iter().next() {
            Some(id) if ctx.chosen.len() == 1 => {
                format!("{} ({})", s.reach, cat.municipality_name(id))
            }
            _ => s.reach.to_owned(),
        };
        parts.push(Part::new(Role::Field, &label, reach));
    }
    parts.push(Part::new(Role::Summary, "", entry.summary.as_str()));
    if let Some(note) = &entry.local_note {
        parts.push(Part::new(Role::Blank, "", ""));
        parts.push(Part::new(Role::Field, s.local_note, note.clone()));
    }
    parts.push(Part::new(Role::Blank, "", ""));
    parts.push(Part::new(
        Role::Heading(Section::NextSteps),
        "",
        s.next_steps,
    ));
    for (i, step) in entry.next_steps.iter().enumerate() {
        parts.push(Part::new(Role::Step(i + 1), "", step.as_str()));
    }
    if !entry.contacts.is_empty() {
        parts.push(Part::new(Role::Blank, "", ""));
        parts.push(Part::new(Role::Heading(Section::Contacts), "", s.contacts));
        for line in contact_lines(entry, lang, ctx.today, ctx.chosen) {
            parts.push(Part::new(Role::Contact, "", line));
        }
    }
    parts.push(Part::new(Role::Blank, "", ""));
    parts.push(Part::new(
        Role::Heading(Section::Description),
        "",
        s.description,
    ));
    parts.push(Part::new(Role::Description, "", entry.description.as_str()));
    parts.push(Part::new(Role::Blank, "", ""));
    if !entry.aliases.is_empty() {
        parts.push(Part::new(
            Role::QuietField,
            s.aliases,
            entry.aliases.join(", "),
        ));
    }
    let labels = |ids: &[String], label: &dyn Fn(&str) -> String| -> String {
        ids.iter()
            .map(|id| label(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    parts.push(Part::new(
        Role::Field,
        s.target_groups,
        labels(&entry.target_groups, &|id| {
            cat.target_group_label(id, lang.is_english()).to_owned()
        }),
    ));
    parts.push(Part::new(
        Role::Field,
        s.themes,
        labels(&entry.themes, &|id| {
            cat.theme_label(id, lang.is_english()).to_owned()
        }),
    ));
    parts.push(Part::new(
        Role::Field,
        s.age,
        age_text(entry.age.as_ref(), lang),
    ));
    let mut area = area_text(cat, &entry.area, lang);
    if let Some(note) = &entry.area.note {
        area = format!("{area} ({note})");
    }
    parts.push(Part::new(Role::Field, s.area, area));
    if !entry.providers.is_empty() {
        parts.push(Part::new(
            Role::Field,
            s.providers,
            entry.providers.join(", "),
        ));
    }
    if let Some(eligibility) = &entry.eligibility {
        parts.push(Part::new(Role::Field, s.eligibility, eligibility.as_str()));
    }
    parts.push(Part::new(Role::Blank, "", ""));
    parts.push(Part::new(Role::Heading(Section::Sources), "", s.sources));
    for source in &entry.sources {
        parts.push(Part::new(Role::Source, "", source_text(source, lang)));
    }
    parts.push(Part::new(Role::Blank, "", ""));
    let mut verified = entry.last_verified.clone();
    if stale {
        verified = format!("{verified} (! {})", s.stale);
    }
    parts.push(Part::new(Role::QuietField, s.last_verified, verified));
    parts
}

/// Every section of `entry` as plain text wrapped to `width` columns, with
/// headings in `lang`. `today` decides the "not verified for a year" flag.
pub fn entry_text(
    catalogue: &Catalogue,
    entry: &Initiative,
    lang: Lang,
    width: usize,
    today: Date,
    municipalities: &BTreeSet<String>,
) -> String {
    let width = width.max(20);
    let mut out = Out::new(width);
    out.line(&entry.name);
    out.line(&"=".repeat(entry.name.chars().count().min(width)));
    let ctx = Context {
        catalogue,
        lang,
        today,
        chosen: municipalities,
    };
    for part in sections(&ctx, entry) {
        match part.role {
            Role::Blank => out.blank(),
            Role::Heading(_) => out.line(&format!("{}:", part.text)),
            Role::Field | Role::QuietField => {
                out.paragraph(&part.text, &format!("{}: ", part.label));
            }
            Role::Step(n) => out.paragraph(&part.text, &format!("{n:>2}. ")),
            Role::Contact | Role::Source => out.paragraph(&part.text, "  - "),
            Role::Banner | Role::Summary | Role::Description => out.paragraph(&part.text, ""),
        }
    }
    out.finish()
}

/// Human description of an area: "Hele Region Midtjylland", "Kommuner: Aarhus, Skive" …
pub fn area_text(catalogue: &Catalogue, area: &Area, lang: Lang) -> String {
    let mut text = lang.strings().scope_label(area.scope).to_owned();
    if area.scope == Scope::Municipalities {
        text = format!("{text}: {}", municipality_names(catalogue, area));
    }
    text
}

/// Short area text for a result list: the scope, or the municipality names
/// with the `chosen` ones (the municipality filter) first, so a cut list
/// still shows the one that matters.
pub fn area_short(
    catalogue: &Catalogue,
    area: &Area,
    lang: Lang,
    chosen: &BTreeSet<String>,
) -> String {
    let s = lang.strings();
    match area.scope {
        Scope::Municipalities => {
            let (first, rest): (Vec<&String>, Vec<&String>) = area
                .municipalities
                .iter()
                .partition(|id| chosen.contains(*id));
            first
                .into_iter()
                .chain(rest)
                .map(|id| catalogue.municipality_name(id))
                .collect::<Vec<_>>()
                .join(", ")
        }
        Scope::Region => s.scope_region_short.to_owned(),
        other => s.scope_label(other).to_owned(),
    }
}

fn municipality_names(catalogue: &Catalogue, area: &Area) -> String {
    area.municipalities
        .iter()
        .map(|id| catalogue.municipality_name(id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Human description of an age range: "16–29 år", "op til 24 år", "fra 18 år".
pub fn age_text(age: Option<&AgeRange>, lang: Lang) -> String {
    let s = lang.strings();
    match age.map(|a| (a.min, a.max)) {
        Some((Some(min), Some(max))) => format!("{min}–{max} {}", s.years),
        Some((None, Some(max))) => format!("{} {max} {}", s.up_to, s.years),
        Some((Some(min), None)) => format!("{} {min} {}", s.from, s.years),
        _ => s.not_stated.to_owned(),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A note reporting an error in `entry` to the catalogue's maintainer: the
/// entry's name and id, the catalogue's date, whom to send it to, and a
/// blank line to describe the error. Nothing of the search or the citizen.
pub fn correction_text(catalogue: &Catalogue, entry: &Initiative, lang: Lang) -> String {
    let s = lang.strings();
    let [what, date, to] = s.correction_fields;
    let addressee = match &catalogue.maintainer {
        Some(m) => match &m.email {
            Some(email) => format!("{} <{email}>", m.organisation),
            None => m.organisation.clone(),
        },
        None => s.correction_no_maintainer.to_owned(),
    };
    // Each line on its own: the catalogue's texts may hold anything.
    format!(
        "{}\n{what}: {} ({})\n{date}: {}\n{to}: {}\n\n{}\n\n",
        s.correction,
        terminal_safe(&entry.name),
        entry.id,
        terminal_safe(&catalogue.updated),
        terminal_safe(&addressee),
        s.correction_what
    )
}

/// Several texts as one, separated by a rule (the shortlist).
pub fn join_entries(texts: &[String]) -> String {
    texts.join("\n----------------------------------------\n\n")
}

/// One contact on one line: organisation, name, role, phone, e-mail, web,
/// address, note.
pub fn contact_text(contact: &Contact) -> String {
    [
        Some(contact.organisation.as_str()),
        contact.name.as_deref(),
        contact.role.as_deref(),
        contact.phone.as_deref(),
        contact.email.as_deref(),
        contact.url.as_deref(),
        contact.address.as_deref(),
        contact.note.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The contacts of `entry` as lines, the chosen municipalities' first, each
/// marked "(kilde fra 2020)" when its newest page is over three years old.
/// With a municipality chosen, the contact points of other municipalities
/// fold into one closing line.
pub fn contact_lines(
    entry: &Initiative,
    lang: Lang,
    today: Date,
    municipalities: &BTreeSet<String>,
) -> Vec<String> {
    let s = lang.strings();
    let mut lines = Vec::new();
    let mut others = 0;
    for contact in contacts::ordered(entry, municipalities) {
        if contacts::serves_only_others(contact, municipalities) {
            others += 1;
            continue;
        }
        lines.push(contact_line(entry, contact, lang, today));
    }
    if others > 0 {
        lines.push(format!(
            "{}: {others} ({})",
            s.other_contacts, s.other_contacts_hint
        ));
    }
    lines
}

/// The one-line contact point of [`contacts::reach`]: phone, e-mail, address
/// and a short web address, with "+N kommuner mere" when no municipality is
/// chosen. `None` for an entry without contacts.
fn reach_text(ctx: &Context, entry: &Initiative) -> Option<String> {
    let s = ctx.lang.strings();
    if entry.contacts.is_empty() {
        return None;
    }
    let Some(reach) = contacts::reach(entry, ctx.chosen) else {
        return Some(s.reach_none.to_owned());
    };
    let c = reach.contact;
    let mut bits: Vec<String> = Vec::new();
    if let Some(phone) = &c.phone {
        bits.push(format!("{} {phone}", s.call));
    }
    bits.extend(c.email.clone());
    if c.phone.is_none() && c.email.is_none() {
        bits.extend(c.address.clone());
    }
    bits.extend(c.url.as_deref().map(contacts::short_web));
    if ctx.chosen.is_empty() && reach.others > 0 {
        let word = s.more_municipalities[usize::from(reach.others > 1)];
        bits.push(format!("+{} {word}", reach.others));
    }
    let mut text = bits.join(" · ");
    if let Some(year) = contacts::old_source_year(entry, c, ctx.today) {
        text = format!("{text} ({} {year})", s.source_from);
    }
    Some(text)
}

/// One contact on one line ([`contact_text`]), marked when a local patch
/// added it and when its newest page is over three years old.
fn contact_line(entry: &Initiative, contact: &Contact, lang: Lang, today: Date) -> String {
    let s = lang.strings();
    let mut line = contact_text(contact);
    if contact.local {
        line = format!("{line} ({})", s.local_mark);
    }
    if let Some(year) = contacts::old_source_year(entry, contact, today) {
        line = format!("{line} ({} {year})", s.source_from);
    }
    line
}

/// One source on one line: title, page, address.
pub fn source_text(source: &Source, lang: Lang) -> String {
    let mut text = source.title.clone();
    if let Some(page) = source.page {
        text = format!("{text}, {} {page}", lang.strings().page);
    }
    if let Some(url) = &source.url {
        text = format!("{text} – {url}");
    }
    text
}

/// Accumulates wrapped, terminal-safe lines.
struct Out {
    width: usize,
    text: String,
}

impl Out {
    fn new(width: usize) -> Out {
        Out {
            width,
            text: String::new(),
        }
    }

    fn line(&mut self, line: &str) {
        self.text.push_str(&terminal_safe(line));
        self.text.push('\n');
    }

    fn blank(&mut self) {
        self.text.push('\n');
    }

    /// Wraps `text` after `first` (a label or a list marker), indenting the
    /// following lines to line up under the text.
    fn paragraph(&mut self, text: &str, first: &str) {
        let indent = first.chars().count();
        let inner = self.width.saturating_sub(indent).max(10);
        for (i, line) in wrap(&terminal_safe(text), inner).iter().enumerate() {
            let lead = if i == 0 {
                first.to_owned()
            } else {
                " ".repeat(indent)
            };
            self.line(&format!("{lead}{line}"));
        }
    }

    fn finish(self) -> String {
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::load::load_file;

    #[test]
    fn a_correction_names_the_entry_the_date_and_the_maintainer() {
        let mut catalogue = load_file(std::path::Path::new("tests/fixtures/valid.json")).unwrap();
        let entry = catalogue.find("ips-ung").unwrap().clone();
        let text = correction_text(&catalogue, &entry, Lang::Da);
        assert!(text.starts_with("Rettelse til kataloget\nIndsats: IPS-ung (ips-ung)\n"));
        assert!(text.contains(&format!("Katalogets dato: {}\n", catalogue.updated)));
        assert!(text.contains("Til: dem, der har sat indsats op hos jer\n"));
        // A blank line to describe the error, after the question.
        assert!(text.ends_with("Hvad er forkert, og hvilken side siger det?\n\n"));
        catalogue.maintainer = Some(crate::catalogue::Maintainer {
            organisation: "Region \u{1b}[2JMidtjylland".to_owned(),
            email: Some("katalog@example.dk".to_owned()),
        });
        let text = correction_text(&catalogue, &entry, Lang::En);
        assert!(
            text.contains("To: Region [2JMidtjylland <katalog@example.dk>\n"),
            "{text}"
        );
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn referral_summary_of_a_known_entry() {
        let catalogue = load_file(std::path::Path::new("tests/fixtures/valid.json")).unwrap();
        let entry = catalogue.find("ips-ung").unwrap();
        assert_eq!(
            referral_summary(&catalogue, entry, Lang::Da, Date::today(), &BTreeSet::new()),
            "IPS-ung\n\
             Status: Aktiv – kører ifølge kilderne; tjek detaljerne før henvisning\n\
             Job eller uddannelse sideløbende med psykiatrisk behandling.\n\
             Næste skridt:\n\
             1. Tal med jobcentrets IPS-team.\n\
             Kontakter:\n\
             - Styrelsen for Arbejdsmarked og Rekruttering · Viden om metoden · https://star.dk\n\
             Kilde: Anbefalinger – Regionalpolitisk forum om unge udenfor, s. 7\n\
             Katalog opdateret: 2026-11-01\n"
        );
    }

    /// The chosen municipality's contact point first, an old one marked with
    /// its year, and other municipalities' folded into one line.
    #[test]
    fn contacts_follow_the_chosen_municipality_and_show_their_age() {
        let mut catalogue =
            load_file(std::path::Path::new("tests/fixtures/valid-v2.json")).unwrap();
        let entry = catalogue
            .initiatives
            .iter_mut()
            .find(|e| e.id == "fgu-skive")
            .unwrap();
        let mut aarhus = entry.contacts[0].clone();
        aarhus.organisation = "FGU Aarhus".to_owned();
        aarhus.municipalities = vec!["aarhus".to_owned()];
        aarhus.url = Some("https://fguaarhus.dk".to_owned());
        entry.contacts.insert(0, aarhus);
        let today = Date::parse_iso("2026-11-23").unwrap();
        let skive: BTreeSet<String> = ["skive".to_owned()].into();
        let lines = contact_lines(entry, Lang::Da, today, &skive);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("FGU Skolen, Skive · Optagelse · +45 96 14 62 00"));
        assert!(
            lines[0].ends_with("Åbent hus tirsdag 12–18"),
            "{}",
            lines[0]
        );
        assert_eq!(
            lines[1],
            "Kontaktpunkter i andre kommuner: 1 (fjern kommunefilteret for at se dem)"
        );
        let all = contact_lines(entry, Lang::Da, today, &BTreeSet::new());
        assert!(all[0].starts_with("FGU Aarhus"));
        // The fixture's page is from March 2025; four years on it is old.
        let later = Date::parse_iso("2029-11-23").unwrap();
        let lines = contact_lines(entry, Lang::Da, later, &skive);
        assert!(lines[0].ends_with("(kilde fra 2025)"), "{}", lines[0]);
    }
}
