//! The notice that a new version of the diary is ready.

use yew::prelude::*;

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
