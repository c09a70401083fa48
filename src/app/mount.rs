//! Where the diary appears, and with what configuration. Two ways in (see the README):
//! - `<recovery-diary clinic-phone="…" namespace="…"></recovery-diary>` in a portal page:
//!   each such element gets a shadow root with the diary and its stylesheet inside, so the
//!   portal's CSS and the diary's cannot touch each other;
//! - `index.html?clinic-phone=…` (an iframe, or the app on its own): `#app` in the page.
//!
//! The element's attributes and a frame's URL are the clinic's: its numbers win. A URL
//! opened directly is a link anyone can send: it never changes a number the patient entered
//! (`config::Source`).

use std::rc::Rc;

use wasm_bindgen::JsCast;

use super::keys::Keys;
use super::panic_screen;
use super::root::{App, AppProps};
use crate::domain::config::{ConfigProblem, EmbedConfig, Source};

fn report(problems: &[ConfigProblem]) {
    for p in problems {
        web_sys::console::warn_1(
            &format!("Recovery Diary configuration: {}: {}", p.key, p.message).into(),
        );
    }
}

/// The attributes of an element as configuration pairs.
fn attribute_pairs(el: &web_sys::Element) -> Vec<(String, String)> {
    el.get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
        .filter_map(|n| el.get_attribute(&n).map(|v| (n, v)))
        .collect()
}

/// The query of the page's URL as configuration pairs (`?clinic-phone=…&namespace=…`).
fn query_pairs() -> Vec<(String, String)> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let decode = |s: &str| {
                js_sys::decode_uri_component(&s.replace('+', " "))
                    .ok()
                    .and_then(|d| d.as_string())
            };
            Some((decode(k)?, decode(v)?))
        })
        .collect()
}

/// Whether the page is inside a frame (a clinic's portal embedding it); a page opened
/// directly, or one that cannot tell, is not.
fn in_frame() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        _ => false,
    }
}

fn configure(source: Source, pairs: &[(String, String)]) -> (EmbedConfig, Vec<ConfigProblem>) {
    let (mut config, mut problems) =
        EmbedConfig::parse(source, pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    report(&problems);
    // Same-origin files only (reported as they are found).
    let (questionnaires, refused) = super::clinic_questionnaires::resolve(&config.questionnaires);
    config.questionnaires = questionnaires;
    problems.extend(refused);
    (config, problems)
}

/// Sets the clinic's theme colours as CSS custom properties (through the CSSOM, which a
/// strict CSP allows; never as markup).
fn apply_theme(target: &web_sys::HtmlElement, config: &EmbedConfig) {
    for (var, value) in &config.theme {
        let _ = target.style().set_property(var, value);
    }
}

/// The URL of the stylesheet next to boot.js, for the shadow roots.
fn stylesheet_url(document: &web_sys::Document) -> Option<String> {
    let script: web_sys::HtmlScriptElement = document
        .query_selector("script[src$='boot.js']")
        .ok()??
        .dyn_into()
        .ok()?;
    let src = script.src();
    Some(format!("{}app.css", &src[..src.len() - "boot.js".len()]))
}

pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let hosts = document.query_selector_all("recovery-diary").ok();
    let count = hosts.as_ref().map_or(0, |h| h.length());
    if count > 0 {
        let css = stylesheet_url(&document);
        for i in 0..count {
            let Some(host) = hosts
                .as_ref()
                .and_then(|h| h.item(i))
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            if host.shadow_root().is_some() {
                continue; // mounted already
            }
            let (config, problems) = configure(Source::Element, &attribute_pairs(&host));
            let Ok(shadow) =
                host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            else {
                continue;
            };
            if let (Some(href), Ok(link)) = (&css, document.create_element("link")) {
                let _ = link.set_attribute("rel", "stylesheet");
                let _ = link.set_attribute("href", href);
                let _ = shadow.append_child(&link);
            }
            let Ok(root) = document.create_element("div") else {
                continue;
            };
            root.set_class_name("rd-root");
            let _ = shadow.append_child(&root);
            apply_theme(&host, &config);
            render(root, config, problems);
        }
        return;
    }
    // A link opened directly never changes the patient's own numbers; the clinic's frame does.
    let source = if in_frame() {
        Source::Frame
    } else {
        Source::Link
    };
    let (config, problems) = configure(source, &query_pairs());
    let root = document
        .get_element_by_id("app")
        .or_else(|| document.body().map(Into::into));
    let Some(root) = root else { return };
    if let Some(html) = document
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        apply_theme(&html, &config);
    }
    render(root, config, problems);
}

/// Mounts one diary in `root`, with its panic recovery screen.
fn render(root: web_sys::Element, config: EmbedConfig, problems: Vec<ConfigProblem>) {
    // The page's placeholder (index.html) goes; the app takes its place.
    root.set_text_content(None);
    panic_screen::install(root.clone(), Keys::new(config.storage_key()));
    let props = AppProps {
        config: Rc::new(config),
        problems: Rc::new(problems),
    };
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}
