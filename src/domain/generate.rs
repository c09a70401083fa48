//! proptest strategies for arbitrary valid diaries, and properties over them.

use chrono::{Days, NaiveDate};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use super::format::{parse, to_json, TEST_TODAY};
use super::model::*;

fn rating() -> impl Strategy<Value = Rating> {
    (0u8..=10).prop_map(|v| Rating::new(v).unwrap())
}

/// A number from 0 to `max` (`model::bounds`), whole or not.
fn amount(max: f64) -> impl Strategy<Value = Amount> {
    prop_oneof![
        (0u32..=max as u32).prop_map(|v| Amount::new(f64::from(v)).unwrap()),
        (0.0f64..=max).prop_map(|v| Amount::new(v).unwrap()),
    ]
}

fn minutes() -> impl Strategy<Value = Amount> {
    amount(bounds::MAX_MINUTES)
}

fn finding() -> impl Strategy<Value = NeuroFinding> {
    (
        prop::sample::select(Region::ALL.to_vec()),
        any::<bool>(),
        prop::sample::select(NeuroKind::ALL.to_vec()),
        1u8..=10,
    )
        .prop_map(|(region, left, kind, sev)| NeuroFinding {
            region,
            side: if region == Region::Saddle {
                Side::Midline
            } else if left {
                Side::Left
            } else {
                Side::Right
            },
            kind,
            severity: Severity::new(sev).unwrap(),
        })
}

fn stand() -> impl Strategy<Value = StandResult> {
    prop_oneof![
        Just(StandResult::Ok),
        Just(StandResult::Hard),
        Just(StandResult::Cannot)
    ]
}

fn text() -> impl Strategy<Value = String> {
    // Anything a patient might type, including quotes, emoji and would-be markup.
    prop_oneof![
        "[a-zA-Z0-9 ,.'\"<>&=+-]{0,40}",
        Just("=cmd|' /C calc'!A0".to_string()),
        Just("Ibuprofeno 400 mg — “two” 👍".to_string()),
    ]
}

fn symptoms() -> impl Strategy<Value = Symptoms> {
    vec(option::of(any::<bool>()), 10).prop_map(|b| Symptoms {
        saddle_numbness: b[0],
        bladder_trouble: b[1],
        incontinence: b[2],
        rapid_weakness: b[3],
        both_legs: b[4],
        sudden_severe_back_pain: b[5],
        allergic_reaction: b[6],
        chest_pain_or_breathless: b[7],
        positional_headache: b[8],
        calf_pain_swelling: b[9],
    })
}

fn incision() -> impl Strategy<Value = Incision> {
    (
        option::of(prop_oneof![
            Just(Bandage::None),
            Just(Bandage::Dry),
            Just(Bandage::Spotted),
            Just(Bandage::Soaked)
        ]),
        option::of(prop_oneof![
            Just(Drainage::None),
            Just(Drainage::BloodTinged),
            Just(Drainage::ClearWatery),
            Just(Drainage::Cloudy),
            Just(Drainage::Pus)
        ]),
        option::of(prop_oneof![
            Just(Redness::None),
            Just(Redness::ThinLine),
            Just(Redness::BeyondFinger),
            Just(Redness::Streaks)
        ]),
        vec(option::of(any::<bool>()), 5),
    )
        .prop_map(|(bandage, drainage, redness, b)| Incision {
            bandage,
            bleeding_uncontrolled: b[0],
            drainage,
            foul_smell: b[1],
            redness,
            warm_or_swollen: b[2],
            edges_open: b[3],
            bruise_itch_lump: b[4],
        })
}

