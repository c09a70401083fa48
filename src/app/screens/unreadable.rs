use std::rc::Rc;

use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use crate::app::platform;
use crate::app::storage::Unreadable;
use crate::domain::i18n::fill;

// Stored data that does not read: rare; its explanation needs the full reader.
lazy_screen!(
    UNREADABLE,
    unreadable::unreadable_view,
    UnreadableProps,
    UnreadableScreen
);

#[derive(Properties, PartialEq, Clone)]
pub struct UnreadableProps {
    pub info: Rc<Unreadable>,
    pub on_start_fresh: Callback<()>,
}

/// Stored data that is not a readable diary: nothing was overwritten; the patient can
/// download the raw text and choose to start again.
#[function_component]
pub fn UnreadableScreen(props: &UnreadableProps) -> Html {
    let t = crate::app::context::use_locale().t();
    let downloaded = use_state(|| false);
    let download = {
        let (raw, downloaded) = (props.info.raw.clone(), downloaded.clone());
        Callback::from(move |_| {
            if platform::download("recovery-diary-saved-data.txt", &raw, "text/plain") {
                downloaded.set(true);
            }
        })
    };
    let kept = props.info.quarantine_key.is_some();
    // What was wrong, with its field path: the full reader (this screen's chunk has it) says
    // where; the fast reader that found the problem at startup does not.
    let error = use_memo(props.info.clone(), |info| {
        crate::domain::format::parse(&info.raw, platform::today())
            .err()
            .unwrap_or_else(|| info.error.clone())
    });
    html! {
        <section class="unreadable" aria-labelledby="unreadable-title">
            <h1 id="unreadable-title">{ t.unreadable_title }</h1>
            <p>{ t.unreadable_text }</p>
            if kept {
                <p>{ t.unreadable_kept }</p>
            } else {
                <p>{ t.unreadable_not_kept }</p>
            }
            <p class="hint">{ fill(t.what_was_wrong, &[("reason", &super::import_preview::format_error(t, &error))]) }</p>
            <button type="button" class="button primary" onclick={download}>{ t.download_saved_data }</button>
            if *downloaded {
                <p role="status">{ t.download_started }</p>
            }
            <button type="button" class="button" disabled={!kept && !*downloaded}
                onclick={props.on_start_fresh.reform(|_| ())}>
                { t.start_new_diary }
            </button>
        </section>
    }
}
