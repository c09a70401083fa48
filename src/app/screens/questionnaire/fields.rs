//! The field of one question, by its type: tiles for a choice (ticks for several answers,
//! "Something else" for an open choice), yes/no, a number (and its unit), the phone's own
//! date and time pickers, a line or a box of text; and the value of an item that is shown,
//! not asked (a computed or read-only answer).

use yew::prelude::*;

use crate::app::widgets::choice::{yes_no, Choice};
use crate::app::widgets::input_field::InputField;
use crate::app::widgets::multi_choice::MultiChoice;
use crate::app::widgets::number_field::NumberField;
use crate::app::widgets::text_field::TextField;
use crate::domain::i18n::{Locale, Texts};
use crate::domain::questionnaire::{Answer, AnswerOption, Item, ItemKind};

/// What a field needs: the item, its answers, and where a change goes.
pub struct Field<'a> {
    pub locale: &'a Locale,
    pub item: &'a Item,
    pub answers: &'a [Answer],
    pub set: Callback<Vec<Answer>>,
}

impl Field<'_> {
    fn t(&self) -> &'static Texts {
        self.locale.t()
    }

    fn lang(&self) -> &'static str {
        self.locale.lang.code()
    }

    /// An id from the linkId (which may hold any character).
    fn id(&self) -> AttrValue {
        let safe: String = self
            .item
            .link_id
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("q-{safe}").into()
    }

    /// The prefix and the text.
    pub fn label(&self) -> AttrValue {
        let text = self.item.text.get(self.lang());
        match &self.item.prefix {
            Some(p) => format!("{} {text}", p.get(self.lang())).into(),
            None => text.to_string().into(),
        }
    }

    /// The help texts and the entry format, under the question.
    fn hint(&self, extra: Option<&str>) -> Option<AttrValue> {
        let mut parts: Vec<String> = self
            .item
            .help
            .iter()
            .map(|h| h.get(self.lang()).to_string())
            .collect();
        parts.extend(extra.map(str::to_string));
        (!parts.is_empty()).then(|| parts.join(" ").into())
    }

    fn first_text(&self) -> Option<String> {
        self.answers.iter().find_map(|a| match a {
            Answer::String(s)
            | Answer::Date(s)
            | Answer::DateTime(s)
            | Answer::Time(s)
            | Answer::Uri(s) => Some(s.clone()),
            _ => None,
        })
    }

    fn option_label(&self, o: &AnswerOption) -> AttrValue {
        o.label.get(self.lang()).to_string().into()
    }

    /// The answer as the patient reads it.
    pub fn shown(&self, a: &Answer) -> String {
        match (a, &self.item.kind) {
            (Answer::Coding(_), ItemKind::Choice { options, .. }) => options
                .iter()
                .find(|o| o.value == *a || matches!((&o.value, a), (Answer::Coding(x), Answer::Coding(y)) if x.matches(y)))
                .map(|o| o.label.get(self.lang()).to_string())
                .unwrap_or_else(|| a.plain()),
            (Answer::Boolean(b), _) => if *b { self.t().yes } else { self.t().no }.to_string(),
            (Answer::Decimal(d), _) => self.locale.number(*d),
            (Answer::Quantity(v, u), _) => format!("{} {}", self.locale.number(*v), u.clone().unwrap_or_default()).trim().to_string(),
            _ => a.plain(),
        }
    }
}

/// The position of each chosen option, and a typed "something else" (open choice).
fn chosen(options: &[AnswerOption], answers: &[Answer]) -> Vec<usize> {
    options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            answers.iter().any(|a| match (&o.value, a) {
                (Answer::Coding(x), Answer::Coding(y)) => x.matches(y),
                (x, y) => x == y,
            })
        })
        .map(|(i, _)| i)
        .collect()
}

