//! The terms of rules.md, computed once per evaluation: baseline, recovery check-ins, B0,
//! R7, new and worse neuro findings (with the reference severity), and the runs that
//! B9(a), B9(b), C1 and C2 count. Each rule then only reads one `Day`.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use chrono::NaiveDate;

use super::settings::ClinicSettings;
pub use crate::domain::measures::{back, incision_pain, leg, stand_min, walk_ft, walk_min};
use crate::domain::model::{Diary, Entry, NeuroFinding, NeuroKind, Region, Side, StandResult};
use crate::domain::questions::{EMERGENCY, OTHER_SYMPTOMS};

type Key = (Region, Side, NeuroKind);

/// What a measure's baseline is (B0): the mean of the baseline's values.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Baselines {
    pub back: Option<f64>,
    pub leg: Option<f64>,
    /// Walking distance in feet.
    pub walk_ft: Option<f64>,
    pub walk_min: Option<f64>,
    pub stand_min: Option<f64>,
}

/// Everything the rules need to know about one check-in date.
pub struct Day<'a> {
    pub date: NaiveDate,
    pub entry: &'a Entry,
    /// The keys of the yes/no warning questions answered yes (usually none).
    pub yes: Vec<&'static str>,
    /// `None` without a procedure date.
    pub day: Option<i64>,
    pub recovery: bool,
    pub settings: &'a ClinicSettings,
    pub baselines: Baselines,
    /// Recovery check-ins only: findings new on this date, and findings worse on it.
    pub new_findings: Vec<NeuroFinding>,
    pub worse_findings: Vec<NeuroFinding>,
    pub r7_back: Option<f64>,
    /// B9(a): the measures whose rise run has reached the required length: (measure,
    /// today's value, B0).
    pub pain_rise_run: Vec<(&'static str, u8, f64)>,
    /// B9(b): measures at least R7+3 on this date and the calendar date before.
    pub pain_jump: Vec<(&'static str, u8, f64)>,
    /// C1: measures below baseline on 7 check-ins in a row (from day 14 on).
    pub below_baseline_run: Vec<&'static str>,
    /// C2: the 7-day leg-pain mean, on the first check-in from day 42 that has one.
    pub leg_mean_at_six_weeks: Option<f64>,
    /// Function answers the baseline already gave.
    pub baseline_toe_cannot: bool,
    pub baseline_heel_cannot: bool,
    pub baseline_foot_drag: bool,
}

impl Day<'_> {
    pub fn new_or_worse(&self) -> impl Iterator<Item = &NeuroFinding> {
        self.new_findings.iter().chain(self.worse_findings.iter())
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// A measure read from an entry, by name.
type Measure = (&'static str, fn(&Entry) -> Option<f64>);

const PAINS: [Measure; 2] = [("back_pain", back), ("leg_pain", leg)];
const FUNCTION_MEASURES: [Measure; 3] = [
    ("walk_distance", walk_ft),
    ("walk_minutes", walk_min),
    ("stand_minutes", stand_min),
];

/// The check-ins by date for the look-backs (R7, runs, the six-week mean): an array by day
/// offset, so each look-up is an index rather than a search of the map (the search was most
/// of the evaluation's time). A diary spread over more than a century falls back to the map.
struct ByDay<'a> {
    first: NaiveDate,
    dense: Vec<Option<&'a Entry>>,
    diary: &'a Diary,
}

impl<'a> ByDay<'a> {
    const MAX_SPAN: i64 = 36_600;

    fn new(diary: &'a Diary) -> Self {
        let first = diary.checkins.keys().next().copied().unwrap_or_default();
        let span = diary
            .checkins
            .keys()
            .next_back()
            .map_or(0, |last| (*last - first).num_days());
        let mut dense = Vec::new();
        if span <= Self::MAX_SPAN {
            dense = vec![None; span as usize + 1];
            for (date, entry) in &diary.checkins {
                dense[(*date - first).num_days() as usize] = Some(entry);
            }
        }
        ByDay {
            first,
            dense,
            diary,
        }
    }

    /// Days from the first check-in to `date`: the index of the look-ups.
    fn offset(&self, date: NaiveDate) -> i64 {
        (date - self.first).num_days()
    }

    /// The check-in `offset` days after the first one.
    fn at(&self, offset: i64) -> Option<&'a Entry> {
        if self.dense.is_empty() {
            let date = self
                .first
                .checked_add_signed(chrono::TimeDelta::try_days(offset)?)?;
            return self.diary.checkins.get(&date);
        }
        usize::try_from(offset)
            .ok()
            .and_then(|i| self.dense.get(i).copied().flatten())
    }
}

/// The days of a diary, ready for the rules, in date order.
pub struct Context<'a> {
    pub days: Vec<Day<'a>>,
}

