//! The notice of the patient's last change ("Saved", "Deleted" with undo, …), with the
//! result of a check-in just saved.

use yew::prelude::*;

use super::Flags;
use crate::app::actions::set_clinic_phone;
use crate::app::screens::flags::DayResult;
use crate::app::state::{Action, AppState, Notice};
use crate::domain::change::Change;
use crate::domain::i18n::{fill, Locale};

pub fn notice(state: &UseReducerHandle<AppState>, flags: &Flags, locale: &Locale) -> Html {
    let t = locale.t();
    let Some(notice) = &state.notice else {
        return html! {};
    };
    if state.save_error.is_some() {
        // The write failed: the save error says so, and nothing claims it was saved.
        return html! {};
    }
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotice))
    };
    let (text, undo) = match notice {
        Notice::Saved(date) => (
            fill(t.notice_saved, &[("date", &locale.long_date(*date))]),
            None,
        ),
        Notice::BaselineSaved => (t.notice_baseline_saved.to_string(), None),
        Notice::SettingsSaved => (t.notice_settings_saved.to_string(), None),
        Notice::QuestionnaireSaved(title) => (
            fill(t.notice_questionnaire_saved, &[("title", title)]),
            None,
        ),
        Notice::Imported { added, replaced } => (
            fill(
                t.notice_imported,
                &[
                    ("added", &added.to_string()),
                    ("replaced", &replaced.to_string()),
                ],
            ),
            None,
        ),
        Notice::Merged(date) => (
            fill(t.notice_merged, &[("date", &locale.long_date(*date))]),
            None,
        ),
        Notice::Deleted(date, entry) => {
            let state = state.clone();
            let (date, entry) = (*date, (**entry).clone());
            let undo = Callback::from(move |_| {
                state.dispatch(Action::Edit(
                    Change::put(date, entry.clone()),
                    Some(Notice::Saved(date)),
                ))
            });
            (
                fill(t.notice_deleted, &[("date", &locale.long_date(date))]),
                Some(undo),
            )
        }
    };
    html! {
        <div class="notice" role="status">
            <p>{ text }</p>
            if let Notice::Saved(date) | Notice::Merged(date) = notice {
                <DayResult date={*date} firings={flags.firings.clone()} diary={state.diary.clone()}
                    settings={state.settings.clone()} on_clinic_phone={set_clinic_phone(state)} />
            }
            if let Some(undo) = undo {
                <button type="button" class="button" onclick={undo}>{ t.undo }</button>
            }
            <button type="button" class="button small" onclick={dismiss}>{ t.ok }</button>
        </div>
    }
}
