//! The diary once it is set up: its flags, the screen the patient is on and the notice of
//! the last change. Its code is in the `ready` chunk (`DIARY_SCREENS`), with the storage codec
//! and the everyday screens: a first open shows setup, which needs none of it.

mod notice;
mod routes;

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::app::chunks::lazy_screen;
use crate::app::clinic_questionnaires::ClinicQuestionnaires;
use crate::app::context::use_locale;
use crate::app::navigation::Screen;
use crate::app::state::AppState;
use crate::domain::i18n::Lang;
use crate::domain::model::Diary;
use crate::domain::rules::{episodes, evaluate, reevaluate, ClinicSettings, Episode, Firing};

lazy_screen!(
    DIARY_SCREENS,
    ready::diary_screens_view,
    DiaryScreensProps,
    DiaryScreens
);

#[derive(Properties, Clone)]
pub struct DiaryScreensProps {
    pub state: UseReducerHandle<AppState>,
    pub flags: Rc<RefCell<FlagsCache>>,
    pub clinic: Rc<ClinicQuestionnaires>,
    pub screen: Screen,
    pub today: NaiveDate,
    pub navigate: Callback<Screen>,
    /// The language chosen (for Settings' choice).
    pub language: Lang,
}

/// Renders whenever `App` does: comparing the state would compare whole diaries.
impl PartialEq for DiaryScreensProps {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

#[function_component]
pub fn DiaryScreens(props: &DiaryScreensProps) -> Html {
    let locale = use_locale();
    let state = &props.state;
    let flags = flags(&props.flags, &state.diary, &state.settings);
    // Home places the notice below the warning signs to act on (the emergency is always the
    // first thing a patient sees); other screens show it on top.
    let on_home = matches!(props.screen, Screen::Home | Screen::WarningNow);
    html! {
        <>
            if !on_home { { notice::notice(state, &flags, &locale) } }
            { routes::screen(props, &flags, &locale) }
        </>
    }
}

/// The flags of the whole diary, evaluated once per change of the diary or the settings.
#[derive(PartialEq)]
pub struct Flags {
    pub firings: Rc<Vec<Firing>>,
    pub episodes: Rc<Vec<Episode>>,
}

/// The last flags evaluated and what they were evaluated from. `App` keeps it, so it outlives
/// these screens (the warning-sign overlay replaces them for a while).
pub type FlagsCache = Option<(Rc<Diary>, Rc<ClinicSettings>, Rc<Flags>)>;

/// The flags of the diary: evaluated in full once, then after each change only from the
/// first date that changed (`rules::reevaluate`), so a save with years of history stays fast.
fn flags(
    cache: &RefCell<FlagsCache>,
    diary: &Rc<Diary>,
    settings: &Rc<ClinicSettings>,
) -> Rc<Flags> {
    let mut cache = cache.borrow_mut();
    let firings = match &*cache {
        Some((d, s, f)) if Rc::ptr_eq(d, diary) && Rc::ptr_eq(s, settings) => return f.clone(),
        Some((d, s, f)) if **s == **settings => reevaluate(d, &f.firings, diary, settings),
        _ => evaluate(diary, settings),
    };
    let flags = Rc::new(Flags {
        episodes: Rc::new(episodes(&firings)),
        firings: Rc::new(firings),
    });
    *cache = Some((diary.clone(), settings.clone(), flags.clone()));
    flags
}
