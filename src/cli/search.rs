//! `indsats search [QUERY…] [filters] [--limit N] [--json]`: ranked results on stdout.
//!
//! Exit codes: 0 with results, 1 when nothing matched (nothing on stdout, a
//! short note on stderr), 2 for a usage error (an unknown filter value) or an
//! unreadable catalogue.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};

use serde_json::{Value, json};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::args::SearchArgs;
use super::{Context, Failure, Outcome, print_stdout, print_with};
use crate::catalogue::{Catalogue, Kind, Status};
use crate::i18n::{DA, EN, Lang};
use crate::search::fold::{fold, loose};
use crate::search::understand::Understood;
use crate::search::{DETAILED_HITS, Filters, Results, SearchIndex};
use crate::text::terminal_safe;

/// Widest the area column is padded to; longer areas push the summary along.
const AREA_COLUMN: usize = 28;

/// Runs the search and prints the results.
pub fn run(ctx: &Context, args: &SearchArgs) -> Outcome {
    let (loaded, index) = ctx.load_indexed()?;
    let catalogue = &loaded.catalogue;
    let flags = filters(catalogue, args)?;
    let query = args.query.join(" ");
    let understood = index.understand(&query);
    let filters = understood.filters(&flags);
    let results = index.search_understood(&understood, &flags);
    if !understood.chips.is_empty() && !args.json {
        // What the query was read as, before the results (stderr, so a pipe
        // of results stays clean).
        eprintln!("{}", recognised_line(catalogue, &understood, ctx.lang));
    }
    if !results.ignored.is_empty() {
        // The words left out, as the app's search line says (stderr).
        eprintln!("{}", ctx.lang.ignored_notice(&results.ignored));
    }
    let total = results.hits.len();
    if total == 0 {
        return Err(Failure::new(1, no_match(ctx.lang)));
    }
    let limit = args.limit.unwrap_or(usize::MAX).min(total);
    let outcome = if args.json {
        let hits = Hits {
            index: &index,
            results: &results,
            limit,
        };
        json_text(catalogue, &query, &filters, &understood, &hits)
            .and_then(|text| print_stdout(&text))
    } else {
        let width = std::io::stdout()
            .is_terminal()
            .then(|| crossterm::terminal::size().ok())
            .flatten()
            .map(|(cols, _)| usize::from(cols).max(20));
        let table = Table {
            catalogue,
            results: &results,
            limit,
            lang: ctx.lang,
            width,
            chosen: &filters.municipalities,
        };
        print_with(|out| table.write(out))
    };
    // The process ends next: freeing a large catalogue and index piece by
    // piece would only delay the exit (about 0.1 s at 100,000 entries).
    std::mem::forget((loaded, index, results));
    outcome
}

fn no_match(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "ingen indsatser passer på søgningen",
        Lang::En => "no initiatives match the search",
    }
}

/// Resolves `--municipality` values (id, name or alias, case- and
/// Danish-insensitively) to municipality ids; an unknown value is a usage error.
pub fn municipality_ids(
    catalogue: &Catalogue,
    values: &[String],
) -> Result<std::collections::BTreeSet<String>, Failure> {
    let candidates: Vec<Candidate> = catalogue
        .vocabularies
        .municipalities
        .iter()
        .map(|m| {
            Candidate::new(
                &m.id,
                std::iter::once(m.name.as_str()).chain(m.aliases.iter().map(String::as_str)),
            )
        })
        .collect();
    values
        .iter()
        .map(|value| resolve("municipality", value, &candidates))
        .collect()
}

/// Resolves the filter flags to vocabulary ids; an unknown value is a usage error.
pub fn filters(catalogue: &Catalogue, args: &SearchArgs) -> Result<Filters, Failure> {
    let vocab = &catalogue.vocabularies;
    let terms = |terms: &[crate::catalogue::Term]| -> Vec<Candidate> {
        terms
            .iter()
            .map(|t| Candidate::new(&t.id, [t.label.as_str(), t.label_in(true)]))
            .collect()
    };
    let statuses: Vec<Candidate> = Status::ALL
        .iter()
        .map(|&s| Candidate::new(s.id(), [DA.status_label(s), EN.status_label(s)]))
        .collect();
    let kinds: Vec<Candidate> = Kind::ALL
        .iter()
        .map(|&k| Candidate::new(k.id(), [DA.kind_label(k), EN.kind_label(k)]))
        .collect();
    let mut filters = Filters {
        age: args.age,
        ..Filters::default()
    };
    filters.municipalities = municipality_ids(catalogue, &args.municipality)?;
    for value in &args.target_group {
        filters.target_groups.insert(resolve(
            "target group",
            value,
            &terms(&vocab.target_groups),
        )?);
    }
    for value in &args.theme {
        filters
            .themes
            .insert(resolve("theme", value, &terms(&vocab.themes))?);
    }
    for value in &args.status {
        let id = resolve("status", value, &statuses)?;
        if let Some(status) = Status::from_id(&id) {
            filters.statuses.insert(status);
        }
    }
    for value in &args.kind {
        let id = resolve("kind", value, &kinds)?;
        if let Some(kind) = Kind::from_id(&id) {
            filters.kinds.insert(kind);
        }
    }
    Ok(filters)
}

