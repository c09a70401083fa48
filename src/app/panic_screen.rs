//! A panic must not leave a blank page: replace the page with a plain recovery screen that
//! offers the stored diary as a download. Built with text nodes only (no HTML strings).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::i18n::Lang;

thread_local! {
    /// Every diary mounted on the page, with its storage keys.
    static MOUNTED: std::cell::RefCell<Vec<(web_sys::Element, super::keys::Keys)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Registers the diary mounted in `root` (only that element is replaced: in a portal, the
/// portal's page stays as it is) and installs the hook. Through Yew: its renderer replaces
/// any hook set with `std::panic::set_hook` by its own console hook.
pub fn install(root: web_sys::Element, keys: super::keys::Keys) {
    MOUNTED.with(|m| m.borrow_mut().push((root, keys)));
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        // A panic while the list is borrowed (it never is) would skip the screens, not abort.
        let _ = MOUNTED.try_with(|m| {
            if let Ok(mounted) = m.try_borrow() {
                for (root, keys) in mounted.iter() {
                    let _ = show(root, keys);
                }
            }
        });
    }));
}

fn show(root: &web_sys::Element, keys: &super::keys::Keys) -> Option<()> {
    let document = web_sys::window()?.document()?;
    // Shown already (a second panic, from another diary's listener of the same event).
    if root
        .query_selector(".panic-screen")
        .ok()
        .flatten()
        .is_some()
    {
        return Some(());
    }
    // Each diary's own language (two embeds on a page may differ): the one it was drawn in,
    // else (a panic before the first render) the browser's.
    let lang = root
        .query_selector(".app[lang]")
        .ok()
        .flatten()
        .and_then(|app| app.get_attribute("lang"))
        .and_then(|code| Lang::from_tag(&code))
        .or_else(|| Lang::from_tag(&super::platform::language()))
        .unwrap_or_default();
    let body = root;
    body.set_text_content(None);
    let main = document.create_element("main").ok()?;
    main.set_class_name("panic-screen");
    main.set_attribute("role", "alert").ok()?;
    let add = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        main.append_child(&el).ok()?;
        Some(el)
    };
    let t = lang.panic_texts();
    main.set_attribute("lang", lang.code()).ok()?;
    add("h1", t.title)?;
    add("p", t.text)?;
    add("p", t.warning)?;
    if let Some(raw) = super::storage::raw_value(keys) {
        let link: web_sys::HtmlAnchorElement = add("a", t.download)?.dyn_into().ok()?;
        let parts = js_sys::Array::of1(&JsValue::from_str(&raw));
        let blob = web_sys::Blob::new_with_str_sequence(&parts).ok()?;
        link.set_href(&web_sys::Url::create_object_url_with_blob(&blob).ok()?);
        link.set_download("recovery-diary-backup.json");
        link.set_class_name("button primary");
    }
    let reload: web_sys::HtmlAnchorElement = add("a", t.reload)?.dyn_into().ok()?;
    reload.set_href("");
    reload.set_class_name("button");
    body.append_child(&main).ok()?;
    Some(())
}
