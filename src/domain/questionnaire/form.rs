//! The form as answered: which items are enabled (enableWhen, enableWhenExpression, and
//! the item they are in), the calculated items' values, the pages shown, the questions
//! still missing, the checks of one answer, and the response.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::expr::{paths, Evaluate, Scope};
use super::read::fits;
use super::{enable, response, Answer, Answers, Coding, Item, ItemKind, Problem, Questionnaire};

/// The form for one set of answers.
pub struct Form<'q> {
    pub questionnaire: &'q Questionnaire,
    /// The patient's answers and the calculated ones, of the enabled items only.
    pub answers: Answers,
    enabled: BTreeSet<&'q str>,
    /// Expressions that could not be evaluated with these answers (their value is none).
    pub errors: Vec<Problem>,
}

/// One page: an item and the group it is in (its text heads the page).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page<'q> {
    pub group: Option<&'q Item>,
    pub item: &'q Item,
}

impl Page<'_> {
    /// Whether the patient answers it (else it is shown: a text, a computed or read-only value).
    pub fn asked(&self) -> bool {
        asked(self.item)
    }
}

fn asked(item: &Item) -> bool {
    item.kind.is_question() && !item.read_only && item.calculated.is_none()
}

/// Why an answer is not taken, for a plain message.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    WholeNumber,
    /// Below `minValue` (as text).
    Below(String),
    /// Above `maxValue` (as text).
    Above(String),
    TooShort(usize),
    TooLong(usize),
    TooManyDecimals(u32),
    TooMany(usize),
}

/// The answers a FHIRPath result gives an item of `kind`.
fn answers_from(kind: &ItemKind, values: &[Value]) -> Vec<Answer> {
    let number = |v: &Value| {
        v.as_f64()
            .or_else(|| v.as_str().and_then(|s| s.parse::<f64>().ok()))
            .or_else(|| v.get("value").and_then(Value::as_f64))
    };
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.trim_start_matches('@').to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    values
        .iter()
        .filter_map(|v| match kind {
            ItemKind::Decimal => number(v).filter(|n| n.is_finite()).map(Answer::Decimal),
            ItemKind::Integer => number(v)
                .filter(|n| n.is_finite())
                .map(|n| Answer::Integer(n.round() as i64)),
            ItemKind::Boolean => v.as_bool().map(Answer::Boolean),
            ItemKind::String | ItemKind::Text => text(v).map(Answer::String),
            ItemKind::Url => text(v).map(Answer::Uri),
            ItemKind::Date => text(v).map(Answer::Date),
            ItemKind::DateTime => text(v).map(Answer::DateTime),
            ItemKind::Time => text(v).map(Answer::Time),
            ItemKind::Quantity { units } => number(v).map(|n| {
                let unit = v
                    .get("code")
                    .or_else(|| v.get("unit"))
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .or_else(|| units.first().map(|u| u.code.clone()));
                Answer::Quantity(n, unit)
            }),
            ItemKind::Choice { open, .. } => match v.get("code").and_then(Value::as_str) {
                Some(code) => Some(Answer::Coding(Coding {
                    system: v.get("system").and_then(Value::as_str).map(str::to_string),
                    code: code.to_string(),
                })),
                None if *open => text(v).map(Answer::String),
                None => None,
            },
            ItemKind::Group | ItemKind::Display => None,
        })
        .filter(|a| fits(kind, a) || matches!(kind, ItemKind::Choice { .. }))
        .collect()
}

