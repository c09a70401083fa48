//! The rule table of `shared/clinical/rules.md` **v1.1**, one entry per rule id, in its
//! order. Hold this file against the table line by line. Each condition returns the evidence
//! (the answers that fired it) or `None`. What v1.1 changed is marked "v1.1" where it lands.

use super::context::{back, incision_pain, leg, Day};
use crate::domain::model::{
    Bandage, Drainage, NeuroFinding, Redness, Region, Side, StandResult, TemperatureUnit,
};

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

/// What fired, as data; `words::fact` writes it in the patient's language.
#[derive(Clone, Debug, PartialEq)]
pub enum Fact {
    /// A yes/no warning question answered yes (its key in `questions.rs`).
    Yes(&'static str),
    /// A nerve finding: `Novelty::Any` for A1's saddle findings, else new or worse than
    /// the reference severity.
    Finding(Novelty, NeuroFinding),
    BothLegsWeaker,
    BackPainJump {
        value: f64,
        usual: f64,
    },
    Fever {
        value: f64,
        unit: TemperatureUnit,
        threshold: f64,
    },
    /// A fixed phrase.
    Sign(Sign),
    /// B9(a): `measure` is a `Measure::key`.
    PainRise {
        measure: &'static str,
        value: u8,
        before: f64,
        days: u8,
    },
    /// B9(b).
    PainTwoDays {
        measure: &'static str,
        value: u8,
        usual: f64,
    },
    /// C1.
    BelowBaseline {
        measure: &'static str,
    },
    /// C2, rounded to one decimal.
    LegNotImproving {
        mean: f64,
        before: f64,
    },
    /// C5: the patient's own words.
    Question(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Novelty {
    Any,
    New,
    Worse,
}

/// The evidence phrases that carry no values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Chills,
    RednessBeyond,
    RedStreaks,
    WarmSwollen,
    Cloudy,
    Pus,
    ClearFluid,
    BadSmell,
    Soaked,
    EdgesApart,
    CannotToes,
    CannotHeels,
    FootDrag,
    LegGaveWay,
    Fall,
    PainUncontrolled,
    BruiseItchLump,
    BloodSpotting,
}

impl Sign {
    pub const ALL: [Sign; 18] = [
        Sign::Chills,
        Sign::RednessBeyond,
        Sign::RedStreaks,
        Sign::WarmSwollen,
        Sign::Cloudy,
        Sign::Pus,
        Sign::ClearFluid,
        Sign::BadSmell,
        Sign::Soaked,
        Sign::EdgesApart,
        Sign::CannotToes,
        Sign::CannotHeels,
        Sign::FootDrag,
        Sign::LegGaveWay,
        Sign::Fall,
        Sign::PainUncontrolled,
        Sign::BruiseItchLump,
        Sign::BloodSpotting,
    ];

    /// Its key in the catalogue's `signs`.
    pub fn key(self) -> &'static str {
        match self {
            Sign::Chills => "chills",
            Sign::RednessBeyond => "redness_beyond",
            Sign::RedStreaks => "red_streaks",
            Sign::WarmSwollen => "warm_swollen",
            Sign::Cloudy => "cloudy",
            Sign::Pus => "pus",
            Sign::ClearFluid => "clear_fluid",
            Sign::BadSmell => "bad_smell",
            Sign::Soaked => "soaked",
            Sign::EdgesApart => "edges_apart",
            Sign::CannotToes => "cannot_toes",
            Sign::CannotHeels => "cannot_heels",
            Sign::FootDrag => "foot_drag",
            Sign::LegGaveWay => "leg_gave_way",
            Sign::Fall => "fall",
            Sign::PainUncontrolled => "pain_uncontrolled",
            Sign::BruiseItchLump => "bruise_itch_lump",
            Sign::BloodSpotting => "blood_spotting",
        }
    }
}

pub type Evidence = Vec<Fact>;

pub struct Rule {
    pub id: &'static str,
    pub tier: Tier,
    pub condition: fn(&Day) -> Option<Evidence>,
}

fn sign(s: Sign) -> Option<Evidence> {
    Some(vec![Fact::Sign(s)])
}

/// `s` as evidence when the answer is yes (a missing answer never fires).
fn sign_if(answer: Option<bool>, s: Sign) -> Option<Evidence> {
    if answer == Some(true) {
        sign(s)
    } else {
        None
    }
}

/// Evidence of a yes/no warning question (by its key in `questions.rs`) answered yes.
fn question(day: &Day, key: &str) -> Option<Evidence> {
    let yes = day.yes.iter().find(|k| **k == key)?;
    Some(vec![Fact::Yes(yes)])
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

fn new_or_worse_evidence(day: &Day, include_saddle: bool) -> Option<Evidence> {
    let found: Evidence = day
        .new_findings
        .iter()
        .map(|f| (f, Novelty::New))
        .chain(day.worse_findings.iter().map(|f| (f, Novelty::Worse)))
        .filter(|(f, _)| include_saddle || f.region != Region::Saddle)
        .map(|(f, how)| Fact::Finding(how, *f))
        .collect();
    (!found.is_empty()).then_some(found)
}

fn fever(day: &Day) -> Option<Evidence> {
    let t = day.entry.temperature?;
    let threshold = day.settings.fever_threshold(t.unit);
    (t.value.get() >= threshold).then(|| {
        vec![Fact::Fever {
            value: t.value.get(),
            unit: t.unit,
            threshold,
        }]
    })
}

/// A condition that names a day number: without a procedure date it counts as met for
/// B4 and B7 (`when_unknown` = true) and not met for B9(a), C1, C2, C4.
fn day_at_least(day: &Day, n: i64, when_unknown: bool) -> bool {
    day.day.map_or(when_unknown, |d| d >= n)
}

pub const RULES: [Rule; 24] = [
    // ---- Tier A: emergency now ----
    Rule {
        id: "A1",
        tier: Tier::Emergency,
        condition: |d| {
            let saddle: Evidence = d
                .entry
                .neuro
                .iter()
                .flatten()
                .filter(|f| f.region == Region::Saddle)
                .map(|f| Fact::Finding(Novelty::Any, *f))
                .collect();
            either(
                question(d, "saddle_numbness"),
                (!saddle.is_empty()).then_some(saddle),
            )
        },
    },
    Rule {
        id: "A2",
        tier: Tier::Emergency,
        condition: |d| question(d, "bladder_trouble"),
    },
    Rule {
        id: "A3",
        tier: Tier::Emergency,
        condition: |d| question(d, "incontinence"),
    },
    Rule {
        id: "A4",
        tier: Tier::Emergency,
        condition: |d| {
            // Safer reading: "new" weakness includes weakness that got worse (new or worse).
            let weak = |side| {
                d.new_or_worse()
                    .any(|f| f.kind == crate::domain::model::NeuroKind::Weakness && f.side == side)
            };
            let both = (d.recovery && weak(Side::Left) && weak(Side::Right))
                .then(|| vec![Fact::BothLegsWeaker]);
            either(
                either(question(d, "rapid_weakness"), question(d, "both_legs")),
                both,
            )
        },
    },
    Rule {
        id: "A5",
        tier: Tier::Emergency,
        condition: |d| {
            if !d.recovery {
                return None;
            }
            let neuro = new_or_worse_evidence(d, true)?;
            let sudden = question(d, "sudden_severe_back_pain");
            let jump = match (back(d.entry), d.r7_back) {
                (Some(b), Some(r)) if b >= r + 3.0 => {
                    Some(vec![Fact::BackPainJump { value: b, usual: r }])
                }
                _ => None,
            };
            either(sudden, jump).map(|mut e| {
                e.extend(neuro);
                e
            })
        },
    },
    Rule {
        id: "A6",
        tier: Tier::Emergency,
        condition: |d| question(d, "allergic_reaction"),
    },
    Rule {
        id: "A7",
        tier: Tier::Emergency,
        condition: |d| question(d, "chest_pain_or_breathless"),
    },
    Rule {
        id: "A8",
        tier: Tier::Emergency,
        condition: |d| question(d, "bleeding_uncontrolled"),
    },
    Rule {
        id: "A9",
        tier: Tier::Emergency,
        condition: |d| {
            if !d.recovery {
                return None;
            }
            let mut e = fever(d)?;
            e.extend(new_or_worse_evidence(d, true)?);
            Some(e)
        },
    },
    // ---- Tier B: call the clinic today ----
    Rule {
        id: "B1",
        tier: Tier::Call,
        condition: |d| either(fever(d), sign_if(d.entry.chills, Sign::Chills)),
    },
    Rule {
        id: "B2",
        tier: Tier::Call,
        condition: |d| match d.entry.incision?.redness? {
            Redness::BeyondFinger => sign(Sign::RednessBeyond),
            Redness::Streaks => sign(Sign::RedStreaks),
            _ => None,
        },
    },
    Rule {
        id: "B3",
        tier: Tier::Call,
        condition: |d| sign_if(d.entry.incision?.warm_or_swollen, Sign::WarmSwollen),
    },
    Rule {
        id: "B4",
        tier: Tier::Call,
        condition: |d| {
            let i = d.entry.incision?;
            let mut e = Evidence::new();
            match i.drainage {
                Some(Drainage::Cloudy) => e.push(Fact::Sign(Sign::Cloudy)),
                Some(Drainage::Pus) => e.push(Fact::Sign(Sign::Pus)),
                Some(Drainage::ClearWatery) if day_at_least(d, 2, true) => {
                    e.push(Fact::Sign(Sign::ClearFluid))
                }
                _ => {}
            }
            if i.foul_smell == Some(true) {
                e.push(Fact::Sign(Sign::BadSmell));
            }
            (!e.is_empty()).then_some(e)
        },
    },
    Rule {
        id: "B5",
        tier: Tier::Call,
        condition: |d| {
            let soaked = d.entry.incision?.bandage? == Bandage::Soaked;
            soaked.then(|| vec![Fact::Sign(Sign::Soaked)])
        },
    },
    Rule {
        id: "B6",
        tier: Tier::Call,
        condition: |d| sign_if(d.entry.incision?.edges_open, Sign::EdgesApart),
    },
    Rule {
        id: "B7",
        tier: Tier::Call,
        condition: |d| {
            if d.day.is_none_or(|n| n <= 14) {
                question(d, "positional_headache")
            } else {
                None
            }
        },
    },
    Rule {
        id: "B8",
        tier: Tier::Call,
        condition: |d| {
            let mut e = Evidence::new();
            if d.recovery {
                e.extend(new_or_worse_evidence(d, false).unwrap_or_default());
                let f = d.entry.function.unwrap_or_default();
                if f.toe_stand == Some(StandResult::Cannot) && !d.baseline_toe_cannot {
                    e.push(Fact::Sign(Sign::CannotToes));
                }
                if f.heel_stand == Some(StandResult::Cannot) && !d.baseline_heel_cannot {
                    e.push(Fact::Sign(Sign::CannotHeels));
                }
                if f.foot_drag == Some(true) && !d.baseline_foot_drag {
                    e.push(Fact::Sign(Sign::FootDrag));
                }
            }
            let f = d.entry.function.unwrap_or_default();
            if f.leg_gave_way == Some(true) {
                e.push(Fact::Sign(Sign::LegGaveWay));
            }
            if f.fall == Some(true) {
                e.push(Fact::Sign(Sign::Fall));
            }
            (!e.is_empty()).then_some(e)
        },
    },
    Rule {
        id: "B9",
        tier: Tier::Call,
        condition: |d| {
            let mut e = Evidence::new();
            for (name, v, b0) in &d.pain_rise_run {
                e.push(Fact::PainRise {
                    measure: name,
                    value: *v,
                    before: *b0,
                    days: d.settings.pain_rise_days,
                });
            }
            for (name, v, r) in &d.pain_jump {
                e.push(Fact::PainTwoDays {
                    measure: name,
                    value: *v,
                    usual: *r,
                });
            }
            // (c) v1.1: incision pain counts too.
            let bad = [back(d.entry), leg(d.entry), incision_pain(d.entry)]
                .into_iter()
                .flatten()
                .any(|v| v >= 9.0);
            if bad && d.entry.pain.and_then(|p| p.medicine_helped) == Some(false) {
                e.push(Fact::Sign(Sign::PainUncontrolled));
            }
            if d.new_findings.is_empty() {
                e.extend(question(d, "sudden_severe_back_pain").unwrap_or_default());
            }
            (!e.is_empty()).then_some(e)
        },
    },
    Rule {
        id: "B10",
        tier: Tier::Call,
        condition: |d| question(d, "calf_pain_swelling"),
    },
    // ---- Tier C: mention at the follow-up visit ----
    Rule {
        id: "C1",
        tier: Tier::Followup,
        condition: |d| {
            let e: Evidence = d
                .below_baseline_run
                .iter()
                .map(|m| Fact::BelowBaseline { measure: m })
                .collect();
            (!e.is_empty()).then_some(e)
        },
    },
    Rule {
        id: "C2",
        tier: Tier::Followup,
        condition: |d| {
            let mean = d.leg_mean_at_six_weeks?;
            let b0 = d.baselines.leg?;
            if b0 < 3.0 {
                return None;
            }
            let better = b0 - mean;
            (better < 2.0 || better < 0.3 * b0).then(|| {
                vec![Fact::LegNotImproving {
                    mean: (mean * 10.0).round() / 10.0,
                    before: (b0 * 10.0).round() / 10.0,
                }]
            })
        },
    },
    Rule {
        id: "C3",
        tier: Tier::Followup,
        condition: |d| {
            // v1.1: not with spreading redness or streaks (that is B2, and not minor).
            let i = d.entry.incision?;
            if matches!(i.redness, Some(Redness::BeyondFinger | Redness::Streaks)) {
                return None;
            }
            sign_if(i.bruise_itch_lump, Sign::BruiseItchLump)
        },
    },
    Rule {
        id: "C4",
        tier: Tier::Followup,
        condition: |d| {
            let i = d.entry.incision?;
            (i.drainage == Some(Drainage::BloodTinged)
                && day_at_least(d, 2, false)
                && i.bandage != Some(Bandage::Soaked))
            .then(|| vec![Fact::Sign(Sign::BloodSpotting)])
        },
    },
    Rule {
        id: "C5",
        tier: Tier::Followup,
        condition: |d| {
            d.entry
                .ask_at_visit
                .as_deref()
                .map(str::trim)
                .filter(|q| !q.is_empty())
                .map(|q| vec![Fact::Question(q.to_string())])
        },
    },
];

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
