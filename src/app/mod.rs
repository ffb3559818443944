//! The app's state and its pure `update`: input → [`Action`] → [`App::update`].

pub mod action;
pub mod focus;
pub mod keys;
pub mod state;
mod update;
mod workflow;

pub use action::Action;
pub use focus::{Facet, Focus, ListView};
pub use state::{App, CopyChoice, Effect, FacetValue};

#[cfg(test)]
mod tests;
