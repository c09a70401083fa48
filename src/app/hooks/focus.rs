//! Focus for keyboard and screen-reader users when the screen changes.

use yew::prelude::*;

use crate::app::navigation::Screen;
use crate::app::platform;

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
