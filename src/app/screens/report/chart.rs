//! A trend chart drawn as SVG from Rust: values by day, the baseline as a dashed line, flag
//! episodes marked, with a text summary and a table of the numbers for screen readers.
//!
//! Every label sits in a margin, never on the plot where the points are: the value scale and
//! the baseline's value on the left, the last value on the right, the days below, the "!"
//! of a flag above. Text is 12 units high in a 320-unit-wide drawing, so at least 12 px
//! wherever the chart is drawn 320 px wide or more (a 390 px phone draws it about 360).

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::i18n::{fill, Locale};
use crate::domain::report::report_texts;
use crate::domain::report::words::day_text;
use crate::domain::trends::Point;

/// What one chart shows. A plain function draws it (it keeps no state, so it needs none of
/// a component's machinery in the wasm).
pub struct ChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub unit: AttrValue,
    pub points: Vec<Point>,
    pub baseline: Option<f64>,
    /// 10 for pain; otherwise from the data.
    pub fixed_max: Option<f64>,
    /// Flag episodes (from, to, tier name) to mark on the time axis.
    pub marks: Vec<(NaiveDate, NaiveDate, &'static str)>,
    /// The procedure date: "day 0" is marked on the time axis when it is inside it.
    pub day_zero: Option<NaiveDate>,
    pub summary: AttrValue,
    /// The table of the numbers is built only once its disclosure is open (20 years of
    /// check-ins make long tables): whether it is, and what opening or closing it does.
    /// `None`: always built.
    pub numbers: Option<(bool, Callback<()>)>,
}

/// Up to this many points each gets its dot; more would be a smear of dots, so the line
/// alone is drawn (timed values keep their squares).
const MOST_DOTS: usize = 120;

const W: f64 = 320.0;
const H: f64 = 160.0;
/// Above the plot: the "!" of a flag.
const TOP: f64 = 24.0;
/// Below the plot: the days.
const BOTTOM: f64 = 26.0;
/// The width of a character of the 12-unit labels, a little more than a digit needs.
const CHAR: f64 = 7.2;

/// The horizontal room a label takes.
fn width(label: &str) -> f64 {
    label.chars().count() as f64 * CHAR
}

fn day_label(l: &Locale, date: NaiveDate, day: Option<i64>) -> String {
    match day {
        Some(d) => fill(report_texts(l.lang).chart_day, &[("n", &day_text(d))]),
        None => l.day_month(date),
    }
}

/// The chart's geometry: its margins and scales.
struct Frame {
    left: f64,
    right: f64,
    first: NaiveDate,
    span: f64,
    max: f64,
}

impl Frame {
    fn x(&self, d: NaiveDate) -> f64 {
        self.left + (d - self.first).num_days() as f64 / self.span * (W - self.left - self.right)
    }
    fn y(&self, v: f64) -> f64 {
        TOP + (1.0 - v / self.max) * (H - TOP - BOTTOM)
    }
}

/// The labels of the value scale, at their heights: the top of the scale, 0, and the
/// baseline's value (drawn beside the dashed line); a scale label too close to the baseline's
/// is left out.
fn scale_labels(l: &Locale, f: &Frame, baseline: Option<f64>) -> Vec<(f64, String, &'static str)> {
    let mut out = vec![];
    let base_y = baseline.map(|b| f.y(b));
    for (v, label) in [(f.max, l.number(f.max.round())), (0.0, "0".to_string())] {
        if base_y.is_none_or(|by| (f.y(v) - by).abs() >= 14.0) {
            out.push((f.y(v) + 4.0, label, "tick"));
        }
    }
    if let Some(b) = baseline {
        out.push((
            f.y(b) + 4.0,
            l.number((b * 10.0).round() / 10.0),
            "tick baseline-value",
        ));
    }
    out
}

