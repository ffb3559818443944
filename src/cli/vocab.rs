//! `indsats vocab [--json]`: the filter values.

use serde_json::json;

use super::args::VocabArgs;
use super::{Context, Failure, Outcome, print_stdout};
use crate::catalogue::{Kind, Status};

/// Prints themes, target groups, municipalities, statuses and kinds.
pub fn run(ctx: &Context, args: &VocabArgs) -> Outcome {
    let loaded = ctx.load_catalogue()?;
    let catalogue = &loaded.catalogue;
    let vocab = &catalogue.vocabularies;
    let strings = ctx.lang.strings();
    let english = ctx.lang.is_english();
    if args.json {
        let statuses: Vec<_> = Status::ALL
            .iter()
            .map(|&s| {
                json!({
                    "id": s.id(),
                    "label": crate::i18n::DA.status_label(s),
                    "label_en": crate::i18n::EN.status_label(s),
                })
            })
            .collect();
        let kinds: Vec<_> = Kind::ALL
            .iter()
            .map(|&k| {
                json!({
                    "id": k.id(),
                    "label": crate::i18n::DA.kind_label(k),
                    "label_en": crate::i18n::EN.kind_label(k),
                })
            })
            .collect();
        let value = json!({
            "themes": vocab.themes,
            "target_groups": vocab.target_groups,
            "municipalities": vocab.municipalities,
            "statuses": statuses,
            "kinds": kinds,
        });
        let text = crate::charrules::to_safe_json(&value)
            .map_err(|err| Failure::new(2, format!("cannot write JSON: {err}")))?;
        return print_stdout(&format!("{text}\n"));
    }
    let mut out = String::new();
    let mut section = |title: &str, flag: &str, rows: Vec<(&str, &str)>| {
        let id_width = rows.iter().map(|(id, _)| id.len()).max().unwrap_or(0);
        out.push_str(&format!("{title} ({flag}):\n"));
        for (id, label) in rows {
            let label = crate::text::terminal_safe(label);
            out.push_str(&format!("  {id:<id_width$}  {label}\n"));
        }
        out.push('\n');
    };
    section(
        strings.municipalities,
        "--kommune",
        vocab
            .municipalities
            .iter()
            .map(|m| (m.id.as_str(), m.name.as_str()))
            .collect(),
    );
    section(
        strings.target_groups,
        "--maalgruppe",
        vocab
            .target_groups
            .iter()
            .map(|t| (t.id.as_str(), t.label_in(english)))
            .collect(),
    );
    section(
        strings.themes,
        "--tema",
        vocab
            .themes
            .iter()
            .map(|t| (t.id.as_str(), t.label_in(english)))
            .collect(),
    );
    section(
        strings.status,
        "--status",
        Status::ALL
            .iter()
            .map(|&s| (s.id(), strings.status_label(s)))
            .collect(),
    );
    section(
        strings.kind,
        "--type",
        Kind::ALL
            .iter()
            .map(|&k| (k.id(), strings.kind_label(k)))
            .collect(),
    );
    print_stdout(out.trim_end_matches('\n'))?;
    print_stdout("\n")
}
