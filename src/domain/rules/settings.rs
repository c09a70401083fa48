//! Clinic settings that touch the rules ("Clinic settings that touch rules" in rules.md),
//! validated to the table's allowed ranges. An invalid value is refused with a message and
//! the default stays. Tier-A rules have no switch at all.

use serde::{Deserialize, Serialize};

use crate::domain::emergency::is_emergency_number;
use crate::domain::i18n::{clip, fill, quote_value};
use crate::domain::number::write_decimal;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClinicSettings {
    pub emergency_number: String,
    pub clinic_phone: Option<String>,
    pub after_hours_phone: Option<String>,
    /// In °C; compared in the unit a temperature was entered in (converted, one decimal).
    pub fever_threshold_c: f64,
    /// B9(a): pain at least B0 + points and at least ratio × B0 ...
    pub pain_rise_points: u8,
    pub pain_rise_ratio: f64,
    /// ... on this many consecutive calendar dates.
    pub pain_rise_days: u8,
}

impl Default for ClinicSettings {
    fn default() -> Self {
        ClinicSettings {
            emergency_number: "911".into(),
            clinic_phone: None,
            after_hours_phone: None,
            fever_threshold_c: 38.0,
            pain_rise_points: 2,
            pain_rise_ratio: 1.3,
            pain_rise_days: 3,
        }
    }
}

/// A setting that was refused, and why (in words a clinic or patient understands).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError {
    pub setting: &'static str,
    /// The refused value as given (its first characters when long: `i18n::clip`).
    pub value: String,
    /// In English, for integrators (the console); the app words the patient's own fields.
    pub message: String,
}

/// Raw values as a clinic or patient gave them; `None` keeps the default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawSettings {
    pub emergency_number: Option<String>,
    pub clinic_phone: Option<String>,
    pub after_hours_phone: Option<String>,
    pub fever_threshold_c: Option<f64>,
    pub pain_rise_points: Option<f64>,
    pub pain_rise_ratio: Option<f64>,
    pub pain_rise_days: Option<f64>,
}

fn is_dial_string(s: &str, max: usize) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    !s.is_empty()
        && s.len() <= max
        && digits >= 2
        && s.chars()
            .all(|c| c.is_ascii_digit() || " +-().#*".contains(c))
}

/// Whether `s` is a phone number the diary can dial (digits, spaces, + - ( ) # *): the
/// test the clinic's and the patient's numbers pass, also for a number added in place.
pub fn is_phone_number(s: &str) -> bool {
    is_dial_string(s.trim(), 30)
}

/// The `tel:` link of a number: its digits and a leading `+` only.
pub fn tel_link(number: &str) -> String {
    let dial: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{dial}")
}

