//! `enableWhen` with R4's meaning: `exists`, `=`, `!=`, `>`, `<`, `>=`, `<=` for every answer
//! type (`!=` is true when no answer equals the value, unanswered included; the others need
//! an answer). The checks of a file: each names an item whose answer it can compare, and
//! no item depends on itself, directly or through others (a cycle).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveTime};

use super::read::same_option;
use super::{Answer, EnableWhen, Item, ItemKind, Operator, Problem, Questionnaire};

/// How two answers compare: `None` when they cannot be (different types or units).
pub(super) fn compare(given: &Answer, wanted: &Answer) -> Option<Ordering> {
    match (given, wanted) {
        (Answer::Quantity(a, ua), Answer::Quantity(b, ub)) => {
            (ua.is_none() || ub.is_none() || ua == ub)
                .then(|| a.partial_cmp(b))
                .flatten()
        }
        (Answer::Quantity(..), _) | (_, Answer::Quantity(..)) => None,
        (a, b) if a.number().is_some() && b.number().is_some() => {
            a.number()?.partial_cmp(&b.number()?)
        }
        (Answer::Date(a), Answer::Date(b)) if a.len() == b.len() => Some(a.cmp(b)),
        (Answer::DateTime(a), Answer::DateTime(b)) => {
            match (
                DateTime::parse_from_rfc3339(a),
                DateTime::parse_from_rfc3339(b),
            ) {
                (Ok(a), Ok(b)) => Some(a.cmp(&b)),
                _ => (a.len() == b.len()).then(|| a.cmp(b)),
            }
        }
        (Answer::Time(a), Answer::Time(b)) => {
            let t = |s: &str| {
                NaiveTime::parse_from_str(s, "%H:%M:%S")
                    .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M"))
                    .ok()
            };
            Some(t(a)?.cmp(&t(b)?))
        }
        (Answer::String(a), Answer::String(b)) | (Answer::Uri(a), Answer::Uri(b)) => Some(a.cmp(b)),
        (Answer::Boolean(a), Answer::Boolean(b)) => Some(a.cmp(b)),
        (Answer::Coding(_), Answer::Coding(_)) => {
            same_option(wanted, given).then_some(Ordering::Equal)
        }
        _ => None,
    }
}

/// Whether one enableWhen holds for the answers given to its question.
pub fn holds(e: &EnableWhen, given: &[Answer]) -> bool {
    let equal = |a: &Answer| match (a, &e.answer) {
        (Answer::Coding(_), Answer::Coding(_)) => same_option(&e.answer, a),
        _ => compare(a, &e.answer) == Some(Ordering::Equal),
    };
    let ordered = |want: fn(Ordering) -> bool| {
        given
            .iter()
            .any(|a| compare(a, &e.answer).is_some_and(want))
    };
    match e.operator {
        Operator::Exists => given.is_empty() != (e.answer == Answer::Boolean(true)),
        Operator::Equal => given.iter().any(equal),
        Operator::NotEqual => !given.iter().any(equal),
        Operator::Greater => ordered(Ordering::is_gt),
        Operator::Less => ordered(Ordering::is_lt),
        Operator::GreaterOrEqual => ordered(Ordering::is_ge),
        Operator::LessOrEqual => ordered(Ordering::is_le),
    }
}

/// Whether `item`'s own enableWhen hold (`answers` of the enabled items only).
pub fn enabled_by(item: &Item, answers: &super::Answers) -> bool {
    if item.enable_when.is_empty() {
        return true;
    }
    let hold = |e: &EnableWhen| holds(e, answers.get(&e.question).map_or(&[], Vec::as_slice));
    if item.enable_any {
        item.enable_when.iter().any(hold)
    } else {
        item.enable_when.iter().all(hold)
    }
}

