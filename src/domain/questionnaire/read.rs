//! Reading and checking a Questionnaire: every problem is listed, each naming its linkId
//! (and the URL of an extension it does not know). See `known` for what is read.

use std::rc::Rc;

use serde_json::Value;

use super::known::{self, Place, Use};
use super::{
    valueset, Answer, AnswerOption, Coding, EnableWhen, Expression, Item, ItemKind, Limits,
    Operator, Problem, Questionnaire, Scoring, Text, Unit, BETTER, DUE_DAY, ITEM_WEIGHT, MID,
    ORDINAL_VALUE, SCORE, TRANSLATION,
};

/// A questionnaire file larger than this is refused: it is kept in the phone's storage
/// (the offline copy, and once in the diary when answered).
pub const MAX_FILE_BYTES: usize = 256 * 1024;

const SDC: &str = "http://hl7.org/fhir/uv/sdc/StructureDefinition/";
const FHIR: &str = "http://hl7.org/fhir/StructureDefinition/";
const HELP_CONTROLS: [&str; 2] = ["help", "flyover"];

/// The reading of one file: the file itself, the problems found, the item being read.
pub struct Reader<'a> {
    root: &'a Value,
    problems: Vec<Problem>,
    link_id: Option<String>,
}

impl Reader<'_> {
    pub fn problem(&mut self, message: String) {
        self.problems.push(Problem {
            link_id: self.link_id.clone(),
            message,
        });
    }
}

pub(super) fn extensions<'a>(v: &'a Value, url: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    v.get("extension")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(move |e| e.get("url").and_then(Value::as_str) == Some(url))
}

fn first<'a>(v: &'a Value, url: &str) -> Option<&'a Value> {
    v.get("extension")?
        .as_array()?
        .iter()
        .find(|e| e.get("url").and_then(Value::as_str) == Some(url))
}

/// Every extension of `v` must be known at `place`; every modifierExtension is refused.
fn check_extensions(r: &mut Reader, v: &Value, place: Place) {
    for e in v
        .get("extension")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let url = e.get("url").and_then(Value::as_str).unwrap_or_default();
        match known::extension(place, url) {
            Some(Use::Used(_) | Use::Ignored(_)) => {}
            Some(Use::Refused(why)) => r.problem(format!("extension {url}: {why}")),
            None => r.problem(format!(
                "extension {url} is not known to the diary; it could change what is asked or scored"
            )),
        }
    }
    for e in v
        .get("modifierExtension")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let url = e.get("url").and_then(Value::as_str).unwrap_or_default();
        r.problem(format!(
            "modifierExtension {url} changes the meaning of what holds it; the diary cannot know how"
        ));
    }
}

/// Every element of `v` must be known at `place`; the extensions of `_x` are a text's.
fn check_elements(r: &mut Reader, v: &Value, place: Place) {
    let Some(object) = v.as_object() else {
        return;
    };
    for (key, value) in object {
        if key.starts_with('_') {
            check_extensions(r, value, Place::Text);
            continue;
        }
        // Refused below, each with its URL.
        if key == "modifierExtension" {
            continue;
        }
        let name = if place == Place::Option && key.starts_with("value") {
            "value[x]"
        } else {
            key.as_str()
        };
        match known::element(place, name) {
            Some(Use::Used(_) | Use::Ignored(_)) => {}
            Some(Use::Refused(why)) => r.problem(format!("{key}: {why}")),
            None => r.problem(format!("{key} is not an element of an R4 Questionnaire")),
        }
    }
    check_extensions(r, v, place);
}

