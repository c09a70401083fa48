//! FHIRPath in a questionnaire: `calculatedExpression`, `variable`, `enableWhenExpression`
//! and `initialExpression`, evaluated by a FHIRPath engine (`Evaluate`; the diary's is
//! `FhirPath`, the `rh-fhirpath` crate). The diary is offline and same-origin only: an
//! expression that needs a launch context (`%patient`, `%user`, ...) or a server
//! (`resolve()`, `memberOf()`, ...) makes the file a configuration problem.
//!
//! An expression sees the response as answered so far (`%resource`), the file
//! (`%questionnaire`), its item's response item as its input (`%context`) and the file's
//! variables in scope: the questionnaire's, then each enclosing item's, then its own item's.

use std::collections::BTreeMap;

use serde_json::Value;

use super::{Expression, Item, Problem, Questionnaire};

/// A FHIRPath engine.
pub trait Evaluate {
    /// The collection `expression` gives with `focus` as its input and `vars` (names without
    /// `%`, each a collection as a JSON array).
    fn evaluate(
        &self,
        expression: &str,
        focus: &Value,
        vars: &BTreeMap<String, Value>,
    ) -> Result<Vec<Value>, String>;
}

/// The diary's FHIRPath engine: `rh-fhirpath` (chosen by how many of the collected
/// questionnaires' expressions it evaluates right and its size in the questionnaire chunk;
/// see the docs). A syntax error is an `Err` whose text starts with `ParseError`.
pub struct FhirPath;

impl Evaluate for FhirPath {
    fn evaluate(
        &self,
        expression: &str,
        focus: &Value,
        vars: &BTreeMap<String, Value>,
    ) -> Result<Vec<Value>, String> {
        use rh_fhirpath::{EvaluationContext, FhirPathEvaluator, FhirPathParser, FhirPathValue};
        let parsed = FhirPathParser::new()
            .parse(expression)
            .map_err(|e| format!("ParseError: {e}"))?;
        let mut context = EvaluationContext::new(focus.clone());
        for (name, value) in vars {
            // A collection of one is its item (the engine's arithmetic takes items).
            let value = match value.as_array().map(Vec::as_slice) {
                Some([one]) => one,
                _ => value,
            };
            context.add_constant(name.clone(), FhirPathValue::from_json(value));
        }
        let value = FhirPathEvaluator::new()
            .evaluate(&parsed, &context)
            .map_err(|e| e.to_string())?;
        Ok(collection(value))
    }
}

/// A FHIRPath value as the JSON collection the reader takes (a quantity as `value` and
/// `code`, a date or time as its text).
fn collection(value: rh_fhirpath::FhirPathValue) -> Vec<Value> {
    use rh_fhirpath::FhirPathValue as V;
    match value {
        V::Empty => Vec::new(),
        V::Collection(items) | V::UnorderedCollection(items) => {
            items.into_iter().flat_map(collection).collect()
        }
        V::Quantity { value, unit } => {
            let mut o = serde_json::Map::new();
            o.insert("value".into(), V::Number(value).to_json());
            if let Some(u) = unit {
                o.insert("code".into(), Value::String(u));
            }
            vec![Value::Object(o)]
        }
        other => vec![other.to_json()],
    }
}

/// Environment variables FHIRPath or SDC define, which need nothing from outside.
const STANDARD: [&str; 8] = [
    "resource",
    "rootResource",
    "context",
    "questionnaire",
    "qitem",
    "ucum",
    "sct",
    "loinc",
];

/// Functions that need a server (terminology, or other resources).
const SERVER_FUNCTIONS: [&str; 10] = [
    "resolve(",
    "memberOf(",
    "subsumes(",
    "subsumedBy(",
    "conformsTo(",
    "expand(",
    "lookup(",
    "validateVS(",
    "validateCS(",
    "translate(",
];

