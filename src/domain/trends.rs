//! Trends against the pre-procedure baseline: series for the charts, and the follow-up
//! report's comparison (baseline vs the mean of the latest 7 days, with the minimal
//! important difference for pain: 2 points or 30%).

use chrono::{Days, NaiveDate};

use super::calendar::day_number;
use super::measures::Measure;
use super::model::{Diary, TimedKind};
use super::timed::is_timed;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub date: NaiveDate,
    pub day: Option<i64>,
    pub value: f64,
    /// Measured with the diary's timer (a kept timed walk or stand), not an estimate.
    pub timed: bool,
}

/// The chart ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    TwoWeeks,
    SixWeeks,
    ThreeMonths,
    All,
}

impl Range {
    pub const ALL: [Range; 4] = [
        Range::TwoWeeks,
        Range::SixWeeks,
        Range::ThreeMonths,
        Range::All,
    ];

    pub fn label(self, t: &crate::domain::report::ReportTexts) -> &'static str {
        t.ranges[Range::ALL.iter().position(|r| *r == self).unwrap_or(0)]
    }

    fn days(self) -> Option<u64> {
        match self {
            Range::TwoWeeks => Some(14),
            Range::SixWeeks => Some(42),
            Range::ThreeMonths => Some(91),
            Range::All => None,
        }
    }

    /// The first date shown when the range ends on `last`: `n` days before it, so that
    /// "6 weeks" on day 42 runs from day 0, the procedure date, to day 42.
    pub fn start(self, last: NaiveDate) -> Option<NaiveDate> {
        self.days()
            .and_then(|n| last.checked_sub_days(Days::new(n)))
    }
}

/// The values of `measure` by date (distances in the patient's unit), within `range`
/// ending at the latest check-in.
pub fn series(diary: &Diary, measure: Measure, range: Range) -> Vec<Point> {
    let unit = diary.profile.distance_unit;
    let Some(&last) = diary.checkins.keys().next_back() else {
        return Vec::new();
    };
    let from = range.start(last);
    diary
        .checkins
        .range(from.unwrap_or(NaiveDate::MIN)..)
        .filter_map(|(&date, e)| {
            measure.value(e, unit).map(|value| Point {
                date,
                day: day_number(diary.profile.procedure_date, date),
                value,
                timed: match measure {
                    Measure::WalkMinutes => is_timed(e, TimedKind::Walk),
                    Measure::StandMinutes => is_timed(e, TimedKind::Stand),
                    _ => false,
                },
            })
        })
        .collect()
}

/// The baseline value (B0): the mean over the baseline record and baseline check-ins.
pub fn baseline(diary: &Diary, measure: Measure) -> Option<f64> {
    let unit = diary.profile.distance_unit;
    let values: Vec<f64> = diary
        .baseline_entries()
        .into_iter()
        .filter_map(|e| measure.value(e, unit))
        .collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Baseline against now, for the report.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    pub measure: Measure,
    pub baseline: Option<f64>,
    /// Mean of the values in the 7 calendar days ending at the latest check-in.
    pub latest: Option<f64>,
    pub latest_days: usize,
    pub change: Option<f64>,
    /// Change as a share of the baseline (None when the baseline is 0 or missing).
    pub percent: Option<f64>,
    /// Pain only: the change is at least 2 points or 30% (the minimal important difference).
    pub meaningful: bool,
}

pub fn compare(diary: &Diary, measure: Measure) -> Comparison {
    let unit = diary.profile.distance_unit;
    let last = diary.checkins.keys().next_back().copied();
    let window: Vec<f64> = last
        .map(|last| {
            let from = last.checked_sub_days(Days::new(6)).unwrap_or(last);
            diary
                .checkins
                .range(from..=last)
                .filter(|(d, _)| diary.is_recovery(**d))
                .filter_map(|(_, e)| measure.value(e, unit))
                .collect()
        })
        .unwrap_or_default();
    let latest = (!window.is_empty()).then(|| window.iter().sum::<f64>() / window.len() as f64);
    let baseline = baseline(diary, measure);
    let change = baseline.zip(latest).map(|(b, l)| l - b);
    let percent = baseline
        .zip(change)
        .and_then(|(b, c)| (b != 0.0).then(|| c / b * 100.0));
    let meaningful = measure.is_pain()
        && (change.is_some_and(|c| c.abs() >= 2.0) || percent.is_some_and(|p| p.abs() >= 30.0));
    Comparison {
        measure,
        baseline,
        latest,
        latest_days: window.len(),
        change,
        percent,
        meaningful,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;

    fn d(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, n).unwrap()
    }

    fn diary(backs: &[(u32, u8)]) -> Diary {
        let mut diary = Diary::new(Profile {
            procedure_date: Some(d(2)),
            distance_unit: DistanceUnit::Metres,
            ..Profile::default()
        });
        diary.baseline = Some(Entry {
            pain: Some(Pain {
                back: Rating::new(6).ok(),
                ..Pain::default()
            }),
            walking: Some(Walking {
                distance: Some(Distance {
                    value: Amount::new(328.084).unwrap(),
                    unit: DistanceUnit::Feet,
                }),
                minutes: None,
            }),
            ..Entry::default()
        });
        for &(day, b) in backs {
            diary.put_checkin(d(day), Entry::back_pain(b));
        }
        diary
    }

    #[test]
    fn compares_the_latest_seven_days_with_the_baseline() {
        // Latest check-in on the 20th: the window is the 14th to the 20th.
        let c = compare(
            &diary(&[(5, 9), (14, 4), (17, 3), (20, 2)]),
            Measure::BackPain,
        );
        assert_eq!(c.baseline, Some(6.0));
        assert_eq!(c.latest, Some(3.0));
        assert_eq!(c.latest_days, 3);
        assert_eq!(c.change, Some(-3.0));
        assert_eq!(c.percent, Some(-50.0));
        assert!(c.meaningful);
    }

    #[test]
    fn one_point_is_not_a_meaningful_change_for_pain() {
        let c = compare(&diary(&[(20, 5)]), Measure::BackPain);
        assert_eq!(c.change, Some(-1.0));
        assert!(!c.meaningful, "1 point and 17% is under the MID");
    }

    #[test]
    fn distances_are_in_the_patients_unit() {
        let b = baseline(&diary(&[]), Measure::WalkDistance).unwrap();
        assert!((b - 100.0).abs() < 1e-9, "{b}");
    }

    #[test]
    fn series_respect_the_range() {
        let diary = diary(&[(1, 5), (10, 4), (20, 3), (23, 2)]);
        let two_weeks: Vec<u32> = series(&diary, Measure::BackPain, Range::TwoWeeks)
            .iter()
            .map(|p| chrono::Datelike::day(&p.date))
            .collect();
        assert_eq!(two_weeks, vec![10, 20, 23]);
        // Six weeks on day 42 start on day 0.
        assert_eq!(Range::SixWeeks.start(d(2) + Days::new(42)), Some(d(2)));
        assert_eq!(series(&diary, Measure::BackPain, Range::All).len(), 4);
        assert_eq!(
            series(&diary, Measure::BackPain, Range::All)[0].day,
            Some(-1)
        );
        assert!(series(&Diary::default(), Measure::LegPain, Range::All).is_empty());
    }
}
