//! JSON read into a `serde_json::Value`, refusing a key given twice in one object.
//!
//! RFC 8259 leaves a repeated name to the reader, and serde_json keeps the last; a diary file
//! that says `"version"` twice, or a back pain twice, is ambiguous, so the diary refuses it
//! and names where (`checkins[3].pain.back`). The path is built only when a key is repeated,
//! as the error travels back up, so a valid file costs what `serde_json::from_str` costs.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// One step of a path: an object's key or a list's index.
enum Step {
    Key(String),
    Index(usize),
}

/// Why the text was refused.
pub enum StrictError {
    /// Not JSON (serde_json's message, with line and column).
    NotJson(serde_json::Error),
    /// A key given twice: the path to it (`checkins[0].pain.back`) and the key.
    Repeated { path: String, key: String },
}

/// Reads `text` as JSON, refusing a key that appears twice in one object.
pub fn from_str(text: &str) -> Result<Value, StrictError> {
    let repeated = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict {
        repeated: &repeated,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    match (value, repeated.into_inner()) {
        (Ok(v), _) => Ok(v),
        (Err(_), Some(steps)) => Err(repeated_at(steps)),
        (Err(e), None) => Err(StrictError::NotJson(e)),
    }
}

/// For a `#[serde(deserialize_with)]` field: the value as `from_str` reads it, refused (without
/// its path) when a key inside is given twice.
pub fn deserialize_opt<'de, D: de::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    let repeated = RefCell::new(None);
    Strict {
        repeated: &repeated,
    }
    .deserialize(d)
    .map(|v| (!v.is_null()).then_some(v))
}

/// The steps, innermost first, as the path the format's messages use.
fn repeated_at(mut steps: Vec<Step>) -> StrictError {
    let key = match steps.first() {
        Some(Step::Key(k)) => k.clone(),
        _ => String::new(),
    };
    steps.reverse();
    let mut path = String::new();
    for step in steps {
        match step {
            Step::Key(k) if path.is_empty() => path.push_str(&k),
            Step::Key(k) => {
                path.push('.');
                path.push_str(&k);
            }
            Step::Index(i) => path.push_str(&format!("[{i}]")),
        }
    }
    StrictError::Repeated { path, key }
}

/// The reader of one value; `repeated` collects the path of a repeated key, innermost first.
#[derive(Clone, Copy)]
struct Strict<'a> {
    repeated: &'a RefCell<Option<Vec<Step>>>,
}

impl Strict<'_> {
    /// Adds `step` to the path when the error on its way up is a repeated key.
    fn on_the_way_up(self, step: impl FnOnce() -> Step) {
        if let Some(steps) = self.repeated.borrow_mut().as_mut() {
            steps.push(step());
        }
    }
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut list = Vec::new();
        loop {
            match seq.next_element_seed(self) {
                Ok(Some(v)) => list.push(v),
                Ok(None) => return Ok(Value::Array(list)),
                Err(e) => {
                    let i = list.len();
                    self.on_the_way_up(|| Step::Index(i));
                    return Err(e);
                }
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                *self.repeated.borrow_mut() = Some(vec![Step::Key(key)]);
                return Err(de::Error::custom("a key is given twice"));
            }
            match map.next_value_seed(self) {
                Ok(v) => {
                    object.insert(key, v);
                }
                Err(e) => {
                    self.on_the_way_up(|| Step::Key(key));
                    return Err(e);
                }
            }
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeated(text: &str) -> (String, String) {
        match from_str(text) {
            Err(StrictError::Repeated { path, key }) => (path, key),
            Err(StrictError::NotJson(e)) => panic!("not JSON: {e}"),
            Ok(v) => panic!("accepted: {v}"),
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a": [1, 2.5, -3, true, null, "x"], "b": {"c": {}}}"#,
            "[]",
            "1e300",
            r#""\u2028""#,
        ] {
            let strict = from_str(text).ok().expect("reads");
            assert_eq!(strict, serde_json::from_str::<Value>(text).unwrap());
        }
    }

    #[test]
    fn a_key_given_twice_is_refused_with_its_path() {
        assert_eq!(
            repeated(r#"{"version": 2, "format": "x", "version": 3}"#),
            ("version".into(), "version".into())
        );
        assert_eq!(
            repeated(r#"{"checkins": [{}, {"pain": {"back": 1, "back": 9}}]}"#),
            ("checkins[1].pain.back".into(), "back".into())
        );
        assert_eq!(
            repeated(r#"[[{"a": 1}, {"a": 1, "a": 1}]]"#),
            ("[0][1].a".into(), "a".into())
        );
        // The same key in two objects is fine.
        assert!(from_str(r#"[{"a": 1}, {"a": 2}]"#).is_ok());
    }

    #[test]
    fn text_that_is_not_json_is_told_apart() {
        assert!(matches!(from_str("{"), Err(StrictError::NotJson(_))));
        assert!(matches!(from_str("{} x"), Err(StrictError::NotJson(_))));
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(matches!(from_str(&deep), Err(StrictError::NotJson(_))));
    }
}