/// The `%names` an expression uses (without `%`; a delimited `%\`name\`` too).
pub fn references(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_string = false;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            in_string = !in_string;
        } else if c == '\\' && in_string {
            i += 1;
        } else if c == '%' && !in_string {
            let name: String = if chars.get(i + 1) == Some(&'`') {
                chars[i + 2..].iter().take_while(|c| **c != '`').collect()
            } else {
                chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_alphanumeric() || **c == '_' || **c == '-')
                    .collect()
            };
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
        i += 1;
    }
    out
}

/// The response item of `link_id` in `items` (answers' nested items included).
fn response_item<'a>(items: &'a Value, link_id: &str) -> Option<&'a Value> {
    for i in items.as_array().into_iter().flatten() {
        if i.get("linkId").and_then(Value::as_str) == Some(link_id) {
            return Some(i);
        }
        let nested = i
            .get("item")
            .and_then(|c| response_item(c, link_id))
            .or_else(|| {
                i.get("answer")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .find_map(|a| a.get("item").and_then(|c| response_item(c, link_id)))
            });
        if nested.is_some() {
            return nested;
        }
    }
    None
}

/// The file's item `link_id` as written.
fn questionnaire_item<'a>(items: &'a Value, link_id: &str) -> Option<&'a Value> {
    for i in items.as_array().into_iter().flatten() {
        if i.get("linkId").and_then(Value::as_str) == Some(link_id) {
            return Some(i);
        }
        if let Some(found) = i.get("item").and_then(|c| questionnaire_item(c, link_id)) {
            return Some(found);
        }
    }
    None
}

