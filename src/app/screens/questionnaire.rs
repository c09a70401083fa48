//! A clinic questionnaire, one question per page with the check-in's large targets (a
//! computed or read-only answer and a display text are shown, never asked; a hidden item is
//! never shown). The answers are kept as a draft on the phone after every change (a reload
//! or "Finish later" loses nothing); saving stores a completed `QuestionnaireResponse`, the
//! computed answers in it, in the diary.

mod fields;

use std::rc::Rc;

use serde_json::{json, Value};
use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use crate::app::clinic_questionnaires::FHIRPATH;
use crate::app::context::use_locale;
use crate::app::hooks::stored::use_questionnaire_drafts;
use crate::app::platform;
use crate::domain::i18n::{fill, Texts};
use crate::domain::questionnaire::{
    answers_of, has_expressions, refusal, Answer, Answers, Evaluate, Questionnaire, Refusal,
};
use fields::Field;

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

/// The plain message of a refused answer.
fn refused(t: &'static Texts, r: &Refusal) -> String {
    match r {
        Refusal::WholeNumber => t.q_whole_number.to_string(),
        Refusal::Below(min) => fill(t.q_below, &[("min", min)]),
        Refusal::Above(max) => fill(t.q_above, &[("max", max)]),
        Refusal::TooShort(n) => fill(t.q_too_short, &[("n", &n.to_string())]),
        Refusal::TooLong(n) => fill(t.q_too_long, &[("n", &n.to_string())]),
        Refusal::TooManyDecimals(n) => fill(t.q_decimals, &[("n", &n.to_string())]),
        Refusal::TooMany(n) => fill(t.q_too_many, &[("n", &n.to_string())]),
    }
}

/// The FHIRPath engine, when the questionnaire has FHIRPath (its chunk was fetched when the
/// file was read).
fn engine_for(q: &Questionnaire) -> Option<&'static dyn Evaluate> {
    has_expressions(q).then(|| FHIRPATH.loaded()).flatten()
}

#[function_component]
pub fn QuestionnaireScreen(props: &QuestionnaireProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let lang = locale.lang.code();
    let q = props.questionnaire.clone();
    let engine = engine_for(&q);
    let canonical = q.canonical();
    // The draft left by an earlier visit, read from storage once (its answers and page);
    // else the file's initial answers.
    let drafts = Rc::new(use_questionnaire_drafts());
    let start = drafts.all.get(&canonical).cloned();
    let answers = {
        let (q, start) = (q.clone(), start.clone());
        use_state(move || match &start {
            Some(d) => answers_of(&d["response"]),
            None => q.initial_answers(engine),
        })
    };
    let page = use_state(|| {
        start
            .as_ref()
            .and_then(|d| d["page"].as_str().map(str::to_string))
    });
    let error = use_state(|| None::<String>);
    let heading = use_node_ref();

    let form = q.form(&answers, engine);
    for e in &form.errors {
        web_sys::console::warn_1(&format!("Recovery Diary questionnaire {canonical}: {e}").into());
    }
    let pages = form.pages();
    // The page by its linkId (answers can add or remove pages before it); else the first.
    let index = page
        .as_ref()
        .and_then(|id| pages.iter().position(|p| &p.item.link_id == id))
        .unwrap_or(0);
    let Some(&here) = pages.get(index) else {
        return html! {};
    };
    let item = here.item;
    let last = index + 1 == pages.len();

    // Every change is kept as the draft, with the page it was made on (the patient's
    // answers: the computed ones are computed again when it is opened).
    let keep = {
        let (drafts, canonical, q) = (drafts.clone(), canonical.clone(), q.clone());
        move |answers: &Answers, page: &str| {
            let response = q.form(answers, None).response("");
            drafts.keep(
                &canonical,
                Some(json!({ "page": page, "response": response })),
            );
        }
    };
    let set = {
        let (answers, error, keep, item) =
            (answers.clone(), error.clone(), keep.clone(), item.clone());
        Callback::from(move |given: Vec<Answer>| {
            let mut next = (*answers).clone();
            // An integer question takes a whole number.
            let given: Vec<Answer> = given
                .into_iter()
                .map(|a| match a {
                    Answer::Decimal(d)
                        if item.kind == crate::domain::questionnaire::ItemKind::Integer
                            && d.fract() == 0.0 =>
                    {
                        Answer::Integer(d as i64)
                    }
                    a => a,
                })
                .collect();
            if let Some(r) = refusal(&item, &given) {
                error.set(Some(refused(t, &r)));
                next.remove(&item.link_id);
                answers.set(next);
                return;
            }
            error.set(None);
            if given.is_empty() {
                next.remove(&item.link_id);
            } else {
                next.insert(item.link_id.clone(), given);
            }
            keep(&next, &item.link_id);
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
    let unanswered = here.asked() && item.required && form.answers_of(&item.link_id).is_empty();
    let on_back = {
        let (go, prev) = (
            go.clone(),
            index.checked_sub(1).map(|i| pages[i].item.link_id.clone()),
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
            pages.get(index + 1).map(|p| p.item.link_id.clone()),
        );
        Callback::from(move |_: MouseEvent| {
            if unanswered {
                error.set(Some(t.q_required.to_string()));
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
            let form = q.form(&answers, engine);
            // A required question left on an earlier page: go there and say so.
            if let Some(first) = form.missing().first() {
                go(first.to_string());
                error.set(Some(t.q_required.to_string()));
                return;
            }
            let authored = platform::now()
                .map(|n| n.to_rfc3339())
                .unwrap_or_else(|| platform::today().to_string());
            drafts.keep(&canonical, None);
            on_submit.emit((json.clone(), form.response(&authored)));
        })
    };

    let field = Field {
        locale: &locale,
        item,
        answers: form.answers_of(&item.link_id),
        set,
    };
    html! {
        <section class="questionnaire wizard" aria-labelledby="q-title">
            <h1 id="q-title" tabindex="-1">{ q.title.get(lang) }</h1>
            <p class="hint">{ t.q_draft_kept }</p>
            <h2 id="q-step" tabindex="-1" ref={heading}>
                <span class="step-count">{ fill(t.q_progress, &[("n", &(index + 1).to_string()), ("total", &pages.len().to_string())]) }</span>
                if let Some(g) = here.group { { g.text.get(lang) } }
            </h2>
            if let Some(g) = here.group {
                { for g.help.iter().map(|h| html! { <p class="hint">{ h.get(lang) }</p> }) }
            }
            <div class="q-item" key={item.link_id.clone()}>
                if here.asked() { { fields::field(&field) } } else { { fields::shown(&field) } }
            </div>
            if let Some(e) = &*error {
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
