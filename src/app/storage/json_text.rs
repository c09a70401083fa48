//! JSON text of the values kept beside the diary (patient settings, the running timer,
//! drafts, kept questionnaires), read and written by the browser's own `JSON.parse` and
//! `JSON.stringify`, with `serde_json::Value` between them and the Rust types: so the main
//! module carries no JSON text reader or writer (serde_json's, with its float parsing, is
//! about 10 KiB gzip and lives in the chunks that read the diary and files).

use js_sys::{Array, Object, Reflect, JSON};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// The JSON text `raw` as a `T`; `None` for anything unreadable.
pub fn from_json_text<T: DeserializeOwned>(raw: &str) -> Option<T> {
    let js = JSON::parse(raw).ok()?;
    serde_json::from_value(from_js(&js)?).ok()
}

/// `value` as JSON text (as serde_json writes it, up to number spelling: 2.0 is "2").
pub fn to_json_text<T: Serialize>(value: &T) -> Option<String> {
    let js = to_js(&serde_json::to_value(value).ok()?);
    JSON::stringify(&js).ok()?.as_string()
}

/// The largest integer a double holds exactly (2^53).
const SAFE_INTEGER: f64 = 9_007_199_254_740_992.0;

/// What `JSON.parse` gave, as a `Value` (whole numbers as integers, so that integer fields
/// read them).
fn from_js(js: &JsValue) -> Option<Value> {
    if js.is_null() {
        return Some(Value::Null);
    }
    if let Some(b) = js.as_bool() {
        return Some(Value::Bool(b));
    }
    if let Some(n) = js.as_f64() {
        return if n.fract() == 0.0 && n.abs() <= SAFE_INTEGER {
            Some(Value::Number(Number::from(n as i64)))
        } else {
            Number::from_f64(n).map(Value::Number)
        };
    }
    if let Some(s) = js.as_string() {
        return Some(Value::String(s));
    }
    if Array::is_array(js) {
        let items: Option<Vec<Value>> = Array::from(js).iter().map(|v| from_js(&v)).collect();
        return items.map(Value::Array);
    }
    let object: &Object = js.dyn_ref()?;
    let mut map = Map::new();
    for entry in Object::entries(object).iter() {
        let pair = Array::from(&entry);
        map.insert(pair.get(0).as_string()?, from_js(&pair.get(1))?);
    }
    Some(Value::Object(map))
}

/// A `Value` as a JavaScript value for `JSON.stringify`.
fn to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => n.as_f64().map_or(JsValue::NULL, JsValue::from_f64),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Value::Object(map) => {
            let object = Object::new();
            for (k, v) in map {
                let _ = Reflect::set(&object, &JsValue::from_str(k), &to_js(v));
            }
            object.into()
        }
    }
}
