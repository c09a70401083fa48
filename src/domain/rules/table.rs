//! The rule table of `shared/clinical/rules.md`, one entry per rule id, in its order.
//! Hold this file against the table line by line. Each condition returns the evidence
//! (the answers that fired it) or `None`.

use super::context::{back, leg, Day};
use crate::domain::model::{Bandage, Drainage, Redness, Region, Side, StandResult};
use crate::domain::questions::{EMERGENCY, OTHER_SYMPTOMS};
use crate::domain::summary::trim_number;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// A: call the emergency number now.
    Emergency,
    /// B: call the clinic today.
    Call,
    /// C: mention at the next visit.
    Followup,
}

impl Tier {
    /// The name in data (`data-tier`, exports).
    pub fn name(self) -> &'static str {
        match self {
            Tier::Emergency => "emergency",
            Tier::Call => "call",
            Tier::Followup => "followup",
        }
    }
}

pub type Evidence = Vec<String>;

pub struct Rule {
    pub id: &'static str,
    pub tier: Tier,
    /// What fired, in the patient's words: fills {symptom} and the summary.
    pub what: &'static str,
    pub condition: fn(&Day) -> Option<Evidence>,
}

fn yes(q: &str) -> String {
    format!("“{q}”: yes")
}

/// Evidence of a yes/no warning question answered yes.
fn question(day: &Day, key: &str) -> Option<Evidence> {
    let q = EMERGENCY
        .iter()
        .chain(OTHER_SYMPTOMS.iter())
        .find(|q| q.key == key)?;
    ((q.get)(day.entry) == Some(true)).then(|| vec![yes(q.text)])
}

fn either(a: Option<Evidence>, b: Option<Evidence>) -> Option<Evidence> {
    match (a, b) {
        (Some(mut a), Some(b)) => {
            a.extend(b);
            Some(a)
        }
        (a, b) => a.or(b),
    }
}

fn describe_finding(f: &crate::domain::model::NeuroFinding) -> String {
    let side = match f.side {
        Side::Midline => String::new(),
        s => format!("{} ", s.label().to_lowercase()),
    };
    format!(
        "{} in the {side}{} ({}/10)",
        f.kind.label(),
        f.region.label().to_lowercase(),
        f.severity.get()
    )
}

fn new_or_worse_evidence(day: &Day, include_saddle: bool) -> Option<Evidence> {
    let found: Evidence = day
        .new_findings
        .iter()
        .map(|f| (f, "new"))
        .chain(day.worse_findings.iter().map(|f| (f, "worse")))
        .filter(|(f, _)| include_saddle || f.region != Region::Saddle)
        .map(|(f, how)| format!("{how}: {}", describe_finding(f)))
        .collect();
    (!found.is_empty()).then_some(found)
}

fn fever(day: &Day) -> Option<Evidence> {
    let t = day.entry.temperature?;
    let threshold = day.settings.fever_threshold(t.unit);
    (t.value.get() >= threshold).then(|| {
        vec![format!(
            "temperature {} {} (fever from {} {})",
            trim_number(t.value.get()),
            t.unit.symbol(),
            trim_number(threshold),
            t.unit.symbol()
        )]
    })
}

/// A condition that names a day number: without a procedure date it counts as met for
/// B4 and B7 (`when_unknown` = true) and not met for B9(a), C1, C2, C4.
fn day_at_least(day: &Day, n: i64, when_unknown: bool) -> bool {
    day.day.map_or(when_unknown, |d| d >= n)
}

