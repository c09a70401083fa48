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
use crate::app::hooks::stored::{use_questionnaire_drafts, QuestionnaireDrafts};
use crate::app::platform;
use crate::domain::i18n::{fill, Texts};
use crate::domain::questionnaire::{
    answers_of, has_expressions, refusal, Answer, Answers, Evaluate, Item, ItemKind, Page,
    Questionnaire, Refusal,
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

/// Where the patient is: their answers and the page (by linkId), started from the draft
/// an earlier visit left (else the file's initial answers); every change is kept as the
/// draft with its page, so a reload or "Finish later" loses nothing.
#[derive(Clone)]
struct Progress {
    answers: UseStateHandle<Answers>,
    page: UseStateHandle<Option<String>>,
    drafts: Rc<QuestionnaireDrafts>,
    canonical: String,
    questionnaire: Rc<Questionnaire>,
}

impl Progress {
    /// Keeps `answers` and `page` as the draft (the patient's answers: the computed ones
    /// are computed again when it is opened).
    fn keep(&self, answers: &Answers, page: &str) {
        let response = self.questionnaire.form(answers, None).response("");
        self.drafts.keep(
            &self.canonical,
            Some(json!({ "page": page, "response": response })),
        );
    }
}

#[hook]
fn use_progress(q: &Rc<Questionnaire>, engine: Option<&'static dyn Evaluate>) -> Progress {
    let canonical = q.canonical();
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
    Progress {
        answers,
        page,
        drafts,
        canonical,
        questionnaire: q.clone(),
    }
}

/// An integer question takes a whole number given as a decimal.
fn whole_numbers(item: &Item, given: Vec<Answer>) -> Vec<Answer> {
    given
        .into_iter()
        .map(|a| match a {
            Answer::Decimal(d) if item.kind == ItemKind::Integer && d.fract() == 0.0 => {
                Answer::Integer(d as i64)
            }
            a => a,
        })
        .collect()
}

/// Takes the answers given to `item`: refused ones are said and cleared, others kept.
fn answer_setter(
    t: &'static Texts,
    item: &Item,
    progress: &Progress,
    error: &UseStateHandle<Option<String>>,
) -> Callback<Vec<Answer>> {
    let (item, progress, error) = (item.clone(), progress.clone(), error.clone());
    Callback::from(move |given: Vec<Answer>| {
        let mut next = (*progress.answers).clone();
        let given = whole_numbers(&item, given);
        if let Some(r) = refusal(&item, &given) {
            error.set(Some(refused(t, &r)));
            next.remove(&item.link_id);
            progress.answers.set(next);
            return;
        }
        error.set(None);
        if given.is_empty() {
            next.remove(&item.link_id);
        } else {
            next.insert(item.link_id.clone(), given);
        }
        progress.keep(&next, &item.link_id);
        progress.answers.set(next);
    })
}

/// Goes to the page `to`, keeping the draft there and focusing its heading.
fn go_to(
    progress: &Progress,
    error: &UseStateHandle<Option<String>>,
    heading: &NodeRef,
) -> Rc<dyn Fn(String)> {
    let (progress, error, heading) = (progress.clone(), error.clone(), heading.clone());
    Rc::new(move |to: String| {
        error.set(None);
        progress.keep(&progress.answers, &to);
        progress.page.set(Some(to));
        let heading = heading.clone();
        platform::later(move || platform::focus(heading.cast::<web_sys::HtmlElement>()));
    })
}

/// Saves a completed response, or goes to the first required question left unanswered.
fn sender(
    t: &'static Texts,
    props: &QuestionnaireProps,
    progress: &Progress,
    engine: Option<&'static dyn Evaluate>,
    go: Rc<dyn Fn(String)>,
    error: &UseStateHandle<Option<String>>,
) -> Callback<MouseEvent> {
    let (progress, json, on_submit, error) = (
        progress.clone(),
        props.json.clone(),
        props.on_submit.clone(),
        error.clone(),
    );
    Callback::from(move |_: MouseEvent| {
        let form = progress.questionnaire.form(&progress.answers, engine);
        if let Some(first) = form.missing().first() {
            go(first.to_string());
            error.set(Some(t.q_required.to_string()));
            return;
        }
        let authored = platform::now()
            .map(|n| n.to_rfc3339())
            .unwrap_or_else(|| platform::today().to_string());
        progress.drafts.keep(&progress.canonical, None);
        on_submit.emit((json.clone(), form.response(&authored)));
    })
}

#[function_component]
pub fn QuestionnaireScreen(props: &QuestionnaireProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let q = props.questionnaire.clone();
    let engine = engine_for(&q);
    let progress = use_progress(&q, engine);
    let error = use_state(|| None::<String>);
    let heading = use_node_ref();

    let form = q.form(&progress.answers, engine);
    for e in &form.errors {
        let canonical = &progress.canonical;
        web_sys::console::warn_1(&format!("Recovery Diary questionnaire {canonical}: {e}").into());
    }
    let pages = form.pages();
    // The page by its linkId (answers can add or remove pages before it); else the first.
    let index = progress
        .page
        .as_ref()
        .and_then(|id| pages.iter().position(|p| &p.item.link_id == id))
        .unwrap_or(0);
    let Some(&here) = pages.get(index) else {
        return html! {};
    };
    let go = go_to(&progress, &error, &heading);
    let unanswered =
        here.asked() && here.item.required && form.answers_of(&here.item.link_id).is_empty();
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
        let (go, error) = (go.clone(), error.clone());
        let next = pages.get(index + 1).map(|p| p.item.link_id.clone());
        Callback::from(move |_: MouseEvent| {
            if unanswered {
                error.set(Some(t.q_required.to_string()));
            } else if let Some(n) = next.clone() {
                go(n);
            }
        })
    };
    let field = Field {
        locale: &locale,
        item: here.item,
        answers: form.answers_of(&here.item.link_id),
        set: answer_setter(t, here.item, &progress, &error),
    };
    let step = Step {
        props,
        title: q.title.get(locale.lang.code()),
        here,
        index,
        total: pages.len(),
        heading,
        error: (*error).clone(),
        on_back,
        on_next,
        on_send: sender(t, props, &progress, engine, go, &error),
    };
    step.view(t, &field)
}

