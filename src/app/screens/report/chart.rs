//! A trend chart drawn as SVG from Rust: values by day, the baseline as a dashed line, flag
//! episodes marked, with a text summary and a table of the numbers for screen readers.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::i18n::{fill, Locale};
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
    /// Flag episodes (from, to, label) to mark on the time axis.
    pub marks: Vec<(NaiveDate, NaiveDate, &'static str)>,
    pub summary: AttrValue,
}

const W: f64 = 320.0;
const H: f64 = 150.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 22.0;

fn day_label(l: &Locale, p: &Point) -> String {
    match p.day {
        Some(d) => fill(l.t().chart_day, &[("n", &d.to_string())]),
        None => l.day_month(p.date),
    }
}

pub fn chart(locale: &Locale, props: &ChartProps) -> Html {
    let t = locale.t();
    let pts = &props.points;
    let title_id = format!("{}-title", props.id);
    let desc_id = format!("{}-desc", props.id);
    if pts.is_empty() {
        return html! {
            <figure class="chart">
                <figcaption id={title_id}>{ &props.title }</figcaption>
                <p class="hint">{ t.chart_no_values }</p>
            </figure>
        };
    }
    let (first, last) = (pts[0].date, pts[pts.len() - 1].date);
    let span = ((last - first).num_days().max(1)) as f64;
    let data_max = pts
        .iter()
        .map(|p| p.value)
        .chain(props.baseline)
        .fold(0.0, f64::max);
    let max = props
        .fixed_max
        .unwrap_or_else(|| (data_max * 1.15).max(1.0));
    let x = |d: NaiveDate| LEFT + (d - first).num_days() as f64 / span * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (1.0 - v / max) * (H - TOP - BOTTOM);
    let line: String = pts
        .iter()
        .map(|p| format!("{:.1},{:.1}", x(p.date), y(p.value)))
        .collect::<Vec<_>>()
        .join(" ");
    let last_point = pts[pts.len() - 1];

    html! {
        <figure class="chart" id={props.id.clone()}>
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false">
                <title id={title_id.clone()}>{ &props.title }</title>
                <desc id={desc_id.clone()}>{ &props.summary }</desc>
                // Flag episodes: shaded bands with a "!" so they do not rely on colour.
                { for props.marks.iter().filter(|(from, to, _)| *to >= first && *from <= last).map(|(from, to, tier)| {
                    let (x0, x1) = (x((*from).max(first)), x((*to).min(last)));
                    html! {
                        <g class={classes!("mark", *tier)}>
                            <rect x={format!("{:.1}", x0 - 2.0)} y={TOP.to_string()} width={format!("{:.1}", (x1 - x0) + 4.0)} height={(H - TOP - BOTTOM).to_string()} />
                            <text x={format!("{:.1}", x0)} y={(TOP + 9.0).to_string()} class="mark-label">{ "!" }</text>
                        </g>
                    }
                }) }
                <line class="axis" x1={LEFT.to_string()} y1={(H - BOTTOM).to_string()} x2={(W - RIGHT).to_string()} y2={(H - BOTTOM).to_string()} />
                <line class="axis" x1={LEFT.to_string()} y1={TOP.to_string()} x2={LEFT.to_string()} y2={(H - BOTTOM).to_string()} />
                <text class="tick" x={(LEFT - 4.0).to_string()} y={(y(max) + 4.0).to_string()} text-anchor="end">{ locale.number(max.round()) }</text>
                <text class="tick" x={(LEFT - 4.0).to_string()} y={(y(0.0) + 4.0).to_string()} text-anchor="end">{ "0" }</text>
                <text class="tick" x={LEFT.to_string()} y={(H - 6.0).to_string()}>{ day_label(locale, &pts[0]) }</text>
                <text class="tick" x={(W - RIGHT).to_string()} y={(H - 6.0).to_string()} text-anchor="end">{ day_label(locale, &last_point) }</text>
                if let Some(b) = props.baseline {
                    <line class="baseline" x1={LEFT.to_string()} y1={format!("{:.1}", y(b))} x2={(W - RIGHT).to_string()} y2={format!("{:.1}", y(b))} />
                    <text class="baseline-label" x={(LEFT + 3.0).to_string()} y={format!("{:.1}", y(b) - 3.0)}>{ fill(t.chart_before, &[("value", &locale.number((b * 10.0).round() / 10.0))]) }</text>
                }
                <polyline class="series" points={line} />
                // Timed values are squares, estimates dots: told apart by shape, not colour.
                { for pts.iter().map(|p| if p.timed {
                    html! { <rect class="dot timed" x={format!("{:.1}", x(p.date) - 3.5)} y={format!("{:.1}", y(p.value) - 3.5)} width="7" height="7" /> }
                } else {
                    html! { <circle class="dot" cx={format!("{:.1}", x(p.date))} cy={format!("{:.1}", y(p.value))} r="2.5" /> }
                }) }
                <text class="last-label" x={format!("{:.1}", x(last_point.date) - 4.0)} y={format!("{:.1}", y(last_point.value) - 5.0)} text-anchor="end">{ locale.number((last_point.value * 10.0).round() / 10.0) }</text>
            </svg>
            <figcaption>
                <strong>{ &props.title }</strong>{ " — " }{ &props.summary }
                if pts.iter().any(|p| p.timed) {
                    <span class="hint">{ " " }{ t.chart_timed_legend }</span>
                }
            </figcaption>
            <details class="chart-table">
                <summary>{ fill(t.chart_show_numbers, &[("title", &props.title)]) }</summary>
                <table>
                    <thead><tr><th scope="col">{ t.col_date }</th><th scope="col">{ t.col_day }</th><th scope="col">{ fill(t.col_value, &[("unit", &props.unit)]) }</th></tr></thead>
                    <tbody>
                        { for pts.iter().map(|p| html! {
                            <tr><td>{ locale.day_month_year(p.date) }</td><td>{ p.day.map(|d| d.to_string()).unwrap_or_default() }</td><td>{ locale.number(p.value) }{ if p.timed { format!(" ({})", t.timed_mark) } else { String::new() } }</td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
