//! What a meeting takes away: the short form of an entry — name, status,
//! summary, next steps, the chosen municipality's contact points, one
//! source line and the catalogue's date — copied unwrapped
//! ([`referral_summary`]) or printed under a header ([`printout`]). Nothing
//! of the query, nothing about filters.

use std::collections::BTreeSet;

use super::{Context, contact_line, source_text};
use crate::catalogue::{Catalogue, Initiative, contacts};
use crate::date::Date;
use crate::i18n::Lang;
use crate::text::{terminal_safe, wrap_whole_words};

/// Most contact points in the short form when no municipality is chosen.
const MAX_CONTACTS: usize = 3;

/// One line of the short form: what leads it when printed, and its text.
struct Line {
    lead: &'static str,
    text: String,
}

impl Line {
    fn new(lead: &'static str, text: impl Into<String>) -> Line {
        Line {
            lead,
            text: text.into(),
        }
    }
}

/// The short form of `entry`, unwrapped.
fn short_form(ctx: &Context, entry: &Initiative) -> Vec<Line> {
    let s = ctx.lang.strings();
    let mut lines = vec![
        Line::new("", entry.name.clone()),
        Line::new("", format!("{}: {}", s.status, s.status_line(entry))),
        Line::new("", entry.summary.clone()),
        Line::new("", format!("{}:", s.next_steps)),
    ];
    for (i, step) in entry.next_steps.iter().enumerate() {
        lines.push(Line::new("   ", format!("{}. {step}", i + 1)));
    }
    let shown: Vec<_> = contacts::ordered(entry, ctx.chosen)
        .into_iter()
        .filter(|c| !contacts::serves_only_others(c, ctx.chosen))
        .collect();
    if !shown.is_empty() {
        lines.push(Line::new("", format!("{}:", s.contacts)));
        let cap = if ctx.chosen.is_empty() {
            MAX_CONTACTS
        } else {
            usize::MAX
        };
        for contact in shown.iter().take(cap) {
            let line = contact_line(entry, contact, ctx.lang, ctx.today);
            lines.push(Line::new("   ", format!("- {line}")));
        }
        if shown.len() > cap {
            let more = shown.len() - cap;
            lines.push(Line::new(
                "   ",
                format!("- {more} {}", s.more_in_catalogue),
            ));
        }
    }
    if let Some(source) = entry.sources.first() {
        let text = source_text(source, ctx.lang);
        lines.push(Line::new("", format!("{}: {text}", s.source_one)));
    }
    lines.push(Line::new(
        "",
        format!("{}: {}", s.catalogue_dated, ctx.catalogue.updated),
    ));
    lines
}

/// The referral summary of `entry` for the clipboard: its short form,
/// unwrapped, so it pastes cleanly into a journal or an e-mail.
pub fn referral_summary(
    catalogue: &Catalogue,
    entry: &Initiative,
    lang: Lang,
    today: Date,
    municipalities: &BTreeSet<String>,
) -> String {
    let ctx = Context {
        catalogue,
        lang,
        today,
        chosen: municipalities,
    };
    // Line by line, so the line breaks themselves survive.
    short_form(&ctx, entry)
        .iter()
        .map(|line| format!("{}\n", terminal_safe(&line.text)))
        .collect()
}

/// What a printout is for: the day, the chosen municipalities and age.
#[derive(Debug, Clone, Copy)]
pub struct Printout<'a> {
    /// The catalogue.
    pub catalogue: &'a Catalogue,
    /// The interface language.
    pub lang: Lang,
    /// Today, printed in the header.
    pub today: Date,
    /// The chosen municipalities: their contact points.
    pub municipalities: &'a BTreeSet<String>,
    /// The citizen's age, when one is chosen.
    pub age: Option<u8>,
    /// Columns to wrap to; a web address is never broken, even when wider.
    pub width: usize,
}

/// The printout of `entries` (a shortlist, or the open entry): a header with
/// the date, the catalogue's date, the municipality and the age, then each
/// entry's short form wrapped to `width` without ever breaking a word or a
/// web address.
pub fn printout(p: &Printout, entries: &[&Initiative]) -> String {
    let s = p.lang.strings();
    let ctx = Context {
        catalogue: p.catalogue,
        lang: p.lang,
        today: p.today,
        chosen: p.municipalities,
    };
    let mut out = String::new();
    let mut header = vec![format!("{} {}", s.printout_title, p.today)];
    header.push(format!("{}: {}", s.catalogue_dated, p.catalogue.updated));
    let places: Vec<&str> = p
        .municipalities
        .iter()
        .map(|id| p.catalogue.municipality_name(id))
        .collect();
    let mut chosen = Vec::new();
    if !places.is_empty() {
        chosen.push(format!("{}: {}", s.municipality, places.join(", ")));
    }
    if let Some(age) = p.age {
        chosen.push(format!("{}: {age} {}", s.age, s.years));
    }
    if !chosen.is_empty() {
        header.push(chosen.join(" · "));
    }
    for line in header {
        out.push_str(&terminal_safe(&line));
        out.push('\n');
    }
    for entry in entries {
        out.push_str(&"-".repeat(p.width.min(40)));
        out.push_str("\n\n");
        // The header gives the catalogue's date once.
        let dated = format!("{}: ", s.catalogue_dated);
        for line in short_form(&ctx, entry)
            .into_iter()
            .filter(|l| !l.text.starts_with(&dated))
        {
            let indent = line.lead.len();
            let width = p.width.saturating_sub(indent).max(20);
            for piece in wrap_whole_words(&terminal_safe(&line.text), width) {
                out.push_str(line.lead);
                out.push_str(&piece);
                out.push('\n');
            }
        }
        out.push('\n');
    }
    out
}
