//! The app's effects, each a named hook, so `App` reads as a list of what the app does.

use yew::prelude::*;

use super::state::{Action, AppState, Phase};
use super::storage::{self, Keys, PatientSettings};
use super::{lazy, platform, widgets::Screen};

/// The one place that writes the diary to storage: once per change, in a task of its own
/// right after the render, so the patient sees the result without waiting for a megabyte to
/// be written. A reload in between loses at most the change being saved.
#[hook]
pub fn use_persist(state: &UseReducerHandle<AppState>, keys: &std::rc::Rc<Keys>) {
    let (state, keys) = (state.clone(), keys.clone());
    use_effect_with(state.revision, move |_| {
        if !state.pending.is_empty() {
            let (diary, pending, dispatcher) = (
                state.diary.clone(),
                state.pending.clone(),
                state.dispatcher(),
            );
            platform::later(move || {
                let written = pending.len();
                let done = move |result| match result {
                    Ok(stored) => dispatcher.dispatch(Action::Saved { written, stored }),
                    Err(error) => dispatcher.dispatch(Action::SaveFailed(error)),
                };
                // The first save of a new diary waits for the codec's chunk (setup asked for
                // it already; changes keep their order, as they await it in turn).
                lazy::STORAGE_CODEC.with(move |codec| {
                    done(match codec {
                        Some(codec) => storage::commit(&keys, &diary, &pending, codec),
                        None => Err(storage::StorageError::NotLoaded),
                    })
                });
            });
        }
    });
}

/// Reads the stored diary once the storage codec's chunk is here (a first open, with nothing stored,
/// never fetches it). `Some(retry)` when the chunk could not be fetched.
#[hook]
pub fn use_open_stored(
    state: &UseReducerHandle<AppState>,
    keys: &std::rc::Rc<Keys>,
) -> Option<Callback<()>> {
    let opening = state.phase == Phase::Opening;
    let lazy::Attempts {
        attempt,
        failed,
        retry,
    } = lazy::use_attempts();
    {
        let (dispatcher, keys, failed) = (state.dispatcher(), keys.clone(), failed.clone());
        use_effect_with((opening, attempt), move |(opening, _)| {
            if *opening {
                lazy::STORAGE_CODEC.with(move |codec| match codec {
                    Some(codec) => {
                        dispatcher.dispatch(Action::Opened(storage::load(&keys, codec.read)))
                    }
                    None => failed.set(true),
                });
            }
        });
    }
    (opening && *failed).then_some(retry)
}

/// The patient's settings (clinic numbers, language): written when they change.
#[hook]
pub fn use_persist_settings(settings: &PatientSettings, keys: &std::rc::Rc<Keys>) {
    let keys = keys.clone();
    use_effect_with(settings.clone(), move |settings| {
        if storage::load_settings(&keys) != *settings {
            let _ = storage::save_settings(&keys, settings);
        }
    });
}

/// Whether the service worker installed a new version (boot.js tells); it is used next time.
#[hook]
pub fn use_update_notice() -> bool {
    let update_ready = use_state(|| false);
    {
        let update_ready = update_ready.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "recovery-diary-update-ready", move |_| {
                    update_ready.set(true)
                })
            });
            move || drop(listener)
        });
    }
    *update_ready
}

/// Another tab saved: merge by date (this tab's unsaved changes are replayed on top).
#[hook]
pub fn use_tab_sync(state: &UseReducerHandle<AppState>, keys: &std::rc::Rc<Keys>) {
    let (dispatcher, keys) = (state.dispatcher(), keys.clone());
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            gloo_events::EventListener::new(&w, "storage", move |event| {
                use wasm_bindgen::JsCast;
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() == Some(keys.main.as_str()) {
                    let (keys, dispatcher, value) =
                        (keys.clone(), dispatcher.clone(), event.new_value());
                    lazy::STORAGE_CODEC.with(move |codec| {
                        if let Some(diary) =
                            codec.and_then(|codec| storage::external(&keys, value, codec.read))
                        {
                            dispatcher.dispatch(Action::External(diary));
                        }
                    });
                }
            })
        });
        move || drop(listener)
    });
}

/// Moves focus to a new screen's heading, so keyboard and screen-reader users land there
/// (also when setup or a restore ends on the home screen). `shown`: the screen, whether the
/// warning overlay is open, and whether the diary is ready.
#[hook]
pub fn use_focus_new_screen(main_ref: &NodeRef, shown: (Screen, bool, bool)) {
    let main_ref = main_ref.clone();
    use_effect_with(shown, move |_| {
        use wasm_bindgen::JsCast;
        let main = main_ref.cast::<web_sys::Element>();
        let heading = main
            .as_ref()
            .and_then(|m| m.query_selector("h1").ok().flatten())
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
        // The whole diary (top bar included) is the container brought into view.
        let app = main.as_ref().and_then(|m| m.parent_element());
        if let (Some(app), Some(heading)) = (app, heading) {
            platform::show_new_screen(&app, heading);
        }
    });
}