impl<'a> Context<'a> {
    /// The days of `diary` on or after `from` (all without it), each with what the rules
    /// need to know of the days before it.
    pub fn new(diary: &'a Diary, settings: &'a ClinicSettings, from: Option<NaiveDate>) -> Self {
        let procedure = diary.profile.procedure_date;
        let day_of = |d: NaiveDate| procedure.map(|p| (d - p).num_days());
        let baseline_entries = diary.baseline_entries();
        let b0 = |f: fn(&Entry) -> Option<f64>| mean(baseline_entries.iter().filter_map(|e| f(e)));
        let baselines = Baselines {
            back: b0(back),
            leg: b0(leg),
            walk_ft: b0(walk_ft),
            walk_min: b0(walk_min),
            stand_min: b0(stand_min),
        };
        let baseline_says = |f: fn(&Entry) -> bool| baseline_entries.iter().any(|e| f(e));
        let baseline_toe_cannot =
            baseline_says(|e| e.function.and_then(|f| f.toe_stand) == Some(StandResult::Cannot));
        let baseline_heel_cannot =
            baseline_says(|e| e.function.and_then(|f| f.heel_stand) == Some(StandResult::Cannot));
        let baseline_foot_drag =
            baseline_says(|e| e.function.and_then(|f| f.foot_drag) == Some(true));

        // Reference severities start at the baseline's highest (never the saddle area).
        let mut reference: HashMap<Key, u8> = HashMap::new();
        for e in &baseline_entries {
            for f in e
                .neuro
                .iter()
                .flatten()
                .filter(|f| f.region != Region::Saddle)
            {
                let r = reference.entry(f.key()).or_insert(0);
                *r = (*r).max(f.severity.get());
            }
        }
        let mut seen: HashSet<Key> = reference.keys().copied().collect();

        let by_day = ByDay::new(diary);
        // Look-ups by day offset (see `ByDay`): the value `f` on a day, and R7 of a day.
        let value_on = |f: fn(&Entry) -> Option<f64>, at: i64| by_day.at(at).and_then(f);
        let r7 = |f: fn(&Entry) -> Option<f64>, at: i64| {
            let values: Vec<f64> = (1..=7).filter_map(|k| value_on(f, at - k)).collect();
            if values.len() >= 4 {
                median(values)
            } else {
                None
            }
        };

        let mut rise_runs: BTreeMap<&str, VecDeque<NaiveDate>> = BTreeMap::new();
        let mut below_runs: [u32; 3] = [0; 3];
        let mut six_weeks_done = false;
        let mut days = Vec::with_capacity(diary.checkins.len());

        for (&date, entry) in &diary.checkins {
            let day = day_of(date);
            let at = by_day.offset(date);
            // v1.1: day -31 or earlier is neither baseline nor recovery.
            let recovery = diary.is_recovery(date);

            // New and worse findings, dates in order (recovery check-ins only).
            let (mut new_findings, mut worse_findings) = (Vec::new(), Vec::new());
            for f in entry.neuro.iter().flatten() {
                let key = f.key();
                let sev = f.severity.get();
                if !recovery {
                    seen.insert(key);
                    continue;
                }
                match reference.get(&key) {
                    None if !seen.contains(&key) || f.region == Region::Saddle => {
                        new_findings.push(*f);
                        reference.insert(key, sev);
                    }
                    None => {
                        // Seen only in a baseline-period check-in as a saddle finding, or
                        // never flagged: the first recovery sighting sets the reference.
                        reference.insert(key, sev);
                    }
                    Some(&r) if sev >= r + 2 => {
                        worse_findings.push(*f);
                        reference.insert(key, sev);
                    }
                    Some(_) => {}
                }
                seen.insert(key);
            }

            // B9(a): a rise over B0 on `pain_rise_days` check-ins in a row among the day-3-or-
            // later check-ins that have the value (a date without it is skipped, not a
            // break), the first no more than 6 calendar dates before the last (v1.1).
            let mut pain_rise_run = Vec::new();
            for (name, f) in PAINS {
                let b0 = if name == "back_pain" {
                    baselines.back
                } else {
                    baselines.leg
                };
                let (Some(v), Some(b0), Some(n)) = (f(entry), b0, day) else {
                    continue; // no value: skipped
                };
                if n < 3 || !recovery || b0 >= 8.0 {
                    continue;
                }
                let run = rise_runs.entry(name).or_default();
                let holds = v >= b0 + f64::from(settings.pain_rise_points)
                    && v >= settings.pain_rise_ratio * b0;
                if !holds {
                    run.clear();
                    continue;
                }
                run.push_back(date);
                let needed = usize::from(settings.pain_rise_days.max(1));
                while run.len() > needed {
                    run.pop_front();
                }
                let within_window = run
                    .front()
                    .is_some_and(|first| (date - *first).num_days() <= 6);
                if run.len() == needed && within_window {
                    pain_rise_run.push((name, v as u8, b0));
                }
            }

            // C1: below baseline on 7 check-ins in a row that have the value, from day 14.
            let mut below_baseline_run = Vec::new();
            if recovery && day.is_some_and(|n| n >= 14) {
                let bases = [baselines.walk_ft, baselines.walk_min, baselines.stand_min];
                for (i, (name, f)) in FUNCTION_MEASURES.iter().enumerate() {
                    match (f(entry), bases[i]) {
                        (Some(v), Some(b)) if v < b => {
                            below_runs[i] += 1;
                            // The 7th and each later check-in of the run: a date without
                            // the value is not one of them.
                            if below_runs[i] >= 7 {
                                below_baseline_run.push(*name);
                            }
                        }
                        (Some(_), _) => below_runs[i] = 0,
                        (None, _) => {} // skipped, not a break
                    }
                }
            }

            // C2: once, on the first check-in from day 42 whose 7-date window has a leg-pain
            // value (v1.1: a window without one does not use it up).
            let mut leg_mean_at_six_weeks = None;
            if recovery && !six_weeks_done && day.is_some_and(|n| n >= 42) {
                leg_mean_at_six_weeks = mean((0..=6).filter_map(|k| value_on(leg, at - k)));
                six_weeks_done = leg_mean_at_six_weeks.is_some();
            }

            // Before `from`: only the running state above was needed.
            if from.is_some_and(|from| date < from) {
                continue;
            }

            // B9(b): at least R7+3 on two consecutive dates, R7 taken for the first.
            let mut pain_jump = Vec::new();
            for (name, f) in PAINS {
                if let (Some(today), Some(yesterday), Some(r)) =
                    (f(entry), value_on(f, at - 1), r7(f, at - 1))
                {
                    if today >= r + 3.0 && yesterday >= r + 3.0 {
                        pain_jump.push((name, today as u8, r));
                    }
                }
            }

            days.push(Day {
                date,
                entry,
                yes: EMERGENCY
                    .iter()
                    .chain(OTHER_SYMPTOMS.iter())
                    .filter(|q| (q.get)(entry) == Some(true))
                    .map(|q| q.key)
                    .collect(),
                day,
                recovery,
                settings,
                baselines,
                new_findings,
                worse_findings,
                r7_back: r7(back, at),
                pain_rise_run,
                pain_jump,
                below_baseline_run,
                leg_mean_at_six_weeks,
                baseline_toe_cannot,
                baseline_heel_cannot,
                baseline_foot_drag,
            });
        }
        Context { days }
    }
}
