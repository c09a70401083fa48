//! The follow-up report's sections besides the charts and the warning-sign episodes.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::domain::calendar::{day_number, in_first_two_weeks};
use crate::domain::i18n::{capitalise, fill, lookup, Locale};
use crate::domain::measures::Measure;
use crate::domain::model::{Diary, NeuroFinding, NeuroKind, Region, Side};
use crate::domain::rules::words::finding_words;
use crate::domain::trends::compare;

fn round1(l: &Locale, v: f64) -> String {
    l.number((v * 10.0).round() / 10.0)
}

/// "+2", "-1.5", with the patient's decimal mark.
pub fn signed(l: &Locale, v: f64) -> String {
    format!("{}{}", if v > 0.0 { "+" } else { "" }, round1(l, v))
}

/// Baseline against the mean of the latest 7 days, with the MID mark for pain.
pub fn comparison(l: &Locale, diary: &Diary) -> Html {
    let t = l.t();
    let unit = diary.profile.distance_unit;
    html! {
        <>
        <div class="table-wrap" tabindex="0" role="region" aria-label={t.change_since_before}>
        <table class="comparison">
            <caption>{ t.comparison_caption }</caption>
            <thead><tr>
                <th scope="col">{ t.col_measure }</th><th scope="col">{ t.col_before }</th><th scope="col">{ t.col_latest }</th>
                <th scope="col">{ t.col_change }</th>
            </tr></thead>
            <tbody>
            { for Measure::ALL.into_iter().map(|m| {
                let c = compare(diary, m);
                let u = m.unit(l, unit);
                let value = |v: Option<f64>| v.map(|v| format!("{} {u}", round1(l, v))).unwrap_or("—".into());
                html! {
                    <tr data-measure={m.key()}>
                        <th scope="row">{ m.label(t) }</th>
                        <td>{ value(c.baseline) }</td>
                        <td>{ value(c.latest) }
                            // How many days the mean has, when fewer than the 7 of the heading.
                            if c.latest_days > 0 && c.latest_days < 7 {
                                { format!(" {}", fill(t.n_days, &[("n", &c.latest_days.to_string())])) }
                            }
                        </td>
                        <td>
                            { c.change.map(|v| signed(l, v)).unwrap_or("—".into()) }
                            if let Some(p) = c.percent {
                                { format!(" ({}{})", if p > 0.0 { "+" } else { "" }, l.percent(p.round())) }
                            }
                            if m.is_pain() && c.meaningful {
                                <span class="important">{ t.important_mark }</span>
                            }
                        </td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
        </div>
        <p class="hint">{ t.important_legend }</p>
        </>
    }
}

/// The incision answers of days 0–14.
pub fn incision_log(l: &Locale, diary: &Diary) -> Html {
    let t = l.t();
    // The column headers; each cell carries its own as data-label too, so that on a narrow
    // screen each row is a block of "Column: value" lines.
    let labels = [
        t.col_day,
        t.col_pain,
        t.col_bandage,
        t.col_fluid,
        t.col_redness,
        t.col_other,
    ];
    let rows: Vec<Html> = diary
        .checkins
        .iter()
        .filter(|(d, _)| day_number(diary.profile.procedure_date, **d).is_some_and(|n| n >= 0) && in_first_two_weeks(diary.profile.procedure_date, **d))
        .filter_map(|(d, e)| e.incision.map(|i| (d, e, i)))
        .map(|(d, e, i)| {
            // The answer's name in the file format, then its words in the catalogue.
            let name = |prefix: &str, v: Option<serde_json::Value>| {
                v.and_then(|j| j.as_str().map(|s| lookup(&t.incision_words, &format!("{prefix}.{s}")).to_string()))
                    .unwrap_or_else(|| "—".into())
            };
            let other: Vec<&str> = [
                (i.foul_smell, t.incision_smell), (i.warm_or_swollen, t.incision_warm), (i.edges_open, t.incision_edges),
                (i.bruise_itch_lump, t.incision_bruise), (i.bleeding_uncontrolled, t.incision_bleeding),
            ].into_iter().filter(|(v, _)| *v == Some(true)).map(|(_, t)| t).collect();
            let cells = [
                day_number(diary.profile.procedure_date, *d).map(|n| n.to_string()).unwrap_or_default(),
                e.pain.and_then(|p| p.incision).map(|r| r.get().to_string()).unwrap_or("—".into()),
                name("bandage", i.bandage.and_then(|v| serde_json::to_value(v).ok())),
                name("drainage", i.drainage.and_then(|v| serde_json::to_value(v).ok())),
                name("redness", i.redness.and_then(|v| serde_json::to_value(v).ok())),
                if other.is_empty() { "—".to_string() } else { other.join(", ") },
            ];
            html! {
                <tr>
                    { for labels.iter().zip(cells).map(|(label, cell)| html! { <td data-label={*label}>{ cell }</td> }) }
                </tr>
            }
        })
        .collect();
    if rows.is_empty() {
        return html! { <p>{ t.incision_none }</p> };
    }
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={t.incision_region}>
        <table class="incision-log">
            <thead><tr>{ for labels.iter().map(|label| html! { <th scope="col">{ *label }</th> }) }</tr></thead>
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

fn place(l: &Locale, key: (Region, Side, NeuroKind)) -> String {
    capitalise(&finding_words(l.t(), key))
}

/// The latest nerve map against the baseline's.
pub fn neuro_changes(l: &Locale, diary: &Diary) -> Html {
    let t = l.t();
    let Some(latest) = diary.checkins.values().rev().find_map(|e| e.neuro.as_ref()) else {
        return html! { <p>{ t.neuro_none }</p> };
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
        let (p, n) = (place(l, *key), sev.to_string());
        lines.push(match before.get(key) {
            None => fill(t.neuro_new, &[("place", &p), ("n", &n)]),
            Some(b) if b == sev => fill(t.neuro_same, &[("place", &p), ("n", &n)]),
            Some(b) => fill(
                if sev > b {
                    t.neuro_stronger
                } else {
                    t.neuro_weaker
                },
                &[("place", &p), ("n", &n), ("before", &b.to_string())],
            ),
        });
    }
    for (key, b) in &before {
        if !now.contains_key(key) {
            lines.push(fill(
                t.neuro_gone,
                &[("place", &place(l, *key)), ("before", &b.to_string())],
            ));
        }
    }
    if lines.is_empty() {
        return html! { <p>{ t.neuro_none_either }</p> };
    }
    html! { <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul> }
}

/// Medicines by name with the first and last date taken; falls and legs giving way.
pub fn medicines_and_falls(l: &Locale, diary: &Diary) -> Html {
    let t = l.t();
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
            let what: Vec<&str> = [(f.fall, t.fall_word), (f.leg_gave_way, t.gave_way_word)]
                .into_iter()
                .filter(|(v, _)| *v == Some(true))
                .map(|(_, t)| t)
                .collect();
            (!what.is_empty()).then(|| format!("{}: {}", l.day_month_year(*d), what.join(", ")))
        })
        .collect();
    html! {
        <>
            <h3>{ t.medicines }</h3>
            if meds.is_empty() { <p>{ t.none_recorded }</p> }
            <ul>{ for meds.iter().map(|(name, (from, to, n))| html! {
                <li>{ fill(t.medicine_span, &[("name", name), ("from", &l.day_month(*from)), ("to", &l.day_month_year(*to)), ("n", &n.to_string())]) }</li>
            }) }</ul>
            <h3>{ t.falls }</h3>
            if falls.is_empty() { <p>{ t.none_recorded }</p> }
            <ul>{ for falls.into_iter().map(|f| html! { <li>{ f }</li> }) }</ul>
        </>
    }
}
