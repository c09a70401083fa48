//! FHIR R4 export ("Standards for export" in rules.md): a Bundle of type `collection` with a
//! Patient (no name unless the patient asks for it), the check-in Questionnaire, one QuestionnaireResponse per check-in,
//! Observations derived from them, the clinic questionnaires the patient answered with their
//! responses, and one Flag per episode. Deterministic ids, so the same
//! diary always exports the same bundle.

use serde_json::{json, Value};

use crate::domain::identity::{clean_name, Identity};
use crate::domain::model::*;
use crate::domain::rules::Episode;

pub const LOCAL_CODES: &str = "urn:recovery-diary:codes";
pub const RULE_CODES: &str = "urn:recovery-diary:rules";
pub const QUESTIONNAIRE_URL: &str = "urn:recovery-diary:questionnaire:checkin:1";
const LOINC: &str = "http://loinc.org";
const SNOMED: &str = "http://snomed.info/sct";
const UCUM: &str = "http://unitsofmeasure.org";

/// A stable UUID-shaped id from a name (FNV-1a, twice), for `urn:uuid:` full URLs.
fn uuid(name: &str) -> String {
    let fnv = |seed: u64| {
        name.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })
    };
    let (a, b) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x8422_2325_cbf2_9ce4));
    let hex = format!("{a:016x}{b:016x}");
    format!(
        "{}-{}-4{}-a{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// Text the patient typed, as an R4 `string`: the schema takes `[ \r\n\t\S]+`, so a line or
/// paragraph separator (U+2028, U+2029, NEL) becomes a line break, and any other space or
/// control character (a no-break space, a form feed, U+0001, a byte-order mark) a plain
/// space. `None` for text with nothing to show: an empty answer is not given at all.
pub fn fhir_string(text: &str) -> Option<String> {
    let clean: String = text
        .chars()
        .map(|c| match c {
            '\u{2028}' | '\u{2029}' | '\u{85}' => '\n',
            ' ' | '\t' | '\n' | '\r' => c,
            c if c.is_whitespace() || c.is_control() || c == '\u{feff}' => ' ',
            c => c,
        })
        .collect();
    (!clean.trim().is_empty()).then_some(clean)
}

/// An instant as an R4 `dateTime`: RFC 3339 with its own offset when R4 takes it (-14:00 to
/// +14:00), else in UTC.
fn fhir_instant(at: &chrono::DateTime<chrono::FixedOffset>) -> String {
    let offset = at.offset().local_minus_utc();
    if (-14 * 3600..=14 * 3600).contains(&offset) && offset % 60 == 0 {
        at.to_rfc3339()
    } else {
        at.with_timezone(&chrono::Utc).to_rfc3339()
    }
}

/// A clinic questionnaire's response as the export gives it: every typed answer an R4
/// `string` (`fhir_string`), an empty one left out, and no empty list.
fn clean_response(items: &mut Value) {
    let Some(list) = items.as_array_mut() else {
        return;
    };
    for item in list.iter_mut() {
        let Some(map) = item.as_object_mut() else {
            continue;
        };
        if let Some(Value::Array(answers)) = map.get_mut("answer") {
            answers.retain_mut(|a| match a.get("valueString").and_then(Value::as_str) {
                Some(text) => match fhir_string(text) {
                    Some(clean) => {
                        a["valueString"] = Value::String(clean);
                        true
                    }
                    None => false,
                },
                None => true,
            });
            if answers.is_empty() {
                map.remove("answer");
            }
        }
        if let Some(children) = map.get_mut("item") {
            clean_response(children);
            if children.as_array().is_some_and(Vec::is_empty) {
                map.remove("item");
            }
        }
    }
    list.retain(|i| i.get("answer").is_some() || i.get("item").is_some());
}

fn entry(kind: &str, id: &str, resource: Value) -> Value {
    json!({ "fullUrl": format!("urn:uuid:{}", uuid(&format!("{kind}/{id}"))), "resource": resource })
}

fn reference(kind: &str, id: &str) -> Value {
    json!({ "reference": format!("urn:uuid:{}", uuid(&format!("{kind}/{id}"))) })
}

/// (linkId, text, FHIR item type) of the check-in questions.
const QUESTIONS: [(&str, &str, &str); 12] = [
    (
        "back-pain",
        "Back pain, average over the last 24 hours (0-10)",
        "integer",
    ),
    (
        "leg-pain",
        "Leg or buttock pain, average over the last 24 hours (0-10)",
        "integer",
    ),
    ("incision-pain", "Pain at the incision (0-10)", "integer"),
    ("medicine-helped", "Did the pain medicine help?", "boolean"),
    (
        "walk-distance",
        "Distance walked at one time before symptoms",
        "decimal",
    ),
    (
        "walk-minutes",
        "Minutes walked at one time before symptoms",
        "decimal",
    ),
    (
        "stand-minutes",
        "Minutes standing before symptoms",
        "decimal",
    ),
    ("temperature", "Temperature", "decimal"),
    ("chills", "Chills", "boolean"),
    (
        "warning-signs",
        "Warning-sign questions answered yes",
        "string",
    ),
    (
        "ask-at-visit",
        "Something to ask at the next visit",
        "string",
    ),
    ("notes", "Notes", "text"),
];

fn questionnaire() -> Value {
    json!({
        "resourceType": "Questionnaire",
        "id": "checkin",
        "url": QUESTIONNAIRE_URL,
        "name": "RecoveryDiaryCheckIn",
        "title": "Recovery Diary daily check-in",
        "status": "active",
        "item": QUESTIONS.iter().map(|(link, text, kind)| json!({ "linkId": link, "text": text, "type": kind })).collect::<Vec<_>>(),
    })
}

fn answers(e: &Entry) -> Vec<Value> {
    let mut items = Vec::new();
    let mut push =
        |link: &str, answer: Value| items.push(json!({ "linkId": link, "answer": [answer] }));
    let pain = e.pain.unwrap_or_default();
    for (link, r) in [
        ("back-pain", pain.back),
        ("leg-pain", pain.leg),
        ("incision-pain", pain.incision),
    ] {
        if let Some(r) = r {
            push(link, json!({ "valueInteger": r.get() }));
        }
    }
    if let Some(b) = pain.medicine_helped {
        push("medicine-helped", json!({ "valueBoolean": b }));
    }
    if let Some(d) = e.walking.and_then(|w| w.distance) {
        push("walk-distance", json!({ "valueDecimal": d.value.get() }));
    }
    if let Some(m) = e.walking.and_then(|w| w.minutes) {
        push("walk-minutes", json!({ "valueDecimal": m.get() }));
    }
    if let Some(m) = e.standing_minutes {
        push("stand-minutes", json!({ "valueDecimal": m.get() }));
    }
    if let Some(t) = e.temperature {
        push("temperature", json!({ "valueDecimal": t.value.get() }));
    }
    if let Some(c) = e.chills {
        push("chills", json!({ "valueBoolean": c }));
    }
    let yes: Vec<&str> = crate::domain::questions::EMERGENCY
        .iter()
        .chain(crate::domain::questions::OTHER_SYMPTOMS.iter())
        .filter(|q| (q.get)(e) == Some(true))
        .map(|q| q.key)
        .collect();
    if !yes.is_empty() {
        push("warning-signs", json!({ "valueString": yes.join(", ") }));
    }
    for (link, text) in [("ask-at-visit", &e.ask_at_visit), ("notes", &e.notes)] {
        if let Some(t) = text.as_deref().and_then(fhir_string) {
            push(link, json!({ "valueString": t }));
        }
    }
    items
}

fn observation(
    id: &str,
    date: &str,
    qr: &Value,
    code: Value,
    value: Value,
    body_site: Option<Value>,
) -> Value {
    let mut o = json!({
        "resourceType": "Observation",
        "id": id,
        "status": "final",
        "code": code,
        "subject": reference("Patient", "patient"),
        "effectiveDateTime": date,
        "derivedFrom": [qr],
    });
    if let (Some(map), Value::Object(v)) = (o.as_object_mut(), value) {
        map.extend(v);
        if let Some(site) = body_site {
            map.insert("bodySite".into(), site);
        }
    }
    o
}

fn coding(system: &str, code: &str, display: &str) -> Value {
    json!({ "coding": [{ "system": system, "code": code, "display": display }], "text": display })
}

fn quantity(value: f64, unit: &str, ucum: &str) -> Value {
    json!({ "valueQuantity": { "value": value, "unit": unit, "system": UCUM, "code": ucum } })
}

fn observations(date: &str, e: &Entry) -> Vec<Value> {
    let qr = reference("QuestionnaireResponse", date);
    let mut out = Vec::new();
    let pain = e.pain.unwrap_or_default();
    let pain_code = || {
        coding(
            LOINC,
            "72514-3",
            "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
        )
    };
    for (key, r, site) in [
        (
            "back",
            pain.back,
            coding(SNOMED, "37822005", "Lower back structure"),
        ),
        (
            "leg",
            pain.leg,
            coding(SNOMED, "61685007", "Lower limb structure"),
        ),
    ] {
        if let Some(r) = r {
            out.push(observation(
                &format!("{key}-pain-{date}"),
                date,
                &qr,
                pain_code(),
                json!({ "valueInteger": r.get() }),
                Some(site),
            ));
        }
    }
    if let Some(t) = e.temperature {
        let (unit, ucum) = match t.unit {
            TemperatureUnit::Celsius => ("°C", "Cel"),
            TemperatureUnit::Fahrenheit => ("°F", "[degF]"),
        };
        out.push(observation(
            &format!("temperature-{date}"),
            date,
            &qr,
            coding(LOINC, "8310-5", "Body temperature"),
            quantity(t.value.get(), unit, ucum),
            None,
        ));
    }
    if let Some(d) = e.walking.and_then(|w| w.distance) {
        let (unit, ucum) = match d.unit {
            DistanceUnit::Feet => ("ft", "[ft_i]"),
            DistanceUnit::Metres => ("m", "m"),
        };
        out.push(observation(
            &format!("walk-distance-{date}"),
            date,
            &qr,
            coding(
                LOCAL_CODES,
                "walk-distance",
                "Distance walked at one time before symptoms",
            ),
            quantity(d.value.get(), unit, ucum),
            None,
        ));
    }
    for (key, v, text) in [
        (
            "walk-minutes",
            e.walking.and_then(|w| w.minutes),
            "Minutes walked at one time before symptoms",
        ),
        (
            "stand-minutes",
            e.standing_minutes,
            "Minutes standing before symptoms",
        ),
    ] {
        if let Some(m) = v {
            out.push(observation(
                &format!("{key}-{date}"),
                date,
                &qr,
                coding(LOCAL_CODES, key, text),
                quantity(m.get(), "min", "min"),
                None,
            ));
        }
    }
    // Format v2: each walk or stand timed on the phone, its method said (local code).
    for (n, t) in e.timed_tests.iter().flatten().enumerate() {
        let (key, text) = match t.kind {
            TimedKind::Walk => ("walk-minutes", "Minutes walked at one time before symptoms"),
            TimedKind::Stand => ("stand-minutes", "Minutes standing before symptoms"),
        };
        let mut o = observation(
            &format!("timed-{key}-{date}-{n}"),
            &fhir_instant(&t.started_at),
            &qr,
            coding(LOCAL_CODES, key, text),
            quantity(t.minutes.get(), "min", "min"),
            None,
        );
        let mut components = Vec::new();
        if let Some(m) = t.first_symptom_minutes {
            let mut c = json!({ "code": coding(LOCAL_CODES, "first-symptom-minutes", "Minutes until symptoms began") });
            if let (Some(map), Value::Object(v)) =
                (c.as_object_mut(), quantity(m.get(), "min", "min"))
            {
                map.extend(v);
            }
            components.push(c);
        }
        if let Some(b) = t.stopped_because {
            let code = match b {
                StopReason::Symptoms => "symptoms",
                StopReason::Tired => "tired",
                StopReason::Limit => "limit",
                StopReason::Other => "other",
            };
            components.push(json!({
                "code": coding(LOCAL_CODES, "stopped-because", "Why the test stopped"),
                "valueCodeableConcept": coding(LOCAL_CODES, code, code),
            }));
        }
        if let Some(map) = o.as_object_mut() {
            map.insert(
                "method".into(),
                coding(
                    LOCAL_CODES,
                    "timed-self-paced",
                    "Timed on the phone: self-paced test until symptoms",
                ),
            );
            if !components.is_empty() {
                map.insert("component".into(), Value::Array(components));
            }
        }
        out.push(o);
    }
    out
}

pub fn to_fhir(diary: &Diary, episodes: &[Episode], exported_at: Option<String>) -> Value {
    to_fhir_named(diary, episodes, exported_at, None)
}

/// The Patient: no name, unless the patient ticked "include my name" (`identity`); then
/// `name` (as typed, in `HumanName.text`) and `birthDate` when given.
fn patient(identity: Option<&Identity>) -> Value {
    let mut p = json!({ "resourceType": "Patient", "id": "patient", "active": true });
    if let (Some(who), Value::Object(map)) = (identity, &mut p) {
        if let Some(name) = clean_name(&who.name) {
            map.insert("name".into(), json!([{ "text": name }]));
        }
        if let Some(born) = who.birth_date {
            map.insert("birthDate".into(), json!(born.to_string()));
        }
    }
    p
}

/// `to_fhir`, with the patient's name and date of birth in the Patient when `identity` is
/// given (only when the patient asked for it).
pub fn to_fhir_named(
    diary: &Diary,
    episodes: &[Episode],
    exported_at: Option<String>,
    identity: Option<&Identity>,
) -> Value {
    let mut entries = vec![
        entry("Patient", "patient", patient(identity)),
        entry("Questionnaire", "checkin", questionnaire()),
    ];
    for (date, e) in &diary.checkins {
        let d = date.to_string();
        let authored = e
            .recorded_at
            .map(|t| fhir_instant(&t))
            .unwrap_or_else(|| d.clone());
        let mut response = json!({
            "resourceType": "QuestionnaireResponse",
            "id": format!("checkin-{d}"),
            "questionnaire": QUESTIONNAIRE_URL,
            "status": "completed",
            "subject": reference("Patient", "patient"),
            "authored": authored,
        });
        // FHIR has no empty lists: a check-in with nothing the questionnaire asks has no item.
        let items = answers(e);
        if let (false, Some(map)) = (items.is_empty(), response.as_object_mut()) {
            map.insert("item".into(), Value::Array(items));
        }
        entries.push(entry("QuestionnaireResponse", &d, response));
        for o in observations(&d, e) {
            let id = o["id"].as_str().unwrap_or_default().to_string();
            entries.push(entry("Observation", &id, o));
        }
    }
    // The clinic's questionnaires as they came, and the patient's answers to them.
    for q in &diary.questionnaires {
        let url = q.get("url").and_then(Value::as_str).unwrap_or_default();
        let version = q.get("version").and_then(Value::as_str).unwrap_or_default();
        entries.push(entry(
            "Questionnaire",
            &format!("{url}|{version}"),
            q.clone(),
        ));
    }
    for (i, r) in diary.questionnaire_responses.iter().enumerate() {
        let mut r = r.clone();
        if let Some(map) = r.as_object_mut() {
            map.insert("subject".into(), reference("Patient", "patient"));
            if let Some(items) = map.get_mut("item") {
                clean_response(items);
                if items.as_array().is_some_and(Vec::is_empty) {
                    map.remove("item");
                }
            }
        }
        entries.push(entry("QuestionnaireResponse", &format!("clinic-{i}"), r));
    }
    for ep in episodes {
        let id = format!("{}-{}", ep.rule, ep.from);
        // The clinical record is in English (code displays); the app shows the patient's language.
        let what = crate::domain::rules::what(crate::domain::i18n::Lang::En.texts(), ep.rule);
        entries.push(entry(
            "Flag",
            &id,
            json!({
                "resourceType": "Flag",
                "id": id,
                "status": "active",
                "code": coding(RULE_CODES, ep.rule, what),
                "subject": reference("Patient", "patient"),
                "period": { "start": ep.from.to_string(), "end": ep.to.to_string() },
            }),
        ));
    }
    let mut bundle = json!({ "resourceType": "Bundle", "type": "collection", "entry": entries });
    if let (Some(t), Some(map)) = (exported_at, bundle.as_object_mut()) {
        map.insert("timestamp".into(), Value::String(t));
    }
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::{episodes, evaluate, ClinicSettings};
    use chrono::NaiveDate;

    fn sample() -> Diary {
        let mut diary = Diary::new(Profile {
            procedure_date: NaiveDate::from_ymd_opt(2026, 11, 2),
            ..Profile::default()
        });
        diary.put_checkin(
            NaiveDate::from_ymd_opt(2026, 11, 3).unwrap(),
            Entry {
                pain: Some(Pain {
                    back: Rating::new(5).ok(),
                    leg: Rating::new(4).ok(),
                    ..Pain::default()
                }),
                walking: Some(Walking {
                    distance: Some(Distance {
                        value: Amount::new(400.0).unwrap(),
                        unit: DistanceUnit::Feet,
                    }),
                    minutes: Amount::new(6.0).ok(),
                }),
                standing_minutes: Amount::new(12.0).ok(),
                temperature: Some(Temperature {
                    value: Finite::new(100.6).unwrap(),
                    unit: TemperatureUnit::Fahrenheit,
                }),
                ..Entry::default()
            },
        );
        diary
    }

    #[test]
    fn a_collection_with_patient_questionnaire_responses_observations_and_flags() {
        let diary = sample();
        let eps = episodes(&evaluate(&diary, &ClinicSettings::default()));
        let b = to_fhir(&diary, &eps, None);
        assert_eq!(b["type"], "collection");
        let kinds: Vec<&str> = b["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["resource"]["resourceType"].as_str().unwrap())
            .collect();
        assert_eq!(
            kinds,
            vec![
                "Patient",
                "Questionnaire",
                "QuestionnaireResponse",
                "Observation",
                "Observation",
                "Observation",
                "Observation",
                "Observation",
                "Observation",
                "Flag"
            ]
        );
        let patient = &b["entry"][0]["resource"];
        assert!(patient.get("name").is_none());
        assert!(patient.get("birthDate").is_none());
        // With "include my name" ticked: the name as text and the date of birth.
        let who = Identity {
            name: " Ana\u{2028}López ".into(),
            birth_date: chrono::NaiveDate::from_ymd_opt(1948, 3, 2),
        };
        let named = to_fhir_named(&diary, &eps, None, Some(&who));
        let patient = &named["entry"][0]["resource"];
        assert_eq!(patient["name"], json!([{ "text": "Ana López" }]));
        assert_eq!(patient["birthDate"], "1948-03-02");
        let rest = |v: &Value| v["entry"].as_array().map(|a| a[1..].to_vec());
        assert_eq!(rest(&named), rest(&b), "the rest is the same");
        let back = &b["entry"][3]["resource"];
        assert_eq!(back["code"]["coding"][0]["code"], "72514-3");
        assert_eq!(back["bodySite"]["coding"][0]["code"], "37822005");
        assert_eq!(back["valueInteger"], 5);
        let temp = &b["entry"][5]["resource"];
        assert_eq!(temp["code"]["coding"][0]["code"], "8310-5");
        assert_eq!(temp["valueQuantity"]["code"], "[degF]");
        let walk = &b["entry"][6]["resource"];
        assert_eq!(walk["valueQuantity"]["code"], "[ft_i]");
        let flag = &b["entry"][9]["resource"];
        assert_eq!(flag["code"]["coding"][0]["code"], "B1");
        assert_eq!(flag["code"]["coding"][0]["system"], RULE_CODES);
    }

    #[test]
    fn the_clinic_questionnaires_and_their_responses_are_in_the_bundle() {
        let diary = crate::domain::format::stored_v2();
        let b = to_fhir(&diary, &[], None);
        let resources: Vec<&Value> = b["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["resource"])
            .collect();
        let clinic = resources
            .iter()
            .find(|r| r["url"] == "https://clinic.example/q/walking")
            .expect("the clinic's Questionnaire");
        assert_eq!(clinic["resourceType"], "Questionnaire");
        let answer = resources
            .iter()
            .find(|r| r["questionnaire"] == "https://clinic.example/q/walking|1")
            .expect("its response");
        assert_eq!(answer["subject"], reference("Patient", "patient"));
        assert_eq!(answer["item"][0]["answer"][0]["valueInteger"], 250);
    }

    #[test]
    fn ids_are_deterministic_and_distinct() {
        let a = to_fhir(&sample(), &[], None);
        assert_eq!(a, to_fhir(&sample(), &[], None));
        let urls: std::collections::HashSet<&str> = a["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["fullUrl"].as_str().unwrap())
            .collect();
        assert_eq!(urls.len(), a["entry"].as_array().unwrap().len());
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn any_text_the_patient_types_is_an_r4_string_or_left_out() {
        assert_eq!(fhir_string(""), None);
        assert_eq!(fhir_string(" \n\t "), None);
        assert_eq!(fhir_string("\u{2028}"), None);
        assert_eq!(
            fhir_string("a\u{2028}b\u{2029}c\u{85}d").as_deref(),
            Some("a\nb\nc\nd")
        );
        assert_eq!(
            fhir_string("no\u{a0}break\u{3000}wide\u{b}vt\u{c}ff\u{1}x\u{7f}\u{feff}").as_deref(),
            Some("no break wide vt ff x  ")
        );
        assert_eq!(
            fhir_string("Ibuprofeno 400 mg — “dos” 👍\r\n").as_deref(),
            Some("Ibuprofeno 400 mg — “dos” 👍\r\n")
        );
        // What is left matches R4's pattern for a string, `[ \r\n\t\S]+`.
        let every: String = (0..0x3100u32).filter_map(char::from_u32).collect();
        let clean = fhir_string(&every).unwrap();
        assert!(clean.chars().all(|c| matches!(c, ' ' | '\r' | '\n' | '\t')
            || !(c.is_whitespace() || c.is_control() || c == '\u{feff}')));
    }

    #[test]
    fn an_empty_note_leaves_no_empty_answer_and_no_empty_list() {
        let mut diary = Diary::default();
        let date = NaiveDate::from_ymd_opt(2026, 11, 3).unwrap();
        diary.put_checkin(
            date,
            Entry {
                notes: Some(String::new()),
                ask_at_visit: Some("\u{2028}".into()),
                ..Entry::default()
            },
        );
        let bundle = to_fhir(&diary, &[], None);
        let response = &bundle["entry"][2]["resource"];
        assert_eq!(response["resourceType"], "QuestionnaireResponse");
        assert!(response.get("item").is_none(), "{response}");
    }

    #[test]
    fn instants_outside_r4_offsets_are_given_in_utc() {
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        assert_eq!(
            fhir_instant(&at("2026-11-03T10:00:00-05:00")),
            "2026-11-03T10:00:00-05:00"
        );
        assert_eq!(
            fhir_instant(&at("2026-11-03T10:00:00+14:00")),
            "2026-11-03T10:00:00+14:00"
        );
        assert_eq!(
            fhir_instant(&at("2026-11-03T10:00:00+14:30")),
            "2026-11-02T19:30:00+00:00"
        );
        assert_eq!(
            fhir_instant(&at("2026-11-03T10:00:00-14:30")),
            "2026-11-04T00:30:00+00:00"
        );
    }

    #[test]
    fn a_clinic_questionnaires_typed_answers_are_cleaned_too() {
        let mut diary = crate::domain::format::stored_v2();
        diary.questionnaire_responses[0]["item"] = serde_json::json!([
            {"linkId": "a", "answer": [{"valueString": ""}]},
            {"linkId": "b", "answer": [{"valueString": "x\u{2028}y"}]},
            {"linkId": "g", "item": [{"linkId": "c", "answer": [{"valueString": "\u{a0}"}]}]}
        ]);
        let bundle = to_fhir(&diary, &[], None);
        let response = bundle["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["resource"])
            .find(|r| r["questionnaire"] == "https://clinic.example/q/walking|1")
            .unwrap();
        assert_eq!(
            response["item"],
            serde_json::json!([{"linkId": "b", "answer": [{"valueString": "x\ny"}]}])
        );
        // The diary itself keeps what was typed.
        assert_eq!(
            diary.questionnaire_responses[0]["item"][0]["answer"][0]["valueString"],
            ""
        );
    }
}

#[cfg(test)]
mod timed_tests {
    use super::*;

    #[test]
    fn a_timed_walk_is_an_observation_with_its_method_and_components() {
        let diary = crate::domain::format::stored_v2();
        let bundle = to_fhir(&diary, &[], None);
        let timed: Vec<&Value> = bundle["entry"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["resource"])
            .filter(|r| r["method"]["coding"][0]["code"] == "timed-self-paced")
            .collect();
        assert_eq!(timed.len(), 2);
        let walk = timed[0];
        assert_eq!(walk["code"]["coding"][0]["code"], "walk-minutes");
        assert_eq!(walk["valueQuantity"]["value"], 6.4);
        assert_eq!(walk["valueQuantity"]["code"], "min");
        assert_eq!(walk["effectiveDateTime"], "2026-11-03T17:02:10-05:00");
        assert_eq!(walk["component"][0]["valueQuantity"]["value"], 4.1);
        assert_eq!(
            walk["component"][1]["valueCodeableConcept"]["coding"][0]["code"],
            "symptoms"
        );
        assert_eq!(timed[1]["code"]["coding"][0]["code"], "stand-minutes");
    }
}
