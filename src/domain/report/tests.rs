use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Days, NaiveDate};

use super::glance::{since, Direction, Since};
use super::texts::{report_texts, ReportTexts};
use super::*;
use crate::domain::i18n::{places, Lang, Locale};
use crate::domain::model::*;
use crate::domain::questionnaire::{parse, record, response, Answer, Answers};
use crate::domain::rules::{episodes, evaluate, ClinicSettings, Episode, Tier};

fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

fn on(day: i64) -> NaiveDate {
    if day >= 0 {
        day0() + Days::new(day as u64)
    } else {
        day0() - Days::new((-day) as u64)
    }
}

fn rating(v: u8) -> Option<Rating> {
    Rating::new(v).ok()
}

fn feet(v: f64) -> Option<Distance> {
    Some(Distance {
        value: Amount::new(v).unwrap(),
        unit: DistanceUnit::Feet,
    })
}

/// The e2e harness's six weeks (`sixWeeks()` in tests/e2e/harness.mjs) with one flag of each
/// tier: trouble passing urine on day 7 (A2, "went to emergency"), chills on day 22 (B1,
/// nothing recorded), a bruise on day 4 (C3); a fall on day 12 (B8); a question on day 40;
/// and the daily-life questionnaire on day −3 and day 40.
fn six_weeks() -> Diary {
    let mut diary = Diary::new(Profile {
        procedure_date: Some(day0()),
        distance_unit: DistanceUnit::Feet,
        temperature_unit: TemperatureUnit::Fahrenheit,
    });
    diary.baseline = Some(Entry {
        recorded_on: Some(on(-3)),
        pain: Some(Pain {
            back: rating(6),
            leg: rating(7),
            ..Pain::default()
        }),
        walking: Some(Walking {
            distance: feet(250.0),
            minutes: Amount::new(3.0).ok(),
        }),
        standing_minutes: Amount::new(8.0).ok(),
        ..Entry::default()
    });
    for day in 0..=42i64 {
        let d = day as u8;
        let mut e = Entry {
            pain: Some(Pain {
                back: rating((6 - d / 8).max(1)),
                leg: rating((7u8.saturating_sub(d / 6)).max(1)),
                incision: (day <= 14)
                    .then(|| rating(4u8.saturating_sub(d / 4)))
                    .flatten(),
                medicine_helped: Some(true),
            }),
            walking: Some(Walking {
                distance: feet(250.0 + day as f64 * 60.0),
                minutes: Amount::new(3.0 + (day / 3) as f64).ok(),
            }),
            standing_minutes: Amount::new(8.0 + day as f64).ok(),
            chills: Some(day == 22),
            symptoms: Some(Symptoms {
                bladder_trouble: Some(day == 7),
                ..Symptoms::default()
            }),
            ..Entry::default()
        };
        if day <= 14 {
            e.incision = Some(Incision {
                bandage: Some(if day < 3 {
                    Bandage::Spotted
                } else {
                    Bandage::None
                }),
                drainage: Some(if day < 2 {
                    Drainage::BloodTinged
                } else {
                    Drainage::None
                }),
                redness: Some(Redness::ThinLine),
                bruise_itch_lump: Some(day == 4),
                ..Incision::default()
            });
        }
        if day == 12 {
            e.function = Some(FunctionChecks {
                fall: Some(true),
                ..FunctionChecks::default()
            });
        }
        if day == 40 {
            e.ask_at_visit = Some("When can I play golf again?".into());
        }
        diary.put_checkin(on(day), e);
    }
    diary.acknowledgements.push(Acknowledgement {
        rule: "A2".into(),
        date: on(7),
        at: DateTime::parse_from_rfc3339("2026-11-09T10:00:00-05:00").unwrap(),
        action: AckAction::WentToEmergency,
        note: None,
    });
    let copy: serde_json::Value =
        serde_json::from_str(include_str!("../../../demo/questionnaires/daily-life.json")).unwrap();
    let q = parse(&copy).unwrap();
    let all = |c: &str| -> Answers {
        ["dressing", "lifting", "sitting", "sleeping", "outings"]
            .iter()
            .map(|l| {
                let code = crate::domain::questionnaire::Coding {
                    system: None,
                    code: c.to_string(),
                };
                (l.to_string(), vec![Answer::Coding(code)])
            })
            .collect()
    };
    for (c, at) in [
        ("much", "2026-10-30T10:00:00-05:00"),
        ("slight", "2026-12-12T10:00:00-05:00"),
    ] {
        record(&mut diary, &copy, &response(&q, &all(c), at));
    }
    diary
}

