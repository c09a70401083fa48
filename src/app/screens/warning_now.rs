use yew::prelude::*;

use crate::domain::i18n::fill;

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
    let t = crate::app::context::use_locale().t();
    let number = &props.emergency_number;
    html! {
        <section class="warning-now-screen" aria-labelledby="warning-now-title">
            <h1 id="warning-now-title" tabindex="-1">{ t.warning_now }</h1>
            <p class="lead">{ fill(t.warning_now_lead, &[("number", number)]) }</p>
            <ul class="warning-list">
                { for EMERGENCY.iter().map(|q| html! { <li>{ q.text(t) }</li> }) }
            </ul>
            <a class="button call" href={format!("tel:{number}")}>{ fill(t.call_number, &[("number", number)]) }</a>
            <p>{ t.warning_now_go }</p>
            <p>{ t.warning_now_else }</p>
            <button type="button" class="button" onclick={props.on_close.reform(|_| ())}>{ t.back_to_diary }</button>
        </section>
    }
}
