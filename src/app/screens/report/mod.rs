//! The follow-up report: what a clinician reads in two minutes, printable on one page. At the
//! top the glance (the first screenful of a phone, the top of the printed page); then the
//! trends, and the details: every warning-sign episode, the incision log, nerve symptoms,
//! medicines and the clinic questionnaires.
//!
//! Contract (tests and clinic integrations rely on it): the root has `data-report`; each
//! flag episode of the whole diary is one element with `data-rule`, `data-tier`,
//! `data-from` and `data-to` (YYYY-MM-DD), once. The patient's questions (C5) are those
//! elements in the glance (the latest) and under "Earlier questions"; the other episodes are
//! in the details.

mod chart;
mod glance;
mod name;
mod questionnaires;
mod sections;
mod trends;

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use crate::app::context::use_locale;
use crate::domain::i18n::{fill, Locale};
use crate::domain::identity::Identity;
use crate::domain::model::Diary;
use crate::domain::report::glance::QUESTIONS_SHOWN;
use crate::domain::report::{glance_words, report_texts, GlanceWords};
use crate::domain::rules::{ClinicSettings, Episode, Firing};
use crate::domain::trends::Range;

lazy_screen!(REPORT, report::report_view, ReportProps, Report);

/// More check-ins than this make a long report: its charts and details are laid out only
/// when scrolled to (the stylesheet's `.report.long`), so years of daily check-ins still
/// show the report at once. Shorter reports are laid out whole, as any page.
const LONG: usize = 2 * 365;

#[derive(Properties, PartialEq, Clone)]
pub struct ReportProps {
    pub diary: Rc<Diary>,
    pub episodes: Rc<Vec<Episode>>,
    /// Every firing, in date order: an episode's "message shown" is that of its last date.
    pub firings: Rc<Vec<Firing>>,
    pub settings: Rc<ClinicSettings>,
    /// The clinic's questionnaires now (for their missed due dates).
    #[prop_or_default]
    pub clinic: Rc<crate::app::clinic_questionnaires::ClinicQuestionnaires>,
    pub today: NaiveDate,
    /// The name and date of birth the patient added for the printed page.
    #[prop_or_default]
    pub identity: Option<Identity>,
    /// The patient adds, changes or removes them (kept with their settings on this phone).
    #[prop_or_default]
    pub on_identity: Callback<Option<Identity>>,
}

/// "Ana López · born March 2, 1948", "Ana López".
fn patient_line(l: &Locale, who: &Identity) -> String {
    match who.birth_date {
        Some(born) => fill(
            report_texts(l.lang).patient_line,
            &[("name", &who.name), ("date", &l.date(born))],
        ),
        None => who.name.clone(),
    }
}

#[function_component]
pub fn Report(props: &ReportProps) -> Html {
    let locale = use_locale();
    let rt = report_texts(locale.lang);
    let diary = &props.diary;
    let words: Rc<GlanceWords> = use_memo(
        (
            diary.clone(),
            props.episodes.clone(),
            props.today,
            props.settings.clone(),
            locale,
        ),
        |(diary, episodes, today, settings, locale)| {
            let g = crate::domain::report::glance(diary, episodes, *today);
            glance_words(
                locale,
                &g,
                locale.distance_symbol(diary.profile.distance_unit),
                &settings.emergency_number,
            )
        },
    );
    let earlier_questions = words.questions.get(QUESTIONS_SHOWN..).unwrap_or_default();
    let charts = trends::TrendsState {
        range: use_state(|| Range::SixWeeks),
        tables: use_state(|| 0u8),
    };
    let form = name::NameForm {
        name: use_node_ref(),
        born: use_node_ref(),
        problem: use_state(|| None),
    };

    html! {
        <section class={if diary.checkins.len() > LONG { "report long" } else { "report" }} data-report="" aria-labelledby="report-title">
            <header class="report-head">
                <h1 id="report-title" tabindex="-1">{ rt.report_title }</h1>
                if let Some(who) = &props.identity {
                    <p class="patient-line">{ patient_line(&locale, who) }</p>
                }
            </header>
            { glance::glance(&locale, &words) }
            { trends::trends(&locale, diary, &props.episodes, &charts) }
            <div class="report-details">
                { sections::episodes(&locale, diary, &props.episodes, &props.firings, &props.settings) }
                if !earlier_questions.is_empty() {
                    <h2>{ rt.earlier_questions }</h2>
                    { glance::questions(earlier_questions) }
                }
                { sections::incision(&locale, diary) }
                <h2>{ rt.nerves_now_before }</h2>
                { sections::neuro_changes(&locale, diary) }
                { sections::medicines(&locale, diary) }
                { questionnaires::clinic_questionnaires(&locale, diary, &props.clinic, props.today) }
            </div>
            <p class="hint disclaimer-print">{ locale.t().disclaimer }</p>
            { name::name_form(rt, &form, props.identity.as_ref(), &props.on_identity, props.today) }
            <button type="button" class="button no-print" onclick={Callback::from(|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } })}>{ rt.print_report }</button>
        </section>
    }
}
