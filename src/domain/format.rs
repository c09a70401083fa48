//! Diary file format v2: the one schema for storage, export and import (v1 still reads).
//!
//! `parse` refuses anything invalid with a message that names the field path, counts the
//! unknown fields it ignored, and migrates older versions (in `migrate`, the one place).
//! Beyond the types, a file holds dates from 1900 to tomorrow and plausible human values
//! (`model::bounds`), and no key twice in one object (`strict_json`).

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::known_fields;
use super::model::{
    bounds, Acknowledgement, Amount, Diary, Distance, Entry, Profile, Region, Side, Temperature,
};
use super::strict_json::{self, StrictError};

pub const FORMAT_NAME: &str = "recovery-diary";
pub const CURRENT_VERSION: u64 = 2;

/// Why a file or stored value was refused: where (`path`, empty for the whole file) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    pub path: String,
    pub message: String,
    pub kind: FormatErrorKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatErrorKind {
    NotJson,
    NotADiary,
    NewerVersion,
    Invalid,
    /// A date outside 1900-01-01 … tomorrow, or a number outside plausible human values.
    OutOfRange,
    /// A key given twice in one object: which value is meant is unclear.
    DuplicateKey,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl FormatError {
    fn new(kind: FormatErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        FormatError {
            path: path.into(),
            message: message.into(),
            kind,
        }
    }
}

/// A successfully read file.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub diary: Diary,
    /// Paths of the fields that were not understood and so ignored.
    pub ignored_fields: Vec<String>,
}

/// The file as it is on disk: check-ins as an array.
#[derive(Serialize, Deserialize)]
struct DiaryFile {
    format: String,
    version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exported_at: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    profile: Profile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    baseline: Option<Entry>,
    checkins: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    acknowledgements: Vec<Acknowledgement>,
    /// The FHIR resources, as they are: read here only by `read_stored`'s one pass; the
    /// other readers take them out of the JSON tree first (`prepare`).
    #[serde(
        default,
        skip_serializing,
        deserialize_with = "strict_json::deserialize_opt"
    )]
    questionnaires: Option<Value>,
    #[serde(
        default,
        skip_serializing,
        deserialize_with = "strict_json::deserialize_opt"
    )]
    questionnaire_responses: Option<Value>,
}

/// Reads a diary file: every refusal names its field path, and the unknown fields that were
/// ignored are listed (import, and the explanation of an unreadable stored diary). `today` is
/// the phone's date: no check-in may be dated after tomorrow.
pub fn parse(text: &str, today: NaiveDate) -> Result<Parsed, FormatError> {
    parse_value(json(text)?, today)
}

/// Reads the diary this app stored, on every open: what `parse` reads, without its field
/// paths and list of unknown fields, so the first download of the wasm carries only this
/// reader; `parse` is in a chunk loaded when needed. Whatever one refuses the
/// other refuses (tested); only `parse` names the path.
///
/// A diary this app wrote is read in one pass, straight into the model (2.7 times faster for
/// 5 years than through a JSON tree, and without the tree's thousands of allocations); any
/// text that pass does not take (another version, a wrong field, an unknown field, a key
/// given twice) goes through the JSON tree, the same as `parse`, for the same answer.
pub fn read_stored(text: &str, today: NaiveDate) -> Result<Diary, FormatError> {
    if let Some(mut file) = read_current(text) {
        let resources = (
            file.questionnaires.take(),
            file.questionnaire_responses.take(),
        );
        if let Ok(diary) = assemble(file, resources, today) {
            return Ok(diary);
        }
    }
    let (value, resources) = prepare(json(text)?)?;
    let file = DiaryFile::deserialize(&value).map_err(|e| {
        FormatError::new(
            FormatErrorKind::Invalid,
            "",
            plain_serde_message(&e.to_string()),
        )
    })?;
    assemble(file, resources, today)
}

