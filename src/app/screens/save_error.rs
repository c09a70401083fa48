//! What could not be saved, said plainly: why (storage full, or not allowed), each change
//! that waits by name, that the rest is saved, whether what waits survives a reload, and a
//! retry and a copy to download. In the `ready` chunk with the storage codec, which any
//! save needs (and the download of a copy too).

use std::rc::Rc;

use yew::prelude::*;

use crate::app::chunks::lazy_screen;
use crate::app::context::use_locale;
use crate::app::platform;
use crate::app::state::SaveError;
use crate::app::storage::STORAGE_CODEC;
use crate::domain::change::What;
use crate::domain::i18n::{fill, Locale};
use crate::domain::model::Diary;

lazy_screen!(
    SAVE_ERROR,
    ready::save_error_view,
    SaveErrorProps,
    SaveErrorNotice
);

#[derive(Properties, PartialEq, Clone)]
pub struct SaveErrorProps {
    pub error: SaveError,
    /// The changes not saved, in order.
    pub unsaved: Rc<Vec<What>>,
    /// Whether anything else was saved (the diary in storage is not empty).
    pub others_saved: bool,
    /// The diary as on screen, for the download.
    pub diary: Rc<Diary>,
    pub on_retry: Callback<()>,
}

/// A change as the list names it.
fn what(locale: &Locale, w: What) -> String {
    let t = locale.t();
    let on = |template: &str, d| fill(template, &[("date", &locale.long_date(d))]);
    match w {
        What::Start => t.unsaved_start.into(),
        What::Profile => t.unsaved_profile.into(),
        What::Baseline => t.unsaved_baseline.into(),
        What::CheckIn(d) => on(t.unsaved_checkin, d),
        What::Deleted(d) => on(t.unsaved_deleted, d),
        What::Acknowledgement(d) => on(t.unsaved_ack, d),
        What::Questionnaire => t.unsaved_questionnaire.into(),
        What::Import => t.unsaved_import.into(),
    }
}

#[function_component]
pub fn SaveErrorNotice(props: &SaveErrorProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let download = {
        let diary = props.diary.clone();
        Callback::from(move |_| {
            let diary = diary.clone();
            STORAGE_CODEC.with(move |codec| {
                if let Some(codec) = codec {
                    let text = (codec.write)(&diary, platform::now());
                    platform::download("recovery-diary-unsaved.json", &text, "application/json");
                }
            });
        })
    };
    // The same change twice (a day saved twice) is named once.
    let mut names: Vec<String> = Vec::new();
    for w in props.unsaved.iter() {
        let name = what(&locale, *w);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let error = props.error;
    html! {
        <div class="save-error" role="alert">
            <p><strong>{ t.not_saved_yet }</strong>{ " " }{ error.error.text(t) }</p>
            if !names.is_empty() {
                <p>{ t.unsaved_list }</p>
                <ul class="unsaved">{ for names.into_iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                if props.others_saved {
                    <p>{ t.unsaved_others_saved }</p>
                }
                <p>{ if error.kept { t.unsaved_kept } else { t.unsaved_not_kept } }</p>
            }
            <button type="button" class="button" onclick={props.on_retry.reform(|_| ())}>{ t.try_saving_again }</button>
            <button type="button" class="button" onclick={download}>{ t.download_a_copy }</button>
        </div>
    }
}
