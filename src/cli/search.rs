//! `indsats search [QUERY…] [filters] [--limit N] [--wide | --json]`:
//! ranked results on stdout, one line per hit that fits the terminal (see
//! [`super::rows`]).
//!
//! Exit codes: 0 with results, 1 when nothing matched (nothing on stdout, a
//! short note on stderr), 2 for a usage error (an unknown filter value) or an
//! unreadable catalogue.

use std::io::IsTerminal;

use serde_json::{Value, json};

use super::args::{SearchArgs, flag_order};
use super::flags::FlagReader;
use super::rows::{Layout, MIN_WIDTH, PIPE_WIDTH, Rows};
use super::{Context, Failure, Outcome, print_stdout, print_with};
use crate::catalogue::Catalogue;
use crate::i18n::Lang;
use crate::search::facets::Facet;
use crate::search::understand::Understood;
use crate::search::{DETAILED_HITS, Filters, Results, SearchIndex};
use crate::text::terminal_safe;

/// Runs the search and prints the results.
pub fn run(ctx: &Context, args: &SearchArgs) -> Outcome {
    let (loaded, index) = ctx.load_indexed()?;
    let catalogue = &loaded.catalogue;
    let mut reader = FlagReader::new(catalogue, ctx.lang);
    let flags = reader.filters(args)?;
    // What the flags were read as, when a slip was forgiven (stderr).
    reader.print_notes();
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
        let layout = if args.wide {
            Layout::Wide
        } else {
            Layout::Fit(output_width())
        };
        let rows = Rows {
            catalogue,
            results: &results,
            limit,
            lang: ctx.lang,
            layout,
            chosen: &filters.municipalities,
        };
        print_with(|out| rows.write(out))
    };
    // The process ends next: freeing a large catalogue and index piece by
    // piece would only delay the exit (about 0.1 s at 100,000 entries).
    std::mem::forget((loaded, index, results));
    outcome
}

/// The terminal's width when stdout is one, else [`PIPE_WIDTH`].
fn output_width() -> usize {
    std::io::stdout()
        .is_terminal()
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map_or(PIPE_WIDTH, |(cols, _)| usize::from(cols).max(MIN_WIDTH))
}

fn no_match(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "ingen indsatser passer på søgningen",
        Lang::En => "no initiatives match the search",
    }
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
    let mut parts = Vec::new();
    let name = |facet: Facet| facet.spec().name.get(lang).to_lowercase();
    for id in understood.municipalities() {
        parts.push(format!(
            "{}: {}",
            name(Facet::Municipality),
            catalogue.municipality_name(id)
        ));
    }
    if let Some(age) = understood.age() {
        parts.push(format!("{}: {age}", name(Facet::Age)));
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
        let values = results.hits[..detailed]
            .iter()
            .cloned()
            .chain(rest)
            .map(|hit| {
                let entry = &self.catalogue.initiatives[hit.index];
                json!({
                    "id": entry.id,
                    "name": entry.name,
                    "summary": entry.summary,
                    "status": entry.status,
                    "kind": entry.kind,
                    "score": hit.score,
                    "way_in": hit.way_in(),
                    "matched_fields": matched_fields(&hit),
                })
            });
        serializer.collect_seq(values)
    }
}

/// The filters as JSON: each facet's chosen ids under its key, in the order
/// of the flags in `--help`, then the age.
fn filters_json(filters: &Filters) -> Value {
    let mut map: serde_json::Map<String, Value> = flag_order()
        .into_iter()
        .map(Facet::spec)
        .filter(|spec| spec.values().is_some())
        .map(|spec| (spec.key.to_owned(), json!(spec.chosen(filters))))
        .collect();
    map.insert(Facet::Age.spec().key.to_owned(), json!(filters.age));
    Value::Object(map)
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
        filters: filters_json(filters),
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
