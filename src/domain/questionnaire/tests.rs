use super::*;
use proptest::prelude::*;

fn demo(name: &str) -> Questionnaire {
    let text = match name {
        "daily-life" => include_str!("../../../demo/questionnaires/daily-life.json"),
        _ => include_str!("../../../demo/questionnaires/walking.json"),
    };
    let v: Value = serde_json::from_str(text).expect("demo JSON");
    parse(&v).unwrap_or_else(|p| panic!("{p:?}"))
}

fn coding(code: &str) -> Answer {
    Answer::Coding(code.to_string())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn the_demo_questionnaires_read_with_their_extensions() {
    let q = demo("daily-life");
    assert_eq!(q.scoring, Some(Scoring::Percent));
    assert_eq!(q.due_days, vec![-7, 42, 182, 365]);
    assert_eq!(q.mid, Some(10.0));
    assert!(!q.higher_is_better);
    assert_eq!(
        q.canonical(),
        "https://clinic.example/questionnaires/daily-life|1"
    );
    let w = demo("walking");
    assert_eq!(w.scoring, Some(Scoring::Sum));
    assert_eq!(w.title.get("es-MX"), "Caminar y sus piernas (ejemplo)");
    assert_eq!(w.title.get("en"), "Walking and your legs (example)");
    let ItemKind::Choice(options) = &w.items[0].kind else {
        panic!("a choice")
    };
    assert_eq!(options[0].display.get("es"), "Sí");
    assert_eq!(options[0].score, Some(1.0));
}

#[test]
fn about_how_many_minutes_a_questionnaire_takes() {
    // daily-life: 5 questions; walking: its questions, also the one only "yes" opens.
    let (daily, walking) = (demo("daily-life"), demo("walking"));
    assert_eq!(daily.minutes(), 2);
    let en = crate::domain::i18n::Lang::En.texts();
    let es = crate::domain::i18n::Lang::Es.texts();
    assert_eq!(daily.minutes_words(en), "It takes about 2 minutes.");
    assert_eq!(daily.minutes_words(es), "Toma unos 2 minutos.");
    assert!(walking.minutes() >= 1);
    let empty = Questionnaire {
        items: Vec::new(),
        ..daily
    };
    assert_eq!(empty.minutes(), 1);
    assert_eq!(empty.minutes_words(en), "It takes about 1 minute.");
}

#[test]
fn unsupported_parts_are_refused_naming_the_link_id() {
    let v = json!({
        "resourceType": "Questionnaire", "url": "u",
        "item": [
            {"linkId": "a", "type": "date", "text": "When?"},
            {"linkId": "b", "type": "choice", "answerValueSet": "http://x", "answerOption": [{"valueString": "x"}]},
            {"linkId": "c", "type": "string", "enableWhen": [{"question": "zz", "operator": ">", "answerInteger": 2}]},
            {"linkId": "d", "type": "string", "enableWhen": [{"question": "zz", "operator": "exists", "answerBoolean": true}]},
            {"linkId": "d", "type": "string", "repeats": true}
        ],
        "extension": [{"url": SCORE, "valueCode": "median"}]
    });
    let problems = parse(&v).expect_err("refused");
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    for needed in [
        "item a: item type \"date\" is not supported",
        "item b: answerValueSet is not supported",
        "item b: an answerOption that is not a valueCoding is not supported",
        "item c: enableWhen operator > is not supported",
        "item d: enableWhen names zz, which is not an item",
        "item d: the linkId appears twice",
        "item d: repeating items are not supported",
        "score median is not supported",
    ] {
        assert!(
            text.iter().any(|t| t.starts_with(needed)),
            "{needed} in {text:#?}"
        );
    }
    assert!(parse(&json!({"resourceType": "Patient"})).is_err());
}

#[test]
fn enable_when_with_all_and_any() {
    let w = demo("walking");
    let mut answers = Answers::new();
    let asked = |a: &Answers| {
        w.asked(a)
            .iter()
            .map(|i| i.link_id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(asked(&answers), vec!["legs", "note"]);
    answers.insert("legs".into(), coding("yes"));
    assert_eq!(
        asked(&answers),
        vec!["legs", "legs-how", "rest", "bend", "blocks", "note"]
    );
    assert_eq!(w.missing(&answers), vec!["rest"]);
    answers.insert("legs".into(), coding("no"));
    assert_eq!(asked(&answers), vec!["legs", "note"]);
    assert!(w.missing(&answers).is_empty());

    let item = |behavior: &str| Item {
        link_id: "x".into(),
        text: Text::default(),
        kind: ItemKind::String,
        required: false,
        enable_when: vec![
            EnableWhen {
                question: "a".into(),
                operator: Operator::Exists,
                exists: true,
                answer: None,
            },
            EnableWhen {
                question: "b".into(),
                operator: Operator::NotEqual,
                exists: true,
                answer: Some(Answer::Integer(3)),
            },
        ],
        enable_any: behavior == "any",
        items: vec![],
    };
    let only_a: Answers = [("a".to_string(), Answer::Boolean(false))].into();
    assert!(
        !Questionnaire::enabled(&item("all"), &only_a),
        "b has no answer, so != is not met"
    );
    assert!(Questionnaire::enabled(&item("any"), &only_a));
    let both: Answers = [
        ("a".to_string(), Answer::Boolean(false)),
        ("b".to_string(), Answer::Integer(4)),
    ]
    .into();
    assert!(Questionnaire::enabled(&item("all"), &both));
}

#[test]
fn scoring_sum_and_percent_of_the_answered_items() {
    let q = demo("daily-life");
    let mut a = Answers::new();
    assert_eq!(q.score(&a), None, "nothing answered");
    a.insert("dressing".into(), coding("some")); // 2 of 4
    a.insert("lifting".into(), coding("cannot")); // 4 of 4
    assert_eq!(q.score(&a), Some(75.0), "6 of 8");
    let w = demo("walking");
    let mut b = Answers::new();
    b.insert("legs".into(), coding("yes"));
    b.insert("rest".into(), coding("yes"));
    b.insert("bend".into(), coding("no"));
    assert_eq!(w.score(&b), Some(2.0));
    // A disabled item's answer does not count.
    b.insert("legs".into(), coding("no"));
    assert_eq!(w.score(&b), Some(0.0));
}

#[test]
fn due_windows_from_7_days_before_to_14_after_missed_and_no_date() {
    let q = demo("walking");
    let p = day(2026, 11, 2);
    // Day 42 is 14 December: offered 7 to 28 December.
    let d = due(&q, Some(p), day(2026, 12, 7), &[day(2026, 10, 27)]);
    assert_eq!(d.now, Some(Some(42)));
    assert!(d.missed.is_empty(), "day -7 was answered in its window");
    assert_eq!(
        due(&q, Some(p), day(2026, 12, 6), &[day(2026, 10, 27)]).now,
        None
    );
    assert_eq!(due(&q, Some(p), day(2026, 12, 28), &[]).now, Some(Some(42)));
    let late = due(&q, Some(p), day(2026, 12, 29), &[]);
    assert_eq!(late.now, None);
    assert_eq!(late.missed, vec![-7, 42]);
    let answered = due(&q, Some(p), day(2026, 12, 20), &[day(2026, 12, 15)]);
    assert_eq!(answered.now, None);
    // No procedure date: due once, now.
    assert_eq!(due(&q, None, day(2026, 12, 20), &[]).now, Some(None));
    assert_eq!(
        due(&q, None, day(2026, 12, 20), &[day(2026, 12, 1)]).now,
        None
    );
}

#[test]
fn a_response_round_trips_and_holds_only_what_was_asked() {
    let w = demo("walking");
    let mut a = Answers::new();
    a.insert("legs".into(), coding("yes"));
    a.insert("rest".into(), coding("no"));
    a.insert("blocks".into(), Answer::Integer(3));
    a.insert("note".into(), Answer::String("Better than before".into()));
    let r = response(&w, &a, "2026-12-15T10:00:00-05:00");
    assert_eq!(
        r["questionnaire"],
        "https://clinic.example/questionnaires/walking|2"
    );
    assert_eq!(r["status"], "completed");
    assert_eq!(r["item"][1]["linkId"], "legs-how");
    assert_eq!(
        r["item"][1]["item"][0]["answer"][0]["valueCoding"]["display"],
        "No"
    );
    assert_eq!(answers_of(&r), a);
    // An answer to a question no longer asked is not written.
    a.insert("legs".into(), coding("no"));
    let r = response(&w, &a, "2026-12-15T10:00:00-05:00");
    let back = answers_of(&r);
    assert!(!back.contains_key("rest") && !back.contains_key("blocks"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Whatever is answered, a sum stays within 0 and the most every item could give, and a
    /// percentage within 0 and 100.
    #[test]
    fn a_score_stays_within_its_range(picks in proptest::collection::vec(proptest::option::of(0usize..6), 5)) {
        let q = demo("daily-life");
        let w = demo("walking");
        let links = ["dressing", "lifting", "sitting", "sleeping", "outings"];
        let codes = ["none", "slight", "some", "much", "cannot", "unknown"];
        let mut a = Answers::new();
        for (link, pick) in links.iter().zip(&picks) {
            if let Some(p) = pick {
                a.insert(link.to_string(), coding(codes[*p]));
            }
        }
        if let Some(s) = q.score(&a) {
            prop_assert!((0.0..=100.0).contains(&s), "{}", s);
        }
        let mut b = Answers::new();
        for (link, pick) in ["legs", "rest", "bend"].iter().zip(&picks) {
            if let Some(p) = pick {
                b.insert(link.to_string(), coding(if p % 2 == 0 { "yes" } else { "no" }));
            }
        }
        if let Some(s) = w.score(&b) {
            prop_assert!((0.0..=3.0).contains(&s), "{}", s);
        }
    }
}

fn answered(q: &Questionnaire, picks: &[(&str, &str)], authored: &str) -> Value {
    let a: Answers = picks
        .iter()
        .map(|(l, c)| (l.to_string(), coding(c)))
        .collect();
    response(q, &a, authored)
}

fn copy(name: &str) -> Value {
    serde_json::from_str(match name {
        "daily-life" => include_str!("../../../demo/questionnaires/daily-life.json"),
        _ => include_str!("../../../demo/questionnaires/walking.json"),
    })
    .expect("demo JSON")
}

#[test]
fn submitting_keeps_one_copy_and_one_response_per_local_date() {
    let q = demo("daily-life");
    let mut diary = crate::domain::model::Diary::default();
    let r1 = answered(&q, &[("dressing", "much")], "2026-11-20T09:00:00-05:00");
    let r2 = answered(&q, &[("dressing", "none")], "2026-11-20T21:00:00-05:00");
    let r3 = answered(&q, &[("dressing", "some")], "2026-11-21T09:00:00-05:00");
    for r in [&r1, &r2, &r3] {
        record(&mut diary, &copy("daily-life"), r);
    }
    assert_eq!(diary.questionnaires.len(), 1);
    assert_eq!(diary.questionnaire_responses, vec![r2, r3]);
    assert_eq!(
        answered_dates(&diary, &q.url),
        vec![day(2026, 11, 20), day(2026, 11, 21)]
    );
    assert_eq!(kept(&diary), vec![q]);
}

#[test]
fn the_change_is_against_the_first_response_before_the_procedure_with_the_mid() {
    // daily-life: percent of 5 items of 0 to 4, lower is better, mid 10.
    let q = demo("daily-life");
    let mut diary = crate::domain::model::Diary::default();
    diary.profile.procedure_date = Some(day(2026, 11, 10));
    let all = |c: &'static str| {
        ["dressing", "lifting", "sitting", "sleeping", "outings"]
            .iter()
            .map(|l| (*l, c))
            .collect::<Vec<_>>()
    };
    // Day -9 and day -2 (both before), day 42 (after): the reference is day -9.
    for (picks, at) in [
        (all("much"), "2026-11-01T10:00:00+01:00"),
        (all("some"), "2026-11-08T10:00:00+01:00"),
        (all("slight"), "2026-12-22T10:00:00+01:00"),
    ] {
        record(&mut diary, &copy("daily-life"), &answered(&q, &picks, at));
    }
    let rows = responses(&diary, &q);
    assert_eq!(
        rows.iter().map(|r| (r.day, r.score)).collect::<Vec<_>>(),
        vec![
            (Some(-9), Some(75.0)),
            (Some(-2), Some(50.0)),
            (Some(42), Some(25.0))
        ]
    );
    let c = change(&q, &rows).expect("a change");
    assert_eq!(
        (c.reference_date, c.reference, c.latest, c.delta),
        (day(2026, 11, 1), 75.0, 25.0, -50.0)
    );
    assert_eq!(
        c.important,
        Some(true),
        "50 points lower is better by more than 10"
    );

    // Worse by at least the mid; and less than the mid.
    let worse = [
        rows[2].clone(),
        Scored {
            score: Some(90.0),
            date: day(2026, 12, 30),
            ..rows[2].clone()
        },
    ];
    assert_eq!(change(&q, &worse).map(|c| c.important), Some(Some(false)));
    let small = [
        rows[2].clone(),
        Scored {
            score: Some(30.0),
            date: day(2026, 12, 30),
            ..rows[2].clone()
        },
    ];
    assert_eq!(change(&q, &small).map(|c| c.important), Some(None));
    // One scored response: no change.
    assert_eq!(change(&q, &rows[..1]), None);
    // Higher is better turns the mark round.
    let higher = Questionnaire {
        higher_is_better: true,
        ..q.clone()
    };
    assert_eq!(
        change(&higher, &worse).map(|c| c.important),
        Some(Some(true))
    );
}

#[test]
fn a_response_to_another_version_is_scored_by_its_own_copy_only() {
    let q = demo("walking");
    let mut diary = crate::domain::model::Diary::default();
    let mut older = copy("walking");
    older["version"] = Value::from("1");
    let old_q = parse(&older).unwrap();
    record(
        &mut diary,
        &older,
        &answered(&old_q, &[("legs", "yes")], "2026-11-01T10:00:00Z"),
    );
    assert!(responses(&diary, &q).is_empty());
    assert_eq!(responses(&diary, &old_q).len(), 1);
    // Still counts as answered for the due windows of the newer version.
    assert_eq!(answered_dates(&diary, &q.url), vec![day(2026, 11, 1)]);
}

#[test]
fn pages_are_the_questions_asked_each_with_its_group() {
    let w = demo("walking");
    let ids = |a: &Answers| {
        w.pages(a)
            .iter()
            .map(|(g, i)| (g.map(|g| g.link_id.as_str()), i.link_id.as_str()))
            .collect::<Vec<_>>()
    };
    let mut a = Answers::new();
    let before = ids(&a);
    a.insert("legs".into(), coding("yes"));
    let after = ids(&a);
    assert!(after.len() > before.len(), "{before:?} {after:?}");
    assert!(after.contains(&(Some("legs-how"), "rest")), "{after:?}");
    assert!(!before.iter().any(|(_, i)| *i == "rest"));
    assert!(
        !after.iter().any(|(_, i)| *i == "legs-how"),
        "a group is not a page"
    );
}
