//! The diary once it is set up: its flags, the screen the patient is on and the notice of
//! the last change. A chunk of its own (`lazy::READY`): a first open shows setup, which needs
//! none of it, so the rule engine and home come with the second screen, not the first.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::clinic_questionnaires::{self, ClinicQuestionnaires};
use super::lazy;
use super::screens::{
    baseline::BaselineProps, checkin::CheckInProps, data::DataProps, flags::DayResult,
    history::HistoryProps, home::Home, questionnaire::QuestionnaireProps, report::ReportProps,
    settings::SettingsProps,
};
use super::state::{Action, AppState, Notice};
use super::widgets::Screen;
use super::{choose_language, import_callback, platform, set_reminder, use_locale};
use crate::domain::change::Change;
use crate::domain::i18n::{fill, Lang, Locale};
use crate::domain::model::{Acknowledgement, Diary, Entry, Profile};
use crate::domain::rules::{episodes, evaluate, reevaluate, ClinicSettings, Episode, Firing};

#[derive(Properties, Clone)]
pub struct ReadyProps {
    pub state: UseReducerHandle<AppState>,
    pub flags: Rc<RefCell<FlagsCache>>,
    pub clinic: Rc<ClinicQuestionnaires>,
    pub screen: Screen,
    pub today: NaiveDate,
    pub navigate: Callback<Screen>,
    /// The language chosen (for Settings' choice).
    pub language: Lang,
}

