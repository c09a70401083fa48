use std::rc::Rc;

use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use super::reminder::ReminderPanel;
use crate::app::context::use_locale;
use crate::app::navigation::Screen;
use crate::app::platform::{parse_procedure_date, procedure_date_range};
use crate::app::storage::PatientSettings;
use crate::app::widgets::field::Labelled;
use crate::app::widgets::language_choice::LanguageChoice;
use crate::app::widgets::unit_choices::UnitChoices;
use crate::domain::i18n::{fill, Lang, Texts};
use crate::domain::model::{Diary, Profile};
use crate::domain::rules::SettingError;

lazy_screen!(SETTINGS, ready::settings_view, SettingsProps, Settings);

#[derive(Properties, PartialEq, Clone)]
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
    /// The language chosen, and the patient picking one.
    pub language: Lang,
    pub on_language: Callback<Lang>,
    pub on_save_clinic: Callback<PatientSettings>,
    /// Numbers the clinic configured: shown, not editable.
    #[prop_or_default]
    pub clinic_fixed: crate::domain::rules::RawSettings,
    /// Numbers a link gave: used while the patient's own field is empty (its placeholder).
    #[prop_or_default]
    pub clinic_from_link: crate::domain::rules::RawSettings,
    /// The daily reminder the patient set, and where a new one goes.
    #[prop_or_default]
    pub reminder: Option<crate::domain::reminder::Reminder>,
    #[prop_or_default]
    pub on_reminder: Callback<crate::domain::reminder::Reminder>,
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

#[derive(Properties, PartialEq)]
struct ClinicNumberProps {
    id: AttrValue,
    /// The setting's name, as in "set by your clinic".
    name: &'static str,
    /// The field's label (the after-hours one says it is optional).
    label: &'static str,
    #[prop_or_default]
    hint: Option<&'static str>,
    #[prop_or_default]
    placeholder: Option<String>,
    /// What the clinic configured: then shown, not editable.
    fixed: Option<String>,
    /// What the patient entered.
    value: Option<String>,
    /// Just saved: "Clinic phone saved." beside the field.
    #[prop_or_default]
    saved: bool,
    on_change: Callback<Event>,
}

/// One of the clinic's numbers: a phone field, or the value the clinic set.
#[function_component]
fn ClinicNumber(props: &ClinicNumberProps) -> Html {
    let t = use_locale().t();
    if let Some(v) = &props.fixed {
        return html! {
            <p class="fixed-setting">{ fill(t.set_by_clinic, &[("setting", props.name), ("value", v)]) }</p>
        };
    }
    let field = Labelled {
        id: &props.id,
        label: props.label,
        hint: props.hint,
    };
    field.around(html! {
        <>
            <input id={props.id.clone()} type="tel" autocomplete="off"
                aria-describedby={field.described_by()}
                value={props.value.clone().unwrap_or_default()} placeholder={props.placeholder.clone()}
                onchange={props.on_change.clone()} />
            if props.saved {
                <p class="saved" role="status">{ fill(t.setting_saved, &[("setting", props.name)]) }</p>
            }
        </>
    })
}

/// Settings: each change is saved as it is made (no separate Save button).
#[function_component]
pub fn Settings(props: &SettingsProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let baseline = props.diary.baseline.as_ref();
    // The number last saved, for "Clinic phone saved." beside its field.
    let saved = use_state(|| None::<&'static str>);
    html! {
        <section class="settings" aria-labelledby="settings-title">
            <h1 id="settings-title" tabindex="-1">{ t.nav_settings }</h1>
            <LanguageChoice name="settings-language" selected={props.language} on_select={props.on_language.clone()} />
            { profile_fields(t, &props.diary.profile, &props.on_save) }

            <h2>{ t.your_clinic }</h2>
            { clinic_numbers(t, props, &saved) }

            <ReminderPanel procedure_date={props.diary.profile.procedure_date}
                reminder={props.reminder.clone()} on_set={props.on_reminder.clone()} />

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

/// The procedure date and the units, each saved when changed.
fn profile_fields(t: &Texts, profile: &Profile, on_save: &Callback<Profile>) -> Html {
    let on_date = {
        let (profile, on_save) = (profile.clone(), on_save.clone());
        Callback::from(move |e: Event| {
            let mut next = profile.clone();
            next.procedure_date = parse_procedure_date(&e);
            if next != profile {
                on_save.emit(next);
            }
        })
    };
    let procedure_range = procedure_date_range();
    html! {
        <>
            <div class="field">
                <label for="settings-procedure-date">{ t.procedure_date }</label>
                <input id="settings-procedure-date" type="date"
                    min={procedure_range.0} max={procedure_range.1}
                    value={profile.procedure_date.map(|d| d.to_string()).unwrap_or_default()}
                    onchange={on_date} />
            </div>
            <UnitChoices name="settings" profile={profile.clone()} on_change={on_save.clone()} />
        </>
    }
}

/// The clinic's numbers: the patient's, each saved as it is entered (with a word beside it),
/// or the ones the clinic set.
fn clinic_numbers(
    t: &'static Texts,
    props: &SettingsProps,
    saved: &UseStateHandle<Option<&'static str>>,
) -> Html {
    let set = |name: &'static str, f: fn(&mut PatientSettings, Option<String>)| {
        let (clinic, on_save, saved) = (
            props.clinic.clone(),
            props.on_save_clinic.clone(),
            saved.clone(),
        );
        Callback::from(move |e: Event| {
            let mut next = clinic.clone();
            f(&mut next, text_value(&e));
            if next != clinic {
                on_save.emit(next);
                saved.set(Some(name));
            }
        })
    };
    let c = &props.clinic;
    let (link, fixed) = (&props.clinic_from_link, &props.clinic_fixed);
    let shown = |name: &'static str| **saved == Some(name);
    html! {
        <>
            <ClinicNumber id="clinic-phone" name={t.clinic_phone} label={t.clinic_phone}
                placeholder={link.clinic_phone.clone()}
                fixed={fixed.clinic_phone.clone()} value={c.clinic_phone.clone()} saved={shown(t.clinic_phone)}
                on_change={set(t.clinic_phone, |c, v| c.clinic_phone = v)} />
            <ClinicNumber id="after-hours-phone" name={t.after_hours_phone} label={t.after_hours_optional}
                placeholder={link.after_hours_phone.clone()}
                fixed={fixed.after_hours_phone.clone()} value={c.after_hours_phone.clone()} saved={shown(t.after_hours_phone)}
                on_change={set(t.after_hours_phone, |c, v| c.after_hours_phone = v)} />
            <ClinicNumber id="emergency-number" name={t.emergency_number} label={t.emergency_number}
                hint={t.emergency_hint} saved={shown(t.emergency_number)}
                placeholder={link.emergency_number.clone().unwrap_or_else(|| "911".into())}
                fixed={fixed.emergency_number.clone()} value={c.emergency_number.clone()}
                on_change={set(t.emergency_number, |c, v| c.emergency_number = v)} />
            { for props.clinic_errors.iter().map(|e| html! { <p class="error" role="alert">{ refusal(t, e, &props.emergency_number) }</p> }) }
        </>
    }
}