/// FHIR's choice elements (`value[x]`) as FHIRPath names them: an object with one
/// `valueDecimal` (or `valueCoding`, ...) also answers to `value`. The engine reads plain
/// JSON without FHIR's type information, so `answer.value` and `extension.value` would
/// otherwise find nothing.
pub fn alias_choices(v: &mut Value) {
    match v {
        Value::Object(o) => {
            let typed: Vec<String> = o
                .keys()
                .filter(|k| {
                    k.strip_prefix("value")
                        .and_then(|t| t.chars().next())
                        .is_some_and(|c| c.is_ascii_uppercase())
                })
                .cloned()
                .collect();
            if let [one] = typed.as_slice() {
                if !o.contains_key("value") {
                    let copy = o[one].clone();
                    o.insert("value".into(), copy);
                }
            }
            for (k, child) in o.iter_mut() {
                if k != "value" {
                    alias_choices(child);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(alias_choices),
        _ => {}
    }
}

/// Evaluating a questionnaire's expressions against one state of its response.
pub struct Scope<'a> {
    pub engine: &'a dyn Evaluate,
    pub q: &'a Questionnaire,
    /// The response so far, every enabled item in it (answered or not), choices aliased.
    response: Value,
    /// The file, choices aliased.
    questionnaire: Value,
}

impl<'a> Scope<'a> {
    pub fn new(engine: &'a dyn Evaluate, q: &'a Questionnaire, response: &Value) -> Scope<'a> {
        let mut response = response.clone();
        alias_choices(&mut response);
        let mut questionnaire = (*q.json).clone();
        alias_choices(&mut questionnaire);
        Scope {
            engine,
            q,
            response,
            questionnaire,
        }
    }

    fn focus(&self, item: Option<&Item>) -> Value {
        item.and_then(|i| response_item(&self.response["item"], &i.link_id))
            .cloned()
            .unwrap_or_else(|| self.response.clone())
    }

    fn base(&self, item: Option<&Item>, focus: &Value) -> BTreeMap<String, Value> {
        let mut vars = BTreeMap::new();
        vars.insert("resource".into(), self.response.clone());
        vars.insert("rootResource".into(), self.response.clone());
        vars.insert("questionnaire".into(), self.questionnaire.clone());
        vars.insert("context".into(), focus.clone());
        if let Some(i) =
            item.and_then(|i| questionnaire_item(&self.questionnaire["item"], &i.link_id))
        {
            vars.insert("qitem".into(), i.clone());
        }
        vars
    }

    /// The variables in scope on `path` (the item last, its enclosing items before it): the
    /// questionnaire's, then each item's in turn.
    fn variables(&self, path: &[&Item]) -> Result<BTreeMap<String, Value>, String> {
        let mut vars = BTreeMap::new();
        let levels = std::iter::once((None, &self.q.variables))
            .chain(path.iter().map(|i| (Some(*i), &i.variables)));
        for (item, list) in levels {
            let focus = self.focus(item);
            for v in list {
                let mut all = self.base(item, &focus);
                all.extend(vars.clone());
                let value = self.engine.evaluate(&v.text, &focus, &all)?;
                vars.insert(v.name.clone().unwrap_or_default(), Value::Array(value));
            }
        }
        Ok(vars)
    }

    /// The value of `expression` on the item at the end of `path`.
    pub fn value(&self, path: &[&Item], expression: &Expression) -> Result<Vec<Value>, String> {
        let item = path.last().copied();
        let focus = self.focus(item);
        let mut vars = self.base(item, &focus);
        vars.extend(self.variables(path)?);
        self.engine.evaluate(&expression.text, &focus, &vars)
    }
}

/// Every item with the items enclosing it (the item last), depth first.
pub fn paths(q: &Questionnaire) -> Vec<Vec<&Item>> {
    fn walk<'a>(items: &'a [Item], above: &[&'a Item], out: &mut Vec<Vec<&'a Item>>) {
        for i in items {
            let mut path = above.to_vec();
            path.push(i);
            out.push(path.clone());
            walk(&i.items, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(&q.items, &[], &mut out);
    out
}

/// Whether the file has any FHIRPath (only then is an engine needed).
pub fn has_expressions(q: &Questionnaire) -> bool {
    !q.variables.is_empty()
        || q.all_items().iter().any(|i| {
            !i.variables.is_empty()
                || i.calculated.is_some()
                || i.enable_expression.is_some()
                || i.initial_expression.is_some()
        })
}

/// Every expression of the file.
pub fn expressions(q: &Questionnaire) -> Vec<&Expression> {
    let mut out: Vec<&Expression> = q.variables.iter().collect();
    for i in q.all_items() {
        out.extend(of(i).into_iter().map(|(_, e)| e));
    }
    out
}

/// The expressions of `item` with what each is.
fn of(item: &Item) -> Vec<(&'static str, &Expression)> {
    let mut out: Vec<(&'static str, &Expression)> =
        item.variables.iter().map(|v| ("variable", v)).collect();
    out.extend(item.calculated.iter().map(|e| ("calculatedExpression", e)));
    out.extend(
        item.enable_expression
            .iter()
            .map(|e| ("enableWhenExpression", e)),
    );
    out.extend(
        item.initial_expression
            .iter()
            .map(|e| ("initialExpression", e)),
    );
    out
}

/// The functions the diary's engine (`rh-fhirpath` 0.3.0) has, and the operators that can
/// be written as a call. A function outside this list (`sum()`, SDC's `weight()`) makes the
/// file a configuration problem before anything is evaluated.
pub const ENGINE_FUNCTIONS: &[&str] = &[
    "abs",
    "aggregate",
    "all",
    "allFalse",
    "allTrue",
    "anyFalse",
    "anyTrue",
    "as",
    "ceiling",
    "children",
    "combine",
    "comparable",
    "contains",
    "convertsToBoolean",
    "convertsToDate",
    "convertsToDateTime",
    "convertsToDecimal",
    "convertsToInteger",
    "convertsToLong",
    "convertsToQuantity",
    "convertsToString",
    "convertsToTime",
    "count",
    "dateOf",
    "dayOf",
    "decode",
    "descendants",
    "distinct",
    "empty",
    "encode",
    "endsWith",
    "escape",
    "exclude",
    "exists",
    "exp",
    "extension",
    "first",
    "floor",
    "getValue",
    "hasValue",
    "highBoundary",
    "hourOf",
    "iif",
    "indexOf",
    "intersect",
    "is",
    "isDistinct",
    "join",
    "last",
    "lastIndexOf",
    "length",
    "ln",
    "log",
    "lowBoundary",
    "lower",
    "matches",
    "matchesFull",
    "millisecondOf",
    "minuteOf",
    "monthOf",
    "not",
    "now",
    "ofType",
    "power",
    "precision",
    "repeat",
    "replace",
    "replaceMatches",
    "round",
    "secondOf",
    "select",
    "single",
    "skip",
    "sort",
    "split",
    "sqrt",
    "startsWith",
    "subsetOf",
    "substring",
    "supersetOf",
    "tail",
    "take",
    "timeOf",
    "timeOfDay",
    "timezoneOffsetOf",
    "toBoolean",
    "toChars",
    "toDate",
    "toDateTime",
    "toDecimal",
    "toInteger",
    "toLong",
    "toQuantity",
    "toString",
    "toTime",
    "today",
    "trace",
    "trim",
    "truncate",
    "type",
    "unescape",
    "union",
    "upper",
    "where",
    "yearOf",
    "and",
    "or",
    "xor",
    "implies",
    "div",
    "mod",
    "in",
];

/// The functions an expression calls (`name(`), outside strings.
fn functions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut word, mut in_string) = (String::new(), false);
    for c in text.chars() {
        if c == '\'' {
            in_string = !in_string;
            word.clear();
        } else if !in_string && (c.is_alphanumeric() || c == '_') {
            word.push(c);
        } else {
            if c == '(' && !word.is_empty() && !out.contains(&word) {
                out.push(word.clone());
            }
            word.clear();
        }
    }
    out
}

/// What the diary cannot give an expression: a launch context, a server, a function its
/// engine lacks.
fn needs(text: &str, in_scope: &[String]) -> Option<String> {
    for name in references(text) {
        if name.contains('-') && !text.contains(&format!("%`{name}`")) {
            return Some(format!(
                "writes %{name} without backticks: FHIRPath reads a minus sign there (write %`{name}`)"
            ));
        }
        let known = STANDARD.contains(&name.as_str())
            || name.starts_with("vs-")
            || name.starts_with("ext-")
            || in_scope.contains(&name);
        if !known {
            return Some(format!(
                "needs %{name}, which the diary cannot give (no launch context, no server)"
            ));
        }
    }
    if let Some(f) = SERVER_FUNCTIONS.iter().find(|f| text.contains(*f)) {
        return Some(format!("uses {f}), which needs a server"));
    }
    let missing: Vec<String> = functions(text)
        .into_iter()
        .filter(|f| !ENGINE_FUNCTIONS.contains(&f.as_str()))
        .map(|f| format!("{f}()"))
        .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "uses {}, which the diary's FHIRPath engine does not have",
            missing.join(", ")
        )
    })
}

