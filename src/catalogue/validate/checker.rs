//! The checker: walks the raw JSON of a catalogue file and collects every
//! problem; this part holds the shared helpers and the file's top level and
//! vocabularies (the initiatives are in `entry`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde_json::{Map, Value};

use super::MAX_PROBLEMS;
use super::rules::*;
use crate::catalogue::model::{SCHEMA_VERSION, SCHEMA_VERSION_1, Vocabularies};
use crate::catalogue::problem::Problem;
use crate::date::Date;

/// The value at `key`; an optional field set to `null` counts as absent
/// (as it does when serde reads it into an `Option`).
pub(super) fn present<'v>(obj: &'v Map<String, Value>, key: &str, need: Need) -> Option<&'v Value> {
    obj.get(key)
        .filter(|value| need == Need::Required || !value.is_null())
}

pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Whether a string anywhere in `value` (a key or a value) holds a
/// character the catalogue refuses ([`crate::charrules::first_forbidden`]).
fn any_forbidden(value: &Value) -> bool {
    let bad = |s: &str| crate::charrules::first_forbidden(s, false).is_some();
    match value {
        Value::String(s) => bad(s),
        Value::Array(items) => items.iter().any(any_forbidden),
        Value::Object(obj) => obj
            .iter()
            .any(|(key, item)| bad(key) || any_forbidden(item)),
        _ => false,
    }
}

pub(super) fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

pub(super) fn list_ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    let mut ids: Vec<&str> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.join(", ")
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Need {
    Required,
    Optional,
}

pub(super) struct Checker<'p> {
    pub(super) path: &'p str,
    pub(super) problems: Vec<Problem>,
    /// Things worth saying that do not make the file invalid.
    pub(super) warnings: Vec<Problem>,
    /// How messages name the initiative being checked (`'id'` or `#n`).
    pub(super) initiative: Option<String>,
    /// A local catalogue: title, date and vocabularies are optional.
    pub(super) local: bool,
    /// The catalogue compiled into the binary: it names no person.
    pub(super) bundled: bool,
    /// The file's `schema_version` (1 or 2), once read.
    pub(super) version: u64,
    /// Version-1 entries without a `kind`, taken as `offer`.
    pub(super) missing_kind: usize,
    /// Problems found after [`MAX_PROBLEMS`], counted but not listed; once
    /// there are any, the remaining initiatives are skipped.
    pub(super) dropped: usize,
    pub(super) themes: HashSet<String>,
    pub(super) target_groups: HashSet<String>,
    pub(super) municipalities: HashSet<String>,
}

impl<'p> Checker<'p> {
    pub(super) fn new(path: &'p str, base: Option<&Vocabularies>) -> Checker<'p> {
        let ids = |ids: Vec<&String>| ids.into_iter().cloned().collect::<HashSet<String>>();
        Checker {
            path,
            problems: Vec::new(),
            warnings: Vec::new(),
            initiative: None,
            local: base.is_some(),
            bundled: path == crate::catalogue::load::BUNDLED_NAME,
            version: SCHEMA_VERSION,
            missing_kind: 0,
            dropped: 0,
            themes: ids(base.map_or(Vec::new(), |b| b.themes.iter().map(|t| &t.id).collect())),
            target_groups: ids(base.map_or(Vec::new(), |b| {
                b.target_groups.iter().map(|t| &t.id).collect()
            })),
            municipalities: ids(base.map_or(Vec::new(), |b| {
                b.municipalities.iter().map(|m| &m.id).collect()
            })),
        }
    }

    /// A checker with the same rules (file, version, vocabularies) and no
    /// problems yet: each thread checking initiatives has its own.
    pub(super) fn for_entries(&self) -> Checker<'p> {
        Checker {
            path: self.path,
            problems: Vec::new(),
            warnings: Vec::new(),
            initiative: None,
            local: self.local,
            bundled: self.bundled,
            version: self.version,
            missing_kind: 0,
            dropped: 0,
            themes: self.themes.clone(),
            target_groups: self.target_groups.clone(),
            municipalities: self.municipalities.clone(),
        }
    }

