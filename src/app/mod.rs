//! The Yew app. State flows one way: components send `state::Action`s to the reducer, and
//! one effect here writes storage once per change.

mod panic_screen;
mod platform;
pub mod screens;
pub mod state;
mod storage;
pub mod widgets;

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::change::Change;
use crate::domain::model::{Diary, Entry, Profile};
use screens::{
    baseline::BaselineScreen, checkin::CheckInScreen, history::History, home::long_date,
    home::Home, settings::Settings, setup::Setup, unreadable::UnreadableScreen,
    warning_now::WarningNow,
};
use state::{Action, AppState, Notice, Phase};
use widgets::{Screen, TopBar};

/// Until clinics can configure it (embedding), the default of the rule table.
const EMERGENCY_NUMBER: &str = "911";

pub fn start() {
    panic_screen::install();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

fn initial_state() -> AppState {
    match storage::load() {
        storage::Loaded::Empty => AppState::new(Phase::Setup, Diary::default()),
        storage::Loaded::Diary(diary) => AppState::new(Phase::Ready, diary),
        storage::Loaded::Unreadable(u) => {
            AppState::new(Phase::Unreadable(Rc::new(u)), Diary::default())
        }
    }
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let screen = use_state(|| Screen::Home);
    // The "Warning sign now" screen is an overlay: closing it returns to where the patient was.
    let warning_open = use_state(|| false);
    let today = platform::today();

    // The one place that writes storage: once per change, after render.
    {
        let state = state.clone();
        use_effect_with(state.revision, move |_| {
            if !state.pending.is_empty() {
                let written = state.pending.len();
                match storage::commit(&state.diary, &state.pending) {
                    Ok(stored) => state.dispatch(Action::Saved { written, stored }),
                    Err(message) => state.dispatch(Action::SaveFailed(message)),
                }
            }
        });
    }

    // Another tab saved: merge by date (this tab's unsaved changes are replayed on top).
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "storage", move |event| {
                    use wasm_bindgen::JsCast;
                    let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    if event.key().as_deref() == Some(storage::KEY) {
                        if let Some(diary) = storage::external(event.new_value()) {
                            dispatcher.dispatch(Action::External(diary));
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }

    // Move focus to the new screen's heading, so keyboard and screen-reader users land there.
    {
        use_effect_with((*screen, *warning_open), |_| {
            if let Some(h) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector("main h1").ok().flatten())
            {
                use wasm_bindgen::JsCast;
                platform::focus(h.dyn_into::<web_sys::HtmlElement>().ok());
            }
        });
    }

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

    let emergency_number = EMERGENCY_NUMBER.to_string();
    let content = if *warning_open {
        let warning_open = warning_open.clone();
        html! { <WarningNow emergency_number={emergency_number.clone()} on_close={Callback::from(move |_| warning_open.set(false))} /> }
    } else {
        match &state.phase {
            Phase::Unreadable(info) => {
                let state = state.clone();
                let on_start_fresh = Callback::from(move |_| {
                    storage::discard_unreadable();
                    state.dispatch(Action::StartFresh);
                });
                html! { <UnreadableScreen info={info.clone()} {on_start_fresh} /> }
            }
            Phase::Setup => {
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
                html! { <Setup emergency_number={emergency_number.clone()} {on_finish} /> }
            }
            Phase::Ready => ready_screen(&state, *screen, today, &navigate, &emergency_number),
        }
    };

    let top_screen = (state.phase == Phase::Ready && !*warning_open).then_some(*screen);
    html! {
        <div class="app">
            <TopBar screen={top_screen} on_navigate={navigate.clone()} />
            <main id="main">
                { save_error(&state) }
                { notice(&state, EMERGENCY_NUMBER) }
                { content }
            </main>
        </div>
    }
}

fn ready_screen(
    state: &UseReducerHandle<AppState>,
    screen: Screen,
    today: NaiveDate,
    navigate: &Callback<Screen>,
    emergency_number: &str,
) -> Html {
    let diary = state.diary.clone();
    let home = navigate.reform(|_: ()| Screen::Home);
    match screen {
        Screen::Home | Screen::WarningNow => {
            html! { <Home {diary} {today} on_navigate={navigate.clone()} /> }
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
            html! {
                <CheckInScreen {diary} {date} {today} emergency_number={emergency_number.to_string()}
                    {on_save} on_cancel={home} />
            }
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
            html! { <History {diary} {today} on_navigate={navigate.clone()} {on_delete} /> }
        }
        Screen::Settings => {
            let state = state.clone();
            let on_save = Callback::from(move |profile: Profile| {
                state.dispatch(Action::Edit(
                    Change::SetProfile(profile),
                    Some(Notice::SettingsSaved),
                ));
            });
            html! { <Settings {diary} {on_save} on_navigate={navigate.clone()} /> }
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
            html! {
                <BaselineScreen {diary} emergency_number={emergency_number.to_string()} {on_save} on_cancel={home} />
            }
        }
    }
}

fn save_error(state: &UseReducerHandle<AppState>) -> Html {
    let Some(message) = &state.save_error else {
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
            let _ = platform::download("recovery-diary-unsaved.json", &text, "application/json");
        })
    };
    html! {
        <div class="save-error" role="alert">
            <p><strong>{ "Not saved yet. " }</strong>{ message }</p>
            <button type="button" class="button" onclick={retry}>{ "Try saving again" }</button>
            <button type="button" class="button" onclick={download}>{ "Download a copy" }</button>
        </div>
    }
}

fn notice(state: &UseReducerHandle<AppState>, emergency_number: &str) -> Html {
    let Some(notice) = &state.notice else {
        return html! {};
    };
    if !state.pending.is_empty() {
        // Not written yet (or the write failed: the save error says so). Say nothing yet.
        return html! {};
    }
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::DismissNotice))
    };
    let (text, undo) = match notice {
        Notice::Saved(date) => (format!("Check-in for {} saved.", long_date(*date)), None),
        Notice::BaselineSaved => (
            "Your “before the procedure” record is saved.".to_string(),
            None,
        ),
        Notice::SettingsSaved => ("Settings saved.".to_string(), None),
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
                format!("Check-in for {} deleted.", long_date(date)),
                Some(undo),
            )
        }
    };
    // The full warning-sign flags come with the rule engine; until then a saved emergency
    // answer repeats the emergency call, and nothing claims that no warning sign matched.
    let emergency = match notice {
        Notice::Saved(date) => state
            .diary
            .checkins
            .get(date)
            .is_some_and(|e| crate::domain::questions::emergency_yes(e).next().is_some()),
        _ => false,
    };
    html! {
        <div class="notice" role="status">
            <p>{ text }</p>
            if emergency {
                <screens::warning_now::EmergencyCall number={emergency_number.to_string()} />
            }
            if let Some(undo) = undo {
                <button type="button" class="button" onclick={undo}>{ "Undo" }</button>
            }
            <button type="button" class="button small" onclick={dismiss}>{ "OK" }</button>
        </div>
    }
}
