//! The patient's language in the component tree: `App` provides the `Locale`, every
//! component reads it with `use_locale()`.

use yew::prelude::*;

use crate::domain::i18n::{Lang, Locale};

/// The language: the patient's choice in Settings, else the clinic's configuration, else the
/// browser's language when the diary speaks it, else English. Dates and numbers follow the
/// browser's region when it is of the same language.
pub fn choose(patient: Option<Lang>, clinic: Option<Lang>, browser_tag: &str) -> Locale {
    let lang = patient
        .or(clinic)
        .or_else(|| Lang::from_tag(browser_tag))
        .unwrap_or_default();
    Locale::new(lang, browser_tag)
}

#[hook]
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}
