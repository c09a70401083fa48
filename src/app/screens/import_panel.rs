//! Importing a diary file: the file picker, the checks, the merge preview and the confirm.
//! Used by "Your data" and by the welcome screen of a new phone ("Moving from another
//! phone?"). A refused file changes nothing; nothing is merged until the patient confirms.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::chunks::chunk_fn;
use crate::app::context::use_locale;
use crate::app::platform;
use crate::domain::format::{FormatError, FormatErrorKind, Parsed};
use crate::domain::i18n::{fill, Texts};
use crate::domain::import::{plan, ImportPlan, ImportRequest};
use crate::domain::model::Diary;

/// Files larger than this are refused before reading (a 5-year diary is about 1 MB).
const MAX_IMPORT_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[derive(Clone, PartialEq)]
enum Import {
    Idle,
    Reading,
    Refused(String),
    Preview {
        incoming: Rc<Diary>,
        plan: Rc<ImportPlan>,
        ignored: usize,
        replace: bool,
    },
}

// The full reader of diary files (field paths, unknown fields), for an import: the stored
// diary is read with the small one (`format::read_stored`, in the storage codec).
chunk_fn!(
    file_reader,
    fn read_file(text: String) -> Result<Parsed, FormatError> {
        // The phone's date: a file holds no check-in after tomorrow.
        crate::domain::format::parse(&text, crate::app::platform::today())
    }
);

/// Reads a file the patient picked: `Err(None)` when the reader's chunk could not be loaded.
async fn parse_file(text: String) -> Result<Parsed, Option<FormatError>> {
    match read_file(text).await {
        Ok(read) => read.map_err(Some),
        Err(_) => Err(None),
    }
}

/// Why a file or stored value is not a readable diary: the patient's words, then the
/// technical detail (field path and reason) for whoever helps them.
pub fn format_error(t: &Texts, e: &FormatError) -> String {
    let plain = match e.kind {
        FormatErrorKind::NotJson => t.format_not_json,
        FormatErrorKind::NotADiary => t.format_not_diary,
        FormatErrorKind::NewerVersion => t.format_newer,
        FormatErrorKind::Invalid => t.format_invalid,
        FormatErrorKind::OutOfRange => t.format_out_of_range,
        FormatErrorKind::DuplicateKey => t.format_duplicate_key,
    };
    format!(
        "{plain} {}",
        fill(t.technical_detail, &[("detail", &e.to_string())])
    )
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
    let locale = use_locale();
    let t = locale.t();
    let import = use_state(|| Import::Idle);

    let on_file = {
        let (import, current) = (import.clone(), props.current.clone());
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
                let mb = format!("{:.0}", file.size() / 1024.0 / 1024.0);
                import.set(Import::Refused(fill(t.file_too_big, &[("n", &mb)])));
                return;
            }
            import.set(Import::Reading);
            let (import, current) = (import.clone(), current.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let next = match platform::read_text(&file).await {
                    None => Import::Refused(t.file_unreadable.to_string()),
                    Some(text) => match parse_file(text).await {
                        Err(Some(e)) => Import::Refused(fill(
                            t.import_refused,
                            &[("reason", &format_error(t, &e))],
                        )),
                        Err(None) => Import::Refused(t.lazy_failed.to_string()),
                        Ok(parsed) => Import::Preview {
                            plan: Rc::new(plan(&current, &parsed.diary)),
                            incoming: Rc::new(parsed.diary),
                            ignored: parsed.ignored_fields.len(),
                            replace: false,
                        },
                    },
                };
                import.set(next);
            });
        })
    };

    let preview = match &*import {
        Import::Idle => html! {},
        Import::Reading => html! { <p role="status">{ t.reading_file }</p> },
        Import::Refused(msg) => html! { <p class="error" role="alert">{ msg }</p> },
        Import::Preview {
            incoming,
            plan: p,
            ignored,
            replace,
        } => {
            let set_replace = |value: bool| {
                let import = import.clone();
                Callback::from(move |_: Event| {
                    let mut next = (*import).clone();
                    if let Import::Preview { replace, .. } = &mut next {
                        *replace = value;
                    }
                    import.set(next);
                })
            };
            let confirm = {
                let (import, on_import) = (import.clone(), props.on_import.clone());
                let (incoming, p, replace) = (incoming.clone(), p.clone(), *replace);
                Callback::from(move |_: MouseEvent| {
                    on_import.emit(ImportRequest {
                        incoming: (*incoming).clone(),
                        replace_different: replace,
                        plan: (*p).clone(),
                    });
                    import.set(Import::Idle);
                })
            };
            let cancel = {
                let import = import.clone();
                Callback::from(move |_: MouseEvent| import.set(Import::Idle))
            };
            let other_date = p
                .other_procedure_date
                .zip(props.current.profile.procedure_date);
            let radio_name = format!("{}-replace", props.input_id);
            html! {
                <div class="card import-preview" role="region" aria-label={t.import_preview}>
                    <h3>{ t.import_preview_title }</h3>
                    <ul>
                        <li>{ fill(t.import_added, &[("n", &p.added.len().to_string())]) }</li>
                        <li>{ fill(t.import_identical, &[("n", &p.identical.len().to_string())]) }</li>
                        <li>{ fill(t.import_different, &[("n", &p.different.len().to_string())]) }</li>
                        if p.adds_baseline { <li>{ t.import_baseline }</li> }
                        if p.adds_procedure_date { <li>{ t.import_procedure_date }</li> }
                        if let Some((theirs, mine)) = other_date {
                            <li>{ fill(t.import_other_procedure_date, &[
                                ("theirs", &locale.date(theirs)), ("mine", &locale.date(mine)),
                            ]) }</li>
                        }
                        if *ignored > 0 { <li>{ fill(t.import_ignored, &[("n", &ignored.to_string())]) }</li> }
                    </ul>
                    if !p.different.is_empty() {
                        <fieldset class="choice">
                            <legend>{ t.import_differ_legend }</legend>
                            <label class="radio"><input type="radio" name={radio_name.clone()} checked={!*replace} onchange={set_replace(false)} />{ " " }{ t.import_keep }</label>
                            <label class="radio"><input type="radio" name={radio_name} checked={*replace} onchange={set_replace(true)} />{ " " }{ t.import_replace }</label>
                        </fieldset>
                    }
                    <p>{ t.import_deletes_nothing }</p>
                    <button type="button" class="button primary" disabled={!p.changes_anything(*replace)} onclick={confirm}>{ t.import }</button>
                    <button type="button" class="button" onclick={cancel}>{ t.cancel }</button>
                </div>
            }
        }
    };

    html! {
        <>
            // The input covers a label drawn as a button, so the words are the diary's own (the
            // browser's button speaks the browser's language) and a tap lands on the input.
            <div class="file-field">
                <input id={props.input_id.clone()} type="file" accept=".json,application/json" onchange={on_file} />
                <label for={props.input_id.clone()} class="button">{ t.choose_file }</label>
            </div>
            { preview }
        </>
    }
}
