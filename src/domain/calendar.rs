//! Day numbers: day 0 is the procedure date, day N is N calendar days later (local dates).

use chrono::NaiveDate;

use super::i18n::{fill, Texts};

/// A date written `YYYY-MM-DD` (a date input's value, a configured procedure date, a stored
/// backup date). The same dates as chrono's `parse_from_str(s, "%Y-%m-%d")` (tested), without
/// chrono's format-string machinery, which the first open would otherwise download.
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let number = |p: &str, max_digits: usize| {
        (!p.is_empty() && p.len() <= max_digits && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let year = number(year, 4).filter(|_| year.len() == 4)?;
    NaiveDate::from_ymd_opt(year as i32, number(month, 2)?, number(day, 2)?)
}

/// The day number of `date`, or `None` without a procedure date.
pub fn day_number(procedure: Option<NaiveDate>, date: NaiveDate) -> Option<i64> {
    procedure.map(|p| (date - p).num_days())
}

/// The patient's words for where `today` stands relative to the procedure.
pub fn day_phrase(t: &Texts, procedure: Option<NaiveDate>, today: NaiveDate) -> Option<String> {
    let n = day_number(procedure, today)?;
    Some(match n {
        0 => t.day_zero.to_string(),
        1 => t.day_after_one.to_string(),
        n if n > 1 => fill(t.day_after, &[("n", &n.to_string())]),
        -1 => t.day_until_one.to_string(),
        n => fill(t.day_until, &[("n", &(-n).to_string())]),
    })
}

/// Whether questions asked "daily to day 14" are asked on `date`. Without a procedure date
/// there is no day number, so they are asked (the safer reading).
pub fn in_first_two_weeks(procedure: Option<NaiveDate>, date: NaiveDate) -> bool {
    day_number(procedure, date).is_none_or(|n| n <= 14)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::Lang;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn counts_calendar_days() {
        let p = Some(d(2026, 11, 2));
        assert_eq!(day_number(p, d(2026, 11, 2)), Some(0));
        assert_eq!(day_number(p, d(2026, 11, 16)), Some(14));
        assert_eq!(day_number(p, d(2026, 10, 31)), Some(-2));
        assert_eq!(day_number(None, d(2026, 10, 31)), None);
    }

    #[test]
    fn reads_iso_dates_and_nothing_else() {
        assert_eq!(parse_iso_date("2026-11-02"), Some(d(2026, 11, 2)));
        assert_eq!(parse_iso_date("2028-02-29"), Some(d(2028, 2, 29)));
        for bad in [
            "",
            "2026",
            "2026-11",
            "2026-13-01",
            "2027-02-29",
            "26-11-02",
            "2026/11/02",
            "2026-11-02x",
            "2026-11-0 2",
            " 2026-11-02",
            "2026-11-+2",
            "２０２６-11-02",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Whatever it reads, chrono's `%Y-%m-%d` reads as the same date; and every date
        /// chrono writes, it reads back.
        #[test]
        fn agrees_with_chrono(s in "[0-9+ -]{0,12}", days in 0i64..200_000) {
            if let Some(date) = parse_iso_date(&s) {
                proptest::prop_assert_eq!(NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok(), Some(date));
            }
            let date = d(1000, 1, 1) + chrono::Days::new(days as u64);
            proptest::prop_assert_eq!(parse_iso_date(&date.to_string()), Some(date));
        }
    }

    #[test]
    fn counts_across_a_daylight_saving_change() {
        // US clocks went back on 2026-11-01; calendar dates do not care.
        assert_eq!(day_number(Some(d(2026, 10, 31)), d(2026, 11, 2)), Some(2));
        // EU clocks go forward on 2027-03-28.
        assert_eq!(day_number(Some(d(2027, 3, 27)), d(2027, 3, 29)), Some(2));
    }

    #[test]
    fn phrases() {
        let p = Some(d(2026, 11, 2));
        assert_eq!(
            day_phrase(Lang::En.texts(), p, d(2026, 11, 7)).unwrap(),
            "Day 5 after your procedure"
        );
        assert_eq!(
            day_phrase(Lang::En.texts(), p, d(2026, 10, 30)).unwrap(),
            "3 days until your procedure"
        );
        assert_eq!(
            day_phrase(Lang::En.texts(), p, d(2026, 11, 1)).unwrap(),
            "1 day until your procedure"
        );
        assert!(day_phrase(Lang::En.texts(), p, d(2026, 11, 2))
            .unwrap()
            .contains("day 0"));
        assert_eq!(day_phrase(Lang::En.texts(), None, d(2026, 11, 2)), None);
    }

    #[test]
    fn first_two_weeks() {
        let p = Some(d(2026, 11, 2));
        assert!(in_first_two_weeks(p, d(2026, 11, 16)));
        assert!(!in_first_two_weeks(p, d(2026, 11, 17)));
        assert!(in_first_two_weeks(None, d(2030, 1, 1)));
    }
}
