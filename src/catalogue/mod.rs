//! The catalogue of initiatives: model, loading, validation and look-ups.

pub mod contacts;
pub mod limits;
pub mod load;
pub mod local;
pub mod lookup;
pub mod model;
mod objects;
pub mod problem;
pub mod stats;
pub mod validate;

pub use load::{LoadError, Loaded, Origin};
pub use model::{
    AgeRange, Area, Catalogue, Contact, Initiative, Kind, Maintainer, Municipality, Scope, Source,
    Status, Term, Vocabularies,
};
pub use problem::Problem;