/// A filter value a flag may name: its id and the keys it is known by.
struct Candidate {
    id: String,
    /// Strict folded keys of the id and names.
    strict: Vec<String>,
    /// Loose keys of the same.
    loose: Vec<String>,
}

impl Candidate {
    fn new<'a>(id: &'a str, names: impl IntoIterator<Item = &'a str>) -> Candidate {
        let strict: Vec<String> = std::iter::once(id)
            .chain(names)
            .map(|s| fold(s.trim()))
            .collect();
        let loose = strict.iter().map(|s| loose(s)).collect();
        Candidate {
            id: id.to_owned(),
            strict,
            loose,
        }
    }
}

/// The id of the candidate `value` names, case- and Danish-insensitively
/// (`ringkobing-skjern`, `Ringkøbing-Skjern` and `ringkoebing-skjern` are
/// one); a strict match wins over a loose one.
fn resolve(kind: &str, value: &str, candidates: &[Candidate]) -> Result<String, Failure> {
    let strict = fold(value.trim());
    let lkey = loose(&strict);
    candidates
        .iter()
        .find(|c| c.strict.contains(&strict))
        .or_else(|| candidates.iter().find(|c| c.loose.contains(&lkey)))
        .map(|c| c.id.clone())
        .ok_or_else(|| {
            let valid: Vec<&str> = candidates.iter().map(|c| c.id.as_str()).collect();
            Failure::usage(format!(
                "unknown {kind} '{}'; valid values: {}",
                value,
                valid.join(", ")
            ))
        })
}

/// Why a hit matched: its fields (`name`, `summary` …), a target group or
/// theme reached through a keyword as `target_group:psykisk via "angst"`.
fn matched_fields(hit: &crate::search::Hit) -> Vec<String> {
    let mut out = Vec::new();
    for field in hit.matched_fields() {
        let name = serde_json::to_value(field)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let via: Vec<String> = hit
            .via()
            .iter()
            .filter(|v| v.field == *field)
            .map(|v| format!("{name}:{} via \"{}\"", v.id, v.word))
            .collect();
        if via.is_empty() {
            out.push(name);
        } else {
            out.extend(via);
        }
    }
    out
}

/// "kommune: Skive · alder: 17": the filters read from the query words.
fn recognised_line(catalogue: &Catalogue, understood: &Understood, lang: Lang) -> String {
    let s = lang.strings();
    let mut parts = Vec::new();
    for id in understood.municipalities() {
        parts.push(format!(
            "{}: {}",
            s.facet_names[0].to_lowercase(),
            catalogue.municipality_name(id)
        ));
    }
    if let Some(age) = understood.age() {
        parts.push(format!("{}: {age}", s.age.to_lowercase()));
    }
    terminal_safe(&parts.join(" · ")).into_owned()
}

/// The hits to write as JSON: the first `limit` of `results`.
struct Hits<'a> {
    index: &'a SearchIndex,
    results: &'a Results,
    limit: usize,
}

/// How many hits below the best [`DETAILED_HITS`] get their match details
/// at a time for JSON (each pass costs about one search; the details are
/// dropped after each, so they never take memory for 100,000 hits at once).
const DETAILS_WINDOW: usize = 10_000;

/// The JSON document, written field by field as declared.
#[derive(serde::Serialize)]
struct JsonDocument<'a> {
    query: &'a str,
    filters: Value,
    recognised: Value,
    /// The query's words that matched nothing and were left out.
    ignored: &'a [String],
    total: usize,
    results: JsonHits<'a>,
}

/// The `results` array, each hit made and written in turn: building all of
/// them first took about 100 MB more at 100,000 hits.
struct JsonHits<'a> {
    catalogue: &'a Catalogue,
    hits: &'a Hits<'a>,
    text: &'a str,
}

impl serde::Serialize for JsonHits<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Hits {
            index,
            results,
            limit,
        } = *self.hits;
        let detailed = limit.min(DETAILED_HITS);
        // The search gives why only for its best hits; JSON says it for all.
        let rest = results.hits[detailed..limit]
            .chunks(DETAILS_WINDOW)
            .flat_map(|window| {
                let mut window = window.to_vec();
                index.fill_details(self.text, &mut window);
                window
            });
        let mut failed = None;
        let values = results.hits[..detailed]
            .iter()
            .cloned()
            .chain(rest)
            .map_while(|hit| {
                let entry = &self.catalogue.initiatives[hit.index];
                let summary = entry
                    .summary
                    .text()
                    .map_err(|err| failed = Some(err))
                    .ok()?;
                Some(json!({
                    "id": entry.id,
                    "name": entry.name,
                    "summary": summary,
                    "status": entry.status,
                    "kind": entry.kind,
                    "score": hit.score,
                    "way_in": hit.way_in(),
                    "matched_fields": matched_fields(&hit),
                }))
            });
        let written = serializer.collect_seq(values)?;
        match failed {
            Some(err) => Err(serde::ser::Error::custom(err)),
            None => Ok(written),
        }
    }
}

