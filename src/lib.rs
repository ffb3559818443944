//! indsats: a keyboard-driven terminal directory of initiatives for young people
//! outside education and employment in Region Midtjylland.
//!
//! The library holds everything the binary does, so it can be tested without a
//! terminal: the catalogue (model, loading, validation), search, the app's pure
//! `update`/`view`, and the non-interactive commands.

pub mod app;
pub mod catalogue;
pub mod charrules;
pub mod cli;
pub mod date;
pub mod fold;
pub mod i18n;
pub mod json_keys;
pub mod loading;
pub mod process;
pub mod progress;
pub mod report;
pub mod search;
pub mod secure_file;
pub mod store;
pub mod store_error;
pub mod store_merge;
pub mod term;
pub mod text;
pub mod threads;
pub mod tui;
pub mod ui;
