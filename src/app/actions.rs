//! Callbacks that turn what the patient chose into reducer actions, for the screens of setup
//! and of the set-up diary alike.

use yew::prelude::*;

use super::state::{Action, AppState, Notice};
use super::storage::PatientSettings;
use crate::domain::change::Change;
use crate::domain::i18n::Lang;
use crate::domain::identity::Identity;
use crate::domain::import::ImportRequest;
use crate::domain::reminder::Reminder;

/// The patient confirmed an import: merged by date, nothing deleted.
pub fn import_callback(state: &UseReducerHandle<AppState>) -> Callback<ImportRequest> {
    let state = state.clone();
    Callback::from(move |request: ImportRequest| {
        let ImportRequest {
            incoming,
            replace_different,
            plan,
        } = request;
        let notice = Notice::Imported {
            added: plan.added.len(),
            replaced: if replace_different {
                plan.different.len()
            } else {
                0
            },
        };
        state.dispatch(Action::Edit(
            Change::Import {
                incoming: Box::new(incoming),
                replace_different,
            },
            Some(notice),
        ));
    })
}

/// A preference the patient set, kept with their settings by `apply`.
fn set_preference<T: 'static>(
    state: &UseReducerHandle<AppState>,
    apply: fn(&mut PatientSettings, T),
) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value| {
        let mut next = state.patient_settings.clone();
        apply(&mut next, value);
        state.dispatch(Action::SetPreferences(next));
    })
}

/// The patient picked a language.
pub fn choose_language(state: &UseReducerHandle<AppState>) -> Callback<Lang> {
    set_preference(state, |s, lang| s.language = Some(lang))
}

/// The patient made a calendar file for the daily reminder.
pub fn set_reminder(state: &UseReducerHandle<AppState>) -> Callback<Reminder> {
    set_preference(state, |s, reminder| s.reminder = Some(reminder))
}

/// The patient added (or removed) their name and date of birth for the printed report.
pub fn set_identity(state: &UseReducerHandle<AppState>) -> Callback<Option<Identity>> {
    set_preference(state, PatientSettings::set_identity)
}

/// The patient entered the clinic's phone where it is used (a tier-B card, setup).
pub fn set_clinic_phone(state: &UseReducerHandle<AppState>) -> Callback<String> {
    set_preference(state, |s, phone| s.clinic_phone = Some(phone))
}

/// The patient entered the clinic's numbers at setup (either may be left empty).
pub fn set_clinic_numbers(
    state: &UseReducerHandle<AppState>,
) -> Callback<(Option<String>, Option<String>)> {
    set_preference(state, |s, (phone, after)| {
        s.clinic_phone = phone;
        s.after_hours_phone = after;
    })
}
