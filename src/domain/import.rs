//! Importing a diary file into the diary on this phone: merge by date, nothing deleted.
//! The patient sees the plan (added, identical, different) before confirming.

use chrono::NaiveDate;

use serde_json::Value;

use super::model::Diary;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    /// Dates only in the file: added.
    pub added: Vec<NaiveDate>,
    /// Dates in both, with the same answers: nothing to do.
    pub identical: Vec<NaiveDate>,
    /// Dates in both with different answers: the diary's own check-in is kept unless the
    /// patient chooses the file's.
    pub different: Vec<NaiveDate>,
    /// The file brings a baseline and the diary has none.
    pub adds_baseline: bool,
    /// The file brings a procedure date and the diary has none.
    pub adds_procedure_date: bool,
    /// The file's procedure date, when the diary has another one (the diary's is kept:
    /// the patient is told, and can change it in Settings).
    pub other_procedure_date: Option<NaiveDate>,
    pub new_acknowledgements: usize,
    /// Questionnaire responses (format v2) for a (questionnaire, date) the diary lacks.
    pub new_responses: usize,
}

/// What the patient confirmed: the file's diary, merged by date as `plan` said.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportRequest {
    pub incoming: Diary,
    /// Dates in both take the file's check-in.
    pub replace_different: bool,
    pub plan: ImportPlan,
}

impl ImportPlan {
    pub fn changes_anything(&self, replace_different: bool) -> bool {
        !self.added.is_empty()
            || (replace_different && !self.different.is_empty())
            || self.adds_baseline
            || self.adds_procedure_date
            || self.new_acknowledgements > 0
            || self.new_responses > 0
    }
}

/// Compares answers ignoring when they were recorded.
fn same_answers(a: &super::model::Entry, b: &super::model::Entry) -> bool {
    let mut a = a.clone();
    a.recorded_at = b.recorded_at;
    a == *b
}

pub fn plan(current: &Diary, incoming: &Diary) -> ImportPlan {
    let mut plan = ImportPlan::default();
    for (date, entry) in &incoming.checkins {
        match current.checkins.get(date) {
            None => plan.added.push(*date),
            Some(mine) if same_answers(mine, entry) => plan.identical.push(*date),
            Some(_) => plan.different.push(*date),
        }
    }
    plan.adds_baseline = current.baseline.is_none() && incoming.baseline.is_some();
    plan.adds_procedure_date =
        current.profile.procedure_date.is_none() && incoming.profile.procedure_date.is_some();
    plan.other_procedure_date = match (
        current.profile.procedure_date,
        incoming.profile.procedure_date,
    ) {
        (Some(mine), Some(theirs)) if mine != theirs => Some(theirs),
        _ => None,
    };
    plan.new_acknowledgements = incoming
        .acknowledgements
        .iter()
        .filter(|a| !current.acknowledgements.contains(a))
        .count();
    plan.new_responses = incoming
        .questionnaire_responses
        .iter()
        .filter(|r| !has_response(current, r))
        .count();
    plan
}

/// A questionnaire's identity: its `url` and `version` (format v2).
fn questionnaire_key(q: &Value) -> (Option<&str>, Option<&str>) {
    (
        q.get("url").and_then(Value::as_str),
        q.get("version").and_then(Value::as_str),
    )
}

/// A response's identity: its questionnaire and the local date of `authored` (the date part
/// of an RFC 3339 instant with offset), as check-ins are by date.
fn response_key(r: &Value) -> (Option<&str>, Option<&str>) {
    (
        r.get("questionnaire").and_then(Value::as_str),
        r.get("authored")
            .and_then(Value::as_str)
            .and_then(|a| a.get(..10)),
    )
}

fn has_response(diary: &Diary, r: &Value) -> bool {
    let key = response_key(r);
    diary
        .questionnaire_responses
        .iter()
        .any(|mine| response_key(mine) == key)
}