fn flags(diary: &Diary) -> Vec<Episode> {
    episodes(&evaluate(diary, &ClinicSettings::default()))
}

fn words(diary: &Diary, lang: Lang) -> GlanceWords {
    let g = glance(diary, &flags(diary), on(42));
    let l = Locale::new(lang, "");
    glance_words(
        &l,
        &g,
        l.distance_symbol(diary.profile.distance_unit),
        "911",
    )
}

/// Every text of the glance, in order.
fn all_text(w: &GlanceWords) -> Vec<String> {
    let mut out = vec![w.since.clone()];
    out.extend(w.meta.iter().cloned());
    out.extend(w.window.iter().cloned());
    for m in &w.measures {
        out.push(format!("{}: {}", m.label, m.text));
        out.extend(m.important.map(|(_, t)| t.to_string()));
    }
    for t in &w.signs {
        out.push(t.heading.to_string());
        out.extend(t.signs.iter().map(|s| s.text.clone()));
    }
    out.extend(w.falls.iter().cloned());
    out.extend(w.questionnaires.iter().cloned());
    out.extend(w.questions.iter().flat_map(|q| q.lines.iter().cloned()));
    out
}

#[test]
fn the_glance_of_six_weeks_holds_every_item() {
    let diary = six_weeks();
    let g = glance(&diary, &flags(&diary), on(42));
    assert_eq!(g.since, Since::Weeks(6));
    assert_eq!(g.day(g.today), Some(42));
    assert_eq!(g.checkins, 43);
    assert_eq!(g.window, Some((on(36), on(42))));
    assert_eq!(g.back.before, Some(6.0));
    assert_eq!(g.back.important, Some(Direction::Better));
    assert_eq!(g.leg.important, Some(Direction::Better));
    assert_eq!(
        g.walk_distance.percent, None,
        "more than doubled: no percent"
    );
    assert_eq!(g.walk_minutes.important, None, "no MID for walking");
    let tiers: Vec<(Tier, Vec<&str>)> = g
        .signs
        .iter()
        .map(|t| (t.tier, t.signs.iter().map(|s| s.rule).collect()))
        .collect();
    assert_eq!(
        tiers,
        vec![
            (Tier::Emergency, vec!["A2"]),
            (Tier::Call, vec!["B8", "B1"]),
            (Tier::Followup, vec!["C3"]),
        ],
        "by tier, then in the order they first fired; the question is not a sign"
    );
    assert_eq!(
        g.signs[0].signs[0].episodes[0].did,
        Some((AckAction::WentToEmergency, None))
    );
    assert_eq!(g.falls.len(), 1);
    assert_eq!(g.falls[0].date, on(12));
    assert_eq!(g.questionnaires.len(), 1);
    let q = &g.questionnaires[0];
    assert_eq!(
        q.first.map(|f| (f.date, f.score)),
        Some((on(-3), Some(75.0)))
    );
    assert_eq!((q.latest.date, q.latest.score), (on(40), Some(25.0)));
    assert_eq!(q.important, Some(Direction::Better));
    assert_eq!(g.questions.len(), 1);
    assert_eq!(
        g.questions[0].asks,
        vec![(on(40), "When can I play golf again?".to_string())]
    );
}

