use chrono::NaiveDate;
use yew::prelude::*;

use super::action_label;
use crate::app::context::use_locale;
use crate::app::platform;
use crate::domain::i18n::fill;
use crate::domain::model::{AckAction, Acknowledgement};
use crate::domain::rules::answered::stopped_note;
use crate::domain::rules::{ack_choices, Tier};

#[derive(Properties, PartialEq)]
pub struct AckChoicesProps {
    pub rule: &'static str,
    pub date: NaiveDate,
    pub tier: Tier,
    pub what: &'static str,
    pub on_acknowledge: Callback<Acknowledgement>,
    /// A tier-A flag answered "Something else", then "it is still happening".
    pub on_still_happening: Callback<()>,
}

/// Where "What did you do?" is: the choices, "Is it still happening?" (tier A after
/// "Something else"), or a few words about what the patient did.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Choosing,
    StillHappening,
    /// A note; `stopped`: after "No, it has stopped".
    Writing {
        stopped: bool,
    },
}

/// "What did you do?": the choices of the flag's tier. "Something else" asks for a few
/// words; on a tier-A flag it first asks "Is it still happening?" (yes: the emergency
/// again; no: the answer is kept in the note).
#[function_component]
pub fn AckChoices(props: &AckChoicesProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let stage = use_state(|| Stage::Choosing);
    let record = {
        let (rule, date, cb) = (props.rule, props.date, props.on_acknowledge.clone());
        move |action: AckAction, note: Option<String>| {
            if let Some(at) = platform::now() {
                cb.emit(Acknowledgement {
                    rule: rule.to_string(),
                    date,
                    at,
                    action,
                    note,
                });
            }
        }
    };
    let choose = |action: AckAction| {
        let (record, stage, tier) = (record.clone(), stage.clone(), props.tier);
        Callback::from(move |_: MouseEvent| match (action, tier) {
            (AckAction::Other, Tier::Emergency) => stage.set(Stage::StillHappening),
            (AckAction::Other, _) => stage.set(Stage::Writing { stopped: false }),
            _ => record(action, None),
        })
    };
    let body = match *stage {
        Stage::Choosing => html! {
            <>
                <p>{ t.what_did_you_do }</p>
                { for ack_choices(props.tier).iter().map(|a| html! {
                    <button type="button" class="button small" onclick={choose(*a)}>{ action_label(t, *a) }</button>
                }) }
            </>
        },
        Stage::StillHappening => {
            let (to_choices, again) = (stage.clone(), props.on_still_happening.clone());
            let yes = Callback::from(move |_| {
                to_choices.set(Stage::Choosing);
                again.emit(());
            });
            let stage = stage.clone();
            let no = Callback::from(move |_| stage.set(Stage::Writing { stopped: true }));
            html! { <StillHappening on_yes={yes} on_no={no} /> }
        }
        Stage::Writing { stopped } => {
            let back = {
                let stage = stage.clone();
                Callback::from(move |_| stage.set(Stage::Choosing))
            };
            let on_note = Callback::from(move |words: String| {
                let note = if stopped {
                    Some(stopped_note(&locale, &words))
                } else {
                    (!words.is_empty()).then_some(words)
                };
                record(AckAction::Other, note);
            });
            html! { <AckNote {on_note} on_back={back} /> }
        }
    };
    html! {
        <div class="ack" role="group" aria-label={fill(t.what_did_you_do_about, &[("what", props.what)])}>
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StillHappeningProps {
    on_yes: Callback<MouseEvent>,
    on_no: Callback<MouseEvent>,
}

/// "Is it still happening?", with focus on the question so it is read first.
#[function_component]
fn StillHappening(props: &StillHappeningProps) -> Html {
    let t = use_locale().t();
    let question = use_node_ref();
    {
        let question = question.clone();
        use_effect_with((), move |_| {
            platform::focus(question.cast::<web_sys::HtmlElement>())
        });
    }
    html! {
        <div class="still-happening">
            <p class="question" tabindex="-1" ref={question}><strong>{ t.still_happening }</strong></p>
            <button type="button" class="button danger" onclick={props.on_yes.clone()}>{ t.still_happening_yes }</button>
            <button type="button" class="button" onclick={props.on_no.clone()}>{ t.still_happening_no }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AckNoteProps {
    /// The patient's words, trimmed (possibly empty).
    on_note: Callback<String>,
    /// Back to the choices.
    on_back: Callback<MouseEvent>,
}

/// A few words about what the patient did; the field takes focus when it opens, so a
/// keyboard or screen-reader user is in it.
#[function_component]
fn AckNote(props: &AckNoteProps) -> Html {
    let t = use_locale().t();
    let note = use_node_ref();
    {
        let note = note.clone();
        use_effect_with((), move |_| {
            platform::focus(note.cast::<web_sys::HtmlElement>())
        });
    }
    let save = {
        let (note, on_note) = (note.clone(), props.on_note.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let words = note
                .cast::<web_sys::HtmlInputElement>()
                .map(|input| input.value().trim().to_string())
                .unwrap_or_default();
            on_note.emit(words);
        })
    };
    html! {
        <form class="ack-note" onsubmit={save}>
            <label>{ t.ack_note_label }<input type="text" maxlength="500" ref={note} /></label>
            <button type="submit" class="button small primary">{ t.ack_save_note }</button>
            <button type="button" class="button small" onclick={props.on_back.clone()}>{ t.back }</button>
        </form>
    }
}
