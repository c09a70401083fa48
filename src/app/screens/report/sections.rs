//! The follow-up report's sections besides the charts and the warning-sign episodes.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::domain::calendar::{day_number, in_first_two_weeks};
use crate::domain::measures::Measure;
use crate::domain::model::{Diary, NeuroFinding, NeuroKind, Region, Side};
use crate::domain::summary::trim_number;
use crate::domain::trends::compare;

fn round1(v: f64) -> String {
    trim_number((v * 10.0).round() / 10.0)
}

/// Baseline against the mean of the latest 7 days, with the MID mark for pain.
pub fn comparison(diary: &Diary) -> Html {
    let unit = diary.profile.distance_unit;
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Change since before the procedure">
        <table class="comparison">
            <caption>{ "Before the procedure against the latest 7 days" }</caption>
            <thead><tr>
                <th scope="col">{ "Measure" }</th><th scope="col">{ "Before" }</th><th scope="col">{ "Latest 7 days" }</th>
                <th scope="col">{ "Change" }</th><th scope="col">{ "Change %" }</th><th scope="col">{ "Important?" }</th>
            </tr></thead>
            <tbody>
            { for Measure::ALL.into_iter().map(|m| {
                let c = compare(diary, m);
                let u = m.unit(unit);
                let value = |v: Option<f64>| v.map(|v| format!("{} {u}", round1(v))).unwrap_or("—".into());
                html! {
                    <tr data-measure={m.key()}>
                        <th scope="row">{ m.label() }</th>
                        <td>{ value(c.baseline) }</td>
                        <td>{ value(c.latest) }{ if c.latest_days > 0 { format!(" ({} days)", c.latest_days) } else { String::new() } }</td>
                        <td>{ c.change.map(|v| format!("{}{}", if v > 0.0 { "+" } else { "" }, round1(v))).unwrap_or("—".into()) }</td>
                        <td>{ c.percent.map(|v| format!("{}{}%", if v > 0.0 { "+" } else { "" }, v.round())).unwrap_or("—".into()) }</td>
                        <td>{ if !m.is_pain() { "" } else if c.meaningful { "✓ yes (≥ 2 points or 30%)" } else { "no" } }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
        </div>
    }
}

/// The incision answers of days 0–14.
pub fn incision_log(diary: &Diary) -> Html {
    let rows: Vec<Html> = diary
        .checkins
        .iter()
        .filter(|(d, _)| day_number(diary.profile.procedure_date, **d).is_some_and(|n| n >= 0) && in_first_two_weeks(diary.profile.procedure_date, **d))
        .filter_map(|(d, e)| e.incision.map(|i| (d, e, i)))
        .map(|(d, e, i)| {
            let name = |v: Option<String>| v.unwrap_or_else(|| "—".into());
            let ser = |v: Option<serde_json::Value>| v.and_then(|j| j.as_str().map(|s| s.replace('_', " ")));
            let other: Vec<&str> = [
                (i.foul_smell, "bad smell"), (i.warm_or_swollen, "warm or swollen"), (i.edges_open, "edges apart"),
                (i.bruise_itch_lump, "bruise, itch or lump"), (i.bleeding_uncontrolled, "bleeding will not stop"),
            ].into_iter().filter(|(v, _)| *v == Some(true)).map(|(_, t)| t).collect();
            html! {
                <tr>
                    <td>{ day_number(diary.profile.procedure_date, *d).map(|n| n.to_string()).unwrap_or_default() }</td>
                    <td>{ e.pain.and_then(|p| p.incision).map(|r| r.get().to_string()).unwrap_or("—".into()) }</td>
                    <td>{ name(ser(i.bandage.and_then(|v| serde_json::to_value(v).ok()))) }</td>
                    <td>{ name(ser(i.drainage.and_then(|v| serde_json::to_value(v).ok()))) }</td>
                    <td>{ name(ser(i.redness.and_then(|v| serde_json::to_value(v).ok()))) }</td>
                    <td>{ if other.is_empty() { "—".to_string() } else { other.join(", ") } }</td>
                </tr>
            }
        })
        .collect();
    if rows.is_empty() {
        return html! { <p>{ "No incision answers recorded in the first two weeks." }</p> };
    }
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Incision, days 0 to 14">
        <table class="incision-log">
            <thead><tr><th scope="col">{ "Day" }</th><th scope="col">{ "Pain" }</th><th scope="col">{ "Bandage" }</th><th scope="col">{ "Fluid" }</th><th scope="col">{ "Redness" }</th><th scope="col">{ "Other" }</th></tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
        </div>
    }
}

fn findings_by_key(list: &[NeuroFinding]) -> BTreeMap<(Region, Side, NeuroKind), u8> {
    let mut map = BTreeMap::new();
    for f in list {
        let e = map.entry(f.key()).or_insert(0);
        *e = (*e).max(f.severity.get());
    }
    map
}

fn place((region, side, kind): (Region, Side, NeuroKind)) -> String {
    let side = match side {
        Side::Midline => String::new(),
        s => format!("{} ", s.label().to_lowercase()),
    };
    format!(
        "{} in the {side}{}",
        kind.label(),
        region.label().to_lowercase()
    )
}

/// The latest nerve map against the baseline's.
pub fn neuro_changes(diary: &Diary) -> Html {
    let Some(latest) = diary.checkins.values().rev().find_map(|e| e.neuro.as_ref()) else {
        return html! { <p>{ "No numbness, tingling or weakness answers recorded." }</p> };
    };
    let before: Vec<NeuroFinding> = diary
        .baseline_entries()
        .iter()
        .filter_map(|e| e.neuro.clone())
        .flatten()
        .collect();
    let (before, now) = (findings_by_key(&before), findings_by_key(latest));
    let mut lines = Vec::new();
    for (key, sev) in &now {
        lines.push(match before.get(key) {
            None => format!("New: {} ({sev}/10)", place(*key)),
            Some(b) if b == sev => format!("Same: {} ({sev}/10)", place(*key)),
            Some(b) => format!(
                "{}: {} ({b} → {sev}/10)",
                if sev > b { "Stronger" } else { "Weaker" },
                place(*key)
            ),
        });
    }
    for (key, b) in &before {
        if !now.contains_key(key) {
            lines.push(format!("Gone: {} (was {b}/10)", place(*key)));
        }
    }
    if lines.is_empty() {
        return html! { <p>{ "None before the procedure and none now." }</p> };
    }
    html! { <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul> }
}

/// Medicines by name with the first and last date taken; falls and legs giving way.
pub fn medicines_and_falls(diary: &Diary) -> Html {
    let mut meds: BTreeMap<String, (chrono::NaiveDate, chrono::NaiveDate, usize)> = BTreeMap::new();
    for (d, e) in &diary.checkins {
        for m in e.medications.iter().flatten() {
            let label = match &m.dose {
                Some(dose) => format!("{} {dose}", m.name),
                None => m.name.clone(),
            };
            let entry = meds.entry(label).or_insert((*d, *d, 0));
            entry.1 = *d;
            entry.2 += 1;
        }
    }
    let falls: Vec<String> = diary
        .checkins
        .iter()
        .filter_map(|(d, e)| {
            let f = e.function?;
            let what: Vec<&str> = [(f.fall, "fall"), (f.leg_gave_way, "leg gave way")]
                .into_iter()
                .filter(|(v, _)| *v == Some(true))
                .map(|(_, t)| t)
                .collect();
            (!what.is_empty()).then(|| format!("{}: {}", d.format("%-d %b %Y"), what.join(", ")))
        })
        .collect();
    html! {
        <>
            <h3>{ "Medicines" }</h3>
            if meds.is_empty() { <p>{ "None recorded." }</p> }
            <ul>{ for meds.iter().map(|(name, (from, to, n))| html! {
                <li>{ format!("{name}: {} to {} ({n} days)", from.format("%-d %b"), to.format("%-d %b %Y")) }</li>
            }) }</ul>
            <h3>{ "Falls" }</h3>
            if falls.is_empty() { <p>{ "None recorded." }</p> }
            <ul>{ for falls.into_iter().map(|f| html! { <li>{ f }</li> }) }</ul>
        </>
    }
}
