//! When a questionnaire is due: windows around its due days since the procedure (the
//! clinic's configuration, else the file's `urn:recovery-diary:due-day`); with no due day, or
//! no procedure date, it is offered once, now.

use chrono::{Days, NaiveDate};

use super::Questionnaire;

/// Days before and after a due day during which the questionnaire is offered.
pub const DUE_BEFORE: u64 = 7;
pub const DUE_AFTER: u64 = 14;

impl Questionnaire {
    /// The due windows: (due day, first date offered, last date offered). Without a
    /// procedure date or a due day it is due once, now: `today` to `today`.
    pub fn windows(
        &self,
        procedure: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Vec<(Option<i64>, NaiveDate, NaiveDate)> {
        match procedure {
            Some(p) if !self.due_days.is_empty() => self
                .due_days
                .iter()
                .filter_map(|&d| {
                    let due = if d >= 0 {
                        p.checked_add_days(Days::new(d as u64))
                    } else {
                        p.checked_sub_days(Days::new(d.unsigned_abs()))
                    }?;
                    Some((
                        Some(d),
                        due.checked_sub_days(Days::new(DUE_BEFORE))?,
                        due.checked_add_days(Days::new(DUE_AFTER))?,
                    ))
                })
                .collect(),
            _ => vec![(None, today, today)],
        }
    }
}

/// When a questionnaire is due against the dates it was answered on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    /// Open now and not yet answered in its window: the due day (`None`: once, now).
    pub now: Option<Option<i64>>,
    /// Windows that ended without an answer (their due days).
    pub missed: Vec<i64>,
}

pub fn due(
    q: &Questionnaire,
    procedure: Option<NaiveDate>,
    today: NaiveDate,
    answered: &[NaiveDate],
) -> Due {
    let mut out = Due {
        now: None,
        missed: Vec::new(),
    };
    if procedure.is_none() || q.due_days.is_empty() {
        if answered.is_empty() {
            out.now = Some(None);
        }
        return out;
    }
    for (day, from, to) in q.windows(procedure, today) {
        let done = answered.iter().any(|d| (from..=to).contains(d));
        if done {
            continue;
        }
        if (from..=to).contains(&today) {
            out.now.get_or_insert(day);
        } else if to < today {
            out.missed.extend(day);
        }
    }
    out
}