/// The day labels: the first and the last day, and day 0 when it lies between them with
/// room for its label.
fn day_labels(l: &Locale, f: &Frame, props: &ChartProps) -> Vec<(f64, String, &'static str)> {
    let (first, last) = (&props.points[0], &props.points[props.points.len() - 1]);
    let mut out = vec![(f.left, day_label(l, first.date, first.day), "start")];
    if last.date != first.date {
        out.push((W - f.right, day_label(l, last.date, last.day), "end"));
    }
    if let Some(zero) = props.day_zero.filter(|z| *z > first.date && *z < last.date) {
        let (x, label) = (f.x(zero), day_label(l, zero, Some(0)));
        let room = width(&label) / 2.0 + 4.0;
        if x - room > f.left + width(&out[0].1)
            && x + room < W - f.right - out.get(1).map_or(0.0, |e| width(&e.1))
        {
            out.push((x, label, "middle"));
        }
    }
    out
}

/// The frame of a chart of `pts` (not empty): margins wide enough for the scale's labels on
/// the left and the last value's on the right. Also gives that last label.
fn frame(l: &Locale, props: &ChartProps) -> (Frame, String) {
    let pts = &props.points;
    let (first, last) = (pts[0].date, pts[pts.len() - 1].date);
    let data_max = pts
        .iter()
        .map(|p| p.value)
        .chain(props.baseline)
        .fold(0.0, f64::max);
    let max = props
        .fixed_max
        .unwrap_or_else(|| (data_max * 1.15).max(1.0));
    let last_label = l.number((pts[pts.len() - 1].value * 10.0).round() / 10.0);
    let widest_scale = [
        l.number(max.round()),
        props
            .baseline
            .map(|b| l.number((b * 10.0).round() / 10.0))
            .unwrap_or_default(),
    ]
    .iter()
    .map(|s| width(s))
    .fold(width("0"), f64::max);
    let f = Frame {
        left: widest_scale + 9.0,
        right: width(&last_label) + 10.0,
        first,
        span: ((last - first).num_days().max(1)) as f64,
        max,
    };
    (f, last_label)
}

/// Flag episodes: shaded bands, with a "!" above the plot so they do not rely on colour.
fn marks(f: &Frame, props: &ChartProps, last: NaiveDate) -> Html {
    let plot_bottom = H - BOTTOM;
    html! {
        <>
        { for props.marks.iter().filter(|(from, to, _)| *to >= f.first && *from <= last).map(|(from, to, tier)| {
            let (x0, x1) = (f.x((*from).max(f.first)), f.x((*to).min(last)));
            html! {
                <g class={classes!("mark", *tier)}>
                    <rect x={format!("{:.1}", x0 - 2.0)} y={TOP.to_string()} width={format!("{:.1}", (x1 - x0) + 4.0)} height={(plot_bottom - TOP).to_string()} />
                    <text x={format!("{:.1}", (x0 + x1) / 2.0)} y="16" text-anchor="middle" class="mark-label">{ "!" }</text>
                </g>
            }
        }) }
        </>
    }
}

/// The axes and their labels, and the baseline's dashed line.
fn axes(l: &Locale, f: &Frame, props: &ChartProps) -> Html {
    let plot_bottom = H - BOTTOM;
    html! {
        <>
            <line class="axis" x1={f.left.to_string()} y1={plot_bottom.to_string()} x2={(W - f.right).to_string()} y2={plot_bottom.to_string()} />
            <line class="axis" x1={f.left.to_string()} y1={TOP.to_string()} x2={f.left.to_string()} y2={plot_bottom.to_string()} />
            { for scale_labels(l, f, props.baseline).into_iter().map(|(y, label, class)| html! {
                <text class={class} x={(f.left - 5.0).to_string()} y={format!("{y:.1}")} text-anchor="end">{ label }</text>
            }) }
            { for day_labels(l, f, props).into_iter().map(|(x, label, anchor)| html! {
                <text class="tick" x={format!("{x:.1}")} y={(H - 6.0).to_string()} text-anchor={anchor}>{ label }</text>
            }) }
            if let Some(b) = props.baseline {
                <line class="baseline" x1={f.left.to_string()} y1={format!("{:.1}", f.y(b))} x2={(W - f.right).to_string()} y2={format!("{:.1}", f.y(b))} />
            }
        </>
    }
}

