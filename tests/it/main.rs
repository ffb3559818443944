//! Every integration test in one test binary: one link instead of one per
//! file, which matters on a two-core machine. Each file is a module named as
//! it was before (`cargo test --test it cli_check::` runs one of them).

mod common;
#[path = "../../benches/support/synthetic.rs"]
mod synthetic;

mod bundled_catalogue;
mod cli_broken_files;
mod cli_check;
mod cli_fit;
mod cli_search;
mod cli_show_vocab;
mod cli_stats;
mod e2e_findable;
mod e2e_loading;
mod e2e_meeting;
mod e2e_privacy;
mod e2e_pty;
mod e2e_signals;
mod e2e_terminal;
mod e2e_workflow;
mod escaped_output;
mod favourites_leftovers;
mod favourites_lock;
mod favourites_sessions;
mod hostile_files;
mod hostile_render;
mod local_catalogue;
mod long_words;
mod ranking_rules;
mod readme_keys;
mod relevance;
mod relevance_blind;
mod schema_agrees;
mod trust;
mod trust_users;
mod understanding;
mod validator_limits;
mod validator_props;
mod view_snapshots;
