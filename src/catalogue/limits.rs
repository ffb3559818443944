//! Entries the JSON reader cannot turn into values — a number beyond the
//! range of a 64-bit float (`"max": 1e400`), arrays and objects nested deeper
//! than the reader's limit — become problems naming the entry and the field,
//! never silently dropped entries.

use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// How deep the search for the offending field goes into nested values.
const MAX_PATH_DEPTH: usize = 16;

/// For entry number `index` (0-based), whose raw JSON `raw` failed to read
/// with `err`: how messages name the entry (`'id'` or `#n`), the path of
/// the field that failed (`age.max`, `contacts[0]`), and the message.
pub fn unreadable_entry(
    index: usize,
    raw: &str,
    err: &serde_json::Error,
) -> (String, String, String) {
    let fields: Option<BTreeMap<String, &RawValue>> = serde_json::from_str(raw).ok();
    let id = fields
        .as_ref()
        .and_then(|f| f.get("id"))
        .and_then(|raw| serde_json::from_str::<String>(raw.get()).ok())
        .filter(|id| {
            !id.trim().is_empty() && id.chars().all(|c| !crate::charrules::is_forbidden(c))
        });
    let who = match id {
        Some(id) => format!("'{id}'"),
        None => format!("#{}", index + 1),
    };
    let mut path = String::new();
    failing_path(raw, &mut path, 0);
    (who, path, describe(err))
}

/// What went wrong, in the validator's words.
fn describe(err: &serde_json::Error) -> String {
    let text = err.to_string();
    if text.contains("number out of range") {
        "a number out of range: numbers must be finite 64-bit values (e.g. not 1e400)".to_owned()
    } else if text.contains("recursion limit") {
        "nested too deeply: at most 127 levels of arrays and objects".to_owned()
    } else {
        let cut = text.rfind(" at line ").unwrap_or(text.len());
        format!("cannot read the value: {}", &text[..cut])
    }
}

/// Appends to `path` the way down to the innermost value that fails to read.
fn failing_path(raw: &str, path: &mut String, depth: usize) {
    if depth >= MAX_PATH_DEPTH {
        return;
    }
    let failing = |raw: &RawValue| serde_json::from_str::<serde_json::Value>(raw.get()).is_err();
    if let Ok(fields) = serde_json::from_str::<BTreeMap<String, &RawValue>>(raw) {
        if let Some((key, value)) = fields.iter().find(|(_, v)| failing(v)) {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&crate::text::escaped(key));
            failing_path(value.get(), path, depth + 1);
        }
    } else if let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw) {
        if let Some((i, value)) = items.iter().enumerate().find(|(_, v)| failing(v)) {
            path.push_str(&format!("[{i}]"));
            failing_path(value.get(), path, depth + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str) -> (String, String, String) {
        let err = serde_json::from_str::<serde_json::Value>(raw).unwrap_err();
        unreadable_entry(4, raw, &err)
    }

    #[test]
    fn names_the_entry_and_the_field() {
        let (who, field, message) = check(r#"{"id": "fgu", "age": {"min": 16, "max": 1e400}}"#);
        assert_eq!((who.as_str(), field.as_str()), ("'fgu'", "age.max"));
        assert!(message.contains("out of range"), "{message}");
        let deep = format!(
            r#"{{"id": "x", "aliases": [{}{}]}}"#,
            "[".repeat(5000),
            "]".repeat(5000)
        );
        let (who, field, message) = check(&deep);
        assert_eq!(who, "'x'");
        assert!(field.starts_with("aliases[0]"), "{field}");
        assert!(message.contains("nested too deeply"), "{message}");
        let (who, _, _) = check(r#"{"max": 1e400}"#);
        assert_eq!(who, "#5");
    }
}