#[test]
fn the_glance_in_english() {
    let w = words(&six_weeks(), Lang::En);
    assert_eq!(w.since, "Day 42 · 6 weeks after the procedure");
    assert_eq!(
        w.meta,
        vec!["Procedure: November 2, 2026", "43 check-ins, days 0–42"]
    );
    assert_eq!(w.report_date, "Report of December 14, 2026");
    assert_eq!(
        w.window.as_deref(),
        Some("Before the procedure → latest 7 days (days 36–42)")
    );
    let m: BTreeMap<&str, (&str, String, Option<&str>)> = w
        .measures
        .iter()
        .map(|m| (m.key, (m.label, m.text.clone(), m.important.map(|i| i.1))))
        .collect();
    // Back pain on days 36–42: 2 (day 36 to 39) and 1 (day 40 to 42): mean 1.57.
    assert_eq!(
        m["back_pain"],
        (
            "Back pain",
            "6\u{a0}→\u{a0}1.6 (\u{2212}4.4\u{a0}points, \u{2212}74%)".to_string(),
            Some("clinically important improvement")
        )
    );
    assert_eq!(
        m["leg_pain"].1,
        "7\u{a0}→\u{a0}1 (\u{2212}6\u{a0}points, \u{2212}86%)"
    );
    assert_eq!(
        m["walk_distance"],
        (
            "Walking",
            "250\u{a0}→\u{a0}2590\u{a0}ft (+2340\u{a0}ft); 3\u{a0}→\u{a0}15.7\u{a0}min (+12.7\u{a0}min)".to_string(),
            None
        )
    );
    assert_eq!(
        m["stand_minutes"].1,
        "8\u{a0}→\u{a0}47\u{a0}min (+39\u{a0}min)"
    );
    let signs: Vec<(&str, Vec<&str>)> = w
        .signs
        .iter()
        .map(|t| (t.heading, t.signs.iter().map(|s| s.text.as_str()).collect()))
        .collect();
    assert_eq!(
        signs,
        vec![
            (
                "Emergency",
                vec!["Trouble passing urine or feeling a full bladder, day 7: called 911 or went to emergency care"]
            ),
            (
                "Call the clinic",
                vec![
                    "New or worse nerve symptoms, or a fall, day 12: nothing recorded",
                    "Fever or chills, day 22: nothing recorded"
                ]
            ),
            (
                "Mention at the visit",
                vec!["Minor incision changes (bruise, itch or a soft lump), day 4"]
            ),
        ]
    );
    assert_eq!(w.signs[1].signs[1].rule_id, "rule B1");
    assert_eq!(w.falls, vec!["Falls: day 12"]);
    assert_eq!(
        w.questionnaires,
        vec!["Daily life with your back (example): 75% → 25% (day \u{2212}3 → day 40), clinically important improvement"]
    );
    assert_eq!(
        w.questions[0].lines,
        vec!["The patient asks: “When can I play golf again?” (day 40)"]
    );
}

#[test]
fn the_glance_in_spanish() {
    let w = words(&six_weeks(), Lang::Es);
    assert_eq!(w.since, "Día 42 · 6 semanas después del procedimiento");
    assert_eq!(w.meta[1], "43 registros, días 0–42");
    assert_eq!(
        w.measures[0].text,
        "6\u{a0}→\u{a0}1,6 (\u{2212}4,4\u{a0}puntos, \u{2212}74\u{a0}%)"
    );
    assert_eq!(
        w.measures[0].important.map(|i| i.1),
        Some("mejoría clínicamente importante")
    );
    assert_eq!(
        w.signs[0].signs[0].text,
        "Dificultad para orinar o para notar la vejiga llena, día 7: llamó al 911 o fue a emergencias"
    );
    assert_eq!(w.signs[1].heading, "Llamar a la clínica");
    assert_eq!(
        w.signs[1].signs[1].text,
        "Fiebre o escalofríos, día 22: no consta lo que hizo"
    );
    assert_eq!(w.signs[1].signs[1].rule_id, "regla B1");
    assert_eq!(w.falls, vec!["Caídas: día 12"]);
    assert_eq!(
        w.questionnaires,
        vec!["La vida diaria con su espalda (ejemplo): 75\u{a0}% → 25\u{a0}% (día \u{2212}3 → día 40), mejoría clínicamente importante"]
    );
    assert_eq!(
        w.questions[0].lines,
        vec!["El paciente pregunta: «When can I play golf again?» (día 40)"]
    );
}

