//! Prints the native time to evaluate every rule over 5 years of daily check-ins, and the
//! stored size of that diary. A benchmark that prints numbers, not a timed test:
//! `cargo run --release --example evaluate_five_years`

use std::time::Instant;

use chrono::{Days, NaiveDate};
use recovery_diary::domain::format::to_json;
use recovery_diary::domain::model::*;
use recovery_diary::domain::rules::{episodes, evaluate, reevaluate, ClinicSettings};

fn rating(v: u64) -> Option<Rating> {
    Rating::new((v % 11) as u8).ok()
}

/// A plausible daily check-in: every common field answered, values varying by day.
fn checkin(i: u64) -> Entry {
    let amount = |v: f64| Amount::new(v).ok();
    Entry {
        pain: Some(Pain {
            back: rating(i * 7 % 6 + 1),
            leg: rating(i * 5 % 5 + 1),
            incision: None,
            medicine_helped: Some(i % 3 != 0),
        }),
        walking: Some(Walking {
            distance: amount(200.0 + (i * 37 % 800) as f64).map(|value| Distance {
                value,
                unit: DistanceUnit::Feet,
            }),
            minutes: amount((i % 30) as f64),
        }),
        standing_minutes: amount((i % 40) as f64),
        neuro: Some(vec![NeuroFinding {
            region: Region::Calf,
            side: Side::Left,
            kind: NeuroKind::Numbness,
            severity: Severity::new((i % 4 + 2) as u8)
                .unwrap_or(Severity::new(1).unwrap_or_else(|_| unreachable!())),
        }]),
        temperature: Finite::new(98.0 + (i % 10) as f64 / 10.0)
            .ok()
            .map(|value| Temperature {
                value,
                unit: TemperatureUnit::Fahrenheit,
            }),
        chills: Some(false),
        symptoms: Some(Symptoms {
            saddle_numbness: Some(false),
            bladder_trouble: Some(false),
            incontinence: Some(false),
            rapid_weakness: Some(false),
            both_legs: Some(false),
            allergic_reaction: Some(false),
            chest_pain_or_breathless: Some(false),
            ..Symptoms::default()
        }),
        incision: Some(Incision {
            bleeding_uncontrolled: Some(false),
            ..Incision::default()
        }),
        medications: Some(vec![Medication {
            name: "Paracetamol".into(),
            dose: Some("500 mg".into()),
            times: Some(2),
        }]),
        ..Entry::default()
    }
}

fn main() {
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let days = 5 * 365 + 1;
    let mut diary = Diary::new(Profile {
        procedure_date: Some(start),
        ..Profile::default()
    });
    diary.baseline = Some(checkin(0));
    for i in 0..days {
        if let Some(date) = start.checked_add_days(Days::new(i)) {
            diary.put_checkin(date, checkin(i));
        }
    }
    let settings = ClinicSettings::default();
    if std::env::var_os("EVALUATE_ONLY").is_some() {
        // For a profiler: `EVALUATE_ONLY=1 perf record …`.
        for _ in 0..100 {
            std::hint::black_box(episodes(&evaluate(&diary, &settings)));
        }
        return;
    }
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..21 {
        let t = Instant::now();
        let firings = evaluate(&diary, &settings);
        let eps = episodes(&firings);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        count = eps.len();
        if times.len() == 1 {
            let mut by_rule = std::collections::BTreeMap::new();
            for f in &firings {
                *by_rule.entry(f.rule).or_insert(0) += 1;
            }
            println!("firings: {} {by_rule:?}", firings.len());
        }
    }
    times.sort_by(f64::total_cmp);
    let json = to_json(&diary, None);
    // The phone's date: the last check-in's (a file holds none after tomorrow).
    let today = diary.checkins.keys().next_back().copied().unwrap_or(start);
    println!("check-ins: {}", diary.checkins.len());
    println!("evaluate + episodes, native release, median of 21: {:.2} ms (min {:.2}, max {:.2}); {count} episodes", times[10], times[0], times[20]);
    // A save of a new day: the app re-evaluates from that day only.
    let previous = evaluate(&diary, &settings);
    let mut after = diary.clone();
    if let Some(next) = diary
        .checkins
        .keys()
        .next_back()
        .and_then(|d| d.checked_add_days(Days::new(1)))
    {
        after.put_checkin(next, checkin(7));
    }
    let mut re: Vec<f64> = (0..21)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(episodes(&reevaluate(&diary, &previous, &after, &settings)));
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    re.sort_by(f64::total_cmp);
    println!(
        "re-evaluation after a save of the next day (what a save costs), median of 21: {:.2} ms",
        re[10]
    );
    // The other work of a save, for the profile of the save path.
    let time = |f: &dyn Fn()| {
        let mut t: Vec<f64> = (0..11)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        t.sort_by(f64::total_cmp);
        t[5]
    };
    println!(
        "save path, native release, medians of 11: clone the diary {:.2} ms; write it as JSON {:.2} ms; read it back as an import {:.2} ms, as an open {:.2} ms",
        time(&|| drop(std::hint::black_box(diary.clone()))),
        time(&|| drop(std::hint::black_box(to_json(&diary, None)))),
        time(&|| drop(std::hint::black_box(recovery_diary::domain::format::parse(&json, today)))),
        time(&|| drop(std::hint::black_box(recovery_diary::domain::format::read_stored(&json, today)))),
    );
    println!(
        "stored size: {} bytes ({:.0} bytes per check-in)",
        json.len(),
        json.len() as f64 / diary.checkins.len() as f64
    );
}
