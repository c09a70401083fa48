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