pub fn entry() -> impl Strategy<Value = Entry> {
    let pain = option::of(
        (
            option::of(rating()),
            option::of(rating()),
            option::of(rating()),
            option::of(any::<bool>()),
        )
            .prop_map(|(back, leg, incision, medicine_helped)| Pain {
                back,
                leg,
                incision,
                medicine_helped,
            }),
    );
    let walking = option::of(
        (
            option::of(
                (amount(bounds::MAX_DISTANCE), any::<bool>()).prop_map(|(value, ft)| Distance {
                    value,
                    unit: if ft {
                        DistanceUnit::Feet
                    } else {
                        DistanceUnit::Metres
                    },
                }),
            ),
            option::of(minutes()),
        )
            .prop_map(|(distance, minutes)| Walking { distance, minutes }),
    );
    let function = option::of(
        (
            option::of(stand()),
            option::of(stand()),
            vec(option::of(any::<bool>()), 3),
        )
            .prop_map(|(toe_stand, heel_stand, b)| FunctionChecks {
                toe_stand,
                heel_stand,
                foot_drag: b[0],
                leg_gave_way: b[1],
                fall: b[2],
            }),
    );
    let temperature = option::of((30.0f64..45.0, any::<bool>()).prop_map(|(c, celsius)| {
        if celsius {
            Temperature {
                value: Finite::new(c).unwrap(),
                unit: TemperatureUnit::Celsius,
            }
        } else {
            Temperature {
                value: Finite::new(c * 9.0 / 5.0 + 32.0).unwrap(),
                unit: TemperatureUnit::Fahrenheit,
            }
        }
    }));
    let medications = option::of(vec(
        (
            "[A-Za-z][A-Za-z0-9 ]{0,15}",
            option::of(text()),
            option::of(0u32..10),
        )
            .prop_map(|(name, dose, times)| Medication { name, dose, times }),
        0..3,
    ));
    (
        pain,
        walking,
        option::of(minutes()),
        option::of(vec(finding(), 0..4)),
        function,
        option::of(incision()),
        temperature,
        option::of(any::<bool>()),
        option::of(symptoms()),
        medications,
        option::of(text()),
        option::of(text()),
    )
        .prop_map(
            |(
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
            )| Entry {
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
                ..Entry::default()
            },
        )
}

pub fn diary() -> impl Strategy<Value = Diary> {
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    (
        option::of(0u64..400),
        any::<bool>(),
        any::<bool>(),
        option::of(entry()),
        vec((0u64..400, entry()), 0..30),
    )
        .prop_map(move |(proc_offset, ft, fahrenheit, baseline, checkins)| {
            let mut diary = Diary::new(Profile {
                procedure_date: proc_offset.and_then(|o| start.checked_add_days(Days::new(o))),
                distance_unit: if ft {
                    DistanceUnit::Feet
                } else {
                    DistanceUnit::Metres
                },
                temperature_unit: if fahrenheit {
                    TemperatureUnit::Fahrenheit
                } else {
                    TemperatureUnit::Celsius
                },
            });
            diary.baseline = baseline.map(|mut b| {
                b.recorded_on = Some(start);
                b
            });
            for (offset, entry) in checkins {
                if let Some(date) = start.checked_add_days(Days::new(offset)) {
                    diary.put_checkin(date, entry);
                }
            }
            diary
        })
}

/// A diary with check-ins on consecutive days around the procedure (so runs, R7 and the
/// six-week rules have something to work on).
pub fn dense_diary() -> impl Strategy<Value = Diary> {
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    (
        option::of(0u64..60),
        option::of(entry()),
        vec(entry(), 0..80),
    )
        .prop_map(move |(proc_offset, baseline, checkins)| {
            let mut diary = Diary::new(Profile {
                procedure_date: proc_offset.and_then(|o| start.checked_add_days(Days::new(o))),
                ..Profile::default()
            });
            diary.baseline = baseline;
            for (i, entry) in checkins.into_iter().enumerate() {
                if let Some(date) = start.checked_add_days(Days::new(i as u64)) {
                    diary.put_checkin(date, entry);
                }
            }
            diary
        })
}

proptest! {
    #[test]
    fn generated_diaries_round_trip(diary in diary()) {
        let parsed = parse(&to_json(&diary, None), TEST_TODAY).expect("our own output parses");
        prop_assert!(parsed.ignored_fields.is_empty());
        prop_assert_eq!(parsed.diary, diary);
    }

    #[test]
    fn parse_never_panics_on_arbitrary_text(text in ".{0,200}") {
        let _ = parse(&text, TEST_TODAY);
    }

    #[test]
    fn parse_never_panics_on_mangled_diaries(diary in diary(), cut in 0usize..2000, byte in any::<u8>()) {
        let mut json = to_json(&diary, None).into_bytes();
        if !json.is_empty() {
            let i = cut % json.len();
            json[i] = byte;
        }
        if let Ok(text) = String::from_utf8(json) {
            if let Err(e) = parse(&text, TEST_TODAY) {
                prop_assert!(!e.message.is_empty());
            }
        }
    }
}
