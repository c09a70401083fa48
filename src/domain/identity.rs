//! The patient's name and date of birth, which they may add to the printed report. They are
//! kept with the patient's settings on this phone only: never in the diary file, and in an
//! export only when the patient ticks "include my name" (the FHIR `Patient.name` and
//! `birthDate`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::parse_iso_date;

/// The longest name kept, in characters.
pub const NAME_MAX: usize = 100;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<NaiveDate>,
}

/// A name as typed, made safe to print and to export: every run of white space, control or
/// line-separator characters becomes one space, the ends are trimmed, and it is cut at
/// [`NAME_MAX`] characters. `None` when nothing is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let mut out = String::new();
    for word in raw.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let out: String = out.chars().take(NAME_MAX).collect();
    let out = out.trim_end().to_string();
    (!out.is_empty()).then_some(out)
}

/// Why a date of birth was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BirthDateError {
    /// Not a date (`YYYY-MM-DD`, as a date input gives it).
    NotADate,
    /// Before 1900 or after today.
    OutOfRange,
}

/// A date of birth from a date input: empty is none; otherwise from 1900-01-01 to `today`.
pub fn birth_date(raw: &str, today: NaiveDate) -> Result<Option<NaiveDate>, BirthDateError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let date = parse_iso_date(raw).ok_or(BirthDateError::NotADate)?;
    let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
    if date < earliest || date > today {
        return Err(BirthDateError::OutOfRange);
    }
    Ok(Some(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_and_bounded() {
        assert_eq!(
            clean_name("  Ana   María\tLópez \n"),
            Some("Ana María López".into())
        );
        assert_eq!(
            clean_name("Ana\u{2028}López\u{0}"),
            Some("Ana López".into())
        );
        assert_eq!(clean_name(" \u{2029}\t "), None);
        assert_eq!(clean_name(""), None);
        let long = "x".repeat(300);
        assert_eq!(clean_name(&long).map(|n| n.chars().count()), Some(NAME_MAX));
        // Text, never markup: it is kept as typed (the app shows it as text).
        assert_eq!(clean_name("<b>Jo</b>"), Some("<b>Jo</b>".into()));
    }

    #[test]
    fn dates_of_birth_from_1900_to_today() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 14).unwrap();
        assert_eq!(birth_date("", today), Ok(None));
        assert_eq!(
            birth_date("1948-03-02", today),
            Ok(NaiveDate::from_ymd_opt(1948, 3, 2))
        );
        assert_eq!(
            birth_date("1899-12-31", today),
            Err(BirthDateError::OutOfRange)
        );
        assert_eq!(
            birth_date("2026-12-15", today),
            Err(BirthDateError::OutOfRange)
        );
        assert_eq!(
            birth_date("0000-01-01", today),
            Err(BirthDateError::OutOfRange)
        );
        assert_eq!(
            birth_date("02/03/1948", today),
            Err(BirthDateError::NotADate)
        );
    }
}
