//! The report's details after the glance and the charts: every warning-sign episode, the
//! incision log, nerve symptoms now against before, medicines.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::domain::i18n::{capitalise, fill, lookup, Locale};
use crate::domain::model::{Diary, NeuroFinding, NeuroKind, Region, Side};
use crate::domain::report::words::{day_text, did_words, incision_run_words, when};
use crate::domain::report::{incision_runs, report_texts};
use crate::domain::rules::words::{evidence, finding_words};
use crate::domain::rules::{message, what, ClinicSettings, Episode, Firing, Tier};

/// "day 22 (Nov 24)", "days 22–23 (Nov 24 to Nov 25)"; dates alone without a procedure date.
fn episode_when(l: &Locale, diary: &Diary, ep: &Episode) -> String {
    let procedure = diary.profile.procedure_date;
    let days = when(l, procedure, ep.from, ep.to);
    if procedure.is_none() {
        return days;
    }
    let dates = if ep.from == ep.to {
        l.day_month_year(ep.from)
    } else {
        fill(
            l.t().date_range,
            &[
                ("from", &l.day_month(ep.from)),
                ("to", &l.day_month_year(ep.to)),
            ],
        )
    };
    format!("{days} ({dates})")
}

fn episode(
    l: &Locale,
    diary: &Diary,
    ep: &Episode,
    firings: &[Firing],
    settings: &ClinicSettings,
) -> Html {
    let rt = report_texts(l.lang);
    let procedure = diary.profile.procedure_date;
    let did = ep
        .acknowledgement(diary)
        .map(|a| did_words(rt, &(a.action, a.note.clone()), &settings.emergency_number))
        .unwrap_or_else(|| rt.did_nothing.to_string());
    html! {
        <li class={classes!("episode", format!("tier-{}", ep.tier.name()))} data-rule={ep.rule} data-tier={ep.tier.name()}
            data-from={ep.from.to_string()} data-to={ep.to.to_string()}>
            <p class="episode-title">
                <strong>{ capitalise(what(l.t(), ep.rule)) }</strong>{ format!(" — {} ", episode_when(l, diary, ep)) }
                <small class="rule-id">{ fill(rt.rule_id, &[("id", ep.rule)]) }</small>
            </p>
            <ul class="evidence">
                { for ep.firings.iter().map(|f| html! {
                    <li>{ format!("{}: {}", when(l, procedure, f.date, f.date), evidence(l, &f.evidence)) }</li>
                }) }
            </ul>
            if ep.tier != Tier::Followup {
                <p class="shown">{ fill(rt.message_shown, &[("message", &message(l, ep.tier, ep.to, firings, diary, settings))]) }</p>
                <p>{ fill(rt.patient_did, &[("action", &did)]) }</p>
            }
        </li>
    }
}

/// Every warning-sign episode but the patient's questions (in the glance), by tier, then by
/// date.
pub fn episodes(
    l: &Locale,
    diary: &Diary,
    all: &[Episode],
    firings: &[Firing],
    settings: &ClinicSettings,
) -> Html {
    let rt = report_texts(l.lang);
    // `all` are by date (as `rules::episodes` gives them): taken tier by tier.
    let list: Vec<&Episode> = [Tier::Emergency, Tier::Call, Tier::Followup]
        .into_iter()
        .flat_map(|tier| all.iter().filter(move |e| e.tier == tier && e.rule != "C5"))
        .collect();
    html! {
        <>
            <h2>{ rt.signs_title }</h2>
            if list.is_empty() {
                <p>{ rt.signs_none }</p>
            } else {
                <ol class="episodes">
                    { for list.into_iter().map(|ep| episode(l, diary, ep, firings, settings)) }
                </ol>
            }
        </>
    }
}

/// The incision log of days 0–14: runs of days that read the same, and each day's answers
/// behind a disclosure.
pub fn incision(l: &Locale, diary: &Diary) -> Html {
    let rt = report_texts(l.lang);
    let runs = incision_runs(diary);
    let procedure = diary.profile.procedure_date;
    html! {
        <>
            <h2>{ rt.incision_days }</h2>
            if runs.is_empty() {
                <p>{ rt.incision_none }</p>
            } else {
                <ul class="incision-runs">
                    { for runs.iter().map(|r| html! { <li>{ incision_run_words(l, procedure, r) }</li> }) }
                </ul>
                <details class="incision-days">
                    <summary>{ rt.incision_each_day }</summary>
                    { incision_table(l, diary, &runs) }
                </details>
            }
        </>
    }
}

