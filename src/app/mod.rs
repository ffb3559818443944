//! The app's state and its pure `update`: input → [`Action`] → [`App::update`].
//!
//! The state is split in four ([`state`]): the search, the view, the meeting
//! and the outbox. Keys come from the one table in [`keymap`]. Nothing here
//! knows the terminal or the view: the event loop hands back what the last
//! draw measured ([`Measured`]).

pub mod action;
pub mod chips;
pub mod focus;
pub mod keymap;
pub mod keys;
pub mod line;
pub mod mode;
mod picker;
pub mod state;
mod update;
mod workflow;

pub use action::Action;
pub use chips::{FilterChip, FilterValue};
pub use focus::{Facet, Focus, ListView};
pub use mode::Mode;
pub use state::{App, CopyChoice, CopyMenu, Effect, FacetValue, Measured, Picker};

#[cfg(test)]
mod tests;
