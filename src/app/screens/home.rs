use chrono::NaiveDate;
use yew::prelude::*;

use super::flags::{FlagBanners, VisitList};
use crate::app::widgets::Screen;
use crate::domain::calendar::day_phrase;
use crate::domain::model::Acknowledgement;
use crate::domain::model::Diary;
use crate::domain::rules::{ClinicSettings, Episode};
use crate::domain::summary::{last_seven_days, missed_days};

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub diary: std::rc::Rc<Diary>,
    pub today: NaiveDate,
    pub on_navigate: Callback<Screen>,
    pub episodes: std::rc::Rc<Vec<Episode>>,
    pub settings: std::rc::Rc<ClinicSettings>,
    pub on_acknowledge: Callback<Acknowledgement>,
}

/// A backup reminder once there is a week of check-ins and no backup in the last 7 days.
fn needs_backup(diary: &Diary, today: NaiveDate, last: Option<NaiveDate>) -> bool {
    diary.checkins.len() >= 7 && last.is_none_or(|d| (today - d).num_days() >= 7)
}

pub fn short_date(d: NaiveDate) -> String {
    d.format("%a %-d %b").to_string()
}

pub fn long_date(d: NaiveDate) -> String {
    d.format("%A %-d %B %Y").to_string()
}

#[function_component]
pub fn Home(props: &HomeProps) -> Html {
    let diary = &props.diary;
    let today = props.today;
    let done_today = diary.checkins.contains_key(&today);
    let keys = use_context::<std::rc::Rc<crate::app::Keys>>();
    // Read once when home is shown (a backup is saved on another screen), not per render.
    let last_backup = *use_state(|| keys.as_deref().and_then(crate::app::storage::last_backup));
    let week = last_seven_days(diary, today);
    let missed = missed_days(diary, today);
    let open = |d: NaiveDate| props.on_navigate.reform(move |_| Screen::CheckIn(d));

    html! {
        <section class="home" aria-labelledby="home-title">
            <h1 id="home-title" tabindex="-1">
                { day_phrase(diary.profile.procedure_date, today).unwrap_or_else(|| "Your recovery diary".into()) }
            </h1>
            if diary.profile.procedure_date.is_none() {
                <p class="hint">
                    { "Add your procedure date in " }
                    <button type="button" class="link" onclick={props.on_navigate.reform(|_| Screen::Settings)}>{ "Settings" }</button>
                    { " to see day numbers." }
                </p>
            }
            <FlagBanners episodes={props.episodes.clone()} diary={props.diary.clone()}
                settings={props.settings.clone()} on_acknowledge={props.on_acknowledge.clone()} />
            <div class="card today-card">
                if done_today {
                    <p class="status done">{ "✓ Today's check-in is done." }</p>
                    <button type="button" class="button" onclick={open(today)}>{ "Change today's check-in" }</button>
                } else {
                    <p class="status">{ "Today's check-in is not done yet." }</p>
                    <button type="button" class="button primary big" onclick={open(today)}>{ "Start today's check-in" }</button>
                }
            </div>
            if diary.baseline.is_none() {
                <div class="card reminder">
                    <p>{ "Your “before the procedure” record is missing. Your care team uses it to see how much you have improved." }</p>
                    <button type="button" class="button" onclick={props.on_navigate.reform(|_| Screen::Baseline)}>{ "Add it now" }</button>
                </div>
            }
            if needs_backup(diary, today, last_backup) {
                <div class="card reminder">
                    <p>{ "Save a backup copy of your diary. Browsers can delete a site's data, and a copy lets you move to a new phone." }</p>
                    <button type="button" class="button" onclick={props.on_navigate.reform(|_| Screen::Data)}>{ "Save a backup" }</button>
                </div>
            }
            if !missed.is_empty() {
                <div class="card missed">
                    <h2>{ "Days without a check-in" }</h2>
                    <ul class="missed-days">
                        { for missed.iter().map(|d| html! {
                            <li><button type="button" class="button small" onclick={open(*d)}>
                                { format!("Fill in {}", short_date(*d)) }
                            </button></li>
                        }) }
                    </ul>
                </div>
            }
            <h2>{ "The last 7 days" }</h2>
            <ol class="week">
                { for week.iter().map(|day| {
                    let label = match (day.done, day.back, day.leg) {
                        (false, _, _) => "no check-in".to_string(),
                        (true, None, None) => "checked in".to_string(),
                        (true, b, l) => [b.map(|v| format!("back pain {v}")), l.map(|v| format!("leg pain {v}"))]
                            .into_iter().flatten().collect::<Vec<_>>().join(", "),
                    };
                    html! {
                        <li>
                            <button type="button" class={classes!("day", day.done.then_some("done"))}
                                title={long_date(day.date)} onclick={open(day.date)}>
                                <span class="day-name">{ day.date.format("%a").to_string() }</span>
                                <span class="day-num">{ day.date.format("%-d").to_string() }</span>
                                <span class="day-value">{
                                    if day.done { day.back.map(|v| v.to_string()).unwrap_or("✓".into()) } else { "–".into() }
                                }</span>
                                <span class="sr-only">{ format!(" — {label}") }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <p class="hint">{ "Numbers show back pain (0–10). Tap a day to see or change it." }</p>
            <VisitList episodes={props.episodes.clone()} />
        </section>
    }
}
