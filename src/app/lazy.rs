//! Screens the first open does not need, kept out of the first download (issue 11 part 3).
//!
//! Each `#[wasm_split(name)]` function below is a split point: `scripts/build-wasm.sh` runs
//! `wasm_split_cli` on the linked wasm, which moves everything reachable only from it into
//! its own `.wasm` chunk, fetched from the diary's own origin the first time the screen is
//! shown (the service worker precaches the chunks for offline use). A split function gives
//! back the screen's view as a plain function pointer, so once its chunk is loaded the
//! screen renders synchronously like any other; `Lazy` shows "Opening…" only while the
//! chunk is on its way, and a plain message with "Try again" if it cannot be fetched.
//! Natively (the domain tests) the functions are called directly.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::thread::LocalKey;

#[cfg(not(feature = "no-split"))]
use wasm_split_helpers::wasm_split;
use wasm_split_helpers::SplitLoaderError;
use yew::prelude::*;

use super::clinic_questionnaires::ClinicQuestionnaires;
use super::screens::{
    baseline::{BaselineProps, BaselineScreen},
    checkin::{CheckInProps, CheckInScreen},
    data::{DataProps, DataScreen},
    entry::{EntryWizard, EntryWizardProps},
    history::{History, HistoryProps},
    questionnaire::{QuestionnaireProps, QuestionnaireScreen},
    reminder::{ReminderPanel, ReminderPanelProps},
    report::{Report, ReportProps},
    settings::{Settings, SettingsProps},
    unreadable::{UnreadableProps, UnreadableScreen},
};
use super::{platform, use_locale};
use crate::domain::format::{FormatError, Parsed};

/// A screen's view, from its chunk.
pub type View<P> = fn(P) -> Html;
type Loading<P> = Pin<Box<dyn Future<Output = Result<View<P>, SplitLoaderError>>>>;

/// One lazily loaded screen: where its view is kept once loaded, and how to load it.
pub struct Split<P: 'static> {
    cache: &'static LocalKey<Cell<Option<View<P>>>>,
    load: fn() -> Loading<P>,
}

/// A split point. In the app, `wasm_split` moves the function's code into a chunk of its own
/// and makes the call async (the chunk is fetched first). With the feature `no-split` (the
/// component tests: their wasm is not split) it is the same async function, called directly.
macro_rules! split_point {
    ($chunk:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(not(feature = "no-split"))]
        #[wasm_split($chunk, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, SplitLoaderError> {
            Ok($body)
        }
        #[cfg(feature = "no-split")]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, SplitLoaderError> {
            Ok($body)
        }
    };
}

macro_rules! split {
    ($name:ident, $chunk:ident, $props:ty, $component:ty) => {
        split_point!(
            $chunk,
            fn $chunk() -> View<$props> {
                |props| html! { <$component ..props /> }
            }
        );
        pub static $name: Split<$props> = {
            thread_local! { static CACHE: Cell<Option<View<$props>>> = const { Cell::new(None) }; }
            Split {
                cache: &CACHE,
                load: || Box::pin($chunk()),
            }
        };
    };
}

split!(REPORT, report, ReportProps, Report);
split!(DATA, data, DataProps, DataScreen);
split!(
    QUESTIONNAIRE,
    questionnaire,
    QuestionnaireProps,
    QuestionnaireScreen
);
split!(SETTINGS, settings, SettingsProps, Settings);
split!(HISTORY, history, HistoryProps, History);
split!(CHECK_IN, check_in, CheckInProps, CheckInScreen);
split!(BASELINE, baseline, BaselineProps, BaselineScreen);
// Setup's "typical day" pages and its reminder (the welcome page needs neither).
split!(WIZARD, wizard, EntryWizardProps, EntryWizard);
split!(REMINDER, reminder, ReminderPanelProps, ReminderPanel);
// Stored data that does not read: rare; its explanation needs the full reader.
split!(UNREADABLE, unreadable, UnreadableProps, UnreadableScreen);

// The full reader of diary files (field paths, unknown fields), for an import: the first
// open reads the stored diary with the small one (`format::read_stored`).
split_point!(
    file_reader,
    fn read_file(text: String) -> Result<Parsed, FormatError> {
        crate::domain::format::parse(&text)
    }
);

// The clinic's questionnaires, read from their files or the kept copies (the hook
// `use_clinic_questionnaires` awaits this after the first screen).
split_point!(
    clinic_questionnaires,
    pub fn clinic_loader(
        keys: std::rc::Rc<super::Keys>,
        sources: Vec<String>,
    ) -> Pin<Box<dyn Future<Output = ClinicQuestionnaires>>> {
        Box::pin(async move { super::clinic_questionnaires::load(&keys, &sources).await })
    }
);

/// Reads a file the patient picked: `Err(None)` when the reader's chunk could not be loaded.
pub async fn parse_file(text: String) -> Result<Parsed, Option<FormatError>> {
    match read_file(text).await {
        Ok(read) => read.map_err(Some),
        Err(_) => Err(None),
    }
}

#[derive(Properties)]
pub struct LazyProps<P: PartialEq + Clone + 'static> {
    pub split: &'static Split<P>,
    pub props: P,
}

impl<P: PartialEq + Clone + 'static> PartialEq for LazyProps<P> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.split, other.split) && self.props == other.props
    }
}

/// A screen from its chunk: at once when loaded before, else after the fetch.
#[function_component]
pub fn Lazy<P: PartialEq + Clone + 'static>(props: &LazyProps<P>) -> Html {
    let t = use_locale().t();
    let split = props.split;
    let view = use_state(|| split.cache.with(Cell::get));
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    let holder = use_node_ref();
    {
        let (view, failed) = (view.clone(), failed.clone());
        use_effect_with(*attempt, move |_| {
            if view.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    match (split.load)().await {
                        Ok(v) => {
                            split.cache.with(|c| c.set(Some(v)));
                            view.set(Some(v));
                        }
                        Err(_) => failed.set(true),
                    }
                });
            }
        });
    }
    // The screen came after the fetch: its heading takes the focus, as a new screen's does.
    {
        let holder = holder.clone();
        let was_loading = use_mut_ref(|| view.is_none());
        use_effect_with(view.is_some(), move |shown| {
            if *shown && std::mem::replace(&mut *was_loading.borrow_mut(), false) {
                use wasm_bindgen::JsCast;
                let heading = holder
                    .cast::<web_sys::Element>()
                    .and_then(|e| e.query_selector("h1").ok().flatten())
                    .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
                platform::focus(heading);
            }
        });
    }
    let retry = {
        let (failed, attempt) = (failed.clone(), attempt.clone());
        Callback::from(move |_| {
            failed.set(false);
            attempt.set(*attempt + 1);
        })
    };
    match *view {
        Some(v) => html! { <div class="lazy" ref={holder}>{ v(props.props.clone()) }</div> },
        None if *failed => html! {
            <div class="card lazy-failed" role="alert">
                <p>{ t.lazy_failed }</p>
                <button type="button" class="button primary" onclick={retry}>{ t.try_again }</button>
            </div>
        },
        None => html! { <p class="lazy-loading" role="status">{ t.lazy_loading }</p> },
    }
}