#[test]
fn counts_take_their_plural_in_both_languages() {
    let en = Locale::new(Lang::En, "");
    let es = Locale::new(Lang::Es, "");
    let (ren, res) = (report_texts(Lang::En), report_texts(Lang::Es));
    assert_eq!(en.count(&ren.checkins, 1.0), "1 check-in");
    assert_eq!(en.count(&ren.checkins, 0.0), "0 check-ins");
    assert_eq!(es.count(&res.checkins, 1.0), "1 registro");
    assert_eq!(es.count(&res.earlier, 1.0), "y 1 vez anterior (abajo)");
    assert_eq!(es.count(&res.earlier, 2.0), "y 2 veces anteriores (abajo)");
    // One day after the procedure, in both languages.
    let mut diary = six_weeks();
    diary.checkins.retain(|d, _| *d <= on(1));
    let g = glance(&diary, &flags(&diary), on(1));
    assert_eq!(
        glance_words(&en, &g, "ft", "911").since,
        "Day 1 · 1 day after the procedure"
    );
    assert_eq!(
        glance_words(&es, &g, "ft", "911").since,
        "Día 1 · 1 día después del procedimiento"
    );
    assert_eq!(
        glance_words(&en, &g, "ft", "911").meta[1],
        "2 check-ins, days 0–1"
    );
    // A change of exactly one point.
    let mut diary = six_weeks();
    diary.checkins.retain(|d, _| *d <= on(8));
    for e in diary.checkins.values_mut() {
        e.pain = Some(Pain {
            back: rating(5),
            ..Pain::default()
        });
    }
    let w = words(&diary, Lang::En);
    assert_eq!(
        w.measures[0].text,
        "6\u{a0}→\u{a0}5 (\u{2212}1\u{a0}point, \u{2212}17%)"
    );
    assert_eq!(
        w.measures[0].important, None,
        "1 point and 17% is under the MID"
    );
    assert_eq!(
        words(&diary, Lang::Es).measures[0].text,
        "6\u{a0}→\u{a0}5 (\u{2212}1\u{a0}punto, \u{2212}17\u{a0}%)"
    );
}

#[test]
fn how_long_since_the_procedure() {
    let p = Some(day0());
    assert_eq!(since(None, on(3)), Since::NoProcedureDate);
    assert_eq!(since(p, on(-1)), Since::Before(1));
    assert_eq!(since(p, on(0)), Since::DayZero);
    assert_eq!(since(p, on(6)), Since::Days(6));
    assert_eq!(since(p, on(7)), Since::Weeks(1));
    assert_eq!(since(p, on(41)), Since::Weeks(5));
    // Weeks until three calendar months have passed (2 Feb 2027), so the count never goes
    // down from "12 weeks" to "2 months".
    assert_eq!(since(p, on(91)), Since::Weeks(13));
    assert_eq!(
        since(p, NaiveDate::from_ymd_opt(2027, 2, 2).unwrap()),
        Since::Months(3)
    );
    assert_eq!(since(p, on(365)), Since::Months(12));
    assert_eq!(
        since(p, NaiveDate::from_ymd_opt(2028, 11, 1).unwrap()),
        Since::Months(23)
    );
    assert_eq!(
        since(p, NaiveDate::from_ymd_opt(2028, 11, 2).unwrap()),
        Since::Years(2)
    );
    // The end of a month: 31 January plus one month is 28 February.
    let jan31 = NaiveDate::from_ymd_opt(2027, 1, 31);
    assert_eq!(
        since(jan31, NaiveDate::from_ymd_opt(2027, 4, 30).unwrap()),
        Since::Months(3)
    );
    assert_eq!(
        since(jan31, NaiveDate::from_ymd_opt(2027, 4, 29).unwrap()),
        Since::Weeks(12)
    );
    let w = |s, day| {
        let rt = report_texts(Lang::En);
        super::words::since_words(rt, s, day)
    };
    assert_eq!(w(Since::Before(3), None), "3 days before the procedure");
    assert_eq!(
        w(Since::DayZero, Some(0)),
        "Day 0 · the day of the procedure"
    );
    assert_eq!(
        w(Since::Months(1), Some(31)),
        "Day 31 · 1 month after the procedure"
    );
    assert_eq!(
        w(Since::Years(2), Some(731)),
        "Day 731 · 2 years after the procedure"
    );
}

