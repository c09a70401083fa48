//! A clinic questionnaire, one question per page with the check-in's large targets. The
//! answers are kept as a draft on the phone after every change (a reload or "Finish later"
//! loses nothing); saving stores a completed `QuestionnaireResponse` in the diary.

use std::rc::Rc;

use serde_json::{json, Value};
use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use crate::app::context::use_locale;
use crate::app::hooks::stored::use_questionnaire_drafts;
use crate::app::platform;
use crate::app::widgets::choice::{yes_no, Choice};
use crate::app::widgets::number_field::NumberField;
use crate::app::widgets::text_field::TextField;
use crate::domain::i18n::fill;
use crate::domain::questionnaire::{
    answers_of, response, Answer, Answers, Item, ItemKind, Questionnaire,
};

lazy_screen!(
    QUESTIONNAIRE,
    questionnaire::questionnaire_view,
    QuestionnaireProps,
    QuestionnaireScreen
);

#[derive(Properties, PartialEq, Clone)]
pub struct QuestionnaireProps {
    pub questionnaire: Rc<Questionnaire>,
    /// The file as the clinic wrote it (kept in the diary with the answers).
    pub json: Rc<Value>,
    pub on_submit: Callback<(Rc<Value>, Value)>,
    pub on_close: Callback<()>,
}

/// The input for one item: its answer and what to send when it changes.
fn question(
    t: &'static crate::domain::i18n::Texts,
    lang: &str,
    item: &Item,
    answer: Option<&Answer>,
    set: Callback<Option<Answer>>,
) -> Html {
    // An id from the linkId (which may hold any character).
    let id: AttrValue = format!(
        "q-{}",
        item.link_id
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
    )
    .into();
    let label: AttrValue = item.text.get(lang).to_string().into();
    match &item.kind {
        ItemKind::Choice(options) => html! {
            <Choice<String> name={id} legend={label}
                options={options.iter().map(|o| (o.code.clone(), AttrValue::from(o.display.get(lang).to_string()))).collect::<Vec<_>>()}
                selected={match answer { Some(Answer::Coding(c)) => Some(c.clone()), _ => None }}
                on_select={set.reform(|c| Some(Answer::Coding(c)))} />
        },
        ItemKind::Boolean => html! {
            <Choice<bool> name={id} legend={label} options={yes_no(t)}
                selected={match answer { Some(Answer::Boolean(b)) => Some(*b), _ => None }}
                on_select={set.reform(|b| Some(Answer::Boolean(b)))} />
        },
        ItemKind::Integer | ItemKind::Decimal => {
            let value = match answer {
                Some(Answer::Integer(i)) => Some(*i as f64),
                Some(Answer::Decimal(d)) => Some(*d),
                _ => None,
            };
            html! {
                <NumberField {id} {label} unit="" {value} min={-1.0e9} max={1.0e9}
                    on_change={set.reform(|v: Option<f64>| v.map(Answer::Decimal))} />
            }
        }
        ItemKind::String | ItemKind::Text => html! {
            <TextField {id} {label}
                value={match answer { Some(Answer::String(s)) => Some(s.clone()), _ => None }}
                on_change={set.reform(|v: Option<String>| v.map(Answer::String))} />
        },
        ItemKind::Display | ItemKind::Group => html! { <p class="q-display">{ label }</p> },
    }
}