impl Questionnaire {
    /// The form for `given` answers. `engine` evaluates the file's FHIRPath (needed only
    /// when it has some; without one, calculated items stay empty and enableWhenExpression
    /// items are shown).
    pub fn form(&self, given: &Answers, engine: Option<&dyn Evaluate>) -> Form<'_> {
        let paths: BTreeMap<&str, Vec<&Item>> = paths(self)
            .into_iter()
            .map(|p| (p[p.len() - 1].link_id.as_str(), p))
            .collect();
        let mut values: Answers = given
            .iter()
            .filter(|(k, v)| {
                !v.is_empty()
                    && paths
                        .get(k.as_str())
                        .is_some_and(|p| p[p.len() - 1].calculated.is_none())
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut errors = Vec::new();
        let mut enabled = BTreeSet::new();
        // Calculated values can enable items and enabled items change calculated values:
        // until nothing changes (each pass settles at least one more item). When nothing
        // reads a calculated item (no enableWhen names one, no expression mentions its
        // linkId), one pass settles everything.
        let calculated: Vec<&str> = paths
            .values()
            .map(|p| p[p.len() - 1])
            .filter(|i| i.calculated.is_some())
            .map(|i| i.link_id.as_str())
            .collect();
        let read_back = paths.values().map(|p| p[p.len() - 1]).any(|i| {
            i.enable_when
                .iter()
                .any(|e| calculated.contains(&e.question.as_str()))
        }) || super::expr::expressions(self)
            .iter()
            .any(|e| calculated.iter().any(|c| e.text.contains(c)));
        let passes = if read_back { paths.len() + 1 } else { 1 };
        for _ in 0..passes {
            errors.clear();
            enabled = self.enabled_items(&values, engine, &paths, &mut errors);
            let mut next: Answers = values
                .iter()
                .filter(|(k, _)| {
                    paths
                        .get(k.as_str())
                        .is_some_and(|p| p[p.len() - 1].calculated.is_none())
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            if let Some(engine) = engine {
                let visible = only(&values, &enabled);
                let r = response::evaluation_response(self, &visible, &|i| {
                    enabled.contains(i.link_id.as_str())
                });
                let scope = Scope::new(engine, self, &r);
                for path in paths.values() {
                    let item = path[path.len() - 1];
                    let Some(e) = &item.calculated else { continue };
                    if !enabled.contains(item.link_id.as_str()) {
                        continue;
                    }
                    match scope.value(path, e) {
                        Ok(v) => {
                            let a = answers_from(&item.kind, &v);
                            if !a.is_empty() {
                                next.insert(item.link_id.clone(), a);
                            }
                        }
                        Err(m) => errors.push(Problem {
                            link_id: Some(item.link_id.clone()),
                            message: m,
                        }),
                    }
                }
            }
            if next == values {
                break;
            }
            values = next;
        }
        Form {
            questionnaire: self,
            answers: only(&values, &enabled),
            enabled,
            errors,
        }
    }

    /// The items enabled by `values`: by their enableWhen (seeing the answers of enabled
    /// items only), their enableWhenExpression, and the item they are in.
    fn enabled_items<'q>(
        &'q self,
        values: &Answers,
        engine: Option<&dyn Evaluate>,
        paths: &BTreeMap<&'q str, Vec<&'q Item>>,
        errors: &mut Vec<Problem>,
    ) -> BTreeSet<&'q str> {
        let mut enabled: BTreeSet<&str> = paths.keys().copied().collect();
        let with_expression = paths
            .values()
            .any(|p| p[p.len() - 1].enable_expression.is_some());
        for _ in 0..=paths.len() {
            let visible = only(values, &enabled);
            let scope = match engine {
                Some(engine) if with_expression => {
                    let r = response::evaluation_response(self, &visible, &|i| {
                        enabled.contains(i.link_id.as_str())
                    });
                    Some(Scope::new(engine, self, &r))
                }
                _ => None,
            };
            let mut next = BTreeSet::new();
            for (id, path) in paths {
                let on = path.iter().enumerate().all(|(depth, i)| {
                    enable::enabled_by(i, &visible)
                        && match (&i.enable_expression, &scope) {
                            (Some(e), Some(scope)) => match scope.value(&path[..=depth], e) {
                                Ok(v) => v == [Value::Bool(true)],
                                Err(m) => {
                                    errors.push(Problem {
                                        link_id: Some(i.link_id.clone()),
                                        message: m,
                                    });
                                    false
                                }
                            },
                            _ => true,
                        }
                });
                if on {
                    next.insert(*id);
                }
            }
            if next == enabled {
                break;
            }
            enabled = next;
        }
        enabled
    }

    /// The answers before the patient gives any: `initial`, options `initialSelected`, and
    /// `initialExpression` (on the empty response).
    pub fn initial_answers(&self, engine: Option<&dyn Evaluate>) -> Answers {
        let mut out: Answers = self
            .all_items()
            .into_iter()
            .filter(|i| !i.initial.is_empty())
            .map(|i| (i.link_id.clone(), i.initial.clone()))
            .collect();
        if let Some(engine) = engine {
            let r = response::evaluation_response(self, &out, &|_| true);
            let scope = Scope::new(engine, self, &r);
            for path in paths(self) {
                let item = path[path.len() - 1];
                if let Some(e) = &item.initial_expression {
                    if let Ok(v) = scope.value(&path, e) {
                        let a = answers_from(&item.kind, &v);
                        if !a.is_empty() {
                            out.insert(item.link_id.clone(), a);
                        }
                    }
                }
            }
        }
        out
    }
}

fn only(values: &Answers, enabled: &BTreeSet<&str>) -> Answers {
    values
        .iter()
        .filter(|(k, _)| enabled.contains(k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

impl<'q> Form<'q> {
    pub fn enabled(&self, item: &Item) -> bool {
        self.enabled.contains(item.link_id.as_str())
    }

    /// The answers of `link_id` (none: empty).
    pub fn answers_of(&self, link_id: &str) -> &[Answer] {
        self.answers.get(link_id).map_or(&[], Vec::as_slice)
    }

    /// The pages, in order: the enabled items that are not hidden and not groups, each with
    /// the group it is in.
    pub fn pages(&self) -> Vec<Page<'q>> {
        fn walk<'q>(
            form: &Form<'q>,
            items: &'q [Item],
            group: Option<&'q Item>,
            out: &mut Vec<Page<'q>>,
        ) {
            for i in items.iter().filter(|i| form.enabled(i) && !i.hidden) {
                if i.kind == ItemKind::Group {
                    walk(form, &i.items, Some(i), out);
                } else {
                    out.push(Page { group, item: i });
                    walk(form, &i.items, group, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(self, &self.questionnaire.items, None, &mut out);
        out
    }

    /// The questions asked (enabled, shown, answered by the patient), in order.
    pub fn asked(&self) -> Vec<&'q Item> {
        self.pages()
            .into_iter()
            .filter(Page::asked)
            .map(|p| p.item)
            .collect()
    }

    /// The required questions asked but not answered (their linkIds).
    pub fn missing(&self) -> Vec<&'q str> {
        self.asked()
            .into_iter()
            .filter(|i| i.required && self.answers_of(&i.link_id).is_empty())
            .map(|i| i.link_id.as_str())
            .collect()
    }

    /// The completed response (the calculated items' values in it).
    pub fn response(&self, authored: &str) -> Value {
        response::completed(
            self.questionnaire,
            &self.answers,
            &|i| self.enabled(i),
            authored,
        )
    }
}

/// Why `answers` are not taken for `item` (`minValue`, `maxValue`, `maxLength`, ...).
pub fn refusal(item: &Item, answers: &[Answer]) -> Option<Refusal> {
    let l = &item.limits;
    if let Some(max) = l.max_answers.filter(|m| answers.len() > *m) {
        return Some(Refusal::TooMany(max));
    }
    for a in answers {
        if let (ItemKind::Integer, Answer::Decimal(d)) = (&item.kind, a) {
            if d.fract() != 0.0 {
                return Some(Refusal::WholeNumber);
            }
        }
        if let Some(min) = &l.min {
            if enable::compare(a, min) == Some(Ordering::Less) {
                return Some(Refusal::Below(min.plain()));
            }
        }
        if let Some(max) = &l.max {
            if enable::compare(a, max) == Some(Ordering::Greater) {
                return Some(Refusal::Above(max.plain()));
            }
        }
        if let Answer::String(s) = a {
            let n = s.chars().count();
            if let Some(m) = l.min_length.filter(|m| n < *m) {
                return Some(Refusal::TooShort(m));
            }
            if let Some(m) = l.max_length.filter(|m| n > *m) {
                return Some(Refusal::TooLong(m));
            }
        }
        if let (Some(places), Some(n)) = (l.max_decimals, a.number()) {
            let text = super::trim(n);
            let decimals = text.split_once('.').map_or(0, |(_, f)| f.len());
            if decimals > places as usize {
                return Some(Refusal::TooManyDecimals(places));
            }
        }
    }
    None
}
