//! `indsats search`: ranked results on stdout.

use super::args::SearchArgs;
use super::{Context, Failure, Outcome};

/// Runs a search (not built yet).
pub fn run(_ctx: &Context, _args: &SearchArgs) -> Outcome {
    Err(Failure::usage("search is not available yet"))
}