/// A file of a version this app reads, as a JSON object with no field the diary does not
/// know, read in one pass; `None` for anything else. (A key given twice is refused by
/// serde for the diary's own fields and by `strict_json` inside the FHIR resources; an
/// unknown field, which serde would skip without a look, sends the text to the tree.)
fn read_current(text: &str) -> Option<DiaryFile> {
    // A struct also reads from a JSON array, which the tree's reader refuses.
    if !text
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .starts_with('{')
    {
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let file: DiaryFile = known_fields::deserialize(&mut de).ok()?;
    de.end().ok()?;
    (file.format == FORMAT_NAME && (1..=CURRENT_VERSION).contains(&file.version)).then_some(file)
}

fn json(text: &str) -> Result<Value, FormatError> {
    strict_json::from_str(text).map_err(|e| match e {
        StrictError::NotJson(e) => FormatError::new(
            FormatErrorKind::NotJson,
            "",
            format!("This is not a diary file: it is not valid JSON ({e})."),
        ),
        StrictError::Repeated { path, key } => FormatError::new(
            FormatErrorKind::DuplicateKey,
            path,
            format!("\"{key}\" is given twice here; a file gives each field once, so which value is meant is unclear"),
        ),
    })
}

/// The FHIR resources of format v2, taken from the JSON tree as they are.
type Resources = (Option<Value>, Option<Value>);

/// Header checks and migrations; the FHIR resources are taken out of the tree as they are
/// (not through the typed reader: that would add a second copy of serde_json's Value reader).
fn prepare(value: Value) -> Result<(Value, Resources), FormatError> {
    let version = check_header(&value)?;
    let mut value = migrate(value, version)?;
    let mut take = |field: &str| match &mut value {
        Value::Object(map) => map.remove(field),
        _ => None,
    };
    let resources = (take("questionnaires"), take("questionnaire_responses"));
    Ok((value, resources))
}

fn assemble(
    file: DiaryFile,
    (questionnaires, responses): Resources,
    today: NaiveDate,
) -> Result<Diary, FormatError> {
    let mut diary = into_diary(
        file.profile,
        file.baseline,
        file.checkins,
        file.acknowledgements,
        today,
    )?;
    diary.questionnaires = resources(questionnaires, "questionnaires", "Questionnaire")?;
    diary.questionnaire_responses = resources(
        responses,
        "questionnaire_responses",
        "QuestionnaireResponse",
    )?;
    Ok(diary)
}

fn parse_value(value: Value, today: NaiveDate) -> Result<Parsed, FormatError> {
    let (value, resources) = prepare(value)?;
    let mut ignored_fields = Vec::new();
    let mut track = serde_path_to_error::Track::new();
    let file: DiaryFile = {
        let de = serde_path_to_error::Deserializer::new(&value, &mut track);
        serde_ignored::deserialize(de, |path| ignored_fields.push(path.to_string()))
    }
    .map_err(|e| {
        FormatError::new(
            FormatErrorKind::Invalid,
            track.path().to_string(),
            plain_serde_message(&e.to_string()),
        )
    })?;
    Ok(Parsed {
        diary: assemble(file, resources, today)?,
        ignored_fields,
    })
}

/// Checks `format` and `version` before anything else, so that a file from a newer app
/// gets the "newer version" message rather than a complaint about its contents.
fn check_header(value: &Value) -> Result<u64, FormatError> {
    let Value::Object(map) = value else {
        return Err(FormatError::new(
            FormatErrorKind::NotADiary,
            "",
            "This is not a diary file: it does not hold a JSON object.",
        ));
    };
    match map.get("format") {
        Some(Value::String(s)) if s == FORMAT_NAME => {}
        Some(other) => {
            return Err(FormatError::new(
                FormatErrorKind::NotADiary,
                "format",
                format!("This is not a Recovery Diary file (format is {other}, expected \"{FORMAT_NAME}\")."),
            ))
        }
        None => {
            return Err(FormatError::new(
                FormatErrorKind::NotADiary,
                "format",
                "This is not a Recovery Diary file (it has no \"format\" field).",
            ))
        }
    }
    match map.get("version") {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v > CURRENT_VERSION => Err(FormatError::new(
                FormatErrorKind::NewerVersion,
                "version",
                format!(
                    "This file is from a newer version of Recovery Diary (file version {v}; this app reads up to {CURRENT_VERSION}). Update the app to open it. Nothing was changed."
                ),
            )),
            Some(v) if v >= 1 => Ok(v),
            _ => Err(FormatError::new(
                FormatErrorKind::Invalid,
                "version",
                format!("must be a whole number of 1 or more (found {n})"),
            )),
        },
        Some(other) => Err(FormatError::new(
            FormatErrorKind::Invalid,
            "version",
            format!("must be a whole number (found {other})"),
        )),
        None => Err(FormatError::new(
            FormatErrorKind::Invalid,
            "version",
            "is missing",
        )),
    }
}

