//! `indsats check [PATH]`: validate a catalogue and list every problem.

use std::path::Path;

use super::args::CheckArgs;
use super::{Context, Outcome, print_stdout};
use crate::catalogue::local::{LocalInfo, load_local, local_path, merge};
use crate::catalogue::{Catalogue, contacts, load};
use crate::text::escaped;

/// Validates the named file, or the catalogue the app would use together with
/// its local catalogue; with `--local PATH`, that file as a local catalogue.
/// A file is validated whoever wrote it; a line first says when the app
/// would not read it where it is (README, "What is trusted on a shared server").
pub fn run(ctx: &Context, args: &CheckArgs) -> Outcome {
    if let (Some(path), false) = (&args.path, args.local) {
        print_stdout(&trust_line(ctx, path))?;
        let (catalogue, mut warnings) = load::load_file_checked(path)?;
        warnings.extend(old_contacts(&path.display().to_string(), &catalogue));
        return print_stdout(&format!(
            "{}{}: {}\n",
            warning_lines(&warnings),
            shown(path),
            summary(&catalogue)
        ));
    }
    let origin = load::resolve_origin(ctx.catalogue.as_deref());
    if let Some(path) = origin.path() {
        print_stdout(&trust_line(ctx, path))?;
    }
    let (loaded, mut warnings) = load::load_checked(origin)?;
    warnings.extend(old_contacts(
        &loaded.origin.display_name(),
        &loaded.catalogue,
    ));
    let mut catalogue = loaded.catalogue;
    let mut out = format!(
        "{}{}: {}\n",
        warning_lines(&warnings),
        escaped(&loaded.origin.display_name()),
        summary(&catalogue)
    );
    let local = if args.local {
        args.path.clone()
    } else {
        local_path()
    };
    if let Some(path) = local {
        // Print what is already known to be fine before the local file's problems.
        print_stdout(&out)?;
        out.clear();
        print_stdout(&trust_line(ctx, &path))?;
        let info = check_local(&mut catalogue, &path)?;
        out.push_str(&format!("{}: {}\n", shown(&path), local_summary(&info)));
        out.push_str(&format!("merged: {}\n", summary(&catalogue)));
    }
    print_stdout(&out)
}

fn check_local(catalogue: &mut Catalogue, path: &Path) -> Result<LocalInfo, super::Failure> {
    let mut file = load_local(path, &catalogue.vocabularies)?;
    print_stdout(&warning_lines(&std::mem::take(&mut file.warnings)))?;
    Ok(merge(catalogue, file, path.to_owned())?)
}

/// "PATH: appen ville ikke læse denne fil her: andre kan skrive i mappen
/// (/x)" when the app would pass over the file where it is; else nothing.
fn trust_line(ctx: &Context, path: &Path) -> String {
    let s = ctx.lang.strings();
    match crate::secure_file::distrust_of(path) {
        Ok(Some(why)) => format!(
            "{}: {}: {}\n",
            shown(path),
            s.would_not_read,
            escaped(&s.why_at(&load::Why::Untrusted(why)))
        ),
        // Trusted, or not there to read: the check says the rest.
        Ok(None) | Err(_) => String::new(),
    }
}

/// A file name as printed: anything that could steer the terminal escaped.
fn shown(path: &Path) -> String {
    escaped(&path.display().to_string())
}

/// One line per warning (escaped like every problem), before the ok line.
fn warning_lines(warnings: &[crate::catalogue::Problem]) -> String {
    warnings.iter().map(|w| format!("{w}\n")).collect()
}

/// Warnings for contact points whose newest page is over three years old:
/// they may have moved or closed, so someone should look again.
fn old_contacts(path: &str, catalogue: &Catalogue) -> Vec<crate::catalogue::Problem> {
    let today = crate::date::Date::today();
    let mut warnings = Vec::new();
    for entry in &catalogue.initiatives {
        for (i, contact) in entry.contacts.iter().enumerate() {
            if let Some(year) = contacts::old_source_year(entry, contact, today) {
                warnings.push(crate::catalogue::Problem::Content {
                    path: path.to_owned(),
                    initiative: None,
                    field: String::new(),
                    message: format!(
                        "warning: initiative '{}': contacts[{i}]: the newest source for this contact point is from {year}, more than {} years ago; check that it still holds",
                        entry.id,
                        contacts::OLD_SOURCE_YEARS
                    ),
                });
            }
        }
    }
    warnings
}

/// The one-line summary of a valid catalogue.
pub fn summary(catalogue: &Catalogue) -> String {
    let v = &catalogue.vocabularies;
    format!(
        "{} initiatives, {} municipalities, {} themes, {} target groups, updated {}: ok",
        catalogue.initiatives.len(),
        v.municipalities.len(),
        v.themes.len(),
        v.target_groups.len(),
        catalogue.updated
    )
}

/// The one-line summary of a valid local catalogue.
pub fn local_summary(info: &LocalInfo) -> String {
    let patched = match info.patched {
        0 => String::new(),
        n => format!(", {n} patched"),
    };
    format!(
        "local catalogue, {} initiatives ({} added, {} replacing an entry{patched}): ok",
        info.ids.len(),
        info.added,
        info.replaced,
    )
}
