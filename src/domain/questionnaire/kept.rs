//! Questionnaires in the diary: the copies the patient answered, their responses scored by
//! date, the change against the first response before the procedure, and submitting one.

use chrono::NaiveDate;
use serde_json::Value;

use super::{answers_of, parse, Answers, Questionnaire};
use crate::domain::calendar::day_number;
use crate::domain::model::Diary;

/// The local date a response counts for: the date part of `authored` (RFC 3339 with offset).
pub fn response_date(r: &Value) -> Option<NaiveDate> {
    let authored = r.get("authored")?.as_str()?;
    super::super::calendar::parse_iso_date(authored.get(..10)?)
}

/// The url of a canonical reference `url|version`.
fn canonical_url(canonical: &str) -> &str {
    canonical.split('|').next().unwrap_or(canonical)
}

/// The questionnaire copies kept in the diary that read (a copy that does not is skipped:
/// it stays in the file, untouched).
pub fn kept(diary: &Diary) -> Vec<Questionnaire> {
    diary
        .questionnaires
        .iter()
        .filter_map(|q| parse(q).ok())
        .collect()
}

/// One response, scored by the questionnaire it answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    pub date: NaiveDate,
    /// Days since the procedure.
    pub day: Option<i64>,
    pub score: Option<f64>,
    pub answers: Answers,
}

/// The responses to `q` (this url and version), oldest first.
pub fn responses(diary: &Diary, q: &Questionnaire) -> Vec<Scored> {
    let canonical = q.canonical();
    let mut out: Vec<Scored> = diary
        .questionnaire_responses
        .iter()
        .filter(|r| r.get("questionnaire").and_then(Value::as_str) == Some(canonical.as_str()))
        .filter_map(|r| {
            let date = response_date(r)?;
            let answers = answers_of(r);
            Some(Scored {
                date,
                day: day_number(diary.profile.procedure_date, date),
                score: q.score(&answers),
                answers,
            })
        })
        .collect();
    out.sort_by_key(|s| s.date);
    out
}

/// The dates the questionnaire at `url` was answered on, any version (a new version of a
/// questionnaire is not due again in a window already answered).
pub fn answered_dates(diary: &Diary, url: &str) -> Vec<NaiveDate> {
    diary
        .questionnaire_responses
        .iter()
        .filter(|r| {
            r.get("questionnaire")
                .and_then(Value::as_str)
                .is_some_and(|c| canonical_url(c) == url)
        })
        .filter_map(response_date)
        .collect()
}

/// The change of the score since the reference: the first response before the procedure,
/// or else the first one.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreChange {
    pub reference_date: NaiveDate,
    pub reference: f64,
    pub latest: f64,
    /// `latest - reference`.
    pub delta: f64,
    /// With a minimal important change: `Some(true)` better by at least it, `Some(false)`
    /// worse by at least it; `None` less than it, or no `mid`.
    pub important: Option<bool>,
}

pub fn change(q: &Questionnaire, rows: &[Scored]) -> Option<ScoreChange> {
    let scored: Vec<(&Scored, f64)> = rows
        .iter()
        .filter_map(|r| r.score.map(|s| (r, s)))
        .collect();
    if scored.len() < 2 {
        return None;
    }
    let (reference, first) = scored
        .iter()
        .find(|(r, _)| r.day.is_some_and(|d| d < 0))
        .copied()
        .unwrap_or(scored[0]);
    let (last, latest) = scored[scored.len() - 1];
    if last.date <= reference.date {
        return None;
    }
    let delta = latest - first;
    let important = q.mid.filter(|m| delta.abs() >= *m && *m > 0.0).map(|_| {
        if q.higher_is_better {
            delta > 0.0
        } else {
            delta < 0.0
        }
    });
    Some(ScoreChange {
        reference_date: reference.date,
        reference: first,
        latest,
        delta,
        important,
    })
}

/// Submitting a questionnaire: its copy is kept (once per url + version) and the response
/// replaces one to the same questionnaire on the same local date.
pub fn record(diary: &mut Diary, questionnaire: &Value, response: &Value) {
    let key = |q: &Value| {
        (
            q.get("url").and_then(Value::as_str).map(str::to_string),
            q.get("version").and_then(Value::as_str).map(str::to_string),
        )
    };
    if !diary
        .questionnaires
        .iter()
        .any(|q| key(q) == key(questionnaire))
    {
        diary.questionnaires.push(questionnaire.clone());
    }
    let same = |r: &Value| {
        r.get("questionnaire") == response.get("questionnaire")
            && response_date(r) == response_date(response)
    };
    diary.questionnaire_responses.retain(|r| !same(r));
    diary.questionnaire_responses.push(response.clone());
}