fn json_text(
    catalogue: &Catalogue,
    query: &str,
    filters: &Filters,
    understood: &Understood,
    hits: &Hits,
) -> Result<String, Failure> {
    let document = JsonDocument {
        query,
        filters: json!({
            "municipalities": filters.municipalities,
            "target_groups": filters.target_groups,
            "themes": filters.themes,
            "statuses": filters.statuses,
            "kinds": filters.kinds,
            "age": filters.age,
        }),
        recognised: json!({
            "municipalities": understood.municipalities(),
            "age": understood.age(),
            "text": understood.text,
        }),
        ignored: &hits.results.ignored,
        total: hits.results.hits.len(),
        results: JsonHits {
            catalogue,
            hits,
            text: &understood.text,
        },
    };
    let mut text = crate::charrules::to_safe_json(&document).map_err(|err| {
        let message = if err.is_data() {
            err.to_string()
        } else {
            format!("cannot write JSON: {err}")
        };
        Failure::new(2, message)
    })?;
    text.push('\n');
    Ok(text)
}

/// The plain results: one line per result, name, status, area and summary
/// in aligned columns; cut to `width` columns when given (stdout is a
/// terminal).
struct Table<'a> {
    catalogue: &'a Catalogue,
    results: &'a Results,
    limit: usize,
    lang: Lang,
    width: Option<usize>,
    chosen: &'a std::collections::BTreeSet<String>,
}

impl Table<'_> {
    /// Writes the table line by line: the column widths first, then each
    /// line (at 100,000 results the lines are never all held at once).
    fn write(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let hits = &self.results.hits[..self.limit];
        let strings = self.lang.strings();
        let areas: Vec<String> = hits
            .iter()
            .map(|hit| {
                let area = &self.catalogue.initiatives[hit.index].area;
                let text = crate::report::area_short(self.catalogue, area, self.lang, self.chosen);
                terminal_safe(&text).into_owned()
            })
            .collect();
        // The general way in says so in place of its status.
        let label = |entry, hit: &crate::search::Hit| strings.hit_label(entry, hit.way_in());
        let mut widths = [0usize; 3];
        for (hit, area) in hits.iter().zip(&areas) {
            let entry = &self.catalogue.initiatives[hit.index];
            let cells = [&*entry.name, label(entry, hit), area];
            for (w, cell) in widths.iter_mut().zip(cells) {
                *w = (*w).max(cell.width());
            }
        }
        widths[2] = widths[2].min(AREA_COLUMN);
        let mut line = String::new();
        for (hit, area) in hits.iter().zip(&areas) {
            let entry = &self.catalogue.initiatives[hit.index];
            line.clear();
            let name = terminal_safe(&entry.name);
            for (cell, &w) in [&*name, label(entry, hit), area].iter().zip(&widths) {
                line.push_str(cell);
                let pad = w.saturating_sub(cell.width()) + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
            line.push_str(&terminal_safe(
                &entry.summary.text_or(strings.unreadable_text),
            ));
            let shown = match self.width {
                Some(width) => truncate(&line, width),
                None => Cow::Borrowed(line.as_str()),
            };
            out.write_all(shown.trim_end().as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// `text` cut to at most `width` display columns, ending in `…` when cut.
fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    if text.width() <= width {
        return Cow::Borrowed(text);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("Østjylland", 20), "Østjylland");
        assert_eq!(truncate("Østjylland", 5), "Østj…");
        assert_eq!(truncate("日本語日本語", 5), "日本…");
        assert_eq!(truncate("abc", 3), "abc");
    }

    #[test]
    fn flag_values_resolve_danish_insensitively() {
        let candidates = vec![
            Candidate::new("ringkobing-skjern", ["Ringkøbing-Skjern"]),
            Candidate::new("aarhus", ["Aarhus"]),
        ];
        for value in [
            "ringkobing-skjern",
            "Ringkøbing-Skjern",
            "ringkoebing-skjern",
            " RINGKØBING-SKJERN ",
        ] {
            assert_eq!(
                resolve("municipality", value, &candidates).ok().as_deref(),
                Some("ringkobing-skjern"),
                "{value}"
            );
        }
        assert_eq!(
            resolve("municipality", "Århus", &candidates)
                .ok()
                .as_deref(),
            Some("aarhus")
        );
        let err = resolve("municipality", "x", &candidates)
            .err()
            .map(|f| f.lines.join("\n"));
        assert_eq!(
            err.as_deref(),
            Some("indsats: unknown municipality 'x'; valid values: ringkobing-skjern, aarhus")
        );
    }
}
