use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use crate::app::context::use_locale;
use crate::app::navigation::Screen;
use crate::app::platform::parse_date_input;
use crate::domain::calendar::day_number;
use crate::domain::i18n::fill;
use crate::domain::model::{bounds, Diary, DistanceUnit, Entry};
use crate::domain::summary::key_values;

lazy_screen!(HISTORY, ready::history_view, HistoryProps, History);

#[derive(Properties, PartialEq, Clone)]
pub struct HistoryProps {
    pub diary: Rc<Diary>,
    pub today: NaiveDate,
    pub on_navigate: Callback<Screen>,
    pub on_delete: Callback<NaiveDate>,
}

/// How many check-ins History shows at first, and adds each time the patient asks for
/// earlier ones: 20 years of daily check-ins render as fast as two months.
pub const HISTORY_PAGE: usize = 60;

/// Every check-in, newest first, a page at a time: open to change, delete with a confirm
/// (and undo after).
#[function_component]
pub fn History(props: &HistoryProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let confirming = use_state(|| None::<NaiveDate>);
    let shown = use_state(|| HISTORY_PAGE);
    let diary = &props.diary;
    let earlier = diary.checkins.len().saturating_sub(*shown);
    let show_more = {
        let shown = shown.clone();
        Callback::from(move |_| shown.set(*shown + HISTORY_PAGE))
    };
    let on_confirm = {
        let confirming = confirming.clone();
        Callback::from(move |date| confirming.set(date))
    };
    html! {
        <section class="history" aria-labelledby="history-title">
            <h1 id="history-title" tabindex="-1">{ t.nav_history }</h1>
            <OtherDay today={props.today} on_navigate={props.on_navigate.clone()} />
            if diary.checkins.is_empty() {
                <p class="empty">{ t.no_checkins }</p>
            }
            <ul class="history-list">
            { for diary.checkins.iter().rev().take(*shown).map(|(date, entry)| html! {
                <HistoryItem key={date.to_string()} date={*date} entry={entry.clone()}
                    procedure_date={diary.profile.procedure_date} unit={diary.profile.distance_unit} confirming={*confirming == Some(*date)}
                    on_confirm={on_confirm.clone()} on_delete={props.on_delete.clone()}
                    on_navigate={props.on_navigate.clone()} />
            }) }
            </ul>
            if earlier > 0 {
                <button type="button" class="button" onclick={show_more}>
                    { fill(t.history_show_earlier, &[("n", &earlier.to_string())]) }
                </button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OtherDayProps {
    today: NaiveDate,
    on_navigate: Callback<Screen>,
}

/// A day to add or change, by its date (1900 to today, the dates a diary holds).
#[function_component]
fn OtherDay(props: &OtherDayProps) -> Html {
    let t = use_locale().t();
    let other_day = use_state(|| None::<NaiveDate>);
    let on_pick = {
        let (other_day, today) = (other_day.clone(), props.today);
        Callback::from(move |e: Event| {
            other_day
                .set(parse_date_input(&e).filter(|d| (bounds::EARLIEST_DATE..=today).contains(d)))
        })
    };
    let open_other = {
        let (other_day, nav) = (other_day.clone(), props.on_navigate.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = *other_day {
                nav.emit(Screen::CheckIn(d));
            }
        })
    };
    html! {
        <div class="card">
            <div class="field">
                <label for="other-day">{ t.other_day }</label>
                <input id="other-day" type="date" min={bounds::EARLIEST_DATE.to_string()}
                    max={props.today.to_string()} onchange={on_pick} />
            </div>
            <button type="button" class="button" disabled={other_day.is_none()} onclick={open_other}>{ t.open_that_day }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct HistoryItemProps {
    date: NaiveDate,
    entry: Entry,
    procedure_date: Option<NaiveDate>,
    unit: DistanceUnit,
    /// The "delete this day?" question is open.
    confirming: bool,
    on_confirm: Callback<Option<NaiveDate>>,
    on_delete: Callback<NaiveDate>,
    on_navigate: Callback<Screen>,
}

/// One check-in: its date, day number and key values, to open or delete.
#[function_component]
fn HistoryItem(props: &HistoryItemProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let date = props.date;

    let title = locale.long_date(date);
    let day =
        day_number(props.procedure_date, date).map(|n| fill(t.day_n, &[("n", &n.to_string())]));
    let values = key_values(&locale, &props.entry, props.unit);
    let ask = props.on_confirm.reform(move |_| Some(date));
    let keep = props.on_confirm.reform(|_| None);
    let delete = {
        let (on_confirm, on_delete) = (props.on_confirm.clone(), props.on_delete.clone());
        Callback::from(move |_| {
            on_confirm.emit(None);
            on_delete.emit(date);
        })
    };
    html! {
        <li class="history-item">
            <h2>{ &title }</h2>
            if let Some(day) = day { <p class="day-label">{ day }</p> }
            <p class="values">{ if values.is_empty() { t.no_values.to_string() } else { values.join(" · ") } }</p>
            if props.confirming {
                <div class="confirm" role="group" aria-label={fill(t.delete_question, &[("date", &title)])}>
                    <p>{ fill(t.delete_question, &[("date", &title)]) }</p>
                    <button type="button" class="button danger" onclick={delete}>{ t.yes_delete }</button>
                    <button type="button" class="button" onclick={keep}>{ t.no_keep }</button>
                </div>
            } else {
                <div class="item-actions">
                    <button type="button" class="button" aria-label={fill(t.open_date, &[("date", &title)])}
                        onclick={props.on_navigate.reform(move |_| Screen::CheckIn(date))}>{ t.open }</button>
                    <button type="button" class="button" aria-label={fill(t.delete_date, &[("date", &title)])} onclick={ask}>{ t.delete }</button>
                </div>
            }
        </li>
    }
}
