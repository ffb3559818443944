//! The UI text moved to the leaf module [`crate::i18n`]; this path stays for
//! callers that still name it.

pub use crate::i18n::{DA, EN, Lang, Strings};
