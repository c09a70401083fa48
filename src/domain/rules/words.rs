//! The flags in the patient's language: what fired, the evidence, and the message of each
//! tier (the rule table's "Always, whatever fired" wording).

use super::table::{Fact, Novelty, Tier};
use super::{ClinicSettings, Firing};
use crate::domain::i18n::{capitalise, fill, lookup, plural, Locale, Texts};
use chrono::NaiveDate;

use crate::domain::model::{Diary, NeuroKind, Region, Side};

/// What rule `id` is about, in the patient's words (lower case, for use in a sentence).
pub fn what(t: &Texts, id: &str) -> &'static str {
    lookup(&t.rule_what, id)
}

/// "Left calf: numbness" (the region alone for the saddle area), for a finding's key.
pub fn finding_words(t: &Texts, (region, side, kind): (Region, Side, NeuroKind)) -> String {
    let region = t.regions[Region::ALL.iter().position(|r| *r == region).unwrap_or(0)];
    let place = match side {
        Side::Midline => region.to_string(),
        side => capitalise(&fill(
            t.finding_place,
            &[
                ("region", &region.to_lowercase()),
                ("side", side_word(t, side)),
            ],
        )),
    };
    let kind = t.kinds[NeuroKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)];
    fill(
        t.finding,
        &[("place", &place), ("kind", &kind.to_lowercase())],
    )
}

pub fn side_word(t: &Texts, side: Side) -> &'static str {
    match side {
        Side::Left => t.sides[0],
        Side::Right => t.sides[1],
        Side::Midline => t.sides[2],
    }
}

/// One piece of evidence in the patient's language.
pub fn fact(l: &Locale, f: &Fact) -> String {
    let t = l.t();
    let n = |v: f64| l.number(v);
    let measure = |key: &str| lookup(&t.measures, key).to_lowercase();
    match f {
        Fact::Yes(key) => fill(t.fact_yes, &[("question", lookup(&t.questions, key))]),
        Fact::Finding(how, finding) => {
            let template = match how {
                Novelty::Any => t.fact_any,
                Novelty::New => t.fact_new,
                Novelty::Worse => t.fact_worse,
            };
            fill(
                template,
                &[
                    ("finding", &finding_words(t, finding.key())),
                    ("n", &finding.severity.get().to_string()),
                ],
            )
        }
        Fact::BothLegsWeaker => t.fact_both_legs.to_string(),
        Fact::BackPainJump { value, usual } => fill(
            t.fact_back_jump,
            &[("value", &n(*value)), ("usual", &n(*usual))],
        ),
        Fact::Fever {
            value,
            unit,
            threshold,
        } => fill(
            t.fact_fever,
            &[
                ("value", &n(*value)),
                ("unit", unit.symbol()),
                ("threshold", &n(*threshold)),
            ],
        ),
        Fact::Sign(s) => lookup(&t.signs, s.key()).to_string(),
        Fact::PainRise {
            measure: m,
            value,
            before,
            days,
        } => fill(
            &plural(&t.fact_pain_rise, f64::from(*days), &days.to_string()),
            &[
                ("measure", &measure(m)),
                ("value", &value.to_string()),
                ("before", &n(*before)),
            ],
        ),
        Fact::PainTwoDays {
            measure: m,
            value,
            usual,
        } => fill(
            t.fact_pain_two_days,
            &[
                ("measure", &measure(m)),
                ("value", &value.to_string()),
                ("usual", &n(*usual)),
            ],
        ),
        Fact::BelowBaseline { measure: m } => {
            fill(t.fact_below_baseline, &[("measure", &measure(m))])
        }
        Fact::LegNotImproving { mean, before } => fill(
            t.fact_leg_not_improving,
            &[("mean", &n(*mean)), ("before", &n(*before))],
        ),
        Fact::Question(q) => q.clone(),
    }
}

/// The evidence of one firing, joined.
pub fn evidence(l: &Locale, facts: &[Fact]) -> String {
    facts
        .iter()
        .map(|f| fact(l, f))
        .collect::<Vec<_>>()
        .join(l.t().list_separator)
}

/// The firings of `date` in `firings`, which are in date order (as `evaluate` and
/// `reevaluate` give them).
pub fn firings_on(firings: &[Firing], date: NaiveDate) -> &[Firing] {
    let from = firings.partition_point(|f| f.date < date);
    let to = from + firings[from..].partition_point(|f| f.date == date);
    &firings[from..to]
}

/// The message of `tier` for `date`: one function of that date's firings, so the day's
/// result, the banners on home and the report's "message shown" (and its print) always say
/// the same. `firings` are in date order and may hold other dates and tiers (see
/// `firings_on`).
pub fn message(
    l: &Locale,
    tier: Tier,
    date: NaiveDate,
    firings: &[Firing],
    diary: &Diary,
    settings: &ClinicSettings,
) -> String {
    let t = l.t();
    let of_tier: Vec<&Firing> = firings_on(firings, date)
        .iter()
        .filter(|f| f.tier == tier)
        .collect();
    let whats: Vec<&str> = of_tier.iter().map(|f| what(t, f.rule)).collect();
    let summary = whats.join(t.list_separator);
    match tier {
        Tier::Emergency => {
            // v1.1: before day 0 the patient is due to have it; no date, no date named.
            let say = match diary.profile.procedure_date {
                Some(p) if date < p => fill(t.message_emergency_due, &[("date", &l.date(p))]),
                Some(p) => fill(t.message_emergency_had, &[("date", &l.date(p))]),
                None => t.message_emergency_no_date.to_string(),
            };
            fill(
                t.message_emergency,
                &[
                    ("number", &settings.emergency_number),
                    ("say", &say),
                    ("what", &summary),
                ],
            )
        }
        Tier::Call => {
            // Fever with worsening pain (B1 and B9 on one date): call now, everywhere.
            let fever_and_pain =
                of_tier.iter().any(|f| f.rule == "B1") && of_tier.iter().any(|f| f.rule == "B9");
            let when = if fever_and_pain {
                t.message_call_now
            } else {
                t.message_call_today
            };
            let phone = match (&settings.clinic_phone, &settings.after_hours_phone) {
                (Some(p), Some(a)) => fill(t.message_call_both, &[("phone", p), ("after", a)]),
                (Some(p), None) => fill(t.message_call_clinic, &[("phone", p)]),
                (None, Some(a)) => fill(t.message_call_after, &[("after", a)]),
                (None, None) => String::new(),
            };
            fill(
                t.message_call,
                &[("when", when), ("phone", &phone), ("what", &summary)],
            )
        }
        Tier::Followup => t.message_followup.to_string(),
    }
}
