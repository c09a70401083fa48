//! Walks and stands timed on the phone (a self-paced walking test, Tomkins-Lane et al.): the
//! patient starts, walks or stands at their usual pace, may mark when symptoms began, and
//! stops when leg pain, numbness or heaviness makes them stop. Format v2 `timed_tests`.
//!
//! Every time is computed from the start instant, never by counting ticks, so the result is
//! right when the phone locks or the browser puts the page to sleep.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::measures::{stand_min, walk_min};
use super::model::{bounds, Amount, Diary, Entry, StopReason, TimedKind, TimedTest, Walking};

/// A test under way, as kept in storage so a reload can finish or discard it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Running {
    pub kind: TimedKind,
    /// The check-in date it belongs to (YYYY-MM-DD).
    pub date: chrono::NaiveDate,
    pub started_at: DateTime<FixedOffset>,
    /// When the patient tapped "Symptoms started".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symptoms_at: Option<DateTime<FixedOffset>>,
    /// When the patient tapped Stop (then the reason is asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_at: Option<DateTime<FixedOffset>>,
}

/// Minutes from `from` to `to`, to 0.1 (never negative: a clock set back counts as 0).
pub fn minutes_between(from: DateTime<FixedOffset>, to: DateTime<FixedOffset>) -> f64 {
    let ms = (to - from).num_milliseconds().max(0) as f64;
    (ms / 6_000.0).round() / 10.0
}

impl Running {
    pub fn new(kind: TimedKind, date: chrono::NaiveDate, now: DateTime<FixedOffset>) -> Self {
        Running {
            kind,
            date,
            started_at: now,
            symptoms_at: None,
            stopped_at: None,
        }
    }

    /// Elapsed whole seconds at `now` (or at the stop), for the display.
    pub fn seconds(&self, now: DateTime<FixedOffset>) -> i64 {
        let end = self.stopped_at.unwrap_or(now);
        (end - self.started_at).num_seconds().max(0)
    }

    /// The result, once stopped (`now` stands in for the stop if there was none). A test
    /// left running for more than a day (`bounds::MAX_MINUTES`) is kept as a day, stopped
    /// by the limit: the diary holds no longer walk or stand.
    pub fn result(&self, now: DateTime<FixedOffset>, because: Option<StopReason>) -> TimedTest {
        let end = self.stopped_at.unwrap_or(now);
        let measured = minutes_between(self.started_at, end);
        let minutes = measured.min(bounds::MAX_MINUTES);
        let first = self
            .symptoms_at
            .map(|s| minutes_between(self.started_at, s).min(minutes));
        TimedTest {
            kind: self.kind,
            started_at: self.started_at,
            minutes: Amount::new(minutes).unwrap_or_else(|_| Amount::zero()),
            first_symptom_minutes: first.and_then(|m| Amount::new(m).ok()),
            stopped_because: if measured > minutes {
                Some(StopReason::Limit)
            } else {
                because
            },
            distance: None,
        }
    }
}

/// `entry` with `test` kept: added to its `timed_tests`, and its minutes copied to
/// `walking.minutes` or `standing_minutes` (the values the rules read).
pub fn keep(entry: &mut Entry, test: TimedTest) {
    match test.kind {
        TimedKind::Walk => {
            entry.walking.get_or_insert_with(Walking::default).minutes = Some(test.minutes)
        }
        TimedKind::Stand => entry.standing_minutes = Some(test.minutes),
    }
    entry.timed_tests.get_or_insert_with(Vec::new).push(test);
}

/// The baseline value of the measure a test times (mean of the baseline), if any.
pub fn baseline_minutes(diary: &Diary, kind: TimedKind) -> Option<f64> {
    let f = match kind {
        TimedKind::Walk => walk_min,
        TimedKind::Stand => stand_min,
    };
    let values: Vec<f64> = diary.baseline_entries().into_iter().filter_map(f).collect();
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Whether the check-in's value of `kind` is a timed one (the last kept test's minutes).
pub fn is_timed(entry: &Entry, kind: TimedKind) -> bool {
    let value = match kind {
        TimedKind::Walk => walk_min(entry),
        TimedKind::Stand => stand_min(entry),
    };
    entry
        .timed_tests
        .iter()
        .flatten()
        .rev()
        .find(|t| t.kind == kind)
        .is_some_and(|t| Some(t.minutes.get()) == value)
}

/// "6:05": minutes and seconds.
pub fn clock(seconds: i64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn the_time_is_from_the_start_instant_to_a_tenth_of_a_minute() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let mut r = Running::new(TimedKind::Walk, date, at("2026-11-29T17:00:00-05:00"));
        r.symptoms_at = Some(at("2026-11-29T17:04:06-05:00"));
        // The phone locked in between: only the instants count.
        r.stopped_at = Some(at("2026-11-29T17:07:00-05:00"));
        assert_eq!(r.seconds(at("2026-11-29T18:00:00-05:00")), 420);
        let t = r.result(at("2026-11-29T18:00:00-05:00"), Some(StopReason::Symptoms));
        assert_eq!(t.minutes.get(), 7.0);
        assert_eq!(t.first_symptom_minutes.map(Amount::get), Some(4.1));
        assert_eq!(t.stopped_because, Some(StopReason::Symptoms));
        // A clock set back never gives a negative time.
        assert_eq!(
            minutes_between(at("2026-11-29T17:00:00Z"), at("2026-11-29T16:00:00Z")),
            0.0
        );
        assert_eq!(clock(425), "7:05");
    }

    #[test]
    fn a_kept_result_fills_the_minutes_the_rules_read_and_is_marked_timed() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let mut r = Running::new(TimedKind::Stand, date, at("2026-11-29T17:00:00Z"));
        r.stopped_at = Some(at("2026-11-29T17:12:00Z"));
        let mut e = Entry::default();
        keep(&mut e, r.result(at("2026-11-29T17:12:00Z"), None));
        assert_eq!(e.standing_minutes.map(Amount::get), Some(12.0));
        assert!(is_timed(&e, TimedKind::Stand));
        assert!(!is_timed(&e, TimedKind::Walk));
        // The patient then typed another value: no longer the timed one.
        e.standing_minutes = Amount::new(15.0).ok();
        assert!(!is_timed(&e, TimedKind::Stand));
    }

    #[test]
    fn a_test_left_running_for_days_is_kept_as_a_day_stopped_by_the_limit() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let mut r = Running::new(TimedKind::Walk, date, at("2026-11-29T17:00:00Z"));
        r.symptoms_at = Some(at("2026-11-29T17:05:00Z"));
        let t = r.result(at("2026-12-02T17:00:00Z"), Some(StopReason::Symptoms));
        assert_eq!(t.minutes.get(), bounds::MAX_MINUTES);
        assert_eq!(t.first_symptom_minutes.map(Amount::get), Some(5.0));
        assert_eq!(t.stopped_because, Some(StopReason::Limit));
        // So the diary that keeps it still reads.
        let mut diary = Diary::default();
        let mut e = Entry::default();
        keep(&mut e, t);
        diary.put_checkin(date, e);
        let text = crate::domain::format::to_json(&diary, None);
        assert!(crate::domain::format::parse(&text, crate::domain::format::TEST_TODAY).is_ok());
    }

    #[test]
    fn a_running_test_survives_storage() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let r = Running::new(TimedKind::Walk, date, at("2026-11-29T17:00:00-05:00"));
        let text = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Running>(&text).unwrap(), r);
    }
}
