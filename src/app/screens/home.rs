use chrono::{Datelike, NaiveDate};
use yew::prelude::*;

use super::flags::{visit_list, FlagBanners};
use crate::app::context::use_locale;
use crate::app::hooks::stored::{use_last_backup, use_questionnaire_drafts, use_running_timer};
use crate::app::navigation::Screen;
use crate::domain::calendar::day_phrase;
use crate::domain::i18n::fill;
use crate::domain::model::Acknowledgement;
use crate::domain::model::Diary;
use crate::domain::rules::{ClinicSettings, Episode, Firing};
use crate::domain::summary::{last_seven_days, missed_days};

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub diary: std::rc::Rc<Diary>,
    pub today: NaiveDate,
    pub on_navigate: Callback<Screen>,
    pub episodes: std::rc::Rc<Vec<Episode>>,
    pub firings: std::rc::Rc<Vec<Firing>>,
    pub settings: std::rc::Rc<ClinicSettings>,
    pub on_acknowledge: Callback<Acknowledgement>,
    /// The app's notice (a saved check-in's result), shown below the warning signs to act on.
    #[prop_or_default]
    pub notice: Html,
    /// The daily reminder the patient set: after its time, home nudges.
    #[prop_or_default]
    pub reminder: Option<crate::domain::reminder::Reminder>,
    /// The clinic's questionnaires due now.
    #[prop_or_default]
    pub due: std::rc::Rc<Vec<crate::app::clinic_questionnaires::DueNow>>,
}

/// A backup reminder once there is a week of check-ins and no backup in the last 7 days.
fn needs_backup(diary: &Diary, today: NaiveDate, last: Option<NaiveDate>) -> bool {
    diary.checkins.len() >= 7 && last.is_none_or(|d| (today - d).num_days() >= 7)
}

#[function_component]
pub fn Home(props: &HomeProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let diary = &props.diary;
    let today = props.today;
    let done_today = diary.checkins.contains_key(&today);
    // Read once when home is shown (a backup is saved on another screen), not per render.
    let last_backup = use_last_backup().date;
    // A timed walk or stand left running (the page was reloaded): go back to it or discard it.
    let timer = use_running_timer();
    let discard_timer = timer.set.reform(|_: MouseEvent| None);
    // Questionnaires begun and not yet saved.
    let drafts = use_questionnaire_drafts().all;
    let week = last_seven_days(diary, today);
    let missed = missed_days(diary, today);
    let open = |d: NaiveDate| props.on_navigate.reform(move |_| Screen::CheckIn(d));

    html! {
        <section class="home" aria-labelledby="home-title">
            <h1 id="home-title" tabindex="-1">
                { day_phrase(t, diary.profile.procedure_date, today).unwrap_or_else(|| t.home_title_no_date.into()) }
            </h1>
            if diary.profile.procedure_date.is_none() {
                <p class="hint">
                    { t.home_add_date_before }
                    <button type="button" class="link" onclick={props.on_navigate.reform(|_| Screen::Settings)}>{ t.nav_settings }</button>
                    { t.home_add_date_after }
                </p>
            }
            <FlagBanners episodes={props.episodes.clone()} firings={props.firings.clone()} diary={props.diary.clone()}
                settings={props.settings.clone()} on_acknowledge={props.on_acknowledge.clone()}
                {today} on_report={props.on_navigate.reform(|_| Screen::Report)} />
            { props.notice.clone() }
            if let Some(r) = &timer.running {
                <div class="card timer-running" role="status">
                    <p>{ fill(match r.kind {
                        crate::domain::model::TimedKind::Walk => t.timed_running_walk,
                        crate::domain::model::TimedKind::Stand => t.timed_running_stand,
                    }, &[("time", &locale.time(r.started_at.time()))]) }</p>
                    <button type="button" class="button primary" onclick={open(r.date)}>{ t.timed_go_back }</button>
                    <button type="button" class="button" onclick={discard_timer}>{ t.timed_discard_it }</button>
                </div>
            }
            <div class="card today-card">
                if done_today {
                    <p class="status done">{ t.today_done }</p>
                    <button type="button" class="button" onclick={open(today)}>{ t.change_today }</button>
                } else {
                    <p class="status">{ t.today_not_done }</p>
                    if let Some(r) = props.reminder.as_ref().filter(|r| {
                        crate::domain::reminder::nudge(Some(r), crate::app::platform::now().map(|n| n.time()).unwrap_or_default(), done_today)
                    }) {
                        <p class="nudge">{ super::reminder::nudge_text(&locale, r) }</p>
                    }
                    <button type="button" class="button primary big" onclick={open(today)}>{ t.start_today }</button>
                }
            </div>
            { for props.due.iter().map(|d| {
                let index = d.index;
                html! {
                    <div class="card questionnaire-due" data-questionnaire={d.canonical.clone()}>
                        <p><strong>{ t.q_due_title }</strong></p>
                        <p>{ &d.title }</p>
                        <button type="button" class="button primary" onclick={props.on_navigate.reform(move |_| Screen::Questionnaire(index))}>
                            { if drafts.contains_key(&d.canonical) { t.q_go_on } else { t.q_answer_now } }
                        </button>
                    </div>
                }
            }) }
            if diary.baseline.is_none() {
                <div class="card reminder">
                    <p>{ t.baseline_missing }</p>
                    <button type="button" class="button" onclick={props.on_navigate.reform(|_| Screen::Baseline)}>{ t.add_it_now }</button>
                </div>
            }
            if needs_backup(diary, today, last_backup) {
                <div class="card reminder">
                    <p>{ t.backup_reminder }</p>
                    <button type="button" class="button" onclick={props.on_navigate.reform(|_| Screen::Data)}>{ t.save_a_backup }</button>
                </div>
            }
            if !missed.is_empty() {
                <div class="card missed">
                    <h2>{ t.missed_title }</h2>
                    <ul class="missed-days">
                        { for missed.iter().map(|d| html! {
                            <li><button type="button" class="button small" onclick={open(*d)}>
                                { fill(t.fill_in, &[("date", &locale.short_date(*d))]) }
                            </button></li>
                        }) }
                    </ul>
                </div>
            }
            <h2>{ t.last_seven_days }</h2>
            <ol class="week">
                { for week.iter().map(|day| {
                    let label = match (day.done, day.back, day.leg) {
                        (false, _, _) => t.week_no_checkin.to_string(),
                        (true, None, None) => t.week_checked_in.to_string(),
                        (true, b, l) => [b.map(|v| fill(t.week_back, &[("n", &v.to_string())])), l.map(|v| fill(t.week_leg, &[("n", &v.to_string())]))]
                            .into_iter().flatten().collect::<Vec<_>>().join(", "),
                    };
                    html! {
                        <li>
                            <button type="button" class={classes!("day", day.done.then_some("done"))}
                                title={locale.long_date(day.date)} onclick={open(day.date)}>
                                <span class="day-name">{ locale.weekday_short(day.date) }</span>
                                <span class="day-num">{ day.date.day() }</span>
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
            { visit_list(&locale, &props.episodes) }
        </section>
    }
}
