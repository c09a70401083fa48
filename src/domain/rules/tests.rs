//! Every rule id of rules.md: at least one case that fires and one near miss that does not
//! (the `CASES` table, checked by `every_rule_has_a_firing_case_and_a_near_miss`), plus
//! episodes, missing answers, no procedure date, units, messages and properties.

use chrono::{Days, NaiveDate};

use super::*;
use crate::domain::i18n::{Lang, Locale};
use crate::domain::model::*;

const D0: (i32, u32, u32) = (2026, 11, 2);

fn d(n: i64) -> NaiveDate {
    let p = NaiveDate::from_ymd_opt(D0.0, D0.1, D0.2).unwrap();
    if n >= 0 {
        p.checked_add_days(Days::new(n as u64)).unwrap()
    } else {
        p.checked_sub_days(Days::new((-n) as u64)).unwrap()
    }
}

fn rating(v: u8) -> Option<Rating> {
    Some(Rating::new(v).unwrap())
}

fn finding(region: Region, side: Side, kind: NeuroKind, sev: u8) -> NeuroFinding {
    NeuroFinding {
        region,
        side,
        kind,
        severity: Severity::new(sev).unwrap(),
    }
}

const CALF_NUMB: (Region, Side, NeuroKind) = (Region::Calf, Side::Left, NeuroKind::Numbness);

/// Procedure on D0; baseline: back 4, leg 6, walks 250 ft / 10 min, stands 8 min,
/// left calf numbness 4.
fn base() -> Diary {
    let mut diary = Diary::new(Profile {
        procedure_date: Some(d(0)),
        ..Profile::default()
    });
    diary.baseline = Some(Entry {
        pain: Some(Pain {
            back: rating(4),
            leg: rating(6),
            ..Pain::default()
        }),
        walking: Some(Walking {
            distance: Some(Distance {
                value: Amount::new(250.0).unwrap(),
                unit: DistanceUnit::Feet,
            }),
            minutes: Some(Amount::new(10.0).unwrap()),
        }),
        standing_minutes: Some(Amount::new(8.0).unwrap()),
        neuro: Some(vec![finding(CALF_NUMB.0, CALF_NUMB.1, CALF_NUMB.2, 4)]),
        ..Entry::default()
    });
    diary
}

fn on(mut diary: Diary, day: i64, edit: impl FnOnce(&mut Entry)) -> Diary {
    let mut e = diary.checkins.get(&d(day)).cloned().unwrap_or_default();
    edit(&mut e);
    diary.put_checkin(d(day), e);
    diary
}

fn with_neuro(e: &mut Entry, f: NeuroFinding) {
    e.neuro.get_or_insert_with(Vec::new).push(f);
}

fn pain(e: &mut Entry, back: Option<u8>, leg: Option<u8>) {
    let p = e.pain.get_or_insert_with(Pain::default);
    p.back = back.and_then(rating);
    p.leg = leg.and_then(rating);
}

fn temp(e: &mut Entry, v: f64, unit: TemperatureUnit) {
    e.temperature = Some(Temperature {
        value: Finite::new(v).unwrap(),
        unit,
    });
}

fn symptoms(e: &mut Entry) -> &mut Symptoms {
    e.symptoms.get_or_insert_with(Symptoms::default)
}

fn incision(e: &mut Entry) -> &mut Incision {
    e.incision.get_or_insert_with(Incision::default)
}

fn function(e: &mut Entry) -> &mut FunctionChecks {
    e.function.get_or_insert_with(FunctionChecks::default)
}

fn fired_with(diary: &Diary, settings: &ClinicSettings, id: &str, day: i64) -> bool {
    evaluate(diary, settings)
        .iter()
        .any(|f| f.rule == id && f.date == d(day))
}

fn fired(diary: &Diary, id: &str, day: i64) -> bool {
    fired_with(diary, &ClinicSettings::default(), id, day)
}

fn back_on(diary: Diary, days: &[(i64, u8)]) -> Diary {
    days.iter()
        .fold(diary, |acc, &(n, v)| on(acc, n, |e| pain(e, Some(v), None)))
}

fn leg_on(diary: Diary, days: &[(i64, u8)]) -> Diary {
    days.iter()
        .fold(diary, |acc, &(n, v)| on(acc, n, |e| pain(e, None, Some(v))))
}

fn walk_on(diary: Diary, days: std::ops::RangeInclusive<i64>, feet: f64) -> Diary {
    days.fold(diary, |acc, n| {
        on(acc, n, |e| {
            e.walking = Some(Walking {
                distance: Some(Distance {
                    value: Amount::new(feet).unwrap(),
                    unit: DistanceUnit::Feet,
                }),
                minutes: None,
            })
        })
    })
}

/// R7(back) of 2 on days 1–6, then the given back pain on days 7 and 8.
fn jump(d7: u8, d8: u8) -> Diary {
    back_on(
        base(),
        &[
            (1, 2),
            (2, 2),
            (3, 2),
            (4, 2),
            (5, 2),
            (6, 2),
            (7, d7),
            (8, d8),
        ],
    )
}

struct Case {
    rule: &'static str,
    name: &'static str,
    diary: fn() -> Diary,
    day: i64,
    fires: bool,
}

