//! The daily reminder as an iCalendar file (RFC 5545) for the patient's own calendar app:
//! the diary has no server and a browser cannot wake a closed page, so the calendar rings.
//!
//! One VEVENT, repeated daily (RRULE), with an alarm at the event time (VALARM). Its start is
//! a **floating local time** (`DTSTART:20261129T190000`, no TZID): the calendar rings at
//! 19:00 on the phone's clock every day, through daylight-saving changes and after a flight,
//! which is what a daily diary reminder means. A TZID would need a VTIMEZONE with the zone's
//! rules, which the browser does not expose (it knows the zone's name, not its rules) and
//! which would need a time-zone database in the app. RFC 5545 then requires UNTIL in local
//! time too. Nothing personal is in the file: the time, the words, and the diary's address.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Timelike, Utc};
use serde::{Deserialize, Serialize};

use super::i18n::{fill, Texts};

/// For how long the calendar reminds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Span {
    /// Until day 42 after the procedure (the default; 6 weeks from today without a date).
    #[default]
    UntilDay42,
    TwoWeeks,
    SixWeeks,
    ThreeMonths,
    /// No end: until the patient deletes it in the calendar.
    UntilStopped,
}

impl Span {
    pub const ALL: [Span; 5] = [
        Span::UntilDay42,
        Span::TwoWeeks,
        Span::SixWeeks,
        Span::ThreeMonths,
        Span::UntilStopped,
    ];

    /// The last day that rings (inclusive), or `None` for no end.
    pub fn last_day(self, today: NaiveDate, procedure: Option<NaiveDate>) -> Option<NaiveDate> {
        let after = |days: u64| today.checked_add_days(Days::new(days));
        match self {
            Span::UntilDay42 => match procedure {
                Some(p) => p.checked_add_days(Days::new(42)).map(|d| d.max(today)),
                None => after(41),
            },
            Span::TwoWeeks => after(13),
            Span::SixWeeks => after(41),
            Span::ThreeMonths => today
                .checked_add_months(chrono::Months::new(3))
                .and_then(|d| d.checked_sub_days(Days::new(1))),
            Span::UntilStopped => None,
        }
    }

    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            Span::UntilDay42 => t.reminder_until_day_42,
            Span::TwoWeeks => t.reminder_two_weeks,
            Span::SixWeeks => t.reminder_six_weeks,
            Span::ThreeMonths => t.reminder_three_months,
            Span::UntilStopped => t.reminder_until_stopped,
        }
    }
}

/// The reminder as the patient set it, kept with their settings (not in the diary file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    /// Local time of day, stored as chrono writes it ("19:00:00").
    #[serde(deserialize_with = "time_of_day")]
    pub time: NaiveTime,
    pub span: Span,
    /// Stable for this diary: saving again replaces the same event in calendars that
    /// honour UID.
    pub uid: String,
    /// Raised on every new file, so calendars take the newer one.
    pub sequence: u32,
}

impl Reminder {
    pub const DEFAULT_TIME: (u32, u32) = (19, 0);
}

/// What the file is made of besides the reminder.
pub struct Calendar<'a> {
    pub reminder: &'a Reminder,
    /// The first day that rings.
    pub first_day: NaiveDate,
    pub last_day: Option<NaiveDate>,
    /// When the file was made (DTSTAMP, UTC).
    pub stamp: DateTime<Utc>,
    /// The diary's address, when it has one.
    pub url: Option<&'a str>,
}

/// TEXT value escaping (RFC 5545 3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets (never inside a UTF-8 character), CRLF-ended.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        // The first line holds 75 octets; each continuation holds 74 after its space.
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// `20261129T190000` (written by hand: chrono's formatter is a lot of wasm for this).
fn local(date: NaiveDate, time: NaiveTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        date.year(),
        date.month(),
        date.day(),
        time.hour(),
        time.minute(),
        time.second()
    )
}

