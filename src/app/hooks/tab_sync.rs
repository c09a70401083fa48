//! Tabs kept in step: another tab's save reaches this one.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::keys::Keys;
use crate::app::platform;
use crate::app::state::{Action, AppState};
use crate::app::storage::{self, STORAGE_CODEC};

/// Another tab saved: its diary, with this tab's unsaved changes replayed on top (a day both
/// saved merges answer by answer, and the notice says so).
#[hook]
pub fn use_tab_sync(state: &UseReducerHandle<AppState>, keys: &Rc<Keys>) {
    let (dispatcher, keys) = (state.dispatcher(), keys.clone());
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            gloo_events::EventListener::new(&w, "storage", move |event| {
                use wasm_bindgen::JsCast;
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() == Some(keys.main.as_str()) {
                    let (keys, dispatcher) = (keys.clone(), dispatcher.clone());
                    STORAGE_CODEC.with(move |codec| {
                        let today = platform::today();
                        if let Some(diary) =
                            codec.and_then(|codec| storage::external(&keys, codec.read, today))
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
