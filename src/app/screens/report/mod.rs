//! The follow-up report: one page a clinician reads in a minute, printable.
//!
//! Contract (tests and clinic integrations rely on it): the root has `data-report`; each
//! flag episode of the whole diary is one element with `data-rule`, `data-tier`,
//! `data-from` and `data-to` (YYYY-MM-DD), once.

mod chart;
mod questionnaires;
mod sections;

use std::rc::Rc;

use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use super::flags::{acknowledged, action_label, episode_dates};
use crate::app::context::use_locale;
use crate::app::widgets::choice::Choice;
use crate::domain::i18n::{capitalise, fill, Locale};
use crate::domain::measures::Measure;
use crate::domain::model::Diary;
use crate::domain::rules::words::evidence;
use crate::domain::rules::{message, what, ClinicSettings, Episode, Firing, Tier};
use crate::domain::trends::{baseline, compare, series, Range};
use chart::{chart, ChartProps};

lazy_screen!(REPORT, report::report_view, ReportProps, Report);

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
    pub today: chrono::NaiveDate,
}

fn summary_text(l: &Locale, diary: &Diary, m: Measure) -> String {
    let t = l.t();
    let c = compare(diary, m);
    let u = m.unit(diary.profile.distance_unit);
    let value = |v: f64| format!("{} {u}", l.number((v * 10.0).round() / 10.0));
    match (c.baseline, c.latest) {
        (Some(b), Some(latest)) => {
            let percent = c
                .percent
                .map(|p| format!(", {}{}%", if p > 0.0 { "+" } else { "" }, p.round()))
                .unwrap_or_default();
            let change = format!("{}{percent}", sections::signed(l, latest - b));
            fill(
                t.summary_both,
                &[
                    ("before", &value(b)),
                    ("latest", &value(latest)),
                    ("change", &change),
                ],
            )
        }
        (None, Some(latest)) => fill(t.summary_latest, &[("latest", &value(latest))]),
        (Some(b), None) => fill(t.summary_before, &[("before", &value(b))]),
        (None, None) => t.summary_nothing.into(),
    }
}

#[function_component]
pub fn Report(props: &ReportProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
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
        .map(|d| locale.long_date(d))
        .unwrap_or_else(|| t.not_given.into());
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
            <h1 id="report-title" tabindex="-1">{ t.report_title }</h1>
            <p class="report-meta">{ fill(t.report_meta, &[("date", &procedure), ("n", &diary.checkins.len().to_string())]) }{ " " }
                { diary.checkins.keys().next().zip(diary.checkins.keys().next_back())
                    .map(|(a, b)| fill(t.report_from_to, &[("from", &locale.long_date(*a)), ("to", &locale.long_date(*b))])).unwrap_or_default() }</p>

            <h2>{ t.change_since_before }</h2>
            { sections::comparison(&locale, diary) }

            <h2>{ t.trends }</h2>
            <div class="no-print">
                <Choice<Range> name="report-range" legend={t.range_legend} class="range"
                    options={Range::ALL.iter().map(|r| (*r, AttrValue::from(r.label(t)))).collect::<Vec<_>>()}
                    selected={Some(*range)} on_select={set_range} />
            </div>
            <div class="charts">
                { for Measure::ALL.into_iter().map(|m| chart(&locale, &ChartProps {
                    id: format!("chart-{}", m.key()).into(),
                    title: m.label(t).into(),
                    unit: m.unit(diary.profile.distance_unit).into(),
                    points: series(diary, m, *range),
                    baseline: baseline(diary, m),
                    fixed_max: m.is_pain().then_some(10.0),
                    marks: marks.clone(),
                    summary: summary_text(&locale, diary, m).into(),
                })) }
            </div>
            <p class="hint">{ t.chart_hint }</p>

            <div class="report-details">
            <h2>{ t.warning_signs }</h2>
            if props.episodes.is_empty() {
                <p>{ t.no_warning_signs }</p>
            }
            <ol class="episodes">
                { for props.episodes.iter().map(|ep| {
                    let what = what(t, ep.rule);
                    let when = episode_dates(&locale, ep);
                    let did = acknowledged(diary, ep).map(|a| match &a.note {
                        Some(note) => format!("{} ({note})", action_label(t, a.action)),
                        None => action_label(t, a.action).to_string(),
                    });
                    html! {
                        <li class={classes!("episode", format!("tier-{}", ep.tier.name()))} data-rule={ep.rule} data-tier={ep.tier.name()}
                            data-from={ep.from.to_string()} data-to={ep.to.to_string()}>
                            <p class="episode-title"><strong>{ format!("{} · {}", ep.rule, capitalise(what)) }</strong>{ format!(" — {when}") }</p>
                            <ul class="evidence">
                                { for ep.firings.iter().map(|f| html! {
                                    <li>{ format!("{}: {}", locale.day_month(f.date), evidence(&locale, &f.evidence)) }</li>
                                }) }
                            </ul>
                            if ep.tier != Tier::Followup {
                                <p class="shown">{ fill(t.message_shown, &[("message", &message(&locale, ep.tier, ep.to, &props.firings, diary, &props.settings))]) }</p>
                                <p>{ fill(t.patient_did, &[("action", did.as_deref().unwrap_or(t.not_recorded_lower))]) }</p>
                            }
                        </li>
                    }
                }) }
            </ol>

            <h2>{ t.visit_questions }</h2>
            if questions.is_empty() { <p>{ t.none_recorded }</p> }
            <ul>{ for questions.iter().map(|(d, q)| html! { <li>{ format!("{}: {q}", locale.day_month(*d)) }</li> }) }</ul>

            <h2>{ t.incision_days }</h2>
            { sections::incision_log(&locale, diary) }

            <h2>{ t.nerves_now_before }</h2>
            { sections::neuro_changes(&locale, diary) }

            { sections::medicines_and_falls(&locale, diary) }

            { questionnaires::clinic_questionnaires(&locale, diary, &props.clinic, props.today) }
            </div>

            <p class="hint disclaimer-print">{ t.disclaimer }</p>
            <button type="button" class="button no-print" onclick={Callback::from(|_| { if let Some(w) = web_sys::window() { let _ = w.print(); } })}>{ t.print_report }</button>
        </section>
    }
}
