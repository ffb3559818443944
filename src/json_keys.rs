//! Duplicate keys in a JSON object are refused, with where they are. serde
//! resolves `{"id": "fgu", "id": "fgu2"}` silently to the last one, so an
//! entry could vanish from a catalogue, or a line of another user's file
//! hide behind another; this pass over the text finds them first.
//!
//! The pass costs about as much as reading the text into values. A reader
//! that reads the text anyway can see the duplicates as it goes instead
//! ([`raw_members`], [`value_without_duplicates`]) and make the pass only
//! where it saw one, or could not tell.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};

/// Checks every object in `text` for a key given twice. The error carries
/// the line and column (`duplicate key "id" at line 4 column 9`); a syntax
/// error is reported as serde_json finds it.
pub fn check(text: &str) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    Walk.deserialize(&mut de)?;
    de.end()
}

/// Walks one JSON value, checking the objects in it.
struct Walk;

impl<'de> DeserializeSeed<'de> for Walk {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(Walk)
    }
}

impl<'de> Visitor<'de> for Walk {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Walk)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                let shown: String = key.chars().take(64).collect();
                return Err(de::Error::custom(format!("duplicate key {shown:?}")));
            }
            map.next_value_seed(Walk)?;
        }
        Ok(())
    }
}

/// The members of the object that `text` is, as
/// `serde_json::from_str::<BTreeMap<String, &RawValue>>` reads them (the
/// last of a key given twice; the same errors), and whether a key is given
/// twice. Only this object's own keys count: the values are not looked into.
pub fn raw_members(text: &str) -> Result<(BTreeMap<String, &RawValue>, bool), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let members = de.deserialize_map(Members)?;
    de.end()?;
    Ok(members)
}

/// Reads an object's members as raw JSON, noting a key given twice.
struct Members;

impl<'de> Visitor<'de> for Members {
    type Value = (BTreeMap<String, &'de RawValue>, bool);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // As `BTreeMap` says it, so that errors read the same.
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut members = BTreeMap::new();
        let mut twice = false;
        while let Some((key, value)) = map.next_entry::<String, &'de RawValue>()? {
            twice |= members.insert(key, value).is_some();
        }
        Ok((members, twice))
    }
}

/// `text` read into a [`Value`] exactly as `serde_json::from_str` reads it,
/// when no object in it gives a key twice. `None` when one does, and also
/// when the text cannot be read or uses a key serde_json reads in a way of
/// its own: the caller then reads it with `serde_json::from_str` and leaves
/// the duplicates to [`check`].
pub fn value_without_duplicates(text: &str) -> Option<Value> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Build.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(value)
}

/// Builds a [`Value`] as serde_json's own visitor does, refusing a key given
/// twice (and serde_json's private keys, which its visitor reads otherwise).
struct Build;

impl<'de> DeserializeSeed<'de> for Build {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(Build)
    }
}

impl<'de> Visitor<'de> for Build {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }
    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }
    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }
    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }
    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Build)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if key.starts_with("$serde_json::private::") {
                return Err(de::Error::custom("a key serde_json reads otherwise"));
            }
            let value = map.next_value_seed(Build)?;
            if members.insert(key, value).is_some() {
                return Err(de::Error::custom("duplicate key"));
            }
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_given_twice_is_found_where_it_is() {
        let text = "{\n  \"initiatives\": [\n    {\"id\": \"fgu\",\n     \"id\": \"fgu2\"}\n  ]\n}";
        let err = check(text).unwrap_err();
        assert!(err.to_string().starts_with("duplicate key \"id\""), "{err}");
        assert_eq!(err.line(), 4);
        // The same key in two objects is fine; so is any valid JSON.
        check(r#"[{"id": 1}, {"id": 2}, "x", 1.5, null, true, {"a": {"a": []}}]"#).unwrap();
        // A syntax error is still one.
        assert!(check("{\"a\": ").unwrap_err().is_eof());
    }

    #[test]
    fn values_read_as_serde_json_reads_them_unless_a_key_is_given_twice() {
        for text in [
            r#"{"id": "fgu", "n": [1, -2, 2.5, 1e3, 18446744073709551615, -9223372036854775808]}"#,
            r#"[{"a": {"a": []}}, "\u00e6\n", null, true, false, {}, [], {"b": 1, "a": 2}]"#,
            r#" "x" "#,
        ] {
            let theirs: Value = serde_json::from_str(text).unwrap();
            let ours = value_without_duplicates(text);
            // In the same order too.
            assert_eq!(
                ours.as_ref().map(Value::to_string),
                Some(theirs.to_string())
            );
            assert_eq!(ours, Some(theirs), "{text}");
        }
        for text in [
            r#"{"id": "fgu", "id": "fgu2"}"#,
            r#"[{"a": {"\u0062": 1, "b": 2}}]"#,
            r#"{"$serde_json::private::RawValue": "1"}"#,
            r#"{"max": 1e400}"#,
            "[1] 2",
            "",
        ] {
            assert_eq!(value_without_duplicates(text), None, "{text}");
        }
    }

    #[test]
    fn members_read_as_a_map_reads_them_and_say_a_key_given_twice() {
        let text = r#"{"b": {"x": 1, "x": 2}, "a": [1], "b": "last"}"#;
        let (members, twice) = raw_members(text).unwrap();
        let theirs: BTreeMap<String, &RawValue> = serde_json::from_str(text).unwrap();
        assert!(twice);
        assert_eq!(format!("{members:?}"), format!("{theirs:?}"));
        assert!(!raw_members(r#"{"a": {"x": 1, "x": 2}}"#).unwrap().1);
        for text in ["[1]", "\"x\"", "{\"a\": 1", "{} x", ""] {
            let ours = raw_members(text).unwrap_err();
            let theirs = serde_json::from_str::<BTreeMap<String, &RawValue>>(text).unwrap_err();
            assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
            assert_eq!(ours.classify(), theirs.classify(), "{text}");
        }
    }
}
