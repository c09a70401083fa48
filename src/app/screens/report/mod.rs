//! The follow-up report: one page a clinician reads in a minute, printable.
//!
//! Contract (tests and clinic integrations rely on it): the root has `data-report`; each
//! flag episode of the whole diary is one element with `data-rule`, `data-tier`,
//! `data-from` and `data-to` (YYYY-MM-DD), once.

mod chart;
mod sections;

use std::rc::Rc;

use yew::prelude::*;

use super::flags::{acknowledged, action_label, capitalise};
use super::home::long_date;
use super::setup::DISCLAIMER;
use crate::app::widgets::Choice;
use crate::domain::measures::Measure;
use crate::domain::model::Diary;
use crate::domain::rules::{message, rule, ClinicSettings, Episode, Tier};
use crate::domain::summary::trim_number;
use crate::domain::trends::{baseline, compare, series, Range};
use chart::Chart;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub diary: Rc<Diary>,
    pub episodes: Rc<Vec<Episode>>,
    pub settings: Rc<ClinicSettings>,
}

fn summary_text(diary: &Diary, m: Measure) -> String {
    let c = compare(diary, m);
    let u = m.unit(diary.profile.distance_unit);
    let r = |v: f64| trim_number((v * 10.0).round() / 10.0);
    match (c.baseline, c.latest) {
        (Some(b), Some(l)) => format!(
            "before the procedure {} {u}; latest 7 days {} {u} ({}{}{})",
            r(b),
            r(l),
            if l - b > 0.0 { "+" } else { "" },
            r(l - b),
            c.percent
                .map(|p| format!(", {}{}%", if p > 0.0 { "+" } else { "" }, p.round()))
                .unwrap_or_default()
        ),
        (None, Some(l)) => format!(
            "latest 7 days {} {u}; no value from before the procedure",
            r(l)
        ),
        (Some(b), None) => format!(
            "before the procedure {} {u}; nothing recorded in the latest 7 days",
            r(b)
        ),
        (None, None) => "nothing recorded".into(),
    }
}

#[function_component]
pub fn Report(props: &ReportProps) -> Html {
    let range = use_state(|| Range::SixWeeks);
    let diary = &props.diary;
    let marks: Vec<_> = props
        .episodes
        .iter()
        .filter(|e| e.tier != Tier::Followup)
        .map(|e| {
            (
                e.from,
                e.to,
                if e.tier == Tier::Emergency {
                    "emergency"
                } else {
                    "call"
                },
            )
        })
        .collect();
    let set_range = {
        let range = range.clone();
        Callback::from(move |r: Range| range.set(r))
    };
    let procedure = diary
        .profile
        .procedure_date
        .map(long_date)
        .unwrap_or_else(|| "not given".into());
    let questions: Vec<(chrono::NaiveDate, String)> = diary
        .checkins
        .iter()
        .filter_map(|(d, e)| {
            e.ask_at_visit
                .clone()
                .filter(|q| !q.trim().is_empty())
                .map(|q| (*d, q))
        })
        .collect();

    html! {
        <section class="report" data-report="" aria-labelledby="report-title">
            <h1 id="report-title" tabindex="-1">{ "Report for your care team" }</h1>
            <p class="report-meta">{ format!("Procedure: {procedure}. Check-ins: {}. ", diary.checkins.len()) }
                { diary.checkins.keys().next().zip(diary.checkins.keys().next_back())
                    .map(|(a, b)| format!("From {} to {}.", long_date(*a), long_date(*b))).unwrap_or_default() }</p>

            <h2>{ "Change since before the procedure" }</h2>
            { sections::comparison(diary) }

            <h2>{ "Trends" }</h2>
            <div class="no-print">
                <Choice<Range> name="report-range" legend="Show" class="range"
                    options={Range::ALL.iter().map(|r| (*r, AttrValue::from(r.label()))).collect::<Vec<_>>()}
                    selected={Some(*range)} on_select={set_range} />
            </div>
            <div class="charts">
                { for Measure::ALL.into_iter().map(|m| html! {
                    <Chart id={format!("chart-{}", m.key())} title={m.label()} unit={m.unit(diary.profile.distance_unit)}
                        points={series(diary, m, *range)} baseline={baseline(diary, m)}
                        fixed_max={m.is_pain().then_some(10.0)} marks={marks.clone()}
                        summary={summary_text(diary, m)} />
                }) }
            </div>
            <p class="hint">{ "Shaded bands with “!” mark days with a warning sign. The dashed line is the value before the procedure." }</p>

            <div class="report-details">
            <h2>{ "Warning signs" }</h2>
            if props.episodes.is_empty() {
                <p>{ "No warning signs were flagged." }</p>
            }
            <ol class="episodes">
                { for props.episodes.iter().map(|ep| {
                    let what = rule(ep.rule).map(|r| r.what).unwrap_or_default();
                    let when = if ep.from == ep.to { long_date(ep.from) } else { format!("{} to {}", long_date(ep.from), long_date(ep.to)) };
                    let did = acknowledged(diary, ep).map(action_label);
                    let last: Vec<_> = ep.firings.iter().filter(|f| f.date == ep.to).collect();
                    html! {
                        <li class={classes!("episode", format!("tier-{}", ep.tier.name()))} data-rule={ep.rule} data-tier={ep.tier.name()}
                            data-from={ep.from.to_string()} data-to={ep.to.to_string()}>
                            <p class="episode-title"><strong>{ format!("{} · {}", ep.rule, capitalise(what)) }</strong>{ format!(" — {when}") }</p>
                            <ul class="evidence">
                                { for ep.firings.iter().map(|f| html! {
                                    <li>{ format!("{}: {}", f.date.format("%-d %b"), f.evidence.join("; ")) }</li>
                                }) }
                            </ul>
                            if ep.tier != Tier::Followup {
                                <p class="shown">{ format!("Message shown: {}", message(ep.tier, &last, diary, &props.settings)) }</p>
                                <p>{ format!("What the patient did: {}", did.unwrap_or("not recorded")) }</p>
                            }
                        </li>
                    }
                }) }
            </ol>

            <h2>{ "Questions for the visit" }</h2>
            if questions.is_empty() { <p>{ "None." }</p> }
            <ul>{ for questions.iter().map(|(d, q)| html! { <li>{ format!("{}: {q}", d.format("%-d %b")) }</li> }) }</ul>

            <h2>{ "Incision, days 0–14" }</h2>
            { sections::incision_log(diary) }

            <h2>{ "Numbness, tingling, weakness: now against before" }</h2>
            { sections::neuro_changes(diary) }

            { sections::medicines_and_falls(diary) }
            </div>

            <p class="hint disclaimer-print">{ DISCLAIMER }</p>
            <button type="button" class="button no-print" onclick={Callback::from(|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } })}>{ "Print this report" }</button>
        </section>
    }
}
