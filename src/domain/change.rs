//! Every edit the patient can make, as data. The app's reducer applies a `Change` to the
//! diary in memory, and the storage layer applies the same `Change` to the freshest stored
//! diary before it writes, so a stale tab never overwrites what another tab saved. A day's
//! check-in saved in two windows is merged answer by answer (`merge`).

mod merge;
mod queue;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use merge::merge_day;
pub use queue::{compact, queue_from_json, queue_to_json, What};

use super::model::{Acknowledgement, Diary, Entry, Profile};

/// As JSON, a change is kept in the queue of changes not yet saved (`queue`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// First run is finished: the profile and (maybe) the baseline.
    Start {
        profile: Profile,
        baseline: Option<Entry>,
    },
    SetProfile(Profile),
    SetBaseline(Option<Entry>),
    /// The check-in of `date` as the patient saved it, and as it was when they began
    /// (`base`; `None`: the day had none). Applied over a day another window changed since,
    /// it is merged answer by answer (`merge_day`).
    PutCheckIn {
        date: NaiveDate,
        entry: Entry,
        base: Option<Box<Entry>>,
    },
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
        #[serde(with = "queue::diary_as_file")]
        incoming: Box<Diary>,
        replace_different: bool,
    },
}

/// How a day saved in two windows is merged (`merge_day`), given by the caller: the app's
/// first open never merges and so does not carry it (it comes with the check-in screen).
pub type MergeDay = fn(&Entry, &Entry, &Entry, &mut bool) -> Entry;

impl Change {
    /// Applies this change to `diary`. Applying the same change twice gives the same diary.
    pub fn apply(&self, diary: &mut Diary) {
        self.apply_with(diary, merge_day);
    }

    /// `apply`, with `merge` for a day another window changed since the patient began.
    pub fn apply_with(&self, diary: &mut Diary, merge: MergeDay) {
        match self {
            Change::Start { profile, baseline } => {
                diary.profile = profile.clone();
                if baseline.is_some() {
                    diary.baseline = baseline.clone();
                }
            }
            Change::SetProfile(profile) => diary.profile = profile.clone(),
            Change::SetBaseline(baseline) => diary.baseline = baseline.clone(),
            Change::PutCheckIn { date, entry, base } => {
                let merged = match (diary.checkins.get(date), base) {
                    (Some(now), Some(base)) if now != &**base => {
                        merge(base, now, entry, &mut false)
                    }
                    (Some(now), None) => merge(&Entry::default(), now, entry, &mut false),
                    // Unchanged since, or deleted in another window since: this later save
                    // puts the whole check-in (back).
                    _ => entry.clone(),
                };
                diary.put_checkin(*date, merged);
            }
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

impl Change {
    /// A check-in put with no earlier version in mind (tests, and a restored deletion).
    pub fn put(date: NaiveDate, entry: Entry) -> Change {
        Change::PutCheckIn {
            date,
            entry,
            base: None,
        }
    }

    /// The date of the check-in this change will merge with another window's version when
    /// applied to `diary`: the day changed since the patient began.
    pub fn merges_on(&self, diary: &Diary) -> Option<NaiveDate> {
        let Change::PutCheckIn { date, entry, base } = self else {
            return None;
        };
        let now = diary.checkins.get(date)?;
        let mut clean = entry.clone();
        clean.date = Some(*date);
        (base.as_deref() != Some(now) && *now != clean).then_some(*date)
    }
}

/// `base` with every change in `pending` applied in order.
pub fn replay(base: &Diary, pending: &[Change]) -> Diary {
    replay_with(base, pending, merge_day)
}

/// `replay`, with `merge` for a day another window changed (`Change::apply_with`).
pub fn replay_with(base: &Diary, pending: &[Change], merge: MergeDay) -> Diary {
    let mut diary = base.clone();
    for change in pending {
        change.apply_with(&mut diary, merge);
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
        Change::put(day(3), entry(2)).apply(&mut d);
        Change::put(day(3), entry(5)).apply(&mut d);
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
        let stored_by_a = replay(&Diary::default(), &[Change::put(day(3), entry(2))]);
        // B's pending change is replayed onto what A stored, not onto B's stale copy.
        let stored_by_b = replay(&stored_by_a, &[Change::put(day(4), entry(6))]);
        assert_eq!(stored_by_b.checkins.len(), 2);
    }

    fn leg(e: Entry, leg: u8) -> Entry {
        let mut e = e;
        e.pain.get_or_insert_with(Pain::default).leg = Some(Rating::new(leg).unwrap());
        e
    }

    fn back_of(d: &Diary, n: u32) -> Option<u8> {
        d.checkins[&day(n)]
            .pain
            .and_then(|p| p.back)
            .map(Rating::get)
    }

    #[test]
    fn two_tabs_saving_the_same_day_merge_answer_by_answer() {
        // Both tabs open day 3 with back pain 4; A changes the back pain, B the leg pain.
        let start = replay(&Diary::default(), &[Change::put(day(3), entry(4))]);
        let base = Some(Box::new(start.checkins[&day(3)].clone()));
        let a = Change::PutCheckIn {
            date: day(3),
            entry: entry(2),
            base: base.clone(),
        };
        let b = Change::PutCheckIn {
            date: day(3),
            entry: leg(entry(4), 5),
            base,
        };
        let stored_by_a = replay(&start, &[a]);
        assert_eq!(b.merges_on(&stored_by_a), Some(day(3)));
        let stored_by_b = replay(&stored_by_a, &[b]);
        let pain = stored_by_b.checkins[&day(3)].pain.unwrap();
        assert_eq!(
            (pain.back.map(Rating::get), pain.leg.map(Rating::get)),
            (Some(2), Some(5))
        );
    }

    #[test]
    fn both_changing_one_answer_keeps_the_later_save_and_says_so() {
        // The report's case: both tabs begin an empty day; A saves back pain 2, B then 9.
        let a = Change::put(day(3), entry(2));
        let b = Change::put(day(3), entry(9));
        let stored_by_a = replay(&Diary::default(), std::slice::from_ref(&a));
        assert_eq!(b.merges_on(&stored_by_a), Some(day(3)));
        let stored_by_b = replay(&stored_by_a, &[b]);
        assert_eq!(back_of(&stored_by_b, 3), Some(9));
        let mut clash = false;
        merge_day(&Entry::default(), &entry(2), &entry(9), &mut clash);
        assert!(clash);
        // Saving what is already stored merges nothing.
        assert_eq!(a.merges_on(&stored_by_a), None);
    }

    #[test]
    fn a_save_after_another_window_deleted_the_day_puts_it_back_whole() {
        let start = replay(&Diary::default(), &[Change::put(day(3), leg(entry(4), 6))]);
        let base = Some(Box::new(start.checkins[&day(3)].clone()));
        let deleted = replay(&start, &[Change::DeleteCheckIn(day(3))]);
        let edit = Change::PutCheckIn {
            date: day(3),
            entry: leg(entry(1), 6),
            base,
        };
        let after = replay(&deleted, &[edit]);
        let pain = after.checkins[&day(3)].pain.unwrap();
        assert_eq!(
            (pain.back.map(Rating::get), pain.leg.map(Rating::get)),
            (Some(1), Some(6))
        );
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
        let mut d = replay(&Diary::default(), &[Change::put(day(3), entry(2))]);
        let saved = d.checkins[&day(3)].clone();
        Change::DeleteCheckIn(day(3)).apply(&mut d);
        assert!(d.checkins.is_empty());
        Change::put(day(3), saved.clone()).apply(&mut d);
        assert_eq!(d.checkins[&day(3)], saved);
    }
}
