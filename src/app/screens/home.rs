use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use super::flags::{unanswered_warnings, visit_list, FlagBanners};
use crate::app::clinic_questionnaires::DueNow;
use crate::app::context::use_locale;
use crate::app::hooks::stored::{
    use_checkin_draft, use_last_backup, use_questionnaire_drafts, use_running_timer, RunningTimer,
    StoredCheckInDraft,
};
use crate::app::navigation::Screen;
use crate::domain::calendar::day_phrase;
use crate::domain::i18n::{fill, Locale};
use crate::domain::model::{Acknowledgement, Diary, TimedKind};
use crate::domain::rules::{ClinicSettings, Episode, Firing};
use crate::domain::summary::{last_seven_days, missed_days, missed_line};

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub diary: Rc<Diary>,
    pub today: NaiveDate,
    pub on_navigate: Callback<Screen>,
    pub episodes: Rc<Vec<Episode>>,
    pub firings: Rc<Vec<Firing>>,
    pub settings: Rc<ClinicSettings>,
    pub on_acknowledge: Callback<Acknowledgement>,
    /// Keeps the clinic's number the patient adds on a tier-B card.
    #[prop_or_default]
    pub on_clinic_phone: Callback<String>,
    /// The app's notice (a saved check-in's result), shown below the warning signs to act on.
    #[prop_or_default]
    pub notice: Html,
    /// The daily reminder the patient set: after its time, home nudges.
    #[prop_or_default]
    pub reminder: Option<crate::domain::reminder::Reminder>,
    /// The clinic's questionnaires due now.
    #[prop_or_default]
    pub due: Rc<Vec<DueNow>>,
}

/// A backup reminder once there is a week of check-ins and no backup in the last 7 days.
fn needs_backup(diary: &Diary, today: NaiveDate, last: Option<NaiveDate>) -> bool {
    diary.checkins.len() >= 7 && last.is_none_or(|d| (today - d).num_days() >= 7)
}

/// Before the procedure, without a "before the procedure" record, recording it comes first.
fn baseline_first(diary: &Diary, today: NaiveDate) -> bool {
    diary.baseline.is_none() && diary.profile.procedure_date.is_some_and(|p| today < p)
}

/// Home: the warning signs to act on first, then today's check-in, what else is due, the
/// days missed (one line) and the last 7 days.
#[function_component]
pub fn Home(props: &HomeProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let (diary, today, nav) = (&props.diary, props.today, &props.on_navigate);
    // Read once when home is shown (a backup is saved on another screen), not per render.
    let last_backup = use_last_backup().date;
    // What was left under way, and the questionnaires begun and not yet saved.
    let (timer, draft) = (use_running_timer(), use_checkin_draft());
    let drafts = use_questionnaire_drafts().all;
    let baseline_first = baseline_first(diary, today);
    html! {
        <section class="home" aria-labelledby="home-title">
            <h1 id="home-title" tabindex="-1">
                { day_phrase(t, diary.profile.procedure_date, today).unwrap_or_else(|| t.home_title_no_date.into()) }
            </h1>
            if diary.profile.procedure_date.is_none() {
                <p class="hint">
                    { t.home_add_date_before }
                    <button type="button" class="link" onclick={nav.reform(|_| Screen::Settings)}>{ t.nav_settings }</button>
                    { t.home_add_date_after }
                </p>
            }
            <FlagBanners episodes={props.episodes.clone()} firings={props.firings.clone()} diary={diary.clone()}
                settings={props.settings.clone()} on_acknowledge={props.on_acknowledge.clone()}
                on_clinic_phone={props.on_clinic_phone.clone()}
                {today} on_report={nav.reform(|_| Screen::Report)} />
            { props.notice.clone() }
            { unfinished(&locale, &timer, &draft, nav) }
            if baseline_first {
                <div class="card baseline-first">
                    <p>{ t.baseline_first_lead }</p>
                    <button type="button" class="button primary big" onclick={nav.reform(|_| Screen::Baseline)}>{ t.describe_now }</button>
                </div>
            }
            { today_card(&locale, props, baseline_first) }
            { due_questionnaires(&locale, &props.due, &drafts, nav) }
            if diary.baseline.is_none() && !baseline_first {
                <div class="card reminder">
                    <p>{ t.baseline_missing }</p>
                    <button type="button" class="button" onclick={nav.reform(|_| Screen::Baseline)}>{ t.add_it_now }</button>
                </div>
            }
            if needs_backup(diary, today, last_backup) {
                <div class="card reminder">
                    <p>{ t.backup_reminder }</p>
                    <button type="button" class="button" onclick={nav.reform(|_| Screen::Data)}>{ t.save_a_backup }</button>
                </div>
            }
            { missed(&locale, &missed_days(diary, today), nav) }
            { week(&locale, diary, today, nav) }
            { visit_list(&locale, &props.episodes) }
        </section>
    }
}