#[test]
fn no_percent_from_a_zero_baseline_or_where_it_misleads() {
    let mut diary = six_weeks();
    if let Some(b) = diary.baseline.as_mut() {
        b.pain = Some(Pain {
            back: rating(0),
            leg: rating(1),
            ..Pain::default()
        });
        b.walking = Some(Walking {
            distance: feet(25.0),
            minutes: Amount::new(12.0).ok(),
        });
    }
    let w = words(&diary, Lang::En);
    assert_eq!(
        w.measures[0].text, "0\u{a0}→\u{a0}1.6 (+1.6\u{a0}points)",
        "baseline 0: no percent"
    );
    // Leg pain 1 → 1: no change.
    assert_eq!(w.measures[1].text, "1\u{a0}→\u{a0}1 (0\u{a0}points, 0%)");
    // 25 ft → 2590 ft is not "+10260%"; 12\u{a0}→\u{a0}15.7 min is +31%.
    assert_eq!(
        w.measures[2].text,
        "25\u{a0}→\u{a0}2590\u{a0}ft (+2565\u{a0}ft); 12\u{a0}→\u{a0}15.7\u{a0}min (+3.7\u{a0}min, +31%)"
    );
    assert!(!all_text(&w).iter().any(|t| t.contains("10260")));
    // Pain from 0 up by 1.6 points: under the MID, whatever the (undefined) percent.
    assert_eq!(w.measures[0].important, None);
}

#[test]
fn without_a_procedure_date_dates_stand_in_for_day_numbers() {
    let mut diary = six_weeks();
    diary.profile.procedure_date = None;
    let w = words(&diary, Lang::En);
    assert_eq!(w.since, "No procedure date given, so no day numbers");
    assert_eq!(w.meta[0], "43 check-ins, Nov 2–Dec 14");
    assert_eq!(w.falls, vec!["Falls: Nov 14"]);
    assert!(w.window.unwrap().ends_with("(Dec 8–Dec 14)"));
}

#[test]
fn a_sign_that_fired_often_shows_its_latest_episodes_and_counts_the_rest() {
    let mut diary = six_weeks();
    for day in [24, 26, 28, 30, 32] {
        if let Some(e) = diary.checkins.get_mut(&on(day)) {
            e.chills = Some(true);
        }
    }
    diary.acknowledgements.push(Acknowledgement {
        rule: "B1".into(),
        date: on(32),
        at: DateTime::parse_from_rfc3339("2026-12-04T10:00:00-05:00").unwrap(),
        action: AckAction::Other,
        note: Some("took paracetamol, called my GP".into()),
    });
    let w = words(&diary, Lang::En);
    let b1 = w.signs[1].signs.iter().find(|s| s.rule == "B1").unwrap();
    assert_eq!(
        b1.text,
        "Fever or chills, day 28: nothing recorded; day 30: nothing recorded; day 32: something else: took paracetamol, called my GP; and 3 earlier times (below)"
    );
}

#[test]
fn every_sign_is_named_in_words_and_no_code_is_shown() {
    let diary = crate::domain::format::parse(
        include_str!("../../../tests/fixtures/every-rule.json"),
        NaiveDate::from_ymd_opt(2100, 1, 1).unwrap(),
    )
    .expect("the fixture reads")
    .diary;
    let eps = flags(&diary);
    let today = *diary.checkins.keys().next_back().unwrap();
    let g = glance(&diary, &eps, today);
    for lang in Lang::ALL {
        let l = Locale::new(lang, "");
        let w = glance_words(&l, &g, "ft", "911");
        let shown: BTreeSet<&str> = w
            .signs
            .iter()
            .flat_map(|t| t.signs.iter().map(|s| s.rule))
            .collect();
        let fired: BTreeSet<&str> = eps.iter().map(|e| e.rule).filter(|r| *r != "C5").collect();
        assert_eq!(shown, fired, "{lang:?}: every sign but the question");
        for t in &w.signs {
            for s in &t.signs {
                let what = crate::domain::rules::what(l.t(), s.rule);
                assert!(
                    s.text.to_lowercase().starts_with(&what.to_lowercase()),
                    "{lang:?} {}: {}",
                    s.rule,
                    s.text
                );
            }
        }
        let code = regex_free_code(&all_text(&w));
        assert_eq!(code, None, "{lang:?}");
    }
}

/// A text holding a rule code as a label ("B1 ·", "C3:"), if any.
fn regex_free_code(texts: &[String]) -> Option<String> {
    texts
        .iter()
        .find(|t| {
            let b = t.as_bytes();
            b.windows(3).enumerate().any(|(i, w)| {
                matches!(w[0], b'A' | b'B' | b'C')
                    && w[1].is_ascii_digit()
                    && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                    && {
                        let rest = &t[i + 2..];
                        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
                        rest.starts_with(" ·") || rest.starts_with(':')
                    }
            })
        })
        .cloned()
}

