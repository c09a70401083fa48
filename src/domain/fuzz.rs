//! Fuzzing of the import and storage parsing (`format::parse`, which both use): arbitrary
//! text, valid diaries with a byte changed, and valid diaries with one value anywhere in
//! the JSON replaced by something of another type or range, or removed. It never panics,
//! and every refusal says where: the field path, or for text that is not JSON the line and
//! column. `FUZZ_CASES` sets the number of cases per property (500 by default, the short
//! run of CI; `scripts/fuzz.sh` runs 100,000).

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Value};

use super::format::{parse, read_stored, to_json, FormatError, FormatErrorKind, TEST_TODAY};
use super::generate::{dense_diary, diary};

fn config() -> Config {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    Config {
        cases,
        // Shrinking a failure of a long run can take long; the failing input is printed.
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

/// A refusal names where the problem is.
fn says_where(e: &FormatError) -> bool {
    match e.kind {
        FormatErrorKind::NotJson => e.message.contains("line") && e.message.contains("column"),
        FormatErrorKind::NotADiary => {
            e.path == "format" || (e.path.is_empty() && e.message.contains("JSON object"))
        }
        FormatErrorKind::NewerVersion => e.path == "version",
        FormatErrorKind::Invalid => {
            !e.path.is_empty() && (e.path != "." || e.message.contains("missing field"))
        }
        FormatErrorKind::OutOfRange | FormatErrorKind::DuplicateKey => {
            !e.path.is_empty() && e.path != "."
        }
    }
}

/// Every path to a value in `v`, as JSON pointers.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointers(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Values of every JSON type, and numbers and strings out of every range the format has.
fn wrong_value() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None), // remove it
        Just(Some(Value::Null)),
        any::<bool>().prop_map(|b| Some(json!(b))),
        any::<i64>().prop_map(|n| Some(json!(n))),
        prop_oneof![
            Just(-1.0),
            Just(10.5),
            Just(11.0),
            Just(1e300),
            Just(-0.0),
            Just(1440.5),
            Just(200_001.0),
            Just(24.9),
            Just(113.5)
        ]
        .prop_map(|n: f64| Some(json!(n))),
        ".{0,12}".prop_map(|s| Some(json!(s))),
        prop_oneof![
            Just("2026-02-30"),
            Just("2026-13-01"),
            Just("yesterday"),
            Just("left"),
            Just("saddle"),
            Just("F"),
            Just("1899-12-31"),
            Just("2027-01-02"),
            Just("9999-12-31"),
            Just("0000-01-01T00:00:00Z"),
            Just("9999-12-31T23:59:59+14:00")
        ]
        .prop_map(|s| Some(json!(s))),
        Just(Some(json!([]))),
        Just(Some(json!({}))),
        Just(Some(json!([{ "date": "2026-11-02" }]))),
    ]
}

/// `v` as JSON text, with the key of the object member at `twice` (a JSON pointer) written
/// twice: first with `first` (or its own value), then with its own value.
fn text_with_a_key_twice(
    v: &Value,
    at: &str,
    twice: &str,
    first: Option<&Value>,
    out: &mut String,
) {
    match v {
        Value::Object(m) => {
            out.push('{');
            for (n, (k, x)) in m.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                let here = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                let key = Value::String(k.clone()).to_string();
                if here == twice {
                    out.push_str(&format!("{key}:{},", first.unwrap_or(x)));
                }
                out.push_str(&key);
                out.push(':');
                text_with_a_key_twice(x, &here, twice, first, out);
            }
            out.push('}');
        }
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                text_with_a_key_twice(x, &format!("{at}/{i}"), twice, first, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_a_key_given_twice(
        diary in prop_oneof![diary().boxed(), dense_diary().boxed()],
        at in any::<prop::sample::Index>(),
        first in wrong_value(),
    ) {
        let json: Value = serde_json::from_str(&to_json(&diary, None)).unwrap();
        let mut all = Vec::new();
        pointers(&json, String::new(), &mut all);
        // Members of objects only (not the whole file, not list items).
        let members: Vec<&String> = all
            .iter()
            .filter(|p| p.rsplit_once('/').is_some_and(|(parent, _)| {
                matches!(json.pointer(parent), Some(Value::Object(_)))
            }))
            .collect();
        prop_assume!(!members.is_empty());
        let twice = members[at.index(members.len())].as_str();
        let mut text = String::new();
        text_with_a_key_twice(&json, "", twice, first.as_ref(), &mut text);
        // Refused by both readers, with the path of the key given twice.
        let e = parse(&text, TEST_TODAY).expect_err("a key given twice is refused");
        prop_assert_eq!(e.kind, FormatErrorKind::DuplicateKey, "{}: {}", twice, e);
        prop_assert!(read_stored(&text, TEST_TODAY).is_err());
        let (_, key) = twice.rsplit_once('/').unwrap();
        prop_assert!(e.path.ends_with(&key.replace("~1", "/").replace("~0", "~")), "{} vs {}", e.path, twice);
    }

    #[test]
    fn fuzz_arbitrary_text(text in prop_oneof![".{0,300}", "[\\[\\]{}\":,0-9a-z ]{0,300}"]) {
        if let Err(e) = parse(&text, TEST_TODAY) {
            prop_assert!(says_where(&e), "{e:?}");
        }
    }

    #[test]
    fn fuzz_a_changed_byte(diary in diary(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut json = to_json(&diary, None).into_bytes();
        let i = at.index(json.len());
        json[i] = byte;
        if let Ok(text) = String::from_utf8(json) {
            if let Err(e) = parse(&text, TEST_TODAY) {
                prop_assert!(says_where(&e), "{e:?}");
            }
            // The stored diary's fast reader agrees with the full one.
            prop_assert_eq!(read_stored(&text, TEST_TODAY).ok(), parse(&text, TEST_TODAY).ok().map(|p| p.diary));
        }
    }

    #[test]
    fn fuzz_a_wrong_value_anywhere(
        diary in prop_oneof![diary().boxed(), dense_diary().boxed()],
        at in any::<prop::sample::Index>(),
        value in wrong_value(),
    ) {
        let mut json: Value = serde_json::from_str(&to_json(&diary, None)).unwrap();
        let mut all = Vec::new();
        pointers(&json, String::new(), &mut all);
        let pointer = all[at.index(all.len())].clone();
        match (pointer.rsplit_once('/'), value) {
            (None, Some(v)) => json = v, // the whole file
            (None, None) => json = Value::Null,
            (Some((parent, key)), value) => match (json.pointer_mut(parent), value) {
                (Some(Value::Object(m)), None) => { m.remove(key); }
                (Some(Value::Array(a)), None) => { if let Ok(i) = key.parse::<usize>() { a.remove(i); } }
                (_, Some(v)) => { if let Some(slot) = json.pointer_mut(&pointer) { *slot = v; } }
                _ => {}
            },
        }
        // The stored diary's fast reader accepts and refuses exactly what the full one does.
        prop_assert_eq!(
            read_stored(&json.to_string(), TEST_TODAY).ok(),
            parse(&json.to_string(), TEST_TODAY).ok().map(|p| p.diary),
            "{}", pointer
        );
        match parse(&json.to_string(), TEST_TODAY) {
            Ok(parsed) => {
                // Accepted: then it is a valid diary that writes and reads back the same.
                let again = parse(&to_json(&parsed.diary, None), TEST_TODAY).unwrap();
                prop_assert_eq!(again.diary, parsed.diary);
            }
            Err(e) => prop_assert!(says_where(&e), "{pointer}: {e:?}"),
        }
    }
}