/// What was left under way: a timed walk or stand still running (the page was reloaded),
/// a check-in kept as a draft. Go back to it, or discard it.
fn unfinished(
    locale: &Locale,
    timer: &RunningTimer,
    draft: &StoredCheckInDraft,
    nav: &Callback<Screen>,
) -> Html {
    let t = locale.t();
    let open = |d: NaiveDate| nav.reform(move |_| Screen::CheckIn(d));
    html! {
        <>
            if let Some(r) = &timer.running {
                <div class="card timer-running" role="status">
                    <p>{ fill(match r.kind {
                        TimedKind::Walk => t.timed_running_walk,
                        TimedKind::Stand => t.timed_running_stand,
                    }, &[("time", &locale.time(r.started_at.time()))]) }</p>
                    <button type="button" class="button primary" onclick={open(r.date)}>{ t.timed_go_back }</button>
                    <button type="button" class="button" onclick={timer.set.reform(|_: MouseEvent| None)}>{ t.timed_discard_it }</button>
                </div>
            }
            if let Some(d) = &draft.draft {
                <div class="card draft-card">
                    <p>{ fill(t.draft_waiting, &[("date", &locale.long_date(d.date))]) }</p>
                    <button type="button" class="button primary" onclick={open(d.date)}>{ t.draft_go_on }</button>
                    <button type="button" class="button" onclick={draft.keep.reform(|_: MouseEvent| None)}>{ t.draft_discard }</button>
                </div>
            }
        </>
    }
}

/// Today's check-in: done (and what it left unanswered among the warning signs), or the
/// full check-in and "Nothing new today". `secondary`: another action comes first
/// (recording the baseline before the procedure).
fn today_card(locale: &Locale, props: &HomeProps, secondary: bool) -> Html {
    let t = locale.t();
    let today = props.today;
    let nav = &props.on_navigate;
    let open = nav.reform(move |_: MouseEvent| Screen::CheckIn(today));
    if let Some(entry) = props.diary.checkins.get(&today) {
        return html! {
            <div class="card today-card">
                <p class="status done">{ t.today_done }</p>
                { unanswered_warnings(t, entry, &props.settings.emergency_number) }
                <button type="button" class="button" onclick={open}>{ t.change_today }</button>
            </div>
        };
    }
    let now = crate::app::platform::now()
        .map(|n| n.time())
        .unwrap_or_default();
    let nudge = props
        .reminder
        .as_ref()
        .filter(|r| crate::domain::reminder::nudge(Some(r), now, false));
    html! {
        <div class="card today-card">
            <p class="status">{ t.today_not_done }</p>
            if let Some(r) = nudge {
                <p class="nudge">{ super::reminder::nudge_text(locale, r) }</p>
            }
            <button type="button" class={classes!("button", "big", (!secondary).then_some("primary"))} onclick={open}>{ t.start_today }</button>
            <button type="button" class="button big" onclick={nav.reform(move |_| Screen::QuickCheckIn(today))}>{ t.nothing_new }</button>
        </div>
    }
}

/// The clinic's questionnaires due now, each with about how long it takes; one begun and
/// not yet saved says "Go on with it".
fn due_questionnaires(
    locale: &Locale,
    due: &[DueNow],
    drafts: &serde_json::Map<String, serde_json::Value>,
    nav: &Callback<Screen>,
) -> Html {
    let t = locale.t();
    html! {
        <>{ for due.iter().map(|d| {
            let index = d.index;
            html! {
                <div class="card questionnaire-due" data-questionnaire={d.canonical.clone()}>
                    <p><strong>{ t.q_due_title }</strong></p>
                    <p>{ &d.title }</p>
                    <p class="hint">{ &d.minutes }</p>
                    <button type="button" class="button primary" onclick={nav.reform(move |_| Screen::Questionnaire(index))}>
                        { if drafts.contains_key(&d.canonical) { t.q_go_on } else { t.q_answer_now } }
                    </button>
                </div>
            }
        }) }</>
    }
}

/// "4 days without a check-in": one line that opens the list of those days (a native
/// disclosure: no state to keep).
fn missed(locale: &Locale, missed: &[NaiveDate], nav: &Callback<Screen>) -> Html {
    let t = locale.t();
    if missed.is_empty() {
        return html! {};
    }
    html! {
        <details class="card missed">
            <summary class="button missed-line">{ missed_line(t, missed.len()) }</summary>
            <ul class="missed-days">
                { for missed.iter().map(|d| {
                    let d = *d;
                    html! {
                        <li><button type="button" class="button small" onclick={nav.reform(move |_| Screen::CheckIn(d))}>
                            { fill(t.fill_in, &[("date", &locale.short_date(d))]) }
                        </button></li>
                    }
                }) }
            </ul>
        </details>
    }
}

/// The last 7 days, each a button to its check-in.
fn week(locale: &Locale, diary: &Diary, today: NaiveDate, nav: &Callback<Screen>) -> Html {
    let t = locale.t();
    html! {
        <>
            <h2>{ t.last_seven_days }</h2>
            <ol class="week">
                { for last_seven_days(diary, today).iter().map(|day| {
                    let label = match (day.done, day.back, day.leg) {
                        (false, _, _) => t.week_no_checkin.to_string(),
                        (true, None, None) => t.week_checked_in.to_string(),
                        (true, b, l) => [b.map(|v| fill(t.week_back, &[("n", &v.to_string())])), l.map(|v| fill(t.week_leg, &[("n", &v.to_string())]))]
                            .into_iter().flatten().collect::<Vec<_>>().join(", "),
                    };
                    let date = day.date;
                    html! {
                        <li>
                            <button type="button" class={classes!("day", day.done.then_some("done"))}
                                title={locale.long_date(date)} onclick={nav.reform(move |_| Screen::CheckIn(date))}>
                                <span class="day-name">{ locale.weekday_short(date) }</span>
                                <span class="day-num">{ date.day() }</span>
                                <span class="day-value">{
                                    if day.done { day.back.map(|v| v.to_string()).unwrap_or("✓".into()) } else { "–".into() }
                                }</span>
                                <span class="sr-only">{ format!(" — {label}") }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <p class="hint">{ t.week_hint }</p>
        </>
    }
}