/// The values: the line, and a mark per value while there are few enough to tell apart.
/// Timed values are squares, estimates dots: told apart by shape, not colour.
fn series(f: &Frame, pts: &[Point]) -> Html {
    let line: String = pts
        .iter()
        .map(|p| format!("{:.1},{:.1}", f.x(p.date), f.y(p.value)))
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <>
            <polyline class="series" points={line} />
            { for pts.iter().filter(|p| p.timed || pts.len() <= MOST_DOTS).map(|p| if p.timed {
                html! { <rect class="dot timed" x={format!("{:.1}", f.x(p.date) - 3.5)} y={format!("{:.1}", f.y(p.value) - 3.5)} width="7" height="7" /> }
            } else {
                html! { <circle class="dot" cx={format!("{:.1}", f.x(p.date))} cy={format!("{:.1}", f.y(p.value))} r="2.5" /> }
            }) }
        </>
    }
}

pub fn chart(locale: &Locale, props: &ChartProps) -> Html {
    let (t, rt) = (locale.t(), report_texts(locale.lang));
    let pts = &props.points;
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    let Some(last_point) = pts.last() else {
        return html! {
            <figure class="chart">
                <figcaption id={title_id}>{ &props.title }</figcaption>
                <p class="hint">{ rt.chart_no_values }</p>
            </figure>
        };
    };
    let (f, last_label) = frame(locale, props);
    let last_y = (f.y(last_point.value) + 4.0).clamp(TOP + 9.0, H - BOTTOM);
    html! {
        <figure class="chart" id={props.id.clone()}>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
                <title id={title_id.clone()}>{ &props.title }</title>
                <desc id={desc_id.clone()}>{ &props.summary }</desc>
                { marks(&f, props, last_point.date) }
                { axes(locale, &f, props) }
                { series(&f, pts) }
                <text class="last-label" x={format!("{:.1}", W - f.right + 6.0)} y={format!("{last_y:.1}")}>{ last_label }</text>
            </svg>
            <figcaption>
                <strong>{ &props.title }</strong><span class="chart-summary">{ " — " }{ &props.summary }</span>
                if pts.iter().any(|p| p.timed) {
                    <span class="hint">{ " " }{ t.chart_timed_legend }</span>
                }
            </figcaption>
            { numbers(locale, props) }
        </figure>
    }
}

/// The chart's numbers as a table behind a disclosure (screen only).
fn numbers(l: &Locale, props: &ChartProps) -> Html {
    let (t, rt) = (l.t(), report_texts(l.lang));
    let (shown, ontoggle) = match &props.numbers {
        Some((shown, toggle)) => (*shown, Some(toggle.reform(|_: Event| ()))),
        None => (true, None),
    };
    html! {
        <details class="chart-table" {ontoggle}>
            <summary>{ fill(rt.chart_show_numbers, &[("title", &props.title)]) }</summary>
            if shown {
            <table>
                <thead><tr><th scope="col">{ rt.col_date }</th><th scope="col">{ rt.col_day }</th><th scope="col">{ fill(rt.col_value, &[("unit", &props.unit)]) }</th></tr></thead>
                <tbody>
                    { for props.points.iter().map(|p| html! {
                        <tr><td>{ l.day_month_year(p.date) }</td><td>{ p.day.map(day_text).unwrap_or_default() }</td><td>{ l.number(p.value) }{ if p.timed { format!(" ({})", t.timed_mark) } else { String::new() } }</td></tr>
                    }) }
                </tbody>
            </table>
            }
        </details>
    }
}
