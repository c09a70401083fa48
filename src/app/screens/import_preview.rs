//! An import's reading and preview, in the `file_reader` chunk: the full reader of diary files
//! (field paths, unknown fields), the merge plan against the diary on this phone, and the
//! preview the patient confirms ("N days will be added, N are the same, N differ").

use std::rc::Rc;

use yew::prelude::*;

use crate::app::chunks::{chunk_fn, lazy_screen};
use crate::app::context::use_locale;
use crate::domain::format::{FormatError, FormatErrorKind};
use crate::domain::i18n::{fill, Texts};
use crate::domain::import::{plan, ImportPlan, ImportRequest};
use crate::domain::model::Diary;

/// A file read and compared with the diary on this phone.
#[derive(Debug, PartialEq)]
pub struct ReadImport {
    pub incoming: Diary,
    pub plan: ImportPlan,
    /// How many fields of the file the diary does not know (ignored).
    pub ignored: usize,
    /// This phone's procedure date, which an import keeps.
    pub current_procedure_date: Option<chrono::NaiveDate>,
}

// The stored diary is read with the small reader (`format::read_stored`, in the storage
// codec); a picked file with the full one, here.
chunk_fn!(
    file_reader,
    pub fn read_import(
        t: &'static Texts,
        current: Rc<Diary>,
        text: String,
    ) -> Result<ReadImport, String> {
        match crate::domain::format::parse(&text, crate::app::platform::today()) {
            Ok(parsed) => Ok(ReadImport {
                plan: plan(&current, &parsed.diary),
                ignored: parsed.ignored_fields.len(),
                current_procedure_date: current.profile.procedure_date,
                incoming: parsed.diary,
            }),
            Err(e) => Err(fill(t.import_refused, &[("reason", &format_error(t, &e))])),
        }
    }
);

lazy_screen!(
    IMPORT_PREVIEW,
    file_reader::import_preview_view,
    ImportPreviewProps,
    ImportPreview
);

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

#[derive(Properties, PartialEq, Clone)]
pub struct ImportPreviewProps {
    pub read: Rc<ReadImport>,
    /// The file input's id, for the names of the preview's radios.
    pub input_id: AttrValue,
    pub on_import: Callback<ImportRequest>,
    /// The preview is done with (imported or cancelled).
    pub done: Callback<()>,
}

/// What an import would do, and the patient's confirm.
#[function_component]
pub fn ImportPreview(props: &ImportPreviewProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let replace = use_state(|| false);
    let read = &props.read;
    let p = &read.plan;
    let set_replace = |value: bool| {
        let replace = replace.clone();
        Callback::from(move |_: Event| replace.set(value))
    };
    let confirm = {
        let (read, replace) = (read.clone(), *replace);
        let (on_import, done) = (props.on_import.clone(), props.done.clone());
        Callback::from(move |_: MouseEvent| {
            on_import.emit(ImportRequest {
                incoming: read.incoming.clone(),
                replace_different: replace,
                plan: read.plan.clone(),
            });
            done.emit(());
        })
    };
    let cancel = props.done.reform(|_: MouseEvent| ());
    let other_date = p.other_procedure_date.zip(read.current_procedure_date);
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
                if read.ignored > 0 { <li>{ fill(t.import_ignored, &[("n", &read.ignored.to_string())]) }</li> }
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