impl ClinicSettings {
    /// Applies every valid value of `raw` over the defaults; returns what was refused.
    pub fn from_raw(raw: &RawSettings) -> (ClinicSettings, Vec<SettingError>) {
        let mut s = ClinicSettings::default();
        let mut errors = Vec::new();
        let mut refuse = |setting: &'static str, value: String, message: String| {
            errors.push(SettingError {
                setting,
                value,
                message,
            })
        };
        if let Some(v) = raw.emergency_number.as_deref().map(str::trim) {
            if is_emergency_number(v) {
                s.emergency_number = v.to_string();
            } else {
                refuse("emergency number", clip(v), format!("{} is not an emergency number the diary knows (such as 911, 112, 999 or 000); using {}.", quote_value(v), s.emergency_number));
            }
        }
        for (setting, value, slot) in [
            ("clinic phone", &raw.clinic_phone, &mut s.clinic_phone),
            (
                "after-hours phone",
                &raw.after_hours_phone,
                &mut s.after_hours_phone,
            ),
        ] {
            match value.as_deref().map(str::trim) {
                None | Some("") => {}
                Some(v) if is_phone_number(v) => *slot = Some(v.to_string()),
                Some(v) => refuse(
                    setting,
                    clip(v),
                    format!(
                        "{} is not a phone number (digits, spaces, + - ( ) only); it is not used.",
                        quote_value(v)
                    ),
                ),
            }
        }
        // A refused number is named in the message as the clinic wrote it ("{v}").
        let mut refuse_number = |setting: &'static str, v: f64, template: &str| {
            let value = write_decimal(v);
            let message = fill(template, &[("v", &value)]);
            refuse(setting, value, message)
        };
        if let Some(v) = raw.fever_threshold_c {
            // v1.1: only stricter than or equal to the default (a higher threshold would
            // loosen A9, a tier-A rule).
            if (37.5..=38.0).contains(&v) {
                s.fever_threshold_c = (v * 10.0).round() / 10.0;
            } else {
                refuse_number("fever threshold", v, "{v} °C is outside the allowed 37.5–38.0 °C (the default 38.0 °C or stricter); using 38.0 °C.");
            }
        }
        if let Some(v) = raw.pain_rise_points {
            if v.fract() == 0.0 && (1.0..=2.0).contains(&v) {
                s.pain_rise_points = v as u8;
            } else {
                refuse_number(
                    "pain rise points",
                    v,
                    "{v} is outside the allowed 1–2 points (the default 2 or stricter); using 2.",
                );
            }
        }
        if let Some(v) = raw.pain_rise_ratio {
            if (1.1..=1.3).contains(&v) {
                s.pain_rise_ratio = v;
            } else {
                refuse_number(
                    "pain rise ratio",
                    v,
                    "{v} is outside the allowed 1.1–1.3 (the default 1.3 or stricter); using 1.3.",
                );
            }
        }
        if let Some(v) = raw.pain_rise_days {
            if v.fract() == 0.0 && (1.0..=3.0).contains(&v) {
                s.pain_rise_days = v as u8;
            } else {
                refuse_number(
                    "pain rise days",
                    v,
                    "{v} is outside the allowed 1–3 days (the default 3 or stricter); using 3.",
                );
            }
        }
        (s, errors)
    }

    /// The fever threshold in `unit`, rounded to one decimal (38.0 °C = 100.4 °F).
    pub fn fever_threshold(&self, unit: crate::domain::model::TemperatureUnit) -> f64 {
        let v = match unit {
            crate::domain::model::TemperatureUnit::Celsius => self.fever_threshold_c,
            crate::domain::model::TemperatureUnit::Fahrenheit => {
                self.fever_threshold_c * 9.0 / 5.0 + 32.0
            }
        };
        (v * 10.0).round() / 10.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::TemperatureUnit;

    #[test]
    fn defaults_follow_the_table() {
        let s = ClinicSettings::default();
        assert_eq!(s.emergency_number, "911");
        assert_eq!(s.fever_threshold(TemperatureUnit::Celsius), 38.0);
        assert_eq!(s.fever_threshold(TemperatureUnit::Fahrenheit), 100.4);
        assert_eq!(
            (s.pain_rise_points, s.pain_rise_ratio, s.pain_rise_days),
            (2, 1.3, 3)
        );
    }

    #[test]
    fn phone_numbers_added_in_place() {
        assert!(is_phone_number(" 555-0100 "));
        assert!(is_phone_number("+1 (555) 010-2000"));
        assert!(!is_phone_number("call me"));
        assert!(!is_phone_number("5"));
        assert!(!is_phone_number(""));
        assert_eq!(tel_link("+1 (555) 010-2000"), "tel:+15550102000");
        assert_eq!(tel_link("911"), "tel:911");
    }

    #[test]
    fn valid_values_are_taken() {
        let (s, errors) = ClinicSettings::from_raw(&RawSettings {
            emergency_number: Some("112".into()),
            clinic_phone: Some("+1 (555) 010-2000".into()),
            fever_threshold_c: Some(37.8),
            pain_rise_points: Some(1.0),
            pain_rise_ratio: Some(1.1),
            pain_rise_days: Some(2.0),
            ..RawSettings::default()
        });
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(s.emergency_number, "112");
        assert_eq!(s.clinic_phone.as_deref(), Some("+1 (555) 010-2000"));
        assert_eq!(s.fever_threshold(TemperatureUnit::Fahrenheit), 100.0);
        assert_eq!((s.pain_rise_points, s.pain_rise_days), (1, 2));
    }

    #[test]
    fn the_fever_threshold_can_only_be_stricter_v1_1() {
        for (v, ok) in [
            (37.4, false),
            (37.5, true),
            (38.0, true),
            (38.1, false),
            (38.5, false),
        ] {
            let (s, errors) = ClinicSettings::from_raw(&RawSettings {
                fever_threshold_c: Some(v),
                ..RawSettings::default()
            });
            assert_eq!(errors.is_empty(), ok, "{v}: {errors:?}");
            if ok {
                assert_eq!(s.fever_threshold_c, v);
            } else {
                assert_eq!(s.fever_threshold_c, 38.0);
                assert!(errors[0].message.contains("37.5–38.0 °C"), "{errors:?}");
            }
        }
        for (raw, range) in [
            (
                RawSettings {
                    pain_rise_points: Some(3.0),
                    ..RawSettings::default()
                },
                "1–2",
            ),
            (
                RawSettings {
                    pain_rise_ratio: Some(1.35),
                    ..RawSettings::default()
                },
                "1.1–1.3",
            ),
            (
                RawSettings {
                    pain_rise_days: Some(4.0),
                    ..RawSettings::default()
                },
                "1–3",
            ),
        ] {
            let (s, errors) = ClinicSettings::from_raw(&raw);
            assert_eq!(s, ClinicSettings::default());
            assert!(errors[0].message.contains(range), "{errors:?}");
        }
    }

    #[test]
    fn an_emergency_number_must_be_one_the_diary_knows() {
        for (v, ok) in [
            ("112", true),
            (" 000 ", true),
            ("111", true),
            ("00", false),
            ("0000", false),
            ("123456", false),
            ("911-1", false),
        ] {
            let (s, errors) = ClinicSettings::from_raw(&RawSettings {
                emergency_number: Some(v.into()),
                ..RawSettings::default()
            });
            assert_eq!(errors.is_empty(), ok, "{v}: {errors:?}");
            if !ok {
                assert_eq!(s.emergency_number, "911");
                assert!(errors[0]
                    .message
                    .contains("not an emergency number the diary knows"));
            }
        }
    }

    #[test]
    fn a_megabyte_value_is_not_copied_whole_into_a_message() {
        let huge = "9".repeat(1 << 20);
        let (_, errors) = ClinicSettings::from_raw(&RawSettings {
            emergency_number: Some(huge.clone()),
            clinic_phone: Some(format!("x{huge}")),
            ..RawSettings::default()
        });
        assert_eq!(errors.len(), 2);
        for e in errors {
            assert!(e.message.len() < 200, "{}", e.message.len());
            assert!(e.message.contains("…” (104857"), "{}", e.message);
            assert!(e.value.chars().count() <= crate::domain::i18n::SHOWN_CHARS + 1);
        }
    }

    #[test]
    fn out_of_range_values_are_refused_and_the_default_stays() {
        let (s, errors) = ClinicSettings::from_raw(&RawSettings {
            emergency_number: Some("javascript:alert(1)".into()),
            clinic_phone: Some("<b>call</b>".into()),
            fever_threshold_c: Some(39.0),
            pain_rise_points: Some(3.0),
            pain_rise_ratio: Some(1.5),
            pain_rise_days: Some(4.0),
            ..RawSettings::default()
        });
        assert_eq!(s, ClinicSettings::default());
        assert_eq!(errors.len(), 6, "{errors:?}");
        assert!(errors.iter().all(|e| !e.message.is_empty()));
    }
}
