//! What home keeps of a flag the patient answered "Something else" (rules.md v1.2, "Always,
//! whatever fired"): a short line through the day after the answer, so that a flag never
//! leaves the screen without a word. A tier-A flag is answered "Something else" only after
//! "Is it still happening?" was answered no; that answer is kept in the acknowledgement's
//! note (the file format has no field for it), and the line does not depend on the note.

use chrono::{Days, NaiveDate};

use super::{Episode, Tier};
use crate::domain::i18n::{fill, Locale};
use crate::domain::model::{AckAction, Acknowledgement, Diary};

/// A flag answered "Something else", still shown on home.
#[derive(Clone, Debug, PartialEq)]
pub struct AnsweredLine {
    pub rule: &'static str,
    pub tier: Tier,
    /// The date of the flag (the last date of its episode).
    pub date: NaiveDate,
    /// The last date the line is shown: the day after the answer (or after the flag, when
    /// it was answered before its own date).
    pub until: NaiveDate,
}

/// What the patient last recorded they did about `rule` on `date`, if anything.
pub fn latest_acknowledgement<'a>(
    diary: &'a Diary,
    rule: &str,
    date: NaiveDate,
) -> Option<&'a Acknowledgement> {
    diary
        .acknowledgements
        .iter()
        .rev()
        .find(|a| a.rule == rule && a.date == date)
}

