//! The screen the patient is on, one builder per screen: each gives the screen its props and
//! turns what the patient does there into reducer actions.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::{notice::notice, DiaryScreensProps, Flags};
use crate::app::actions::{
    choose_language, import_callback, set_clinic_phone, set_identity, set_reminder,
};
use crate::app::clinic_questionnaires::due_now;
use crate::app::navigation::Screen;
use crate::app::platform;
use crate::app::screens::baseline::{BaselineProps, BASELINE};
use crate::app::screens::checkin::{CheckInProps, CHECK_IN};
use crate::app::screens::data::{DataProps, DATA};
use crate::app::screens::history::{HistoryProps, HISTORY};
use crate::app::screens::home::Home;
use crate::app::screens::questionnaire::{QuestionnaireProps, QUESTIONNAIRE};
use crate::app::screens::report::{ReportProps, REPORT};
use crate::app::screens::settings::{SettingsProps, SETTINGS};
use crate::app::state::{Action, Notice};
use crate::domain::change::Change;
use crate::domain::i18n::Locale;
use crate::domain::model::{Acknowledgement, Entry, Profile};

pub fn screen(props: &DiaryScreensProps, flags: &Flags, locale: &Locale) -> Html {
    match props.screen {
        Screen::Home | Screen::WarningNow => home(props, flags, locale),
        Screen::CheckIn(date) => check_in(props, date, false),
        Screen::QuickCheckIn(date) => check_in(props, date, true),
        Screen::History => history(props),
        Screen::Settings => settings(props),
        Screen::Baseline => baseline(props),
        Screen::Report => report(props, flags),
        Screen::Questionnaire(index) => questionnaire(props, index, locale),
        Screen::Data => data(props, flags),
    }
}

fn go_home(props: &DiaryScreensProps) -> Callback<()> {
    props.navigate.reform(|_: ()| Screen::Home)
}

fn home(props: &DiaryScreensProps, flags: &Flags, locale: &Locale) -> Html {
    let state = &props.state;
    let notice = notice(state, flags, locale);
    let reminder = state.patient_settings.reminder.clone();
    let (diary, settings) = (state.diary.clone(), state.settings.clone());
    let due = Rc::new(due_now(&props.clinic, &diary, props.today, locale));
    let on_acknowledge = {
        let state = state.clone();
        Callback::from(move |ack: Acknowledgement| {
            state.dispatch(Action::Edit(Change::Acknowledge(ack), None));
        })
    };
    html! {
        <Home {diary} today={props.today} on_navigate={props.navigate.clone()}
            episodes={flags.episodes.clone()} firings={flags.firings.clone()} {notice} {due}
            {reminder} {settings} {on_acknowledge} on_clinic_phone={set_clinic_phone(state)} />
    }
}

fn check_in(props: &DiaryScreensProps, date: NaiveDate, quick: bool) -> Html {
    let state = &props.state;
    let on_save = {
        let (state, navigate) = (state.clone(), props.navigate.clone());
        Callback::from(
            move |(date, mut entry, base): (NaiveDate, Entry, Option<Entry>)| {
                entry.recorded_at = platform::now();
                navigate.emit(Screen::Home);
                let base = base.map(Box::new);
                state.dispatch(Action::Edit(
                    Change::PutCheckIn { date, entry, base },
                    Some(Notice::Saved(date)),
                ));
            },
        )
    };
    CHECK_IN.show(CheckInProps {
        diary: state.diary.clone(),
        date,
        today: props.today,
        settings: state.settings.clone(),
        on_save,
        on_cancel: go_home(props),
        quick,
        on_full: props.navigate.reform(move |_| Screen::CheckIn(date)),
    })
}

