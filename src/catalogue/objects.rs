//! Parts of an entry read only as JSON objects. Serde's derived structs
//! also take an array of the fields in order (`"age": [16, 25]`), which the
//! format does not allow and the validator refuses: the model refuses it
//! too, so an entry read straight into it says what the validator would.

use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// Reads a `T` from a JSON object only.
struct Object<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Object<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Object<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_map(self)
    }
}

/// Reads a list of `T`, each a JSON object.
struct Objects<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Objects<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element_seed(Object(PhantomData))? {
            items.push(item);
        }
        Ok(items)
    }
}

/// For `#[serde(deserialize_with)]`: a `T` given as an object.
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Object(PhantomData).deserialize(d)
}

/// For `#[serde(deserialize_with)]`: an optional `T`, given as an object.
pub fn optional_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    /// `null` or an object.
    struct Maybe<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Maybe<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object or null")
        }
        fn visit_none<E>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
            object(d).map(Some)
        }
    }
    d.deserialize_option(Maybe(PhantomData))
}

/// For `#[serde(deserialize_with)]`: a list of `T`, each given as an object.
pub fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    d.deserialize_seq(Objects(PhantomData))
}

#[cfg(test)]
mod tests {
    use crate::catalogue::model::{AgeRange, Area, Initiative};

    #[derive(serde::Deserialize, Debug)]
    struct Parts {
        #[serde(default, deserialize_with = "super::optional_object")]
        age: Option<AgeRange>,
        #[serde(default, deserialize_with = "super::objects")]
        areas: Vec<Area>,
    }

    #[test]
    fn objects_are_read_and_arrays_refused() {
        let read = |text: &str| serde_json::from_str::<Parts>(text);
        let parts = read(r#"{"age": {"min": 16}, "areas": [{"scope": "region"}]}"#).unwrap();
        assert_eq!(parts.age.unwrap().min, Some(16));
        assert_eq!(parts.areas.len(), 1);
        assert!(read(r#"{"age": null}"#).unwrap().age.is_none());
        assert!(read(r#"{}"#).unwrap().age.is_none());
        assert!(read(r#"{"age": [16, 25]}"#).is_err());
        assert!(read(r#"{"areas": [["region"]]}"#).is_err());
        // The model's own parts: the same.
        let entry: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/valid-v2.json")).unwrap();
        let mut entry = entry["initiatives"][0].clone();
        assert!(serde_json::from_value::<Initiative>(entry.clone()).is_ok());
        entry["area"] = serde_json::json!(["region"]);
        assert!(serde_json::from_value::<Initiative>(entry).is_err());
    }
}
