use yew::prelude::*;

use crate::domain::questions::EMERGENCY;

#[derive(Properties, PartialEq)]
pub struct WarningNowProps {
    pub emergency_number: String,
    pub on_close: Callback<()>,
}

/// "Warning sign now": the tier-A questions and the emergency number, reachable from every
/// screen, working offline.
#[function_component]
pub fn WarningNow(props: &WarningNowProps) -> Html {
    let number = &props.emergency_number;
    html! {
        <section class="warning-now-screen" aria-labelledby="warning-now-title">
            <h1 id="warning-now-title" tabindex="-1">{ "Warning sign now" }</h1>
            <p class="lead">{ format!("If you have any of these, call {number} now:") }</p>
            <ul class="warning-list">
                { for EMERGENCY.iter().map(|q| html! { <li>{ q.text }</li> }) }
            </ul>
            <a class="button call" href={format!("tel:{number}")}>{ format!("Call {number}") }</a>
            <p>{ "Or have someone take you to the emergency department. Do not drive yourself. Say you had a lumbar decompression and what you are feeling. Then tell your clinic. Do not wait to see if it improves." }</p>
            <p>{ "If something else worries you, call your clinic." }</p>
            <button type="button" class="button" onclick={props.on_close.reform(|_| ())}>{ "Back to the diary" }</button>
        </section>
    }
}