/// The plain text of XHTML: its text nodes, tags dropped, the common entities decoded.
fn xhtml_text(xhtml: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in xhtml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `field` (a FHIR string) with the translations and XHTML rendering on `_field`.
pub fn text(r: &mut Reader, v: &Value, field: &str) -> Text {
    let under = v.get(format!("_{field}"));
    let translations = under
        .map(|under| {
            extensions(under, TRANSLATION)
                .filter_map(|t| {
                    let part = |name: &str, key: &str| {
                        first(t, name)
                            .and_then(|e| e.get(key))
                            .and_then(Value::as_str)
                            .map(str::to_string)
                    };
                    Some((part("lang", "valueCode")?, part("content", "valueString")?))
                })
                .collect()
        })
        .unwrap_or_default();
    let xhtml = under
        .and_then(|u| first(u, &format!("{FHIR}rendering-xhtml")))
        .and_then(|e| e.get("valueString"))
        .and_then(Value::as_str)
        .map(xhtml_text)
        .filter(|t| !t.is_empty());
    let _ = r;
    Text {
        text: xhtml.unwrap_or_else(|| {
            v.get(field)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        }),
        translations,
    }
}

/// The weight and exclusivity an option (or its Coding, or a ValueSet concept) carries.
pub struct OptionExtensions {
    pub weight: Option<f64>,
    pub exclusive: bool,
}

pub fn option_extensions(r: &mut Reader, v: &Value) -> OptionExtensions {
    check_extensions(r, v, Place::Option);
    OptionExtensions {
        weight: first(v, ORDINAL_VALUE)
            .or_else(|| first(v, ITEM_WEIGHT))
            .and_then(|e| e.get("valueDecimal").or_else(|| e.get("valueInteger")))
            .and_then(Value::as_f64),
        exclusive: first(v, &format!("{FHIR}questionnaire-optionExclusive"))
            .and_then(|e| e.get("valueBoolean"))
            .and_then(Value::as_bool)
            .unwrap_or(false),
    }
}

/// The `{prefix}X` value of `v` (`valueCoding`, `answerInteger`, ...) as an answer.
pub fn value_of(v: &Value, prefix: &str) -> Option<Answer> {
    let get = |t: &str| v.get(format!("{prefix}{t}"));
    let string = |t: &str| get(t).and_then(Value::as_str).map(str::to_string);
    if let Some(c) = get("Coding") {
        return c.get("code").and_then(Value::as_str).map(|code| {
            Answer::Coding(Coding {
                system: c.get("system").and_then(Value::as_str).map(str::to_string),
                code: code.to_string(),
            })
        });
    }
    if let Some(q) = get("Quantity") {
        let value = q.get("value").and_then(Value::as_f64)?;
        let unit = q
            .get("code")
            .or_else(|| q.get("unit"))
            .and_then(Value::as_str)
            .map(str::to_string);
        return Some(Answer::Quantity(value, unit));
    }
    if let Some(i) = get("Integer").and_then(Value::as_i64) {
        return Some(Answer::Integer(i));
    }
    if let Some(d) = get("Decimal").and_then(Value::as_f64) {
        return Some(Answer::Decimal(d));
    }
    if let Some(b) = get("Boolean").and_then(Value::as_bool) {
        return Some(Answer::Boolean(b));
    }
    string("String")
        .map(Answer::String)
        .or_else(|| string("Date").map(Answer::Date))
        .or_else(|| string("DateTime").map(Answer::DateTime))
        .or_else(|| string("Time").map(Answer::Time))
        .or_else(|| string("Uri").map(Answer::Uri))
}

/// Whether `answer` is a value an item of `kind` takes.
pub fn fits(kind: &ItemKind, answer: &Answer) -> bool {
    match (kind, answer) {
        (ItemKind::Boolean, Answer::Boolean(_))
        | (ItemKind::Decimal, Answer::Decimal(_) | Answer::Integer(_))
        | (ItemKind::Integer, Answer::Integer(_))
        | (ItemKind::Date, Answer::Date(_))
        | (ItemKind::DateTime, Answer::DateTime(_) | Answer::Date(_))
        | (ItemKind::Time, Answer::Time(_))
        | (ItemKind::String | ItemKind::Text, Answer::String(_))
        | (ItemKind::Url, Answer::Uri(_))
        | (ItemKind::Quantity { .. }, Answer::Quantity(..)) => true,
        (ItemKind::Choice { options, open }, a) => {
            options.iter().any(|o| same_option(&o.value, a))
                || (*open && matches!(a, Answer::String(_)))
        }
        _ => false,
    }
}

/// An answer that is this option (a Coding by code and system).
pub fn same_option(option: &Answer, answer: &Answer) -> bool {
    match (option, answer) {
        (Answer::Coding(a), Answer::Coding(b)) => a.matches(b),
        (a, b) => a == b,
    }
}

fn coding_unit(v: &Value) -> Option<Unit> {
    let c = v.get("valueCoding")?;
    let code = c
        .get("code")
        .or_else(|| c.get("display"))
        .and_then(Value::as_str)?;
    Some(Unit {
        system: c.get("system").and_then(Value::as_str).map(str::to_string),
        code: code.to_string(),
        display: c
            .get("display")
            .and_then(Value::as_str)
            .unwrap_or(code)
            .to_string(),
    })
}

fn answer_options(r: &mut Reader, v: &Value) -> Vec<AnswerOption> {
    let mut out = Vec::new();
    for o in v
        .get("answerOption")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        check_elements(r, o, Place::Option);
        let mut ext = option_extensions(r, o);
        if let Some(c) = o.get("valueCoding") {
            let inner = option_extensions(r, c);
            ext.weight = ext.weight.or(inner.weight);
            ext.exclusive |= inner.exclusive;
        }
        if o.get("valueReference").is_some() {
            r.problem("an answerOption that is a valueReference is not supported (a FHIR resource the diary cannot look up)".into());
            continue;
        }
        let Some(value) = value_of(o, "value") else {
            r.problem(
                "an answerOption has no value the diary can record (a valueCoding needs a code)"
                    .into(),
            );
            continue;
        };
        let label = match (&value, o.get("valueCoding")) {
            (Answer::Coding(c), Some(coding)) => {
                let t = text(r, coding, "display");
                if t.text.is_empty() {
                    Text::plain(&c.code)
                } else {
                    t
                }
            }
            (Answer::String(_), _) => text(r, o, "valueString"),
            (other, _) => Text::plain(&other.plain()),
        };
        if out
            .iter()
            .any(|x: &AnswerOption| same_option(&x.value, &value))
        {
            r.problem(format!("the option {} appears twice", value.plain()));
        }
        out.push(AnswerOption {
            value,
            label,
            score: ext.weight,
            selected: o.get("initialSelected").and_then(Value::as_bool) == Some(true),
            exclusive: ext.exclusive,
        });
    }
    out
}

