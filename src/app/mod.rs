//! The Yew app. State flows one way: components send `state::Action`s to the reducer, and
//! one effect here writes storage once per change.

mod clinic_questionnaires;
mod hooks;
pub(crate) mod lazy;
mod locale;
mod mount;
mod panic_screen;
mod platform;
pub mod screens;
pub mod state;
mod storage;
pub mod widgets;

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use clinic_questionnaires::{use_clinic_questionnaires, ClinicQuestionnaires};

use crate::domain::change::Change;
use crate::domain::config::{ConfigProblem, EmbedConfig};
use crate::domain::i18n::{fill, Locale};
use crate::domain::model::{Acknowledgement, Diary, Entry, Profile};
use crate::domain::rules::{episodes, evaluate, reevaluate, ClinicSettings, Episode, Firing};
use hooks::{
    use_focus_new_screen, use_persist, use_persist_settings, use_tab_sync, use_update_notice,
};
use lazy::Lazy;
use screens::import_panel::ImportRequest;
use screens::{
    baseline::BaselineProps, checkin::CheckInProps, data::DataProps, flags::DayResult,
    history::HistoryProps, home::Home, questionnaire::QuestionnaireProps, report::ReportProps,
    settings::SettingsProps, setup::Setup, unreadable::UnreadableProps, warning_now::WarningNow,
};
use state::{Action, AppState, Notice, Phase};
use widgets::{Screen, TopBar};

pub use locale::use_locale;
pub use mount::start;
pub use storage::{Keys, StorageError};

fn initial_state(keys: &Keys, config: Rc<EmbedConfig>) -> AppState {
    let settings = storage::load_settings(keys);
    let (phase, diary) = match storage::load(keys) {
        storage::Loaded::Empty => (Phase::Setup, Diary::default()),
        storage::Loaded::Diary(diary) => (Phase::Ready, diary),
        storage::Loaded::Unreadable(u) => (Phase::Unreadable(Rc::new(u)), Diary::default()),
    };
    AppState::with_settings(phase, diary, settings, config)
}

/// What a clinic's embedding gives the app: its configuration, and what was wrong in it.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub config: Rc<EmbedConfig>,
    #[prop_or_default]
    pub problems: Rc<Vec<ConfigProblem>>,
}

/// The flags of the whole diary, evaluated once per change of the diary or the settings.
#[derive(PartialEq)]
pub struct Flags {
    pub firings: Rc<Vec<Firing>>,
    pub episodes: Rc<Vec<Episode>>,
}

