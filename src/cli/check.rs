//! `indsats check [PATH]`: validate a catalogue and list every problem.

use std::path::Path;

use super::args::CheckArgs;
use super::{Context, Outcome, print_stdout};
use crate::catalogue::local::{LocalInfo, load_local, local_path, merge};
use crate::catalogue::{Catalogue, load};
use crate::text::escaped;

/// Validates the named file, or the catalogue the app would use together with
/// its local catalogue; with `--local PATH`, that file as a local catalogue.
pub fn run(ctx: &Context, args: &CheckArgs) -> Outcome {
    if let (Some(path), false) = (&args.path, args.local) {
        let catalogue = load::load_file(path)?;
        return print_stdout(&format!("{}: {}\n", shown(path), summary(&catalogue)));
    }
    let loaded = load::load(load::resolve_origin(ctx.catalogue.as_deref()))?;
    let mut catalogue = loaded.catalogue;
    let mut out = format!(
        "{}: {}\n",
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
        let info = check_local(&mut catalogue, &path)?;
        out.push_str(&format!("{}: {}\n", shown(&path), local_summary(&info)));
        out.push_str(&format!("merged: {}\n", summary(&catalogue)));
    }
    print_stdout(&out)
}

fn check_local(catalogue: &mut Catalogue, path: &Path) -> Result<LocalInfo, super::Failure> {
    let file = load_local(path, &catalogue.vocabularies)?;
    Ok(merge(catalogue, file, path.to_owned()))
}

/// A file name as printed: anything that could steer the terminal escaped.
fn shown(path: &Path) -> String {
    escaped(&path.display().to_string())
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
    format!(
        "local catalogue, {} initiatives ({} added, {} replacing an entry): ok",
        info.ids.len(),
        info.added,
        info.replaced
    )
}
