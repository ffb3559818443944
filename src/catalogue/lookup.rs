//! Look-ups on a loaded catalogue: entries by id, labels of vocabulary ids.

use super::model::{AgeRange, Area, Catalogue, Initiative, Scope, Term};
use crate::ui::strings::Lang;

impl Catalogue {
    /// The initiative with this id.
    pub fn find(&self, id: &str) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    /// Label of a theme id (the id itself if unknown).
    pub fn theme_label<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        term_label(&self.vocabularies.themes, id, lang)
    }

    /// Label of a target-group id (the id itself if unknown).
    pub fn target_group_label<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        term_label(&self.vocabularies.target_groups, id, lang)
    }

    /// Proper name of a municipality id (the id itself if unknown).
    pub fn municipality_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.vocabularies
            .municipalities
            .iter()
            .find(|m| m.id == id)
            .map_or(id, |m| m.name.as_str())
    }

    /// Human description of an area: "Hele Region Midtjylland", "Kommuner: Aarhus, Skive" …
    pub fn area_text(&self, area: &Area, lang: Lang) -> String {
        let strings = lang.strings();
        let mut text = strings.scope_label(area.scope).to_owned();
        if area.scope == Scope::Municipalities {
            let names: Vec<&str> = area
                .municipalities
                .iter()
                .map(|id| self.municipality_name(id))
                .collect();
            text = format!("{text}: {}", names.join(", "));
        }
        text
    }

    /// Short area text for a result list: the scope, or the municipality names.
    pub fn area_short(&self, area: &Area, lang: Lang) -> String {
        let strings = lang.strings();
        match area.scope {
            Scope::Municipalities => {
                let names: Vec<&str> = area
                    .municipalities
                    .iter()
                    .map(|id| self.municipality_name(id))
                    .collect();
                names.join(", ")
            }
            Scope::Region => match lang {
                Lang::Da => "Hele regionen".to_owned(),
                Lang::En => "Whole region".to_owned(),
            },
            other => strings.scope_label(other).to_owned(),
        }
    }
}

fn term_label<'a>(terms: &'a [Term], id: &'a str, lang: Lang) -> &'a str {
    terms
        .iter()
        .find(|t| t.id == id)
        .map_or(id, |t| t.label_in(lang.is_english()))
}

/// Human description of an age range: "16–29 år", "op til 24 år", "fra 18 år".
pub fn age_text(age: Option<&AgeRange>, lang: Lang) -> String {
    let s = lang.strings();
    match age.map(|a| (a.min, a.max)) {
        Some((Some(min), Some(max))) => format!("{min}–{max} {}", s.years),
        Some((None, Some(max))) => format!("{} {max} {}", s.up_to, s.years),
        Some((Some(min), None)) => format!("{} {min} {}", s.from, s.years),
        _ => s.not_stated.to_owned(),
    }
}