macro_rules! case {
    ($rule:literal, $fires:literal, $day:expr, $name:literal, $diary:expr) => {
        Case {
            rule: $rule,
            name: $name,
            diary: $diary,
            day: $day,
            fires: $fires,
        }
    };
}

const CASES: &[Case] = &[
    case!("A1", true, 3, "saddle question yes", || on(
        base(),
        3,
        |e| symptoms(e).saddle_numbness = Some(true)
    )),
    case!("A1", true, 3, "any saddle finding", || on(base(), 3, |e| {
        with_neuro(
            e,
            finding(Region::Saddle, Side::Midline, NeuroKind::Tingling, 1),
        )
    })),
    case!("A1", false, 3, "saddle question no", || on(
        base(),
        3,
        |e| symptoms(e).saddle_numbness = Some(false)
    )),
    case!("A1", false, 3, "new calf numbness is not saddle", || on(
        base(),
        3,
        |e| with_neuro(
            e,
            finding(Region::Calf, Side::Right, NeuroKind::Numbness, 6)
        )
    )),
    case!("A2", true, 3, "bladder yes", || on(base(), 3, |e| {
        symptoms(e).bladder_trouble = Some(true)
    })),
    case!("A2", false, 3, "bladder no", || on(base(), 3, |e| {
        symptoms(e).bladder_trouble = Some(false)
    })),
    case!("A3", true, 3, "incontinence yes", || on(base(), 3, |e| {
        symptoms(e).incontinence = Some(true)
    })),
    case!("A3", false, 3, "incontinence not answered", || on(
        base(),
        3,
        |e| pain(e, Some(3), None)
    )),
    case!("A4", true, 3, "rapid weakness yes", || on(base(), 3, |e| {
        symptoms(e).rapid_weakness = Some(true)
    })),
    case!("A4", true, 3, "both legs yes", || on(base(), 3, |e| {
        symptoms(e).both_legs = Some(true)
    })),
    case!("A4", true, 3, "new weakness both sides", || on(
        base(),
        3,
        |e| {
            with_neuro(e, finding(Region::Shin, Side::Left, NeuroKind::Weakness, 3));
            with_neuro(
                e,
                finding(Region::Shin, Side::Right, NeuroKind::Weakness, 3),
            );
        }
    )),
    case!("A4", false, 3, "new weakness one side only", || on(
        base(),
        3,
        |e| with_neuro(e, finding(Region::Shin, Side::Left, NeuroKind::Weakness, 3))
    )),
    case!(
        "A5",
        true,
        3,
        "sudden severe back pain and a new finding",
        || on(base(), 3, |e| {
            symptoms(e).sudden_severe_back_pain = Some(true);
            with_neuro(e, finding(Region::Toes, Side::Left, NeuroKind::Numbness, 3));
        })
    ),
    case!("A5", true, 8, "back pain R7+3 and a new finding", || on(
        back_on(base(), &[(1, 2), (2, 2), (3, 2), (4, 2), (8, 5)]),
        8,
        |e| with_neuro(e, finding(Region::Toes, Side::Left, NeuroKind::Numbness, 3))
    )),
    case!("A5", false, 8, "back pain R7+2 and a new finding", || on(
        back_on(base(), &[(1, 2), (2, 2), (3, 2), (4, 2), (8, 4)]),
        8,
        |e| with_neuro(e, finding(Region::Toes, Side::Left, NeuroKind::Numbness, 3))
    )),
    case!(
        "A5",
        false,
        3,
        "sudden severe back pain, no new finding",
        || on(base(), 3, |e| symptoms(e).sudden_severe_back_pain =
            Some(true))
    ),
    case!("A6", true, 3, "allergic yes", || on(base(), 3, |e| {
        symptoms(e).allergic_reaction = Some(true)
    })),
    case!("A6", false, 3, "allergic no", || on(base(), 3, |e| {
        symptoms(e).allergic_reaction = Some(false)
    })),
    case!("A7", true, 3, "chest pain yes", || on(base(), 3, |e| {
        symptoms(e).chest_pain_or_breathless = Some(true)
    })),
    case!("A7", false, 3, "chest pain no", || on(base(), 3, |e| {
        symptoms(e).chest_pain_or_breathless = Some(false)
    })),
    case!("A8", true, 3, "bleeding uncontrolled yes", || on(
        base(),
        3,
        |e| incision(e).bleeding_uncontrolled = Some(true)
    )),
    case!("A8", false, 3, "bleeding uncontrolled no", || on(
        base(),
        3,
        |e| incision(e).bleeding_uncontrolled = Some(false)
    )),
    case!("A9", true, 3, "100.4 °F and a new finding", || on(
        base(),
        3,
        |e| {
            temp(e, 100.4, TemperatureUnit::Fahrenheit);
            with_neuro(
                e,
                finding(Region::Sole, Side::Right, NeuroKind::Tingling, 2),
            );
        }
    )),
    case!("A9", false, 3, "100.3 °F and a new finding", || on(
        base(),
        3,
        |e| {
            temp(e, 100.3, TemperatureUnit::Fahrenheit);
            with_neuro(
                e,
                finding(Region::Sole, Side::Right, NeuroKind::Tingling, 2),
            );
        }
    )),
    case!("A9", false, 3, "100.4 °F, no new finding", || on(
        base(),
        3,
        |e| temp(e, 100.4, TemperatureUnit::Fahrenheit)
    )),
    case!("B1", true, 3, "100.4 °F", || on(base(), 3, |e| temp(
        e,
        100.4,
        TemperatureUnit::Fahrenheit
    ))),
    case!("B1", false, 3, "100.3 °F", || on(base(), 3, |e| temp(
        e,
        100.3,
        TemperatureUnit::Fahrenheit
    ))),
    case!("B1", true, 3, "38.0 °C", || on(base(), 3, |e| temp(
        e,
        38.0,
        TemperatureUnit::Celsius
    ))),
    case!("B1", false, 3, "37.9 °C", || on(base(), 3, |e| temp(
        e,
        37.9,
        TemperatureUnit::Celsius
    ))),
    case!("B1", true, 3, "chills yes", || on(base(), 3, |e| e
        .chills =
        Some(true))),
    case!("B2", true, 3, "redness beyond a finger", || on(
        base(),
        3,
        |e| incision(e).redness = Some(Redness::BeyondFinger)
    )),
    case!("B2", true, 3, "red streaks", || on(base(), 3, |e| {
        incision(e).redness = Some(Redness::Streaks)
    })),
    case!("B2", false, 3, "thin line", || on(base(), 3, |e| {
        incision(e).redness = Some(Redness::ThinLine)
    })),
    case!("B3", true, 3, "warm or swollen yes", || on(
        base(),
        3,
        |e| incision(e).warm_or_swollen = Some(true)
    )),
    case!("B3", false, 3, "warm or swollen no", || on(
        base(),
        3,
        |e| incision(e).warm_or_swollen = Some(false)
    )),
    case!("B4", true, 2, "clear watery fluid on day 2", || on(
        base(),
        2,
        |e| incision(e).drainage = Some(Drainage::ClearWatery)
    )),
    case!("B4", false, 1, "clear watery fluid on day 1", || on(
        base(),
        1,
        |e| incision(e).drainage = Some(Drainage::ClearWatery)
    )),
    case!("B4", true, 1, "cloudy fluid on day 1", || on(
        base(),
        1,
        |e| incision(e).drainage = Some(Drainage::Cloudy)
    )),
    case!("B4", true, 1, "a bad smell", || on(base(), 1, |e| {
        incision(e).foul_smell = Some(true)
    })),
    case!("B5", true, 3, "bandage soaked", || on(base(), 3, |e| {
        incision(e).bandage = Some(Bandage::Soaked)
    })),
    case!("B5", false, 3, "bandage spotted", || on(base(), 3, |e| {
        incision(e).bandage = Some(Bandage::Spotted)
    })),
    case!("B6", true, 3, "edges apart", || on(base(), 3, |e| {
        incision(e).edges_open = Some(true)
    })),
    case!("B6", false, 3, "edges closed", || on(base(), 3, |e| {
        incision(e).edges_open = Some(false)
    })),
    case!("B7", true, 14, "positional headache on day 14", || on(
        base(),
        14,
        |e| symptoms(e).positional_headache = Some(true)
    )),
    case!("B7", false, 15, "positional headache on day 15", || on(
        base(),
        15,
        |e| symptoms(e).positional_headache = Some(true)
    )),
    case!("B8", true, 3, "a new finding", || on(base(), 3, |e| {
        with_neuro(e, finding(Region::Toes, Side::Right, NeuroKind::Burning, 2))
    })),
    case!(
        "B8",
        true,
        3,
        "baseline finding +2 over its reference",
        || on(base(), 3, |e| with_neuro(
            e,
            finding(CALF_NUMB.0, CALF_NUMB.1, CALF_NUMB.2, 6)
        ))
    ),
    case!(
        "B8",
        false,
        3,
        "baseline finding +1 over its reference",
        || on(base(), 3, |e| with_neuro(
            e,
            finding(CALF_NUMB.0, CALF_NUMB.1, CALF_NUMB.2, 5)
        ))
    ),
    case!("B8", true, 3, "cannot stand on toes", || on(
        base(),
        3,
        |e| function(e).toe_stand = Some(StandResult::Cannot)
    )),
    case!("B8", false, 3, "toe stand hard", || on(base(), 3, |e| {
        function(e).toe_stand = Some(StandResult::Hard)
    })),
    case!("B8", true, -5, "a fall on a baseline check-in", || on(
        base(),
        -5,
        |e| function(e).fall = Some(true)
    )),
    case!(
        "B8",
        false,
        -5,
        "a new finding on a baseline check-in",
        || on(base(), -5, |e| with_neuro(
            e,
            finding(Region::Toes, Side::Right, NeuroKind::Burning, 2)
        ))
    ),
    case!(
        "B9",
        true,
        5,
        "(a) B0+2 and 1.3×B0 on 3 consecutive dates",
        || back_on(base(), &[(3, 6), (4, 6), (5, 6)])
    ),
    case!("B9", false, 4, "(a) only 2 consecutive dates", || back_on(
        base(),
        &[(3, 6), (4, 6)]
    )),
    case!("B9", false, 5, "(a) B0+1", || back_on(
        base(),
        &[(3, 5), (4, 5), (5, 5)]
    )),
    case!(
        "B9",
        false,
        4,
        "(a) dates before day 3 do not count",
        || back_on(base(), &[(2, 6), (3, 6), (4, 6)])
    ),
    case!("B9", true, 8, "(b) R7+3 on 2 consecutive dates", || jump(
        5, 5
    )),
    case!("B9", false, 8, "(b) R7+3 then R7+2", || jump(5, 4)),
    case!(
        "B9",
        true,
        3,
        "(c) pain 9 and the medicine did not help",
        || on(base(), 3, |e| {
            pain(e, Some(9), None);
            e.pain.as_mut().unwrap().medicine_helped = Some(false);
        })
    ),
    case!(
        "B9",
        false,
        3,
        "(c) pain 8 and the medicine did not help",
        || on(base(), 3, |e| {
            pain(e, None, Some(8));
            e.pain.as_mut().unwrap().medicine_helped = Some(false);
        })
    ),
    case!(
        "B9",
        true,
        3,
        "(d) sudden severe back pain, no new finding",
        || on(base(), 3, |e| symptoms(e).sudden_severe_back_pain =
            Some(true))
    ),
    case!("B10", true, 3, "calf yes", || on(base(), 3, |e| {
        symptoms(e).calf_pain_swelling = Some(true)
    })),
    case!("B10", false, 3, "calf no", || on(base(), 3, |e| {
        symptoms(e).calf_pain_swelling = Some(false)
    })),
    case!(
        "C1",
        true,
        20,
        "walking below baseline on the 7th check-in from day 14",
        || walk_on(base(), 14..=20, 200.0)
    ),
    case!("C1", false, 19, "only 6 in a row", || walk_on(
        base(),
        14..=19,
        200.0
    )),
    case!("C1", false, 20, "at baseline breaks the run", || on(
        walk_on(base(), 14..=20, 200.0),
        17,
        |e| e.walking = Some(Walking {
            distance: Some(Distance {
                value: Amount::new(250.0).unwrap(),
                unit: DistanceUnit::Feet
            }),
            minutes: None
        })
    )),
    case!(
        "C1",
        true,
        21,
        "a date without walking is skipped, not a break",
        || walk_on(
            on(walk_on(base(), 14..=19, 200.0), 20, |e| pain(
                e,
                Some(2),
                None
            )),
            21..=21,
            200.0
        )
    ),
    case!(
        "C1",
        false,
        21,
        "a later check-in without walking is not part of the run",
        || on(walk_on(base(), 14..=20, 200.0), 21, |e| pain(
            e,
            Some(2),
            None
        ))
    ),
    case!("C2", true, 42, "leg pain 5 at day 42 against 6", || leg_on(
        base(),
        &[(36, 5), (38, 5), (42, 5)]
    )),
    case!("C2", false, 41, "day 41 is too early", || leg_on(
        base(),
        &[(36, 5), (38, 5), (41, 5)]
    )),
    case!("C2", false, 42, "improved by 3 points (50%)", || leg_on(
        base(),
        &[(40, 3), (42, 3)]
    )),
    case!("C3", true, 3, "bruise, itch or lump", || on(
        base(),
        3,
        |e| incision(e).bruise_itch_lump = Some(true)
    )),
    case!("C3", false, 3, "no bruise", || on(base(), 3, |e| {
        incision(e).bruise_itch_lump = Some(false)
    })),
    case!("C4", true, 2, "blood-tinged on day 2", || on(
        base(),
        2,
        |e| incision(e).drainage = Some(Drainage::BloodTinged)
    )),
    case!("C4", false, 1, "blood-tinged on day 1", || on(
        base(),
        1,
        |e| incision(e).drainage = Some(Drainage::BloodTinged)
    )),
    case!(
        "C4",
        false,
        2,
        "blood-tinged with the bandage soaked",
        || on(base(), 2, |e| {
            incision(e).drainage = Some(Drainage::BloodTinged);
            incision(e).bandage = Some(Bandage::Soaked);
        })
    ),
    case!("C5", true, 3, "a question", || on(base(), 3, |e| e
        .ask_at_visit =
        Some("Can I drive?".into()))),
    case!("C5", false, 3, "only spaces", || on(base(), 3, |e| e
        .ask_at_visit =
        Some("   ".into()))),
    // ---- v1.1 ----
    case!("B8", true, -31, "a fall on day -31 (any check-in)", || on(
        base(),
        -31,
        |e| function(e).fall = Some(true)
    )),
    case!(
        "B8",
        false,
        -31,
        "v1.1: a new finding on day -31 is not a recovery check-in",
        || on(base(), -31, |e| with_neuro(
            e,
            finding(Region::Toes, Side::Right, NeuroKind::Burning, 2)
        ))
    ),
    case!(
        "B1",
        true,
        -31,
        "v1.1: fever on day -31 (any check-in)",
        || on(base(), -31, |e| temp(e, 38.2, TemperatureUnit::Celsius))
    ),
    case!(
        "A9",
        false,
        -31,
        "v1.1: fever and a new finding on day -31 (not recovery)",
        || on(base(), -31, |e| {
            temp(e, 38.2, TemperatureUnit::Celsius);
            with_neuro(
                e,
                finding(Region::Sole, Side::Right, NeuroKind::Tingling, 2),
            );
        })
    ),
    case!(
        "A5",
        false,
        -40,
        "v1.1: sudden back pain and a new finding on day -40 (not recovery)",
        || on(base(), -40, |e| {
            symptoms(e).sudden_severe_back_pain = Some(true);
            with_neuro(e, finding(Region::Toes, Side::Left, NeuroKind::Numbness, 3));
        })
    ),
    case!(
        "A1",
        true,
        -40,
        "v1.1: a saddle answer on day -40 still fires (every check-in)",
        || on(base(), -40, |e| symptoms(e).saddle_numbness = Some(true))
    ),
    case!(
        "B9",
        true,
        6,
        "v1.1 (a): a date without the value is skipped, not a break",
        || on(back_on(base(), &[(3, 6), (5, 6), (6, 6)]), 4, |e| pain(
            e,
            None,
            Some(5)
        ))
    ),
    case!(
        "B9",
        false,
        10,
        "v1.1 (a): the first of the 3 more than 6 dates before the last",
        || back_on(base(), &[(3, 6), (8, 6), (10, 6)])
    ),
    case!(
        "B9",
        true,
        9,
        "v1.1 (a): the first of the 3 exactly 6 dates before the last",
        || back_on(base(), &[(3, 6), (8, 6), (9, 6)])
    ),
    case!(
        "B9",
        true,
        3,
        "v1.1 (c): incision pain 9 and the medicine did not help",
        || on(base(), 3, |e| {
            e.pain = Some(Pain {
                incision: rating(9),
                medicine_helped: Some(false),
                ..Pain::default()
            })
        })
    ),
    case!(
        "B9",
        false,
        3,
        "v1.1 (c): incision pain 9 and the medicine helped",
        || on(base(), 3, |e| {
            e.pain = Some(Pain {
                incision: rating(9),
                medicine_helped: Some(true),
                ..Pain::default()
            })
        })
    ),
    case!(
        "C2",
        true,
        45,
        "v1.1: the first check-in from day 42 whose window has a leg value",
        || leg_on(back_on(base(), &[(42, 3), (43, 3)]), &[(45, 5)])
    ),
    case!(
        "C2",
        false,
        42,
        "v1.1: a day-42 window without leg pain does not fire",
        || leg_on(back_on(base(), &[(42, 3), (43, 3)]), &[(45, 5)])
    ),
    case!("C2", false, 46, "fires once only", || leg_on(
        base(),
        &[(42, 5), (46, 5)]
    )),
    case!(
        "C3",
        false,
        3,
        "v1.1: a bruise with red streaks is B2, not minor",
        || on(base(), 3, |e| {
            incision(e).bruise_itch_lump = Some(true);
            incision(e).redness = Some(Redness::Streaks);
        })
    ),
    case!(
        "C3",
        false,
        3,
        "v1.1: a bruise with redness beyond a finger is B2, not minor",
        || on(base(), 3, |e| {
            incision(e).bruise_itch_lump = Some(true);
            incision(e).redness = Some(Redness::BeyondFinger);
        })
    ),
    case!("C3", true, 3, "v1.1: a bruise with a thin red line", || on(
        base(),
        3,
        |e| {
            incision(e).bruise_itch_lump = Some(true);
            incision(e).redness = Some(Redness::ThinLine);
        }
    )),
];

