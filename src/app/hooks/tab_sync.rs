//! Tabs kept in step: another tab's save reaches this one.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::keys::Keys;
use crate::app::state::{Action, AppState};
use crate::app::storage::{self, STORAGE_CODEC};

/// Another tab saved: merge by date (this tab's unsaved changes are replayed on top).
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
                    let (keys, dispatcher, value) =
                        (keys.clone(), dispatcher.clone(), event.new_value());
                    STORAGE_CODEC.with(move |codec| {
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
