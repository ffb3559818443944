//! The local catalogue: `local.json` in the config dir, where a municipality
//! adds its own initiatives and real contacts. Entries with new ids are added;
//! an entry with the id of an existing one replaces it; a patch adds contact
//! points, keywords or a note to an existing entry without copying it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::load::{LoadError, read_file};
use super::model::{Catalogue, Contact, Initiative, Municipality, Term, Vocabularies};
use super::problem::Problem;
use super::validate;

/// File name of the local catalogue inside the config dir.
pub const LOCAL_FILE: &str = "local.json";

/// A parsed, validated local catalogue.
#[derive(Debug, Clone)]
pub struct LocalFile {
    /// Optional title (e.g. "Skive Kommunes lokale indsatser").
    pub title: Option<String>,
    /// Optional date of the local file.
    pub updated: Option<String>,
    /// Vocabulary values to add (or relabel).
    pub vocabularies: LocalVocabularies,
    /// Entries to add or replace.
    pub initiatives: Vec<Initiative>,
    /// Additions to entries of the catalogue in use.
    pub patches: Vec<Patch>,
    /// Problems that do not make the file invalid (for `indsats check`).
    pub warnings: Vec<super::Problem>,
}

/// What a local catalogue adds to an entry of the catalogue in use (by its
/// id): contact points, keywords, a note. It never changes what the entry
/// is — its name, kind and status stay the catalogue's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Patch {
    /// The entry patched.
    pub id: String,
    /// Contact points to add (after the entry's own).
    pub contacts: Vec<Contact>,
    /// Entry keywords to add.
    pub keywords: Vec<String>,
    /// A local note to show with the entry.
    pub note: Option<String>,
}

/// Vocabulary additions of a local catalogue; every list may be empty.
#[derive(Debug, Clone, Default)]
pub struct LocalVocabularies {
    /// Themes to add.
    pub themes: Vec<Term>,
    /// Target groups to add.
    pub target_groups: Vec<Term>,
    /// Municipalities to add.
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
    /// How many entries a patch added to.
    pub patched: usize,
}

/// `local.json` in the user's config dir, when it exists.
pub fn local_path() -> Option<PathBuf> {
    super::load::config_dir()
        .map(|dir| dir.join(LOCAL_FILE))
        .filter(|path| path.exists())
}

/// Reads and validates a local catalogue against the vocabulary of `base`,
/// whoever wrote it (for `indsats check`).
pub fn load_local(path: &Path, base: &Vocabularies) -> Result<LocalFile, LoadError> {
    parse_local(path, &read_file(path)?, base)
}

/// Validates the local catalogue read from `path` against the vocabulary of `base`.
pub fn parse_local(path: &Path, bytes: &[u8], base: &Vocabularies) -> Result<LocalFile, LoadError> {
    let name = path.display().to_string();
    let text = validate::utf8(&name, bytes).map_err(LoadError::Invalid)?;
    let parts = validate::parse_parts(&name, text, Some(base), None).map_err(LoadError::Invalid)?;
    Ok(LocalFile {
        title: parts.title,
        updated: parts.updated,
        vocabularies: LocalVocabularies {
            themes: parts.themes,
            target_groups: parts.target_groups,
            municipalities: parts.municipalities,
        },
        initiatives: parts.initiatives,
        patches: parts.patches,
        warnings: parts.warnings,
    })
}

/// Merges `local` into `base`: vocabulary values and entries with new ids are
/// added, those with existing ids replace the old ones in place, and the
/// patches add to the entries they name. A patch naming no entry is an
/// error (one per such patch), and then `base` is left as it was.
pub fn merge(
    base: &mut Catalogue,
    local: LocalFile,
    path: PathBuf,
) -> Result<LocalInfo, LoadError> {
    let name = path_name(&path);
    let problems: Vec<Problem> = local
        .patches
        .iter()
        .filter(|patch| {
            let known = |entries: &[Initiative]| entries.iter().any(|e| e.id == patch.id);
            !known(&base.initiatives) && !known(&local.initiatives)
        })
        .map(|patch| Problem::Content {
            path: name.clone(),
            initiative: Some(format!("patch '{}'", patch.id)),
            field: "id".to_owned(),
            message: "no entry of the catalogue in use has this id".to_owned(),
        })
        .collect();
    if !problems.is_empty() {
        return Err(LoadError::Invalid(problems));
    }
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
        patched: 0,
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
    // Every patch names an entry (checked above).
    for patch in local.patches {
        if let Some(entry) = base.initiatives.iter_mut().find(|e| e.id == patch.id) {
            apply(entry, patch);
            info.patched += 1;
        }
    }
    Ok(info)
}

/// The file as named in messages.
fn path_name(path: &Path) -> String {
    path.display().to_string()
}

/// Adds `patch` to `entry`: its contacts after the entry's own, marked local;
/// its keywords where new (once folded); its note as the local note.
fn apply(entry: &mut Initiative, patch: Patch) {
    entry
        .contacts
        .extend(patch.contacts.into_iter().map(|mut c| {
            c.local = true;
            c
        }));
    for keyword in patch.keywords {
        let folded = crate::fold::fold(&keyword);
        if !entry
            .keywords
            .iter()
            .any(|k| crate::fold::fold(k) == folded)
        {
            entry.keywords.push(keyword);
        }
    }
    if patch.note.is_some() {
        entry.local_note = patch.note;
    }
}

fn merge_terms<T>(base: &mut Vec<T>, local: Vec<T>, id: impl Fn(&T) -> &String) {
    for term in local {
        match base.iter_mut().find(|b| id(b) == id(&term)) {
            Some(existing) => *existing = term,
            None => base.push(term),
        }
    }
}