fn choice(r: &mut Reader, v: &Value, open: bool) -> ItemKind {
    let mut options = answer_options(r, v);
    if let Some(reference) = v.get("answerValueSet").and_then(Value::as_str) {
        if !options.is_empty() {
            r.problem("an item has both answerOption and answerValueSet".into());
        }
        match valueset::options(r.root, reference, r) {
            Ok(o) => options = o,
            Err(e) => r.problem(e),
        }
    }
    if options.is_empty() && !open && v.get("answerValueSet").is_none() {
        r.problem("a choice item has no options (answerOption or answerValueSet)".into());
    }
    ItemKind::Choice { options, open }
}

fn kind(r: &mut Reader, v: &Value) -> Option<ItemKind> {
    let t = v.get("type").and_then(Value::as_str).unwrap_or_default();
    let kind = match t {
        "group" => ItemKind::Group,
        "display" => ItemKind::Display,
        "boolean" => ItemKind::Boolean,
        "decimal" => ItemKind::Decimal,
        "integer" => ItemKind::Integer,
        "date" => ItemKind::Date,
        "dateTime" => ItemKind::DateTime,
        "time" => ItemKind::Time,
        "string" => ItemKind::String,
        "text" => ItemKind::Text,
        "url" => ItemKind::Url,
        "choice" => choice(r, v, false),
        "open-choice" => choice(r, v, true),
        "quantity" => {
            let mut units: Vec<Unit> = extensions(v, &format!("{FHIR}questionnaire-unitOption"))
                .filter_map(coding_unit)
                .collect();
            if units.is_empty() {
                units.extend(first(v, &format!("{FHIR}questionnaire-unit")).and_then(coding_unit));
            }
            ItemKind::Quantity { units }
        }
        "attachment" => {
            r.problem(
                "item type \"attachment\" is not supported (a file or photo the diary cannot take)"
                    .into(),
            );
            return None;
        }
        "reference" => {
            r.problem("item type \"reference\" is not supported (a FHIR resource the diary cannot look up)".into());
            return None;
        }
        other => {
            r.problem(format!("item type \"{other}\" is not supported"));
            return None;
        }
    };
    let options_allowed = matches!(kind, ItemKind::Choice { .. });
    if !options_allowed && (v.get("answerOption").is_some() || v.get("answerValueSet").is_some()) {
        r.problem(format!(
            "answerOption or answerValueSet on a {t} item (R4: choice and open-choice only)"
        ));
    }
    Some(kind)
}

