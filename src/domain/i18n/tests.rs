use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::*;
use crate::domain::measures::Measure;
use crate::domain::questions::{EMERGENCY, OTHER_SYMPTOMS};
use crate::domain::rules::{Sign, RULES};

fn entries(lang: Lang) -> BTreeMap<String, &'static str> {
    lang.texts().entries().into_iter().collect()
}

/// Texts that are rightly the same in both languages.
const SAME_IN_BOTH: [&str; 12] = [
    "no",
    "metres_short",
    "minutes",
    "fahrenheit",
    "celsius",
    "list_separator",
    "fact_any",
    "finding",
    "finding_place",
    "drainage_pus",
    "signs.pus",
    "months_short[11]",
];

#[test]
fn every_text_exists_in_every_language() {
    let en = entries(Lang::En);
    for lang in Lang::ALL {
        let other = entries(lang);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang:?} has keys English lacks: {extra:?}"
        );
        let empty: Vec<_> = other.iter().filter(|(_, v)| v.trim().is_empty()).collect();
        assert!(empty.is_empty(), "{lang:?} has empty texts: {empty:?}");
    }
}

#[test]
fn spanish_is_translated() {
    let (en, es) = (entries(Lang::En), entries(Lang::Es));
    let untranslated: Vec<_> = en
        .iter()
        .filter(|(k, v)| es.get(*k) == Some(v) && !SAME_IN_BOTH.contains(&k.as_str()))
        .filter(|(_, v)| v.chars().any(|c| c.is_alphabetic()))
        .map(|(k, _)| k)
        .collect();
    assert!(
        untranslated.is_empty(),
        "same in Spanish as in English: {untranslated:?}"
    );
}

#[test]
fn both_languages_fill_the_same_places() {
    let (en, es) = (entries(Lang::En), entries(Lang::Es));
    for (key, text) in &en {
        let a: BTreeSet<_> = places(text).into_iter().collect();
        let b: BTreeSet<_> = places(es[key]).into_iter().collect();
        assert_eq!(a, b, "{key}: {text:?} against {:?}", es[key]);
    }
}

#[test]
fn keyed_lists_cover_every_id_of_the_code() {
    for lang in Lang::ALL {
        let t = lang.texts();
        for r in RULES.iter() {
            assert!(
                !lookup(&t.rule_what, r.id).is_empty(),
                "{lang:?} rule {}",
                r.id
            );
        }
        for q in EMERGENCY.iter().chain(OTHER_SYMPTOMS.iter()) {
            assert!(!q.text(t).is_empty(), "{lang:?} question {}", q.key);
        }
        for q in EMERGENCY.iter() {
            let s = q.statement(t);
            assert!(!s.is_empty(), "{lang:?} statement {}", q.key);
            assert!(
                !s.contains('?') && !s.contains('¿'),
                "{lang:?} {s:?} is a question"
            );
        }
        for s in Sign::ALL {
            assert!(
                !lookup(&t.signs, s.key()).is_empty(),
                "{lang:?} sign {}",
                s.key()
            );
        }
        for m in Measure::ALL {
            assert!(!m.label(t).is_empty(), "{lang:?} measure {}", m.key());
        }
    }
}

#[test]
fn fill_puts_values_in_their_places() {
    assert_eq!(
        fill("Day {n} of {m}", &[("n", "3"), ("m", "8")]),
        "Day 3 of 8"
    );
    assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
    // A place without a value stays visible rather than vanishing.
    assert_eq!(fill("Call {number}", &[]), "Call {number}");
    assert_eq!(fill("no places", &[("n", "1")]), "no places");
    assert_eq!(fill("unclosed {brace", &[]), "unclosed {brace");
    // Values are inserted as text, never re-read as templates.
    assert_eq!(fill("{a}", &[("a", "{b}"), ("b", "no")]), "{b}");
    assert_eq!(places("{x} and {y}"), vec!["x", "y"]);
}