/// The flags of the diary: evaluated in full once, then after each change only from the
/// first date that changed (`rules::reevaluate`), so a save with years of history stays fast.
#[hook]
fn use_flags(diary: &Rc<Diary>, settings: &Rc<ClinicSettings>) -> Rc<Flags> {
    type Cache = Option<(Rc<Diary>, Rc<ClinicSettings>, Rc<Flags>)>;
    let cache = use_mut_ref(Cache::default);
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

/// Test builds (feature `panic-test`): a `recovery-diary-test-panic` event panics, to test
/// the recovery screen. Nothing in a release.
#[cfg(feature = "panic-test")]
#[hook]
fn use_test_panic() {
    use_effect_with((), |_| {
        let listener = web_sys::window().map(|w| {
            gloo_events::EventListener::new(&w, "recovery-diary-test-panic", |_| {
                panic!("a deliberate panic of the panic-test build")
            })
        });
        move || drop(listener)
    });
}

#[cfg(not(feature = "panic-test"))]
#[hook]
fn use_test_panic() {}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let keys = use_memo(props.config.clone(), |c| Keys::new(c.storage_key()));
    let state = {
        let (keys, config) = (keys.clone(), props.config.clone());
        use_reducer(move || initial_state(&keys, config))
    };
    let main_ref = use_node_ref();
    let screen = use_state(|| Screen::Home);
    // The "Warning sign now" screen is an overlay: closing it returns to where the patient was.
    let warning_open = use_state(|| false);
    let today = platform::today();
    let locale = *use_memo(
        (state.patient_settings.language, props.config.language),
        |(patient, clinic)| locale::choose(*patient, *clinic, &platform::language()),
    );

    use_persist(&state, &keys);
    use_persist_settings(&state.patient_settings, &keys);
    let flags = use_flags(&state.diary, &state.settings);
    let clinic = use_clinic_questionnaires(&keys, &props.config.questionnaires);
    let update_ready = use_update_notice();
    use_tab_sync(&state, &keys);
    use_focus_new_screen(
        &main_ref,
        (*screen, *warning_open, state.phase == Phase::Ready),
    );

    use_test_panic();

    // Checked once: a browser that keeps nothing is said up front, before any entry.
    let probe_keys = keys.clone();
    let writable = *use_state(move || storage::writable(&probe_keys));

    let navigate = {
        let (screen, warning_open, state) = (screen.clone(), warning_open.clone(), state.clone());
        Callback::from(move |s: Screen| {
            if s == Screen::WarningNow {
                warning_open.set(true);
            } else {
                warning_open.set(false);
                screen.set(s);
                state.dispatch(Action::DismissNotice);
            }
        })
    };
    let go_home = {
        let screen = screen.clone();
        move || screen.set(Screen::Home)
    };

    let emergency_number = state.settings.emergency_number.clone();
    let content = if *warning_open {
        let warning_open = warning_open.clone();
        html! { <WarningNow emergency_number={emergency_number.clone()} on_close={Callback::from(move |_| warning_open.set(false))} /> }
    } else {
        match &state.phase {
            Phase::Unreadable(info) => {
                let (state, keys) = (state.clone(), keys.clone());
                let on_start_fresh = Callback::from(move |_| {
                    storage::discard_unreadable(&keys);
                    state.dispatch(Action::StartFresh);
                });
                let props = UnreadableProps {
                    info: info.clone(),
                    on_start_fresh,
                };
                html! { <Lazy<UnreadableProps> split={&lazy::UNREADABLE} {props} /> }
            }
            Phase::Setup => {
                let config = state.config.clone();
                let on_language = choose_language(&state);
                let on_reminder = set_reminder(&state);
                let reminder = state.patient_settings.reminder.clone();
                // A new phone's first run: the diary starts with the file's profile (procedure
                // date and units), and the file, which holds the whole diary, is today's backup.
                let on_restore = {
                    let (on_import, go_home) = (import_callback(&state), go_home.clone());
                    let (state, keys) = (state.clone(), keys.clone());
                    Callback::from(move |request: ImportRequest| {
                        let profile = request.incoming.profile.clone();
                        state.dispatch(Action::Edit(
                            Change::Start {
                                profile,
                                baseline: None,
                            },
                            None,
                        ));
                        storage::record_backup(&keys, platform::today());
                        on_import.emit(request);
                        go_home();
                    })
                };
                let (state, go_home) = (state.clone(), go_home.clone());
                let on_finish =
                    Callback::from(move |(profile, baseline): (Profile, Option<Entry>)| {
                        let baseline = baseline.map(|mut b| {
                            b.recorded_on = Some(platform::today());
                            b.recorded_at = platform::now();
                            b
                        });
                        state.dispatch(Action::Edit(Change::Start { profile, baseline }, None));
                        go_home();
                    });
                let (distance, temperature) = platform::default_units();
                let initial = Profile {
                    procedure_date: config.procedure_date,
                    distance_unit: config.distance_unit.unwrap_or(distance),
                    temperature_unit: config.temperature_unit.unwrap_or(temperature),
                };
                html! { <Setup emergency_number={emergency_number.clone()} {initial} {on_finish} {on_language} {on_restore} {on_reminder} {reminder} /> }
            }
            Phase::Ready => {
                ready_screen(&state, &flags, &clinic, *screen, today, &navigate, &locale)
            }
        }
    };

    let top_screen = (state.phase == Phase::Ready && !*warning_open).then_some(*screen);
    let on_home = matches!(top_screen, Some(Screen::Home));
    html! {
        <ContextProvider<Rc<Keys>> context={keys.clone()}>
        <ContextProvider<Locale> context={locale}>
        // `data-saving`: a change is on screen but not yet in storage (tests wait for it to go).
        <div class="app" lang={locale.lang.code()} data-saving={(!state.pending.is_empty()).then_some("")}>
            <TopBar screen={top_screen} on_navigate={navigate.clone()}
                clinic_name={props.config.clinic_name.clone()} />
            <main id="main" ref={main_ref}>
                if !props.problems.is_empty() || !clinic.problems.is_empty() {
                    <div class="config-problems" role="status">
                        <p>{ locale.t().config_problem }</p>
                        <ul>{ for props.problems.iter().chain(&clinic.problems).map(|p| html! { <li>{ format!("{}: {}", p.key, p.message) }</li> }) }</ul>
                    </div>
                }
                if !writable {
                    <p class="save-error storage-warning" role="alert">{ locale.t().storage_private }</p>
                }
                if update_ready {
                    <p class="update-ready" role="status">{ locale.t().notice_update_ready }</p>
                }
                { save_error(&state, &locale) }
                // Home places the notice below the warning signs to act on (the emergency is
                // always the first thing a patient sees); other screens show it on top.
                if !on_home { { notice(&state, &flags, &locale) } }
                { content }
            </main>
        </div>
        </ContextProvider<Locale>>
        </ContextProvider<Rc<Keys>>>
    }
}