/// Brings an older file up to the current version. The one place for migrations: each
/// step takes version N to N+1.
fn migrate(mut value: Value, version: u64) -> Result<Value, FormatError> {
    debug_assert!(version <= CURRENT_VERSION);
    if version < 2 {
        // 1 → 2: version 2 only adds optional fields (`questionnaires`,
        // `questionnaire_responses`, `timed_tests`); a v1 file is a v2 file without them.
        if let Value::Object(map) = &mut value {
            map.insert("version".into(), Value::from(2));
        }
    }
    Ok(value)
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// FHIR resources of the file, kept as they are: a list (absent or null: none), each a JSON
/// object of `kind`.
fn resources(list: Option<Value>, field: &str, kind: &str) -> Result<Vec<Value>, FormatError> {
    let list = match list {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list,
        Some(other) => {
            return Err(FormatError::new(
                FormatErrorKind::Invalid,
                field,
                format!("must be a list (found {})", kind_of(&other)),
            ))
        }
    };
    for (i, r) in list.iter().enumerate() {
        match r.get("resourceType").and_then(Value::as_str) {
            Some(k) if k == kind && r.is_object() => {}
            _ => {
                return Err(FormatError::new(
                    FormatErrorKind::Invalid,
                    format!("{field}[{i}].resourceType"),
                    format!("must be \"{kind}\" (a FHIR R4 {kind})"),
                ))
            }
        }
    }
    Ok(list)
}

/// The checks that serde's types cannot express: one check-in per date, dates and values
/// within `model::bounds`, saddle findings are midline and other regions are left or right.
fn into_diary(
    profile: Profile,
    baseline: Option<Entry>,
    checkins: Vec<Entry>,
    acknowledgements: Vec<Acknowledgement>,
    today: NaiveDate,
) -> Result<Diary, FormatError> {
    let invalid = |path: String, msg: String| FormatError::new(FormatErrorKind::Invalid, path, msg);
    let within = Within::new(today);
    if let Some(d) = profile.procedure_date {
        within.procedure_date(d, &|| "profile.procedure_date".into())?;
    }
    if let Some(b) = &baseline {
        if let Some(d) = b.recorded_on {
            within.date(d, &|| "baseline.recorded_on".into())?;
        }
        check_entry(b, &|| "baseline".into(), &within)?;
    }
    let mut by_date = BTreeMap::new();
    for (i, entry) in checkins.into_iter().enumerate() {
        let path = || format!("checkins[{i}]");
        let Some(date) = entry.date else {
            return Err(invalid(format!("{}.date", path()), "is missing".into()));
        };
        within.date(date, &|| format!("{}.date", path()))?;
        check_entry(&entry, &path, &within)?;
        if by_date.insert(date, entry).is_some() {
            return Err(invalid(
                format!("{}.date", path()),
                format!("{date} appears twice; a diary has at most one check-in per date"),
            ));
        }
    }
    for (i, ack) in acknowledgements.iter().enumerate() {
        let path = || format!("acknowledgements[{i}]");
        if ack.rule.trim().is_empty() {
            return Err(invalid(format!("{}.rule", path()), "is empty".into()));
        }
        within.date(ack.date, &|| format!("{}.date", path()))?;
        within.instant(ack.at, &|| format!("{}.at", path()))?;
    }
    Ok(Diary {
        profile,
        baseline,
        checkins: by_date,
        acknowledgements,
        ..Diary::default()
    })
}

/// The bounds of `model::bounds` for a file read on `today`.
struct Within {
    latest: NaiveDate,
    latest_procedure: NaiveDate,
}

/// A field's path, built only when the field is refused (a stored diary of 5 years has
/// thousands of values to check on every open).
type PathOf<'a> = &'a dyn Fn() -> String;

fn out_of_range(path: PathOf, message: String) -> FormatError {
    FormatError::new(FormatErrorKind::OutOfRange, path(), message)
}

impl Within {
    fn new(today: NaiveDate) -> Self {
        Within {
            latest: bounds::latest_date(today),
            latest_procedure: bounds::latest_procedure_date(today),
        }
    }

    fn date(&self, date: NaiveDate, path: PathOf) -> Result<(), FormatError> {
        if (bounds::EARLIEST_DATE..=self.latest).contains(&date) {
            Ok(())
        } else {
            Err(out_of_range(
                path,
                format!(
                    "{date} is outside the dates a diary holds ({} to {}, tomorrow on this phone); if the phone's date is wrong, correct it and try again",
                    bounds::EARLIEST_DATE,
                    self.latest
                ),
            ))
        }
    }

    /// An instant's date on its own clock (its offset).
    fn instant(&self, at: DateTime<FixedOffset>, path: PathOf) -> Result<(), FormatError> {
        self.date(at.date_naive(), path)
    }

    fn procedure_date(&self, date: NaiveDate, path: PathOf) -> Result<(), FormatError> {
        if (bounds::EARLIEST_DATE..=self.latest_procedure).contains(&date) {
            Ok(())
        } else {
            Err(out_of_range(
                path,
                format!(
                    "{date} is outside the procedure dates a diary holds ({} to {}, two years ahead)",
                    bounds::EARLIEST_DATE,
                    self.latest_procedure
                ),
            ))
        }
    }

    fn minutes(&self, m: Option<Amount>, path: PathOf) -> Result<(), FormatError> {
        match m {
            Some(m) if m.get() > bounds::MAX_MINUTES => Err(out_of_range(
                path,
                format!(
                    "{} minutes is more than a day (at most {})",
                    m.get(),
                    bounds::MAX_MINUTES
                ),
            )),
            _ => Ok(()),
        }
    }

    fn distance(&self, d: Option<Distance>, path: PathOf) -> Result<(), FormatError> {
        match d {
            Some(d) if d.value.get() > bounds::MAX_DISTANCE => Err(out_of_range(
                path,
                format!(
                    "{} {} is more than anyone walks at one time (at most {} {})",
                    d.value.get(),
                    d.unit.symbol(),
                    bounds::MAX_DISTANCE,
                    d.unit.symbol()
                ),
            )),
            _ => Ok(()),
        }
    }

    fn temperature(&self, t: Option<Temperature>, path: PathOf) -> Result<(), FormatError> {
        let Some(t) = t else { return Ok(()) };
        let (lo, hi) = bounds::temperature(t.unit);
        if (lo..=hi).contains(&t.value.get()) {
            Ok(())
        } else {
            let unit = t.unit.symbol();
            Err(out_of_range(
                path,
                format!(
                    "{} {unit} is not a body temperature (from {lo} to {hi} {unit})",
                    t.value.get()
                ),
            ))
        }
    }
}

fn check_entry(entry: &Entry, path: PathOf, within: &Within) -> Result<(), FormatError> {
    if let Some(at) = entry.recorded_at {
        within.instant(at, &|| format!("{}.recorded_at", path()))?;
    }
    let walking = entry.walking.unwrap_or_default();
    within.distance(walking.distance, &|| {
        format!("{}.walking.distance.value", path())
    })?;
    within.minutes(walking.minutes, &|| format!("{}.walking.minutes", path()))?;
    within.minutes(entry.standing_minutes, &|| {
        format!("{}.standing_minutes", path())
    })?;
    within.temperature(entry.temperature, &|| {
        format!("{}.temperature.value", path())
    })?;
    for (i, f) in entry.neuro.iter().flatten().enumerate() {
        if !f.region.sides().contains(&f.side) {
            let expected = if f.region == Region::Saddle {
                "\"midline\" for the saddle area"
            } else {
                "\"left\" or \"right\""
            };
            return Err(FormatError::new(
                FormatErrorKind::Invalid,
                format!("{}.neuro[{i}].side", path()),
                format!("must be {expected} (found \"{}\")", side_name(f.side)),
            ));
        }
    }
    for (i, t) in entry.timed_tests.iter().flatten().enumerate() {
        let at = || format!("{}.timed_tests[{i}]", path());
        within.instant(t.started_at, &|| format!("{}.started_at", at()))?;
        within.minutes(Some(t.minutes), &|| format!("{}.minutes", at()))?;
        within.distance(t.distance, &|| format!("{}.distance.value", at()))?;
        if t.first_symptom_minutes
            .is_some_and(|s| s.get() > t.minutes.get())
        {
            return Err(FormatError::new(
                FormatErrorKind::Invalid,
                format!("{}.first_symptom_minutes", at()),
                "must not be more than minutes (symptoms began during the test)",
            ));
        }
    }
    for (i, m) in entry.medications.iter().flatten().enumerate() {
        if m.name.trim().is_empty() {
            return Err(FormatError::new(
                FormatErrorKind::Invalid,
                format!("{}.medications[{i}].name", path()),
                "is empty",
            ));
        }
    }
    Ok(())
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Left => "left",
        Side::Right => "right",
        Side::Midline => "midline",
    }
}