#[test]
fn counts_take_one_form_for_one_and_the_other_for_the_rest() {
    let forms = ["{n} day", "{n} days"];
    assert_eq!(plural(&forms, 1.0, "1"), "1 day");
    assert_eq!(plural(&forms, -1.0, "−1"), "−1 day");
    assert_eq!(plural(&forms, 0.0, "0"), "0 days");
    assert_eq!(plural(&forms, 1.5, "1,5"), "1,5 days");
    let es = Locale::new(Lang::Es, "es-ES");
    assert_eq!(es.count(&["{n} día", "{n} días"], 1.0), "1 día");
    assert_eq!(es.count(&["{n} día", "{n} días"], 2.5), "2,5 días");
    // B9(a) on a single day, when a clinic sets the pain-rise days to 1.
    let fact = crate::domain::rules::Fact::PainRise {
        measure: "back_pain",
        value: 8,
        before: 5.0,
        days: 1,
    };
    assert_eq!(
        crate::domain::rules::fact(&Locale::default(), &fact),
        "back pain 8, up from 5 before the procedure, on 1 day"
    );
    assert!(crate::domain::rules::fact(&es, &fact).ends_with(", 1 día"));
}

#[test]
fn languages_from_browser_tags() {
    assert_eq!(Lang::from_tag("es-MX"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("ES"), Some(Lang::Es));
    assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
    assert_eq!(Lang::from_tag("fr-FR"), None);
    assert_eq!(Lang::from_tag(""), None);
}

#[test]
fn dates_and_numbers_in_the_patients_locale() {
    let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let us = Locale::new(Lang::En, "en-US");
    let uk = Locale::new(Lang::En, "en-GB");
    let mx = Locale::new(Lang::Es, "es-MX");
    let spain = Locale::new(Lang::Es, "es-ES");
    let seven = chrono::NaiveTime::from_hms_opt(19, 0, 0).unwrap();
    assert_eq!(us.time(seven), "7:00 PM");
    assert_eq!(uk.time(seven), "19:00");
    assert_eq!(mx.time(seven), "19:00");
    // Spanish chosen in settings on a browser set to English: Spanish conventions.
    let es_on_en = Locale::new(Lang::Es, "en-US");
    assert_eq!(us.long_date(d), "Sunday, November 22, 2026");
    assert_eq!(uk.long_date(d), "Sunday 22 November 2026");
    assert_eq!(mx.long_date(d), "domingo, 22 de noviembre de 2026");
    assert_eq!(us.date(d), "November 22, 2026");
    assert_eq!(mx.date(d), "22 de noviembre de 2026");
    assert_eq!(us.short_date(d), "Sun, Nov 22");
    assert_eq!(uk.short_date(d), "Sun 22 Nov");
    assert_eq!(spain.short_date(d), "dom 22 nov");
    assert_eq!(us.day_month_year(d), "Nov 22, 2026");
    assert_eq!(spain.day_month_year(d), "22 nov 2026");
    assert_eq!(us.number(37.5), "37.5");
    assert_eq!(mx.number(37.5), "37.5");
    assert_eq!(spain.number(37.5), "37,5");
    assert_eq!(es_on_en.number(37.5), "37,5");
    assert_eq!(spain.number(12.0), "12");
    assert_eq!(us.percent(-30.0), "-30%");
    assert_eq!(spain.percent(12.5), "12,5\u{a0}%");
    assert_eq!(mx.percent(40.0), "40\u{a0}%");
    use crate::domain::model::DistanceUnit;
    assert_eq!(us.distance_symbol(DistanceUnit::Feet), "ft");
    assert_eq!(mx.distance_symbol(DistanceUnit::Feet), "pies");
    assert_eq!(mx.distance_symbol(DistanceUnit::Metres), "m");
}

#[test]
fn percent_signs_are_written_one_way_per_language() {
    // Every "%" after a number is written as the language's `percent` template writes it:
    // "30%" in English, "30 %" (a no-break space) in Spanish.
    for (lang, gap) in [(Lang::En, ""), (Lang::Es, "\u{a0}")] {
        assert_eq!(lang.texts().percent, format!("{{n}}{gap}%"));
        for (key, text) in lang.texts().entries() {
            for (i, _) in text.match_indices('%') {
                let before = text[..i].strip_suffix(gap).unwrap_or("");
                let number = before.ends_with(|c: char| c.is_ascii_digit() || c == '}');
                assert!(number && !before.ends_with(' '), "{lang:?} {key}: {text:?}");
            }
        }
    }
}

#[test]
fn every_weekday_and_month_has_a_name() {
    for lang in Lang::ALL {
        let l = Locale::new(lang, "");
        for m in 1..=12 {
            let d = NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
            assert!(!l.long_date(d).contains("{"), "{lang:?} {m}");
        }
    }
}