    pub(super) fn report(&mut self, field: impl Into<String>, message: impl Into<String>) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.dropped += 1;
            return;
        }
        self.problems.push(Problem::Content {
            path: self.path.to_owned(),
            initiative: self.initiative.clone(),
            field: field.into(),
            message: message.into(),
        });
    }

    pub(super) fn unknown_keys(
        &mut self,
        obj: &Map<String, Value>,
        prefix: &str,
        allowed: &[&str],
    ) {
        for key in obj.keys() {
            if !allowed.contains(&key.as_str()) {
                self.report(
                    join(prefix, key),
                    format!("unknown field (expected one of: {})", allowed.join(", ")),
                );
            }
        }
    }

    /// Reports every string (and object key) below `value` holding a control character.
    pub(super) fn control_chars(&mut self, value: &Value, at: &str) {
        // Most values are clean: find that out without building a path.
        if !any_forbidden(value) {
            return;
        }
        match value {
            Value::String(s) => {
                if let Some(c) = crate::charrules::first_forbidden(s, false) {
                    let (one, many) = crate::charrules::kind(c);
                    let code = c as u32;
                    let text =
                        format!("contains {one} (U+{code:04X}); text may not contain {many}");
                    self.report(at, text);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.control_chars(item, &format!("{at}[{i}]"));
                }
            }
            Value::Object(obj) => {
                for (key, item) in obj {
                    let child = join(at, key);
                    if key.chars().any(is_forbidden_char) {
                        self.report(child.clone(), "field name contains a control character");
                    }
                    self.control_chars(item, &child);
                }
            }
            _ => {}
        }
    }

    pub(super) fn object<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        prefix: &str,
        need: Need,
    ) -> Option<&'v Map<String, Value>> {
        let field = join(prefix, key);
        match present(obj, key, need) {
            None if need == Need::Required => {
                self.report(field, "missing required field");
                None
            }
            None => None,
            Some(Value::Object(inner)) => Some(inner),
            Some(other) => {
                self.report(field, format!("expected an object, found {}", kind(other)));
                None
            }
        }
    }

    pub(super) fn array<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        prefix: &str,
        need: Need,
    ) -> Option<&'v Vec<Value>> {
        let field = join(prefix, key);
        // Lists are never null, not even optional ones (serde reads them as `Vec`).
        match obj.get(key) {
            None if need == Need::Required => {
                self.report(field, "missing required field");
                None
            }
            None => None,
            Some(Value::Array(items)) => {
                if need == Need::Required && items.is_empty() {
                    self.report(field, "must have at least one entry");
                }
                Some(items)
            }
            Some(other) => {
                self.report(field, format!("expected an array, found {}", kind(other)));
                None
            }
        }
    }

    /// A string value at `field`: must be a string and not blank.
    pub(super) fn string_value<'v>(&mut self, value: &'v Value, field: String) -> Option<&'v str> {
        match value {
            Value::String(s) if is_blank(s) => {
                self.report(field, "must not be empty");
                None
            }
            Value::String(s) => Some(s),
            other => {
                self.report(field, format!("expected a string, found {}", kind(other)));
                None
            }
        }
    }

    pub(super) fn string<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        prefix: &str,
        need: Need,
    ) -> Option<&'v str> {
        let field = join(prefix, key);
        match present(obj, key, need) {
            None if need == Need::Required => {
                self.report(field, "missing required field");
                None
            }
            None => None,
            Some(value) => self.string_value(value, field),
        }
    }

    /// An array of non-blank strings; returns the good ones with their index.
    pub(super) fn strings<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        need: Need,
    ) -> Vec<(usize, &'v str)> {
        let Some(items) = self.array(obj, key, "", need) else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                self.string_value(item, format!("{key}[{i}]"))
                    .map(|s| (i, s))
            })
            .collect()
    }

    pub(super) fn date(&mut self, obj: &Map<String, Value>, key: &str, prefix: &str) {
        if let Some(text) = self.string(obj, key, prefix, Need::Required)
            && Date::parse_iso(text).is_none()
        {
            self.report(
                join(prefix, key),
                format!("'{text}' is not a valid date; expected YYYY-MM-DD"),
            );
        }
    }

    pub(super) fn url(&mut self, obj: &Map<String, Value>, key: &str, prefix: &str) {
        if let Some(url) = self.string(obj, key, prefix, Need::Optional)
            && !is_web_address(url)
        {
            self.report(
                join(prefix, key),
                format!("'{url}' is not a secure web address; expected https://…"),
            );
        }
    }

    /// Reports `key` when a version-1 file uses it: it is a version-2 field,
    /// and a file that says version 1 may have been written for other rules.
    pub(super) fn needs_v2(&mut self, obj: &Map<String, Value>, key: &str, prefix: &str) {
        if self.version == SCHEMA_VERSION_1 && obj.contains_key(key) {
            self.report(
                join(prefix, key),
                format!(
                    "'{key}' is a schema_version {SCHEMA_VERSION} field, but the file says schema_version {SCHEMA_VERSION_1}; set \"schema_version\": {SCHEMA_VERSION}"
                ),
            );
        }
    }

    /// A list of words (`keywords`, `aliases`): non-empty, each word
    /// non-blank and unique once folded (`Århus` and `aarhus` are one).
    /// Returns the words as written.
    pub(super) fn word_list<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        key: &str,
        prefix: &str,
    ) -> Vec<&'v str> {
        self.needs_v2(obj, key, prefix);
        let field = join(prefix, key);
        let Some(items) = self.array(obj, key, prefix, Need::Optional) else {
            return Vec::new();
        };
        if items.is_empty() {
            self.report(field.clone(), "must have at least one entry when present");
        }
        let mut folded: Vec<String> = Vec::with_capacity(items.len());
        let mut words = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let Some(word) = self.string_value(item, format!("{field}[{i}]")) else {
                continue;
            };
            let key = crate::fold::fold(word.trim());
            if folded.contains(&key) {
                self.report(
                    format!("{field}[{i}]"),
                    format!(
                        "'{word}' repeats an earlier word (the same once case and æ/ø/å are folded)"
                    ),
                );
            } else {
                folded.push(key);
                words.push(word);
            }
        }
        words
    }

    /// Checks everything but the initiatives; `keys` are all top-level keys.
    /// Returns false when the rest is not worth checking (unknown version).
    pub(super) fn top<'k>(
        &mut self,
        root: &Map<String, Value>,
        keys: impl Iterator<Item = &'k str>,
    ) -> bool {
        match root.get("schema_version") {
            None => {
                self.report("schema_version", "missing required field");
                return false;
            }
            Some(Value::Number(n))
                if n.as_u64()
                    .is_some_and(|v| v == SCHEMA_VERSION || v == SCHEMA_VERSION_1) =>
            {
                self.version = n.as_u64().unwrap_or(SCHEMA_VERSION);
            }
            Some(other) => {
                // A different version may mean different rules: stop here rather
                // than bury the real problem under a list of consequences.
                self.report(
                    "schema_version",
                    format!(
                        "unknown schema_version {other}; this version of indsats reads schema_version {SCHEMA_VERSION} (and {SCHEMA_VERSION_1})"
                    ),
                );
                return false;
            }
        }
        const TOP_KEYS: [&str; 7] = [
            "schema_version",
            "title",
            "updated",
            "maintainer",
            "vocabularies",
            "initiatives",
            "patches",
        ];
        // Only a local catalogue patches the entries of another.
        let allowed = &TOP_KEYS[..if self.local { 7 } else { 6 }];
        for key in keys.filter(|k| !allowed.contains(k)) {
            self.report(
                key,
                format!("unknown field (expected one of: {})", allowed.join(", ")),
            );
        }
        for key in ["title", "updated", "maintainer", "vocabularies"] {
            if let Some(value) = root.get(key) {
                self.control_chars(value, key);
            }
        }
        let need = if self.local {
            Need::Optional
        } else {
            Need::Required
        };
        self.string(root, "title", "", need);
        if need == Need::Required || root.contains_key("updated") {
            self.date(root, "updated", "");
        }
        if let Some(vocab) = self.object(root, "vocabularies", "", need) {
            self.vocabularies(vocab);
        }
        if let Some(maintainer) = self.object(root, "maintainer", "", Need::Optional) {
            self.maintainer(maintainer);
        }
        true
    }

    /// `maintainer`: the organisation that keeps the catalogue and its
    /// public mailbox for corrections.
    fn maintainer(&mut self, maintainer: &Map<String, Value>) {
        self.unknown_keys(maintainer, "maintainer", &["organisation", "email"]);
        self.string(maintainer, "organisation", "maintainer", Need::Required);
        if let Some(email) = self.string(maintainer, "email", "maintainer", Need::Optional)
            && !super::rules::is_email_address(email)
        {
            self.report(
                "maintainer.email",
                format!("'{email}' is not an e-mail address"),
            );
        }
    }

    pub(super) fn vocabularies(&mut self, vocab: &Map<String, Value>) {
        const PREFIX: &str = "vocabularies";
        self.unknown_keys(
            vocab,
            PREFIX,
            &["themes", "target_groups", "municipalities"],
        );
        let themes = self.vocabulary(
            vocab,
            "themes",
            &["id", "label", "label_en", "keywords"],
            "label",
        );
        let target_groups = self.vocabulary(
            vocab,
            "target_groups",
            &["id", "label", "label_en", "keywords"],
            "label",
        );
        let municipalities =
            self.vocabulary(vocab, "municipalities", &["id", "name", "aliases"], "name");
        // A local catalogue adds to the vocabulary of the one it is merged into.
        self.themes.extend(themes);
        self.target_groups.extend(target_groups);
        self.municipalities.extend(municipalities);
    }

    /// Checks one vocabulary list and returns its ids.
    pub(super) fn vocabulary(
        &mut self,
        vocab: &Map<String, Value>,
        key: &str,
        allowed: &[&str],
        label_key: &str,
    ) -> HashSet<String> {
        let mut ids = HashSet::default();
        let need = if self.local {
            Need::Optional
        } else {
            Need::Required
        };
        let Some(items) = self.array(vocab, key, "vocabularies", need) else {
            return ids;
        };
        // Municipality names and aliases, folded → the id they name: one
        // word may not name two municipalities.
        let mut names: HashMap<String, String> = HashMap::default();
        for (i, item) in items.iter().enumerate() {
            let at = format!("vocabularies.{key}[{i}]");
            let Value::Object(term) = item else {
                self.report(at, format!("expected an object, found {}", kind(item)));
                continue;
            };
            self.unknown_keys(term, &at, allowed);
            if let Some(id) = self.string(term, "id", &at, Need::Required) {
                if !is_valid_id(id) {
                    self.report(
                        join(&at, "id"),
                        format!("'{id}' is not a valid id; use lower-case a-z, 0-9 and '-'"),
                    );
                } else if !ids.insert(id.to_owned()) {
                    self.report(join(&at, "id"), format!("duplicate id '{id}'"));
                }
            }
            let label = self.string(term, label_key, &at, Need::Required);
            if allowed.contains(&"label_en") {
                self.string(term, "label_en", &at, Need::Optional);
            }
            if allowed.contains(&"keywords") {
                self.word_list(term, "keywords", &at);
            }
            if allowed.contains(&"aliases") {
                let id = term.get("id").and_then(Value::as_str).unwrap_or_default();
                let aliases = self.word_list(term, "aliases", &at);
                for (j, word) in label.into_iter().chain(aliases).enumerate() {
                    match names.get(&crate::fold::fold(word.trim())) {
                        Some(other) if other != id => {
                            let field = match j {
                                0 => join(&at, label_key),
                                _ => format!("{at}.aliases"),
                            };
                            self.report(
                                field,
                                format!("'{word}' also names municipality '{other}'; an alias must point at one municipality"),
                            );
                        }
                        _ => {
                            names.insert(crate::fold::fold(word.trim()), id.to_owned());
                        }
                    }
                }
            }
        }
        ids
    }
}