/// serde's messages, minus the Rust type names a patient should not see.
fn plain_serde_message(msg: &str) -> String {
    msg.replace("expected u64", "expected a whole number")
        .replace("expected u32", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("expected a boolean", "expected true or false")
}

/// Writes the diary as a file of the current version. Check-ins come out in date order.
pub fn to_json(diary: &Diary, exported_at: Option<DateTime<FixedOffset>>) -> String {
    let file = DiaryFileRef {
        format: FORMAT_NAME,
        version: CURRENT_VERSION,
        exported_at,
        profile: &diary.profile,
        baseline: diary.baseline.as_ref(),
        checkins: diary.checkins.values().collect(),
        acknowledgements: &diary.acknowledgements,
        questionnaires: &diary.questionnaires,
        questionnaire_responses: &diary.questionnaire_responses,
    };
    // Serializing plain data structs to a String cannot fail.
    serde_json::to_string(&file).unwrap_or_default()
}

#[derive(Serialize)]
struct DiaryFileRef<'a> {
    format: &'static str,
    version: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    exported_at: Option<DateTime<FixedOffset>>,
    profile: &'a Profile,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<&'a Entry>,
    checkins: Vec<&'a Entry>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    acknowledgements: &'a [Acknowledgement],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    questionnaires: &'a [Value],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    questionnaire_responses: &'a [Value],
}

