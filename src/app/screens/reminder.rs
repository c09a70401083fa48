//! "Remind me every day": the patient picks a time and for how long, and gets an iCalendar
//! file for their own calendar app (download, or the share sheet where files can be shared).
//! Shown in Settings and at the end of setup.

use chrono::{NaiveDate, NaiveTime};
use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use crate::app::context::use_locale;
use crate::app::platform;
use crate::app::widgets::choice::Choice;
use crate::domain::i18n::fill;
use crate::domain::reminder::{hh_mm, parse_hh_mm, plain_words, to_ics, Calendar, Reminder, Span};

// Setup's last page and Settings show it; the welcome page does not need it.
lazy_screen!(
    REMINDER,
    reminder::reminder_view,
    ReminderPanelProps,
    ReminderPanel
);

#[derive(Properties, PartialEq, Clone)]
pub struct ReminderPanelProps {
    pub procedure_date: Option<NaiveDate>,
    /// The reminder the patient last set, if any.
    pub reminder: Option<Reminder>,
    /// A new calendar file was made: keep this reminder (its UID and sequence).
    pub on_set: Callback<Reminder>,
}

/// A UID for this diary's reminder, made once and then kept, so a new file replaces the
/// event in calendars that honour UID.
fn new_uid() -> String {
    let part = || {
        format!(
            "{:08x}",
            (js_sys::Math::random() * f64::from(u32::MAX)) as u32
        )
    };
    format!("rd-{}{}@recovery-diary", part(), part())
}

/// The diary's address for the calendar event (without a fragment).
fn diary_url() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let url = href.split('#').next().unwrap_or_default().to_string();
    url.starts_with("http").then_some(url)
}

#[function_component]
pub fn ReminderPanel(props: &ReminderPanelProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let (h, m) = Reminder::DEFAULT_TIME;
    let default_time = NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    let time = use_state(|| props.reminder.as_ref().map_or(default_time, |r| r.time));
    let span = use_state(|| props.reminder.as_ref().map_or(Span::default(), |r| r.span));
    let made = use_state(|| false);
    // Without a procedure date there is no day 42: six weeks from today instead.
    let span_now = match *span {
        Span::UntilDay42 if props.procedure_date.is_none() => Span::SixWeeks,
        s => s,
    };
    let today = platform::today();
    let last = span_now.last_day(today, props.procedure_date);
    let will = plain_words(
        t,
        &locale.time(*time),
        last.map(|d| locale.long_date(d)).as_deref(),
    );
    let on_time = {
        let time = time.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value());
            if let Some(v) = value.as_deref().and_then(parse_hh_mm) {
                time.set(v);
            }
        })
    };
    let on_span = {
        let span = span.clone();
        Callback::from(move |s: Span| span.set(s))
    };
    let make = {
        let (time, made) = (time.clone(), made.clone());
        let (previous, on_set) = (props.reminder.clone(), props.on_set.clone());
        Callback::from(move |_: MouseEvent| {
            let reminder = Reminder {
                time: *time,
                span: span_now,
                uid: previous.as_ref().map_or_else(new_uid, |r| r.uid.clone()),
                sequence: previous.as_ref().map_or(0, |r| r.sequence + 1),
            };
            let Some(stamp) = platform::now().map(|n| n.with_timezone(&chrono::Utc)) else {
                return;
            };
            let url = diary_url();
            let text = to_ics(
                &Calendar {
                    reminder: &reminder,
                    first_day: today,
                    last_day: last,
                    stamp,
                    url: url.as_deref(),
                },
                t,
            );
            let (made, on_set) = (made.clone(), on_set.clone());
            const NAME: &str = "recovery-diary-reminder.ics";
            const MIME: &str = "text/calendar";
            if platform::can_share_files() {
                wasm_bindgen_futures::spawn_local(async move {
                    if platform::share(NAME, &text, MIME).await
                        || platform::download(NAME, &text, MIME)
                    {
                        on_set.emit(reminder);
                        made.set(true);
                    }
                });
            } else if platform::download(NAME, &text, MIME) {
                on_set.emit(reminder);
                made.set(true);
            }
        })
    };
    let options: Vec<(Span, AttrValue)> = Span::ALL
        .into_iter()
        .filter(|s| *s != Span::UntilDay42 || props.procedure_date.is_some())
        .map(|s| (s, AttrValue::from(s.label(t))))
        .collect();
    html! {
        <section class="reminder-panel card" aria-labelledby="reminder-title">
            <h2 id="reminder-title">{ t.reminder_title }</h2>
            <p>{ t.reminder_lead }</p>
            <div class="field">
                <label for="reminder-time">{ t.reminder_time_label }</label>
                <input id="reminder-time" type="time" value={hh_mm(*time)} onchange={on_time} />
            </div>
            <Choice<Span> name="reminder-span" legend={t.reminder_span_legend} {options}
                selected={Some(span_now)} on_select={on_span} />
            <p class="reminder-will">{ will }</p>
            <button type="button" class="button primary" onclick={make}>{ t.reminder_get_file }</button>
            if *made {
                <p class="status" role="status">{ t.reminder_done }</p>
            }
            <p class="hint">{ t.reminder_how }</p>
            <p class="hint">{ t.reminder_google }</p>
        </section>
    }
}

/// Home's nudge: after the reminder's time, today's check-in not done.
pub fn nudge_text(locale: &crate::domain::i18n::Locale, reminder: &Reminder) -> String {
    fill(
        locale.t().reminder_nudge,
        &[("time", &locale.time(reminder.time))],
    )
}