/// The string literals of an expression (`'...'`, escapes kept as written).
fn literals(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut escaped = false;
    for c in text.chars() {
        match (&mut current, c) {
            (Some(s), _) if escaped => {
                s.push(c);
                escaped = false;
            }
            (Some(_), '\\') => escaped = true,
            (Some(_), '\'') => out.extend(current.take()),
            (Some(s), c) => s.push(c),
            (None, '\'') => current = Some(String::new()),
            (None, _) => {}
        }
    }
    out
}

/// Whether an engine may read a text as something else: some compare two texts as dates when
/// they start with four digits (`fhirpathrs` 0.1.1 finds `'32406-1' = '32407-9'` true), or
/// as numbers when they are numbers (`'01' = '1'`).
fn may_coerce(s: &str) -> bool {
    let s = s.strip_prefix('@').unwrap_or(s);
    s.len() >= 4 && s.chars().take(4).all(|c| c.is_ascii_digit())
        || s.parse::<f64>().is_ok()
        || s.chars().next().is_some_and(|c| c.is_ascii_digit()) && s.contains(' ')
}

/// Texts the expressions compare that the engine cannot tell apart: linkIds, option codes
/// and the expressions' own literals, asked of the engine itself.
fn collisions(q: &Questionnaire, engine: &dyn Evaluate) -> Vec<Problem> {
    let mut texts: Vec<String> = Vec::new();
    let mut add = |t: &str| {
        if may_coerce(t) && !texts.iter().any(|x| x == t) {
            texts.push(t.to_string());
        }
    };
    let mut expressions: Vec<&Expression> = q.variables.iter().collect();
    for i in q.all_items() {
        add(&i.link_id);
        if let super::ItemKind::Choice { options, .. } = &i.kind {
            for o in options {
                if let super::Answer::Coding(c) = &o.value {
                    add(&c.code);
                }
            }
        }
        expressions.extend(of(i).into_iter().map(|(_, e)| e));
    }
    for e in &expressions {
        for l in literals(&e.text) {
            add(&l);
        }
    }
    let quote = |s: &str| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"));
    let mut out = Vec::new();
    for (n, a) in texts.iter().enumerate() {
        for b in &texts[n + 1..] {
            let same = engine.evaluate(
                &format!("{} = {}", quote(a), quote(b)),
                &Value::Null,
                &BTreeMap::new(),
            );
            if same == Ok(vec![Value::Bool(true)]) {
                out.push(Problem {
                    link_id: None,
                    message: format!(
                        "the diary's FHIRPath engine cannot tell “{a}” from “{b}” (it compares them as dates or numbers), so its expressions could pick the wrong item or option"
                    ),
                });
            }
        }
    }
    out
}