/// One page of the questionnaire as the patient sees it.
struct Step<'a> {
    props: &'a QuestionnaireProps,
    title: &'a str,
    here: Page<'a>,
    index: usize,
    total: usize,
    heading: NodeRef,
    error: Option<String>,
    on_back: Callback<MouseEvent>,
    on_next: Callback<MouseEvent>,
    on_send: Callback<MouseEvent>,
}

impl Step<'_> {
    fn view(self, t: &'static Texts, field: &Field) -> Html {
        let lang = field.locale.lang.code();
        let (here, index) = (self.here, self.index);
        let last = index + 1 == self.total;
        let on_close = self.props.on_close.reform(|_| ());
        html! {
            <section class="questionnaire wizard" aria-labelledby="q-title">
                <h1 id="q-title" tabindex="-1">{ self.title }</h1>
                <p class="hint">{ t.q_draft_kept }</p>
                <h2 id="q-step" tabindex="-1" ref={self.heading}>
                    <span class="step-count">{ fill(t.q_progress, &[("n", &(index + 1).to_string()), ("total", &self.total.to_string())]) }</span>
                    if let Some(g) = here.group { { g.text.get(lang) } }
                </h2>
                if let Some(g) = here.group {
                    { for g.help.iter().map(|h| html! { <p class="hint">{ h.get(lang) }</p> }) }
                }
                <div class="q-item" key={here.item.link_id.clone()}>
                    if here.asked() { { fields::field(field) } } else { { fields::shown(field) } }
                </div>
                if let Some(e) = &self.error {
                    <p class="error" role="alert">{ e }</p>
                }
                <div class="wizard-nav">
                    if index == 0 {
                        <button type="button" class="button" onclick={on_close.clone()}>{ t.q_finish_later }</button>
                    } else {
                        <button type="button" class="button" onclick={self.on_back}>{ t.back }</button>
                    }
                    if last {
                        <button type="button" class="button primary" onclick={self.on_send}>{ t.q_send }</button>
                    } else {
                        <button type="button" class="button primary" onclick={self.on_next}>{ t.next }</button>
                    }
                </div>
                if index > 0 {
                    <button type="button" class="button small q-later" onclick={on_close}>{ t.q_finish_later }</button>
                }
            </section>
        }
    }
}