#[test]
fn the_incision_log_as_runs_of_days() {
    let diary = six_weeks();
    let runs = incision_runs(&diary);
    let spans: Vec<(i64, i64)> = runs
        .iter()
        .map(|r| ((r.from - day0()).num_days(), (r.to - day0()).num_days()))
        .collect();
    assert_eq!(spans, vec![(0, 1), (2, 2), (3, 3), (4, 4), (5, 14)]);
    let en = Locale::new(Lang::En, "");
    let lines: Vec<String> = runs
        .iter()
        .map(|r| incision_run_words(&en, Some(day0()), r))
        .collect();
    assert_eq!(
        lines,
        vec![
            "Days 0–1: bandage spotted, blood-tinged fluid, a thin red line at the edge, incision pain 4",
            "Day 2: bandage spotted, no fluid, a thin red line at the edge, incision pain 4",
            "Day 3: no bandage, no fluid, a thin red line at the edge, incision pain 4",
            "Day 4: no bandage, no fluid, a thin red line at the edge, bruise, itch or lump, incision pain 3",
            "Days 5–14: no bandage, no fluid, a thin red line at the edge, incision pain 1–3",
        ]
    );
    let es = Locale::new(Lang::Es, "");
    assert_eq!(
        incision_run_words(&es, Some(day0()), &runs[0]),
        "Días 0–1: vendaje con manchas, líquido con algo de sangre, una línea roja fina en el borde, dolor en la incisión 4"
    );
    // A day without incision answers ends a run.
    let mut gap = diary.clone();
    gap.checkins.remove(&on(9));
    let spans: Vec<(i64, i64)> = incision_runs(&gap)
        .iter()
        .map(|r| ((r.from - day0()).num_days(), (r.to - day0()).num_days()))
        .collect();
    assert_eq!(&spans[4..], &[(5, 8), (10, 14)]);
}

fn entries(t: &ReportTexts) -> BTreeMap<String, &'static str> {
    t.entries().into_iter().collect()
}

#[test]
fn the_report_texts_exist_in_both_languages_with_the_same_places() {
    let (en, es) = (
        entries(report_texts(Lang::En)),
        entries(report_texts(Lang::Es)),
    );
    assert_eq!(
        en.keys().collect::<Vec<_>>(),
        es.keys().collect::<Vec<_>>(),
        "the same keys"
    );
    // Texts that are rightly the same in both languages.
    let same = [
        "before_now",
        "checkin_span",
        "sign_line",
        "episode_did",
        "incision_line",
        "list_and",
        "score_change",
        "score_one",
        "asks_when",
        "percent",
        "incision_run_words.drainage.pus",
        "incision_words.drainage.pus",
    ];
    for (key, text) in &en {
        assert!(!es[key].trim().is_empty(), "{key} is empty in Spanish");
        let a: BTreeSet<_> = places(text).into_iter().collect();
        let b: BTreeSet<_> = places(es[key]).into_iter().collect();
        assert_eq!(a, b, "{key}: {text:?} against {:?}", es[key]);
        if !same.contains(&key.as_str()) && text.chars().any(char::is_alphabetic) {
            assert_ne!(*text, es[key], "{key} is not translated");
        }
    }
}

#[test]
fn the_incision_words_cover_every_answer() {
    for lang in Lang::ALL {
        let rt = report_texts(lang);
        let mut keys = Vec::new();
        for b in [
            Bandage::None,
            Bandage::Dry,
            Bandage::Spotted,
            Bandage::Soaked,
        ] {
            keys.push(("bandage", serde_json::to_value(b).unwrap()));
        }
        for d in [
            Drainage::None,
            Drainage::BloodTinged,
            Drainage::ClearWatery,
            Drainage::Cloudy,
            Drainage::Pus,
        ] {
            keys.push(("drainage", serde_json::to_value(d).unwrap()));
        }
        for r in [
            Redness::None,
            Redness::ThinLine,
            Redness::BeyondFinger,
            Redness::Streaks,
        ] {
            keys.push(("redness", serde_json::to_value(r).unwrap()));
        }
        for (prefix, v) in keys {
            let key = format!("{prefix}.{}", v.as_str().unwrap());
            for list in [&rt.incision_words, &rt.incision_run_words] {
                assert!(
                    !crate::domain::i18n::lookup(list, &key).is_empty(),
                    "{lang:?} {key}"
                );
            }
        }
    }
}
