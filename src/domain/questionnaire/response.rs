//! Answers to and from a `QuestionnaireResponse`: nested as the Questionnaire is, the
//! answers of the enabled items only (a calculated item's value too).

use serde_json::{json, Map, Value};

use super::read::{same_option, value_of};
use super::{Answer, Answers, Item, ItemKind, Questionnaire};

fn answer_value(a: &Answer, item: &Item) -> Value {
    match a {
        Answer::Coding(c) => {
            let option = match &item.kind {
                ItemKind::Choice { options, .. } => {
                    options.iter().find(|o| same_option(&o.value, a))
                }
                _ => None,
            };
            let mut coding = Map::new();
            let system = c.system.clone().or_else(|| match option.map(|o| &o.value) {
                Some(Answer::Coding(o)) => o.system.clone(),
                _ => None,
            });
            if let Some(s) = system {
                coding.insert("system".into(), Value::from(s));
            }
            coding.insert("code".into(), Value::from(c.code.as_str()));
            if let Some(o) = option {
                coding.insert("display".into(), Value::from(o.label.text.as_str()));
            }
            json!({ "valueCoding": coding })
        }
        Answer::Integer(i) => json!({ "valueInteger": i }),
        Answer::Decimal(d) => json!({ "valueDecimal": d }),
        Answer::Boolean(b) => json!({ "valueBoolean": b }),
        Answer::String(s) => json!({ "valueString": s }),
        Answer::Date(s) => json!({ "valueDate": s }),
        Answer::DateTime(s) => json!({ "valueDateTime": s }),
        Answer::Time(s) => json!({ "valueTime": s }),
        Answer::Uri(s) => json!({ "valueUri": s }),
        Answer::Quantity(v, code) => {
            let mut q = Map::new();
            q.insert("value".into(), json!(v));
            let unit = match &item.kind {
                ItemKind::Quantity { units } => units
                    .iter()
                    .find(|u| Some(&u.code) == code.as_ref())
                    .or_else(|| units.first().filter(|_| code.is_none())),
                _ => None,
            };
            match (unit, code) {
                (Some(u), _) => {
                    q.insert("unit".into(), Value::from(u.display.as_str()));
                    if let Some(s) = &u.system {
                        q.insert("system".into(), Value::from(s.as_str()));
                    }
                    q.insert("code".into(), Value::from(u.code.as_str()));
                }
                (None, Some(c)) => {
                    q.insert("unit".into(), Value::from(c.as_str()));
                }
                (None, None) => {}
            }
            json!({ "valueQuantity": q })
        }
    }
}

/// The response's items for `list`: the enabled ones, each with its answers; `all` keeps
/// unanswered items too (the response an expression sees).
fn items(
    list: &[Item],
    answers: &Answers,
    enabled: &dyn Fn(&Item) -> bool,
    all: bool,
) -> Vec<Value> {
    list.iter()
        .filter(|i| enabled(i))
        .filter_map(|i| {
            let mut v = Map::new();
            v.insert("linkId".into(), Value::from(i.link_id.as_str()));
            let given = answers.get(&i.link_id).filter(|a| !a.is_empty());
            if let Some(a) = given {
                v.insert(
                    "answer".into(),
                    Value::Array(a.iter().map(|a| answer_value(a, i)).collect()),
                );
            }
            let children = items(&i.items, answers, enabled, all);
            if !children.is_empty() {
                v.insert("item".into(), Value::Array(children));
            }
            (all || given.is_some() || v.contains_key("item")).then_some(Value::Object(v))
        })
        .collect()
}

/// The response an expression sees: every enabled item, answered or not.
pub fn evaluation_response(
    q: &Questionnaire,
    answers: &Answers,
    enabled: &dyn Fn(&Item) -> bool,
) -> Value {
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": q.canonical(),
        "status": "in-progress",
        "item": items(&q.items, answers, enabled, true),
    })
}

/// The completed response: the enabled items that hold an answer (and the groups around
/// them). `authored`: an RFC 3339 instant with offset.
pub fn completed(
    q: &Questionnaire,
    answers: &Answers,
    enabled: &dyn Fn(&Item) -> bool,
    authored: &str,
) -> Value {
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": q.canonical(),
        "status": "completed",
        "authored": authored,
        "item": items(&q.items, answers, enabled, false),
    })
}

/// The completed response of `answers` to a questionnaire without FHIRPath (with it, use
/// the form's `response`, which computes its expressions).
pub fn response(q: &Questionnaire, answers: &Answers, authored: &str) -> Value {
    q.form(answers, None).response(authored)
}

/// The answers of a QuestionnaireResponse, by linkId.
pub fn answers_of(response: &Value) -> Answers {
    fn walk(items: &Value, out: &mut Answers) {
        for i in items.as_array().into_iter().flatten() {
            let answers = i.get("answer").and_then(Value::as_array);
            if let Some(id) = i.get("linkId").and_then(Value::as_str) {
                let values: Vec<Answer> = answers
                    .into_iter()
                    .flatten()
                    .filter_map(|a| value_of(a, "value"))
                    .collect();
                if !values.is_empty() {
                    out.insert(id.to_string(), values);
                }
            }
            if let Some(children) = i.get("item") {
                walk(children, out);
            }
            for a in answers.into_iter().flatten() {
                if let Some(children) = a.get("item") {
                    walk(children, out);
                }
            }
        }
    }
    let mut out = Answers::new();
    if let Some(items) = response.get("item") {
        walk(items, &mut out);
    }
    out
}
