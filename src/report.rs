//! Plain-text rendering of an initiative: `indsats show`, and what the app
//! prints on the normal screen when it quits with "print".

use crate::catalogue::lookup::age_text;
use std::collections::BTreeSet;

use crate::catalogue::{Catalogue, Contact, Initiative, Source, contacts};
use crate::date::{Date, is_stale};
use crate::text::{terminal_safe, wrap};
use crate::ui::strings::Lang;

/// Width of printed entries (`indsats show`, print on exit).
pub const TEXT_WIDTH: usize = 78;

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
    let s = lang.strings();
    let width = width.max(20);
    let mut out = Out::new(width);

    out.line(&entry.name);
    out.line(&"=".repeat(entry.name.chars().count().min(width)));
    out.field(s.status, &s.status_line(entry));
    if !entry.aliases.is_empty() {
        out.field(s.aliases, &entry.aliases.join(", "));
    }
    out.blank();
    out.paragraph(&entry.summary, "");
    out.blank();
    out.heading(s.description);
    out.paragraph(&entry.description, "");
    out.blank();

    let labels = |ids: &[String], label: &dyn Fn(&str) -> String| -> String {
        ids.iter()
            .map(|id| label(id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.field(
        s.target_groups,
        &labels(&entry.target_groups, &|id| {
            catalogue.target_group_label(id, lang).to_owned()
        }),
    );
    out.field(
        s.themes,
        &labels(&entry.themes, &|id| {
            catalogue.theme_label(id, lang).to_owned()
        }),
    );
    out.field(s.age, &age_text(entry.age.as_ref(), lang));
    let mut area = catalogue.area_text(&entry.area, lang);
    if let Some(note) = &entry.area.note {
        area = format!("{area} ({note})");
    }
    out.field(s.area, &area);
    if !entry.providers.is_empty() {
        out.field(s.providers, &entry.providers.join(", "));
    }
    if let Some(eligibility) = &entry.eligibility {
        out.field(s.eligibility, eligibility);
    }
    out.blank();

    out.heading(s.next_steps);
    for (i, step) in entry.next_steps.iter().enumerate() {
        out.paragraph(step, &format!("{:>2}. ", i + 1));
    }
    if !entry.contacts.is_empty() {
        out.blank();
        out.heading(s.contacts);
        for line in contact_lines(entry, lang, today, municipalities) {
            out.paragraph(&line, "  - ");
        }
    }
    out.blank();
    out.heading(s.sources);
    for source in &entry.sources {
        out.paragraph(&source_text(source, lang), "  - ");
    }
    out.blank();
    let mut verified = entry.last_verified.clone();
    if Date::parse_iso(&entry.last_verified).is_some_and(|d| is_stale(d, today)) {
        verified = format!("{verified} (! {})", s.stale);
    }
    out.field(s.last_verified, &verified);
    out.finish()
}

/// The referral summary of `entry` for the clipboard: name, status, next
/// steps, contacts and sources, unwrapped so it pastes cleanly into a journal
/// or an e-mail.
pub fn referral_summary(
    entry: &Initiative,
    lang: Lang,
    today: Date,
    municipalities: &BTreeSet<String>,
) -> String {
    let s = lang.strings();
    let mut lines = vec![
        format!("{} ({})", entry.name, s.status_line(entry)),
        entry.summary.clone(),
        format!("{}:", s.next_steps),
    ];
    for (i, step) in entry.next_steps.iter().enumerate() {
        lines.push(format!("{}. {step}", i + 1));
    }
    if !entry.contacts.is_empty() {
        lines.push(format!("{}:", s.contacts));
        lines.extend(
            contact_lines(entry, lang, today, municipalities)
                .into_iter()
                .map(|c| format!("- {c}")),
        );
    }
    lines.push(format!("{}:", s.sources));
    lines.extend(
        entry
            .sources
            .iter()
            .map(|src| format!("- {}", source_text(src, lang))),
    );
    // Line by line, so the line breaks themselves survive.
    lines
        .iter()
        .map(|line| format!("{}\n", terminal_safe(line)))
        .collect()
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
        let mut line = contact_text(contact);
        if let Some(year) = contacts::old_source_year(entry, contact, today) {
            line = format!("{line} ({} {year})", s.source_from);
        }
        lines.push(line);
    }
    if others > 0 {
        lines.push(format!(
            "{}: {others} ({})",
            s.other_contacts, s.other_contacts_hint
        ));
    }
    lines
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

    fn heading(&mut self, heading: &str) {
        self.line(&format!("{heading}:"));
    }

    /// `label: value`, the value wrapped under itself.
    fn field(&mut self, label: &str, value: &str) {
        self.paragraph(value, &format!("{label}: "));
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
    fn referral_summary_of_a_known_entry() {
        let catalogue = load_file(std::path::Path::new("tests/fixtures/valid.json")).unwrap();
        let entry = catalogue.find("ips-ung").unwrap();
        assert_eq!(
            referral_summary(entry, Lang::Da, Date::today(), &BTreeSet::new()),
            "IPS-ung (Aktiv – kører ifølge kilderne; tjek detaljerne før henvisning)\n\
             Job eller uddannelse sideløbende med psykiatrisk behandling.\n\
             Næste skridt:\n\
             1. Tal med jobcentrets IPS-team.\n\
             Kontakter:\n\
             - Styrelsen for Arbejdsmarked og Rekruttering · Viden om metoden · https://star.dk\n\
             Kilder:\n\
             - Anbefalinger – Regionalpolitisk forum om unge udenfor, s. 7\n"
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
