//! The checks of one initiative.

use rustc_hash::FxHashMap as HashMap;

use serde_json::{Map, Value};

use super::checker::{Checker, Need, join, kind, list_ids, present};
use super::rules::*;
use crate::catalogue::model::{Kind, SCHEMA_VERSION, SCHEMA_VERSION_1, Scope, Status};

/// How an entry's id is checked against the ids of the entries before it.
pub(super) enum Ids<'s> {
    /// Here, against the ids seen so far (id → entry number, 1-based).
    Seen(&'s mut HashMap<String, usize>),
    /// Later, by whoever holds the ids before it (the in-order collector of
    /// the walk on several threads): the entry's id is noted here, with how
    /// many problems it had before its id was checked, so the collector can
    /// put a "duplicate id" problem where this walk would have put it.
    Later(&'s mut Option<IdCheck>),
}

/// An entry's id, to be checked against the ids before it ([`Ids::Later`]).
#[derive(Debug)]
pub(super) struct IdCheck {
    /// The id (a non-blank string).
    pub(super) id: String,
    /// Problems of the entry (listed and dropped) before its id's check.
    pub(super) before: usize,
}

impl Checker<'_> {
    pub(super) fn initiative(&mut self, index: usize, item: &Value, mut ids: Ids<'_>) {
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
            Some(id) if matches!(&ids, Ids::Seen(seen) if seen.contains_key(id)) => {
                format!("'{id}' (#{number})")
            }
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
                "kind",
                "themes",
                "target_groups",
                "age",
                "area",
                "providers",
                "keywords",
                "way_in",
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
            match &mut ids {
                Ids::Seen(seen) => {
                    if let Some(first) = seen.get(id) {
                        self.report("id", format!("duplicate id (also initiative #{first})"));
                    } else {
                        seen.insert(id.to_owned(), number);
                    }
                }
                Ids::Later(slot) => {
                    **slot = Some(IdCheck {
                        id: id.to_owned(),
                        before: self.problems.len() + self.dropped,
                    });
                }
            }
        }
        for key in ["name", "summary", "description"] {
            self.string(obj, key, "", Need::Required);
        }
        self.strings(obj, "aliases", Need::Optional);
        self.strings(obj, "providers", Need::Optional);
        self.word_list(obj, "keywords", "");
        self.way_in(obj);
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
        } else if self.version == SCHEMA_VERSION_1
            && obj.get("status").and_then(Value::as_str) == Some(Status::Unconfirmed.id())
        {
            self.report(
                "status",
                format!(
                    "status 'unconfirmed' needs schema_version {SCHEMA_VERSION}; the file says schema_version {SCHEMA_VERSION_1}"
                ),
            );
        }
        self.kind(obj);
        self.vocabulary_refs(obj, "themes", "theme");
        self.vocabulary_refs(obj, "target_groups", "target group");
        self.age(obj);
        self.area(obj);
        self.contacts(obj);
        self.sources(obj);
    }

    pub(super) fn vocabulary_refs(&mut self, obj: &Map<String, Value>, key: &str, what: &str) {
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

    pub(super) fn age(&mut self, obj: &Map<String, Value>) {
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

    pub(super) fn area(&mut self, obj: &Map<String, Value>) {
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
        let count = self.municipality_refs(area, "area");
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

    /// `municipalities` under `prefix`: every id known. Returns how many
    /// are listed.
    fn municipality_refs(&mut self, obj: &Map<String, Value>, prefix: &str) -> usize {
        let listed = self.array(obj, "municipalities", prefix, Need::Optional);
        let count = listed.map_or(0, Vec::len);
        for (i, item) in listed.into_iter().flatten().enumerate() {
            let field = format!("{prefix}.municipalities[{i}]");
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
        count
    }

    /// `kind`: required from version 2; a version-1 entry without it is an offer.
    pub(super) fn kind(&mut self, obj: &Map<String, Value>) {
        self.needs_v2(obj, "kind", "");
        if self.version == SCHEMA_VERSION_1 {
            if !obj.contains_key("kind") {
                self.missing_kind += 1;
            }
            return;
        }
        if let Some(kind) = self.string(obj, "kind", "", Need::Required)
            && Kind::from_id(kind).is_none()
        {
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
            self.report(
                "kind",
                format!("unknown kind '{kind}' (expected {})", known.join(", ")),
            );
        }
    }

    /// `way_in`: a boolean, from version 2.
    pub(super) fn way_in(&mut self, obj: &Map<String, Value>) {
        self.needs_v2(obj, "way_in", "");
        if let Some(value) = obj.get("way_in")
            && !value.is_boolean()
        {
            self.report(
                "way_in",
                format!("expected true or false, found {}", kind(value)),
            );
        }
    }

    pub(super) fn contacts(&mut self, obj: &Map<String, Value>) {
        let Some(items) = self.array(obj, "contacts", "", Need::Optional) else {
            return;
        };
        let cites_web = obj
            .get("sources")
            .and_then(Value::as_array)
            .is_some_and(|sources| {
                sources.iter().any(|s| {
                    s.get("url")
                        .and_then(Value::as_str)
                        .is_some_and(is_web_address)
                })
            });
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
                    "municipalities",
                    "note",
                ],
            );
            self.string(contact, "organisation", &at, Need::Required);
            for key in ["name", "role", "address"] {
                self.string(contact, key, &at, Need::Optional);
            }
            if self.bundled && contact.contains_key("name") {
                self.report(
                    join(&at, "name"),
                    "the bundled catalogue names no person; add named contacts in local.json",
                );
            }
            self.url(contact, "url", &at);
            if let Some(phone) = self.string(contact, "phone", &at, Need::Optional)
                && !is_phone_number(phone)
            {
                self.report(
                    join(&at, "phone"),
                    format!(
                        "'{phone}' is not a Danish phone number; write 8 digits, optionally after +45, spaces allowed"
                    ),
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
            // A local catalogue's own contacts need no web page: the
            // municipality vouches for them itself.
            if !self.local
                && !cites_web
                && ["phone", "email", "address"]
                    .iter()
                    .any(|k| contact.contains_key(*k))
            {
                self.report(
                    at.clone(),
                    "a phone, e-mail or address needs a source with a web address (sources[].url) on the entry",
                );
            }
            self.needs_v2(contact, "note", &at);
            self.string(contact, "note", &at, Need::Optional);
            self.needs_v2(contact, "municipalities", &at);
            self.municipality_refs(contact, &at);
        }
    }

    pub(super) fn sources(&mut self, obj: &Map<String, Value>) {
        let Some(items) = self.array(obj, "sources", "", Need::Required) else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            let at = format!("sources[{i}]");
            let Value::Object(source) = item else {
                self.report(at, format!("expected an object, found {}", kind(item)));
                continue;
            };
            self.unknown_keys(source, &at, &["title", "url", "page", "date", "accessed"]);
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
            self.needs_v2(source, "date", &at);
            if let Some(date) = self.string(source, "date", &at, Need::Optional)
                && crate::date::Date::parse_partial(date).is_none()
            {
                self.report(
                    join(&at, "date"),
                    format!("'{date}' is not a date; expected YYYY-MM-DD, YYYY-MM or YYYY"),
                );
            }
            self.needs_v2(source, "accessed", &at);
            if source.contains_key("accessed") {
                self.date(source, "accessed", &at);
            }
        }
    }
}