/// The tier-A and tier-B episodes whose latest firing was answered "Something else" and
/// whose line is still due on `today`: every tier A before every tier B, the newest first
/// within a tier (as the banners).
pub fn answered_lines(diary: &Diary, episodes: &[Episode], today: NaiveDate) -> Vec<AnsweredLine> {
    let mut out: Vec<AnsweredLine> = episodes
        .iter()
        .filter(|e| matches!(e.tier, Tier::Emergency | Tier::Call))
        .filter_map(|e| {
            let ack = latest_acknowledgement(diary, e.rule, e.to)?;
            if ack.action != AckAction::Other {
                return None;
            }
            let until = ack
                .at
                .date_naive()
                .max(e.to)
                .checked_add_days(Days::new(1))?;
            (today <= until).then_some(AnsweredLine {
                rule: e.rule,
                tier: e.tier,
                date: e.to,
                until,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.tier
            .cmp(&b.tier)
            .then(b.date.cmp(&a.date))
            .then(a.rule.cmp(b.rule))
    });
    out
}

/// The line's words: tier A "If it comes back, call {number} now", tier B "Call the clinic
/// today if it goes on".
pub fn answered_line_words(l: &Locale, line: &AnsweredLine, emergency_number: &str) -> String {
    let t = l.t();
    let (what, date) = (super::what(t, line.rule), l.date(line.date));
    match line.tier {
        Tier::Emergency => fill(
            t.answered_line_emergency,
            &[
                ("what", what),
                ("date", &date),
                ("number", emergency_number),
            ],
        ),
        _ => fill(t.answered_line_call, &[("what", what), ("date", &date)]),
    }
}

/// The note kept with a tier-A flag answered "Something else" and "it has stopped": that
/// answer, then the patient's own words if they gave any.
pub fn stopped_note(l: &Locale, words: &str) -> String {
    fill(l.t().ack_stopped_note, &[("note", words.trim())])
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::Lang;
    use crate::domain::model::{Entry, Profile, Symptoms};
    use crate::domain::rules::{episodes, evaluate, ClinicSettings};
    use chrono::DateTime;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn at(day: u32, hour: u32) -> DateTime<chrono::FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2026-11-{day:02}T{hour:02}:30:00-05:00")).unwrap()
    }

    /// A1 on the 3rd (tier A), B10 on the 5th (tier B), procedure on the 2nd.
    fn diary() -> Diary {
        let mut diary = Diary::new(Profile {
            procedure_date: Some(d(2)),
            ..Profile::default()
        });
        let with = |f: fn(&mut Symptoms)| {
            let mut s = Symptoms::default();
            f(&mut s);
            Entry {
                symptoms: Some(s),
                ..Entry::default()
            }
        };
        diary.put_checkin(d(3), with(|s| s.saddle_numbness = Some(true)));
        diary.put_checkin(d(5), with(|s| s.calf_pain_swelling = Some(true)));
        diary
    }

    fn ack(
        diary: &mut Diary,
        rule: &str,
        date: NaiveDate,
        when: DateTime<chrono::FixedOffset>,
        action: AckAction,
    ) {
        diary.acknowledgements.push(Acknowledgement {
            rule: rule.into(),
            date,
            at: when,
            action,
            note: Some("I waited, it got better".into()),
        });
    }

    fn lines(diary: &Diary, today: NaiveDate) -> Vec<(&'static str, NaiveDate, NaiveDate)> {
        let eps = episodes(&evaluate(diary, &ClinicSettings::default()));
        answered_lines(diary, &eps, today)
            .into_iter()
            .map(|l| (l.rule, l.date, l.until))
            .collect()
    }

    #[test]
    fn something_else_keeps_a_line_through_the_day_after_the_answer() {
        let mut diary = diary();
        // Nothing answered: the banners show the flags; no line.
        assert!(lines(&diary, d(5)).is_empty());
        ack(&mut diary, "A1", d(3), at(4, 21), AckAction::Other);
        assert_eq!(lines(&diary, d(4)), vec![("A1", d(3), d(5))]);
        assert_eq!(lines(&diary, d(5)), vec![("A1", d(3), d(5))]);
        assert!(lines(&diary, d(6)).is_empty());
        // Tier B too, after tier A, whatever their dates.
        ack(&mut diary, "B10", d(5), at(5, 9), AckAction::Other);
        assert_eq!(
            lines(&diary, d(5)),
            vec![("A1", d(3), d(5)), ("B10", d(5), d(6))]
        );
    }

    #[test]
    fn an_answer_recorded_before_the_flags_date_counts_from_the_flag() {
        let mut diary = diary();
        // A check-in filled in ahead for the 5th, answered on the 4th (the clock says so).
        ack(&mut diary, "B10", d(5), at(4, 9), AckAction::Other);
        assert_eq!(lines(&diary, d(6)), vec![("B10", d(5), d(6))]);
    }

    #[test]
    fn other_answers_and_tier_c_keep_no_line() {
        let mut diary = diary();
        ack(&mut diary, "A1", d(3), at(3, 9), AckAction::WentToEmergency);
        ack(&mut diary, "B10", d(5), at(5, 9), AckAction::CalledClinic);
        assert!(lines(&diary, d(5)).is_empty());
        // The latest answer counts: "Something else" after a call keeps the line.
        ack(&mut diary, "B10", d(5), at(5, 10), AckAction::Other);
        assert_eq!(lines(&diary, d(5)), vec![("B10", d(5), d(6))]);
        // A question for the visit (C5) answered "Something else": tier C, no line.
        diary.checkins.get_mut(&d(5)).unwrap().ask_at_visit = Some("Golf?".into());
        ack(&mut diary, "C5", d(5), at(5, 11), AckAction::Other);
        assert_eq!(lines(&diary, d(5)), vec![("B10", d(5), d(6))]);
    }

    #[test]
    fn the_line_fires_again_as_a_banner_when_the_flag_does() {
        let mut diary = diary();
        ack(&mut diary, "A1", d(3), at(3, 12), AckAction::Other);
        assert_eq!(lines(&diary, d(4)).len(), 1);
        // The sign is back the next day: a new firing, not answered; no line for it (the
        // banner shows it), and the answer stays with the day it was given for.
        let mut again = diary.checkins[&d(3)].clone();
        again.date = None;
        diary.put_checkin(d(4), again);
        assert!(lines(&diary, d(4)).is_empty());
        assert!(latest_acknowledgement(&diary, "A1", d(4)).is_none());
    }

    #[test]
    fn words_in_both_languages() {
        let line = AnsweredLine {
            rule: "A1",
            tier: Tier::Emergency,
            date: d(3),
            until: d(5),
        };
        let en = Locale::new(Lang::En, "en-US");
        let es = Locale::new(Lang::Es, "es-US");
        let w = answered_line_words(&en, &line, "112");
        assert!(
            w.starts_with("You reported new numbness in the saddle area"),
            "{w}"
        );
        assert!(w.contains("on November 3, 2026"), "{w}");
        assert!(w.ends_with("If it comes back, call 112 now."), "{w}");
        let w = answered_line_words(&es, &line, "911");
        assert!(w.contains("el 3 de noviembre de 2026"), "{w}");
        assert!(w.ends_with("Si vuelve, llame al 911 ahora."), "{w}");
        let b = AnsweredLine {
            rule: "B10",
            tier: Tier::Call,
            ..line
        };
        assert!(
            answered_line_words(&en, &b, "911").ends_with("Call the clinic today if it goes on.")
        );
        assert!(
            answered_line_words(&es, &b, "911").ends_with("Llame hoy a la clínica si continúa.")
        );
        assert_eq!(stopped_note(&en, "  I waited "), "It has stopped. I waited");
        assert_eq!(stopped_note(&en, ""), "It has stopped.");
        assert_eq!(stopped_note(&es, ""), "Ya se me pasó.");
    }
}
