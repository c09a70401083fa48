//! The Yew app. State flows one way: components send `state::Action`s to the reducer, and
//! one effect here writes storage once per change.

mod clinic_questionnaires;
mod hooks;
pub(crate) mod lazy;
mod locale;
mod mount;
mod panic_screen;
mod platform;
mod ready;
pub mod screens;
pub mod state;
mod storage;
pub mod widgets;

use std::rc::Rc;

use yew::prelude::*;

use clinic_questionnaires::use_clinic_questionnaires;

use crate::domain::change::Change;
use crate::domain::config::{ConfigProblem, EmbedConfig};
use crate::domain::i18n::Locale;
use crate::domain::model::{Diary, Entry, Profile};
use hooks::{
    use_focus_new_screen, use_open_stored, use_persist, use_persist_settings, use_tab_sync,
    use_update_notice,
};
use ready::{FlagsCache, ReadyProps};
use screens::import_panel::ImportRequest;
use screens::{setup::Setup, unreadable::UnreadableProps, warning_now::WarningNow};
use state::{Action, AppState, Notice, Phase};
use widgets::{Screen, TopBar};

use locale::use_chosen_locale;
pub use locale::use_locale;
pub use mount::start;
pub use storage::{Keys, StorageError};

fn initial_state(keys: &Keys, config: Rc<EmbedConfig>) -> AppState {
    let settings = storage::load_settings(keys);
    let phase = if storage::has_diary(keys) {
        Phase::Opening
    } else {
        Phase::Setup
    };
    AppState::with_settings(phase, Diary::default(), settings, config)
}

/// What a clinic's embedding gives the app: its configuration, and what was wrong in it.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub config: Rc<EmbedConfig>,
    #[prop_or_default]
    pub problems: Rc<Vec<ConfigProblem>>,
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
    let browser_language = use_memo((), |_| platform::language());
    let lang = locale::choose(
        state.patient_settings.language,
        props.config.language,
        &browser_language,
    );
    let locale = use_chosen_locale(lang, &browser_language);

    let open_failed = use_open_stored(&state, &keys);
    use_persist(&state, &keys);
    use_persist_settings(&state.patient_settings, &keys);
    let flags = use_mut_ref(FlagsCache::default);
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

    let Some(locale) = locale else {
        // The first render in Spanish, while its texts are on their way (a moment): the
        // shell index.html painted, unchanged.
        return html! {
            <div class="app">
                <header class="top-bar"><div class="top-row"><p class="app-name">{ "Recovery Diary" }</p></div></header>
                <main class="starting" aria-busy="true"></main>
            </div>
        };
    };

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
            Phase::Opening => match open_failed {
                Some(retry) => lazy::failed(locale.t(), retry),
                None => lazy::loading(locale.t()),
            },
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
                lazy::UNREADABLE.show(props)
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
                html! { <Setup emergency_number={emergency_number.clone()} {initial} {on_finish} language={lang} {on_language} {on_restore} {on_reminder} {reminder} /> }
            }
            Phase::Ready => {
                let props = ReadyProps {
                    state: state.clone(),
                    flags: flags.clone(),
                    clinic: clinic.clone(),
                    screen: *screen,
                    today,
                    navigate: navigate.clone(),
                    language: lang,
                };
                lazy::READY.show(props)
            }
        }
    };

    let top_screen = (state.phase == Phase::Ready && !*warning_open).then_some(*screen);
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
                { content }
            </main>
        </div>
        </ContextProvider<Locale>>
        </ContextProvider<Rc<Keys>>>
    }
}

/// The patient confirmed an import: merged by date, nothing deleted.
pub(crate) fn import_callback(state: &UseReducerHandle<AppState>) -> Callback<ImportRequest> {
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
pub(crate) fn choose_language(
    state: &UseReducerHandle<AppState>,
) -> Callback<crate::domain::i18n::Lang> {
    set_preference(state, |s, lang| s.language = Some(lang))
}

/// The patient made a calendar file for the daily reminder.
pub(crate) fn set_reminder(
    state: &UseReducerHandle<AppState>,
) -> Callback<crate::domain::reminder::Reminder> {
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
            let diary = diary.clone();
            lazy::STORAGE_CODEC.with(move |codec| {
                if let Some(codec) = codec {
                    let text = (codec.write)(&diary, platform::now());
                    platform::download("recovery-diary-unsaved.json", &text, "application/json");
                }
            });
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
