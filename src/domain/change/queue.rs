//! The changes not yet saved, kept where a reload finds them (the app keeps this text beside
//! the diary, or in the tab's session storage when the diary's storage is full), and what
//! each is, in words the patient knows (`What`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Change;

/// What a change is, for the list of what could not be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum What {
    Start,
    Profile,
    Baseline,
    CheckIn(NaiveDate),
    Deleted(NaiveDate),
    Acknowledgement(NaiveDate),
    Questionnaire,
    Import,
}

impl Change {
    pub fn what(&self) -> What {
        match self {
            Change::Start { .. } => What::Start,
            Change::SetProfile(_) => What::Profile,
            Change::SetBaseline(_) => What::Baseline,
            Change::PutCheckIn { date, .. } => What::CheckIn(*date),
            Change::DeleteCheckIn(date) => What::Deleted(*date),
            Change::Acknowledge(ack) => What::Acknowledgement(ack.date),
            Change::AnswerQuestionnaire { .. } => What::Questionnaire,
            Change::Import { .. } => What::Import,
        }
    }
}

const QUEUE_FORMAT: &str = "recovery-diary-unsaved";

#[derive(Serialize, Deserialize)]
struct Queue<T> {
    format: String,
    version: u64,
    changes: T,
}

/// The queue as text.
pub fn queue_to_json(changes: &[Change]) -> String {
    serde_json::to_string(&Queue {
        format: QUEUE_FORMAT.into(),
        version: 1,
        changes,
    })
    .unwrap_or_default()
}

/// The queue from its text; `None` for anything else. Read as the stored diary is
/// (`known_fields`), which shares that reader's code and refuses a field it does not know.
pub fn queue_from_json(text: &str) -> Option<Vec<Change>> {
    let mut de = serde_json::Deserializer::from_str(text);
    let queue: Queue<Vec<Change>> = crate::domain::known_fields::deserialize(&mut de).ok()?;
    de.end().ok()?;
    (queue.format == QUEUE_FORMAT && queue.version == 1).then_some(queue.changes)
}

/// The same changes, fewer: saves of one day's check-in in a row become one (the first's
/// starting point, the last's answers), so the queue holds at most one save per day between
/// other changes.
pub fn compact(changes: &[Change]) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::with_capacity(changes.len());
    for change in changes {
        if let (
            Some(Change::PutCheckIn {
                date: d0, entry, ..
            }),
            Change::PutCheckIn {
                date, entry: later, ..
            },
        ) = (out.last_mut(), change)
        {
            if d0 == date {
                *entry = later.clone();
                continue;
            }
        }
        out.push(change.clone());
    }
    out
}

/// An imported diary in the queue: as a diary file, read back with the full checks (the
/// dates were checked against the phone's date when it was imported).
pub mod diary_as_file {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::domain::format::{read_stored, to_json};
    use crate::domain::model::Diary;

    pub fn serialize<S: Serializer>(diary: &Diary, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&to_json(diary, None))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Box<Diary>, D::Error> {
        let text = String::deserialize(d)?;
        read_stored(&text, chrono::NaiveDate::MAX)
            .map(Box::new)
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::replay;
    use crate::domain::model::{Diary, Entry};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn the_queue_keeps_every_kind_of_change_through_its_text() {
        let diary = crate::domain::format::stored_v2();
        let changes = vec![
            Change::Start {
                profile: diary.profile.clone(),
                baseline: diary.baseline.clone(),
            },
            Change::PutCheckIn {
                date: day(3),
                entry: Entry::back_pain(4),
                base: Some(Box::new(Entry::back_pain(2))),
            },
            Change::DeleteCheckIn(day(4)),
            Change::Acknowledge(diary.acknowledgements[0].clone()),
            Change::AnswerQuestionnaire {
                questionnaire: Box::new(diary.questionnaires[0].clone()),
                response: Box::new(diary.questionnaire_responses[0].clone()),
            },
            Change::Import {
                incoming: Box::new(diary.clone()),
                replace_different: true,
            },
            Change::SetBaseline(None),
        ];
        let text = queue_to_json(&changes);
        assert_eq!(queue_from_json(&text), Some(changes));
        assert_eq!(queue_from_json("{}"), None);
        assert_eq!(
            queue_from_json(&crate::domain::format::to_json(&diary, None)),
            None
        );
    }

    #[test]
    fn saves_of_one_day_in_a_row_compact_to_one_with_the_same_result() {
        let stored = replay(
            &Diary::default(),
            &[Change::put(day(3), Entry::back_pain(1))],
        );
        let first = Change::PutCheckIn {
            date: day(3),
            entry: Entry::back_pain(5),
            base: stored.checkins.get(&day(3)).cloned().map(Box::new),
        };
        let mid = replay(&stored, std::slice::from_ref(&first));
        let second = Change::PutCheckIn {
            date: day(3),
            entry: {
                let mut e = mid.checkins[&day(3)].clone();
                e.notes = Some("later".into());
                e
            },
            base: mid.checkins.get(&day(3)).cloned().map(Box::new),
        };
        let changes = [
            first,
            second,
            Change::put(day(4), Entry::back_pain(2)),
            Change::DeleteCheckIn(day(3)),
        ];
        let compacted = compact(&changes);
        assert_eq!(compacted.len(), 3);
        assert_eq!(replay(&stored, &compacted), replay(&stored, &changes));
        assert_eq!(compacted[0].what(), What::CheckIn(day(3)));
    }
}
