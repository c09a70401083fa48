use chrono::NaiveDate;
use yew::prelude::*;

use crate::app::context::use_locale;
use crate::app::platform;
use crate::domain::i18n::{fill, Locale, Texts};
use crate::domain::model::Diary;
use crate::domain::rules::{is_phone_number, message, tel_link, ClinicSettings, Firing, Tier};

/// Tier B: call the clinic today (or now), with a way to call at once: the clinic's numbers
/// as `tel:` links, or the place to add the number. `firings` are in date order; the message
/// is that of `date`'s tier-B firings. (A plain function: it keeps no state.)
pub fn call_message(
    locale: &Locale,
    date: NaiveDate,
    firings: &[Firing],
    diary: &Diary,
    settings: &ClinicSettings,
    on_clinic_phone: &Callback<String>,
) -> Html {
    let t = locale.t();
    html! {
        <div class="tier-b" role="alert">
            <p class="tier-b-title">{ t.call_clinic_title }</p>
            <p>{ message(locale, Tier::Call, date, firings, diary, settings) }</p>
            { call_the_clinic(t, settings, on_clinic_phone) }
        </div>
    }
}

/// "Call the clinic" (and after hours) when a number is known; else "Add the clinic's
/// number", which opens the phone field in place.
pub fn call_the_clinic(t: &Texts, s: &ClinicSettings, on_clinic_phone: &Callback<String>) -> Html {
    html! {
        <>
            if let Some(phone) = &s.clinic_phone {
                <a class="button primary" href={tel_link(phone)}>{ fill(t.call_the_clinic, &[("phone", phone)]) }</a>
            }
            if let Some(phone) = &s.after_hours_phone {
                <a class="button" href={tel_link(phone)}>{ fill(t.after_hours, &[("phone", phone)]) }</a>
            }
            if s.clinic_phone.is_none() && s.after_hours_phone.is_none() {
                <AddClinicNumber on_save={on_clinic_phone.clone()} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct AddClinicNumberProps {
    pub on_save: Callback<String>,
}

/// A button that becomes the clinic's phone field (visible, focused) and saves it there.
#[function_component]
pub fn AddClinicNumber(props: &AddClinicNumberProps) -> Html {
    let t = use_locale().t();
    let open = use_state(|| false);
    let refused = use_state(|| None::<String>);
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(*open, move |open| {
            if *open {
                platform::focus(field.cast::<web_sys::HtmlElement>());
            }
        });
    }
    if !*open {
        let open = open.clone();
        return html! {
            <button type="button" class="button primary" aria-expanded="false"
                onclick={Callback::from(move |_| open.set(true))}>{ t.add_clinic_number }</button>
        };
    }
    let save = {
        let (field, refused, on_save) = (field.clone(), refused.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = field
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value().trim().to_string())
                .unwrap_or_default();
            if is_phone_number(&value) {
                on_save.emit(value);
            } else {
                refused.set(Some(value));
            }
        })
    };
    html! {
        <form class="add-number" onsubmit={save}>
            <label>{ t.clinic_phone }<input type="tel" autocomplete="tel" ref={field} /></label>
            if let Some(value) = &*refused {
                <p class="error" role="alert">{ fill(t.phone_refused, &[("setting", t.clinic_phone), ("value", value)]) }</p>
            }
            <button type="submit" class="button primary">{ t.save_the_number }</button>
        </form>
    }
}
