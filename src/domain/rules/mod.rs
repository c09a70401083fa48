//! The warning-sign rules of `shared/clinical/rules.md`: evaluation of a whole diary to
//! flags, grouped into episodes, and the messages the patient is shown.

mod context;
pub mod settings;
pub mod table;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use chrono::{Days, NaiveDate};

pub use settings::{ClinicSettings, RawSettings, SettingError};
pub use table::{rule, Evidence, Rule, Tier, RULES};

use crate::domain::model::Diary;

/// A rule that fired on one date, with the answers that fired it.
#[derive(Clone, Debug, PartialEq)]
pub struct Firing {
    pub rule: &'static str,
    pub tier: Tier,
    pub date: NaiveDate,
    pub evidence: Evidence,
}

/// Consecutive calendar dates on which one rule fired (a missing check-in ends it).
#[derive(Clone, Debug, PartialEq)]
pub struct Episode {
    pub rule: &'static str,
    pub tier: Tier,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub firings: Vec<Firing>,
}

/// Every (rule, date) that fires, by date, then tier, then table order. Deterministic and
/// independent of the order of check-ins in the file (the diary holds them by date).
pub fn evaluate(diary: &Diary, settings: &ClinicSettings) -> Vec<Firing> {
    let ctx = context::Context::new(diary, settings);
    let mut out = Vec::new();
    for day in &ctx.days {
        let mut today: Vec<Firing> = RULES
            .iter()
            .filter_map(|r| {
                (r.condition)(day).map(|evidence| Firing {
                    rule: r.id,
                    tier: r.tier,
                    date: day.date,
                    evidence,
                })
            })
            .collect();
        today.sort_by_key(|f| f.tier); // stable: table order within a tier
        out.extend(today);
    }
    out
}

/// Groups firings into episodes: per rule, runs of consecutive calendar dates.
pub fn episodes(firings: &[Firing]) -> Vec<Episode> {
    let mut out: Vec<Episode> = Vec::new();
    for rule in RULES.iter() {
        let mut current: Option<Episode> = None;
        for f in firings.iter().filter(|f| f.rule == rule.id) {
            match &mut current {
                Some(ep) if ep.to.checked_add_days(Days::new(1)) == Some(f.date) => {
                    ep.to = f.date;
                    ep.firings.push(f.clone());
                }
                _ => {
                    out.extend(current.take());
                    current = Some(Episode {
                        rule: f.rule,
                        tier: f.tier,
                        from: f.date,
                        to: f.date,
                        firings: vec![f.clone()],
                    });
                }
            }
        }
        out.extend(current);
    }
    out.sort_by(|a, b| {
        a.from
            .cmp(&b.from)
            .then(a.tier.cmp(&b.tier))
            .then(a.rule.cmp(b.rule))
    });
    out
}

/// The message of a tier for the firings of one date (all of that tier).
pub fn message(
    tier: Tier,
    firings: &[&Firing],
    diary: &Diary,
    settings: &ClinicSettings,
) -> String {
    let whats: Vec<&str> = firings
        .iter()
        .filter_map(|f| rule(f.rule))
        .map(|r| r.what)
        .collect();
    let summary = whats.join("; ");
    match tier {
        Tier::Emergency => {
            let when = diary
                .profile
                .procedure_date
                .map(|d| format!(" on {}", d.format("%-d %B %Y")))
                .unwrap_or_default();
            format!(
                "Call {} now, or have someone take you to the emergency department (do not drive yourself). Say you had a lumbar decompression{when} and now have {summary}. Then tell your clinic. Do not wait to see if it improves.",
                settings.emergency_number
            )
        }
        Tier::Call => {
            let fever_and_pain =
                firings.iter().any(|f| f.rule == "B1") && firings.iter().any(|f| f.rule == "B9");
            let when = if fever_and_pain {
                "now, not later today"
            } else {
                "today"
            };
            let phone = match (&settings.clinic_phone, &settings.after_hours_phone) {
                (Some(p), Some(a)) => format!(" at {p}, after hours {a}"),
                (Some(p), None) => format!(" at {p}"),
                (None, Some(a)) => format!(" (after hours {a})"),
                (None, None) => String::new(),
            };
            format!(
                "Call your clinic {when}{phone}. Tell them: {summary}. If you cannot reach anyone within a few hours, or you get worse, go to urgent care or the emergency department."
            )
        }
        Tier::Followup => {
            "Noted for your next visit. Call your clinic sooner if it worries you.".to_string()
        }
    }
}

/// What the patient is shown on a date with no flag. Never "normal".
pub const NO_FLAG: &str =
    "Nothing you entered matches your clinic's warning signs. If you are worried, call anyway.";
