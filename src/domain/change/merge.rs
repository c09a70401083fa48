//! Two versions of one day's check-in, merged answer by answer against the version both
//! started from: an answer one side changed is that side's; an answer both changed is the
//! later save's (`mine`). Two windows saving the same day so never lose an answer silently
//! (the app says the day was merged).
//!
//! An answer is a leaf of the check-in: each pain rating, each function check, each incision
//! question, each warning-sign question; a temperature (value and unit together), a distance,
//! a list (the nerve map, medicines, timed tests) and a text are each one answer.

use crate::domain::model::{Entry, FunctionChecks, Incision, Pain, Symptoms, Walking};

/// `mine` merged onto `theirs` against `base`; `clash` is set when both changed one answer
/// to different values (then `mine` is kept).
pub fn merge_day(base: &Entry, theirs: &Entry, mine: &Entry, clash: &mut bool) -> Entry {
    // Every field named: a new field of `Entry` does not compile until it is merged here.
    let Entry {
        date,
        recorded_on,
        recorded_at,
        pain,
        walking,
        standing_minutes,
        neuro,
        function,
        incision,
        temperature,
        chills,
        symptoms,
        medications,
        ask_at_visit,
        notes,
        timed_tests,
    } = mine;
    let mut m = Merger { clash };
    macro_rules! answer {
        ($field:ident) => {
            m.answer(&base.$field, &theirs.$field, $field)
        };
    }
    macro_rules! group {
        ($field:ident, $merge:ident) => {
            m.group(&base.$field, &theirs.$field, $field, $merge)
        };
    }
    Entry {
        date: answer!(date),
        recorded_on: answer!(recorded_on),
        recorded_at: answer!(recorded_at),
        pain: group!(pain, merge_pain),
        walking: group!(walking, merge_walking),
        standing_minutes: answer!(standing_minutes),
        neuro: answer!(neuro),
        function: group!(function, merge_function),
        incision: group!(incision, merge_incision),
        temperature: answer!(temperature),
        chills: answer!(chills),
        symptoms: group!(symptoms, merge_symptoms),
        medications: answer!(medications),
        ask_at_visit: answer!(ask_at_visit),
        notes: answer!(notes),
        timed_tests: answer!(timed_tests),
    }
}

struct Merger<'a> {
    clash: &'a mut bool,
}

impl Merger<'_> {
    /// One answer: mine when I changed it, else theirs.
    fn answer<T: Clone + PartialEq>(&mut self, base: &T, theirs: &T, mine: &T) -> T {
        if mine == base {
            theirs.clone()
        } else {
            if theirs != base && theirs != mine {
                *self.clash = true;
            }
            mine.clone()
        }
    }

    /// A group of answers (pain, walking, …), merged answer by answer; "not answered at all"
    /// is the group with no answer.
    fn group<T: Clone + Default + PartialEq>(
        &mut self,
        base: &Option<T>,
        theirs: &Option<T>,
        mine: &Option<T>,
        merge: fn(&mut Self, &T, &T, &T) -> T,
    ) -> Option<T> {
        if mine == base {
            return theirs.clone();
        }
        if theirs == base {
            return mine.clone();
        }
        let or_empty = |g: &Option<T>| g.clone().unwrap_or_default();
        let merged = merge(self, &or_empty(base), &or_empty(theirs), &or_empty(mine));
        (merged != T::default() || mine.is_some() || theirs.is_some()).then_some(merged)
    }
}

fn merge_pain(m: &mut Merger, b: &Pain, t: &Pain, mine: &Pain) -> Pain {
    let Pain {
        back,
        leg,
        incision,
        medicine_helped,
    } = mine;
    Pain {
        back: m.answer(&b.back, &t.back, back),
        leg: m.answer(&b.leg, &t.leg, leg),
        incision: m.answer(&b.incision, &t.incision, incision),
        medicine_helped: m.answer(&b.medicine_helped, &t.medicine_helped, medicine_helped),
    }
}

fn merge_walking(m: &mut Merger, b: &Walking, t: &Walking, mine: &Walking) -> Walking {
    let Walking { distance, minutes } = mine;
    Walking {
        distance: m.answer(&b.distance, &t.distance, distance),
        minutes: m.answer(&b.minutes, &t.minutes, minutes),
    }
}

fn merge_function(
    m: &mut Merger,
    b: &FunctionChecks,
    t: &FunctionChecks,
    mine: &FunctionChecks,
) -> FunctionChecks {
    let FunctionChecks {
        toe_stand,
        heel_stand,
        foot_drag,
        leg_gave_way,
        fall,
    } = mine;
    FunctionChecks {
        toe_stand: m.answer(&b.toe_stand, &t.toe_stand, toe_stand),
        heel_stand: m.answer(&b.heel_stand, &t.heel_stand, heel_stand),
        foot_drag: m.answer(&b.foot_drag, &t.foot_drag, foot_drag),
        leg_gave_way: m.answer(&b.leg_gave_way, &t.leg_gave_way, leg_gave_way),
        fall: m.answer(&b.fall, &t.fall, fall),
    }
}

