//! The patient's language: which one is shown, and its texts (Spanish's from a chunk of its
//! own). `App` provides the resulting `Locale`; components read it with
//! `context::use_locale()`.

use yew::prelude::*;

use super::chunks::chunk_value;
use crate::domain::i18n::{Lang, Locale, Texts};

// Spanish: English readers never download it (the recovery screen's words excepted,
// `Lang::panic_texts`). `use_chosen_locale` waits for it.
chunk_value!(SPANISH, spanish::spanish_texts, &'static Texts, {
    Lang::Es.texts()
});

/// The language: the patient's choice in Settings, else the clinic's configuration, else the
/// browser's language when the diary speaks it, else English.
pub fn choose(patient: Option<Lang>, clinic: Option<Lang>, browser_tag: &str) -> Lang {
    patient
        .or(clinic)
        .or_else(|| Lang::from_tag(browser_tag))
        .unwrap_or_default()
}

/// `lang`, with dates and numbers following the browser's region when it is of the same
/// language. Spanish's texts come in a chunk of their own (`SPANISH`): until they are
/// here this is the language shown before, or `None` on the first render (nothing is drawn,
/// rather than English for a moment). If they cannot be fetched, English.
#[hook]
pub fn use_chosen_locale(lang: Lang, browser_tag: &str) -> Option<Locale> {
    // Spanish: `None` while on its way, `Some(None)` when it could not be fetched.
    let spanish = use_state(|| SPANISH.loaded().map(Some));
    let shown = use_mut_ref(|| None::<Locale>);
    {
        let spanish = spanish.clone();
        use_effect_with(lang, move |lang| {
            if *lang == Lang::Es && spanish.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    let texts = SPANISH.get().await;
                    if texts.is_none() {
                        web_sys::console::error_1(
                            &"Recovery Diary: the Spanish texts could not be fetched; showing English."
                                .into(),
                        );
                    }
                    spanish.set(Some(texts));
                });
            }
        });
    }
    let english = || Locale::in_region(Lang::En, browser_tag, Lang::english());
    let locale = match (lang, *spanish) {
        (Lang::En, _) | (Lang::Es, Some(None)) => Some(english()),
        (Lang::Es, Some(Some(texts))) => Some(Locale::in_region(Lang::Es, browser_tag, texts)),
        (Lang::Es, None) => *shown.borrow(),
    };
    *shown.borrow_mut() = locale;
    locale
}
