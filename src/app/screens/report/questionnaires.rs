//! The report's clinic questionnaires: per questionnaire, each response's date, day and
//! score; the change against the first response before the procedure (or the first), marked
//! where it passes the clinic's minimal important change; a small chart from two responses;
//! the due dates missed.

use chrono::NaiveDate;
use yew::prelude::*;

use super::chart::{chart, ChartProps};
use crate::app::clinic_questionnaires::ClinicQuestionnaires;
use crate::domain::i18n::{fill, Locale};
use crate::domain::model::Diary;
use crate::domain::questionnaire::{answered_dates, change, due, kept, responses, Questionnaire};
use crate::domain::report::report_texts;
use crate::domain::report::words::{day_text, signed};
use crate::domain::trends::Point;

fn score_text(l: &Locale, q: &Questionnaire, score: Option<f64>) -> String {
    // The calculated total item when the file has one, else the score rule.
    match score {
        Some(s) if q.percent() => l.percent((s * 10.0).round() / 10.0),
        Some(s) => l.number((s * 10.0).round() / 10.0),
        None => l.t().q_no_score.to_string(),
    }
}

fn block(l: &Locale, diary: &Diary, q: &Questionnaire, missed: &[i64], n: usize) -> Html {
    let t = l.t();
    let lang = l.lang.code();
    let rows = responses(diary, q);
    let title = q.title.get(lang).to_string();
    let points: Vec<Point> = rows
        .iter()
        .filter_map(|r| {
            Some(Point {
                date: r.date,
                day: r.day,
                value: r.score?,
                timed: false,
            })
        })
        .collect();
    let first_last =
        |p: &[Point]| -> Option<(NaiveDate, NaiveDate)> { Some((p.first()?.date, p.last()?.date)) };
    html! {
        <div class="clinic-questionnaire" data-questionnaire={q.canonical()}>
            <h3>{ &title }</h3>
            if rows.is_empty() {
                <p>{ t.q_none_yet }</p>
            } else {
                <div class="table-wrap" tabindex="0" role="region" aria-label={title.clone()}>
                <table>
                    <thead><tr><th scope="col">{ t.q_col_date }</th><th scope="col">{ t.q_col_day }</th><th scope="col">{ t.q_col_score }</th></tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr data-date={r.date.to_string()}>
                                <td>{ l.day_month_year(r.date) }</td>
                                <td>{ r.day.map(day_text).unwrap_or_default() }</td>
                                <td class="score">{ score_text(l, q, r.score) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                </div>
            }
            if let Some(c) = change(q, &rows) {
                <p class="q-change" data-change={c.delta.to_string()}>
                    { fill(t.q_change, &[("date", &l.day_month_year(c.reference_date)), ("change", &signed(l, c.delta))]) }
                    { " " }
                    { if q.higher_is_better { t.q_higher_better } else { t.q_lower_better } }
                    if let (Some(better), Some(mid)) = (c.important, q.mid) {
                        { " " }
                        <strong class={classes!("important", if better { "better" } else { "worse" })}>
                            { fill(if better { t.q_better } else { t.q_worse }, &[("mid", &l.number(mid))]) }
                        </strong>
                    }
                </p>
            }
            if points.len() >= 2 {
                <div class="charts">{ chart(l, &ChartProps {
                    id: format!("chart-questionnaire-{n}").into(),
                    title: title.clone().into(),
                    unit: AttrValue::from(""),
                    summary: first_last(&points).map(|(a, b)| fill(t.q_chart_summary, &[("first", &l.day_month(a)), ("last", &l.day_month(b))])).unwrap_or_default().into(),
                    points,
                    baseline: None,
                    fixed_max: q.percent().then_some(100.0),
                    marks: Vec::new(),
                    day_zero: diary.profile.procedure_date,
                    numbers: None,
                }) }</div>
            }
            if !missed.is_empty() {
                <p class="q-missed">{ fill(t.q_missed, &[("days", &missed.iter().map(|d| fill(report_texts(l.lang).chart_day, &[("n", &day_text(*d))])).collect::<Vec<_>>().join(", "))]) }</p>
            }
        </div>
    }
}

/// The section, or nothing when the clinic lists no questionnaire and none was answered.
pub fn clinic_questionnaires(
    l: &Locale,
    diary: &Diary,
    clinic: &ClinicQuestionnaires,
    today: NaiveDate,
) -> Html {
    let mut list: Vec<Questionnaire> = kept(diary);
    for o in &clinic.offered {
        if !list.iter().any(|q| q.url == o.questionnaire.url) {
            list.push((*o.questionnaire).clone());
        }
    }
    if list.is_empty() {
        return html! {};
    }
    // Missed due dates, from the clinic's current questionnaires, shown once per url.
    let missed = |q: &Questionnaire, shown: &mut Vec<String>| -> Vec<i64> {
        if shown.contains(&q.url) {
            return Vec::new();
        }
        shown.push(q.url.clone());
        let Some(current) = clinic.offered.iter().find(|o| o.questionnaire.url == q.url) else {
            return Vec::new();
        };
        let answered = answered_dates(diary, &q.url);
        due(
            &current.questionnaire,
            diary.profile.procedure_date,
            today,
            &answered,
        )
        .missed
    };
    let mut shown = Vec::new();
    html! {
        <>
        <h2>{ l.t().q_report_title }</h2>
        { for list.iter().enumerate().map(|(n, q)| {
            let missed = missed(q, &mut shown);
            block(l, diary, q, &missed, n)
        }) }
        </>
    }
}
