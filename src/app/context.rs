//! What `App` gives every component below it: the patient's `Locale` (language, texts,
//! dates and numbers) and the storage `Keys` of this diary.

use std::rc::Rc;

use yew::prelude::*;

use super::keys::Keys;
use crate::domain::i18n::Locale;

/// The language and texts to show (English outside an `App`, as in component tests).
#[hook]
pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

/// The storage keys of this diary (the default keys outside an `App`).
#[hook]
pub fn use_keys() -> Rc<Keys> {
    use_context::<Rc<Keys>>().unwrap_or_else(|| {
        Rc::new(Keys::new(
            crate::domain::config::EmbedConfig::default().storage_key(),
        ))
    })
}
