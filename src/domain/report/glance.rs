//! The follow-up report's "at a glance" block as data: a pure function of the diary, its
//! flag episodes and today's date (`words.rs` says it in the reader's language).

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::calendar::day_number;
use crate::domain::measures::Measure;
use crate::domain::model::{AckAction, Diary};
use crate::domain::questionnaire::{change, kept, responses, Scoring, Text};
use crate::domain::rules::{Episode, Fact, Tier};
use crate::domain::trends::compare;

/// How long since the procedure, in the unit a clinician would say it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Since {
    NoProcedureDate,
    /// Days until the procedure (at least 1).
    Before(i64),
    DayZero,
    /// Day 1 to 6.
    Days(i64),
    /// From day 7, under 3 calendar months: completed weeks.
    Weeks(i64),
    /// From 3 calendar months: completed months, under 2 years.
    Months(i64),
    /// Completed years, from 2 years.
    Years(i64),
}

/// Which way a change goes, for the reader: pain going down is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Better,
    Worse,
}

/// One measure before the procedure against the latest 7 days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeasureChange {
    pub measure: Measure,
    pub before: Option<f64>,
    pub now: Option<f64>,
    pub change: Option<f64>,
    /// The change as a share of the baseline, only where that tells something: the baseline
    /// is above 0 and the value at most doubled (a walk of 25 ft that became 259 ft is better
    /// said in feet than as +936%).
    pub percent: Option<f64>,
    /// Pain: the change passes the minimal important difference (2 points or 30%).
    pub important: Option<Direction>,
}

/// One time a warning sign fired (one episode) and what the patient did about it.
#[derive(Clone, Debug, PartialEq)]
pub struct SignEpisode {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub did: Option<(AckAction, Option<String>)>,
}

/// A warning sign (one rule) with its latest episodes.
#[derive(Clone, Debug, PartialEq)]
pub struct SignLine {
    pub rule: &'static str,
    /// The latest [`EPISODES_SHOWN`] episodes, oldest first.
    pub episodes: Vec<SignEpisode>,
    /// How many earlier episodes the details list (and the glance only counts).
    pub earlier: usize,
}

/// The warning signs of one tier, by the date each first fired.
#[derive(Clone, Debug, PartialEq)]
pub struct TierSigns {
    pub tier: Tier,
    pub signs: Vec<SignLine>,
}

/// A day with a fall or a leg giving way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fall {
    pub date: NaiveDate,
    pub fall: bool,
    pub gave_way: bool,
}

/// A clinic questionnaire's score on one date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoreAt {
    pub date: NaiveDate,
    pub score: Option<f64>,
}

/// A clinic questionnaire the patient answered: the reference score (the first before the
/// procedure, or the first) against the latest.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    pub title: Text,
    pub percent: bool,
    pub first: Option<ScoreAt>,
    pub latest: ScoreAt,
    /// Past the clinic's minimal important change, when it gives one.
    pub important: Option<Direction>,
}

