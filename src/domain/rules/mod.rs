//! The warning-sign rules of `shared/clinical/rules.md`: evaluation of a whole diary to
//! flags, grouped into episodes, and the messages the patient is shown.

pub mod answered;
mod context;
pub mod settings;
pub mod table;
pub mod words;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use chrono::{Days, NaiveDate};

pub use answered::{answered_line_words, answered_lines, latest_acknowledgement, AnsweredLine};
pub use settings::{is_phone_number, tel_link, ClinicSettings, RawSettings, SettingError};
pub use table::{rule, Evidence, Fact, Novelty, Rule, Sign, Tier, RULES};
pub use words::{fact, firings_on, message, what};

use crate::domain::model::{AckAction, Diary};

/// What a patient can say they did about a flag of `tier`. Tier A and B never offer "I will
/// mention it at my visit" (rules.md v1.1: it invites waiting); that choice is tier C's
/// alone. (An older file's `will_mention` on any tier is still read and shown as recorded.)
pub fn ack_choices(tier: Tier) -> &'static [AckAction] {
    match tier {
        Tier::Emergency => &[
            AckAction::WentToEmergency,
            AckAction::CalledClinic,
            AckAction::Other,
        ],
        Tier::Call => &[
            AckAction::CalledClinic,
            AckAction::WentToEmergency,
            AckAction::Other,
        ],
        Tier::Followup => &[AckAction::WillMention, AckAction::Other],
    }
}

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

impl Episode {
    /// What the patient recorded they did about this episode: the latest acknowledgement of
    /// its rule for its last date (the date a banner asks about).
    pub fn acknowledgement<'a>(
        &self,
        diary: &'a Diary,
    ) -> Option<&'a crate::domain::model::Acknowledgement> {
        diary
            .acknowledgements
            .iter()
            .rev()
            .find(|a| a.rule == self.rule && a.date == self.to)
    }
}

/// Every (rule, date) that fires, by date, then tier, then table order. Deterministic and
/// independent of the order of check-ins in the file (the diary holds them by date).
pub fn evaluate(diary: &Diary, settings: &ClinicSettings) -> Vec<Firing> {
    evaluate_from(diary, settings, None)
}

/// The firings on `from` and later (all of them without `from`).
fn evaluate_from(diary: &Diary, settings: &ClinicSettings, from: Option<NaiveDate>) -> Vec<Firing> {
    let ctx = context::Context::new(diary, settings, from);
    let mut out = Vec::new();
    for day in &ctx.days {
        // The table is in tier order (a test checks), so the firings of a day are too.
        out.extend(RULES.iter().filter_map(|r| {
            (r.condition)(day).map(|evidence| Firing {
                rule: r.id,
                tier: r.tier,
                date: day.date,
                evidence,
            })
        }));
    }
    out
}

/// `evaluate(after, settings)`, reusing `previous` (the firings of `before` with the same
/// settings) where they cannot have changed. A rule on a date looks only at that date, the
/// dates before it, the profile and the baseline; so when those agree, every firing before
/// the first date at which the two diaries differ stands, and only the dates from there on
/// are evaluated again (a save of today re-evaluates today). Same result as `evaluate`, as a
/// property test checks.
pub fn reevaluate(
    before: &Diary,
    previous: &[Firing],
    after: &Diary,
    settings: &ClinicSettings,
) -> Vec<Firing> {
    if before.profile != after.profile || before.baseline != after.baseline {
        return evaluate(after, settings);
    }
    let first_difference = before
        .checkins
        .iter()
        .zip(after.checkins.iter())
        .find(|(a, b)| a != b)
        .map(|(a, b)| (*a.0).min(*b.0))
        .or_else(|| {
            // One is the other plus later dates.
            let n = before.checkins.len().min(after.checkins.len());
            before
                .checkins
                .keys()
                .nth(n)
                .or_else(|| after.checkins.keys().nth(n))
                .copied()
        });
    let Some(from) = first_difference else {
        return previous.to_vec();
    };
    // The check-ins of the baseline period are part of the baseline, which every date uses.
    if before.baseline_entries() != after.baseline_entries() {
        return evaluate(after, settings);
    }
    let mut out: Vec<Firing> = previous
        .iter()
        .take_while(|f| f.date < from)
        .cloned()
        .collect();
    out.extend(evaluate_from(after, settings, Some(from)));
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