/// Whether the operator and value can be compared with an answer of `kind`.
fn comparable(kind: &ItemKind, e: &EnableWhen) -> bool {
    let a = &e.answer;
    if e.operator == Operator::Exists {
        return true;
    }
    let ordered = !matches!(e.operator, Operator::Equal | Operator::NotEqual);
    match kind {
        ItemKind::Choice { options, open } => {
            !ordered
                && (matches!(a, Answer::Coding(_))
                    && options.iter().any(|o| same_option(&o.value, a))
                    || options.iter().any(|o| o.value == *a)
                    || *open && matches!(a, Answer::String(_)))
        }
        ItemKind::Boolean => !ordered && matches!(a, Answer::Boolean(_)),
        ItemKind::Decimal | ItemKind::Integer => {
            a.number().is_some() && !matches!(a, Answer::Quantity(..))
        }
        ItemKind::Quantity { .. } => matches!(a, Answer::Quantity(..)),
        ItemKind::Date => matches!(a, Answer::Date(_)),
        ItemKind::DateTime => matches!(a, Answer::DateTime(_)),
        ItemKind::Time => matches!(a, Answer::Time(_)),
        ItemKind::String | ItemKind::Text => matches!(a, Answer::String(_)),
        ItemKind::Url => matches!(a, Answer::Uri(_)),
        ItemKind::Group | ItemKind::Display => false,
    }
}

/// What each item waits on: the questions of its enableWhen, and the item it is in (an item
/// inside a disabled one is disabled).
fn dependencies(q: &Questionnaire) -> BTreeMap<&str, Vec<&str>> {
    fn walk<'a>(
        items: &'a [Item],
        parent: Option<&'a str>,
        out: &mut BTreeMap<&'a str, Vec<&'a str>>,
    ) {
        for i in items {
            let mut on: Vec<&str> = i.enable_when.iter().map(|e| e.question.as_str()).collect();
            on.extend(parent);
            out.insert(&i.link_id, on);
            walk(&i.items, Some(&i.link_id), out);
        }
    }
    let mut out = BTreeMap::new();
    walk(&q.items, None, &mut out);
    out
}

/// The items on a cycle of dependencies, each cycle once (in the order found).
fn cycles(q: &Questionnaire) -> Vec<Vec<String>> {
    let deps = dependencies(q);
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark: BTreeMap<&str, Mark> = deps.keys().map(|k| (*k, Mark::New)).collect();
    let mut found = Vec::new();
    fn visit<'a>(
        at: &'a str,
        deps: &BTreeMap<&'a str, Vec<&'a str>>,
        mark: &mut BTreeMap<&'a str, Mark>,
        path: &mut Vec<&'a str>,
        found: &mut Vec<Vec<String>>,
    ) {
        mark.insert(at, Mark::Open);
        path.push(at);
        for &next in deps.get(at).into_iter().flatten() {
            match mark.get(next).copied() {
                Some(Mark::New) => visit(next, deps, mark, path, found),
                Some(Mark::Open) => {
                    let start = path.iter().position(|p| *p == next).unwrap_or(0);
                    found.push(path[start..].iter().map(|s| s.to_string()).collect());
                }
                _ => {}
            }
        }
        path.pop();
        mark.insert(at, Mark::Done);
    }
    for k in deps.keys() {
        if mark.get(k) == Some(&Mark::New) {
            visit(k, &deps, &mut mark, &mut Vec::new(), &mut found);
        }
    }
    found
}

/// The problems of the file's enableWhen: unknown or uncomparable questions, and cycles.
pub fn check(q: &Questionnaire) -> Vec<Problem> {
    let mut problems = Vec::new();
    let all = q.all_items();
    for i in &all {
        for e in &i.enable_when {
            let problem = |message: String| Problem {
                link_id: Some(i.link_id.clone()),
                message,
            };
            match all.iter().find(|x| x.link_id == e.question) {
                None => problems.push(problem(format!(
                    "enableWhen names {}, which is not an item",
                    e.question
                ))),
                Some(target) if !comparable(&target.kind, e) => problems.push(problem(format!(
                    "enableWhen compares {} with {:?} {}, which its answers cannot be",
                    e.question,
                    e.operator,
                    e.answer.plain()
                ))),
                Some(_) => {}
            }
        }
    }
    for cycle in cycles(q) {
        let message = if cycle.len() == 1 {
            "enableWhen depends on the item itself, so it could never be asked".to_string()
        } else {
            format!(
                "enableWhen items depend on each other in a circle ({} → {}), so they could never be asked",
                cycle.join(" → "),
                cycle[0]
            )
        };
        problems.push(Problem {
            link_id: cycle.first().cloned(),
            message,
        });
    }
    problems
}