/// "19:00", and back: the value of an `<input type="time">`.
pub fn hh_mm(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

pub fn parse_hh_mm(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.split_once(':')?;
    let m = m.get(..2).unwrap_or(m);
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Reads a stored reminder's time ("19:00:00", as chrono writes it) with `parse_hh_mm`:
/// chrono's own reader brings its whole format parser into the first open.
fn time_of_day<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
    let text = String::deserialize(d)?;
    parse_hh_mm(&text)
        .ok_or_else(|| serde::de::Error::custom(format!("“{text}” is not a time like 19:00")))
}

/// The iCalendar file, in the patient's language.
pub fn to_ics(c: &Calendar, t: &Texts) -> String {
    let r = c.reminder;
    let mut out = String::new();
    let mut put = |s: &str| line(&mut out, s);
    put("BEGIN:VCALENDAR");
    put("VERSION:2.0");
    put("PRODID:-//Recovery Diary//Daily reminder//EN");
    put("CALSCALE:GREGORIAN");
    put("METHOD:PUBLISH");
    put("BEGIN:VEVENT");
    put(&format!("UID:{}", text(&r.uid)));
    put(&format!("SEQUENCE:{}", r.sequence));
    let stamp = c.stamp.naive_utc();
    put(&format!("DTSTAMP:{}Z", local(stamp.date(), stamp.time())));
    put(&format!("DTSTART:{}", local(c.first_day, r.time)));
    put("DURATION:PT15M");
    put("TRANSP:TRANSPARENT");
    put(&match c.last_day {
        Some(last) => format!("RRULE:FREQ=DAILY;UNTIL={}", local(last, r.time)),
        None => "RRULE:FREQ=DAILY".to_string(),
    });
    put(&format!("SUMMARY:{}", text(t.reminder_summary)));
    put(&format!("DESCRIPTION:{}", text(t.reminder_description)));
    if let Some(url) = c.url {
        put(&format!("URL:{}", url));
    }
    put("BEGIN:VALARM");
    put("ACTION:DISPLAY");
    put(&format!("DESCRIPTION:{}", text(t.reminder_summary)));
    put("TRIGGER:PT0S");
    put("END:VALARM");
    put("END:VEVENT");
    put("END:VCALENDAR");
    out
}

/// What the calendar will do, in plain words ("Every day at 19:00, until 14 December 2026.").
pub fn plain_words(t: &Texts, time: &str, last: Option<&str>) -> String {
    match last {
        Some(last) => fill(t.reminder_will_until, &[("time", time), ("last", last)]),
        None => fill(t.reminder_will_forever, &[("time", time)]),
    }
}

/// Whether home should nudge: a reminder is set, it is past its time, and today's check-in
/// is not done.
pub fn nudge(reminder: Option<&Reminder>, now: NaiveTime, done_today: bool) -> bool {
    reminder.is_some_and(|r| !done_today && now >= r.time)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::Lang;

    #[test]
    fn a_stored_reminder_reads_back_as_chrono_wrote_it() {
        let reminder = Reminder {
            time: NaiveTime::from_hms_opt(7, 5, 0).unwrap(),
            span: Span::SixWeeks,
            uid: "u".into(),
            sequence: 2,
        };
        let text = serde_json::to_string(&reminder).unwrap();
        assert!(text.contains("\"07:05:00\""), "{text}");
        assert_eq!(serde_json::from_str::<Reminder>(&text).unwrap(), reminder);
        let bad = text.replace("07:05:00", "7 o'clock");
        assert!(serde_json::from_str::<Reminder>(&bad).is_err());
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn reminder() -> Reminder {
        Reminder {
            time: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            span: Span::UntilDay42,
            uid: "rd-0123456789abcdef@recovery-diary".into(),
            sequence: 2,
        }
    }

    #[test]
    fn the_file_is_rfc_5545_with_crlf_folding_a_daily_rule_and_an_alarm() {
        let r = reminder();
        let stamp = DateTime::parse_from_rfc3339("2026-11-29T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let ics = to_ics(
            &Calendar {
                reminder: &r,
                first_day: day(2026, 11, 29),
                last_day: Some(day(2026, 12, 14)),
                stamp,
                url: Some("https://clinic.example/diary/index.html?clinic-name=Example%20Spine%20Clinic&namespace=example-clinic"),
            },
            Lang::Es.texts(),
        );
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "every line ends CRLF"
        );
        for l in ics.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        for needed in [
            "UID:rd-0123456789abcdef@recovery-diary",
            "SEQUENCE:2",
            "DTSTAMP:20261129T100000Z",
            "DTSTART:20261129T190000",
            "RRULE:FREQ=DAILY;UNTIL=20261214T190000",
            "BEGIN:VALARM\r\nACTION:DISPLAY",
            "TRIGGER:PT0S",
            "URL:https://clinic.example/diary/index.html?clinic-name=Example%20Spine%20Clinic&namespace=example-clinic",
        ] {
            assert!(unfolded.contains(needed), "{needed} in\n{unfolded}");
        }
        // Spanish words, escaped, and a fold never splits a character.
        assert!(
            unfolded.contains("SUMMARY:Diario de recuperación"),
            "{unfolded}"
        );
        assert!(std::str::from_utf8(ics.as_bytes()).is_ok());
    }

    #[test]
    fn times_of_an_input_read_and_write() {
        let t = NaiveTime::from_hms_opt(7, 5, 0).unwrap();
        assert_eq!(hh_mm(t), "07:05");
        assert_eq!(parse_hh_mm("07:05"), Some(t));
        assert_eq!(parse_hh_mm("07:05:30"), Some(t));
        assert_eq!(parse_hh_mm("25:00"), None);
        assert_eq!(parse_hh_mm("seven"), None);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }

    #[test]
    fn spans_end_where_the_patient_expects() {
        let today = day(2026, 11, 29);
        assert_eq!(
            Span::UntilDay42.last_day(today, Some(day(2026, 11, 20))),
            Some(day(2027, 1, 1))
        );
        // Past day 42 already: it still rings today.
        assert_eq!(
            Span::UntilDay42.last_day(today, Some(day(2026, 1, 1))),
            Some(today)
        );
        assert_eq!(
            Span::TwoWeeks.last_day(today, None),
            Some(day(2026, 12, 12))
        );
        assert_eq!(Span::SixWeeks.last_day(today, None), Some(day(2027, 1, 9)));
        assert_eq!(
            Span::ThreeMonths.last_day(today, None),
            Some(day(2027, 2, 27))
        );
        assert_eq!(Span::UntilStopped.last_day(today, None), None);
    }

    #[test]
    fn home_nudges_after_the_time_when_not_done() {
        let r = reminder();
        let at = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        assert!(!nudge(Some(&r), at(18), false));
        assert!(nudge(Some(&r), at(19), false));
        assert!(!nudge(Some(&r), at(20), true));
        assert!(!nudge(None, at(20), false));
    }
}
