//! `indsats show ID [--json]`: one initiative, every section.

use super::args::ShowArgs;
use super::{Context, Failure, Outcome, print_stdout};
use crate::catalogue::Catalogue;
use crate::date::Date;
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
    if args.json {
        let text = crate::charrules::to_safe_json(entry)
            .map_err(|err| Failure::new(2, format!("cannot write JSON: {err}")))?;
        return print_stdout(&format!("{text}\n"));
    }
    let mut text = entry_text(catalogue, entry, ctx.lang, TEXT_WIDTH, Date::today());
    if let Some(local) = loaded.local.as_ref().filter(|l| l.ids.contains(&entry.id)) {
        let from = ctx.lang.strings().from_local;
        let path = crate::text::escaped(&local.path.display().to_string());
        text.push_str(&format!("{from}: {path}\n"));
    }
    print_stdout(&text)
}

/// Up to `limit` ids closest to `wanted`: ids containing it (or contained in it)
/// first, then by edit distance, then alphabetically.
pub fn closest_ids(catalogue: &Catalogue, wanted: &str, limit: usize) -> Vec<String> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(usize, &str)> = catalogue
        .initiatives
        .iter()
        .map(|entry| {
            let id = entry.id.as_str();
            let name = entry.name.to_lowercase();
            let score = if id.contains(&wanted) || name.contains(&wanted) || wanted.contains(id) {
                0
            } else {
                1 + edit_distance(id, &wanted)
            };
            (score, id)
        })
        .filter(|&(score, id)| score <= 1 + (id.len().max(wanted.len()) / 2).max(2))
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(limit)
        .map(|(_, id)| id.to_owned())
        .collect()
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("ips-ung", "ips-ung"), 0);
        assert_eq!(edit_distance("ips-ung", "ips-unge"), 1);
        assert_eq!(edit_distance("fgu", "fug"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
