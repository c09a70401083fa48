//! Clinic questionnaires as FHIR R4 `Questionnaire` resources: reading and
//! checking one (everything unsupported is refused, naming the linkId), which items are
//! enabled (`enableWhen`, `enableBehavior`), scoring (`urn:recovery-diary:score`), when one
//! is due (`urn:recovery-diary:due-day`), and answers to and from a `QuestionnaireResponse`.
//!
//! Pure: no web, no UI. `kept`: the questionnaires in the diary, scored by date.

use std::collections::BTreeMap;

mod kept;
pub use kept::{
    answered_dates, change, kept, record, response_date, responses, ScoreChange, Scored,
};

use chrono::{Days, NaiveDate};
use serde_json::{json, Map, Value};

pub const ORDINAL_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
pub const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";
pub const DUE_DAY: &str = "urn:recovery-diary:due-day";
pub const SCORE: &str = "urn:recovery-diary:score";
pub const BETTER: &str = "urn:recovery-diary:better";
pub const MID: &str = "urn:recovery-diary:mid";

/// Days before and after a due day during which the questionnaire is offered.
pub const DUE_BEFORE: u64 = 7;
pub const DUE_AFTER: u64 = 14;

/// A text with its translations (the standard translation extension on `_text`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    pub text: String,
    pub translations: Vec<(String, String)>,
}