/// Renders whenever `App` does, as it did when this was inline there: comparing the state
/// would compare whole diaries.
impl PartialEq for ReadyProps {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

#[function_component]
pub fn Ready(props: &ReadyProps) -> Html {
    let locale = use_locale();
    let state = &props.state;
    let flags = flags(&props.flags, &state.diary, &state.settings);
    // Home places the notice below the warning signs to act on (the emergency is always the
    // first thing a patient sees); other screens show it on top.
    let on_home = matches!(props.screen, Screen::Home | Screen::WarningNow);
    html! {
        <>
            if !on_home { { notice(state, &flags, &locale) } }
            { screen(props, &flags, &locale) }
        </>
    }
}

/// The flags of the whole diary, evaluated once per change of the diary or the settings.
#[derive(PartialEq)]
pub struct Flags {
    pub firings: Rc<Vec<Firing>>,
    pub episodes: Rc<Vec<Episode>>,
}

/// The last flags evaluated and what they were evaluated from. `App` keeps it, so it outlives
/// this screen (the warning-sign overlay replaces it for a while).
pub type FlagsCache = Option<(Rc<Diary>, Rc<ClinicSettings>, Rc<Flags>)>;

/// The flags of the diary: evaluated in full once, then after each change only from the
/// first date that changed (`rules::reevaluate`), so a save with years of history stays fast.
fn flags(
    cache: &RefCell<FlagsCache>,
    diary: &Rc<Diary>,
    settings: &Rc<ClinicSettings>,
) -> Rc<Flags> {
    let mut cache = cache.borrow_mut();
    let firings = match &*cache {
        Some((d, s, f)) if Rc::ptr_eq(d, diary) && Rc::ptr_eq(s, settings) => return f.clone(),
        Some((d, s, f)) if **s == **settings => reevaluate(d, &f.firings, diary, settings),
        _ => evaluate(diary, settings),
    };
    let flags = Rc::new(Flags {
        episodes: Rc::new(episodes(&firings)),
        firings: Rc::new(firings),
    });
    *cache = Some((diary.clone(), settings.clone(), flags.clone()));
    flags
}

fn screen(props: &ReadyProps, flags: &Flags, locale: &Locale) -> Html {
    let (state, clinic, navigate) = (&props.state, &props.clinic, &props.navigate);
    let (screen, today, props_language) = (props.screen, props.today, props.language);
    let diary = state.diary.clone();
    let settings = state.settings.clone();
    let home = navigate.reform(|_: ()| Screen::Home);
    match screen {
        Screen::Home | Screen::WarningNow => {
            let notice = notice(state, flags, locale);
            let reminder = state.patient_settings.reminder.clone();
            let state = state.clone();
            let on_acknowledge = Callback::from(move |ack: Acknowledgement| {
                state.dispatch(Action::Edit(Change::Acknowledge(ack), None));
            });
            let due = Rc::new(clinic_questionnaires::due_now(
                clinic, &diary, today, locale,
            ));
            html! {
                <Home {diary} {today} on_navigate={navigate.clone()} episodes={flags.episodes.clone()}
                    firings={flags.firings.clone()} {notice} {due}
                    {reminder} {settings} {on_acknowledge} />
            }
        }
        Screen::CheckIn(date) => {
            let (state, navigate) = (state.clone(), navigate.clone());
            let on_save = Callback::from(move |(date, mut entry): (NaiveDate, Entry)| {
                entry.recorded_at = platform::now();
                navigate.emit(Screen::Home);
                state.dispatch(Action::Edit(
                    Change::PutCheckIn(date, entry),
                    Some(Notice::Saved(date)),
                ));
            });
            let props = CheckInProps {
                diary,
                date,
                today,
                settings,
                on_save,
                on_cancel: home,
            };
            lazy::CHECK_IN.show(props)
        }
        Screen::History => {
            let state2 = state.clone();
            let on_delete = Callback::from(move |date: NaiveDate| {
                if let Some(entry) = state2.diary.checkins.get(&date).cloned() {
                    state2.dispatch(Action::Edit(
                        Change::DeleteCheckIn(date),
                        Some(Notice::Deleted(date, Rc::new(entry))),
                    ));
                }
            });
            let props = HistoryProps {
                diary,
                today,
                on_navigate: navigate.clone(),
                on_delete,
            };
            lazy::HISTORY.show(props)
        }
        Screen::Settings => {
            let state1 = state.clone();
            let on_save = Callback::from(move |profile: Profile| {
                state1.dispatch(Action::Edit(
                    Change::SetProfile(profile),
                    Some(Notice::SettingsSaved),
                ));
            });
            let state2 = state.clone();
            let on_save_clinic =
                Callback::from(move |s| state2.dispatch(Action::SetPatientSettings(s)));
            let on_language = choose_language(state);
            let props = SettingsProps {
                diary,
                on_save,
                on_navigate: navigate.clone(),
                reminder: state.patient_settings.reminder.clone(),
                on_reminder: set_reminder(state),
                clinic: state.patient_settings.clone(),
                clinic_errors: state.settings_errors.clone(),
                on_save_clinic,
                clinic_fixed: state.config.settings.clone(),
                language: props_language,
                on_language,
                emergency_number: state.settings.emergency_number.clone(),
            };
            lazy::SETTINGS.show(props)
        }
        Screen::Baseline => {
            let (state, navigate) = (state.clone(), navigate.clone());
            let on_save = Callback::from(move |mut entry: Entry| {
                entry.recorded_on = Some(platform::today());
                entry.recorded_at = platform::now();
                navigate.emit(Screen::Home);
                state.dispatch(Action::Edit(
                    Change::SetBaseline(Some(entry)),
                    Some(Notice::BaselineSaved),
                ));
            });
            let props = BaselineProps {
                diary,
                emergency_number: settings.emergency_number.clone(),
                on_save,
                on_cancel: home,
            };
            lazy::BASELINE.show(props)
        }
        Screen::Report => {
            let props = ReportProps {
                diary,
                episodes: flags.episodes.clone(),
                firings: flags.firings.clone(),
                settings,
                clinic: clinic.clone(),
                today,
            };
            lazy::REPORT.show(props)
        }
        Screen::Questionnaire(index) => {
            let Some(offered) = clinic.offered.get(index) else {
                return html! {};
            };
            let title = offered
                .questionnaire
                .title
                .get(locale.lang.code())
                .to_string();
            let (state, go_home) = (state.clone(), navigate.clone());
            let on_submit = Callback::from(
                move |(questionnaire, response): (Rc<serde_json::Value>, serde_json::Value)| {
                    go_home.emit(Screen::Home);
                    state.dispatch(Action::Edit(
                        Change::AnswerQuestionnaire {
                            questionnaire: Box::new((*questionnaire).clone()),
                            response: Box::new(response),
                        },
                        Some(Notice::QuestionnaireSaved(title.clone())),
                    ));
                },
            );
            let props = QuestionnaireProps {
                questionnaire: offered.questionnaire.clone(),
                json: offered.json.clone(),
                on_submit,
                on_close: home,
            };
            lazy::QUESTIONNAIRE.show_keyed(offered.source.clone(), props)
        }
        Screen::Data => {
            let on_import = import_callback(state);
            let props = DataProps {
                diary,
                firings: flags.firings.clone(),
                episodes: flags.episodes.clone(),
                today,
                on_import,
            };
            lazy::DATA.show(props)
        }
    }
}

fn notice(state: &UseReducerHandle<AppState>, flags: &Flags, locale: &Locale) -> Html {
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
        Notice::Deleted(date, entry) => {
            let state = state.clone();
            let (date, entry) = (*date, (**entry).clone());
            let undo = Callback::from(move |_| {
                state.dispatch(Action::Edit(
                    Change::PutCheckIn(date, entry.clone()),
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
            if let Notice::Saved(date) = notice {
                <DayResult date={*date} firings={flags.firings.clone()} diary={state.diary.clone()} settings={state.settings.clone()} />
            }
            if let Some(undo) = undo {
                <button type="button" class="button" onclick={undo}>{ t.undo }</button>
            }
            <button type="button" class="button small" onclick={dismiss}>{ t.ok }</button>
        </div>
    }
}
