//! Clinic questionnaires as FHIR R4 `Questionnaire` resources, the files clinics already
//! have, unedited: reading and checking one (`read`: anything that could change what is asked
//! or scored and is not understood is refused, naming the linkId and the URL; `known` lists
//! what is used, ignored and refused), contained ValueSets (`valueset`), which items are
//! enabled (`enable`: every R4 operator, cycles refused), the form as answered (`form`: pages,
//! calculated items, checks), FHIRPath (`expr`), scoring (`score`), when one is due (`due`),
//! and answers to and from a `QuestionnaireResponse` (`response`).
//!
//! Pure: no web, no UI. `kept`: the questionnaires in the diary, scored by date.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;

mod due;
mod enable;
mod expr;
mod form;
pub mod known;
mod read;
mod response;
mod score;
mod valueset;

mod kept;
pub use due::{due, Due, DUE_AFTER, DUE_BEFORE};
pub use expr::{check_expressions, has_expressions, Evaluate, FhirPath};
pub use form::{refusal, Form, Page, Refusal};
pub use kept::{
    answered_dates, change, kept, record, response_date, responses, ScoreChange, Scored,
};
pub use read::{parse, parse_file, read_text, MAX_FILE_BYTES};
pub use response::{answers_of, response};

pub const ORDINAL_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
pub const ITEM_WEIGHT: &str = "http://hl7.org/fhir/StructureDefinition/itemWeight";
pub const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";
pub const DUE_DAY: &str = "urn:recovery-diary:due-day";
pub const SCORE: &str = "urn:recovery-diary:score";
pub const BETTER: &str = "urn:recovery-diary:better";
pub const MID: &str = "urn:recovery-diary:mid";

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

    pub fn plain(text: &str) -> Text {
        Text {
            text: text.to_string(),
            translations: Vec::new(),
        }
    }
}

/// A code and its system (a `valueCoding` as the response holds it).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Coding {
    pub system: Option<String>,
    pub code: String,
}

