//! What the home screen shows at a glance: the last 7 days and the days missed.

use super::i18n::{fill, Locale, Texts};
use chrono::{Days, NaiveDate};

use super::measures::Measure;
use super::model::{Diary, Entry};

/// One day of the "last 7 days" strip.
#[derive(Clone, Debug, PartialEq)]
pub struct DaySummary {
    pub date: NaiveDate,
    pub day_number: Option<i64>,
    pub back: Option<u8>,
    pub leg: Option<u8>,
    pub done: bool,
}

/// The 7 days ending with `today`, oldest first.
pub fn last_seven_days(diary: &Diary, today: NaiveDate) -> Vec<DaySummary> {
    (0..7u64)
        .rev()
        .filter_map(|back| today.checked_sub_days(Days::new(back)))
        .map(|date| {
            let entry = diary.checkins.get(&date);
            let pain = entry.and_then(|e| e.pain);
            DaySummary {
                date,
                day_number: super::calendar::day_number(diary.profile.procedure_date, date),
                back: pain.and_then(|p| p.back).map(|r| r.get()),
                leg: pain.and_then(|p| p.leg).map(|r| r.get()),
                done: entry.is_some(),
            }
        })
        .collect()
}

/// Dates in the 7 days before `today` (not today itself) with no check-in, counting only
/// from the procedure date or the first check-in, whichever is earlier, so that a new diary
/// does not start with a list of "missed" days.
pub fn missed_days(diary: &Diary, today: NaiveDate) -> Vec<NaiveDate> {
    let first_checkin = diary.checkins.keys().next().copied();
    let start = match (diary.profile.procedure_date, first_checkin) {
        (Some(p), Some(f)) => p.min(f),
        (Some(p), None) => p,
        (None, Some(f)) => f,
        (None, None) => return Vec::new(),
    };
    (1..=7u64)
        .rev()
        .filter_map(|back| today.checked_sub_days(Days::new(back)))
        .filter(|d| *d >= start && !diary.checkins.contains_key(d))
        .collect()
}

/// The one line home shows for the missed days: "4 days without a check-in".
pub fn missed_line(t: &Texts, n: usize) -> String {
    if n == 1 {
        t.missed_one.to_string()
    } else {
        fill(t.missed_many, &[("n", &n.to_string())])
    }
}

/// The key measures a check-in leaves empty (back and leg pain): on Save the patient is told
/// and may go back, without being forced to.
pub fn missing_key_measures(entry: &Entry) -> Vec<Measure> {
    let pain = entry.pain.unwrap_or_default();
    [(Measure::BackPain, pain.back), (Measure::LegPain, pain.leg)]
        .into_iter()
        .filter(|(_, v)| v.is_none())
        .map(|(m, _)| m)
        .collect()
}

/// "Not answered: back pain, leg pain. …", or `None` when both are there.
pub fn missing_key_measures_words(t: &Texts, entry: &Entry) -> Option<String> {
    let missing = missing_key_measures(entry);
    if missing.is_empty() {
        return None;
    }
    let names: Vec<String> = missing.iter().map(|m| m.label(t).to_lowercase()).collect();
    Some(fill(t.missing_measures, &[("what", &names.join(", "))]))
}

/// A one-line summary of an entry's key values, for lists.
pub fn key_values(l: &Locale, entry: &Entry, unit: super::model::DistanceUnit) -> Vec<String> {
    let t = l.t();
    let mut out = Vec::new();
    let mut put = |template: &str, values: &[(&str, &str)]| out.push(fill(template, values));
    if let Some(p) = entry.pain {
        if let Some(b) = p.back {
            put(t.kv_back, &[("n", &b.get().to_string())]);
        }
        if let Some(v) = p.leg {
            put(t.kv_leg, &[("n", &v.get().to_string())]);
        }
    }
    if let Some(w) = entry.walking {
        if let Some(d) = w.distance {
            let n = l.number(d.in_unit(unit).round());
            put(t.kv_walked, &[("n", &n), ("unit", l.distance_symbol(unit))]);
        }
        if let Some(m) = w.minutes {
            put(t.kv_walked_minutes, &[("n", &l.number(m.get()))]);
        }
    }
    if let Some(s) = entry.standing_minutes {
        put(t.kv_stood, &[("n", &l.number(s.get()))]);
    }
    if let Some(n) = &entry.neuro {
        if !n.is_empty() {
            put(t.kv_nerves, &[("n", &n.len().to_string())]);
        }
    }
    out
}

