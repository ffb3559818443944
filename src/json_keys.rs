//! Duplicate keys in a JSON object are refused, with where they are. serde
//! resolves `{"id": "fgu", "id": "fgu2"}` silently to the last one, so an
//! entry could vanish from a catalogue, or a line of another user's file
//! hide behind another; this pass over the text finds them first.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

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
}