fn history(props: &DiaryScreensProps) -> Html {
    let state = props.state.clone();
    let on_delete = Callback::from(move |date: NaiveDate| {
        if let Some(entry) = state.diary.checkins.get(&date).cloned() {
            state.dispatch(Action::Edit(
                Change::DeleteCheckIn(date),
                Some(Notice::Deleted(date, Rc::new(entry))),
            ));
        }
    });
    HISTORY.show(HistoryProps {
        diary: props.state.diary.clone(),
        today: props.today,
        on_navigate: props.navigate.clone(),
        on_delete,
    })
}

fn settings(props: &DiaryScreensProps) -> Html {
    let state = &props.state;
    let on_save = {
        let state = state.clone();
        Callback::from(move |profile: Profile| {
            state.dispatch(Action::Edit(
                Change::SetProfile(profile),
                Some(Notice::SettingsSaved),
            ));
        })
    };
    let on_save_clinic = {
        let state = state.clone();
        Callback::from(move |s| state.dispatch(Action::SetPatientSettings(s)))
    };
    SETTINGS.show(SettingsProps {
        diary: state.diary.clone(),
        on_save,
        on_navigate: props.navigate.clone(),
        reminder: state.patient_settings.reminder.clone(),
        on_reminder: set_reminder(state),
        clinic: state.patient_settings.clone(),
        clinic_errors: state.settings_errors.clone(),
        on_save_clinic,
        clinic_fixed: state.config.fixed_numbers(),
        clinic_from_link: state.config.from_link(),
        language: props.language,
        on_language: choose_language(state),
        emergency_number: state.settings.emergency_number.clone(),
    })
}

fn baseline(props: &DiaryScreensProps) -> Html {
    let state = &props.state;
    let on_save = {
        let (state, navigate) = (state.clone(), props.navigate.clone());
        Callback::from(move |mut entry: Entry| {
            entry.recorded_on = Some(platform::today());
            entry.recorded_at = platform::now();
            navigate.emit(Screen::Home);
            state.dispatch(Action::Edit(
                Change::SetBaseline(Some(entry)),
                Some(Notice::BaselineSaved),
            ));
        })
    };
    BASELINE.show(BaselineProps {
        diary: state.diary.clone(),
        emergency_number: state.settings.emergency_number.clone(),
        on_save,
        on_cancel: go_home(props),
    })
}

fn report(props: &DiaryScreensProps, flags: &Flags) -> Html {
    REPORT.show(ReportProps {
        diary: props.state.diary.clone(),
        episodes: flags.episodes.clone(),
        firings: flags.firings.clone(),
        settings: props.state.settings.clone(),
        clinic: props.clinic.clone(),
        today: props.today,
        identity: props.state.patient_settings.identity(),
        on_identity: set_identity(&props.state),
    })
}

fn questionnaire(props: &DiaryScreensProps, index: usize, locale: &Locale) -> Html {
    let Some(offered) = props.clinic.offered.get(index) else {
        return html! {};
    };
    let title = offered
        .questionnaire
        .title
        .get(locale.lang.code())
        .to_string();
    let on_submit = {
        let (state, navigate) = (props.state.clone(), props.navigate.clone());
        Callback::from(
            move |(questionnaire, response): (Rc<serde_json::Value>, serde_json::Value)| {
                navigate.emit(Screen::Home);
                state.dispatch(Action::Edit(
                    Change::AnswerQuestionnaire {
                        questionnaire: Box::new((*questionnaire).clone()),
                        response: Box::new(response),
                    },
                    Some(Notice::QuestionnaireSaved(title.clone())),
                ));
            },
        )
    };
    let props = QuestionnaireProps {
        questionnaire: offered.questionnaire.clone(),
        json: offered.json.clone(),
        on_submit,
        on_close: go_home(props),
    };
    QUESTIONNAIRE.show_keyed(offered.source.clone(), props)
}

fn data(props: &DiaryScreensProps, flags: &Flags) -> Html {
    DATA.show(DataProps {
        diary: props.state.diary.clone(),
        firings: flags.firings.clone(),
        episodes: flags.episodes.clone(),
        today: props.today,
        on_import: import_callback(&props.state),
        identity: props.state.patient_settings.identity(),
    })
}