pub const RULES: [Rule; 24] = [
    // ---- Tier A: emergency now ----
    Rule { id: "A1", tier: Tier::Emergency, what: "new numbness in the saddle area (between the legs, genitals or back passage)",
        condition: |d| {
            let saddle: Evidence = d.entry.neuro.iter().flatten().filter(|f| f.region == Region::Saddle)
                .map(describe_finding).collect();
            either(question(d, "saddle_numbness"), (!saddle.is_empty()).then_some(saddle))
        } },
    Rule { id: "A2", tier: Tier::Emergency, what: "trouble passing urine or feeling a full bladder",
        condition: |d| question(d, "bladder_trouble") },
    Rule { id: "A3", tier: Tier::Emergency, what: "leaking of urine or stool you cannot control",
        condition: |d| question(d, "incontinence") },
    Rule { id: "A4", tier: Tier::Emergency, what: "a leg getting weaker, or both legs weak or numb",
        condition: |d| {
            // Safer reading: "new" weakness includes weakness that got worse (new or worse).
            let weak = |side| d.new_or_worse().any(|f| f.kind == crate::domain::model::NeuroKind::Weakness && f.side == side);
            let both = (d.recovery && weak(Side::Left) && weak(Side::Right))
                .then(|| vec!["new or worse weakness in both legs".to_string()]);
            either(either(question(d, "rapid_weakness"), question(d, "both_legs")), both)
        } },
    Rule { id: "A5", tier: Tier::Emergency, what: "sudden severe back pain with new numbness or weakness",
        condition: |d| {
            if !d.recovery { return None; }
            let neuro = new_or_worse_evidence(d, true)?;
            let sudden = question(d, "sudden_severe_back_pain");
            let jump = match (back(d.entry), d.r7_back) {
                (Some(b), Some(r)) if b >= r + 3.0 => Some(vec![format!("back pain {b} (usual {})", trim_number(r))]),
                _ => None,
            };
            either(sudden, jump).map(|mut e| { e.extend(neuro); e })
        } },
    Rule { id: "A6", tier: Tier::Emergency, what: "trouble breathing or swallowing, swelling of the face, lips or throat, or feeling faint",
        condition: |d| question(d, "allergic_reaction") },
    Rule { id: "A7", tier: Tier::Emergency, what: "chest pain or shortness of breath at rest",
        condition: |d| question(d, "chest_pain_or_breathless") },
    Rule { id: "A8", tier: Tier::Emergency, what: "bleeding from the incision that does not stop with pressure",
        condition: |d| question(d, "bleeding_uncontrolled") },
    Rule { id: "A9", tier: Tier::Emergency, what: "fever with new numbness or weakness",
        condition: |d| {
            if !d.recovery { return None; }
            let mut e = fever(d)?;
            e.extend(new_or_worse_evidence(d, true)?);
            Some(e)
        } },
    // ---- Tier B: call the clinic today ----
    Rule { id: "B1", tier: Tier::Call, what: "fever or chills",
        condition: |d| either(fever(d), (d.entry.chills == Some(true)).then(|| vec!["chills: yes".into()])) },
    Rule { id: "B2", tier: Tier::Call, what: "redness spreading around the incision",
        condition: |d| match d.entry.incision?.redness? {
            Redness::BeyondFinger => Some(vec!["redness spreads more than a finger-width".into()]),
            Redness::Streaks => Some(vec!["red streaks".into()]),
            _ => None,
        } },
    Rule { id: "B3", tier: Tier::Call, what: "the incision is warm, hard or more swollen",
        condition: |d| (d.entry.incision?.warm_or_swollen == Some(true)).then(|| vec!["incision warm, hard or more swollen: yes".into()]) },
    Rule { id: "B4", tier: Tier::Call, what: "fluid from the incision",
        condition: |d| {
            let i = d.entry.incision?;
            let mut e = Evidence::new();
            match i.drainage {
                Some(Drainage::Cloudy) => e.push("cloudy or yellow-green fluid".into()),
                Some(Drainage::Pus) => e.push("pus".into()),
                Some(Drainage::ClearWatery) if day_at_least(d, 2, true) =>
                    e.push("clear watery fluid (possible spinal-fluid leak)".into()),
                _ => {}
            }
            if i.foul_smell == Some(true) { e.push("a bad smell".into()); }
            (!e.is_empty()).then_some(e)
        } },
    Rule { id: "B5", tier: Tier::Call, what: "the bandage soaked through",
        condition: |d| (d.entry.incision?.bandage? == Bandage::Soaked).then(|| vec!["bandage soaked through".into()]) },
    Rule { id: "B6", tier: Tier::Call, what: "the incision edges coming apart",
        condition: |d| (d.entry.incision?.edges_open == Some(true)).then(|| vec!["edges apart: yes".into()]) },
    Rule { id: "B7", tier: Tier::Call, what: "a headache that is worse sitting or standing and better lying flat",
        condition: |d| if d.day.is_none_or(|n| n <= 14) { question(d, "positional_headache") } else { None } },
    Rule { id: "B8", tier: Tier::Call, what: "new or worse nerve symptoms, or a fall",
        condition: |d| {
            let mut e = Evidence::new();
            if d.recovery {
                e.extend(new_or_worse_evidence(d, false).unwrap_or_default());
                let f = d.entry.function.unwrap_or_default();
                if f.toe_stand == Some(StandResult::Cannot) && !d.baseline_toe_cannot { e.push("cannot stand on toes".into()); }
                if f.heel_stand == Some(StandResult::Cannot) && !d.baseline_heel_cannot { e.push("cannot stand on heels".into()); }
                if f.foot_drag == Some(true) && !d.baseline_foot_drag { e.push("a foot drags or slaps".into()); }
            }
            let f = d.entry.function.unwrap_or_default();
            if f.leg_gave_way == Some(true) { e.push("a leg gave way".into()); }
            if f.fall == Some(true) { e.push("a fall".into()); }
            (!e.is_empty()).then_some(e)
        } },
    Rule { id: "B9", tier: Tier::Call, what: "pain clearly worse",
        condition: |d| {
            let mut e = Evidence::new();
            for (name, v, b0) in &d.pain_rise_run {
                e.push(format!("{name} pain {v}, up from {} before the procedure, for {} days in a row", trim_number(*b0), d.settings.pain_rise_days));
            }
            for (name, v, r) in &d.pain_jump {
                e.push(format!("{name} pain {v} on two days in a row, usual {}", trim_number(*r)));
            }
            let bad = [back(d.entry), leg(d.entry)].into_iter().flatten().any(|v| v >= 9.0);
            if bad && d.entry.pain.and_then(|p| p.medicine_helped) == Some(false) {
                e.push("pain 9 or 10 and the pain medicine did not help".into());
            }
            if d.new_findings.is_empty() {
                e.extend(question(d, "sudden_severe_back_pain").unwrap_or_default());
            }
            (!e.is_empty()).then_some(e)
        } },
    Rule { id: "B10", tier: Tier::Call, what: "one calf painful or swollen (possible blood clot)",
        condition: |d| question(d, "calf_pain_swelling") },
    // ---- Tier C: mention at the follow-up visit ----
    Rule { id: "C1", tier: Tier::Followup, what: "walking or standing not back to where it was before the procedure",
        condition: |d| {
            let e: Evidence = d.below_baseline_run.iter()
                .map(|m| format!("{m} below your before-procedure value on 7 check-ins in a row")).collect();
            (!e.is_empty()).then_some(e)
        } },
    Rule { id: "C2", tier: Tier::Followup, what: "leg pain not improving",
        condition: |d| {
            let mean = d.leg_mean_at_six_weeks?;
            let b0 = d.baselines.leg?;
            if b0 < 3.0 { return None; }
            let better = b0 - mean;
            (better < 2.0 || better < 0.3 * b0).then(|| vec![format!(
                "leg pain averages {} this week against {} before the procedure", trim_number((mean * 10.0).round() / 10.0), trim_number((b0 * 10.0).round() / 10.0))])
        } },
    Rule { id: "C3", tier: Tier::Followup, what: "minor incision changes (bruise, itch or a soft lump)",
        condition: |d| (d.entry.incision?.bruise_itch_lump == Some(true)).then(|| vec!["bruise, itch or soft lump: yes".into()]) },
    Rule { id: "C4", tier: Tier::Followup, what: "blood-tinged spotting after day 1",
        condition: |d| {
            let i = d.entry.incision?;
            (i.drainage == Some(Drainage::BloodTinged) && day_at_least(d, 2, false) && i.bandage != Some(Bandage::Soaked))
                .then(|| vec!["a little blood in the fluid".into()])
        } },
    Rule { id: "C5", tier: Tier::Followup, what: "your question for the visit",
        condition: |d| d.entry.ask_at_visit.as_deref().map(str::trim).filter(|q| !q.is_empty()).map(|q| vec![q.to_string()]) },
];

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
