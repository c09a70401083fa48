use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::app::context::use_locale;
use crate::domain::i18n::fill;
use crate::domain::model::Diary;
use crate::domain::rules::{fact, firings_on, message, tel_link, ClinicSettings, Firing, Tier};

#[derive(Properties, PartialEq)]
pub struct TierAProps {
    /// The date whose tier-A firings the alert is about.
    pub date: NaiveDate,
    /// Firings in date order; those of `date` and tier A are shown.
    pub firings: Rc<Vec<Firing>>,
    pub diary: Rc<Diary>,
    pub settings: Rc<ClinicSettings>,
    /// Present when the alert sits over a screen the patient may go back to.
    #[prop_or_default]
    pub on_back: Option<Callback<()>>,
    /// The words of that way back ("Back to my check-in" unless given).
    #[prop_or_default]
    pub back_label: Option<&'static str>,
}

/// Tier A, full screen: call now, what to say. Only the patient closes it; no timer does.
#[function_component]
pub fn TierAAlert(props: &TierAProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            crate::app::platform::focus(heading.cast::<web_sys::HtmlElement>())
        });
    }
    let text = message(
        &locale,
        Tier::Emergency,
        props.date,
        &props.firings,
        &props.diary,
        &props.settings,
    );
    let number = &props.settings.emergency_number;
    let evidence = firings_on(&props.firings, props.date)
        .iter()
        .filter(|f| f.tier == Tier::Emergency)
        .flat_map(|f| f.evidence.iter());
    html! {
        <div class="tier-a" role="alertdialog" aria-modal="true" aria-labelledby="tier-a-title" aria-describedby="tier-a-text">
            <h2 id="tier-a-title" tabindex="-1" ref={heading}>{ fill(t.call_now_title, &[("number", number)]) }</h2>
            <a class="button call" href={tel_link(number)}>{ fill(t.call_number, &[("number", number)]) }</a>
            <p id="tier-a-text">{ text }</p>
            <ul class="evidence">
                { for evidence.map(|e| html! { <li>{ fact(&locale, e) }</li> }) }
            </ul>
            if let Some(back) = &props.on_back {
                <button type="button" class="button" onclick={back.reform(|_| ())}>
                    { props.back_label.unwrap_or(t.back_to_checkin) }
                </button>
            }
        </div>
    }
}
