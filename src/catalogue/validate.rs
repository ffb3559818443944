//! Validation of a catalogue file: walks the raw JSON and collects **every**
//! problem, then converts the checked value into the typed model.
//!
//! Used both at start-up and by `indsats check`, so the messages are the same.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::model::{
    Catalogue, Initiative, Municipality, SCHEMA_VERSION, Scope, Status, Term, Vocabularies,
};
use super::problem::Problem;
use crate::date::Date;

/// Most problems listed; a file with more is broken beyond what a list helps with.
pub const MAX_PROBLEMS: usize = 500;

/// Highest age an `age` bound may name.
const MAX_AGE: u64 = 120;

/// Parses `bytes` as a catalogue and validates it; `path` is how messages name the file.
pub fn parse_bytes(path: &str, bytes: &[u8]) -> Result<Catalogue, Vec<Problem>> {
    parse_str(path, utf8(path, bytes)?)
}

/// The bytes as text, or a `PATH:LINE:COL` problem where they stop being UTF-8.
/// A UTF-8 byte order mark at the start is accepted and skipped.
pub fn utf8<'b>(path: &str, bytes: &'b [u8]) -> Result<&'b str, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|err| {
        let (line, column) = line_col(&bytes[..err.valid_up_to()]);
        vec![Problem::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: "the file is not valid UTF-8 text".to_owned(),
        }]
    })
}

/// Parses `text` as a catalogue and validates it; `path` is how messages name the file.
pub fn parse_str(path: &str, text: &str) -> Result<Catalogue, Vec<Problem>> {
    let parts = parse_parts(path, text, None)?;
    Ok(Catalogue {
        schema_version: SCHEMA_VERSION,
        // Both required: the checker has reported their absence already.
        title: parts.title.unwrap_or_default(),
        updated: parts.updated.unwrap_or_default(),
        vocabularies: Vocabularies {
            themes: parts.themes,
            target_groups: parts.target_groups,
            municipalities: parts.municipalities,
        },
        initiatives: parts.initiatives,
    })
}

/// A checked catalogue file, before it becomes a full or a local catalogue.
#[derive(Debug, Default)]
pub struct Parts {
    /// `title`, when present.
    pub title: Option<String>,
    /// `updated`, when present.
    pub updated: Option<String>,
    /// Vocabulary values of the file.
    pub themes: Vec<Term>,
    /// Vocabulary values of the file.
    pub target_groups: Vec<Term>,
    /// Vocabulary values of the file.
    pub municipalities: Vec<Municipality>,
    /// The initiatives.
    pub initiatives: Vec<Initiative>,
}

/// Parses and checks a catalogue; with `base`, as a local catalogue merged into
/// it (title, date and vocabularies optional, the base vocabulary usable).
///
/// Initiatives are checked and converted one at a time from their raw text, so
/// a large catalogue never exists as one big JSON tree in memory.
pub fn parse_parts(
    path: &str,
    text: &str,
    base: Option<&Vocabularies>,
) -> Result<Parts, Vec<Problem>> {
    if text.trim().is_empty() {
        return Err(vec![Problem::Syntax {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "the file is empty; expected a JSON catalogue object".to_owned(),
        }]);
    }
    let mut checker = Checker::new(path, base);
    let top: BTreeMap<String, &RawValue> = match serde_json::from_str(text) {
        Ok(top) => top,
        Err(err) if err.is_data() => {
            // Well-formed JSON, but not an object: say what it is.
            checker.report(
                "",
                format!(
                    "expected a JSON object at the top level, found {}",
                    raw_kind(text)
                ),
            );
            return Err(checker.problems);
        }
        Err(err) => return Err(vec![syntax_problem(path, &err)]),
    };
    // Everything but the initiatives is small: check it as a JSON tree.
    let small: Map<String, Value> = top
        .iter()
        .filter(|(key, _)| key.as_str() != "initiatives")
        .filter_map(|(key, raw)| Some((key.clone(), serde_json::from_str(raw.get()).ok()?)))
        .collect();
    if !checker.top(&small, top.keys().map(String::as_str)) {
        return Err(checker.problems);
    }
    let mut parts = Parts::default();
    match top.get("initiatives") {
        None => checker.report("initiatives", "missing required field"),
        Some(raw) => {
            let visitor = EachInitiative {
                checker: &mut checker,
                initiatives: &mut parts.initiatives,
            };
            match serde_json::Deserializer::from_str(raw.get()).deserialize_seq(visitor) {
                Ok(0) => checker.report("initiatives", "must have at least one entry"),
                Ok(_) => {}
                Err(_) => checker.report(
                    "initiatives",
                    format!("expected an array, found {}", raw_kind(raw.get())),
                ),
            }
            checker.initiative = None;
        }
    }
    if checker.dropped > 0 {
        checker.problems.push(Problem::Content {
            path: path.to_owned(),
            initiative: None,
            field: String::new(),
            message: format!("more problems not listed: stopped after the first {MAX_PROBLEMS}"),
        });
    }
    if !checker.problems.is_empty() {
        return Err(checker.problems);
    }
    let text_of = |key: &str| small.get(key).and_then(Value::as_str).map(str::to_owned);
    parts.title = text_of("title");
    parts.updated = text_of("updated");
    if let Some(vocab) = small.get("vocabularies") {
        let list = |key: &str| vocab.get(key).cloned().unwrap_or(Value::Array(Vec::new()));
        let read = |result: Result<(), serde_json::Error>| {
            // Unreachable after the checks above; reported rather than panicking.
            result.map_err(|err| {
                vec![Problem::Content {
                    path: path.to_owned(),
                    initiative: None,
                    field: "vocabularies".to_owned(),
                    message: format!("cannot read the vocabularies: {err}"),
                }]
            })
        };
        read(serde_json::from_value(list("themes")).map(|v| parts.themes = v))?;
        read(serde_json::from_value(list("target_groups")).map(|v| parts.target_groups = v))?;
        read(serde_json::from_value(list("municipalities")).map(|v| parts.municipalities = v))?;
    }
    Ok(parts)
}