impl Text {
    /// The text in `lang` ("es", "es-MX" matches "es"), else the text as written.
    pub fn get(&self, lang: &str) -> &str {
        let base = lang.split(['-', '_']).next().unwrap_or(lang);
        self.translations
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(lang))
            .or_else(|| {
                self.translations.iter().find(|(l, _)| {
                    l.split(['-', '_'])
                        .next()
                        .is_some_and(|b| b.eq_ignore_ascii_case(base))
                })
            })
            .map_or(self.text.as_str(), |(_, t)| t.as_str())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AnswerOption {
    pub code: String,
    pub display: Text,
    /// The `ordinalValue` extension: the option's score.
    pub score: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    Group,
    Display,
    Choice(Vec<AnswerOption>),
    Integer,
    Decimal,
    Boolean,
    String,
    Text,
}

/// An answer, as the response holds it (a choice by its code).
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Coding(String),
    Integer(i64),
    Decimal(f64),
    Boolean(bool),
    String(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Exists,
    Equal,
    NotEqual,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnableWhen {
    pub question: String,
    pub operator: Operator,
    /// For `exists`: whether an answer must exist. For `=` and `!=`: the answer compared.
    pub exists: bool,
    pub answer: Option<Answer>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub link_id: String,
    pub text: Text,
    pub kind: ItemKind,
    pub required: bool,
    pub enable_when: Vec<EnableWhen>,
    /// `enableBehavior` `any` (else `all`).
    pub enable_any: bool,
    pub items: Vec<Item>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scoring {
    /// The sum of the chosen options' ordinal values.
    Sum,
    /// That sum over the maximum possible for the answered scored items, × 100.
    Percent,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Questionnaire {
    pub url: String,
    pub version: Option<String>,
    pub title: Text,
    pub items: Vec<Item>,
    /// Day numbers since the procedure at which it is due.
    pub due_days: Vec<i64>,
    pub scoring: Option<Scoring>,
    /// A lower score is better (the default), or a higher one.
    pub higher_is_better: bool,
    /// The minimal important change.
    pub mid: Option<f64>,
}

/// Why a questionnaire cannot be used: where (`linkId`, when an item) and what. For the
/// integrator (English); the patient never sees a half-working form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub link_id: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.link_id {
            Some(id) => write!(f, "item {id}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

pub type Answers = BTreeMap<String, Answer>;

fn extensions<'a>(v: &'a Value, url: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    v.get("extension")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(move |e| e.get("url").and_then(Value::as_str) == Some(url))
}

/// `field` (a FHIR string) with the translations on `_field`.
fn text(v: &Value, field: &str) -> Text {
    let translations = v
        .get(format!("_{field}"))
        .map(|under| {
            extensions(under, TRANSLATION)
                .filter_map(|t| {
                    let part = |name: &str, key: &str| {
                        extensions(t, name)
                            .next()
                            .and_then(|e| e.get(key))
                            .and_then(Value::as_str)
                            .map(str::to_string)
                    };
                    Some((part("lang", "valueCode")?, part("content", "valueString")?))
                })
                .collect()
        })
        .unwrap_or_default();
    Text {
        text: v
            .get(field)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        translations,
    }
}

fn answer_of(v: &Value, prefix: &str) -> Option<Answer> {
    let get = |t: &str| v.get(format!("{prefix}{t}"));
    if let Some(c) = get("Coding") {
        return c
            .get("code")
            .and_then(Value::as_str)
            .map(|c| Answer::Coding(c.to_string()));
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
    get("String")
        .and_then(Value::as_str)
        .map(|s| Answer::String(s.to_string()))
}

fn item(v: &Value, problems: &mut Vec<Problem>, ids: &mut Vec<String>) -> Option<Item> {
    let link_id = v.get("linkId").and_then(Value::as_str).unwrap_or_default();
    let mut problem = |message: String| {
        problems.push(Problem {
            link_id: (!link_id.is_empty()).then(|| link_id.to_string()),
            message,
        })
    };
    if link_id.is_empty() {
        problem("an item has no linkId".into());
        return None;
    }
    if ids.iter().any(|i| i == link_id) {
        problem("the linkId appears twice".into());
    }
    ids.push(link_id.to_string());
    let kind = match v.get("type").and_then(Value::as_str).unwrap_or_default() {
        "group" => ItemKind::Group,
        "display" => ItemKind::Display,
        "integer" => ItemKind::Integer,
        "decimal" => ItemKind::Decimal,
        "boolean" => ItemKind::Boolean,
        "string" => ItemKind::String,
        "text" => ItemKind::Text,
        "choice" => {
            if v.get("answerValueSet").is_some() {
                problem(
                    "answerValueSet is not supported (list the options in answerOption)".into(),
                );
            }
            let mut options = Vec::new();
            for o in v
                .get("answerOption")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                match o.get("valueCoding") {
                    Some(c) => match c.get("code").and_then(Value::as_str) {
                        Some(code) => options.push(AnswerOption {
                            code: code.to_string(),
                            display: text(c, "display"),
                            score: extensions(o, ORDINAL_VALUE)
                                .chain(extensions(c, ORDINAL_VALUE))
                                .find_map(|e| e.get("valueDecimal").and_then(Value::as_f64)),
                        }),
                        None => problem("an answerOption's valueCoding has no code".into()),
                    },
                    None => {
                        problem("an answerOption that is not a valueCoding is not supported".into())
                    }
                }
            }
            if options.is_empty() {
                problem("a choice item has no answerOption".into());
            }
            ItemKind::Choice(options)
        }
        other => {
            problem(format!("item type \"{other}\" is not supported"));
            return None;
        }
    };
    let mut enable_when = Vec::new();
    for e in v
        .get("enableWhen")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let question = e
            .get("question")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let (operator, exists, answer) = match e.get("operator").and_then(Value::as_str) {
            Some("exists") => (
                Operator::Exists,
                e.get("answerBoolean")
                    .and_then(Value::as_bool)
                    .unwrap_or(true),
                None,
            ),
            Some("=") => (Operator::Equal, true, answer_of(e, "answer")),
            Some("!=") => (Operator::NotEqual, true, answer_of(e, "answer")),
            other => {
                problem(format!(
                    "enableWhen operator {} is not supported (exists, =, !=)",
                    other.unwrap_or("(none)")
                ));
                continue;
            }
        };
        if question.is_empty() || (operator != Operator::Exists && answer.is_none()) {
            problem("an enableWhen needs a question and an answer".into());
            continue;
        }
        enable_when.push(EnableWhen {
            question: question.to_string(),
            operator,
            exists,
            answer,
        });
    }
    let enable_any = match v.get("enableBehavior").and_then(Value::as_str) {
        None | Some("all") => false,
        Some("any") => true,
        Some(other) => {
            problem(format!("enableBehavior \"{other}\" is not supported"));
            false
        }
    };
    if v.get("repeats").and_then(Value::as_bool) == Some(true) {
        problem("repeating items are not supported".into());
    }
    let items = v
        .get("item")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|i| item(i, problems, ids))
        .collect();
    Some(Item {
        link_id: link_id.to_string(),
        text: text(v, "text"),
        kind,
        required: v.get("required").and_then(Value::as_bool).unwrap_or(false),
        enable_when,
        enable_any,
        items,
    })
}

/// Reads and checks a Questionnaire. Every problem is listed, each naming its linkId.
pub fn parse(v: &Value) -> Result<Questionnaire, Vec<Problem>> {
    let mut problems = Vec::new();
    let whole = |message: &str| Problem {
        link_id: None,
        message: message.to_string(),
    };
    if v.get("resourceType").and_then(Value::as_str) != Some("Questionnaire") {
        return Err(vec![whole("not a FHIR Questionnaire (resourceType)")]);
    }
    let url = v.get("url").and_then(Value::as_str).unwrap_or_default();
    if url.is_empty() {
        problems.push(whole("the Questionnaire has no url"));
    }
    let mut ids = Vec::new();
    let items: Vec<Item> = v
        .get("item")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|i| item(i, &mut problems, &mut ids))
        .collect();
    if items.is_empty() {
        problems.push(whole("the Questionnaire has no items"));
    }
    // enableWhen must point at an item of this questionnaire.
    fn each<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
        for i in items {
            out.push(i);
            each(&i.items, out);
        }
    }
    let mut all = Vec::new();
    each(&items, &mut all);
    for i in &all {
        for e in &i.enable_when {
            if !ids.contains(&e.question) {
                problems.push(Problem {
                    link_id: Some(i.link_id.clone()),
                    message: format!("enableWhen names {}, which is not an item", e.question),
                });
            }
        }
    }
    let scoring = match extensions(v, SCORE)
        .next()
        .map(|e| e.get("valueCode").and_then(Value::as_str))
    {
        None => None,
        Some(Some("sum")) => Some(Scoring::Sum),
        Some(Some("percent")) => Some(Scoring::Percent),
        Some(other) => {
            problems.push(whole(&format!(
                "score {} is not supported (sum, percent)",
                other.unwrap_or("(none)")
            )));
            None
        }
    };
    let higher_is_better = match extensions(v, BETTER)
        .next()
        .and_then(|e| e.get("valueCode"))
        .and_then(Value::as_str)
    {
        None | Some("lower") => false,
        Some("higher") => true,
        Some(other) => {
            problems.push(whole(&format!(
                "better \"{other}\" is not supported (lower, higher)"
            )));
            false
        }
    };
    let due_days: Vec<i64> = extensions(v, DUE_DAY)
        .filter_map(|e| e.get("valueInteger").and_then(Value::as_i64))
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Questionnaire {
        url: url.to_string(),
        version: v.get("version").and_then(Value::as_str).map(str::to_string),
        title: text(v, "title"),
        items,
        due_days,
        scoring,
        higher_is_better,
        mid: extensions(v, MID)
            .next()
            .and_then(|e| e.get("valueDecimal"))
            .and_then(Value::as_f64),
    })
}