/// The phone's date in the tests: after every fixture's dates.
#[cfg(test)]
pub const TEST_TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The stored-v2 fixture as a diary, for the tests of the exports.
#[cfg(test)]
pub fn stored_v2() -> Diary {
    match parse(
        include_str!("../../tests/fixtures/stored-v2.json"),
        TEST_TODAY,
    ) {
        Ok(p) => p.diary,
        Err(e) => panic!("the v2 fixture reads: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;
    use chrono::NaiveDate;

    const SPEC_EXAMPLE: &str = r#"{
  "format": "recovery-diary",
  "version": 1,
  "profile": {"procedure_date": "2026-11-02", "distance_unit": "ft", "temperature_unit": "F"},
  "baseline": {"recorded_on": "2026-10-30", "pain": {"back": 6, "leg": 7},
               "walking": {"distance": {"value": 250, "unit": "ft"}}, "standing_minutes": 8,
               "neuro": [{"region": "calf", "side": "left", "kind": "numbness", "severity": 4}]},
  "checkins": [
    {"date": "2026-11-03", "pain": {"back": 5, "leg": 4, "incision": 3, "medicine_helped": true},
     "walking": {"distance": {"value": 400, "unit": "ft"}, "minutes": 6}, "standing_minutes": 12,
     "neuro": [{"region": "calf", "side": "left", "kind": "numbness", "severity": 3}],
     "incision": {"bandage": "dry", "drainage": "none", "redness": "thin_line"},
     "temperature": {"value": 99.1, "unit": "F"}, "chills": false,
     "symptoms": {"saddle_numbness": false, "bladder_trouble": false}}
  ]
}"#;

    fn err(text: &str) -> FormatError {
        parse(text, TEST_TODAY).expect_err("should be refused")
    }

    fn with_checkin(checkin: &str) -> String {
        format!(r#"{{"format":"recovery-diary","version":1,"checkins":[{checkin}]}}"#)
    }

    /// A diary as each version of the app stored it, oldest first. A new format version adds
    /// its file here, and the older ones must still read (through `migrate`) to the same diary.
    const STORED: [(u64, &str); 2] = [
        (1, include_str!("../../tests/fixtures/stored-v1.json")),
        (2, include_str!("../../tests/fixtures/stored-v2.json")),
    ];

    #[test]
    fn the_fast_reader_of_the_stored_diary_reads_every_version_and_refuses_alike() {
        for text in [
            include_str!("../../tests/fixtures/stored-v1.json"),
            include_str!("../../tests/fixtures/stored-v2.json"),
        ] {
            assert_eq!(
                read_stored(text, TEST_TODAY).ok(),
                parse(text, TEST_TODAY).ok().map(|p| p.diary)
            );
            assert!(read_stored(text, TEST_TODAY).is_ok());
        }
        let bad = with_checkin(r#"{"date": "2026-11-02", "pain": {"back": 42}}"#);
        assert!(read_stored(&bad, TEST_TODAY).is_err() && parse(&bad, TEST_TODAY).is_err());
    }

    #[test]
    fn what_this_app_writes_is_read_in_one_pass_and_the_rest_through_the_tree() {
        for text in [
            include_str!("../../tests/fixtures/stored-v1.json"),
            include_str!("../../tests/fixtures/stored-v2.json"),
            SPEC_EXAMPLE,
        ] {
            let diary = read_stored(text, TEST_TODAY).expect("reads");
            assert!(
                read_current(text).is_some(),
                "a stored file takes the one pass"
            );
            // What the app writes back takes it too, FHIR resources included.
            let written = to_json(&diary, None);
            assert!(read_current(&written).is_some());
            assert_eq!(read_stored(&written, TEST_TODAY).ok(), Some(diary));
        }
        let file = include_str!("../../tests/fixtures/stored-v2.json");
        let twice = file.replacen("{", r#"{"version": 2, "#, 1);
        let as_list = r#"["recovery-diary", 2, null, {}, null, []]"#;
        let newer = file.replacen(r#""version": 2"#, r#""version": 3"#, 1);
        for other in [twice.as_str(), as_list, newer.as_str()] {
            assert!(read_current(other).is_none(), "{other:.60}");
            assert_eq!(
                read_stored(other, TEST_TODAY).ok(),
                parse(other, TEST_TODAY).ok().map(|p| p.diary)
            );
        }
        assert_eq!(
            read_stored(&newer, TEST_TODAY).map_err(|e| e.kind),
            Err(FormatErrorKind::NewerVersion)
        );
        assert_eq!(
            read_stored(as_list, TEST_TODAY).map_err(|e| e.kind),
            Err(FormatErrorKind::NotADiary)
        );
    }

    #[test]
    fn every_stored_version_reads() {
        let versions: Vec<u64> = STORED.iter().map(|(v, _)| *v).collect();
        assert_eq!(
            versions,
            (1..=CURRENT_VERSION).collect::<Vec<_>>(),
            "a stored diary of every version, 1 to the current one"
        );
        for (version, text) in STORED {
            let p = parse(text, TEST_TODAY).unwrap_or_else(|e| panic!("version {version}: {e}"));
            assert!(
                p.ignored_fields.is_empty(),
                "version {version}: {:?}",
                p.ignored_fields
            );
            let d = p.diary;
            assert_eq!(d.checkins.len(), 2, "version {version}");
            assert_eq!(d.acknowledgements.len(), 1, "version {version}");
            let first = &d.checkins[&NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()];
            assert_eq!(first.medications.as_ref().map(Vec::len), Some(1));
            assert_eq!(first.ask_at_visit.as_deref(), Some("When can I drive?"));
            assert!(d.baseline.is_some());
            // And it is written back in the current version, which reads to the same diary.
            assert_eq!(parse(&to_json(&d, None), TEST_TODAY).unwrap().diary, d);
        }
    }

    #[test]
    fn version_2_keeps_timed_tests_and_questionnaires_and_v1_reads_as_v2() {
        let v2 = parse(STORED[1].1, TEST_TODAY).expect("v2 fixture").diary;
        let first = &v2.checkins[&NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()];
        let tests = first.timed_tests.as_ref().expect("timed tests");
        assert_eq!(tests.len(), 2);
        assert_eq!(tests[0].kind, TimedKind::Walk);
        assert_eq!(tests[0].minutes.get(), 6.4);
        assert_eq!(tests[0].first_symptom_minutes.map(Amount::get), Some(4.1));
        assert_eq!(tests[0].stopped_because, Some(StopReason::Symptoms));
        assert_eq!(tests[1].kind, TimedKind::Stand);
        assert_eq!(v2.questionnaires.len(), 1);
        assert_eq!(v2.questionnaire_responses.len(), 1);
        // Written as version 2, with everything in it.
        let written: Value = serde_json::from_str(&to_json(&v2, None)).unwrap();
        assert_eq!(written["version"], 2);
        assert_eq!(
            written["questionnaires"][0]["url"],
            "https://clinic.example/q/walking"
        );
        assert_eq!(
            written["checkins"][0]["timed_tests"][0]["first_symptom_minutes"],
            4.1
        );
        // A v1 file reads as v2 with none of them, and is written as v2.
        let v1 = parse(STORED[0].1, TEST_TODAY).expect("v1 fixture").diary;
        assert!(v1.questionnaires.is_empty() && v1.questionnaire_responses.is_empty());
        assert!(v1.checkins.values().all(|e| e.timed_tests.is_none()));
        let written: Value = serde_json::from_str(&to_json(&v1, None)).unwrap();
        assert_eq!(written["version"], 2);
    }

    #[test]
    fn version_3_is_refused_and_bad_v2_values_name_their_path() {
        let e = err(r#"{"format":"recovery-diary","version":3,"checkins":[]}"#);
        assert_eq!(e.kind, FormatErrorKind::NewerVersion);
        assert!(e.message.contains("reads up to 2"), "{e}");
        let e = err(
            r#"{"format":"recovery-diary","version":2,"checkins":[{"date":"2026-11-03","timed_tests":[{"kind":"walk","started_at":"2026-11-03T17:00:00-05:00","minutes":3,"first_symptom_minutes":4}]}]}"#,
        );
        assert_eq!(e.path, "checkins[0].timed_tests[0].first_symptom_minutes");
        let e = err(
            r#"{"format":"recovery-diary","version":2,"checkins":[{"date":"2026-11-03","timed_tests":[{"kind":"run","started_at":"2026-11-03T17:00:00-05:00","minutes":3}]}]}"#,
        );
        assert_eq!(e.path, "checkins[0].timed_tests[0].kind");
        let e = err(
            r#"{"format":"recovery-diary","version":2,"checkins":[],"questionnaire_responses":[{"resourceType":"Patient"}]}"#,
        );
        assert_eq!(e.path, "questionnaire_responses[0].resourceType");
    }

    #[test]
    fn reads_the_spec_example() {
        let p = parse(SPEC_EXAMPLE, TEST_TODAY).expect("spec example parses");
        let d = &p.diary;
        assert_eq!(
            d.profile.procedure_date,
            NaiveDate::from_ymd_opt(2026, 11, 2)
        );
        assert_eq!(d.profile.temperature_unit, TemperatureUnit::Fahrenheit);
        let b = d.baseline.as_ref().unwrap();
        assert_eq!(b.pain.unwrap().leg, Some(Rating::new(7).unwrap()));
        let c = &d.checkins[&NaiveDate::from_ymd_opt(2026, 11, 3).unwrap()];
        assert_eq!(c.incision.unwrap().redness, Some(Redness::ThinLine));
        assert_eq!(c.temperature.unwrap().value.get(), 99.1);
        assert!(p.ignored_fields.is_empty());
    }

    #[test]
    fn spec_example_round_trips() {
        let first = parse(SPEC_EXAMPLE, TEST_TODAY).unwrap().diary;
        let again = parse(&to_json(&first, None), TEST_TODAY).unwrap().diary;
        assert_eq!(first, again);
        // And the JSON itself is stable.
        assert_eq!(to_json(&first, None), to_json(&again, None));
    }

    #[test]
    fn null_means_not_answered() {
        let p = parse(
            &with_checkin(
                r#"{"date":"2026-11-03","pain":{"back":null,"leg":2},"chills":null,"neuro":null}"#,
            ),
            TEST_TODAY,
        )
        .unwrap();
        let c = p.diary.checkins.values().next().unwrap();
        assert_eq!(c.pain.unwrap().back, None);
        assert_eq!(c.chills, None);
        assert_eq!(c.neuro, None);
    }

    #[test]
    fn empty_neuro_list_is_kept_apart_from_missing() {
        let p = parse(
            &with_checkin(r#"{"date":"2026-11-03","neuro":[]}"#),
            TEST_TODAY,
        )
        .unwrap();
        let c = p.diary.checkins.values().next().unwrap();
        assert_eq!(c.neuro, Some(vec![]));
        assert!(to_json(&p.diary, None).contains("\"neuro\":[]"));
    }

    #[test]
    fn refuses_text_that_is_not_json() {
        let e = err("not json at all");
        assert_eq!(e.kind, FormatErrorKind::NotJson);
        assert!(e.to_string().contains("not valid JSON"));
    }

    #[test]
    fn refuses_a_wrong_format() {
        let e = err(r#"{"format":"something-else","version":1,"checkins":[]}"#);
        assert_eq!(e.kind, FormatErrorKind::NotADiary);
        assert_eq!(e.path, "format");
        let e = err(r#"[1,2,3]"#);
        assert_eq!(e.kind, FormatErrorKind::NotADiary);
    }

    #[test]
    fn refuses_a_newer_version_by_name() {
        let e = err(r#"{"format":"recovery-diary","version":3,"checkins":"anything"}"#);
        assert_eq!(e.kind, FormatErrorKind::NewerVersion);
        assert!(e.message.contains("newer version"));
    }

    #[test]
    fn refuses_a_bad_version() {
        assert_eq!(
            err(r#"{"format":"recovery-diary","version":0,"checkins":[]}"#).path,
            "version"
        );
        assert_eq!(
            err(r#"{"format":"recovery-diary","version":"1","checkins":[]}"#).path,
            "version"
        );
        assert_eq!(
            err(r#"{"format":"recovery-diary","checkins":[]}"#).path,
            "version"
        );
    }

    #[test]
    fn names_the_field_path_of_an_out_of_range_rating() {
        let text = format!(
            r#"{{"format":"recovery-diary","version":1,"checkins":[{},{}]}}"#,
            r#"{"date":"2026-11-03","pain":{"back":5}}"#,
            r#"{"date":"2026-11-04","pain":{"back":11}}"#
        );
        let e = err(&text);
        assert_eq!(e.path, "checkins[1].pain.back");
        assert!(e.message.contains("0 to 10"), "{}", e.message);
    }

    #[test]
    fn names_the_field_path_of_wrong_types() {
        let cases = [
            (
                r#"{"date":"2026-11-03","pain":{"leg":"seven"}}"#,
                "checkins[0].pain.leg",
            ),
            (
                r#"{"date":"2026-11-03","pain":{"leg":4.5}}"#,
                "checkins[0].pain.leg",
            ),
            (r#"{"date":"2026-13-03"}"#, "checkins[0].date"),
            (
                r#"{"date":"2026-11-03","chills":"no"}"#,
                "checkins[0].chills",
            ),
            (
                r#"{"date":"2026-11-03","walking":{"minutes":-3}}"#,
                "checkins[0].walking.minutes",
            ),
            (
                r#"{"date":"2026-11-03","walking":{"distance":{"value":10,"unit":"yd"}}}"#,
                "checkins[0].walking.distance.unit",
            ),
            (
                r#"{"date":"2026-11-03","neuro":[{"region":"calf","side":"left","kind":"numbness","severity":0}]}"#,
                "checkins[0].neuro[0].severity",
            ),
            (
                r#"{"date":"2026-11-03","neuro":[{"region":"elbow","side":"left","kind":"numbness","severity":3}]}"#,
                "checkins[0].neuro[0].region",
            ),
            (
                r#"{"date":"2026-11-03","neuro":[{"region":"saddle","side":"left","kind":"numbness","severity":3}]}"#,
                "checkins[0].neuro[0].side",
            ),
            (
                r#"{"date":"2026-11-03","neuro":[{"region":"calf","side":"midline","kind":"numbness","severity":3}]}"#,
                "checkins[0].neuro[0].side",
            ),
            (
                r#"{"date":"2026-11-03","incision":{"drainage":"green"}}"#,
                "checkins[0].incision.drainage",
            ),
            (
                r#"{"date":"2026-11-03","medications":[{"name":" "}]}"#,
                "checkins[0].medications[0].name",
            ),
            (r#"{"pain":{"back":1}}"#, "checkins[0].date"),
        ];
        for (checkin, path) in cases {
            let e = err(&with_checkin(checkin));
            assert_eq!(e.path, path, "for {checkin}: {e}");
            assert_eq!(e.kind, FormatErrorKind::Invalid);
        }
    }

    #[test]
    fn dates_from_1900_to_tomorrow_and_nothing_else() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let read = |checkin: &str| parse(&with_checkin(checkin), today);
        for ok in ["1900-01-01", "2026-12-03", "2026-12-04"] {
            assert!(read(&format!(r#"{{"date":"{ok}"}}"#)).is_ok(), "{ok}");
        }
        for (bad, path) in [
            (r#"{"date":"1899-12-31"}"#, "checkins[0].date"),
            (r#"{"date":"2026-12-05"}"#, "checkins[0].date"),
            (r#"{"date":"9999-12-31"}"#, "checkins[0].date"),
            (
                r#"{"date":"2026-11-03","recorded_at":"0000-01-01T00:00:00Z"}"#,
                "checkins[0].recorded_at",
            ),
            (
                r#"{"date":"2026-11-03","recorded_at":"2026-12-05T00:30:00+14:00"}"#,
                "checkins[0].recorded_at",
            ),
            (
                r#"{"date":"2026-11-03","timed_tests":[{"kind":"walk","started_at":"2099-01-01T10:00:00Z","minutes":3}]}"#,
                "checkins[0].timed_tests[0].started_at",
            ),
        ] {
            let e = read(bad).expect_err(bad);
            assert_eq!(
                (e.path.as_str(), e.kind),
                (path, FormatErrorKind::OutOfRange)
            );
            assert!(e.message.contains("1900-01-01 to 2026-12-04"), "{e}");
        }
        // The stored diary's reader refuses the same: then the open keeps it aside, untouched.
        let stored = with_checkin(r#"{"date":"9999-12-31"}"#);
        assert_eq!(
            read_stored(&stored, today).map_err(|e| e.kind),
            Err(FormatErrorKind::OutOfRange)
        );
        // The baseline, the acknowledgements and the procedure date are bounded too.
        let file = |extra: &str| {
            parse(
                &format!(r#"{{"format":"recovery-diary","version":2,"checkins":[],{extra}}}"#),
                today,
            )
        };
        for (extra, path) in [
            (
                r#""baseline":{"recorded_on":"1066-10-14"}"#,
                "baseline.recorded_on",
            ),
            (
                r#""acknowledgements":[{"rule":"B1","date":"3000-01-01","at":"2026-11-05T10:00:00Z","action":"called_clinic"}]"#,
                "acknowledgements[0].date",
            ),
            (
                r#""acknowledgements":[{"rule":"B1","date":"2026-11-05","at":"3000-01-01T10:00:00Z","action":"called_clinic"}]"#,
                "acknowledgements[0].at",
            ),
            (
                r#""profile":{"procedure_date":"2029-01-01"}"#,
                "profile.procedure_date",
            ),
            (
                r#""profile":{"procedure_date":"0202-11-02"}"#,
                "profile.procedure_date",
            ),
        ] {
            let e = file(extra).expect_err(extra);
            assert_eq!(
                (e.path.as_str(), e.kind),
                (path, FormatErrorKind::OutOfRange)
            );
        }
        // A procedure booked ahead is fine.
        assert!(file(r#""profile":{"procedure_date":"2027-06-01"}"#).is_ok());
    }

    #[test]
    fn numbers_within_plausible_human_values() {
        for ok in [
            r#"{"date":"2026-11-03","walking":{"minutes":1440,"distance":{"value":200000,"unit":"m"}},"standing_minutes":0}"#,
            r#"{"date":"2026-11-03","temperature":{"value":25,"unit":"C"}}"#,
            r#"{"date":"2026-11-03","temperature":{"value":113,"unit":"F"}}"#,
        ] {
            assert!(parse(&with_checkin(ok), TEST_TODAY).is_ok(), "{ok}");
        }
        for (bad, path) in [
            (
                r#"{"date":"2026-11-03","walking":{"minutes":1e308}}"#,
                "checkins[0].walking.minutes",
            ),
            (
                r#"{"date":"2026-11-03","standing_minutes":1440.1}"#,
                "checkins[0].standing_minutes",
            ),
            (
                r#"{"date":"2026-11-03","walking":{"distance":{"value":200001,"unit":"ft"}}}"#,
                "checkins[0].walking.distance.value",
            ),
            (
                r#"{"date":"2026-11-03","temperature":{"value":1e300,"unit":"F"}}"#,
                "checkins[0].temperature.value",
            ),
            (
                r#"{"date":"2026-11-03","temperature":{"value":99,"unit":"C"}}"#,
                "checkins[0].temperature.value",
            ),
            (
                r#"{"date":"2026-11-03","temperature":{"value":37,"unit":"F"}}"#,
                "checkins[0].temperature.value",
            ),
            (
                r#"{"date":"2026-11-03","timed_tests":[{"kind":"stand","started_at":"2026-11-03T10:00:00Z","minutes":4320}]}"#,
                "checkins[0].timed_tests[0].minutes",
            ),
        ] {
            let e = parse(&with_checkin(bad), TEST_TODAY).expect_err(bad);
            assert_eq!(
                (e.path.as_str(), e.kind),
                (path, FormatErrorKind::OutOfRange),
                "{e}"
            );
        }
        let e = parse(
            r#"{"format":"recovery-diary","version":2,"checkins":[],"baseline":{"recorded_on":"2026-10-30","walking":{"minutes":2000}}}"#,
            TEST_TODAY,
        )
        .expect_err("baseline minutes");
        assert_eq!(e.path, "baseline.walking.minutes");
    }

    #[test]
    fn a_key_given_twice_is_refused_with_its_path_by_both_readers() {
        let file = include_str!("../../tests/fixtures/stored-v2.json");
        let twice_version = file.replacen("{", r#"{"version": 2, "#, 1);
        let twice_back = with_checkin(r#"{"date":"2026-11-03","pain":{"back":2,"back":9}}"#);
        let twice_unknown = with_checkin(r#"{"date":"2026-11-03","mood":"ok","mood":"bad"}"#);
        let twice_in_fhir = file.replacen(
            r#""resourceType": "Questionnaire","#,
            r#""resourceType": "Questionnaire", "status": "draft","#,
            1,
        );
        assert_ne!(
            twice_in_fhir, file,
            "the fixture has a Questionnaire with a status"
        );
        for (text, path) in [
            (twice_version.as_str(), "version"),
            (twice_back.as_str(), "checkins[0].pain.back"),
            (twice_unknown.as_str(), "checkins[0].mood"),
            (twice_in_fhir.as_str(), "questionnaires[0].status"),
        ] {
            let e = err(text);
            assert_eq!(
                (e.kind, e.path.as_str()),
                (FormatErrorKind::DuplicateKey, path),
                "{e}"
            );
            assert!(e.message.contains("given twice"), "{e}");
            assert_eq!(
                read_stored(text, TEST_TODAY).map_err(|e| (e.kind, e.path)),
                Err((FormatErrorKind::DuplicateKey, path.to_string()))
            );
        }
    }

    #[test]
    fn an_unknown_field_is_read_through_the_tree_and_counted() {
        let text = with_checkin(r#"{"date":"2026-11-03","mood":"ok"}"#);
        assert!(read_current(&text).is_none());
        let diary = read_stored(&text, TEST_TODAY).expect("reads");
        assert_eq!(parse(&text, TEST_TODAY).unwrap().ignored_fields.len(), 1);
        assert_eq!(Some(diary), parse(&text, TEST_TODAY).ok().map(|p| p.diary));
    }

    #[test]
    fn refuses_duplicate_dates() {
        let text = format!(
            r#"{{"format":"recovery-diary","version":1,"checkins":[{0},{0}]}}"#,
            r#"{"date":"2026-11-03"}"#
        );
        let e = err(&text);
        assert_eq!(e.path, "checkins[1].date");
        assert!(e.message.contains("appears twice"));
    }

    #[test]
    fn requires_checkins() {
        assert_eq!(
            err(r#"{"format":"recovery-diary","version":1}"#).path,
            "." // serde_path_to_error's name for the top level
        );
    }

    #[test]
    fn counts_ignored_unknown_fields() {
        let text = r#"{"format":"recovery-diary","version":1,"app":"x","checkins":[
            {"date":"2026-11-03","mood":"good","pain":{"back":2,"face":3}}]}"#;
        let p = parse(text, TEST_TODAY).unwrap();
        assert_eq!(p.ignored_fields.len(), 3, "{:?}", p.ignored_fields);
        assert!(
            p.ignored_fields
                .contains(&"checkins.0.pain.face".to_string())
                || p.ignored_fields.iter().any(|f| f.contains("face"))
        );
    }
}
