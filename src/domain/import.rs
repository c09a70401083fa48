//! Importing a diary file into the diary on this phone: merge by date, nothing deleted.
//! The patient sees the plan (added, identical, different) before confirming.

use chrono::NaiveDate;

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
}

impl ImportPlan {
    pub fn changes_anything(&self, replace_different: bool) -> bool {
        !self.added.is_empty()
            || (replace_different && !self.different.is_empty())
            || self.adds_baseline
            || self.adds_procedure_date
            || self.new_acknowledgements > 0
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
    plan
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;

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