/// One row per day of the runs (on a narrow screen, a block of "Column: value" lines).
fn incision_table(l: &Locale, diary: &Diary, runs: &[crate::domain::report::IncisionRun]) -> Html {
    let rt = report_texts(l.lang);
    let labels = [
        rt.col_day,
        rt.col_pain,
        rt.col_bandage,
        rt.col_fluid,
        rt.col_redness,
        rt.col_other,
    ];
    let word = |prefix: &str, v: Option<serde_json::Value>| {
        v.and_then(|j| {
            j.as_str()
                .map(|s| lookup(&rt.incision_words, &format!("{prefix}.{s}")).to_string())
        })
        .unwrap_or_else(|| "—".into())
    };
    let days = runs
        .iter()
        .flat_map(|r| r.from.iter_days().take_while(move |d| *d <= r.to));
    let rows = days.filter_map(|d: NaiveDate| {
        let e = diary.checkins.get(&d)?;
        let i = e.incision?;
        let other: Vec<&str> = [
            (i.foul_smell, rt.incision_smell), (i.warm_or_swollen, rt.incision_warm), (i.edges_open, rt.incision_edges),
            (i.bruise_itch_lump, rt.incision_bruise), (i.bleeding_uncontrolled, rt.incision_bleeding),
        ].into_iter().filter(|(v, _)| *v == Some(true)).map(|(_, w)| w).collect();
        let cells = [
            match diary.profile.procedure_date {
                Some(p) => day_text((d - p).num_days()),
                None => l.day_month(d),
            },
            e.pain.and_then(|p| p.incision).map(|r| r.get().to_string()).unwrap_or("—".into()),
            word("bandage", i.bandage.and_then(|v| serde_json::to_value(v).ok())),
            word("drainage", i.drainage.and_then(|v| serde_json::to_value(v).ok())),
            word("redness", i.redness.and_then(|v| serde_json::to_value(v).ok())),
            if other.is_empty() { "—".to_string() } else { other.join(", ") },
        ];
        Some(html! {
            <tr>{ for labels.iter().zip(cells).map(|(label, cell)| html! { <td data-label={*label}>{ cell }</td> }) }</tr>
        })
    });
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label={rt.incision_region}>
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

/// The latest nerve map against the baseline's.
pub fn neuro_changes(l: &Locale, diary: &Diary) -> Html {
    let rt = report_texts(l.lang);
    let Some(latest) = diary.checkins.values().rev().find_map(|e| e.neuro.as_ref()) else {
        return html! { <p>{ rt.neuro_none }</p> };
    };
    let before: Vec<NeuroFinding> = diary
        .baseline_entries()
        .iter()
        .filter_map(|e| e.neuro.clone())
        .flatten()
        .collect();
    let (before, now) = (findings_by_key(&before), findings_by_key(latest));
    let place = |key| capitalise(&finding_words(l.t(), key));
    let mut lines = Vec::new();
    for (key, sev) in &now {
        let (p, n) = (place(*key), sev.to_string());
        lines.push(match before.get(key) {
            None => fill(rt.neuro_new, &[("place", &p), ("n", &n)]),
            Some(b) if b == sev => fill(rt.neuro_same, &[("place", &p), ("n", &n)]),
            Some(b) => fill(
                if sev > b {
                    rt.neuro_stronger
                } else {
                    rt.neuro_weaker
                },
                &[("place", &p), ("n", &n), ("before", &b.to_string())],
            ),
        });
    }
    for (key, b) in &before {
        if !now.contains_key(key) {
            lines.push(fill(
                rt.neuro_gone,
                &[("place", &place(*key)), ("before", &b.to_string())],
            ));
        }
    }
    if lines.is_empty() {
        return html! { <p>{ rt.neuro_none_either }</p> };
    }
    html! { <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul> }
}

/// Medicines by name with the first and last date taken and on how many days.
pub fn medicines(l: &Locale, diary: &Diary) -> Html {
    let rt = report_texts(l.lang);
    let mut meds: BTreeMap<String, (NaiveDate, NaiveDate, usize)> = BTreeMap::new();
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
    html! {
        <>
            <h3>{ rt.medicines }</h3>
            if meds.is_empty() { <p>{ l.t().none_recorded }</p> }
            <ul>{ for meds.iter().map(|(name, (from, to, n))| {
                let span = l.count(&rt.medicine_span, *n as f64);
                html! { <li>{ fill(&span, &[("name", name), ("from", &l.day_month(*from)), ("to", &l.day_month_year(*to))]) }</li> }
            }) }</ul>
        </>
    }
}