fn choice(f: &Field, options: &[AnswerOption], open: bool) -> Html {
    let (id, label) = (f.id(), f.label());
    let picked = chosen(options, f.answers);
    let other = f.answers.iter().find_map(|a| match a {
        Answer::String(s) => Some(s.clone()),
        _ => None,
    });
    let tiles = if f.item.repeats {
        let on_toggle = {
            let (options, answers, set) = (options.to_vec(), f.answers.to_vec(), f.set.clone());
            Callback::from(move |i: usize| {
                let o = &options[i];
                let on = chosen(&options, &answers).contains(&i);
                let mut next: Vec<Answer> = if on {
                    answers.iter().filter(|a| **a != o.value).cloned().collect()
                } else if o.exclusive {
                    vec![o.value.clone()]
                } else {
                    let exclusive: Vec<&Answer> = options
                        .iter()
                        .filter(|o| o.exclusive)
                        .map(|o| &o.value)
                        .collect();
                    let mut keep: Vec<Answer> = answers
                        .iter()
                        .filter(|a| !exclusive.contains(a))
                        .cloned()
                        .collect();
                    keep.push(o.value.clone());
                    keep
                };
                next.sort_by_key(|a| {
                    options
                        .iter()
                        .position(|o| o.value == *a)
                        .unwrap_or(usize::MAX)
                });
                set.emit(next);
            })
        };
        html! {
            <MultiChoice name={id.clone()} legend={label.clone()} hint={f.hint(Some(f.t().q_choose_any))}
                options={options.iter().map(|o| f.option_label(o)).collect::<Vec<_>>()}
                selected={picked} {on_toggle} />
        }
    } else {
        let on_select = {
            let (options, set) = (options.to_vec(), f.set.clone());
            Callback::from(move |i: usize| set.emit(vec![options[i].value.clone()]))
        };
        html! {
            <Choice<usize> name={id.clone()} legend={label.clone()} hint={f.hint(None)}
                options={options.iter().enumerate().map(|(i, o)| (i, f.option_label(o))).collect::<Vec<_>>()}
                selected={picked.first().copied()} {on_select} />
        }
    };
    let other_field = open.then(|| {
        let on_change = {
            let (answers, set, repeats) = (f.answers.to_vec(), f.set.clone(), f.item.repeats);
            Callback::from(move |text: Option<String>| {
                let mut next: Vec<Answer> = if repeats {
                    answers
                        .iter()
                        .filter(|a| !matches!(a, Answer::String(_)))
                        .cloned()
                        .collect()
                } else {
                    Vec::new()
                };
                next.extend(text.map(Answer::String));
                set.emit(next);
            })
        };
        let label = f
            .item
            .open_label
            .as_ref()
            .map_or(f.t().q_other, |l| l.get(f.lang()));
        html! {
            <InputField id={format!("{id}-other")} kind="text" value={other}
                label={format!("{label}: {}", f.t().q_other_label)} {on_change} />
        }
    });
    html! { <>{ tiles }{ for other_field }</> }
}

fn number(f: &Field, units: Option<&[crate::domain::questionnaire::Unit]>) -> Html {
    let value = f.answers.first().and_then(Answer::number);
    let bound =
        |b: &Option<Answer>, default: f64| b.as_ref().and_then(Answer::number).unwrap_or(default);
    let (min, max) = (
        bound(&f.item.limits.min, -1.0e9),
        bound(&f.item.limits.max, 1.0e9),
    );
    let chosen_unit = f.answers.first().and_then(|a| match a {
        Answer::Quantity(_, u) => u.clone(),
        _ => None,
    });
    let unit_text: AttrValue = match units {
        Some([only]) => only.display.clone().into(),
        Some(_) => "".into(),
        None => f.item.unit.clone().unwrap_or_default().into(),
    };
    let on_change = {
        let (set, units, unit) = (f.set.clone(), units.map(<[_]>::to_vec), chosen_unit.clone());
        Callback::from(move |v: Option<f64>| {
            set.emit(
                v.map(|v| match &units {
                    Some(list) => Answer::Quantity(
                        v,
                        unit.clone()
                            .or_else(|| list.first().map(|u| u.code.clone())),
                    ),
                    None => Answer::Decimal(v),
                })
                .into_iter()
                .collect(),
            )
        })
    };
    let unit_choice = units.filter(|u| u.len() > 1).map(|units| {
        let on_select = {
            let (set, units, value) = (f.set.clone(), units.to_vec(), value);
            Callback::from(move |i: usize| {
                set.emit(value.map(|v| Answer::Quantity(v, Some(units[i].code.clone()))).into_iter().collect())
            })
        };
        html! {
            <Choice<usize> name={format!("{}-unit", f.id())} legend={f.t().q_unit} class="units"
                options={units.iter().enumerate().map(|(i, u)| (i, AttrValue::from(u.display.clone()))).collect::<Vec<_>>()}
                selected={units.iter().position(|u| Some(&u.code) == chosen_unit.as_ref())} {on_select} />
        }
    });
    html! {
        <>
            <NumberField id={f.id()} label={f.label()} hint={f.hint(f.item.entry_format.as_ref().map(|e| e.get(f.lang())))}
                unit={unit_text} {value} {min} {max} {on_change} />
            { for unit_choice }
        </>
    }
}

