//! Every edit the patient can make, as data. The app's reducer applies a `Change` to the
//! diary in memory, and the storage layer applies the same `Change` to the freshest stored
//! diary before it writes, so a stale tab never overwrites what another tab saved.

use chrono::NaiveDate;

use super::model::{Acknowledgement, Diary, Entry, Profile};

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// First run is finished: the profile and (maybe) the baseline.
    Start {
        profile: Profile,
        baseline: Option<Entry>,
    },
    SetProfile(Profile),
    SetBaseline(Option<Entry>),
    PutCheckIn(NaiveDate, Entry),
    DeleteCheckIn(NaiveDate),
    Acknowledge(Acknowledgement),
    /// A clinic questionnaire answered: its copy (FHIR `Questionnaire`) and the completed
    /// `QuestionnaireResponse`.
    AnswerQuestionnaire {
        questionnaire: Box<serde_json::Value>,
        response: Box<serde_json::Value>,
    },
    /// Merge an imported diary by date (nothing is deleted).
    Import {
        incoming: Box<Diary>,
        replace_different: bool,
    },
}

impl Change {
    /// Applies this change to `diary`. Applying the same change twice gives the same diary.
    pub fn apply(&self, diary: &mut Diary) {
        match self {
            Change::Start { profile, baseline } => {
                diary.profile = profile.clone();
                if baseline.is_some() {
                    diary.baseline = baseline.clone();
                }
            }
            Change::SetProfile(profile) => diary.profile = profile.clone(),
            Change::SetBaseline(baseline) => diary.baseline = baseline.clone(),
            Change::PutCheckIn(date, entry) => diary.put_checkin(*date, entry.clone()),
            Change::DeleteCheckIn(date) => {
                diary.checkins.remove(date);
            }
            Change::Acknowledge(ack) => {
                if !diary.acknowledgements.contains(ack) {
                    diary.acknowledgements.push(ack.clone());
                }
            }
            Change::AnswerQuestionnaire {
                questionnaire,
                response,
            } => super::questionnaire::record(diary, questionnaire, response),
            Change::Import {
                incoming,
                replace_different,
            } => *diary = super::import::merge(diary, incoming, *replace_different),
        }
    }
}

/// `base` with every change in `pending` applied in order.
pub fn replay(base: &Diary, pending: &[Change]) -> Diary {
    let mut diary = base.clone();
    for change in pending {
        change.apply(&mut diary);
    }
    diary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Pain;
    use crate::domain::model::Rating;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn entry(back: u8) -> Entry {
        Entry {
            pain: Some(Pain {
                back: Some(Rating::new(back).unwrap()),
                ..Pain::default()
            }),
            ..Entry::default()
        }
    }

    #[test]
    fn put_sets_the_date_and_replaces() {
        let mut d = Diary::default();
        Change::PutCheckIn(day(3), entry(2)).apply(&mut d);
        Change::PutCheckIn(day(3), entry(5)).apply(&mut d);
        assert_eq!(d.checkins.len(), 1);
        assert_eq!(d.checkins[&day(3)].date, Some(day(3)));
        assert_eq!(d.checkins[&day(3)], {
            let mut e = entry(5);
            e.date = Some(day(3));
            e
        });
    }

    #[test]
    fn two_tabs_editing_different_days_both_survive() {
        // Tab A and tab B both loaded an empty diary; A saved day 3 first.
        let stored_by_a = replay(&Diary::default(), &[Change::PutCheckIn(day(3), entry(2))]);
        // B's pending change is replayed onto what A stored, not onto B's stale copy.
        let stored_by_b = replay(&stored_by_a, &[Change::PutCheckIn(day(4), entry(6))]);
        assert_eq!(stored_by_b.checkins.len(), 2);
    }

    #[test]
    fn start_keeps_an_existing_baseline_when_none_given() {
        let mut d = Diary {
            baseline: Some(entry(4)),
            ..Diary::default()
        };
        Change::Start {
            profile: Profile::default(),
            baseline: None,
        }
        .apply(&mut d);
        assert!(d.baseline.is_some());
    }

    #[test]
    fn delete_then_put_restores() {
        let mut d = replay(&Diary::default(), &[Change::PutCheckIn(day(3), entry(2))]);
        let saved = d.checkins[&day(3)].clone();
        Change::DeleteCheckIn(day(3)).apply(&mut d);
        assert!(d.checkins.is_empty());
        Change::PutCheckIn(day(3), saved.clone()).apply(&mut d);
        assert_eq!(d.checkins[&day(3)], saved);
    }
}