impl Coding {
    /// The same concept: equal codes, and equal systems where both are known (a response
    /// written before systems were kept names the code alone).
    pub fn matches(&self, other: &Coding) -> bool {
        self.code == other.code
            && match (&self.system, &other.system) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

/// A unit of a quantity (`questionnaire-unit`, `questionnaire-unitOption`).
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub system: Option<String>,
    pub code: String,
    pub display: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AnswerOption {
    pub value: Answer,
    /// What the patient reads (a Coding's display, else its code; the value as written).
    pub label: Text,
    /// The option's weight (`ordinalValue` or `itemWeight`, on the option, its Coding or the
    /// ValueSet's concept).
    pub score: Option<f64>,
    /// `initialSelected`: chosen before the patient answers.
    pub selected: bool,
    /// SDC `optionExclusive`: choosing it clears the others (several answers).
    pub exclusive: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum ItemKind {
    #[default]
    Group,
    Display,
    Boolean,
    Decimal,
    Integer,
    Date,
    DateTime,
    Time,
    String,
    Text,
    Url,
    /// `choice` (`open: false`) or `open-choice` (options plus "Other: …").
    Choice {
        options: Vec<AnswerOption>,
        open: bool,
    },
    /// A number and its unit (the first of `units` when there is one only).
    Quantity {
        units: Vec<Unit>,
    },
}

impl ItemKind {
    /// Whether the patient answers it (not a group or display text).
    pub fn is_question(&self) -> bool {
        !matches!(self, ItemKind::Group | ItemKind::Display)
    }
}

/// An answer, as the response holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Coding(Coding),
    Integer(i64),
    Decimal(f64),
    Boolean(bool),
    String(String),
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date(String),
    /// `YYYY-MM-DDThh:mm:ss` with its offset.
    DateTime(String),
    /// `hh:mm:ss`.
    Time(String),
    Uri(String),
    /// A value and the code of its unit (system and display from the item's units).
    Quantity(f64, Option<String>),
}

impl Answer {
    /// A Coding with no system.
    pub fn code(code: &str) -> Answer {
        Answer::Coding(Coding {
            system: None,
            code: code.to_string(),
        })
    }

    /// The number, for an integer, a decimal or a quantity.
    pub fn number(&self) -> Option<f64> {
        match self {
            Answer::Integer(i) => Some(*i as f64),
            Answer::Decimal(d) | Answer::Quantity(d, _) => Some(*d),
            _ => None,
        }
    }

    /// The answer as plain text (a Coding by its code): for a CSV cell or a message.
    pub fn plain(&self) -> String {
        match self {
            Answer::Coding(c) => c.code.clone(),
            Answer::Integer(i) => i.to_string(),
            Answer::Decimal(d) => trim(*d),
            Answer::Boolean(b) => b.to_string(),
            Answer::String(s)
            | Answer::Date(s)
            | Answer::DateTime(s)
            | Answer::Time(s)
            | Answer::Uri(s) => s.clone(),
            Answer::Quantity(v, unit) => match unit {
                Some(u) => format!("{} {u}", trim(*v)),
                None => trim(*v),
            },
        }
    }
}

/// A number without a trailing `.0`.
pub(crate) fn trim(n: f64) -> String {
    let s = format!("{n}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Exists,
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnableWhen {
    pub question: String,
    pub operator: Operator,
    /// The answer compared; for `exists`, `Answer::Boolean(whether an answer must exist)`.
    pub answer: Answer,
}

/// A FHIRPath expression of the file (`calculatedExpression`, `variable`, ...): its text,
/// checked when the file is read, evaluated by `expr`.
#[derive(Clone, Debug, PartialEq)]
pub struct Expression {
    /// The variable's name (`variable` only).
    pub name: Option<String>,
    pub text: String,
}

/// The checks of an answer (`minValue`, `maxValue`, `maxLength`, ...).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Limits {
    pub min: Option<Answer>,
    pub max: Option<Answer>,
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
    pub max_decimals: Option<u32>,
    /// `maxOccurs`: the most answers of a multi-select.
    pub max_answers: Option<usize>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Item {
    pub link_id: String,
    pub text: Text,
    /// `prefix` ("1.", "a)").
    pub prefix: Option<Text>,
    pub kind: ItemKind,
    pub required: bool,
    /// Several answers (choice and open-choice only).
    pub repeats: bool,
    /// Shown as information, never asked.
    pub read_only: bool,
    /// `questionnaire-hidden`: never shown (still computed and kept).
    pub hidden: bool,
    pub enable_when: Vec<EnableWhen>,
    /// `enableBehavior` `any` (else `all`).
    pub enable_any: bool,
    /// `enableWhenExpression`: enabled when it is true.
    pub enable_expression: Option<Expression>,
    /// `calculatedExpression`: computed, never asked.
    pub calculated: Option<Expression>,
    /// `initial` (and `initialSelected` options): pre-filled.
    pub initial: Vec<Answer>,
    pub initial_expression: Option<Expression>,
    /// `variable`s, in order: each may use the ones before it.
    pub variables: Vec<Expression>,
    /// Display items under it with itemControl `help` or `flyover`: shown under the question.
    pub help: Vec<Text>,
    /// `entryFormat`: the field's placeholder.
    pub entry_format: Option<Text>,
    /// `questionnaire-unit` of a number: shown beside the field.
    pub unit: Option<String>,
    /// `sdc-questionnaire-openLabel`: the label of an open-choice's own answer.
    pub open_label: Option<Text>,
    pub limits: Limits,
    pub items: Vec<Item>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scoring {
    /// The sum of the chosen options' weights.
    Sum,
    /// That sum over the maximum possible for the answered scored items, × 100.
    Percent,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Questionnaire {
    /// `url`, else the (same-origin) URL of the file it was read from.
    pub url: String,
    pub version: Option<String>,
    pub title: Text,
    pub items: Vec<Item>,
    /// Day numbers since the procedure at which it is due (the clinic's configuration, else
    /// the file's `urn:recovery-diary:due-day`; none: offered once, now).
    pub due_days: Vec<i64>,
    pub scoring: Option<Scoring>,
    /// A lower score is better (the default), or a higher one.
    pub higher_is_better: bool,
    /// The minimal important change.
    pub mid: Option<f64>,
    /// The questionnaire's own `variable`s.
    pub variables: Vec<Expression>,
    /// The calculated item that is the questionnaire's score (see `score`).
    pub score_item: Option<String>,
    /// The file as written: `%questionnaire` of its expressions.
    pub json: Rc<Value>,
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

/// The answers by linkId (several for a multi-select).
pub type Answers = BTreeMap<String, Vec<Answer>>;

impl Questionnaire {
    /// The canonical reference a response names: `url|version`.
    pub fn canonical(&self) -> String {
        match &self.version {
            Some(v) => format!("{}|{v}", self.url),
            None => self.url.clone(),
        }
    }

    /// Every item, depth first.
    pub fn all_items(&self) -> Vec<&Item> {
        fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
            for i in items {
                out.push(i);
                walk(&i.items, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.items, &mut out);
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

    pub fn item(&self, link_id: &str) -> Option<&Item> {
        self.all_items().into_iter().find(|i| i.link_id == link_id)
    }

    /// The copy kept in the diary with the answers: the file as written, with `url` set to
    /// the canonical when the file had none (so the copy names itself as its responses do).
    pub fn kept_copy(&self) -> Value {
        let mut copy = (*self.json).clone();
        if copy.get("url").and_then(Value::as_str).is_none() {
            if let Some(o) = copy.as_object_mut() {
                o.insert("url".into(), Value::from(self.url.as_str()));
            }
        }
        copy
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests_corpus;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests_engines;