/// Checks and converts the initiatives one by one as the parser meets them,
/// so no array of them — raw or parsed — is ever held whole.
struct EachInitiative<'c, 'p> {
    checker: &'c mut Checker<'p>,
    initiatives: &'c mut Vec<Initiative>,
}

impl<'de> Visitor<'de> for EachInitiative<'_, '_> {
    /// How many entries the array held.
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of initiatives")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut seen = HashMap::new();
        let mut index = 0;
        while let Some(raw) = seq.next_element::<&RawValue>()? {
            let read = serde_json::from_str::<Value>(raw.get());
            if self.checker.dropped == 0
                && let Err(err) = &read
            {
                let (who, field, message) = super::limits::unreadable_entry(index, raw.get(), err);
                self.checker.initiative = Some(who);
                self.checker.report(field, message);
            }
            if self.checker.dropped == 0
                && let Ok(value) = read
            {
                let before = self.checker.problems.len();
                self.checker.initiative(index, &value, &mut seen);
                if self.checker.problems.len() == before {
                    match Initiative::deserialize(&value) {
                        Ok(entry) => self.initiatives.push(entry),
                        Err(err) => self
                            .checker
                            .report("", format!("cannot read the entry: {err}")),
                    }
                }
            }
            index += 1;
        }
        Ok(index)
    }
}

/// A `PATH:LINE:COL` problem from a JSON syntax error.
fn syntax_problem(path: &str, err: &serde_json::Error) -> Problem {
    let full = err.to_string();
    // serde_json appends " at line L column C"; we print the position in front instead.
    let message = match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_owned(),
        None => full,
    };
    Problem::Syntax {
        path: path.to_owned(),
        line: err.line().max(1),
        column: err.column().max(1),
        message,
    }
}

/// What kind of JSON value `raw` holds, judged by its first character.
fn raw_kind(raw: &str) -> &'static str {
    match raw.trim_start().chars().next() {
        Some('{') => "an object",
        Some('[') => "an array",
        Some('"') => "a string",
        Some('t' | 'f') => "a boolean",
        Some('n') => "null",
        _ => "a number",
    }
}

/// 1-based line and column of the end of `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Whether `id` is a valid identifier: non-empty `[a-z0-9-]+`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `c` must never appear in catalogue text: C0/C1 control characters,
/// DEL and invisible format characters ([`crate::charrules`]).
pub fn is_forbidden_char(c: char) -> bool {
    crate::charrules::is_forbidden(c)
}

/// Whether text is empty or only white space (required text may not be).
pub fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Whether a `url` field holds a web address.
pub fn is_web_address(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// Whether a `phone` field holds only digits, spaces, `+`, `-` and parentheses.
pub fn is_phone_number(phone: &str) -> bool {
    phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c))
}

/// Whether an `email` field looks like one address.
pub fn is_email_address(email: &str) -> bool {
    email.matches('@').count() == 1 && !email.contains(char::is_whitespace)
}

