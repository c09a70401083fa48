use std::rc::Rc;

use yew::prelude::*;

use super::setup::{parse_date_input, LanguageChoice};
use crate::app::storage::PatientSettings;
use crate::app::use_locale;
use crate::app::widgets::{Screen, UnitChoices};
use crate::domain::i18n::{fill, Lang, Texts};
use crate::domain::model::{Diary, Profile};
use crate::domain::rules::SettingError;

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub diary: Rc<Diary>,
    pub on_save: Callback<Profile>,
    pub on_navigate: Callback<Screen>,
    pub clinic: PatientSettings,
    /// Why a number the patient entered is not used (shown beside the fields).
    pub clinic_errors: Vec<SettingError>,
    /// The emergency number in use (named when the patient's is refused).
    #[prop_or_default]
    pub emergency_number: String,
    pub on_language: Callback<Lang>,
    pub on_save_clinic: Callback<PatientSettings>,
    /// Numbers the clinic configured: shown, not editable.
    #[prop_or_default]
    pub clinic_fixed: crate::domain::rules::RawSettings,
}

fn text_value(e: &Event) -> Option<String> {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value().trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Why a number the patient entered is not used, in their language.
fn refusal(t: &Texts, e: &SettingError, emergency_number: &str) -> String {
    let value = e.value.as_str();
    match e.setting {
        "emergency number" => fill(
            t.emergency_refused,
            &[("value", value), ("number", emergency_number)],
        ),
        "clinic phone" => fill(
            t.phone_refused,
            &[("setting", t.clinic_phone), ("value", value)],
        ),
        "after-hours phone" => fill(
            t.phone_refused,
            &[("setting", t.after_hours_phone), ("value", value)],
        ),
        // Set by the clinic's configuration, not here: its own words (English).
        _ => format!("{}: {}", e.setting, e.message),
    }
}

#[function_component]
pub fn Settings(props: &SettingsProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let profile = use_state(|| props.diary.profile.clone());
    let changed = *profile != props.diary.profile;
    let set = |f: fn(&mut Profile, Event)| {
        let profile = profile.clone();
        Callback::from(move |e: Event| {
            let mut next = (*profile).clone();
            f(&mut next, e);
            profile.set(next);
        })
    };
    let set_units = {
        let profile = profile.clone();
        Callback::from(move |p: Profile| profile.set(p))
    };
    let save = {
        let (profile, on_save) = (profile.clone(), props.on_save.clone());
        Callback::from(move |_| on_save.emit((*profile).clone()))
    };
    let baseline = props.diary.baseline.as_ref();
    let clinic = use_state(|| props.clinic.clone());
    let clinic_changed = *clinic != props.clinic;
    let set_clinic = |f: fn(&mut PatientSettings, Option<String>)| {
        let clinic = clinic.clone();
        Callback::from(move |e: Event| {
            let mut next = (*clinic).clone();
            f(&mut next, text_value(&e));
            clinic.set(next);
        })
    };
    let save_clinic = {
        let (clinic, cb) = (clinic.clone(), props.on_save_clinic.clone());
        Callback::from(move |_| cb.emit((*clinic).clone()))
    };
    html! {
        <section class="settings" aria-labelledby="settings-title">
            <h1 id="settings-title" tabindex="-1">{ t.nav_settings }</h1>
            <LanguageChoice name="settings-language" on_select={props.on_language.clone()} />
            <div class="field">
                <label for="settings-procedure-date">{ t.procedure_date }</label>
                <input id="settings-procedure-date" type="date"
                    value={profile.procedure_date.map(|d| d.to_string()).unwrap_or_default()}
                    onchange={set(|p, e| p.procedure_date = parse_date_input(&e))} />
            </div>
            <UnitChoices name="settings" profile={(*profile).clone()} on_change={set_units} />
            <button type="button" class="button primary" disabled={!changed} onclick={save}>{ t.save_settings }</button>

            <h2>{ t.your_clinic }</h2>
            if let Some(v) = &props.clinic_fixed.clinic_phone {
                <p class="fixed-setting">{ fill(t.set_by_clinic, &[("setting", t.clinic_phone), ("value", v)]) }</p>
            } else {
            <div class="field">
                <label for="clinic-phone">{ t.clinic_phone }</label>
                <input id="clinic-phone" type="tel" autocomplete="off" value={clinic.clinic_phone.clone().unwrap_or_default()}
                    onchange={set_clinic(|c, v| c.clinic_phone = v)} />
            </div>
            }
            if let Some(v) = &props.clinic_fixed.after_hours_phone {
                <p class="fixed-setting">{ fill(t.set_by_clinic, &[("setting", t.after_hours_phone), ("value", v)]) }</p>
            } else {
            <div class="field">
                <label for="after-hours-phone">{ t.after_hours_optional }</label>
                <input id="after-hours-phone" type="tel" autocomplete="off" value={clinic.after_hours_phone.clone().unwrap_or_default()}
                    onchange={set_clinic(|c, v| c.after_hours_phone = v)} />
            </div>
            }
            if let Some(v) = &props.clinic_fixed.emergency_number {
                <p class="fixed-setting">{ fill(t.set_by_clinic, &[("setting", t.emergency_number), ("value", v)]) }</p>
            } else {
            <div class="field">
                <label for="emergency-number">{ t.emergency_number }</label>
                <p class="hint" id="emergency-number-hint">{ t.emergency_hint }</p>
                <input id="emergency-number" type="tel" autocomplete="off" aria-describedby="emergency-number-hint"
                    value={clinic.emergency_number.clone().unwrap_or_default()} placeholder="911"
                    onchange={set_clinic(|c, v| c.emergency_number = v)} />
            </div>
            }
            { for props.clinic_errors.iter().map(|e| html! { <p class="error" role="alert">{ refusal(t, e, &props.emergency_number) }</p> }) }
            <button type="button" class="button primary" disabled={!clinic_changed} onclick={save_clinic}>{ t.save_clinic_numbers }</button>

            <h2>{ t.before_title }</h2>
            <p>{ match baseline {
                Some(b) => match b.recorded_on {
                    Some(d) => fill(t.recorded_on, &[("date", &locale.long_date(d))]),
                    None => t.recorded.to_string(),
                },
                None => t.not_recorded.to_string(),
            } }</p>
            <button type="button" class="button" onclick={props.on_navigate.reform(|_| Screen::Baseline)}>
                { if baseline.is_some() { t.change_it } else { t.add_it_now } }
            </button>

            <h2>{ t.your_data }</h2>
            <p>{ t.your_data_text }</p>
            <button type="button" class="button" onclick={props.on_navigate.reform(|_| Screen::Data)}>{ t.save_share_import }</button>

            <h2>{ t.about }</h2>
            <p>{ t.disclaimer }</p>
        </section>
    }
}
