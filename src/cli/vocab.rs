//! `indsats vocab [--json]`: the filter values, a section per facet with a
//! list of values ([`crate::search::facets::FACETS`]), in the order of the
//! flags in `indsats search --help`.

use serde_json::{Value, json};

use super::args::{VocabArgs, flag_order};
use super::{Context, Failure, Outcome, print_stdout};
use crate::catalogue::Catalogue;
use crate::i18n::Lang;
use crate::search::facets::{FacetSpec, Source};

/// Prints municipalities, target groups, themes, statuses and kinds.
pub fn run(ctx: &Context, args: &VocabArgs) -> Outcome {
    let loaded = ctx.load_catalogue()?;
    let catalogue = &loaded.catalogue;
    let facets = flag_order()
        .into_iter()
        .map(|facet| facet.spec())
        .filter(|spec| spec.values().is_some());
    if args.json {
        let value: serde_json::Map<String, Value> = facets
            .map(|spec| (spec.key.to_owned(), json_values(spec, catalogue)))
            .collect();
        let text = crate::charrules::to_safe_json(&Value::Object(value))
            .map_err(|err| Failure::new(2, format!("cannot write JSON: {err}")))?;
        return print_stdout(&format!("{text}\n"));
    }
    let mut out = String::new();
    for spec in facets {
        let Some(values) = spec.values() else {
            continue;
        };
        let rows = spec.choices(catalogue, ctx.lang);
        let id_width = rows.iter().map(|c| c.id.len()).max().unwrap_or(0);
        let title = values.heading.get(ctx.lang);
        // The flag as the Danish alias names it, in either language.
        let flag = spec.flag.name(Lang::Da);
        out.push_str(&format!("{title} ({flag}):\n"));
        for choice in rows {
            let label = crate::text::terminal_safe(&choice.label);
            out.push_str(&format!("  {:<id_width$}  {label}\n", choice.id));
        }
        out.push('\n');
    }
    print_stdout(out.trim_end_matches('\n'))?;
    print_stdout("\n")
}

/// A facet's values as JSON: the vocabulary's own entries (with their
/// keywords and aliases), or each fixed value's id and labels.
fn json_values(spec: &FacetSpec, catalogue: &Catalogue) -> Value {
    let vocab = &catalogue.vocabularies;
    match spec.values().map(|v| v.source) {
        Some(Source::Municipalities) => json!(vocab.municipalities),
        Some(Source::Terms(terms)) => json!(terms(vocab)),
        Some(Source::Fixed(list)) => list(Lang::Da)
            .into_iter()
            .zip(list(Lang::En))
            .map(|((id, label), (_, label_en))| {
                json!({ "id": id, "label": label, "label_en": label_en })
            })
            .collect(),
        None => Value::Null,
    }
}
