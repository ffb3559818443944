//! Look-ups on a loaded catalogue: entries by id, labels of vocabulary ids.
//! (No UI text here: the words around them live in `crate::i18n` and `crate::report`.)

use super::model::{Catalogue, Initiative, Term};

impl Catalogue {
    /// The initiative with this id.
    pub fn find(&self, id: &str) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    /// Label of a theme id (the id itself if unknown).
    pub fn theme_label<'a>(&'a self, id: &'a str, english: bool) -> &'a str {
        term_label(&self.vocabularies.themes, id, english)
    }

    /// Label of a target-group id (the id itself if unknown).
    pub fn target_group_label<'a>(&'a self, id: &'a str, english: bool) -> &'a str {
        term_label(&self.vocabularies.target_groups, id, english)
    }

    /// Proper name of a municipality id (the id itself if unknown).
    pub fn municipality_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.vocabularies
            .municipalities
            .iter()
            .find(|m| m.id == id)
            .map_or(id, |m| m.name.as_str())
    }
}

fn term_label<'a>(terms: &'a [Term], id: &'a str, english: bool) -> &'a str {
    terms
        .iter()
        .find(|t| t.id == id)
        .map_or(id, |t| t.label_in(english))
}
