use std::rc::Rc;

use yew::prelude::*;

use crate::app::platform;
use crate::app::storage::Unreadable;

#[derive(Properties, PartialEq)]
pub struct UnreadableProps {
    pub info: Rc<Unreadable>,
    pub on_start_fresh: Callback<()>,
}

/// Stored data that is not a readable diary: nothing was overwritten; the patient can
/// download the raw text and choose to start again.
#[function_component]
pub fn UnreadableScreen(props: &UnreadableProps) -> Html {
    let downloaded = use_state(|| false);
    let download = {
        let (raw, downloaded) = (props.info.raw.clone(), downloaded.clone());
        Callback::from(move |_| {
            if platform::download("recovery-diary-saved-data.txt", &raw, "text/plain").is_ok() {
                downloaded.set(true);
            }
        })
    };
    let kept = props.info.quarantine_key.is_some();
    html! {
        <section class="unreadable" aria-labelledby="unreadable-title">
            <h1 id="unreadable-title">{ "We could not open your saved diary" }</h1>
            <p>{ "The diary found saved data on this phone that it cannot read. It has not changed or deleted anything." }</p>
            if kept {
                <p>{ "A safety copy of that data is kept on this phone. You can also download it, to keep it or show your clinic." }</p>
            } else {
                <p>{ "The diary could not make a safety copy (storage may be full). Please download the data before you start again." }</p>
            }
            <p class="hint">{ format!("What was wrong: {}", props.info.error) }</p>
            <button type="button" class="button" onclick={download}>{ "Download the saved data" }</button>
            if *downloaded {
                <p role="status">{ "Download started." }</p>
            }
            <button type="button" class="button primary" disabled={!kept && !*downloaded}
                onclick={props.on_start_fresh.reform(|_| ())}>
                { "Start a new diary" }
            </button>
        </section>
    }
}