fn merge_incision(m: &mut Merger, b: &Incision, t: &Incision, mine: &Incision) -> Incision {
    let Incision {
        bandage,
        bleeding_uncontrolled,
        drainage,
        foul_smell,
        redness,
        warm_or_swollen,
        edges_open,
        bruise_itch_lump,
    } = mine;
    Incision {
        bandage: m.answer(&b.bandage, &t.bandage, bandage),
        bleeding_uncontrolled: m.answer(
            &b.bleeding_uncontrolled,
            &t.bleeding_uncontrolled,
            bleeding_uncontrolled,
        ),
        drainage: m.answer(&b.drainage, &t.drainage, drainage),
        foul_smell: m.answer(&b.foul_smell, &t.foul_smell, foul_smell),
        redness: m.answer(&b.redness, &t.redness, redness),
        warm_or_swollen: m.answer(&b.warm_or_swollen, &t.warm_or_swollen, warm_or_swollen),
        edges_open: m.answer(&b.edges_open, &t.edges_open, edges_open),
        bruise_itch_lump: m.answer(&b.bruise_itch_lump, &t.bruise_itch_lump, bruise_itch_lump),
    }
}

fn merge_symptoms(m: &mut Merger, b: &Symptoms, t: &Symptoms, mine: &Symptoms) -> Symptoms {
    let Symptoms {
        saddle_numbness,
        bladder_trouble,
        incontinence,
        rapid_weakness,
        both_legs,
        sudden_severe_back_pain,
        allergic_reaction,
        chest_pain_or_breathless,
        positional_headache,
        calf_pain_swelling,
    } = mine;
    Symptoms {
        saddle_numbness: m.answer(&b.saddle_numbness, &t.saddle_numbness, saddle_numbness),
        bladder_trouble: m.answer(&b.bladder_trouble, &t.bladder_trouble, bladder_trouble),
        incontinence: m.answer(&b.incontinence, &t.incontinence, incontinence),
        rapid_weakness: m.answer(&b.rapid_weakness, &t.rapid_weakness, rapid_weakness),
        both_legs: m.answer(&b.both_legs, &t.both_legs, both_legs),
        sudden_severe_back_pain: m.answer(
            &b.sudden_severe_back_pain,
            &t.sudden_severe_back_pain,
            sudden_severe_back_pain,
        ),
        allergic_reaction: m.answer(
            &b.allergic_reaction,
            &t.allergic_reaction,
            allergic_reaction,
        ),
        chest_pain_or_breathless: m.answer(
            &b.chest_pain_or_breathless,
            &t.chest_pain_or_breathless,
            chest_pain_or_breathless,
        ),
        positional_headache: m.answer(
            &b.positional_headache,
            &t.positional_headache,
            positional_headache,
        ),
        calf_pain_swelling: m.answer(
            &b.calf_pain_swelling,
            &t.calf_pain_swelling,
            calf_pain_swelling,
        ),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use proptest::prelude::*;
    use serde_json::{Map, Value};

    use super::*;
    use crate::domain::generate::entry;

    /// The answers of a check-in by path (`pain.back`), as merged: objects are groups of
    /// answers, except a temperature and a distance, which are one answer each.
    fn answers(e: &Entry) -> BTreeMap<String, Value> {
        fn walk(at: &str, v: &Value, out: &mut BTreeMap<String, Value>) {
            match v {
                Value::Object(m) if !(at.ends_with("temperature") || at.ends_with("distance")) => {
                    for (k, x) in m {
                        let path = if at.is_empty() {
                            k.clone()
                        } else {
                            format!("{at}.{k}")
                        };
                        walk(&path, x, out);
                    }
                }
                Value::Null => {}
                other => {
                    out.insert(at.to_string(), other.clone());
                }
            }
        }
        let mut out = BTreeMap::new();
        walk("", &serde_json::to_value(e).unwrap(), &mut out);
        out
    }

    /// `base` with the answers of `other` picked by `mask`, one bit per answer.
    fn mix(base: &Entry, other: &Entry, mask: &[bool]) -> Entry {
        let (b, o) = (answers(base), answers(other));
        let paths: BTreeSet<&String> = b.keys().chain(o.keys()).collect();
        let mut json = Map::new();
        for (i, path) in paths.into_iter().enumerate() {
            let pick = if mask.get(i).copied().unwrap_or(false) {
                &o
            } else {
                &b
            };
            if let Some(v) = pick.get(path) {
                let mut at = &mut json;
                let mut parts: Vec<&str> = path.split('.').collect();
                let last = parts.pop().unwrap();
                for p in parts {
                    at = at
                        .entry(p.to_string())
                        .or_insert_with(|| Value::Object(Map::new()))
                        .as_object_mut()
                        .unwrap();
                }
                at.insert(last.to_string(), v.clone());
            }
        }
        serde_json::from_value(Value::Object(json)).unwrap()
    }

    proptest! {
        #[test]
        fn merging_never_drops_an_answer_one_side_changed(
            base in entry(),
            x in entry(),
            y in entry(),
            their_mask in proptest::collection::vec(any::<bool>(), 64),
            my_mask in proptest::collection::vec(any::<bool>(), 64),
        ) {
            let theirs = mix(&base, &x, &their_mask);
            let mine = mix(&base, &y, &my_mask);
            let mut clash = false;
            let merged = merge_day(&base, &theirs, &mine, &mut clash);
            let (b, t, m, r) = (answers(&base), answers(&theirs), answers(&mine), answers(&merged));
            let paths: BTreeSet<&String> = b.keys().chain(t.keys()).chain(m.keys()).collect();
            let mut clashed = false;
            for path in paths {
                let (bv, tv, mv) = (b.get(path), t.get(path), m.get(path));
                let expected = if mv != bv { mv } else { tv };
                prop_assert_eq!(r.get(path), expected, "{}", path);
                clashed |= mv != bv && tv != bv && tv != mv;
            }
            prop_assert_eq!(clash, clashed);
            // A merge with nothing changed on one side is the other side.
            prop_assert_eq!(answers(&merge_day(&base, &base, &mine, &mut false)), m);
            prop_assert_eq!(answers(&merge_day(&base, &theirs, &base, &mut false)), t);
        }
    }
}
