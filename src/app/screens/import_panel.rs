//! Importing a diary file: the file field, on the first download (the welcome screen of a
//! new phone offers it: "Moving from another phone?"; "Your data" too). Reading the file,
//! its checks, the merge plan and the preview are in the `file_reader` chunk
//! (`import_preview.rs`), fetched when a file is picked. A refused file changes nothing;
//! nothing is merged until the patient confirms.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::import_preview::{read_import, ImportPreviewProps, IMPORT_PREVIEW};
use crate::app::context::use_locale;
use crate::app::platform;
use crate::domain::i18n::fill;
use crate::domain::import::ImportRequest;
use crate::domain::model::Diary;

/// Files larger than this are refused before reading (a 5-year diary is about 1 MB).
const MAX_IMPORT_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[derive(Clone, PartialEq)]
enum Import {
    Idle,
    Reading,
    Refused(String),
    Preview(ImportPreviewProps),
}

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    /// The diary on this phone, which the file is compared with.
    pub current: Rc<Diary>,
    /// The file input's id: unique on the page.
    pub input_id: AttrValue,
    pub on_import: Callback<ImportRequest>,
}

#[function_component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let t = use_locale().t();
    let import = use_state(|| Import::Idle);
    let on_file = {
        let (import, current) = (import.clone(), props.current.clone());
        let (on_import, input_id) = (props.on_import.clone(), props.input_id.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Cleared, so choosing the same file again (after Cancel, or a fixed file) is a change.
            input.set_value("");
            if file.size() > MAX_IMPORT_BYTES {
                // Whole megabytes, written as an integer: no float formatting in the main module.
                let mb = ((file.size() / 1024.0 / 1024.0).round() as u64).to_string();
                import.set(Import::Refused(fill(t.file_too_big, &[("n", &mb)])));
                return;
            }
            import.set(Import::Reading);
            let (import, current) = (import.clone(), current.clone());
            let done = {
                let import = import.clone();
                Callback::from(move |_: ()| import.set(Import::Idle))
            };
            let (on_import, input_id) = (on_import.clone(), input_id.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let next = match platform::read_text(&file).await {
                    None => Import::Refused(t.file_unreadable.to_string()),
                    Some(text) => match read_import(t, current, text).await {
                        Err(_) => Import::Refused(t.lazy_failed.to_string()),
                        Ok(Err(refusal)) => Import::Refused(refusal),
                        Ok(Ok(read)) => Import::Preview(ImportPreviewProps {
                            read: Rc::new(read),
                            input_id,
                            on_import,
                            done,
                        }),
                    },
                };
                import.set(next);
            });
        })
    };
    let status = match &*import {
        Import::Idle => html! {},
        Import::Reading => html! { <p role="status">{ t.reading_file }</p> },
        Import::Refused(msg) => html! { <p class="error" role="alert">{ msg }</p> },
        Import::Preview(preview) => IMPORT_PREVIEW.show(preview.clone()),
    };
    html! {
        <>
            // The input covers a label drawn as a button, so the words are the diary's own (the
            // browser's button speaks the browser's language) and a tap lands on the input.
            <div class="file-field">
                <input id={props.input_id.clone()} type="file" accept=".json,application/json" onchange={on_file} />
                <label for={props.input_id.clone()} class="button">{ t.choose_file }</label>
            </div>
            { status }
        </>
    }
}