/// Whether an age bound is in range.
pub fn is_valid_age(age: u64) -> bool {
    age <= MAX_AGE
}

/// The value at `key`; an optional field set to `null` counts as absent
/// (as it does when serde reads it into an `Option`).
fn present<'v>(obj: &'v Map<String, Value>, key: &str, need: Need) -> Option<&'v Value> {
    obj.get(key)
        .filter(|value| need == Need::Required || !value.is_null())
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_owned()
    } else {
        format!("{prefix}.{key}")
    }
}

fn list_ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    let mut ids: Vec<&str> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.join(", ")
}

#[derive(Clone, Copy, PartialEq)]
enum Need {
    Required,
    Optional,
}

struct Checker<'p> {
    path: &'p str,
    problems: Vec<Problem>,
    /// How messages name the initiative being checked (`'id'` or `#n`).
    initiative: Option<String>,
    /// A local catalogue: title, date and vocabularies are optional.
    local: bool,
    /// Problems found after [`MAX_PROBLEMS`], counted but not listed; once
    /// there are any, the remaining initiatives are skipped.
    dropped: usize,
    themes: HashSet<String>,
    target_groups: HashSet<String>,
    municipalities: HashSet<String>,
}

impl<'p> Checker<'p> {
    fn new(path: &'p str, base: Option<&Vocabularies>) -> Checker<'p> {
        let ids = |ids: Vec<&String>| ids.into_iter().cloned().collect::<HashSet<String>>();
        Checker {
            path,
            problems: Vec::new(),
            initiative: None,
            local: base.is_some(),
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

    fn report(&mut self, field: impl Into<String>, message: impl Into<String>) {
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

    fn unknown_keys(&mut self, obj: &Map<String, Value>, prefix: &str, allowed: &[&str]) {
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
    fn control_chars(&mut self, value: &Value, at: &str) {
        match value {
            Value::String(s) => {
                if let Some(c) = s.chars().find(|&c| is_forbidden_char(c)) {
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

    fn object<'v>(
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

    fn array<'v>(
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
    fn string_value<'v>(&mut self, value: &'v Value, field: String) -> Option<&'v str> {
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

    fn string<'v>(
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
    fn strings<'v>(
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

    fn date(&mut self, obj: &Map<String, Value>, key: &str, prefix: &str) {
        if let Some(text) = self.string(obj, key, prefix, Need::Required)
            && Date::parse_iso(text).is_none()
        {
            self.report(
                join(prefix, key),
                format!("'{text}' is not a valid date; expected YYYY-MM-DD"),
            );
        }
    }

    fn url(&mut self, obj: &Map<String, Value>, key: &str, prefix: &str) {
        if let Some(url) = self.string(obj, key, prefix, Need::Optional)
            && !is_web_address(url)
        {
            self.report(
                join(prefix, key),
                format!("'{url}' is not a web address; expected https://…"),
            );
        }
    }

    /// Checks everything but the initiatives; `keys` are all top-level keys.
    /// Returns false when the rest is not worth checking (unknown version).
    fn top<'k>(&mut self, root: &Map<String, Value>, keys: impl Iterator<Item = &'k str>) -> bool {
        match root.get("schema_version") {
            None => {
                self.report("schema_version", "missing required field");
                return false;
            }
            Some(Value::Number(n)) if n.as_u64() == Some(SCHEMA_VERSION) => {}
            Some(other) => {
                // A different version may mean different rules: stop here rather
                // than bury the real problem under a list of consequences.
                self.report(
                    "schema_version",
                    format!(
                        "unknown schema_version {other}; this version of indsats reads schema_version {SCHEMA_VERSION}"
                    ),
                );
                return false;
            }
        }
        const TOP_KEYS: [&str; 5] = [
            "schema_version",
            "title",
            "updated",
            "vocabularies",
            "initiatives",
        ];
        for key in keys.filter(|k| !TOP_KEYS.contains(k)) {
            self.report(
                key,
                format!("unknown field (expected one of: {})", TOP_KEYS.join(", ")),
            );
        }
        for key in ["title", "updated", "vocabularies"] {
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
        true
    }

    fn vocabularies(&mut self, vocab: &Map<String, Value>) {
        const PREFIX: &str = "vocabularies";
        self.unknown_keys(
            vocab,
            PREFIX,
            &["themes", "target_groups", "municipalities"],
        );
        let themes = self.vocabulary(vocab, "themes", &["id", "label", "label_en"], "label");
        let target_groups = self.vocabulary(
            vocab,
            "target_groups",
            &["id", "label", "label_en"],
            "label",
        );
        let municipalities = self.vocabulary(vocab, "municipalities", &["id", "name"], "name");
        // A local catalogue adds to the vocabulary of the one it is merged into.
        self.themes.extend(themes);
        self.target_groups.extend(target_groups);
        self.municipalities.extend(municipalities);
    }

    /// Checks one vocabulary list and returns its ids.
    fn vocabulary(
        &mut self,
        vocab: &Map<String, Value>,
        key: &str,
        allowed: &[&str],
        label_key: &str,
    ) -> HashSet<String> {
        let mut ids = HashSet::new();
        let need = if self.local {
            Need::Optional
        } else {
            Need::Required
        };
        let Some(items) = self.array(vocab, key, "vocabularies", need) else {
            return ids;
        };
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
            self.string(term, label_key, &at, Need::Required);
            if allowed.contains(&"label_en") {
                self.string(term, "label_en", &at, Need::Optional);
            }
        }
        ids
    }

    fn initiative(&mut self, index: usize, item: &Value, seen: &mut HashMap<String, usize>) {
        let number = index + 1;
        let Value::Object(obj) = item else {
            self.initiative = Some(format!("#{number}"));
            self.report("", format!("expected an object, found {}", kind(item)));
            return;
        };
        let id = obj
            .get("id")
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty());
        // A repeated id alone would not say which of the two is meant.
        self.initiative = Some(match id {
            Some(id) if seen.contains_key(id) => format!("'{id}' (#{number})"),
            Some(id) => format!("'{id}'"),
            None => format!("#{number}"),
        });
        self.control_chars(item, "");
        self.unknown_keys(
            obj,
            "",
            &[
                "id",
                "name",
                "aliases",
                "summary",
                "description",
                "status",
                "themes",
                "target_groups",
                "age",
                "area",
                "providers",
                "eligibility",
                "next_steps",
                "contacts",
                "sources",
                "last_verified",
            ],
        );

        if let Some(id) = self.string(obj, "id", "", Need::Required) {
            if !is_valid_id(id) {
                self.report(
                    "id",
                    format!("'{id}' is not a valid id; use lower-case a-z, 0-9 and '-'"),
                );
            }
            if let Some(first) = seen.get(id) {
                self.report("id", format!("duplicate id (also initiative #{first})"));
            } else {
                seen.insert(id.to_owned(), number);
            }
        }
        for key in ["name", "summary", "description"] {
            self.string(obj, key, "", Need::Required);
        }
        self.strings(obj, "aliases", Need::Optional);
        self.strings(obj, "providers", Need::Optional);
        self.string(obj, "eligibility", "", Need::Optional);
        self.strings(obj, "next_steps", Need::Required);
        self.date(obj, "last_verified", "");

        if let Some(status) = self.string(obj, "status", "", Need::Required)
            && Status::from_id(status).is_none()
        {
            let known: Vec<&str> = Status::ALL.iter().map(|s| s.id()).collect();
            self.report(
                "status",
                format!("unknown status '{status}' (expected {})", known.join(", ")),
            );
        }
        self.vocabulary_refs(obj, "themes", "theme");
        self.vocabulary_refs(obj, "target_groups", "target group");
        self.age(obj);
        self.area(obj);
        self.contacts(obj);
        self.sources(obj);
    }

    fn vocabulary_refs(&mut self, obj: &Map<String, Value>, key: &str, what: &str) {
        let known = match key {
            "themes" => std::mem::take(&mut self.themes),
            _ => std::mem::take(&mut self.target_groups),
        };
        for (i, id) in self.strings(obj, key, Need::Required) {
            if !known.contains(id) {
                self.report(
                    format!("{key}[{i}]"),
                    format!(
                        "unknown {what} '{id}' (known: {})",
                        list_ids(known.iter().map(String::as_str))
                    ),
                );
            }
        }
        match key {
            "themes" => self.themes = known,
            _ => self.target_groups = known,
        }
    }

    fn age(&mut self, obj: &Map<String, Value>) {
        let Some(age) = self.object(obj, "age", "", Need::Optional) else {
            return;
        };
        self.unknown_keys(age, "age", &["min", "max"]);
        let mut bound = |key: &str| -> Option<u64> {
            let value = present(age, key, Need::Optional)?;
            match value.as_u64() {
                Some(n) if is_valid_age(n) => Some(n),
                _ => {
                    self.report(
                        format!("age.{key}"),
                        format!(
                            "expected a whole number from 0 to {MAX_AGE}, found {}",
                            match value {
                                Value::Number(n) => n.to_string(),
                                other => kind(other).to_owned(),
                            }
                        ),
                    );
                    None
                }
            }
        };
        let (min, max) = (bound("min"), bound("max"));
        if let (Some(min), Some(max)) = (min, max)
            && min > max
        {
            self.report("age", format!("min ({min}) is greater than max ({max})"));
        }
    }

    fn area(&mut self, obj: &Map<String, Value>) {
        let Some(area) = self.object(obj, "area", "", Need::Required) else {
            return;
        };
        self.unknown_keys(area, "area", &["scope", "municipalities", "note"]);
        let scope = self
            .string(area, "scope", "area", Need::Required)
            .and_then(|scope| {
                let found = Scope::ALL.into_iter().find(|s| s.id() == scope);
                if found.is_none() {
                    let known: Vec<&str> = Scope::ALL.iter().map(|s| s.id()).collect();
                    self.report(
                        "area.scope",
                        format!("unknown scope '{scope}' (expected {})", known.join(", ")),
                    );
                }
                found
            });
        self.string(area, "note", "area", Need::Optional);
        let listed = self.array(area, "municipalities", "area", Need::Optional);
        let count = listed.map_or(0, Vec::len);
        for (i, item) in listed.into_iter().flatten().enumerate() {
            let field = format!("area.municipalities[{i}]");
            if let Some(id) = self.string_value(item, field.clone())
                && !self.municipalities.contains(id)
            {
                let known = list_ids(self.municipalities.iter().map(String::as_str));
                self.report(
                    field,
                    format!("unknown municipality '{id}' (known: {known})"),
                );
            }
        }
        match scope {
            Some(Scope::Municipalities) if count == 0 => self.report(
                "area.municipalities",
                "must name at least one municipality when scope is 'municipalities'",
            ),
            Some(other) if other != Scope::Municipalities && count > 0 => self.report(
                "area.municipalities",
                format!(
                    "only allowed when scope is 'municipalities' (scope is '{}')",
                    other.id()
                ),
            ),
            _ => {}
        }
    }

    fn contacts(&mut self, obj: &Map<String, Value>) {
        let Some(items) = self.array(obj, "contacts", "", Need::Optional) else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let at = format!("contacts[{i}]");
            let Value::Object(contact) = item else {
                self.report(at, format!("expected an object, found {}", kind(item)));
                continue;
            };
            self.unknown_keys(
                contact,
                &at,
                &[
                    "organisation",
                    "name",
                    "role",
                    "phone",
                    "email",
                    "url",
                    "address",
                ],
            );
            self.string(contact, "organisation", &at, Need::Required);
            for key in ["name", "role", "address"] {
                self.string(contact, key, &at, Need::Optional);
            }
            self.url(contact, "url", &at);
            if let Some(phone) = self.string(contact, "phone", &at, Need::Optional)
                && !is_phone_number(phone)
            {
                self.report(
                    join(&at, "phone"),
                    format!("'{phone}' is not a phone number; use digits, spaces, '+', '-'"),
                );
            }
            if let Some(email) = self.string(contact, "email", &at, Need::Optional)
                && !is_email_address(email)
            {
                self.report(
                    join(&at, "email"),
                    format!("'{email}' is not an e-mail address"),
                );
            }
        }
    }

    fn sources(&mut self, obj: &Map<String, Value>) {
        let Some(items) = self.array(obj, "sources", "", Need::Required) else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let at = format!("sources[{i}]");
            let Value::Object(source) = item else {
                self.report(at, format!("expected an object, found {}", kind(item)));
                continue;
            };
            self.unknown_keys(source, &at, &["title", "url", "page"]);
            self.string(source, "title", &at, Need::Required);
            self.url(source, "url", &at);
            if let Some(page) = present(source, "page", Need::Optional)
                && !page
                    .as_u64()
                    .is_some_and(|p| p >= 1 && p <= u64::from(u32::MAX))
            {
                self.report(
                    join(&at, "page"),
                    format!("expected a page number (1 or more), found {page}"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lower_case_digits_and_dashes() {
        assert!(is_valid_id("ips-ung"));
        assert!(is_valid_id("fgu-2"));
        for bad in ["", "IPS", "ips ung", "ips_ung", "ø", "a.b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        assert_eq!(line_col(b""), (1, 1));
        assert_eq!(line_col("ab\nø".as_bytes()), (2, 2));
    }
}
