//! `indsats stats [--kommune M]`: the catalogue's figures for the people who
//! keep it true (see [`crate::catalogue::stats`]).

use super::args::StatsArgs;
use super::{Context, Outcome, print_stdout};
use crate::catalogue::stats::{Stats, gaps, stats};
use crate::catalogue::{Catalogue, Kind, Status};
use crate::date::Date;
use crate::i18n::Lang;

/// The labels of the report, in the interface language.
struct Labels {
    by_kind_status: &'static str,
    total: &'static str,
    running: &'static str,
    with_any_point: &'static str,
    with_point: &'static str,
    with_reach: &'static str,
    without: &'static str,
    reachable: &'static str,
    old: &'static str,
    gaps: &'static str,
    no_gaps: &'static str,
}

const DA: Labels = Labels {
    by_kind_status: "Indsatser efter type og status",
    total: "i alt",
    running: "Tilbud der kører (aktiv eller forsøg)",
    with_any_point: "med et kontaktpunkt (også et landsdækkende organs eget)",
    with_point: "med et kontaktpunkt i eller for regionen",
    with_reach: "med telefon, e-mail eller adresse i eller for regionen",
    without: "uden",
    reachable: "Kommuner hvis indgang (ungeindsats eller jobcenter) kan ringes, skrives eller gås til",
    old: "Kontaktpunkter hvis nyeste side er over tre år gammel",
    gaps: "Tilbud der kører i kommunen uden kontaktpunkt for den",
    no_gaps: "ingen",
};

const EN: Labels = Labels {
    by_kind_status: "Entries by kind and status",
    total: "total",
    running: "Running offers (active or pilot)",
    with_any_point: "with a contact point (a national body's own included)",
    with_point: "with a contact point in or for the region",
    with_reach: "with a phone, e-mail or address in or for the region",
    without: "without",
    reachable: "Municipalities whose way in (youth effort or jobcenter) can be phoned, written to or visited",
    old: "Contact points whose newest page is over three years old",
    gaps: "Running offers covering the municipality with no contact point for it",
    no_gaps: "none",
};

/// Prints the figures, and with `--kommune` the municipality's gaps.
pub fn run(ctx: &Context, args: &StatsArgs) -> Outcome {
    let loaded = ctx.load_catalogue()?;
    let catalogue = &loaded.catalogue;
    let mut reader = super::flags::FlagReader::new(catalogue, ctx.lang);
    let chosen = match &args.municipality {
        Some(value) => reader
            .municipalities(std::slice::from_ref(value))?
            .into_iter()
            .next(),
        None => None,
    };
    reader.print_notes();
    let figures = stats(catalogue, Date::today());
    let text = report(catalogue, &figures, chosen.as_deref(), ctx.lang);
    print_stdout(&text)
}

/// A catalogue text as it may be printed to a terminal. (Ids are checked
/// to be `[a-z0-9-]+` when the catalogue is loaded.)
fn safe(text: &str) -> String {
    crate::text::terminal_safe(text).into_owned()
}

/// `n/N (p %)`.
fn share(n: usize, of: usize) -> String {
    let percent = (100 * n + of / 2).checked_div(of).unwrap_or(0);
    format!("{n}/{of} ({percent} %)")
}

/// The report as text.
fn report(catalogue: &Catalogue, figures: &Stats, chosen: Option<&str>, lang: Lang) -> String {
    let labels = if lang.is_english() { &EN } else { &DA };
    let mut out = format!("{}:\n", labels.by_kind_status);
    out.push_str(&format!("  {:<13}", ""));
    for status in Status::ALL {
        out.push_str(&format!("{:>12}", status.id()));
    }
    out.push_str(&format!("{:>8}\n", labels.total));
    for (kind, row) in Kind::ALL.iter().zip(&figures.by_kind_status) {
        out.push_str(&format!("  {:<13}", kind.id()));
        for n in row {
            out.push_str(&format!("{n:>12}"));
        }
        out.push_str(&format!("{:>8}\n", row.iter().sum::<usize>()));
    }
    let running = figures.running.len();
    let listed = |ids: &[String]| {
        if ids.is_empty() {
            String::new()
        } else {
            format!("\n    {}: {}", labels.without, ids.join(", "))
        }
    };
    out.push_str(&format!(
        "\n{}: {running}\n  {} {}{}\n  {} {}{}\n  {} {}{}\n",
        labels.running,
        labels.with_any_point,
        share(running - figures.running_without_any_point.len(), running),
        listed(&figures.running_without_any_point),
        labels.with_point,
        share(running - figures.running_without_point.len(), running),
        listed(&figures.running_without_point),
        labels.with_reach,
        share(running - figures.running_without_reach.len(), running),
        listed(&figures.running_without_reach),
    ));
    let all = figures.reachable.len() + figures.unreachable.len();
    out.push_str(&format!(
        "\n{}: {}{}\n",
        labels.reachable,
        share(figures.reachable.len(), all),
        listed(&figures.unreachable),
    ));
    out.push_str(&format!("\n{}: {}\n", labels.old, figures.old.len()));
    for (id, index, organisation, year) in &figures.old {
        let organisation = safe(organisation);
        out.push_str(&format!(
            "  {id} contacts[{index}] {organisation} ({year})\n"
        ));
    }
    if let Some(municipality) = chosen {
        let name = safe(catalogue.municipality_name(municipality));
        let gaps = gaps(catalogue, municipality);
        out.push_str(&format!("\n{} ({name}): ", labels.gaps));
        if gaps.is_empty() {
            out.push_str(labels.no_gaps);
            out.push('\n');
        } else {
            out.push_str(&format!("{}\n", gaps.len()));
            for id in gaps {
                let entry = catalogue.find(&id).map_or("", |e| e.name.as_str());
                out.push_str(&format!("  {id}  {}\n", safe(entry)));
            }
        }
    }
    out
}
