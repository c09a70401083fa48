//! Code the first open does not need, kept in wasm chunks fetched when first needed. This
//! module is the machinery only: it knows no screen. Each split point is declared beside
//! what it wraps, with one of three macros:
//!
//! - [`lazy_screen!`]: a screen whose view is in a chunk (a [`LazyScreen`]), shown with
//!   "Opening…" while its chunk is on its way and "Try again" if it cannot be fetched;
//! - [`chunk_value!`]: a value from a chunk (a [`Part`]: the storage codec, a language's
//!   texts), kept once fetched so that every later use is synchronous;
//! - [`chunk_fn!`]: a function whose code is in a chunk; calling it fetches the chunk first
//!   (async), and says so when it cannot.
//!
//! `scripts/build-wasm.sh` runs `wasm-split-cli` on the linked wasm: everything reachable
//! only from a split point moves into that point's chunk (several points may name one
//! chunk), fetched from the diary's own origin; the service worker precaches them all. With
//! the feature `no-split` (the component tests, whose wasm is not split) a split point is
//! the same async function, called directly.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::thread::LocalKey;

pub use wasm_split_helpers::SplitLoaderError;
use yew::prelude::*;

use super::context::use_locale;
use super::platform;
use crate::domain::i18n::Texts;

/// A screen's view, from its chunk.
pub type View<P> = fn(P) -> Html;

/// How a chunk's value is fetched: the split point's async call.
pub type Loading<T> = Pin<Box<dyn Future<Output = Result<T, SplitLoaderError>>>>;

/// A value from a chunk (a screen's view, the storage codec, a language's texts): kept once
/// fetched, so every later use is synchronous.
pub struct Part<T: Copy + 'static> {
    cache: &'static LocalKey<Cell<Option<T>>>,
    load: fn() -> Loading<T>,
}

impl<T: Copy + 'static> Part<T> {
    /// A part fetched by `load` and kept in `cache` (use the macros, which make both).
    pub const fn new(cache: &'static LocalKey<Cell<Option<T>>>, load: fn() -> Loading<T>) -> Self {
        Part { cache, load }
    }

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

/// One lazily loaded screen: its view in a chunk.
pub struct LazyScreen<P: 'static> {
    /// The view function's name: `Lazy`'s key, so another screen in its place is a new `Lazy`.
    name: &'static str,
    part: Part<View<P>>,
}

impl<P: Clone + 'static> LazyScreen<P> {
    /// A screen named `name` whose view `part` gives (use [`lazy_screen!`]).
    pub const fn new(name: &'static str, part: Part<View<P>>) -> Self {
        LazyScreen { name, part }
    }

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

/// `chunk_fn!(chunk, fn name(args) -> T { body })`: a function whose code is in the chunk
/// `chunk`. It becomes `async fn name(args) -> Result<T, SplitLoaderError>`: the call fetches
/// the chunk first (once), and is `Err` when it cannot be fetched.
macro_rules! chunk_fn {
    ($chunk:ident, $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(not(feature = "no-split"))]
        #[::wasm_split_helpers::wasm_split($chunk, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::app::chunks::SplitLoaderError> {
            Ok($body)
        }
        #[cfg(feature = "no-split")]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::app::chunks::SplitLoaderError> {
            Ok($body)
        }
    };
}
pub(crate) use chunk_fn;

/// The `Part` that the split point `load` gives, with a cache of its own (used by the two
/// macros below).
macro_rules! cached_part {
    ($load:ident, $ty:ty) => {{
        ::std::thread_local! {
            static CACHE: ::std::cell::Cell<Option<$ty>> = const { ::std::cell::Cell::new(None) };
        }
        $crate::app::chunks::Part::new(&CACHE, || Box::pin($load()))
    }};
}
pub(crate) use cached_part;

/// `chunk_value!(NAME, chunk::load_fn, Type, { value })`: a static `Part<Type>` named `NAME`
/// whose value is computed in the chunk `chunk`.
macro_rules! chunk_value {
    ($name:ident, $chunk:ident :: $load:ident, $ty:ty, $body:block) => {
        $crate::app::chunks::chunk_fn!($chunk, fn $load() -> $ty $body);
        pub static $name: $crate::app::chunks::Part<$ty> =
            $crate::app::chunks::cached_part!($load, $ty);
    };
}
pub(crate) use chunk_value;

/// `lazy_screen!(NAME, chunk::view_fn, Props, Component)`: a static `LazyScreen<Props>`
/// named `NAME` showing `Component`, whose code is in the chunk `chunk`.
macro_rules! lazy_screen {
    ($name:ident, $chunk:ident :: $view:ident, $props:ty, $component:ty) => {
        $crate::app::chunks::chunk_fn!(
            $chunk,
            fn $view() -> $crate::app::chunks::View<$props> {
                |props| ::yew::html! { <$component ..props /> }
            }
        );
        pub static $name: $crate::app::chunks::LazyScreen<$props> =
            $crate::app::chunks::LazyScreen::new(
                stringify!($view),
                $crate::app::chunks::cached_part!($view, $crate::app::chunks::View<$props>),
            );
    };
}
pub(crate) use lazy_screen;

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

/// The screen if its chunk is here.
type Render = Rc<dyn Fn() -> Option<Html>>;
/// Fetches the chunk: whether it came.
type Fetch = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = bool>>>>;

/// One component for every lazily loaded screen (not one per screen's props type: each
/// generic instance would carry its own copy of Yew's component code).
#[derive(Properties, Clone)]
struct LazyProps {
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
    let holder = use_node_ref();
    use_fetch_missing(shown.is_none(), attempt, &failed, &props.fetch);
    use_focus_on_arrival(shown.is_some(), &holder);
    match shown {
        Some(screen) => html! { <div class="lazy" ref={holder}>{ screen }</div> },
        None if *failed => self::failed(t, retry),
        None => loading(t),
    }
}

/// Fetches the chunk when the screen is `missing` (again on each `attempt`): the component
/// renders again when it came, or `failed` is set.
#[hook]
fn use_fetch_missing(missing: bool, attempt: u32, failed: &UseStateHandle<bool>, fetch: &Fetch) {
    let arrived = use_force_update();
    let (failed, fetch) = (failed.clone(), fetch.clone());
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

/// The screen came after a fetch: its heading takes the focus, as a new screen's does.
#[hook]
fn use_focus_on_arrival(shown: bool, holder: &NodeRef) {
    let holder = holder.clone();
    let was_loading = use_mut_ref(|| !shown);
    use_effect_with(shown, move |shown| {
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