fn ready_screen(
    state: &UseReducerHandle<AppState>,
    flags: &Flags,
    clinic: &Rc<ClinicQuestionnaires>,
    screen: Screen,
    today: NaiveDate,
    navigate: &Callback<Screen>,
    locale: &Locale,
) -> Html {
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
            html! { <Lazy<CheckInProps> split={&lazy::CHECK_IN} {props} /> }
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
            html! { <Lazy<HistoryProps> split={&lazy::HISTORY} {props} /> }
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
                on_language,
                emergency_number: state.settings.emergency_number.clone(),
            };
            html! { <Lazy<SettingsProps> split={&lazy::SETTINGS} {props} /> }
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
            html! { <Lazy<BaselineProps> split={&lazy::BASELINE} {props} /> }
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
            html! { <Lazy<ReportProps> split={&lazy::REPORT} {props} /> }
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
            html! { <Lazy<QuestionnaireProps> key={offered.source.clone()} split={&lazy::QUESTIONNAIRE} {props} /> }
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
            html! { <Lazy<DataProps> split={&lazy::DATA} {props} /> }
        }
    }
}

/// The patient confirmed an import: merged by date, nothing deleted.
fn import_callback(state: &UseReducerHandle<AppState>) -> Callback<ImportRequest> {
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
    apply: fn(&mut storage::PatientSettings, T),
) -> Callback<T> {
    let state = state.clone();
    Callback::from(move |value| {
        let mut next = state.patient_settings.clone();
        apply(&mut next, value);
        state.dispatch(Action::SetPreferences(next));
    })
}

/// The patient picked a language.
fn choose_language(state: &UseReducerHandle<AppState>) -> Callback<crate::domain::i18n::Lang> {
    set_preference(state, |s, lang| s.language = Some(lang))
}

/// The patient made a calendar file for the daily reminder.
fn set_reminder(state: &UseReducerHandle<AppState>) -> Callback<crate::domain::reminder::Reminder> {
    set_preference(state, |s, reminder| s.reminder = Some(reminder))
}

fn save_error(state: &UseReducerHandle<AppState>, locale: &Locale) -> Html {
    let t = locale.t();
    let Some(error) = &state.save_error else {
        return html! {};
    };
    let retry = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::RetrySave))
    };
    let download = {
        let diary = state.diary.clone();
        Callback::from(move |_| {
            let text = crate::domain::format::to_json(&diary, platform::now());
            platform::download("recovery-diary-unsaved.json", &text, "application/json");
        })
    };
    html! {
        <div class="save-error" role="alert">
            <p><strong>{ t.not_saved_yet }</strong>{ " " }{ error.text(t) }</p>
            <button type="button" class="button" onclick={retry}>{ t.try_saving_again }</button>
            <button type="button" class="button" onclick={download}>{ t.download_a_copy }</button>
        </div>
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
