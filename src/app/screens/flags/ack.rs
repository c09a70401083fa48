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
    // What each stage opens with takes focus (the question, the note's field), so a keyboard
    // or screen-reader user is there, with the flag's call still in view above it.
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with(*stage, move |_| {
            platform::focus_in_view(first.cast::<web_sys::HtmlElement>())
        });
    }
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
    let to = |next: Stage| {
        let stage = stage.clone();
        Callback::from(move |_: MouseEvent| stage.set(next))
    };
    let body = match *stage {
        Stage::Choosing => {
            let choose = |action: AckAction| {
                let (record, stage, tier) = (record.clone(), stage.clone(), props.tier);
                Callback::from(move |_: MouseEvent| match (action, tier) {
                    (AckAction::Other, Tier::Emergency) => stage.set(Stage::StillHappening),
                    (AckAction::Other, _) => stage.set(Stage::Writing { stopped: false }),
                    _ => record(action, None),
                })
            };
            html! {
                <>
                    <p>{ t.what_did_you_do }</p>
                    { for ack_choices(props.tier).iter().map(|a| html! {
                        <button type="button" class="button small" onclick={choose(*a)}>{ action_label(t, *a) }</button>
                    }) }
                </>
            }
        }
        Stage::StillHappening => {
            let (to_choices, again) = (stage.clone(), props.on_still_happening.clone());
            let yes = Callback::from(move |_| {
                to_choices.set(Stage::Choosing);
                again.emit(());
            });
            html! {
                <div class="still-happening">
                    <p class="question" tabindex="-1" ref={first.clone()}><strong>{ t.still_happening }</strong></p>
                    <button type="button" class="button danger" onclick={yes}>{ t.still_happening_yes }</button>
                    <button type="button" class="button" onclick={to(Stage::Writing { stopped: true })}>{ t.still_happening_no }</button>
                </div>
            }
        }
        Stage::Writing { stopped } => {
            let save = {
                let field = first.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let words = field
                        .cast::<web_sys::HtmlInputElement>()
                        .map(|input| input.value().trim().to_string())
                        .unwrap_or_default();
                    let note = if stopped {
                        Some(stopped_note(&locale, &words))
                    } else {
                        (!words.is_empty()).then_some(words)
                    };
                    record(AckAction::Other, note);
                })
            };
            html! {
                <form class="ack-note" onsubmit={save}>
                    <label>{ t.ack_note_label }<input type="text" maxlength="500" ref={first.clone()} /></label>
                    <button type="submit" class="button small primary">{ t.ack_save_note }</button>
                    <button type="button" class="button small" onclick={to(Stage::Choosing)}>{ t.back }</button>
                </form>
            }
        }
    };
    html! {
        <div class="ack" role="group" aria-label={fill(t.what_did_you_do_about, &[("what", props.what)])}>
            { body }
        </div>
    }
}
