//! `answerValueSet` from a contained ValueSet (`#id`, or the contained set's own `url`): its
//! options from `expansion.contains`, else `compose.include.concept` with the include's
//! system. The diary is offline and same-origin only: a ValueSet it does not hold is refused.

use serde_json::Value;

use super::read::{option_extensions, Reader};
use super::{Answer, AnswerOption, Coding};

/// The contained ValueSet that `reference` names.
fn find<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    let contained = root.get("contained").and_then(Value::as_array)?;
    let (base, version) = match reference.split_once('|') {
        Some((b, v)) => (b, Some(v)),
        None => (reference, None),
    };
    contained
        .iter()
        .filter(|r| r.get("resourceType").and_then(Value::as_str) == Some("ValueSet"))
        .find(|r| match base.strip_prefix('#') {
            Some(id) => r.get("id").and_then(Value::as_str) == Some(id),
            None => {
                r.get("url").and_then(Value::as_str) == Some(base)
                    && version.is_none_or(|v| r.get("version").and_then(Value::as_str) == Some(v))
            }
        })
}

/// One concept as an option; `system` is the include's (compose) or its own (expansion).
fn concept(c: &Value, system: Option<&str>, reader: &mut Reader) -> Option<AnswerOption> {
    let code = c.get("code").and_then(Value::as_str)?;
    let system = c
        .get("system")
        .and_then(Value::as_str)
        .or(system)
        .map(str::to_string);
    let score = option_extensions(reader, c);
    let mut label = super::read::text(reader, c, "display");
    if label.text.is_empty() {
        label.text = code.to_string();
    }
    Some(AnswerOption {
        value: Answer::Coding(Coding {
            system,
            code: code.to_string(),
        }),
        label,
        score: score.weight,
        selected: false,
        exclusive: score.exclusive,
    })
}

/// The options of the ValueSet `reference`, or the problem naming it.
pub fn options(
    root: &Value,
    reference: &str,
    reader: &mut Reader,
) -> Result<Vec<AnswerOption>, String> {
    let Some(vs) = find(root, reference) else {
        return Err(format!(
            "answerValueSet {reference} is not a ValueSet contained in the file; the diary is offline and asks no terminology server"
        ));
    };
    let contains = vs.pointer("/expansion/contains").and_then(Value::as_array);
    let mut out = Vec::new();
    if let Some(contains) = contains {
        // An expansion may nest concepts (`contains` inside `contains`).
        fn flat<'a>(list: &'a [Value], out: &mut Vec<&'a Value>) {
            for c in list {
                if c.get("abstract").and_then(Value::as_bool) != Some(true) {
                    out.push(c);
                }
                if let Some(inner) = c.get("contains").and_then(Value::as_array) {
                    flat(inner, out);
                }
            }
        }
        let mut all = Vec::new();
        flat(contains, &mut all);
        out.extend(all.into_iter().filter_map(|c| concept(c, None, reader)));
    } else {
        for include in vs
            .pointer("/compose/include")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let system = include.get("system").and_then(Value::as_str);
            let concepts = include.get("concept").and_then(Value::as_array);
            if concepts.is_none()
                || include.get("filter").is_some()
                || include.get("valueSet").is_some()
            {
                return Err(format!(
                    "answerValueSet {reference} includes {} by rule, not by listing its concepts; the diary needs the concepts listed (or an expansion)",
                    system.unwrap_or("a value set")
                ));
            }
            out.extend(
                concepts
                    .into_iter()
                    .flatten()
                    .filter_map(|c| concept(c, system, reader)),
            );
        }
        if vs.pointer("/compose/exclude").is_some() {
            return Err(format!(
                "answerValueSet {reference} excludes concepts; the diary needs them listed (or an expansion)"
            ));
        }
    }
    if out.is_empty() {
        return Err(format!("answerValueSet {reference} has no concepts"));
    }
    Ok(out)
}
