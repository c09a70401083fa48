//! `App`: one diary, from its configuration to the screen shown. It reads as a list of what
//! the app does (each effect a named hook); the screens of each phase are built below.

use std::rc::Rc;

use yew::prelude::*;

use super::actions::{choose_language, import_callback, set_clinic_numbers, set_reminder};
use super::chunks;
use super::clinic_questionnaires::{use_clinic_questionnaires, ClinicQuestionnaires};
use super::diary_screens::{DiaryScreensProps, FlagsCache, DIARY_SCREENS};
use super::hooks::focus::use_focus_new_screen;
use super::hooks::persist::{use_open_stored, use_persist, use_persist_settings};
use super::hooks::tab_sync::use_tab_sync;
use super::hooks::test_panic::use_test_panic;
use super::hooks::update_notice::use_update_notice;
use super::keys::Keys;
use super::locale::{choose, use_chosen_locale};
use super::navigation::Screen;
use super::platform;
use super::screens::save_error::{SaveErrorProps, SAVE_ERROR};
use super::screens::setup::Setup;
use super::screens::unreadable::{UnreadableProps, UNREADABLE};
use super::screens::warning_now::WarningNow;
use super::state::{Action, AppState, Phase};
use super::storage::{self, StorageError, STORAGE_CODEC};
use super::widgets::top_bar::TopBar;
use crate::domain::change::{Change, What};
use crate::domain::config::{ConfigProblem, EmbedConfig};
use crate::domain::i18n::{Lang, Locale};
use crate::domain::import::ImportRequest;
use crate::domain::model::{Diary, Entry, Profile};

/// What a clinic's embedding gives the app: its configuration, and what was wrong in it.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub config: Rc<EmbedConfig>,
    #[prop_or_default]
    pub problems: Rc<Vec<ConfigProblem>>,
}

