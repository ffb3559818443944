//! `indsats check [PATH]`: validate a catalogue and list every problem.

use super::args::CheckArgs;
use super::{Context, Outcome, print_stdout};
use crate::catalogue::{Catalogue, load};

/// Validates the named file, or the catalogue the app would use.
pub fn run(ctx: &Context, args: &CheckArgs) -> Outcome {
    let (name, catalogue) = match &args.path {
        Some(path) => (path.display().to_string(), load::load_file(path)?),
        None => {
            let loaded = ctx.load_catalogue()?;
            (loaded.origin.display_name(), loaded.catalogue)
        }
    };
    print_stdout(&format!("{name}: {}\n", summary(&catalogue)))
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