fn expression(r: &mut Reader, e: &Value, what: &str) -> Option<Expression> {
    let x = e.get("valueExpression")?;
    let language = x
        .get("language")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let text = x.get("expression").and_then(Value::as_str);
    let name = x.get("name").and_then(Value::as_str).map(str::to_string);
    match (language, text) {
        ("text/fhirpath", Some(t)) => Some(Expression {
            name,
            text: t.to_string(),
        }),
        ("application/x-fhir-query", _) => {
            r.problem(format!("{what} {} is a FHIR query, which needs a server; the diary is offline and same-origin only", name.unwrap_or_default()));
            None
        }
        (_, Some(_)) => {
            r.problem(format!(
                "{what} in {language} is not supported (FHIRPath only)"
            ));
            None
        }
        (_, None) => {
            r.problem(format!("{what} has no expression"));
            None
        }
    }
}

fn sdc_expression(r: &mut Reader, v: &Value, name: &str) -> Option<Expression> {
    let e = first(v, &format!("{SDC}sdc-questionnaire-{name}"))?;
    expression(r, e, name)
}

fn variables(r: &mut Reader, v: &Value) -> Vec<Expression> {
    let mut out = Vec::new();
    for e in extensions(v, &format!("{FHIR}variable")) {
        if let Some(x) = expression(r, e, "variable") {
            if x.name.is_none() {
                r.problem("a variable has no name".into());
            } else {
                out.push(x);
            }
        }
    }
    out
}

fn operator(r: &mut Reader, e: &Value) -> Option<(Operator, Answer)> {
    let op = match e.get("operator").and_then(Value::as_str) {
        Some("exists") => Operator::Exists,
        Some("=") => Operator::Equal,
        Some("!=") => Operator::NotEqual,
        Some(">") => Operator::Greater,
        Some("<") => Operator::Less,
        Some(">=") => Operator::GreaterOrEqual,
        Some("<=") => Operator::LessOrEqual,
        other => {
            r.problem(format!(
                "enableWhen operator {} is not an R4 operator",
                other.unwrap_or("(none)")
            ));
            return None;
        }
    };
    match value_of(e, "answer") {
        Some(a) if op != Operator::Exists || matches!(a, Answer::Boolean(_)) => Some((op, a)),
        Some(_) => {
            r.problem("enableWhen exists needs answerBoolean".into());
            None
        }
        None => {
            r.problem("an enableWhen needs a question and an answer".into());
            None
        }
    }
}

fn enable_when(r: &mut Reader, v: &Value) -> Vec<EnableWhen> {
    let mut out = Vec::new();
    for e in v
        .get("enableWhen")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        check_extensions(r, e, Place::Item);
        let question = e
            .get("question")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if question.is_empty() {
            r.problem("an enableWhen needs a question and an answer".into());
            continue;
        }
        if let Some((operator, answer)) = operator(r, e) {
            out.push(EnableWhen {
                question: question.to_string(),
                operator,
                answer,
            });
        }
    }
    out
}

fn limits(r: &mut Reader, v: &Value) -> Limits {
    let int = |url: &str| {
        first(v, url)
            .and_then(|e| e.get("valueInteger"))
            .and_then(Value::as_u64)
            .map(|n| n as usize)
    };
    let l = Limits {
        min: first(v, &format!("{FHIR}minValue")).and_then(|e| value_of(e, "value")),
        max: first(v, &format!("{FHIR}maxValue")).and_then(|e| value_of(e, "value")),
        min_length: int(&format!("{FHIR}minLength")),
        max_length: v
            .get("maxLength")
            .and_then(Value::as_u64)
            .map(|n| n as usize),
        max_decimals: int(&format!("{FHIR}maxDecimalPlaces")).map(|n| n as u32),
        max_answers: int(&format!("{FHIR}questionnaire-maxOccurs")),
    };
    for (name, bound) in [("minValue", &l.min), ("maxValue", &l.max)] {
        if first(v, &format!("{FHIR}{name}")).is_some() && bound.is_none() {
            r.problem(format!("{name} has no value the diary can compare"));
        }
    }
    l
}

