use yew::prelude::*;

use super::StepProps;
use crate::app::widgets::choice::{yes_no, Choice};
use crate::domain::questions::EMERGENCY;

/// The tier-A questions, every day. A "yes" shows the emergency call at once (the wizard's
/// tier-A alert), before the check-in is finished.
#[function_component]
pub fn WarningStep(props: &StepProps) -> Html {
    let t = crate::app::context::use_locale().t();
    let none_of_these = props.edit_and_next(|e| {
        for q in &EMERGENCY {
            (q.set)(e, Some(false));
        }
    });
    html! {
        <div class="step">
            <p class="lead">{ t.warning_lead }</p>
            <button type="button" class="button quick" onclick={none_of_these}>
                { t.none_of_these }
            </button>
            { for EMERGENCY.iter().map(|q| html! {
                <Choice<bool> name={format!("q-{}", q.key)} legend={q.text(t)}
                    options={yes_no(t)} selected={(q.get)(&props.entry)}
                    on_select={props.edit(move |e, v: bool| (q.set)(e, Some(v)))}
                    class="yes-no" />
            }) }
        </div>
    }
}
