//! Drawing the app: pure `view` functions and the UI text.

pub mod strings;
