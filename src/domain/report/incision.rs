//! The incision log of days 0–14 as runs of days that read the same ("Days 0–6: bandage dry,
//! no fluid · Day 7: clear watery fluid"), for the report; the day-by-day table stays behind
//! a disclosure.

use chrono::NaiveDate;

use crate::domain::calendar::{day_number, in_first_two_weeks};
use crate::domain::model::{Bandage, Diary, Drainage, Incision, Redness};

/// What one day's incision answers say (missing answers stay missing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IncisionState {
    pub bandage: Option<Bandage>,
    pub drainage: Option<Drainage>,
    pub redness: Option<Redness>,
    pub foul_smell: bool,
    pub warm_or_swollen: bool,
    pub edges_open: bool,
    pub bruise_itch_lump: bool,
    pub bleeding_uncontrolled: bool,
}

impl From<Incision> for IncisionState {
    fn from(i: Incision) -> Self {
        let yes = |v: Option<bool>| v == Some(true);
        IncisionState {
            bandage: i.bandage,
            drainage: i.drainage,
            redness: i.redness,
            foul_smell: yes(i.foul_smell),
            warm_or_swollen: yes(i.warm_or_swollen),
            edges_open: yes(i.edges_open),
            bruise_itch_lump: yes(i.bruise_itch_lump),
            bleeding_uncontrolled: yes(i.bleeding_uncontrolled),
        }
    }
}

/// Consecutive calendar dates whose incision answers read the same. Incision pain may vary
/// within a run: its lowest and highest are kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IncisionRun {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub state: IncisionState,
    pub pain: Option<(u8, u8)>,
}

/// The runs of the incision answers from day 0 to day 14 (every date without a procedure
/// date), oldest first. A date without incision answers ends a run.
pub fn incision_runs(diary: &Diary) -> Vec<IncisionRun> {
    let procedure = diary.profile.procedure_date;
    let mut runs: Vec<IncisionRun> = Vec::new();
    let days = diary.checkins.iter().filter(|(d, _)| {
        day_number(procedure, **d).is_none_or(|n| n >= 0) && in_first_two_weeks(procedure, **d)
    });
    for (date, entry) in days {
        let Some(incision) = entry.incision else {
            continue;
        };
        let state = IncisionState::from(incision);
        let pain = entry.pain.and_then(|p| p.incision).map(|r| r.get());
        let follows = |run: &IncisionRun| run.state == state && run.to.succ_opt() == Some(*date);
        match runs.last_mut() {
            Some(run) if follows(run) => {
                run.to = *date;
                run.pain = match (run.pain, pain) {
                    (Some((lo, hi)), Some(p)) => Some((lo.min(p), hi.max(p))),
                    (a, b) => a.or(b.map(|p| (p, p))),
                };
            }
            _ => runs.push(IncisionRun {
                from: *date,
                to: *date,
                state,
                pain: pain.map(|p| (p, p)),
            }),
        }
    }
    runs
}
