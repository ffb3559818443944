//! The interactive app: event loop tying terminal input to `update` and `view`.

use crate::cli::{Context, Outcome};

/// Starts the interactive app.
pub fn run(ctx: &Context) -> Outcome {
    let loaded = ctx.load_catalogue()?;
    crate::cli::print_stdout(&format!(
        "{}: {} initiatives (the interactive app is not built yet)\n",
        loaded.catalogue.title,
        loaded.catalogue.initiatives.len()
    ))
}