fn controls(v: &Value) -> Vec<&str> {
    first(v, &format!("{FHIR}questionnaire-itemControl"))
        .and_then(|e| e.pointer("/valueCodeableConcept/coding"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| c.get("code").and_then(Value::as_str))
        .collect()
}

fn bool_ext(v: &Value, url: &str) -> bool {
    first(v, url)
        .and_then(|e| e.get("valueBoolean"))
        .and_then(Value::as_bool)
        == Some(true)
}

/// The things an item's children hold for it: help texts (display items with itemControl
/// help or flyover, or any display item under a question) and the rest.
fn children(
    r: &mut Reader,
    v: &Value,
    question: bool,
    ids: &mut Vec<String>,
) -> (Vec<Item>, Vec<Text>) {
    let (mut items, mut help) = (Vec::new(), Vec::new());
    for c in v
        .get("item")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let is_display = c.get("type").and_then(Value::as_str) == Some("display");
        let is_help = controls(c).iter().any(|k| HELP_CONTROLS.contains(k));
        if is_display && (question || is_help) && c.get("enableWhen").is_none() {
            let saved = r.link_id.clone();
            r.link_id = c.get("linkId").and_then(Value::as_str).map(str::to_string);
            check_elements(r, c, Place::Item);
            help.push(text(r, c, "text"));
            r.link_id = saved;
            continue;
        }
        items.extend(item(r, c, ids));
    }
    (items, help)
}

fn item(r: &mut Reader, v: &Value, ids: &mut Vec<String>) -> Option<Item> {
    let link_id = v.get("linkId").and_then(Value::as_str).unwrap_or_default();
    let parent = r.link_id.replace(link_id.to_string());
    let read = read_item(r, v, link_id, ids);
    r.link_id = parent;
    read
}

fn read_item(r: &mut Reader, v: &Value, link_id: &str, ids: &mut Vec<String>) -> Option<Item> {
    if link_id.is_empty() {
        r.link_id = None;
        r.problem("an item has no linkId".into());
        return None;
    }
    if ids.iter().any(|i| i == link_id) {
        r.problem("the linkId appears twice".into());
    }
    ids.push(link_id.to_string());
    check_elements(r, v, Place::Item);
    let kind = kind(r, v)?;
    let repeats = v.get("repeats").and_then(Value::as_bool) == Some(true);
    match (&kind, repeats) {
        (ItemKind::Group, true) => r.problem("repeating groups are not supported".into()),
        (ItemKind::Choice { .. } | ItemKind::Display, _) | (_, false) => {}
        (_, true) => {
            r.problem("several answers are supported on choice and open-choice items only".into())
        }
    }
    let min_occurs = first(v, &format!("{FHIR}questionnaire-minOccurs"))
        .and_then(|e| e.get("valueInteger"))
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let mut initial: Vec<Answer> = Vec::new();
    for i in v
        .get("initial")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        // A quantity's unit without a value presets nothing the patient must answer.
        if i.get("valueQuantity")
            .is_some_and(|q| q.get("value").is_none())
        {
            continue;
        }
        match value_of(i, "value") {
            Some(a) if fits(&kind, &a) => initial.push(a),
            _ => r.problem("an initial value does not fit the item's type".into()),
        }
    }
    if let ItemKind::Choice { options, .. } = &kind {
        initial.extend(
            options
                .iter()
                .filter(|o| o.selected)
                .map(|o| o.value.clone()),
        );
    }
    let unit_text = match &kind {
        ItemKind::Decimal | ItemKind::Integer => first(v, &format!("{FHIR}questionnaire-unit"))
            .and_then(coding_unit)
            .map(|u| u.display),
        _ => None,
    };
    let question = kind.is_question();
    let (items, help) = children(r, v, question, ids);
    let enable_any = match v.get("enableBehavior").and_then(Value::as_str) {
        None | Some("all") => false,
        Some("any") => true,
        Some(other) => {
            r.problem(format!(
                "enableBehavior \"{other}\" is not an R4 value (all, any)"
            ));
            false
        }
    };
    Some(Item {
        link_id: link_id.to_string(),
        text: text(r, v, "text"),
        prefix: v
            .get("prefix")
            .and_then(Value::as_str)
            .map(|_| text(r, v, "prefix")),
        required: v.get("required").and_then(Value::as_bool) == Some(true) || min_occurs > 0,
        repeats: repeats && matches!(kind, ItemKind::Choice { .. }),
        read_only: v.get("readOnly").and_then(Value::as_bool) == Some(true),
        hidden: bool_ext(v, &format!("{FHIR}questionnaire-hidden")),
        enable_when: enable_when(r, v),
        enable_any,
        enable_expression: sdc_expression(r, v, "enableWhenExpression"),
        calculated: sdc_expression(r, v, "calculatedExpression"),
        initial,
        initial_expression: sdc_expression(r, v, "initialExpression"),
        variables: variables(r, v),
        help,
        entry_format: first(v, &format!("{FHIR}entryFormat"))
            .filter(|e| e.get("valueString").is_some())
            .map(|e| text(r, e, "valueString")),
        unit: unit_text,
        open_label: first(v, &format!("{SDC}sdc-questionnaire-openLabel"))
            .and_then(|e| e.get("valueString"))
            .and_then(Value::as_str)
            .map(Text::plain),
        limits: limits(r, v),
        kind,
        items,
    })
}

