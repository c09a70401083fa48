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

use chrono::{DateTime, FixedOffset};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::thread::LocalKey;

#[cfg(not(feature = "no-split"))]
use wasm_split_helpers::wasm_split;
use wasm_split_helpers::SplitLoaderError;
use yew::prelude::*;

use super::clinic_questionnaires::ClinicQuestionnaires;
use super::ready::{Ready, ReadyProps};
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
use crate::domain::i18n::{Lang, Texts};
use crate::domain::model::Diary;

/// A screen's view, from its chunk.
pub type View<P> = fn(P) -> Html;

/// A value from a chunk (a screen's view, the storage codec, a language's texts): kept once
/// fetched, so every later use is synchronous.
pub struct Part<T: Copy + 'static> {
    cache: &'static LocalKey<Cell<Option<T>>>,
    load: fn() -> Loading<T>,
}

type Loading<T> = Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

impl<T: Copy + 'static> Part<T> {
    /// The value, if its chunk is here.
    pub fn loaded(&self) -> Option<T> {
        self.cache.with(Cell::get)
    }

    /// The value, fetched with its chunk the first time (`None`: it could not be).
    pub async fn get(&self) -> Option<T> {
        if let Some(value) = self.loaded() {
            return Some(value);
        }
        let value = (self.load)().await.ok();
        self.cache.with(|c| c.set(value));
        value
    }

    /// Runs `f` with the value: at once when its chunk is here, else once the chunk is
    /// fetched (`None`: it could not be).
    pub fn with(&'static self, f: impl FnOnce(Option<T>) + 'static) {
        match self.loaded() {
            Some(value) => f(Some(value)),
            None => wasm_bindgen_futures::spawn_local(async move { f(self.get().await) }),
        }
    }

    /// Fetches the chunk in the background, so the value is here when it is needed.
    pub fn prefetch(&'static self) {
        self.with(|_| ());
    }
}

/// A fetch that can fail and be tried again ("Try again"): `attempt` changes with each try
/// (make it a dependency of the effect that fetches), the fetch sets `failed`.
pub struct Attempts {
    pub attempt: u32,
    pub failed: UseStateHandle<bool>,
    pub retry: Callback<()>,
}

#[hook]
pub fn use_attempts() -> Attempts {
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    let retry = {
        let (failed, attempt) = (failed.clone(), attempt.clone());
        Callback::from(move |_| {
            failed.set(false);
            attempt.set(*attempt + 1);
        })
    };
    Attempts {
        attempt: *attempt,
        failed,
        retry,
    }
}

/// The `Part` that the split point `load` gives, with a cache of its own.
macro_rules! part_of {
    ($load:ident, $ty:ty) => {{
        thread_local! { static CACHE: Cell<Option<$ty>> = const { Cell::new(None) }; }
        Part {
            cache: &CACHE,
            load: || Box::pin($load()),
        }
    }};
}

/// A `Part` from a split point (`part!(NAME, chunk, Type, body)`).
macro_rules! part {
    ($name:ident, $chunk:ident :: $load:ident, $ty:ty, $body:block) => {
        split_point!($chunk, fn $load() -> $ty $body);
        pub static $name: Part<$ty> = part_of!($load, $ty);
    };
}

/// One lazily loaded screen.
pub struct Split<P: 'static> {
    /// The chunk's name: `Lazy`'s key, so another screen in its place is a new `Lazy`.
    name: &'static str,
    pub part: Part<View<P>>,
}

impl<P: Clone + 'static> Split<P> {
    /// The screen with `props`: at once when its chunk is here, else after the fetch.
    pub fn show(&'static self, props: P) -> Html {
        self.show_keyed(self.name, props)
    }

    /// Fetches the chunk in the background, so the screen shows at once when it is needed.
    pub fn prefetch(&'static self) {
        self.part.prefetch()
    }

    /// `show`, keyed: a new `key` is a new screen (its focus, its "Opening…").
    pub fn show_keyed(&'static self, key: impl Into<yew::virtual_dom::Key>, props: P) -> Html {
        let render: Render = Rc::new(move || self.part.loaded().map(|view| view(props.clone())));
        let fetch: Fetch =
            Rc::new(move || Box::pin(async move { self.part.get().await.is_some() }));
        html! { <Lazy key={key.into()} {render} {fetch} /> }
    }
}

/// The screen if its chunk is here.
type Render = Rc<dyn Fn() -> Option<Html>>;
/// Fetches the chunk: whether it came.
type Fetch = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = bool>>>>;

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

/// `split!(NAME, chunk::view_fn, Props, Component)`: a screen in the chunk `chunk` (several
/// screens may share one).
macro_rules! split {
    ($name:ident, $chunk:ident :: $view:ident, $props:ty, $component:ty) => {
        split_point!(
            $chunk,
            fn $view() -> View<$props> {
                |props| html! { <$component ..props /> }
            }
        );
        pub static $name: Split<$props> = Split {
            name: stringify!($view),
            part: part_of!($view, View<$props>),
        };
    };
}

