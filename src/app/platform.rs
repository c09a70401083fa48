//! The few browser facts the app needs: the local date and time, the locale, downloads.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use wasm_bindgen::JsCast;

use crate::domain::model::{DistanceUnit, TemperatureUnit};

/// The patient's local calendar date now.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Now, as an instant with the local offset.
pub fn now() -> Option<DateTime<FixedOffset>> {
    let now = js_sys::Date::new_0();
    // getTimezoneOffset is minutes *behind* UTC.
    let offset = FixedOffset::west_opt((now.get_timezone_offset() * 60.0) as i32)?;
    let ms = now.get_time() as i64;
    offset.timestamp_millis_opt(ms).single()
}

/// The browser's language tag (`navigator.language`), such as `es-MX`.
pub fn language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// Units by the browser's locale: the US uses feet and Fahrenheit, everyone else metres and
/// Celsius (Liberia and Myanmar aside, which are rare enough to leave to the toggle).
pub fn default_units() -> (DistanceUnit, TemperatureUnit) {
    if language().eq_ignore_ascii_case("en-US") {
        (DistanceUnit::Feet, TemperatureUnit::Fahrenheit)
    } else {
        (DistanceUnit::Metres, TemperatureUnit::Celsius)
    }
}

/// Offers `text` to the patient as a file download. Nothing leaves the device. False when
/// the browser refused.
pub fn download(filename: &str, text: &str, mime: &str) -> bool {
    let start = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&url);
        a.set_download(filename);
        a.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    start().is_some()
}

/// Runs `f` in a task of its own, after the current one (and usually after the next paint).
pub fn later(f: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// Moves keyboard and screen-reader focus to `element` (a heading with tabindex="-1").
pub fn focus(element: Option<web_sys::HtmlElement>) {
    if let Some(e) = element {
        let _ = e.focus();
    }
}

/// Moves focus to `element` and, when it is above 40 % of the window or near its foot,
/// scrolls it to 40 % of the window's height: what comes just before it (a flag's call)
/// stays in view and out from under the header that stays at the top.
pub fn focus_in_view(element: Option<web_sys::HtmlElement>) {
    let (Some(e), Some(window)) = (element, web_sys::window()) else {
        return;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = e.focus_with_options(&options);
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let rect = e.get_bounding_client_rect();
    if rect.top() < 0.4 * height || rect.bottom() > 0.9 * height {
        window.scroll_by_with_x_and_y(0.0, rect.top() - 0.4 * height);
    }
}

/// Brings the top of the diary (its header) to the top of the window, for a view that
/// takes the screen over (the timer) and must start on its first screenful.
pub fn scroll_to_diary_top(inside: Option<web_sys::Element>) {
    if let Some(app) = inside.and_then(|e| e.closest(".app").ok().flatten()) {
        app.scroll_into_view_with_bool(true);
    }
}

/// A new screen: brings the top of `container` (the diary, perhaps inside a portal page)
/// into view when the page was scrolled past it, so notices above the heading are seen,
/// then moves focus to `heading` without scrolling again.
pub fn show_new_screen(container: &web_sys::Element, heading: web_sys::HtmlElement) {
    if container.get_bounding_client_rect().top() < 0.0 {
        container.scroll_into_view();
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = heading.focus_with_options(&options);
}

fn file(filename: &str, text: &str, mime: &str) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    web_sys::File::new_with_str_sequence_and_options(&parts, filename, &options).ok()
}

fn share_data(filename: &str, text: &str, mime: &str) -> Option<web_sys::ShareData> {
    let data = web_sys::ShareData::new();
    let file: wasm_bindgen::JsValue = file(filename, text, mime)?.into();
    data.set_files(&js_sys::Array::of1(&file));
    data.set_title(filename);
    Some(data)
}

/// Whether this browser can hand a file to the system share sheet.
pub fn can_share_files() -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    // canShare is missing in some browsers: ask JavaScript whether it exists first.
    let has = js_sys::Reflect::has(&navigator, &"canShare".into()).unwrap_or(false);
    has && share_data("x.txt", "x", "text/plain").is_some_and(|d| navigator.can_share_with_data(&d))
}

/// Opens the system share sheet with the file. Resolves to false when the patient cancels
/// or the browser refuses.
pub async fn share(filename: &str, text: &str, mime: &str) -> bool {
    let (Some(navigator), Some(data)) = (
        web_sys::window().map(|w| w.navigator()),
        share_data(filename, text, mime),
    ) else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(navigator.share_with_data(&data))
        .await
        .is_ok()
}

/// Asks the browser to keep this site's storage (not evict it). `None`: not supported.
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let persisted = wasm_bindgen_futures::JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()?;
    if persisted.as_bool() == Some(true) {
        return Some(true);
    }
    let granted = wasm_bindgen_futures::JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?;
    granted.as_bool()
}

/// The text of a file the patient picked; `None` when it could not be read.
pub async fn read_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
}

/// The date in a date input that changed (`None` when empty or not a date).
pub fn parse_date_input(e: &yew::Event) -> Option<NaiveDate> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| crate::domain::calendar::parse_iso_date(&i.value()))
}

/// A procedure date from its input: one a diary holds (1900 to two years ahead), else none.
pub fn parse_procedure_date(e: &yew::Event) -> Option<NaiveDate> {
    use crate::domain::model::bounds::procedure_date_ok;
    parse_date_input(e).filter(|d| procedure_date_ok(*d, today()))
}

/// The `min` and `max` of a procedure date input.
pub fn procedure_date_range() -> (String, String) {
    use crate::domain::model::bounds::{latest_procedure_date, EARLIEST_DATE};
    (
        EARLIEST_DATE.to_string(),
        latest_procedure_date(today()).to_string(),
    )
}
