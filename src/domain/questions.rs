//! The yes/no warning questions, in the rule table's plain words, with where each answer
//! lives in an entry. The check-in, the "Warning sign now" screen and the rules read this
//! one list.

use super::model::{Entry, Incision, Symptoms};

pub struct YesNoQuestion {
    /// The rule of `shared/clinical/rules.md` this answer feeds.
    pub rule: &'static str,
    /// A stable id (the file format's field name), for element ids and tests.
    pub key: &'static str,
    pub text: &'static str,
    pub get: fn(&Entry) -> Option<bool>,
    pub set: fn(&mut Entry, Option<bool>),
}

macro_rules! symptom {
    ($rule:literal, $field:ident, $text:literal) => {
        YesNoQuestion {
            rule: $rule,
            key: stringify!($field),
            text: $text,
            get: |e| e.symptoms.and_then(|s| s.$field),
            set: |e, v| e.symptoms.get_or_insert_with(Symptoms::default).$field = v,
        }
    };
}

/// Tier A: any "yes" means call the emergency number now. Asked every day.
pub const EMERGENCY: [YesNoQuestion; 8] = [
    symptom!("A1", saddle_numbness, "New numbness or tingling between the inner thighs, around the genitals or back passage, or does wiping feel different?"),
    symptom!("A2", bladder_trouble, "New or worse trouble starting to pee, can't pee, or can't tell when your bladder is full?"),
    symptom!("A3", incontinence, "New leaking of urine or stool that you can't control?"),
    symptom!("A4", rapid_weakness, "A leg getting weaker over hours or days?"),
    symptom!("A4", both_legs, "Both legs weak or numb?"),
    symptom!("A6", allergic_reaction, "Trouble breathing or swallowing, swollen face, lips or throat, or feeling faint?"),
    symptom!("A7", chest_pain_or_breathless, "Chest pain, or short of breath at rest?"),
    YesNoQuestion {
        rule: "A8",
        key: "bleeding_uncontrolled",
        text: "Bleeding from the incision that does not stop after 15 minutes of firm pressure?",
        get: |e| e.incision.and_then(|i| i.bleeding_uncontrolled),
        set: |e, v| e.incision.get_or_insert_with(Incision::default).bleeding_uncontrolled = v,
    },
];

/// Other yes/no symptoms the rules need (tier A only in combination, or tier B).
pub const OTHER_SYMPTOMS: [YesNoQuestion; 3] = [
    symptom!("A5", sudden_severe_back_pain, "Sudden, severe back pain?"),
    symptom!(
        "B7",
        positional_headache,
        "A headache that is worse sitting or standing and better lying flat?"
    ),
    symptom!("B10", calf_pain_swelling, "One calf painful or swollen?"),
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