/// `current` with `incoming` merged in. Nothing of `current` is deleted; its own check-ins
/// win on dates in both unless `replace_different`.
pub fn merge(current: &Diary, incoming: &Diary, replace_different: bool) -> Diary {
    let mut out = current.clone();
    for (date, entry) in &incoming.checkins {
        if replace_different || !out.checkins.contains_key(date) {
            out.put_checkin(*date, entry.clone());
        }
    }
    if out.baseline.is_none() {
        out.baseline = incoming.baseline.clone();
    }
    if out.profile.procedure_date.is_none() {
        out.profile.procedure_date = incoming.profile.procedure_date;
    }
    for ack in &incoming.acknowledgements {
        if !out.acknowledgements.contains(ack) {
            out.acknowledgements.push(ack.clone());
        }
    }
    for q in &incoming.questionnaires {
        let key = questionnaire_key(q);
        if !out
            .questionnaires
            .iter()
            .any(|mine| questionnaire_key(mine) == key)
        {
            out.questionnaires.push(q.clone());
        }
    }
    for r in &incoming.questionnaire_responses {
        if !has_response(&out, r) {
            out.questionnaire_responses.push(r.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;

    #[test]
    fn questionnaires_and_responses_merge_by_identity_nothing_deleted() {
        let q = |v: &str| serde_json::json!({"resourceType": "Questionnaire", "url": "u", "version": v});
        let r = |at: &str, score: i64| {
            serde_json::json!({"resourceType": "QuestionnaireResponse",
            "questionnaire": "u|1", "authored": at, "item": [{"linkId": "a", "answer": [{"valueInteger": score}]}]})
        };
        let mut mine = Diary::default();
        mine.questionnaires.push(q("1"));
        mine.questionnaire_responses
            .push(r("2026-11-01T10:00:00-05:00", 1));
        let mut theirs = Diary::default();
        theirs.questionnaires.extend([q("1"), q("2")]);
        theirs.questionnaire_responses.extend([
            r("2026-11-01T18:00:00-05:00", 9), // same questionnaire, same local date: mine kept
            r("2026-11-20T10:00:00-05:00", 2),
        ]);
        let p = plan(&mine, &theirs);
        assert_eq!(p.new_responses, 1);
        assert!(p.changes_anything(false));
        let merged = merge(&mine, &theirs, false);
        assert_eq!(merged.questionnaires.len(), 2);
        assert_eq!(merged.questionnaire_responses.len(), 2);
        assert_eq!(
            merged.questionnaire_responses[0]["item"][0]["answer"][0]["valueInteger"],
            1
        );
    }

    fn d(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, n).unwrap()
    }

    fn with(days: &[(u32, u8)]) -> Diary {
        let mut diary = Diary::default();
        for &(n, b) in days {
            diary.put_checkin(d(n), Entry::back_pain(b));
        }
        diary
    }

    #[test]
    fn plans_added_identical_and_different() {
        let mine = with(&[(1, 2), (2, 3)]);
        let file = with(&[(2, 3), (1, 7), (5, 1)]);
        let p = plan(&mine, &file);
        assert_eq!(p.added, vec![d(5)]);
        assert_eq!(p.identical, vec![d(2)]);
        assert_eq!(p.different, vec![d(1)]);
    }

    #[test]
    fn keeps_the_diarys_own_unless_chosen_and_deletes_nothing() {
        let mine = with(&[(1, 2), (3, 4)]);
        let file = with(&[(1, 7), (5, 1)]);
        let kept = merge(&mine, &file, false);
        assert_eq!(kept.checkins.len(), 3);
        assert_eq!(kept.checkins[&d(1)].pain.unwrap().back.unwrap().get(), 2);
        let replaced = merge(&mine, &file, true);
        assert_eq!(
            replaced.checkins[&d(1)].pain.unwrap().back.unwrap().get(),
            7
        );
        assert!(replaced.checkins.contains_key(&d(3)), "nothing is deleted");
    }

    #[test]
    fn fills_a_missing_baseline_and_procedure_date_only() {
        let mut mine = with(&[]);
        mine.profile.procedure_date = Some(d(2));
        let mut file = with(&[]);
        file.profile.procedure_date = Some(d(9));
        file.baseline = Some(Entry::default());
        let p = plan(&mine, &file);
        assert!(p.adds_baseline && !p.adds_procedure_date);
        assert_eq!(p.other_procedure_date, Some(d(9)), "the patient is told");
        file.profile.procedure_date = Some(d(2));
        assert_eq!(plan(&mine, &file).other_procedure_date, None);
        file.profile.procedure_date = Some(d(9));
        let merged = merge(&mine, &file, true);
        assert_eq!(merged.profile.procedure_date, Some(d(2)));
        assert!(merged.baseline.is_some());
    }
}