#[function_component]
pub fn QuestionnaireScreen(props: &QuestionnaireProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let lang = locale.lang.code();
    let q = props.questionnaire.clone();
    let canonical = q.canonical();
    // The draft left by an earlier visit, read from storage once (its answers and page).
    let drafts = Rc::new(use_questionnaire_drafts());
    let start = drafts.all.get(&canonical).cloned().unwrap_or_default();
    let answers = use_state(|| answers_of(&start["response"]));
    let page = use_state(|| start["page"].as_str().map(str::to_string));
    let error = use_state(|| None::<&'static str>);
    let heading = use_node_ref();

    let pages = q.pages(&answers);
    // The page by its linkId (answers can add or remove pages before it); else the first.
    let index = page
        .as_ref()
        .and_then(|id| pages.iter().position(|(_, i)| &i.link_id == id))
        .unwrap_or(0);
    let Some(&(group, item)) = pages.get(index) else {
        return html! {};
    };
    let last = index + 1 == pages.len();

    // Every change is kept as the draft, with the page it was made on.
    let keep = {
        let (drafts, canonical, q) = (drafts.clone(), canonical.clone(), q.clone());
        move |answers: &Answers, page: &str| {
            let draft = json!({ "page": page, "response": response(&q, answers, "") });
            drafts.keep(&canonical, Some(draft));
        }
    };
    let set = {
        let (answers, error, keep, id, integer) = (
            answers.clone(),
            error.clone(),
            keep.clone(),
            item.link_id.clone(),
            item.kind == ItemKind::Integer,
        );
        Callback::from(move |a: Option<Answer>| {
            let mut next = (*answers).clone();
            let a = match a {
                // An integer question takes a whole number; anything else is said plainly.
                Some(Answer::Decimal(d)) if integer => {
                    if d.fract() != 0.0 {
                        error.set(Some(t.q_whole_number));
                        next.remove(&id);
                        answers.set(next);
                        return;
                    }
                    Some(Answer::Integer(d as i64))
                }
                other => other,
            };
            error.set(None);
            match a {
                Some(a) => next.insert(id.clone(), a),
                None => next.remove(&id),
            };
            keep(&next, &id);
            answers.set(next);
        })
    };
    let go = {
        let (page, error, heading, keep, answers) = (
            page.clone(),
            error.clone(),
            heading.clone(),
            keep.clone(),
            answers.clone(),
        );
        move |to: String| {
            error.set(None);
            keep(&answers, &to);
            page.set(Some(to));
            let heading = heading.clone();
            platform::later(move || platform::focus(heading.cast::<web_sys::HtmlElement>()));
        }
    };
    let unanswered = item.required
        && !matches!(item.kind, ItemKind::Display)
        && !answers.contains_key(&item.link_id);
    let on_back = {
        let (go, prev) = (
            go.clone(),
            index.checked_sub(1).map(|i| pages[i].1.link_id.clone()),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = prev.clone() {
                go(p);
            }
        })
    };
    let on_next = {
        let (go, error, next) = (
            go.clone(),
            error.clone(),
            pages.get(index + 1).map(|p| p.1.link_id.clone()),
        );
        Callback::from(move |_: MouseEvent| {
            if unanswered {
                error.set(Some(t.q_required));
            } else if let Some(n) = next.clone() {
                go(n);
            }
        })
    };
    let on_send = {
        let (answers, q, json, on_submit, drafts, canonical, go, error) = (
            answers.clone(),
            q.clone(),
            props.json.clone(),
            props.on_submit.clone(),
            drafts.clone(),
            canonical.clone(),
            go.clone(),
            error.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            // A required question left on an earlier page: go there and say so.
            if let Some(first) = q.missing(&answers).first() {
                go(first.to_string());
                error.set(Some(t.q_required));
                return;
            }
            let authored = platform::now()
                .map(|n| n.to_rfc3339())
                .unwrap_or_else(|| platform::today().to_string());
            drafts.keep(&canonical, None);
            on_submit.emit((json.clone(), response(&q, &answers, &authored)));
        })
    };

    html! {
        <section class="questionnaire wizard" aria-labelledby="q-title">
            <h1 id="q-title" tabindex="-1">{ q.title.get(lang) }</h1>
            <p class="hint">{ t.q_draft_kept }</p>
            <h2 id="q-step" tabindex="-1" ref={heading}>
                <span class="step-count">{ fill(t.q_progress, &[("n", &(index + 1).to_string()), ("total", &pages.len().to_string())]) }</span>
                if let Some(g) = group { { g.text.get(lang) } }
            </h2>
            <div class="q-item" key={item.link_id.clone()}>
                { question(t, lang, item, answers.get(&item.link_id), set) }
            </div>
            if let Some(e) = *error {
                <p class="error" role="alert">{ e }</p>
            }
            <div class="wizard-nav">
                if index == 0 {
                    <button type="button" class="button" onclick={props.on_close.reform(|_| ())}>{ t.q_finish_later }</button>
                } else {
                    <button type="button" class="button" onclick={on_back}>{ t.back }</button>
                }
                if last {
                    <button type="button" class="button primary" onclick={on_send}>{ t.q_send }</button>
                } else {
                    <button type="button" class="button primary" onclick={on_next}>{ t.next }</button>
                }
            </div>
            if index > 0 {
                <button type="button" class="button small q-later" onclick={props.on_close.reform(|_| ())}>{ t.q_finish_later }</button>
            }
        </section>
    }
}