#[test]
fn rule_cases() {
    let mut failures = Vec::new();
    for c in CASES {
        if fired(&(c.diary)(), c.rule, c.day) != c.fires {
            failures.push(format!(
                "{} {}: expected {}",
                c.rule,
                c.name,
                if c.fires { "to fire" } else { "no flag" }
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_rule_has_a_firing_case_and_a_near_miss() {
    assert_eq!(RULES.len(), 24);
    for r in RULES.iter() {
        assert!(
            CASES.iter().any(|c| c.rule == r.id && c.fires),
            "{} has no firing case",
            r.id
        );
        assert!(
            CASES.iter().any(|c| c.rule == r.id && !c.fires),
            "{} has no near miss",
            r.id
        );
    }
    let ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
    let expected: Vec<String> = (1..=9)
        .map(|i| format!("A{i}"))
        .chain((1..=10).map(|i| format!("B{i}")))
        .chain((1..=5).map(|i| format!("C{i}")))
        .collect();
    assert_eq!(ids, expected.iter().map(String::as_str).collect::<Vec<_>>());
}

/// One diary in which every rule id fires (`tests/fixtures/every-rule.json`) and the episodes
/// it must give (`every-rule.episodes.json`). The e2e test `flags.test.mjs` seeds the same
/// file into the built app and requires its report to list exactly these episodes.
#[test]
fn one_diary_fires_every_rule_and_gives_the_expected_episodes() {
    let diary = crate::domain::format::parse(
        include_str!("../../../tests/fixtures/every-rule.json"),
        crate::domain::format::TEST_TODAY,
    )
    .expect("the fixture reads")
    .diary;
    let expected: Vec<String> = serde_json::from_str(include_str!(
        "../../../tests/fixtures/every-rule.episodes.json"
    ))
    .expect("the expected episodes read");
    let settings = ClinicSettings::default();
    let got: Vec<String> = episodes(&evaluate(&diary, &settings))
        .iter()
        .map(|e| format!("{} {} {} {}", e.rule, e.tier.name(), e.from, e.to))
        .collect();
    let mut sorted = got.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        expected,
        "{}",
        serde_json::to_string_pretty(&sorted).unwrap_or_default()
    );
    for r in RULES.iter() {
        assert!(
            got.iter().any(|g| g.split(' ').next() == Some(r.id)),
            "{} does not fire",
            r.id
        );
    }
}

#[test]
fn tiers_match_the_table() {
    for r in RULES.iter() {
        let expected = match &r.id[..1] {
            "A" => Tier::Emergency,
            "B" => Tier::Call,
            _ => Tier::Followup,
        };
        assert_eq!(r.tier, expected, "{}", r.id);
    }
    // `evaluate` relies on the table being in tier order (it does not sort).
    assert!(RULES.windows(2).all(|w| w[0].tier <= w[1].tier));
}

#[test]
fn a_slow_creep_is_caught_once_and_then_needs_two_more() {
    // Reference 4 (baseline): 5 no, 6 worse (ref 6), 7 no, 8 worse.
    let diary = [(3, 5), (4, 6), (5, 7), (6, 8), (7, 8)]
        .iter()
        .fold(base(), |acc, &(n, s)| {
            on(acc, n, |e| {
                with_neuro(e, finding(CALF_NUMB.0, CALF_NUMB.1, CALF_NUMB.2, s))
            })
        });
    let b8: Vec<i64> = [3, 4, 5, 6, 7]
        .into_iter()
        .filter(|&n| fired(&diary, "B8", n))
        .collect();
    assert_eq!(b8, vec![4, 6]);
}

#[test]
fn a_finding_is_new_only_the_first_time() {
    let toes = finding(Region::Toes, Side::Left, NeuroKind::Tingling, 3);
    let diary = on(
        on(on(base(), 3, |e| with_neuro(e, toes)), 4, |e| {
            e.neuro = Some(vec![])
        }),
        5,
        |e| with_neuro(e, toes),
    );
    assert!(fired(&diary, "B8", 3));
    assert!(!fired(&diary, "B8", 5), "seen before, not worse");
}

#[test]
fn episodes_group_consecutive_dates_and_a_missing_day_splits_them() {
    let diary = [3, 4, 6]
        .iter()
        .fold(base(), |acc, &n| on(acc, n, |e| e.chills = Some(true)));
    let eps: Vec<_> = episodes(&evaluate(&diary, &ClinicSettings::default()))
        .into_iter()
        .filter(|e| e.rule == "B1")
        .collect();
    assert_eq!(eps.len(), 2);
    assert_eq!((eps[0].from, eps[0].to), (d(3), d(4)));
    assert_eq!((eps[1].from, eps[1].to), (d(6), d(6)));
    assert_eq!(eps[0].firings.len(), 2);
}

#[test]
fn missing_answers_never_fire() {
    let diary = on(base(), 3, |_| {});
    assert!(evaluate(&diary, &ClinicSettings::default()).is_empty());
}

#[test]
fn without_a_procedure_date() {
    let mut diary = on(base(), 1, |e| {
        incision(e).drainage = Some(Drainage::ClearWatery)
    });
    diary.profile.procedure_date = None;
    assert!(fired(&diary, "B4", 1), "day conditions count as met for B4");
    let diary = on(diary, 1, |e| symptoms(e).positional_headache = Some(true));
    let mut no_date = diary.clone();
    no_date.profile.procedure_date = None;
    assert!(fired(&no_date, "B7", 1), "and for B7");
    let mut c4 = on(base(), 5, |e| {
        incision(e).drainage = Some(Drainage::BloodTinged)
    });
    c4.profile.procedure_date = None;
    assert!(!fired(&c4, "C4", 5), "but not for C4");
    let mut b9 = back_on(base(), &[(3, 7), (4, 7), (5, 7)]);
    b9.profile.procedure_date = None;
    assert!(!fired(&b9, "B9", 5), "nor for B9(a)");
}

#[test]
fn metric_and_imperial_compare_in_one_unit() {
    // Baseline 250 ft = 76.2 m; 70 m is below it, 80 m is not.
    let metres = |v: f64| Walking {
        distance: Some(Distance {
            value: Amount::new(v).unwrap(),
            unit: DistanceUnit::Metres,
        }),
        minutes: None,
    };
    let below = (14..=20).fold(base(), |acc, n| {
        on(acc, n, |e| e.walking = Some(metres(70.0)))
    });
    assert!(fired(&below, "C1", 20));
    let above = (14..=20).fold(base(), |acc, n| {
        on(acc, n, |e| e.walking = Some(metres(80.0)))
    });
    assert!(!fired(&above, "C1", 20));
    // A fever in °C with the threshold converted: 38.0 °C.
    assert!(fired(
        &on(base(), 3, |e| temp(e, 38.0, TemperatureUnit::Celsius)),
        "B1",
        3
    ));
}

#[test]
fn a_clinic_can_tighten_the_fever_threshold_and_pain_rise() {
    let (settings, errors) = ClinicSettings::from_raw(&RawSettings {
        fever_threshold_c: Some(37.8),
        pain_rise_days: Some(2.0),
        ..RawSettings::default()
    });
    assert!(errors.is_empty());
    let diary = on(base(), 3, |e| temp(e, 100.0, TemperatureUnit::Fahrenheit));
    assert!(fired_with(&diary, &settings, "B1", 3));
    assert!(!fired(&diary, "B1", 3));
    let two_days = back_on(base(), &[(3, 6), (4, 6)]);
    assert!(fired_with(&two_days, &settings, "B9", 4));
}

#[test]
fn baseline_never_lowers_a_tier() {
    // Saddle numbness in the baseline record is not accepted as baseline.
    let mut diary = base();
    with_neuro(
        diary.baseline.as_mut().unwrap(),
        finding(Region::Saddle, Side::Midline, NeuroKind::Numbness, 3),
    );
    let diary = on(diary, 3, |e| {
        with_neuro(
            e,
            finding(Region::Saddle, Side::Midline, NeuroKind::Numbness, 3),
        )
    });
    assert!(fired(&diary, "A1", 3));
}

#[test]
fn messages() {
    let settings = ClinicSettings {
        clinic_phone: Some("555-0100".into()),
        after_hours_phone: Some("555-0199".into()),
        ..ClinicSettings::default()
    };
    let diary = on(back_on(base(), &[(3, 6), (4, 6), (5, 6)]), 5, |e| {
        temp(e, 38.5, TemperatureUnit::Celsius)
    });
    let firings = evaluate(&diary, &settings);
    assert_eq!(
        firings_on(&firings, d(5))
            .iter()
            .filter(|f| f.tier == Tier::Call)
            .map(|f| f.rule)
            .collect::<Vec<_>>(),
        vec!["B1", "B9"]
    );
    let uk = Locale::new(Lang::En, "en-GB");
    // The message of a date is one function of all its firings: given the whole list or
    // only that date's, it says the same.
    let m = message(&uk, Tier::Call, d(5), &firings, &diary, &settings);
    assert_eq!(
        m,
        message(
            &uk,
            Tier::Call,
            d(5),
            firings_on(&firings, d(5)),
            &diary,
            &settings
        )
    );
    assert!(
        m.starts_with("Call your clinic now, not later today at 555-0100, after hours 555-0199."),
        "{m}"
    );
    assert!(m.contains("fever or chills; pain clearly worse"));
    let fever_only = on(base(), 5, |e| temp(e, 38.5, TemperatureUnit::Celsius));
    let ff = evaluate(&fever_only, &settings);
    assert!(message(
        &uk,
        Tier::Call,
        d(5),
        &ff,
        &fever_only,
        &ClinicSettings::default()
    )
    .starts_with("Call your clinic today. Tell them: fever or chills."));
    let a = on(base(), 3, |e| symptoms(e).incontinence = Some(true));
    let fa = evaluate(&a, &settings);
    let m = message(&uk, Tier::Emergency, d(3), &fa, &a, &settings);
    assert!(m.starts_with("Call 911 now"), "{m}");
    assert!(
        m.contains(
            "Say you had a lumbar decompression on 2 November 2026 and now have leaking of urine"
        ),
        "{m}"
    );
    let es = Locale::new(Lang::Es, "es-US");
    let m_es = message(&es, Tier::Emergency, d(3), &fa, &a, &settings);
    assert!(m_es.starts_with("Llame al 911 ahora"), "{m_es}");
    assert!(m_es.contains("el 2 de noviembre de 2026"), "{m_es}");
    assert!(m_es.contains("escape de orina"), "{m_es}");
    let call_es = message(&es, Tier::Call, d(5), &firings, &diary, &settings);
    assert!(
        call_es.starts_with("Llame a su clínica ahora, no más tarde al 555-0100"),
        "{call_es}"
    );
    for lang in Lang::ALL {
        let t = lang.texts();
        for text in [
            m.as_str(),
            m_es.as_str(),
            t.no_flag,
            t.message_followup,
            t.warning_now_go,
            t.unanswered_title,
            t.unanswered_call,
            t.answered_line_emergency,
            t.answered_line_call,
            t.ack_stopped_note,
            t.stand_safety,
            t.timed_safety,
        ] {
            for banned in [
                "normal",
                "no need to call",
                "wait and see",
                "no hace falta",
                "no llame",
            ] {
                assert!(!text.to_lowercase().contains(banned), "{text}");
            }
        }
    }
}

#[test]
fn the_emergency_message_before_day_0_and_without_a_date() {
    let uk = Locale::new(Lang::En, "en-GB");
    let es = Locale::new(Lang::Es, "es-US");
    let settings = ClinicSettings::default();
    let before = on(base(), -3, |e| symptoms(e).bladder_trouble = Some(true));
    let f = evaluate(&before, &settings);
    let m = message(&uk, Tier::Emergency, d(-3), &f, &before, &settings);
    assert!(
        m.contains(
            "Say you are due to have a lumbar decompression on 2 November 2026 and now have"
        ),
        "{m}"
    );
    assert!(!m.contains("you had"), "{m}");
    let m = message(&es, Tier::Emergency, d(-3), &f, &before, &settings);
    assert!(
        m.contains("Diga que tiene programada una descompresión lumbar para el 2 de noviembre de 2026 y que ahora tiene"),
        "{m}"
    );
    // Day 0 itself: had.
    let on_day0 = on(base(), 0, |e| symptoms(e).bladder_trouble = Some(true));
    let f = evaluate(&on_day0, &settings);
    assert!(message(&uk, Tier::Emergency, d(0), &f, &on_day0, &settings)
        .contains("Say you had a lumbar decompression on 2 November 2026"));
    // No procedure date: no date named.
    let mut no_date = before.clone();
    no_date.profile.procedure_date = None;
    let f = evaluate(&no_date, &settings);
    let m = message(&uk, Tier::Emergency, d(-3), &f, &no_date, &settings);
    assert!(
        m.contains("Say you had a lumbar decompression and now have"),
        "{m}"
    );
    let m = message(&es, Tier::Emergency, d(-3), &f, &no_date, &settings);
    assert!(
        m.contains("Diga que le hicieron una descompresión lumbar y que ahora tiene"),
        "{m}"
    );
}

#[test]
fn fever_with_worse_pain_says_now_for_its_date_only() {
    // B1 and B9 on day 5; B1 alone on day 7: each date's message is its own.
    let diary = on(
        on(back_on(base(), &[(3, 6), (4, 6), (5, 6)]), 5, |e| {
            temp(e, 38.5, TemperatureUnit::Celsius)
        }),
        7,
        |e| e.chills = Some(true),
    );
    let settings = ClinicSettings::default();
    let f = evaluate(&diary, &settings);
    let uk = Locale::new(Lang::En, "en-GB");
    assert!(message(&uk, Tier::Call, d(5), &f, &diary, &settings)
        .starts_with("Call your clinic now, not later today."));
    assert!(message(&uk, Tier::Call, d(7), &f, &diary, &settings)
        .starts_with("Call your clinic today."));
    // Every firing of day 5 is found from the whole list, none of another date.
    assert!(firings_on(&f, d(5)).iter().all(|x| x.date == d(5)));
    assert_eq!(
        firings_on(&f, d(5)).len(),
        f.iter().filter(|x| x.date == d(5)).count()
    );
    assert!(firings_on(&f, d(6)).is_empty());
}

#[test]
fn tier_a_and_b_never_offer_to_wait_for_the_visit() {
    for tier in [Tier::Emergency, Tier::Call] {
        let choices = ack_choices(tier);
        assert!(!choices.contains(&AckAction::WillMention), "{tier:?}");
        for needed in [
            AckAction::WentToEmergency,
            AckAction::CalledClinic,
            AckAction::Other,
        ] {
            assert!(choices.contains(&needed), "{tier:?} lacks {needed:?}");
        }
    }
    assert_eq!(ack_choices(Tier::Emergency)[0], AckAction::WentToEmergency);
    assert!(ack_choices(Tier::Followup).contains(&AckAction::WillMention));
}

mod properties {
    use super::*;
    use crate::domain::format::{parse, to_json};
    use crate::domain::generate::{dense_diary, diary, entry};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Re-evaluating after an edit gives exactly what evaluating from scratch gives.
        #[test]
        fn reevaluation_after_an_edit_is_a_full_evaluation(
            before in prop_oneof![diary().boxed(), dense_diary().boxed()],
            put in proptest::option::of((0u64..90, entry())),
            delete in proptest::option::of(0usize..80),
        ) {
            let settings = ClinicSettings::default();
            let previous = evaluate(&before, &settings);
            let mut after = before.clone();
            if let Some((offset, e)) = put {
                let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
                after.put_checkin(start + Days::new(offset), e);
            }
            if let Some(i) = delete {
                if let Some(date) = after.checkins.keys().nth(i).copied() {
                    after.checkins.remove(&date);
                }
            }
            prop_assert_eq!(reevaluate(&before, &previous, &after, &settings), evaluate(&after, &settings));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn evaluation_never_panics_and_ignores_file_order(diary in diary(), seed in any::<u64>()) {
            let settings = ClinicSettings::default();
            let first = evaluate(&diary, &settings);
            // Shuffle the check-ins' order in the file, read it back, evaluate again.
            let mut value: serde_json::Value = serde_json::from_str(&to_json(&diary, None)).unwrap();
            if let Some(list) = value.get_mut("checkins").and_then(|c| c.as_array_mut()) {
                let n = list.len();
                for i in (1..n).rev() {
                    let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
                    list.swap(i, j);
                }
            }
            let reread = parse(&value.to_string(), crate::domain::format::TEST_TODAY)
                .unwrap()
                .diary;
            prop_assert_eq!(&first, &evaluate(&reread, &settings));
            let eps = episodes(&first);
            prop_assert_eq!(eps.iter().map(|e| e.firings.len()).sum::<usize>(), first.len());
            // Every piece of evidence reads in both languages, every place filled.
            for lang in Lang::ALL {
                let l = Locale::new(lang, "");
                for f in &first {
                    for fact in &f.evidence {
                        let text = crate::domain::rules::fact(&l, fact);
                        prop_assert!(!text.trim().is_empty() && !text.contains("{measure}") && !text.contains("{n}"), "{:?}: {}", fact, text);
                    }
                }
            }
        }
    }
}
