//! `indsats show ID [--kommune M] [--json | --correction]`: one initiative,
//! every section; with `--kommune`, a warning on stderr when the entry is
//! not offered in that municipality.

use std::collections::BTreeSet;

use super::args::ShowArgs;
use super::flags::FlagReader;
use super::{Context, Failure, Outcome, print_stdout};
use crate::catalogue::stats::covers;
use crate::catalogue::{Catalogue, Initiative};
use crate::date::Date;
use crate::i18n::Lang;
use crate::report::{TEXT_WIDTH, entry_text};

/// Prints the entry, or fails with exit 1 and the closest ids.
pub fn run(ctx: &Context, args: &ShowArgs) -> Outcome {
    let loaded = ctx.load_catalogue()?;
    let catalogue = &loaded.catalogue;
    let Some(entry) = catalogue.find(&args.id) else {
        let strings = ctx.lang.strings();
        let mut message = format!("{} '{}'", strings.unknown_id, args.id);
        let close = closest_ids(catalogue, &args.id, 3);
        if !close.is_empty() {
            message = format!("{message}; {}: {}", strings.did_you_mean, close.join(", "));
        }
        return Err(Failure::new(1, message));
    };
    let mut reader = FlagReader::new(catalogue, ctx.lang);
    let chosen = reader.municipalities(&args.municipality)?;
    reader.print_notes();
    if let Some(warning) = not_covered(catalogue, entry, &chosen, ctx.lang) {
        eprintln!("{}", crate::text::escaped(&warning));
    }
    if args.correction {
        return print_stdout(&crate::report::correction_text(catalogue, entry, ctx.lang));
    }
    if args.json {
        let text = crate::charrules::to_safe_json(entry)
            .map_err(|err| Failure::new(2, format!("cannot write JSON: {err}")))?;
        return print_stdout(&format!("{text}\n"));
    }
    let mut text = entry_text(
        catalogue,
        entry,
        ctx.lang,
        TEXT_WIDTH,
        Date::today(),
        &chosen,
    );
    if let Some(local) = loaded.local.as_ref().filter(|l| l.ids.contains(&entry.id)) {
        let from = ctx.lang.strings().from_local;
        let path = crate::text::escaped(&local.path.display().to_string());
        text.push_str(&format!("{from}: {path}\n"));
    }
    print_stdout(&text)
}

/// "fgu-skive dækker ikke Herning": the chosen municipalities `entry` is
/// not offered in (by the area rule of [`covers`]), or `None` when it
/// covers them all.
pub fn not_covered(
    catalogue: &Catalogue,
    entry: &Initiative,
    chosen: &BTreeSet<String>,
    lang: Lang,
) -> Option<String> {
    let missing: Vec<&str> = chosen
        .iter()
        .filter(|id| !covers(entry, id))
        .map(|id| catalogue.municipality_name(id))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let strings = lang.strings();
    Some(format!(
        "{} {} {}",
        entry.id,
        strings.does_not_cover,
        missing.join(", ")
    ))
}

/// Up to `limit` ids closest to `wanted`: ids containing it (or contained in it)
/// first, then by edit distance, then alphabetically.
pub fn closest_ids(catalogue: &Catalogue, wanted: &str, limit: usize) -> Vec<String> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(usize, &str)> = catalogue
        .initiatives
        .iter()
        .filter_map(|entry| {
            let id = entry.id.as_str();
            let name = entry.name.to_lowercase();
            if id.contains(&wanted) || name.contains(&wanted) || wanted.contains(id) {
                return Some((0, id));
            }
            let within = (id.len().max(wanted.len()) / 2).max(2);
            // The edit distance is at least the difference in length, and
            // costs the product of the lengths: not computed when too far.
            if id.chars().count().abs_diff(wanted.chars().count()) > within {
                return None;
            }
            let distance = strsim::levenshtein(id, &wanted);
            (distance <= within).then_some((1 + distance, id))
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(limit)
        .map(|(_, id)| id.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{closest_ids, not_covered};
    use crate::catalogue::load::{Origin, load};
    use crate::i18n::Lang;

    #[test]
    fn an_entry_warns_about_the_municipalities_it_does_not_cover() {
        let catalogue = load(Origin::Bundled).unwrap().catalogue;
        let entry = catalogue.find("fgu-skolen").expect("fgu-skolen");
        let chosen = |ids: &[&str]| ids.iter().map(|id| (*id).to_owned()).collect();
        assert_eq!(
            not_covered(&catalogue, entry, &chosen(&["herning", "skive"]), Lang::Da).as_deref(),
            Some("fgu-skolen dækker ikke Herning")
        );
        assert_eq!(
            not_covered(&catalogue, entry, &chosen(&["aarhus", "herning"]), Lang::En).as_deref(),
            Some("fgu-skolen does not cover Aarhus, Herning")
        );
        assert_eq!(
            not_covered(&catalogue, entry, &chosen(&["skive"]), Lang::Da),
            None
        );
        assert_eq!(not_covered(&catalogue, entry, &chosen(&[]), Lang::Da), None);
    }

    #[test]
    fn close_ids_come_first() {
        let catalogue = load(Origin::Bundled).unwrap().catalogue;
        assert_eq!(closest_ids(&catalogue, "ips-unge", 1), ["ips-ung"]);
        assert!(closest_ids(&catalogue, "fgu-skole", 3).contains(&"fgu-skolen".to_owned()));
        assert!(closest_ids(&catalogue, "zzzzzzzzzzzzzzzz", 3).is_empty());
    }
}
