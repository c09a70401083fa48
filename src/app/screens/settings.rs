use std::rc::Rc;

use yew::prelude::*;

use super::home::long_date;
use super::setup::{parse_date_input, DISCLAIMER};
use crate::app::storage::PatientSettings;
use crate::app::widgets::{Screen, UnitChoices};
use crate::domain::model::{Diary, Profile};

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub diary: Rc<Diary>,
    pub on_save: Callback<Profile>,
    pub on_navigate: Callback<Screen>,
    pub clinic: PatientSettings,
    /// Why a number the patient entered is not used (shown beside the fields).
    pub clinic_errors: Vec<String>,
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

#[function_component]
pub fn Settings(props: &SettingsProps) -> Html {
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
            <h1 id="settings-title" tabindex="-1">{ "Settings" }</h1>
            <div class="field">
                <label for="settings-procedure-date">{ "Procedure date" }</label>
                <input id="settings-procedure-date" type="date"
                    value={profile.procedure_date.map(|d| d.to_string()).unwrap_or_default()}
                    onchange={set(|p, e| p.procedure_date = parse_date_input(&e))} />
            </div>
            <UnitChoices name="settings" profile={(*profile).clone()} on_change={set_units} />
            <button type="button" class="button primary" disabled={!changed} onclick={save}>{ "Save settings" }</button>

            <h2>{ "Your clinic" }</h2>
            if let Some(v) = &props.clinic_fixed.clinic_phone {
                <p class="fixed-setting">{ format!("Clinic phone: {v} (set by your clinic)") }</p>
            } else {
            <div class="field">
                <label for="clinic-phone">{ "Clinic phone" }</label>
                <input id="clinic-phone" type="tel" autocomplete="off" value={clinic.clinic_phone.clone().unwrap_or_default()}
                    onchange={set_clinic(|c, v| c.clinic_phone = v)} />
            </div>
            }
            if let Some(v) = &props.clinic_fixed.after_hours_phone {
                <p class="fixed-setting">{ format!("After-hours phone: {v} (set by your clinic)") }</p>
            } else {
            <div class="field">
                <label for="after-hours-phone">{ "After-hours phone (optional)" }</label>
                <input id="after-hours-phone" type="tel" autocomplete="off" value={clinic.after_hours_phone.clone().unwrap_or_default()}
                    onchange={set_clinic(|c, v| c.after_hours_phone = v)} />
            </div>
            }
            if let Some(v) = &props.clinic_fixed.emergency_number {
                <p class="fixed-setting">{ format!("Emergency number: {v} (set by your clinic)") }</p>
            } else {
            <div class="field">
                <label for="emergency-number">{ "Emergency number" }</label>
                <p class="hint" id="emergency-number-hint">{ "911 unless your clinic gave you another (such as 112, 999 or 000)." }</p>
                <input id="emergency-number" type="tel" autocomplete="off" aria-describedby="emergency-number-hint"
                    value={clinic.emergency_number.clone().unwrap_or_default()} placeholder="911"
                    onchange={set_clinic(|c, v| c.emergency_number = v)} />
            </div>
            }
            { for props.clinic_errors.iter().map(|e| html! { <p class="error" role="alert">{ e }</p> }) }
            <button type="button" class="button primary" disabled={!clinic_changed} onclick={save_clinic}>{ "Save clinic numbers" }</button>

            <h2>{ "Before your procedure" }</h2>
            <p>{ match baseline {
                Some(b) => format!("Recorded{}.", b.recorded_on.map(|d| format!(" on {}", long_date(d))).unwrap_or_default()),
                None => "Not recorded yet.".to_string(),
            } }</p>
            <button type="button" class="button" onclick={props.on_navigate.reform(|_| Screen::Baseline)}>
                { if baseline.is_some() { "Change it" } else { "Add it now" } }
            </button>

            <h2>{ "Your data" }</h2>
            <p>{ "Your diary is stored only in this browser on this phone. Save a copy now and then, share it with your clinic, or import a diary from another phone." }</p>
            <button type="button" class="button" onclick={props.on_navigate.reform(|_| Screen::Data)}>{ "Save, share or import" }</button>

            <h2>{ "About this diary" }</h2>
            <p>{ DISCLAIMER }</p>
        </section>
    }
}