/// The patient's questions of one C5 episode (consecutive dates), for the clinician.
#[derive(Clone, Debug, PartialEq)]
pub struct Questions {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub asks: Vec<(NaiveDate, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Glance {
    pub today: NaiveDate,
    pub procedure: Option<NaiveDate>,
    pub since: Since,
    pub checkins: usize,
    /// The first and the last check-in.
    pub span: Option<(NaiveDate, NaiveDate)>,
    /// The "latest 7 days" the measures are taken over (ending at the last check-in).
    pub window: Option<(NaiveDate, NaiveDate)>,
    pub back: MeasureChange,
    pub leg: MeasureChange,
    pub walk_distance: MeasureChange,
    pub walk_minutes: MeasureChange,
    pub standing: MeasureChange,
    /// Emergency, then call, then follow-up; a tier without a sign is left out. The
    /// patient's questions (C5) are in `questions`, not here.
    pub signs: Vec<TierSigns>,
    pub falls: Vec<Fall>,
    pub questionnaires: Vec<Scores>,
    /// Newest first.
    pub questions: Vec<Questions>,
}

/// Episodes of one warning sign the glance shows; the rest are counted.
pub const EPISODES_SHOWN: usize = 3;

/// The questions' episodes the glance shows; earlier ones follow in the details.
pub const QUESTIONS_SHOWN: usize = 3;

pub fn since(procedure: Option<NaiveDate>, today: NaiveDate) -> Since {
    let Some(p) = procedure else {
        return Since::NoProcedureDate;
    };
    match (today - p).num_days() {
        n if n < 0 => Since::Before(-n),
        0 => Since::DayZero,
        n @ 1..=6 => Since::Days(n),
        n => match completed_months(p, today) {
            0..=2 => Since::Weeks(n / 7),
            m @ 3..=23 => Since::Months(m),
            m => Since::Years(m / 12),
        },
    }
}

/// Whole calendar months from `from` to `to` (`from` ≤ `to`): Jan 31 + 1 month is Feb 28.
fn completed_months(from: NaiveDate, to: NaiveDate) -> i64 {
    let guess = (i64::from(to.year()) - i64::from(from.year())) * 12 + i64::from(to.month0())
        - i64::from(from.month0());
    let reached = |m: i64| {
        u32::try_from(m)
            .ok()
            .and_then(|m| from.checked_add_months(Months::new(m)))
            .is_some_and(|d| d <= to)
    };
    (guess - 1..=guess).rev().find(|m| reached(*m)).unwrap_or(0)
}

/// The change of one measure, with a percent only where it tells something.
pub fn measure_change(diary: &Diary, measure: Measure) -> MeasureChange {
    let c = compare(diary, measure);
    let percent = c
        .percent
        .filter(|p| c.baseline.is_some_and(|b| b > 0.0) && p.abs() <= 100.0);
    let important = (measure.is_pain() && c.meaningful)
        .then(|| {
            c.change.map(|d| {
                if d < 0.0 {
                    Direction::Better
                } else {
                    Direction::Worse
                }
            })
        })
        .flatten();
    MeasureChange {
        measure,
        before: c.baseline,
        now: c.latest,
        change: c.change,
        percent,
        important,
    }
}

fn sign_line(diary: &Diary, rule: &'static str, episodes: &[&Episode]) -> SignLine {
    let earlier = episodes.len().saturating_sub(EPISODES_SHOWN);
    SignLine {
        rule,
        episodes: episodes[earlier..]
            .iter()
            .map(|ep| SignEpisode {
                from: ep.from,
                to: ep.to,
                did: ep
                    .acknowledgement(diary)
                    .map(|a| (a.action, a.note.clone().filter(|n| !n.trim().is_empty()))),
            })
            .collect(),
        earlier,
    }
}

/// The warning signs by tier (the patient's questions left to `questions`).
pub fn signs(diary: &Diary, episodes: &[Episode]) -> Vec<TierSigns> {
    [Tier::Emergency, Tier::Call, Tier::Followup]
        .into_iter()
        .filter_map(|tier| {
            // Rules in the order they first fired; each with its episodes by date.
            let mut rules: Vec<(&'static str, Vec<&Episode>)> = Vec::new();
            // `episodes` are by date (as `rules::episodes` gives them).
            let of_tier = episodes.iter().filter(|e| e.tier == tier && e.rule != "C5");
            for ep in of_tier {
                match rules.iter_mut().find(|(r, _)| *r == ep.rule) {
                    Some((_, list)) => list.push(ep),
                    None => rules.push((ep.rule, vec![ep])),
                }
            }
            (!rules.is_empty()).then(|| TierSigns {
                tier,
                signs: rules
                    .iter()
                    .map(|(rule, list)| sign_line(diary, rule, list))
                    .collect(),
            })
        })
        .collect()
}

pub fn falls(diary: &Diary) -> Vec<Fall> {
    diary
        .checkins
        .iter()
        .filter_map(|(date, e)| {
            let f = e.function?;
            let (fall, gave_way) = (f.fall == Some(true), f.leg_gave_way == Some(true));
            (fall || gave_way).then_some(Fall {
                date: *date,
                fall,
                gave_way,
            })
        })
        .collect()
}

/// Each clinic questionnaire the patient answered (a copy that does not read is skipped).
pub fn questionnaire_scores(diary: &Diary) -> Vec<Scores> {
    kept(diary)
        .iter()
        .filter_map(|q| {
            let rows = responses(diary, q);
            let last = rows.last()?;
            let latest = ScoreAt {
                date: last.date,
                score: last.score,
            };
            let c = change(q, &rows);
            Some(Scores {
                title: q.title.clone(),
                percent: q.scoring == Some(Scoring::Percent),
                first: c.as_ref().map(|c| ScoreAt {
                    date: c.reference_date,
                    score: Some(c.reference),
                }),
                latest: match &c {
                    // The latest scored response (a later unscored one has no score to show).
                    Some(c) => ScoreAt {
                        date: rows
                            .iter()
                            .rev()
                            .find(|r| r.score.is_some())
                            .map_or(last.date, |r| r.date),
                        score: Some(c.latest),
                    },
                    None => latest,
                },
                important: c.and_then(|c| c.important).map(|better| {
                    if better {
                        Direction::Better
                    } else {
                        Direction::Worse
                    }
                }),
            })
        })
        .collect()
}

/// The patient's questions, by C5 episode, newest first.
pub fn questions(episodes: &[Episode]) -> Vec<Questions> {
    let mut out: Vec<Questions> = episodes
        .iter()
        .filter(|e| e.rule == "C5")
        .map(|e| Questions {
            from: e.from,
            to: e.to,
            asks: e
                .firings
                .iter()
                .flat_map(|f| {
                    f.evidence.iter().filter_map(move |fact| match fact {
                        Fact::Question(q) => Some((f.date, q.clone())),
                        _ => None,
                    })
                })
                .collect(),
        })
        .collect();
    // `episodes` are by date: newest first is the other way round.
    out.reverse();
    out
}

/// The glance of `diary` with its flag `episodes` (as `rules::episodes` gives them), on
/// `today`.
pub fn glance(diary: &Diary, episodes: &[Episode], today: NaiveDate) -> Glance {
    let first = diary.checkins.keys().next().copied();
    let last = diary.checkins.keys().next_back().copied();
    Glance {
        today,
        procedure: diary.profile.procedure_date,
        since: since(diary.profile.procedure_date, today),
        checkins: diary.checkins.len(),
        span: first.zip(last),
        window: last.map(|l| (l.checked_sub_days(chrono::Days::new(6)).unwrap_or(l), l)),
        back: measure_change(diary, Measure::BackPain),
        leg: measure_change(diary, Measure::LegPain),
        walk_distance: measure_change(diary, Measure::WalkDistance),
        walk_minutes: measure_change(diary, Measure::WalkMinutes),
        standing: measure_change(diary, Measure::StandMinutes),
        signs: signs(diary, episodes),
        falls: falls(diary),
        questionnaires: questionnaire_scores(diary),
        questions: questions(episodes),
    }
}

impl Glance {
    /// The day number of `date`, when there is a procedure date.
    pub fn day(&self, date: NaiveDate) -> Option<i64> {
        day_number(self.procedure, date)
    }
}