impl Questionnaire {
    /// The canonical reference a response names: `url|version`.
    pub fn canonical(&self) -> String {
        match &self.version {
            Some(v) => format!("{}|{v}", self.url),
            None => self.url.clone(),
        }
    }

    /// Whether `item` is enabled by the answers (its own enableWhen only).
    pub fn enabled(item: &Item, answers: &Answers) -> bool {
        if item.enable_when.is_empty() {
            return true;
        }
        let holds = |e: &EnableWhen| {
            let given = answers.get(&e.question);
            match e.operator {
                Operator::Exists => given.is_some() == e.exists,
                Operator::Equal => given.is_some() && given == e.answer.as_ref(),
                Operator::NotEqual => given.is_some() && given != e.answer.as_ref(),
            }
        };
        if item.enable_any {
            item.enable_when.iter().any(holds)
        } else {
            item.enable_when.iter().all(holds)
        }
    }

    /// The items the patient is asked, in order: enabled, inside enabled groups.
    pub fn asked<'a>(&'a self, answers: &Answers) -> Vec<&'a Item> {
        fn walk<'a>(items: &'a [Item], answers: &Answers, out: &mut Vec<&'a Item>) {
            for i in items.iter().filter(|i| Questionnaire::enabled(i, answers)) {
                out.push(i);
                walk(&i.items, answers, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.items, answers, &mut out);
        out
    }

    /// The pages of the form, one question (or display text) each, in order: the items
    /// asked that are not groups, each with the group it is in (its text heads the page).
    pub fn pages<'a>(&'a self, answers: &Answers) -> Vec<(Option<&'a Item>, &'a Item)> {
        fn walk<'a>(
            items: &'a [Item],
            group: Option<&'a Item>,
            answers: &Answers,
            out: &mut Vec<(Option<&'a Item>, &'a Item)>,
        ) {
            for i in items.iter().filter(|i| Questionnaire::enabled(i, answers)) {
                if i.kind == ItemKind::Group {
                    walk(&i.items, Some(i), answers, out);
                } else {
                    out.push((group, i));
                    walk(&i.items, group, answers, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.items, None, answers, &mut out);
        out
    }

    /// About how many minutes answering takes, for "It takes about N minutes": 20 seconds
    /// a question (every question, also those only some answers open), at least 1.
    pub fn minutes(&self) -> u32 {
        fn count(items: &[Item]) -> u32 {
            items
                .iter()
                .map(|i| {
                    let own = !matches!(i.kind, ItemKind::Group | ItemKind::Display);
                    u32::from(own) + count(&i.items)
                })
                .sum()
        }
        count(&self.items).div_ceil(3).max(1)
    }

    /// "It takes about N minutes." in the patient's language.
    pub fn minutes_words(&self, t: &crate::domain::i18n::Texts) -> String {
        match self.minutes() {
            1 => t.q_minutes_one.to_string(),
            n => crate::domain::i18n::fill(t.q_minutes, &[("n", &n.to_string())]),
        }
    }

    /// The required questions asked but not answered (their linkIds).
    pub fn missing(&self, answers: &Answers) -> Vec<&str> {
        self.asked(answers)
            .into_iter()
            .filter(|i| i.required && !matches!(i.kind, ItemKind::Group | ItemKind::Display))
            .filter(|i| !answers.contains_key(&i.link_id))
            .map(|i| i.link_id.as_str())
            .collect()
    }

    /// The score of `answers`, or `None` (no scoring, or no scored item answered).
    pub fn score(&self, answers: &Answers) -> Option<f64> {
        let scoring = self.scoring?;
        let (mut sum, mut max, mut any) = (0.0, 0.0, false);
        for i in self.asked(answers) {
            let ItemKind::Choice(options) = &i.kind else {
                continue;
            };
            let best = options
                .iter()
                .filter_map(|o| o.score)
                .fold(None, |m: Option<f64>, s| Some(m.map_or(s, |m| m.max(s))));
            let (Some(best), Some(Answer::Coding(code))) = (best, answers.get(&i.link_id)) else {
                continue;
            };
            if let Some(s) = options
                .iter()
                .find(|o| &o.code == code)
                .and_then(|o| o.score)
            {
                sum += s;
                max += best;
                any = true;
            }
        }
        match (any, scoring) {
            (false, _) => None,
            (true, Scoring::Sum) => Some(sum),
            (true, Scoring::Percent) if max > 0.0 => Some(sum / max * 100.0),
            (true, Scoring::Percent) => Some(0.0),
        }
    }

    /// The due windows: (due day, first date offered, last date offered). Without a
    /// procedure date it is due once, now: `today` to `today`.
    pub fn windows(
        &self,
        procedure: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Vec<(Option<i64>, NaiveDate, NaiveDate)> {
        match procedure {
            None => vec![(None, today, today)],
            Some(p) => self
                .due_days
                .iter()
                .filter_map(|&d| {
                    let due = if d >= 0 {
                        p.checked_add_days(Days::new(d as u64))
                    } else {
                        p.checked_sub_days(Days::new(d.unsigned_abs()))
                    }?;
                    Some((
                        Some(d),
                        due.checked_sub_days(Days::new(DUE_BEFORE))?,
                        due.checked_add_days(Days::new(DUE_AFTER))?,
                    ))
                })
                .collect(),
        }
    }
}

/// When a questionnaire is due against the dates it was answered on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    /// Open now and not yet answered in its window: the due day (`None`: no procedure date).
    pub now: Option<Option<i64>>,
    /// Windows that ended without an answer (their due days).
    pub missed: Vec<i64>,
}

pub fn due(
    q: &Questionnaire,
    procedure: Option<NaiveDate>,
    today: NaiveDate,
    answered: &[NaiveDate],
) -> Due {
    let mut out = Due {
        now: None,
        missed: Vec::new(),
    };
    let windows = q.windows(procedure, today);
    if procedure.is_none() {
        if answered.is_empty() {
            out.now = Some(None);
        }
        return out;
    }
    for (day, from, to) in windows {
        let done = answered.iter().any(|d| (from..=to).contains(d));
        if done {
            continue;
        }
        if (from..=to).contains(&today) {
            out.now.get_or_insert(day);
        } else if to < today {
            out.missed.extend(day);
        }
    }
    out
}

fn answer_value(a: &Answer, q: &Item) -> Value {
    match a {
        Answer::Coding(code) => {
            let display = match &q.kind {
                ItemKind::Choice(options) => options
                    .iter()
                    .find(|o| &o.code == code)
                    .map(|o| o.display.text.clone()),
                _ => None,
            };
            let mut c = Map::new();
            c.insert("code".into(), Value::from(code.as_str()));
            if let Some(d) = display {
                c.insert("display".into(), Value::from(d));
            }
            json!({ "valueCoding": c })
        }
        Answer::Integer(i) => json!({ "valueInteger": i }),
        Answer::Decimal(d) => json!({ "valueDecimal": d }),
        Answer::Boolean(b) => json!({ "valueBoolean": b }),
        Answer::String(s) => json!({ "valueString": s }),
    }
}

/// The completed QuestionnaireResponse of `answers` (only the items asked), nested as the
/// Questionnaire is. `authored`: an RFC 3339 instant with offset.
pub fn response(q: &Questionnaire, answers: &Answers, authored: &str) -> Value {
    fn items(list: &[Item], answers: &Answers) -> Vec<Value> {
        list.iter()
            .filter(|i| Questionnaire::enabled(i, answers))
            .filter_map(|i| {
                let mut v = Map::new();
                v.insert("linkId".into(), Value::from(i.link_id.as_str()));
                if let Some(a) = answers.get(&i.link_id) {
                    v.insert("answer".into(), Value::Array(vec![answer_value(a, i)]));
                }
                let children = items(&i.items, answers);
                if !children.is_empty() {
                    v.insert("item".into(), Value::Array(children));
                }
                (v.len() > 1).then_some(Value::Object(v))
            })
            .collect()
    }
    json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": q.canonical(),
        "status": "completed",
        "authored": authored,
        "item": items(&q.items, answers),
    })
}

/// The answers of a QuestionnaireResponse, by linkId.
pub fn answers_of(response: &Value) -> Answers {
    fn walk(items: &Value, out: &mut Answers) {
        for i in items.as_array().into_iter().flatten() {
            if let (Some(id), Some(a)) = (
                i.get("linkId").and_then(Value::as_str),
                i.get("answer")
                    .and_then(Value::as_array)
                    .and_then(|a| a.first())
                    .and_then(|a| answer_of(a, "value")),
            ) {
                out.insert(id.to_string(), a);
            }
            if let Some(children) = i.get("item") {
                walk(children, out);
            }
        }
    }
    let mut out = Answers::new();
    if let Some(items) = response.get("item") {
        walk(items, &mut out);
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