/// Reads a questionnaire file as fetched: at most `MAX_FILE_BYTES`, JSON, a Questionnaire
/// whose canonical is its `url`, else `source` (the file's own URL).
pub fn read_text(text: &str, source: &str) -> Result<Questionnaire, Vec<Problem>> {
    let whole = |message: String| {
        vec![Problem {
            link_id: None,
            message,
        }]
    };
    if text.len() > MAX_FILE_BYTES {
        return Err(whole(format!(
            "the file is {} KB; the diary keeps questionnaires of at most {} KB on the phone",
            text.len().div_ceil(1024),
            MAX_FILE_BYTES / 1024
        )));
    }
    let json: Value = serde_json::from_str(text).map_err(|e| whole(format!("not JSON ({e})")))?;
    parse_file(&json, source)
}

/// Reads a clinic's file: `source` is the canonical when the file has no `url`. Its FHIRPath
/// expressions are checked apart (`check_expressions`), with the engine, only when it has any.
pub fn parse_file(v: &Value, source: &str) -> Result<Questionnaire, Vec<Problem>> {
    let mut q = read(v, Some(source))?;
    q.score_item = super::score::score_item(&q);
    Ok(q)
}

/// Reads a copy kept in the diary (its `url` is set; its expressions were checked when it
/// was first read, and are evaluated only when it is answered).
pub fn parse(v: &Value) -> Result<Questionnaire, Vec<Problem>> {
    let mut q = read(v, None)?;
    q.score_item = super::score::score_item(&q);
    Ok(q)
}

fn read(v: &Value, source: Option<&str>) -> Result<Questionnaire, Vec<Problem>> {
    let mut r = Reader {
        root: v,
        problems: Vec::new(),
        link_id: None,
    };
    if v.get("resourceType").and_then(Value::as_str) != Some("Questionnaire") {
        r.problem("not a FHIR Questionnaire (resourceType)".into());
        return Err(r.problems);
    }
    check_elements(&mut r, v, Place::Questionnaire);
    let url = match (v.get("url").and_then(Value::as_str), source) {
        (Some(u), _) if !u.is_empty() => u.to_string(),
        (_, Some(s)) => s.to_string(),
        _ => {
            r.problem("the Questionnaire has no url".into());
            String::new()
        }
    };
    let variables = variables(&mut r, v);
    let mut ids = Vec::new();
    let (items, _) = children(&mut r, v, false, &mut ids);
    r.link_id = None;
    if items.is_empty() {
        r.problem("the Questionnaire has no items".into());
    }
    let mut q = Questionnaire {
        url,
        version: v.get("version").and_then(Value::as_str).map(str::to_string),
        title: text(&mut r, v, "title"),
        items,
        due_days: extensions(v, DUE_DAY)
            .filter_map(|e| e.get("valueInteger").and_then(Value::as_i64))
            .collect(),
        scoring: None,
        higher_is_better: false,
        mid: first(v, MID)
            .and_then(|e| e.get("valueDecimal"))
            .and_then(Value::as_f64),
        variables,
        score_item: None,
        json: Rc::new(v.clone()),
    };
    q.scoring = match first(v, SCORE).map(|e| e.get("valueCode").and_then(Value::as_str)) {
        None => None,
        Some(Some("sum")) => Some(Scoring::Sum),
        Some(Some("percent")) => Some(Scoring::Percent),
        Some(other) => {
            r.problem(format!(
                "score {} is not supported (sum, percent)",
                other.unwrap_or("(none)")
            ));
            None
        }
    };
    q.higher_is_better = match first(v, BETTER)
        .and_then(|e| e.get("valueCode"))
        .and_then(Value::as_str)
    {
        None | Some("lower") => false,
        Some("higher") => true,
        Some(other) => {
            r.problem(format!(
                "better \"{other}\" is not supported (lower, higher)"
            ));
            false
        }
    };
    r.problems.extend(super::enable::check(&q));
    if r.problems.is_empty() {
        Ok(q)
    } else {
        Err(r.problems)
    }
}