fn initial_state(keys: &Keys, config: Rc<EmbedConfig>) -> AppState {
    let settings = storage::load_settings(keys);
    // Storage that would not be read is opened (and said) like a stored diary: never
    // taken for a new one, so setup is never offered over a diary that may be there.
    let phase = match storage::has_diary(keys) {
        Ok(false) => Phase::Setup,
        Ok(true) | Err(_) => Phase::Opening,
    };
    AppState::with_settings(phase, Diary::default(), settings, config)
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let keys = use_memo(props.config.clone(), |c| Keys::new(c.storage_key()));
    let state = {
        let (keys, config) = (keys.clone(), props.config.clone());
        use_reducer(move || initial_state(&keys, config))
    };
    let main_ref = use_node_ref();
    let screen = use_state(|| Screen::Home);
    // "Warning sign now" is an overlay: closing it returns to where the patient was.
    let warning_open = use_state(|| false);
    let browser_language = use_memo((), |_| platform::language());
    let lang = choose(
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
    let ready = state.phase == Phase::Ready;
    use_focus_new_screen(&main_ref, (*screen, *warning_open, ready));
    use_test_panic();
    // Checked once: a browser that keeps nothing, or whose storage is full, is said up
    // front, before any entry.
    let probe = {
        let keys = keys.clone();
        *use_state(move || storage::probe(&keys))
    };

    let Some(locale) = locale else {
        return spanish_on_its_way();
    };
    let navigate = navigate(&screen, &warning_open, &state);
    let content = if *warning_open {
        let warning_open = warning_open.clone();
        let on_close = Callback::from(move |_| warning_open.set(false));
        let s = &state.settings;
        html! {
            <WarningNow emergency_number={s.emergency_number.clone()} clinic_phone={s.clinic_phone.clone()}
                after_hours_phone={s.after_hours_phone.clone()} {on_close} />
        }
    } else {
        let shown = Shown {
            state: &state,
            keys: &keys,
            screen: &screen,
            flags,
            clinic: &clinic,
            navigate: &navigate,
            lang,
        };
        phase_content(shown, open_failed, &locale)
    };
    let top_screen = (ready && !*warning_open).then_some(*screen);
    html! {
        <ContextProvider<Rc<Keys>> context={keys.clone()}>
        <ContextProvider<Locale> context={locale}>
        // `data-saving`: a change is on screen but not yet in storage (tests wait for it to go).
        <div class="app" lang={locale.lang.code()} data-saving={(!state.pending.is_empty()).then_some("")}>
            <TopBar screen={top_screen} on_navigate={navigate}
                clinic_name={props.config.clinic_name.clone()} />
            <main id="main" ref={main_ref}>
                { config_problems(&props.problems, &clinic.problems, &state, &locale) }
                { storage_warning(probe, &locale) }
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

/// The first render in Spanish, while its texts are on their way (a moment): the shell
/// index.html painted, unchanged.
fn spanish_on_its_way() -> Html {
    html! {
        <div class="app">
            <header class="top-bar"><div class="top-row"><p class="app-name">{ "Recovery Diary" }</p></div></header>
            <main class="starting" aria-busy="true"></main>
        </div>
    }
}

/// Goes to a screen: "Warning sign now" opens over the screen shown; any other replaces it.
fn navigate(
    screen: &UseStateHandle<Screen>,
    warning_open: &UseStateHandle<bool>,
    state: &UseReducerHandle<AppState>,
) -> Callback<Screen> {
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
}

/// What the screen of each phase needs from `App`.
struct Shown<'a> {
    state: &'a UseReducerHandle<AppState>,
    keys: &'a Rc<Keys>,
    screen: &'a UseStateHandle<Screen>,
    flags: Rc<std::cell::RefCell<FlagsCache>>,
    clinic: &'a Rc<ClinicQuestionnaires>,
    navigate: &'a Callback<Screen>,
    lang: Lang,
}

/// The screen of the diary's phase: opening, unreadable, setup, or the set-up diary.
fn phase_content(shown: Shown, open_failed: Option<Callback<()>>, locale: &Locale) -> Html {
    let state = shown.state;
    match &state.phase {
        Phase::Opening => match open_failed {
            Some(retry) => chunks::failed(locale.t(), retry),
            None => chunks::loading(locale.t()),
        },
        Phase::Unreadable(info) => {
            let (state, keys) = (state.clone(), shown.keys.clone());
            let on_start_fresh = Callback::from(move |_| {
                storage::discard_unreadable(&keys);
                state.dispatch(Action::StartFresh);
            });
            UNREADABLE.show(UnreadableProps {
                info: info.clone(),
                on_start_fresh,
            })
        }
        Phase::StorageFailed => storage_failed(state, locale),
        Phase::Setup => setup(&shown),
        Phase::Ready => DIARY_SCREENS.show(DiaryScreensProps {
            state: state.clone(),
            flags: shown.flags.clone(),
            clinic: shown.clinic.clone(),
            screen: **shown.screen,
            today: platform::today(),
            navigate: shown.navigate.clone(),
            language: shown.lang,
        }),
    }
}

/// First run: setup, or a restore from the old phone's file.
fn setup(shown: &Shown) -> Html {
    let state = shown.state;
    let go_home = {
        let screen = shown.screen.clone();
        move || screen.set(Screen::Home)
    };
    // A new phone's first run: the diary starts with the file's profile (procedure date and
    // units), and the file, which holds the whole diary, is today's backup.
    let on_restore = {
        let (on_import, go_home) = (import_callback(state), go_home.clone());
        let (state, keys) = (state.clone(), shown.keys.clone());
        Callback::from(move |request: ImportRequest| {
            let profile = request.incoming.profile.clone();
            let start = Change::Start {
                profile,
                baseline: None,
            };
            state.dispatch(Action::Edit(start, None));
            storage::record_backup(&keys, platform::today());
            on_import.emit(request);
            go_home();
        })
    };
    let on_finish = {
        let state = state.clone();
        Callback::from(move |(profile, baseline): (Profile, Option<Entry>)| {
            let baseline = baseline.map(|mut b| {
                b.recorded_on = Some(platform::today());
                b.recorded_at = platform::now();
                b
            });
            state.dispatch(Action::Edit(Change::Start { profile, baseline }, None));
            go_home();
        })
    };
    // Past the welcome page, what the end of setup needs is fetched in the background (the
    // first open itself downloads neither): the storage codec and the diary's screens, one
    // chunk; both are asked for so that each is kept once it is here.
    let on_started = Callback::from(|_| {
        STORAGE_CODEC.prefetch();
        DIARY_SCREENS.prefetch();
    });
    let config = &state.config;
    let (distance, temperature) = platform::default_units();
    let today = platform::today();
    let initial = Profile {
        procedure_date: config
            .procedure_date
            .filter(|d| crate::domain::model::bounds::procedure_date_ok(*d, today)),
        distance_unit: config.distance_unit.unwrap_or(distance),
        temperature_unit: config.temperature_unit.unwrap_or(temperature),
    };
    html! {
        <Setup emergency_number={state.settings.emergency_number.clone()} {initial} {on_finish}
            language={shown.lang} on_language={choose_language(state)} {on_restore}
            on_reminder={set_reminder(state)} reminder={state.patient_settings.reminder.clone()}
            {on_started} clinic_phone_set={config.settings.clinic_phone.is_some()}
            on_clinic_numbers={set_clinic_numbers(state)} />
    }
}

/// The integrator's notice: what was wrong in the clinic's configuration and files, and
/// each number a link gave that the patient's own number overrides.
fn config_problems(
    config: &[ConfigProblem],
    files: &[ConfigProblem],
    state: &AppState,
    locale: &Locale,
) -> Html {
    let kept = state.config.kept_over_link(&state.patient_settings.raw());
    if config.is_empty() && files.is_empty() && kept.is_empty() {
        return html! {};
    }
    html! {
        <div class="config-problems" role="status">
            <p>{ locale.t().config_problem }</p>
            <ul>{ for config.iter().chain(files).chain(&kept).map(|p| html! { <li>{ format!("{}: {}", p.key, p.message) }</li> }) }</ul>
        </div>
    }
}

/// Said up front: storage that keeps nothing (blocked, private browsing) or that is full.
fn storage_warning(probe: Result<(), StorageError>, locale: &Locale) -> Html {
    let t = locale.t();
    let text = match probe {
        Ok(()) => return html! {},
        Err(StorageError::Full) => t.storage_full,
        Err(_) => t.storage_private,
    };
    html! { <p class="save-error storage-warning" role="alert">{ text }</p> }
}

/// The browser would not let the diary read its storage: said, with a way to try again;
/// nothing here can write over the diary that may be there.
fn storage_failed(state: &UseReducerHandle<AppState>, locale: &Locale) -> Html {
    let t = locale.t();
    let retry = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::RetryOpen))
    };
    html! {
        <section class="unreadable" aria-labelledby="storage-failed-title">
            <h1 id="storage-failed-title" tabindex="-1">{ t.storage_read_failed_title }</h1>
            <p>{ t.storage_read_failed_text }</p>
            <button type="button" class="button primary" onclick={retry}>{ t.try_again }</button>
        </section>
    }
}

/// A write that failed: what was not saved, said plainly, with a retry and a copy to download.
fn save_error(state: &UseReducerHandle<AppState>, locale: &Locale) -> Html {
    let Some(error) = state.save_error else {
        return html! {};
    };
    let on_retry = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::RetrySave))
    };
    if STORAGE_CODEC.loaded().is_none() {
        // The part of the diary that writes could not be fetched: said, with a retry (what
        // waits is on screen; the list and the download come with that part).
        let t = locale.t();
        return html! {
            <div class="save-error" role="alert">
                <p><strong>{ t.not_saved_yet }</strong>{ " " }{ error.error.text(t) }</p>
                <button type="button" class="button" onclick={on_retry.reform(|_| ())}>{ t.try_saving_again }</button>
            </div>
        };
    }
    let unsaved: Vec<What> = state.pending.iter().map(Change::what).collect();
    // Everything else is saved when the diary itself is (its first change is in storage).
    let others_saved = !unsaved.contains(&What::Start);
    SAVE_ERROR.show(SaveErrorProps {
        error,
        unsaved: Rc::new(unsaved),
        others_saved,
        diary: state.diary.clone(),
        on_retry,
    })
}