/// The problems of the file's expressions, each tried on the empty response.
pub fn check_expressions(q: &Questionnaire, engine: &dyn Evaluate) -> Vec<Problem> {
    let mut problems = Vec::new();
    if !has_expressions(q) {
        return problems;
    }
    let root_names: Vec<String> = q.variables.iter().filter_map(|v| v.name.clone()).collect();
    let problem = |item: Option<&Item>, what: &str, e: &Expression, message: String| Problem {
        link_id: item.map(|i| i.link_id.clone()),
        message: format!(
            "{what}{} “{}” {message}",
            e.name.as_ref().map(|n| format!(" {n}")).unwrap_or_default(),
            e.text
        ),
    };
    for (n, v) in q.variables.iter().enumerate() {
        if let Some(m) = needs(&v.text, &root_names[..n]) {
            problems.push(problem(None, "variable", v, m));
        }
    }
    for path in paths(q) {
        let mut scope: Vec<String> = root_names.clone();
        for i in &path[..path.len() - 1] {
            scope.extend(i.variables.iter().filter_map(|v| v.name.clone()));
        }
        let item = path[path.len() - 1];
        for (what, e) in of(item) {
            if let Some(m) = needs(&e.text, &scope) {
                problems.push(problem(Some(item), what, e, m));
            }
            if what == "variable" {
                scope.extend(e.name.clone());
            }
        }
    }
    if !problems.is_empty() {
        return problems;
    }
    problems.extend(collisions(q, engine));
    // Each expression must parse: tried alone, on an empty input (what fails there for want
    // of answers is not the file's fault, and gives no value when the form is filled in).
    for path in std::iter::once(Vec::new()).chain(paths(q)) {
        let item = path.last().copied();
        let list = match item {
            Some(i) => of(i),
            None => q.variables.iter().map(|v| ("variable", v)).collect(),
        };
        for (what, e) in list {
            if let Err(m) = engine.evaluate(&e.text, &Value::Null, &BTreeMap::new()) {
                if m.contains("ParseError") || m.contains("Parse") || m.contains("invocation table")
                {
                    problems.push(problem(item, what, e, format!("does not parse: {m}")));
                }
            }
        }
    }
    problems
}