/// The local date and time from a `datetime-local` picker as FHIR's `dateTime` (seconds and
/// the phone's offset added), and back.
fn date_time_in(picked: &str) -> Option<String> {
    let local = chrono::NaiveDateTime::parse_from_str(picked, "%Y-%m-%dT%H:%M").ok()?;
    let offset = crate::app::platform::now()?.offset().to_owned();
    Some(local.and_local_timezone(offset).single()?.to_rfc3339())
}

fn line(f: &Field, kind: &'static str) -> Html {
    let value = f.first_text().map(|v| match kind {
        "datetime-local" | "time" => v
            .chars()
            .take(if kind == "time" { 5 } else { 16 })
            .collect(),
        _ => v,
    });
    let bound = |b: &Option<Answer>| b.as_ref().map(|a| AttrValue::from(a.plain()));
    let on_change = {
        let set = f.set.clone();
        Callback::from(move |v: Option<String>| {
            let a = v.and_then(|v| match kind {
                "date" => Some(Answer::Date(v)),
                "time" => Some(Answer::Time(if v.len() == 5 {
                    format!("{v}:00")
                } else {
                    v
                })),
                "datetime-local" => date_time_in(&v).map(Answer::DateTime),
                "url" => Some(Answer::Uri(v)),
                _ => Some(Answer::String(v)),
            });
            set.emit(a.into_iter().collect())
        })
    };
    html! {
        <InputField id={f.id()} label={f.label()} hint={f.hint(None)} {kind} {value}
            placeholder={f.item.entry_format.as_ref().map(|e| AttrValue::from(e.get(f.lang()).to_string()))}
            min={bound(&f.item.limits.min)} max={bound(&f.item.limits.max)} {on_change} />
    }
}

/// The field of a question the patient answers.
pub fn field(f: &Field) -> Html {
    match &f.item.kind {
        ItemKind::Choice { options, open } => choice(f, options, *open),
        ItemKind::Boolean => html! {
            <Choice<bool> name={f.id()} legend={f.label()} hint={f.hint(None)} options={yes_no(f.t())}
                selected={f.answers.iter().find_map(|a| match a { Answer::Boolean(b) => Some(*b), _ => None })}
                on_select={f.set.reform(|b| vec![Answer::Boolean(b)])} />
        },
        ItemKind::Integer | ItemKind::Decimal => number(f, None),
        ItemKind::Quantity { units } => number(f, Some(units)),
        ItemKind::Date => line(f, "date"),
        ItemKind::DateTime => line(f, "datetime-local"),
        ItemKind::Time => line(f, "time"),
        ItemKind::Url => line(f, "url"),
        ItemKind::String => line(f, "text"),
        ItemKind::Text => html! {
            <TextField id={f.id()} label={f.label()} hint={f.hint(None)} value={f.first_text()}
                on_change={f.set.reform(|v: Option<String>| v.map(Answer::String).into_iter().collect())} />
        },
        ItemKind::Group | ItemKind::Display => shown(f),
    }
}

/// An item shown, not asked: a display text, or a computed or read-only answer.
pub fn shown(f: &Field) -> Html {
    if !f.item.kind.is_question() {
        return html! {
            <>
                <p class="q-display">{ f.label() }</p>
                { for f.item.help.iter().map(|h| html! { <p class="hint">{ h.get(f.lang()) }</p> }) }
            </>
        };
    }
    let values: Vec<String> = f.answers.iter().map(|a| f.shown(a)).collect();
    html! {
        <div class="q-shown">
            <p class="q-label">{ f.label() }</p>
            <p class="q-value" aria-live="polite">
                if values.is_empty() { { f.t().q_not_yet } } else { { values.join(", ") } }
            </p>
            if f.item.calculated.is_some() {
                <p class="hint">{ f.t().q_worked_out }</p>
            }
            { for f.item.help.iter().map(|h| html! { <p class="hint">{ h.get(f.lang()) }</p> }) }
        </div>
    }
}