pub use super::i18n::trim_number;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn diary_with(dates: &[u32], procedure: Option<u32>) -> Diary {
        let mut diary = Diary::new(Profile {
            procedure_date: procedure.map(d),
            ..Profile::default()
        });
        for &day in dates {
            diary.put_checkin(
                d(day),
                Entry {
                    pain: Some(Pain {
                        back: Some(Rating::new(3).unwrap()),
                        ..Pain::default()
                    }),
                    ..Entry::default()
                },
            );
        }
        diary
    }

    #[test]
    fn seven_days_oldest_first() {
        let s = last_seven_days(&diary_with(&[14, 20], Some(2)), d(20));
        assert_eq!(s.len(), 7);
        assert_eq!(s[0].date, d(14));
        assert!(s[0].done && s[6].done && !s[3].done);
        assert_eq!(s[0].back, Some(3));
        assert_eq!(s[6].day_number, Some(18));
    }

    #[test]
    fn missed_days_start_at_the_procedure_or_first_checkin() {
        assert_eq!(
            missed_days(&diary_with(&[], Some(18)), d(20)),
            vec![d(18), d(19)]
        );
        assert_eq!(missed_days(&diary_with(&[19], None), d(20)), vec![]);
        assert_eq!(missed_days(&diary_with(&[], None), d(20)), vec![]);
        assert_eq!(
            missed_days(&diary_with(&[10, 15], Some(2)), d(20)),
            vec![d(13), d(14), d(16), d(17), d(18), d(19)]
        );
    }

    #[test]
    fn missed_days_as_one_line() {
        let (en, es) = (
            crate::domain::i18n::Lang::En.texts(),
            crate::domain::i18n::Lang::Es.texts(),
        );
        assert_eq!(missed_line(en, 1), "1 day without a check-in");
        assert_eq!(missed_line(en, 4), "4 days without a check-in");
        assert_eq!(missed_line(es, 1), "1 día sin registro");
        assert_eq!(missed_line(es, 7), "7 días sin registro");
    }

    #[test]
    fn key_measures_left_empty() {
        let en = crate::domain::i18n::Lang::En.texts();
        let mut e = Entry::default();
        assert_eq!(
            missing_key_measures(&e),
            vec![Measure::BackPain, Measure::LegPain]
        );
        assert!(missing_key_measures_words(en, &e)
            .unwrap()
            .starts_with("Not answered: back pain, leg pain."));
        e.pain = Some(Pain {
            leg: Some(Rating::new(0).unwrap()),
            ..Pain::default()
        });
        // 0 is an answer ("no pain"), not an empty measure.
        assert_eq!(missing_key_measures(&e), vec![Measure::BackPain]);
        e.pain.as_mut().unwrap().back = Some(Rating::new(4).unwrap());
        assert_eq!(missing_key_measures_words(en, &e), None);
        let es = crate::domain::i18n::Lang::Es.texts();
        assert!(missing_key_measures_words(es, &Entry::default())
            .unwrap()
            .starts_with("Sin responder: dolor de espalda, dolor de pierna."));
    }

    #[test]
    fn key_values_in_the_patients_unit() {
        let e = Entry {
            walking: Some(Walking {
                distance: Some(Distance {
                    value: Amount::new(100.0).unwrap(),
                    unit: DistanceUnit::Metres,
                }),
                minutes: Some(Amount::new(7.5).unwrap()),
            }),
            ..Entry::default()
        };
        assert_eq!(
            key_values(&Locale::default(), &e, DistanceUnit::Feet),
            vec!["Walked 328 ft".to_string(), "Walked 7.5 min".to_string()]
        );
        // Spanish in Spain writes a decimal comma.
        let spain = Locale::new(crate::domain::i18n::Lang::Es, "es-ES");
        assert_eq!(
            key_values(&spain, &e, DistanceUnit::Metres),
            vec!["Caminó 100 m".to_string(), "Caminó 7,5 min".to_string()]
        );
        // Feet are "pies" on a Spanish screen (the data keeps "ft").
        assert_eq!(
            key_values(&spain, &e, DistanceUnit::Feet)[0],
            "Caminó 328 pies"
        );
    }
}
