//! The yes/no warning questions, with where each answer lives in an entry. Their words, in
//! the rule table's plain language, are in the catalogue under `questions`. The check-in,
//! the "Warning sign now" screen and the rules read this one list.

use super::i18n::{lookup, Texts};
use super::model::{Entry, Incision, Symptoms};

pub struct YesNoQuestion {
    /// The rule of `shared/clinical/rules.md` this answer feeds.
    pub rule: &'static str,
    /// A stable id (the file format's field name), for element ids and tests.
    pub key: &'static str,
    pub get: fn(&Entry) -> Option<bool>,
    pub set: fn(&mut Entry, Option<bool>),
}

macro_rules! symptom {
    ($rule:literal, $field:ident) => {
        YesNoQuestion {
            rule: $rule,
            key: stringify!($field),
            get: |e| e.symptoms.and_then(|s| s.$field),
            set: |e, v| e.symptoms.get_or_insert_with(Symptoms::default).$field = v,
        }
    };
}

impl YesNoQuestion {
    /// The question in the patient's language.
    pub fn text(&self, t: &Texts) -> &'static str {
        lookup(&t.questions, self.key)
    }

    /// A tier-A sign as a statement ("New numbness between the inner thighs…"), for lists
    /// that say "if you have any of these, call now": "Warning sign now", and what a
    /// check-in left unanswered.
    pub fn statement(&self, t: &Texts) -> &'static str {
        lookup(&t.warning_statements, self.key)
    }
}

/// Tier A: any "yes" means call the emergency number now. Asked every day.
pub const EMERGENCY: [YesNoQuestion; 8] = [
    symptom!("A1", saddle_numbness),
    symptom!("A2", bladder_trouble),
    symptom!("A3", incontinence),
    symptom!("A4", rapid_weakness),
    symptom!("A4", both_legs),
    symptom!("A6", allergic_reaction),
    symptom!("A7", chest_pain_or_breathless),
    YesNoQuestion {
        rule: "A8",
        key: "bleeding_uncontrolled",
        get: |e| e.incision.and_then(|i| i.bleeding_uncontrolled),
        set: |e, v| {
            e.incision
                .get_or_insert_with(Incision::default)
                .bleeding_uncontrolled = v
        },
    },
];

/// The tier-A questions `entry` leaves unanswered (rules.md v1.2: a date whose tier-A
/// questions were not all answered is never told that nothing matches).
pub fn unanswered(entry: &Entry) -> Vec<&'static YesNoQuestion> {
    EMERGENCY
        .iter()
        .filter(|q| (q.get)(entry).is_none())
        .collect()
}

/// Every tier-A question answered "no": "I have none of these".
pub fn answer_none(entry: &mut Entry) {
    for q in &EMERGENCY {
        (q.set)(entry, Some(false));
    }
}

/// Other yes/no symptoms the rules need (tier A only in combination, or tier B).
pub const OTHER_SYMPTOMS: [YesNoQuestion; 3] = [
    symptom!("A5", sudden_severe_back_pain),
    symptom!("B7", positional_headache),
    symptom!("B10", calf_pain_swelling),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_question_reads_back_what_it_wrote() {
        for q in EMERGENCY.iter().chain(OTHER_SYMPTOMS.iter()) {
            let mut e = Entry::default();
            assert_eq!((q.get)(&e), None, "{}", q.key);
            (q.set)(&mut e, Some(true));
            assert_eq!((q.get)(&e), Some(true), "{}", q.key);
            (q.set)(&mut e, Some(false));
            assert_eq!((q.get)(&e), Some(false), "{}", q.key);
        }
    }

    #[test]
    fn unanswered_lists_the_tier_a_questions_left_open() {
        let mut e = Entry::default();
        assert_eq!(unanswered(&e).len(), EMERGENCY.len());
        (EMERGENCY[0].set)(&mut e, Some(true));
        (EMERGENCY[7].set)(&mut e, Some(false));
        let left: Vec<_> = unanswered(&e).iter().map(|q| q.key).collect();
        assert_eq!(left.len(), 6);
        assert!(!left.contains(&"saddle_numbness") && !left.contains(&"bleeding_uncontrolled"));
        // The other symptoms are not tier-A questions: answering them changes nothing here.
        (OTHER_SYMPTOMS[0].set)(&mut e, Some(false));
        assert_eq!(unanswered(&e).len(), 6);
        answer_none(&mut e);
        assert!(unanswered(&e).is_empty());
        assert!(EMERGENCY.iter().all(|q| (q.get)(&e) == Some(false)));
    }

    #[test]
    fn keys_are_distinct_and_every_tier_a_question_rule_is_listed() {
        let mut keys: Vec<_> = EMERGENCY
            .iter()
            .chain(OTHER_SYMPTOMS.iter())
            .map(|q| q.key)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 11);
        for rule in ["A1", "A2", "A3", "A4", "A6", "A7", "A8"] {
            assert!(EMERGENCY.iter().any(|q| q.rule == rule), "{rule}");
        }
    }
}
