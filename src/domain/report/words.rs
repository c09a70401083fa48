//! The glance and the incision runs in the reader's language: plain sentences a clinician
//! reads in seconds. Day numbers count from day 0, the procedure date, everywhere; without a
//! procedure date, dates stand in for them.

use chrono::NaiveDate;

use super::glance::{Direction, Glance, MeasureChange, Questions, Scores, SignLine, Since};
use super::incision::{IncisionRun, IncisionState};
use super::texts::{report_texts, ReportTexts};
use crate::domain::i18n::{capitalise, fill, lookup, plural, Locale};
use crate::domain::model::AckAction;
use crate::domain::rules::{what, Tier};

/// One measure's line: "Back pain" and "6 → 1.6 (−4.4 points, −74%)".
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureWords {
    /// `Measure::key` of its first measure (walking: the distance's).
    pub key: &'static str,
    pub label: &'static str,
    pub text: String,
    /// "clinically important improvement" or "… worsening", for pain past the MID.
    pub important: Option<(Direction, &'static str)>,
}

/// A warning sign's line: "Fever or chills, day 5: called the clinic", with "rule B1".
#[derive(Clone, Debug, PartialEq)]
pub struct SignWords {
    pub rule: &'static str,
    pub text: String,
    pub rule_id: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TierWords {
    pub tier: Tier,
    pub heading: &'static str,
    pub signs: Vec<SignWords>,
}

/// One C5 episode's questions, each "The patient asks: “…” (day 40)".
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionWords {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lines: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GlanceWords {
    /// "Day 42 · 6 weeks after the procedure".
    pub since: String,
    /// "Procedure: November 3, 2026", "43 check-ins, days 0–42".
    pub meta: Vec<String>,
    /// "Report of December 14, 2026" (for the printed page).
    pub report_date: String,
    /// "Before the procedure → latest 7 days (days 36–42)".
    pub window: Option<String>,
    /// Back pain, leg pain, walking, standing.
    pub measures: Vec<MeasureWords>,
    pub signs: Vec<TierWords>,
    /// "Falls: day 12", and "Leg gave way: …" when it did.
    pub falls: Vec<String>,
    pub questionnaires: Vec<String>,
    /// Newest first.
    pub questions: Vec<QuestionWords>,
}

/// A signed value as the reader writes it, with a real minus sign: "+2", "−4.4".
pub fn signed(l: &Locale, v: f64) -> String {
    let v = (v * 10.0).round() / 10.0;
    let n = l.number(v.abs());
    if v > 0.0 {
        format!("+{n}")
    } else if v < 0.0 {
        format!("\u{2212}{n}")
    } else {
        n
    }
}

/// A day number: "3", "−2".
pub fn day_text(n: i64) -> String {
    if n < 0 {
        format!("\u{2212}{}", -n)
    } else {
        n.to_string()
    }
}

/// When something happened, from `from` to `to`: "day 7", "days 22–23"; or, without a
/// procedure date, "Nov 7", "Nov 22–Nov 23".
pub fn when(l: &Locale, procedure: Option<NaiveDate>, from: NaiveDate, to: NaiveDate) -> String {
    let rt = report_texts(l.lang);
    match procedure {
        Some(p) => {
            let (a, b) = ((from - p).num_days(), (to - p).num_days());
            if a == b {
                fill(rt.day_one, &[("n", &day_text(a))])
            } else {
                fill(rt.day_span, &[("from", &day_text(a)), ("to", &day_text(b))])
            }
        }
        None if from == to => l.day_month(from),
        None => fill(
            rt.date_span,
            &[("from", &l.day_month(from)), ("to", &l.day_month(to))],
        ),
    }
}

pub fn since_words(rt: &ReportTexts, since: Since, day: Option<i64>) -> String {
    let day = day.map(day_text).unwrap_or_default();
    let counted = |forms: &[&str; 2], n: i64| {
        fill(&plural(forms, n as f64, &n.to_string()), &[("day", &day)])
    };
    match since {
        Since::NoProcedureDate => rt.no_procedure_date.to_string(),
        Since::Before(n) => counted(&rt.before_days, n),
        Since::DayZero => rt.day_zero.to_string(),
        Since::Days(n) => counted(&rt.after_days, n),
        Since::Weeks(n) => counted(&rt.after_weeks, n),
        Since::Months(n) => counted(&rt.after_months, n),
        Since::Years(n) => counted(&rt.after_years, n),
    }
}

/// A value rounded as the report shows it: distances whole, the rest to one decimal.
pub fn value(l: &Locale, v: f64, whole: bool) -> String {
    if whole {
        l.number(v.round())
    } else {
        l.number((v * 10.0).round() / 10.0)
    }
}

/// The change of a measure: "−4.4 points, −74%", "+2400 ft" (a percent only where it
/// tells something); `None` without both values.
pub fn change_words(l: &Locale, m: &MeasureChange, unit: &str) -> Option<String> {
    let rt = report_texts(l.lang);
    let whole = m.measure == crate::domain::measures::Measure::WalkDistance;
    let delta = m.before.zip(m.now).and(m.change)?;
    let delta = if whole { delta.round() } else { delta };
    let mut change = if m.measure.is_pain() {
        plural(&rt.points, (delta * 10.0).round() / 10.0, &signed(l, delta))
    } else if unit.is_empty() {
        signed(l, delta)
    } else {
        format!("{}\u{a0}{unit}", signed(l, delta))
    };
    if let Some(p) = m.percent {
        change.push_str(", ");
        change.push_str(&fill(rt.percent, &[("n", &signed(l, p.round()))]));
    }
    Some(change)
}

/// "6 → 1.6 (−4.4 points, −74%)", "250 → 2650 ft (+2400 ft)" (a number and its unit
/// never split over two lines); `None` when nothing was recorded either before or in the
/// latest 7 days.
pub fn measure_text(l: &Locale, m: &MeasureChange, unit: &str) -> Option<String> {
    let rt = report_texts(l.lang);
    let whole = m.measure == crate::domain::measures::Measure::WalkDistance;
    let with_unit = |s: String| {
        if unit.is_empty() {
            s
        } else {
            format!("{s}\u{a0}{unit}")
        }
    };
    match (m.before, m.now) {
        (Some(b), Some(n)) => {
            let pair = with_unit(fill(
                rt.before_now,
                &[
                    ("before", &value(l, b, whole)),
                    ("now", &value(l, n, whole)),
                ],
            ));
            Some(match change_words(l, m, unit) {
                Some(change) => format!("{pair} ({change})"),
                None => pair,
            })
        }
        (Some(b), None) => Some(fill(
            rt.before_now,
            &[
                ("before", &with_unit(value(l, b, whole))),
                ("now", rt.nothing_now),
            ],
        )),
        (None, Some(n)) => Some(fill(
            rt.before_now,
            &[
                ("before", rt.nothing_before),
                ("now", &with_unit(value(l, n, whole))),
            ],
        )),
        (None, None) => None,
    }
}

fn measures(l: &Locale, g: &Glance, distance_unit: &str) -> Vec<MeasureWords> {
    let rt = report_texts(l.lang);
    let important = |m: &MeasureChange| {
        m.important.map(|d| {
            (
                d,
                match d {
                    Direction::Better => rt.better,
                    Direction::Worse => rt.worse,
                },
            )
        })
    };
    let pain = |m: &MeasureChange, label| MeasureWords {
        key: m.measure.key(),
        label,
        text: measure_text(l, m, "").unwrap_or_else(|| rt.not_recorded.to_string()),
        important: important(m),
    };
    let walking = [
        measure_text(l, &g.walk_distance, distance_unit),
        measure_text(l, &g.walk_minutes, "min"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>();
    vec![
        pain(&g.back, rt.back),
        pain(&g.leg, rt.leg),
        MeasureWords {
            key: g.walk_distance.measure.key(),
            label: rt.walking,
            text: if walking.is_empty() {
                rt.not_recorded.to_string()
            } else {
                walking.join(rt.list_and)
            },
            important: None,
        },
        MeasureWords {
            key: g.standing.measure.key(),
            label: rt.standing,
            text: measure_text(l, &g.standing, "min")
                .unwrap_or_else(|| rt.not_recorded.to_string()),
            important: None,
        },
    ]
}

/// What the patient did, in the clinician's words.
pub fn did_words(
    rt: &ReportTexts,
    did: &(AckAction, Option<String>),
    emergency_number: &str,
) -> String {
    match did {
        (AckAction::WentToEmergency, _) => fill(rt.did_emergency, &[("number", emergency_number)]),
        (AckAction::CalledClinic, _) => rt.did_clinic.to_string(),
        (AckAction::WillMention, _) => rt.did_mention.to_string(),
        (AckAction::Other, Some(note)) => fill(rt.did_other_note, &[("note", note)]),
        (AckAction::Other, None) => rt.did_other.to_string(),
    }
}

fn sign_words(
    l: &Locale,
    g: &Glance,
    tier: Tier,
    s: &SignLine,
    emergency_number: &str,
) -> SignWords {
    let rt = report_texts(l.lang);
    let mut episodes: Vec<String> = s
        .episodes
        .iter()
        .map(|ep| {
            let w = when(l, g.procedure, ep.from, ep.to);
            match (&ep.did, tier) {
                (Some(did), _) => fill(
                    rt.episode_did,
                    &[("when", &w), ("did", &did_words(rt, did, emergency_number))],
                ),
                // A tier-C sign asks nothing of the patient: no "nothing recorded".
                (None, Tier::Followup) => w,
                (None, _) => fill(rt.episode_did, &[("when", &w), ("did", rt.did_nothing)]),
            }
        })
        .collect();
    if s.earlier > 0 {
        episodes.push(l.count(&rt.earlier, s.earlier as f64));
    }
    SignWords {
        rule: s.rule,
        text: fill(
            rt.sign_line,
            &[
                ("what", &capitalise(what(l.t(), s.rule))),
                ("episodes", &episodes.join(rt.list_and)),
            ],
        ),
        rule_id: fill(rt.rule_id, &[("id", s.rule)]),
    }
}

fn falls(l: &Locale, g: &Glance) -> Vec<String> {
    let rt = report_texts(l.lang);
    let days = |pick: fn(&super::glance::Fall) -> bool| {
        g.falls
            .iter()
            .filter(|f| pick(f))
            .map(|f| match g.procedure {
                Some(_) => fill(
                    rt.day_one,
                    &[("n", &g.day(f.date).map(day_text).unwrap_or_default())],
                ),
                None => l.day_month(f.date),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fell = days(|f| f.fall);
    let mut out = vec![format!(
        "{}: {}",
        rt.falls,
        if fell.is_empty() {
            rt.none_recorded
        } else {
            &fell
        }
    )];
    let gave_way = days(|f| f.gave_way);
    if !gave_way.is_empty() {
        out.push(format!("{}: {gave_way}", rt.gave_way));
    }
    out
}

fn score_words(l: &Locale, g: &Glance, s: &Scores) -> String {
    let rt = report_texts(l.lang);
    let score = |v: Option<f64>| match v {
        Some(v) if s.percent => fill(rt.percent, &[("n", &value(l, v, false))]),
        Some(v) => value(l, v, false),
        None => rt.not_scored.to_string(),
    };
    let at = |d: NaiveDate| when(l, g.procedure, d, d);
    let title = s.title.get(l.lang.code());
    let mut text = match s.first {
        Some(first) => fill(
            rt.score_change,
            &[
                ("title", title),
                ("first", &score(first.score)),
                ("latest", &score(s.latest.score)),
                (
                    "days",
                    &format!("{} → {}", at(first.date), at(s.latest.date)),
                ),
            ],
        ),
        None => fill(
            rt.score_one,
            &[
                ("title", title),
                ("score", &score(s.latest.score)),
                ("when", &at(s.latest.date)),
            ],
        ),
    };
    if let Some(d) = s.important {
        text.push_str(", ");
        text.push_str(if d == Direction::Better {
            rt.better
        } else {
            rt.worse
        });
    }
    text
}

/// One episode of the patient's questions, for the clinician.
pub fn question_words(l: &Locale, procedure: Option<NaiveDate>, q: &Questions) -> QuestionWords {
    let rt = report_texts(l.lang);
    QuestionWords {
        from: q.from,
        to: q.to,
        lines: q
            .asks
            .iter()
            .map(|(date, text)| {
                format!(
                    "{} {}",
                    fill(rt.asks, &[("question", text)]),
                    fill(rt.asks_when, &[("when", &when(l, procedure, *date, *date))])
                )
            })
            .collect(),
    }
}

/// The glance in `l`'s language. `distance_unit`: the patient's as the screen writes it
/// ("ft", "pies", "m").
pub fn glance_words(
    l: &Locale,
    g: &Glance,
    distance_unit: &str,
    emergency_number: &str,
) -> GlanceWords {
    let rt = report_texts(l.lang);
    let mut meta = Vec::new();
    if let Some(p) = g.procedure {
        meta.push(fill(rt.procedure_on, &[("date", &l.date(p))]));
    }
    let count = l.count(&rt.checkins, g.checkins as f64);
    meta.push(match g.span {
        Some((from, to)) => fill(
            rt.checkin_span,
            &[("count", &count), ("days", &when(l, g.procedure, from, to))],
        ),
        None => count,
    });
    GlanceWords {
        since: since_words(rt, g.since, g.day(g.today)),
        report_date: fill(rt.report_date, &[("date", &l.date(g.today))]),
        meta,
        window: g
            .window
            .map(|(from, to)| fill(rt.window, &[("days", &when(l, g.procedure, from, to))])),
        measures: measures(l, g, distance_unit),
        signs: g
            .signs
            .iter()
            .map(|t| TierWords {
                tier: t.tier,
                heading: match t.tier {
                    Tier::Emergency => rt.tier_emergency,
                    Tier::Call => rt.tier_call,
                    Tier::Followup => rt.tier_followup,
                },
                signs: t
                    .signs
                    .iter()
                    .map(|s| sign_words(l, g, t.tier, s, emergency_number))
                    .collect(),
            })
            .collect(),
        falls: falls(l, g),
        questionnaires: g
            .questionnaires
            .iter()
            .map(|s| score_words(l, g, s))
            .collect(),
        questions: g
            .questions
            .iter()
            .map(|q| question_words(l, g.procedure, q))
            .collect(),
    }
}

/// A run of the incision log: "Days 0–6: bandage dry, no fluid, a thin red line at the
/// edge, incision pain 2–4".
pub fn incision_run_words(l: &Locale, procedure: Option<NaiveDate>, run: &IncisionRun) -> String {
    let rt = report_texts(l.lang);
    let IncisionState {
        bandage,
        drainage,
        redness,
        ..
    } = run.state;
    let answer = |prefix: &str, v: Option<serde_json::Value>| {
        v.and_then(|j| {
            j.as_str()
                .map(|s| lookup(&rt.incision_run_words, &format!("{prefix}.{s}")))
        })
    };
    let s = run.state;
    let mut parts: Vec<String> = [
        answer(
            "bandage",
            bandage.and_then(|v| serde_json::to_value(v).ok()),
        ),
        answer(
            "drainage",
            drainage.and_then(|v| serde_json::to_value(v).ok()),
        ),
        answer(
            "redness",
            redness.and_then(|v| serde_json::to_value(v).ok()),
        ),
    ]
    .into_iter()
    .flatten()
    .map(str::to_string)
    .chain(
        [
            (s.foul_smell, rt.incision_smell),
            (s.warm_or_swollen, rt.incision_warm),
            (s.edges_open, rt.incision_edges),
            (s.bruise_itch_lump, rt.incision_bruise),
            (s.bleeding_uncontrolled, rt.incision_bleeding),
        ]
        .into_iter()
        .filter(|(yes, _)| *yes)
        .map(|(_, w)| w.to_string()),
    )
    .collect();
    match run.pain {
        Some((lo, hi)) if lo == hi => {
            parts.push(fill(rt.incision_pain_one, &[("n", &lo.to_string())]))
        }
        Some((lo, hi)) => parts.push(fill(
            rt.incision_pain_span,
            &[("from", &lo.to_string()), ("to", &hi.to_string())],
        )),
        None => {}
    }
    if parts.is_empty() {
        parts.push(rt.not_recorded.to_string());
    }
    fill(
        rt.incision_line,
        &[
            ("when", &capitalise(&when(l, procedure, run.from, run.to))),
            ("what", &parts.join(", ")),
        ],
    )
}
