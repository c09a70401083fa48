use yew::prelude::*;

use crate::domain::i18n::fill;
use crate::domain::questions::EMERGENCY;
use crate::domain::rules::tel_link;

#[derive(Properties, PartialEq)]
pub struct WarningNowProps {
    pub emergency_number: String,
    /// The clinic's numbers, when known: "Call my clinic" follows the signs.
    #[prop_or_default]
    pub clinic_phone: Option<String>,
    #[prop_or_default]
    pub after_hours_phone: Option<String>,
    pub on_close: Callback<()>,
}

/// "Warning sign now", reachable from every screen, working offline: the emergency call is
/// the first thing under the heading (on the first screenful of a 320×568 phone), then the
/// tier-A signs as statements, then the clinic's numbers when known.
#[function_component]
pub fn WarningNow(props: &WarningNowProps) -> Html {
    let t = crate::app::context::use_locale().t();
    let number = &props.emergency_number;
    html! {
        <section class="warning-now-screen" aria-labelledby="warning-now-title">
            <h1 id="warning-now-title" tabindex="-1">{ t.warning_now }</h1>
            <a class="button call" href={tel_link(number)}>{ fill(t.call_number, &[("number", number)]) }</a>
            <p class="lead">{ fill(t.warning_now_lead, &[("number", number)]) }</p>
            <ul class="warning-list">
                { for EMERGENCY.iter().map(|q| html! { <li>{ q.statement(t) }</li> }) }
            </ul>
            <p>{ t.warning_now_go }</p>
            <p>{ t.warning_now_else }</p>
            if let Some(phone) = &props.clinic_phone {
                <a class="button primary wide" href={tel_link(phone)}>{ fill(t.call_my_clinic, &[("phone", phone)]) }</a>
            }
            if let Some(phone) = &props.after_hours_phone {
                <a class="button wide" href={tel_link(phone)}>{ fill(t.after_hours, &[("phone", phone)]) }</a>
            }
            <button type="button" class="button" onclick={props.on_close.reform(|_| ())}>{ t.back_to_diary }</button>
        </section>
    }
}
