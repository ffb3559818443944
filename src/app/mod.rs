//! The app's state and its pure `update`: input → [`Action`] → [`App::update`].

pub mod action;
pub mod focus;
pub mod keys;
pub mod state;
mod update;

pub use action::Action;
pub use focus::{Facet, Focus};
pub use state::{App, FacetValue};

#[cfg(test)]
mod tests;