// The diary once set up, one chunk: home, the flags and the rule engine, the storage codec
// (below), and the screens a patient uses every day (check-in, history, settings,
// baseline). A first open shows setup, which needs none of it; one chunk rather than six
// keeps a returning open to fewer files (boot.js starts it with the main module).
split!(READY, ready::ready_view, ReadyProps, Ready);
split!(CHECK_IN, ready::check_in_view, CheckInProps, CheckInScreen);
split!(HISTORY, ready::history_view, HistoryProps, History);
split!(SETTINGS, ready::settings_view, SettingsProps, Settings);
split!(
    BASELINE,
    ready::baseline_view,
    BaselineProps,
    BaselineScreen
);
// Opened rarely: each its own chunk.
split!(REPORT, report::report_view, ReportProps, Report);
split!(DATA, data::data_view, DataProps, DataScreen);
split!(
    QUESTIONNAIRE,
    questionnaire::questionnaire_view,
    QuestionnaireProps,
    QuestionnaireScreen
);
// Setup's "typical day" pages and its reminder (the welcome page needs neither).
split!(WIZARD, wizard::wizard_view, EntryWizardProps, EntryWizard);
split!(
    REMINDER,
    reminder::reminder_view,
    ReminderPanelProps,
    ReminderPanel
);
// Stored data that does not read: rare; its explanation needs the full reader.
split!(
    UNREADABLE,
    unreadable::unreadable_view,
    UnreadableProps,
    UnreadableScreen
);

// The full reader of diary files (field paths, unknown fields), for an import: the first
// open reads the stored diary with the small one (`format::read_stored`).
split_point!(
    file_reader,
    fn read_file(text: String) -> Result<Parsed, FormatError> {
        crate::domain::format::parse(&text)
    }
);

/// How the diary kept in this browser's storage is read and written (`format::read_stored`,
/// `format::to_json`): in the `ready` chunk, because a first open has nothing stored and
/// nothing to write until setup ends (setup fetches the chunk on its second page).
#[derive(Clone, Copy)]
pub struct StorageCodec {
    pub read: fn(&str) -> Result<Diary, FormatError>,
    pub write: fn(&Diary, Option<DateTime<FixedOffset>>) -> String,
}

part!(STORAGE_CODEC, ready::storage_codec, StorageCodec, {
    StorageCodec {
        read: crate::domain::format::read_stored,
        write: crate::domain::format::to_json,
    }
});

// Spanish: English readers never download it (the recovery screen's words excepted,
// `Lang::panic_texts`). `locale::use_chosen_locale` waits for it.
part!(SPANISH, spanish::spanish_texts, &'static Texts, {
    Lang::Es.texts()
});

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

/// One component for every lazily loaded screen (not one per screen's props type: each
/// generic instance would carry its own copy of Yew's component code).
#[derive(Properties, Clone)]
pub struct LazyProps {
    render: Render,
    fetch: Fetch,
}

/// Renders whenever its parent does: `render` gives the screen's own component, which
/// compares its props itself.
impl PartialEq for LazyProps {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

/// A screen from its chunk: at once when loaded before, else after the fetch.
#[function_component]
fn Lazy(props: &LazyProps) -> Html {
    let t = use_locale().t();
    let shown = (props.render)();
    let Attempts {
        attempt,
        failed,
        retry,
    } = use_attempts();
    // The chunk came: `render` now gives the screen.
    let arrived = use_force_update();
    let holder = use_node_ref();
    {
        let (failed, fetch) = (failed.clone(), props.fetch.clone());
        let missing = shown.is_none();
        use_effect_with(attempt, move |_| {
            if missing {
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch().await {
                        true => arrived.force_update(),
                        false => failed.set(true),
                    }
                });
            }
        });
    }
    // The screen came after the fetch: its heading takes the focus, as a new screen's does.
    {
        let holder = holder.clone();
        let was_loading = use_mut_ref(|| shown.is_none());
        use_effect_with(shown.is_some(), move |shown| {
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
    match shown {
        Some(screen) => html! { <div class="lazy" ref={holder}>{ screen }</div> },
        None if *failed => self::failed(t, retry),
        None => loading(t),
    }
}

/// While a part of the diary is on its way.
pub fn loading(t: &Texts) -> Html {
    html! { <p class="lazy-loading" role="status">{ t.lazy_loading }</p> }
}

/// A part of the diary that could not be fetched, and a button to try again.
pub fn failed(t: &Texts, retry: Callback<()>) -> Html {
    html! {
        <div class="card lazy-failed" role="alert">
            <p>{ t.lazy_failed }</p>
            <button type="button" class="button primary" onclick={retry.reform(|_| ())}>{ t.try_again }</button>
        </div>
    }
}
