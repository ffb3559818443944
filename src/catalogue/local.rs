//! The local catalogue: `local.json` in the config dir, where a municipality
//! adds its own initiatives and real contacts. Entries with new ids are added;
//! an entry with the id of an existing one replaces it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::load::{LoadError, read_file};
use super::model::{Catalogue, Initiative, Municipality, Term, Vocabularies};
use super::validate;

/// File name of the local catalogue inside the config dir.
pub const LOCAL_FILE: &str = "local.json";

/// A parsed, validated local catalogue.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalFile {
    /// Format version; always 1.
    pub schema_version: u64,
    /// Optional title (e.g. "Skive Kommunes lokale indsatser").
    #[serde(default)]
    pub title: Option<String>,
    /// Optional date of the local file.
    #[serde(default)]
    pub updated: Option<String>,
    /// Vocabulary values to add (or relabel).
    #[serde(default)]
    pub vocabularies: LocalVocabularies,
    /// Entries to add or replace.
    pub initiatives: Vec<Initiative>,
}

/// Vocabulary additions of a local catalogue; every list may be left out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalVocabularies {
    /// Themes to add.
    #[serde(default)]
    pub themes: Vec<Term>,
    /// Target groups to add.
    #[serde(default)]
    pub target_groups: Vec<Term>,
    /// Municipalities to add.
    #[serde(default)]
    pub municipalities: Vec<Municipality>,
}

/// What the local file contributed to the catalogue in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalInfo {
    /// The file.
    pub path: PathBuf,
    /// Ids of the entries that came from it.
    pub ids: BTreeSet<String>,
    /// How many entries were new.
    pub added: usize,
    /// How many replaced an entry of the base catalogue.
    pub replaced: usize,
}

/// `local.json` in the user's config dir, when it exists.
pub fn local_path() -> Option<PathBuf> {
    super::load::config_dir()
        .map(|dir| dir.join(LOCAL_FILE))
        .filter(|path| path.is_file())
}

/// Reads and validates a local catalogue against the vocabulary of `base`.
pub fn load_local(path: &Path, base: &Vocabularies) -> Result<LocalFile, LoadError> {
    let name = path.display().to_string();
    let bytes = read_file(path)?;
    let text = validate::utf8(&name, &bytes).map_err(LoadError::Invalid)?;
    let value = validate::parse_json(&name, text).map_err(LoadError::Invalid)?;
    validate::validate_local_value(&name, &value, base).map_err(LoadError::Invalid)?;
    serde_json::from_value(value).map_err(|err| {
        LoadError::Invalid(vec![super::Problem::Content {
            path: name,
            initiative: None,
            field: String::new(),
            message: format!("cannot read the local catalogue: {err}"),
        }])
    })
}

/// Merges `local` into `base`: vocabulary values and entries with new ids are
/// added, those with existing ids replace the old ones in place.
pub fn merge(base: &mut Catalogue, local: LocalFile, path: PathBuf) -> LocalInfo {
    merge_terms(
        &mut base.vocabularies.themes,
        local.vocabularies.themes,
        |t| &t.id,
    );
    merge_terms(
        &mut base.vocabularies.target_groups,
        local.vocabularies.target_groups,
        |t| &t.id,
    );
    merge_terms(
        &mut base.vocabularies.municipalities,
        local.vocabularies.municipalities,
        |m| &m.id,
    );
    if let Some(updated) = local.updated
        && updated > base.updated
    {
        base.updated = updated;
    }
    let mut info = LocalInfo {
        path,
        ids: BTreeSet::new(),
        added: 0,
        replaced: 0,
    };
    for entry in local.initiatives {
        info.ids.insert(entry.id.clone());
        match base.initiatives.iter_mut().find(|e| e.id == entry.id) {
            Some(existing) => {
                *existing = entry;
                info.replaced += 1;
            }
            None => {
                base.initiatives.push(entry);
                info.added += 1;
            }
        }
    }
    info
}

fn merge_terms<T>(base: &mut Vec<T>, local: Vec<T>, id: impl Fn(&T) -> &String) {
    for term in local {
        match base.iter_mut().find(|b| id(b) == id(&term)) {
            Some(existing) => *existing = term,
            None => base.push(term),
        }
    }
}
