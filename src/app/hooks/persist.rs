//! The diary in storage: opened once its reader is here, written once per change (the only
//! write of the diary), and the patient's settings written when they change.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::chunks::{use_attempts, Attempts};
use crate::app::keys::Keys;
use crate::app::platform;
use crate::app::state::{Action, AppState, Phase};
use crate::app::storage::{self, PatientSettings, STORAGE_CODEC};

/// The one place that writes the diary to storage: once per change, in a task of its own
/// right after the render, so the patient sees the result without waiting for a megabyte to
/// be written. A reload in between loses at most the change being saved; a change that
/// could not be written waits in a queue a reload finds (`storage::commit`).
#[hook]
pub fn use_persist(state: &UseReducerHandle<AppState>, keys: &Rc<Keys>) {
    let (state, keys) = (state.clone(), keys.clone());
    use_effect_with(state.revision, move |_| {
        if !state.pending.is_empty() {
            let (diary, pending, dispatcher) = (
                state.diary.clone(),
                state.pending.clone(),
                state.dispatcher(),
            );
            platform::later(move || {
                let done = move |result| match result {
                    Ok(committed) => dispatcher.dispatch(Action::Saved(committed)),
                    Err(error) => dispatcher.dispatch(Action::SaveFailed(error)),
                };
                // The first save of a new diary waits for the codec's chunk (setup asked for
                // it already; changes keep their order, as they await it in turn).
                STORAGE_CODEC.with(move |codec| {
                    done(match codec {
                        Some(codec) => (codec.commit)(&keys, &diary, &pending, platform::today()),
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
    keys: &Rc<Keys>,
) -> Option<Callback<()>> {
    let opening = state.phase == Phase::Opening;
    let Attempts {
        attempt,
        failed,
        retry,
    } = use_attempts();
    {
        let (dispatcher, keys, failed) = (state.dispatcher(), keys.clone(), failed.clone());
        use_effect_with((opening, attempt), move |(opening, _)| {
            if *opening {
                STORAGE_CODEC.with(move |codec| match codec {
                    Some(codec) => {
                        dispatcher.dispatch(Action::Opened((codec.load)(&keys, platform::today())))
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
pub fn use_persist_settings(settings: &PatientSettings, keys: &Rc<Keys>) {
    let keys = keys.clone();
    use_effect_with(settings.clone(), move |settings| {
        if storage::load_settings(&keys) != *settings {
            let _ = storage::save_settings(&keys, settings);
        }
    });
}
