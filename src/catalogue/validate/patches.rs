//! `patches` in a local catalogue: contact points, keywords or a note added
//! to an entry of the catalogue in use, by its id, without copying it.

use serde_json::{Map, Value};

use super::checker::{Checker, Need, kind};
use crate::catalogue::local::Patch;
use crate::catalogue::model::Contact;

/// The fields a patch may hold.
const PATCH_KEYS: [&str; 4] = ["id", "contacts", "keywords", "note"];

/// Fields that say what an entry is: a patch adds to an entry, it never
/// changes these (replace the whole entry under `initiatives` for that).
const FIXED_KEYS: [&str; 3] = ["name", "kind", "status"];

impl Checker<'_> {
    /// Checks `patches` (an array) and returns the patches it holds when
    /// every one is valid.
    pub(super) fn patches(&mut self, value: &Value) -> Vec<Patch> {
        let Value::Array(items) = value else {
            self.report(
                "patches",
                format!("expected an array, found {}", kind(value)),
            );
            return Vec::new();
        };
        let mut patches = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let before = self.problems.len();
            self.initiative = Some(format!("patches[{i}]"));
            let Value::Object(obj) = item else {
                self.report("", format!("expected an object, found {}", kind(item)));
                continue;
            };
            self.control_chars(item, "");
            if let Some(patch) = self.patch(obj)
                && self.problems.len() == before
            {
                patches.push(patch);
            }
        }
        self.initiative = None;
        patches
    }

    fn patch(&mut self, obj: &Map<String, Value>) -> Option<Patch> {
        let id = self.string(obj, "id", "", Need::Required)?.to_owned();
        self.initiative = Some(format!("patch '{id}'"));
        for key in obj.keys() {
            if FIXED_KEYS.contains(&key.as_str()) {
                self.report(
                    key.as_str(),
                    "a patch cannot change an entry's name, kind or status; replace the whole entry under \"initiatives\" instead",
                );
            } else if !PATCH_KEYS.contains(&key.as_str()) {
                self.report(
                    key.as_str(),
                    format!(
                        "unknown field in a patch (expected one of: {})",
                        PATCH_KEYS.join(", ")
                    ),
                );
            }
        }
        if !["contacts", "keywords", "note"]
            .iter()
            .any(|k| obj.contains_key(*k))
        {
            self.report("", "a patch adds contacts, keywords or a note; it has none");
        }
        self.contacts(obj);
        let keywords = self
            .word_list(obj, "keywords", "")
            .into_iter()
            .map(str::to_owned)
            .collect();
        let note = self
            .string(obj, "note", "", Need::Optional)
            .map(str::to_owned);
        let contacts = obj
            .get("contacts")
            .map(|c| serde_json::from_value::<Vec<Contact>>(c.clone()))
            .transpose()
            .unwrap_or_else(|err| {
                self.report("contacts", format!("cannot read the contacts: {err}"));
                None
            })
            .unwrap_or_default();
        Some(Patch {
            id,
            contacts,
            keywords,
            note,
        })
    }
}
