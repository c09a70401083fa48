use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use crate::app::context::use_locale;
use crate::app::navigation::Screen;
use crate::app::platform::parse_date_input;
use crate::domain::calendar::day_number;
use crate::domain::i18n::fill;
use crate::domain::model::Diary;
use crate::domain::summary::key_values;

lazy_screen!(HISTORY, ready::history_view, HistoryProps, History);

#[derive(Properties, PartialEq, Clone)]
pub struct HistoryProps {
    pub diary: Rc<Diary>,
    pub today: NaiveDate,
    pub on_navigate: Callback<Screen>,
    pub on_delete: Callback<NaiveDate>,
}

/// Every check-in, newest first: open to change, delete with a confirm (and undo after).
#[function_component]
pub fn History(props: &HistoryProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let confirming = use_state(|| None::<NaiveDate>);
    let other_day = use_state(|| None::<NaiveDate>);
    let diary = &props.diary;
    let unit = diary.profile.distance_unit;

    let on_pick = {
        let other_day = other_day.clone();
        Callback::from(move |e: Event| other_day.set(parse_date_input(&e)))
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
        <section class="history" aria-labelledby="history-title">
            <h1 id="history-title" tabindex="-1">{ t.nav_history }</h1>
            <div class="card">
                <div class="field">
                    <label for="other-day">{ t.other_day }</label>
                    <input id="other-day" type="date" max={props.today.to_string()} onchange={on_pick} />
                </div>
                <button type="button" class="button" disabled={other_day.is_none()} onclick={open_other}>{ t.open_that_day }</button>
            </div>
            if diary.checkins.is_empty() {
                <p class="empty">{ t.no_checkins }</p>
            }
            <ul class="history-list">
            { for diary.checkins.iter().rev().map(|(date, entry)| {
                let date = *date;
                let title = locale.long_date(date);
                let day = day_number(diary.profile.procedure_date, date).map(|n| fill(t.day_n, &[("n", &n.to_string())]));
                let values = key_values(&locale, entry, unit);
                let is_confirming = *confirming == Some(date);
                let ask = { let c = confirming.clone(); Callback::from(move |_| c.set(Some(date))) };
                let keep = { let c = confirming.clone(); Callback::from(move |_| c.set(None)) };
                let delete = {
                    let (c, on_delete) = (confirming.clone(), props.on_delete.clone());
                    Callback::from(move |_| { c.set(None); on_delete.emit(date); })
                };
                html! {
                    <li class="history-item" key={date.to_string()}>
                        <h2>{ &title }</h2>
                        if let Some(day) = day { <p class="day-label">{ day }</p> }
                        <p class="values">{ if values.is_empty() { t.no_values.to_string() } else { values.join(" · ") } }</p>
                        if is_confirming {
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
            }) }
            </ul>
        </section>
    }
}
