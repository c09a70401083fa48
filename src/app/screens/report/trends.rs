//! The report's trend charts: a range to choose (on screen), one chart per measure by day
//! since the procedure, warning-sign episodes marked.

use yew::prelude::*;

use super::chart::{chart, ChartProps};
use crate::app::widgets::choice::Choice;
use crate::domain::i18n::{fill, Locale};
use crate::domain::measures::Measure;
use crate::domain::model::Diary;
use crate::domain::report::glance::measure_change;
use crate::domain::report::report_texts;
use crate::domain::report::words::{change_words, value};
use crate::domain::rules::{Episode, Tier};
use crate::domain::trends::{baseline, series, Range};

/// "before the procedure 250 ft; latest 7 days 2590 ft (+2340 ft)".
fn summary(l: &Locale, diary: &Diary, m: Measure) -> String {
    let rt = report_texts(l.lang);
    let c = measure_change(diary, m);
    let unit = m.unit(l, diary.profile.distance_unit);
    let whole = m == Measure::WalkDistance;
    let with_unit = |v: f64| format!("{}\u{a0}{unit}", value(l, v, whole));
    match (c.before, c.now) {
        (Some(b), Some(now)) => fill(
            rt.summary_both,
            &[
                ("before", &with_unit(b)),
                ("latest", &with_unit(now)),
                (
                    "change",
                    &change_words(l, &c, if m.is_pain() { "" } else { unit }).unwrap_or_default(),
                ),
            ],
        ),
        (None, Some(now)) => fill(rt.summary_latest, &[("latest", &with_unit(now))]),
        (Some(b), None) => fill(rt.summary_before, &[("before", &with_unit(b))]),
        (None, None) => rt.summary_nothing.into(),
    }
}

/// What the report keeps for its charts: the range chosen, and which charts' tables of
/// numbers are open (a bit per measure).
#[derive(Clone)]
pub struct TrendsState {
    pub range: UseStateHandle<Range>,
    pub tables: UseStateHandle<u8>,
}

/// The section: the range and the charts.
pub fn trends(locale: &Locale, diary: &Diary, episodes: &[Episode], state: &TrendsState) -> Html {
    let range = &state.range;
    let (t, rt) = (locale.t(), report_texts(locale.lang));
    let marks: Vec<_> = episodes
        .iter()
        .filter(|e| e.tier != Tier::Followup)
        .map(|e| (e.from, e.to, e.tier.name()))
        .collect();
    let set_range = {
        let range = range.clone();
        Callback::from(move |r: Range| range.set(r))
    };
    html! {
        <>
            <h2>{ rt.trends }</h2>
            <div class="no-print">
                <Choice<Range> name="report-range" legend={rt.range_legend} class="range"
                    options={Range::ALL.iter().map(|r| (*r, AttrValue::from(r.label(rt)))).collect::<Vec<_>>()}
                    selected={Some(**range)} on_select={set_range} />
            </div>
            <div class="charts">
                { for Measure::ALL.into_iter().enumerate().map(|(i, m)| chart(locale, &ChartProps {
                    id: format!("chart-{}", m.key()).into(),
                    title: m.label(t).into(),
                    unit: m.unit(locale, diary.profile.distance_unit).into(),
                    points: series(diary, m, **range),
                    baseline: baseline(diary, m),
                    fixed_max: m.is_pain().then_some(10.0),
                    marks: marks.clone(),
                    day_zero: diary.profile.procedure_date,
                    summary: summary(locale, diary, m).into(),
                    numbers: Some((*state.tables & (1 << i) != 0, {
                        let tables = state.tables.clone();
                        Callback::from(move |()| tables.set(*tables ^ (1 << i)))
                    })),
                })) }
            </div>
            <p class="hint">{ rt.chart_hint }</p>
        </>
    }
}
