use yew::prelude::*;

use super::StepProps;
use crate::app::screens::warning_now::EmergencyCall;
use crate::app::widgets::{yes_no, Choice};
use crate::domain::questions::{emergency_yes, EMERGENCY};

/// The tier-A questions, every day. A "yes" shows the emergency call at once, above the
/// questions, before the check-in is finished.
#[function_component]
pub fn WarningStep(props: &StepProps) -> Html {
    let any_yes = emergency_yes(&props.entry).next().is_some();
    let none_of_these = props.edit_and_next(|e| {
        for q in &EMERGENCY {
            (q.set)(e, Some(false));
        }
    });
    html! {
        <div class="step">
            if any_yes {
                <EmergencyCall number={props.context.emergency_number.clone()} />
            }
            <p class="lead">{ "Since your last check-in, have you had any of these?" }</p>
            <button type="button" class="button quick" onclick={none_of_these}>
                { "I have none of these" }
            </button>
            { for EMERGENCY.iter().map(|q| html! {
                <Choice<bool> name={format!("q-{}", q.key)} legend={q.text}
                    options={yes_no()} selected={(q.get)(&props.entry)}
                    on_select={props.edit(move |e, v: bool| (q.set)(e, Some(v)))}
                    class="yes-no" />
            }) }
        </div>
    }
}
