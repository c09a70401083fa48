use super::*;
use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Value};

fn demo(name: &str) -> Questionnaire {
    let text = match name {
        "daily-life" => include_str!("../../../demo/questionnaires/daily-life.json"),
        _ => include_str!("../../../demo/questionnaires/walking.json"),
    };
    let v: Value = serde_json::from_str(text).expect("demo JSON");
    parse(&v).unwrap_or_else(|p| panic!("{p:?}"))
}

fn coding(code: &str) -> Answer {
    Answer::code(code)
}

fn one(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .map(|(l, a)| (l.to_string(), vec![a.clone()]))
        .collect()
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
    let ItemKind::Choice { options, .. } = &w.items[0].kind else {
        panic!("a choice")
    };
    assert_eq!(options[0].label.get("es"), "Sí");
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
fn enable_when_with_all_and_any() {
    let w = demo("walking");
    let mut answers = Answers::new();
    let asked = |a: &Answers| {
        w.form(a, None)
            .pages()
            .iter()
            .map(|p| p.item.link_id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(asked(&answers), vec!["legs", "note"]);
    answers.insert("legs".into(), vec![coding("yes")]);
    assert_eq!(
        asked(&answers),
        vec!["legs", "rest", "bend", "blocks", "note"]
    );
    assert_eq!(w.form(&answers, None).missing(), vec!["rest"]);
    answers.insert("legs".into(), vec![coding("no")]);
    assert_eq!(asked(&answers), vec!["legs", "note"]);
    assert!(w.form(&answers, None).missing().is_empty());

    let item = |behavior: &str| Item {
        link_id: "x".into(),
        kind: ItemKind::String,
        enable_when: vec![
            EnableWhen {
                question: "a".into(),
                operator: Operator::Exists,
                answer: Answer::Boolean(true),
            },
            EnableWhen {
                question: "b".into(),
                operator: Operator::Equal,
                answer: Answer::Integer(3),
            },
        ],
        enable_any: behavior == "any",
        ..Item::default()
    };
    let only_a = one(&[("a", Answer::Boolean(false))]);
    assert!(
        !enable::enabled_by(&item("all"), &only_a),
        "b has no answer, so = is not met"
    );
    assert!(enable::enabled_by(&item("any"), &only_a));
    let both = one(&[("a", Answer::Boolean(false)), ("b", Answer::Integer(3))]);
    assert!(enable::enabled_by(&item("all"), &both));
}

#[test]
fn scoring_sum_and_percent_of_the_answered_items() {
    let q = demo("daily-life");
    let mut a = Answers::new();
    assert_eq!(q.score(&a), None, "nothing answered");
    a.insert("dressing".into(), vec![coding("some")]); // 2 of 4
    a.insert("lifting".into(), vec![coding("cannot")]); // 4 of 4
    assert_eq!(q.score(&a), Some(75.0), "6 of 8");
    let w = demo("walking");
    let mut b = one(&[
        ("legs", coding("yes")),
        ("rest", coding("yes")),
        ("bend", coding("no")),
    ]);
    assert_eq!(w.score(&b), Some(2.0));
    // A disabled item's answer does not count.
    b.insert("legs".into(), vec![coding("no")]);
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
    let mut a = one(&[
        ("legs", coding("yes")),
        ("rest", coding("no")),
        ("blocks", Answer::Integer(3)),
        ("note", Answer::String("Better than before".into())),
    ]);
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
    a.insert("legs".into(), vec![coding("no")]);
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
                a.insert(link.to_string(), vec![coding(codes[*p])]);
            }
        }
        if let Some(s) = q.score(&a) {
            prop_assert!((0.0..=100.0).contains(&s), "{}", s);
        }
        let mut b = Answers::new();
        for (link, pick) in ["legs", "rest", "bend"].iter().zip(&picks) {
            if let Some(p) = pick {
                b.insert(link.to_string(), vec![coding(if p % 2 == 0 { "yes" } else { "no" })]);
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
        .map(|(l, c)| (l.to_string(), vec![coding(c)]))
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
        w.form(a, None)
            .pages()
            .iter()
            .map(|p| (p.group.map(|g| g.link_id.clone()), p.item.link_id.clone()))
            .collect::<Vec<_>>()
    };
    let mut a = Answers::new();
    let before = ids(&a);
    a.insert("legs".into(), vec![coding("yes")]);
    let after = ids(&a);
    assert!(after.len() > before.len(), "{before:?} {after:?}");
    assert!(
        after.contains(&(Some("legs-how".into()), "rest".into())),
        "{after:?}"
    );
    assert!(!before.iter().any(|(_, i)| i == "rest"));
    assert!(
        !after.iter().any(|(_, i)| i == "legs-how"),
        "a group is not a page"
    );
}

#[test]
fn known_table_in_the_docs_is_the_readers() {
    if std::env::var("PRINT_KNOWN").is_ok() {
        print!("{}", known::markdown());
    }
    let docs = include_str!("../../../docs/embedding.md");
    let begin = docs
        .find("<!-- known:begin -->\n")
        .expect("the table's start")
        + 21;
    let end = docs.find("<!-- known:end -->").expect("the table's end");
    assert_eq!(
        &docs[begin..end],
        known::markdown(),
        "docs/embedding.md's table, as known::markdown() gives it"
    );
}

fn file(items: Value) -> Value {
    json!({ "resourceType": "Questionnaire", "status": "active", "item": items })
}

fn read_one(items: Value) -> Result<Questionnaire, Vec<String>> {
    read_text(
        &file(items).to_string(),
        "https://clinic.example/q/test.json",
    )
    .map_err(|p| p.iter().map(ToString::to_string).collect())
}

#[test]
fn identity_without_url_is_the_files_own_address_and_the_kept_copy_says_so() {
    let q = read_one(json!([{ "linkId": "a", "type": "boolean", "text": "A?" }])).expect("read");
    assert_eq!(q.canonical(), "https://clinic.example/q/test.json");
    let copy = q.kept_copy();
    assert_eq!(copy["url"], "https://clinic.example/q/test.json");
    assert_eq!(
        parse(&copy).expect("the copy reads").canonical(),
        q.canonical()
    );
}

#[test]
fn every_item_type_a_patient_answers_and_the_refused_ones() {
    let types = [
        "boolean", "decimal", "integer", "date", "dateTime", "time", "string", "text", "url",
        "quantity",
    ];
    let mut items: Vec<Value> = types
        .iter()
        .map(|t| json!({ "linkId": t, "type": t, "text": t }))
        .collect();
    items.push(json!({ "linkId": "c", "type": "choice", "repeats": true, "answerOption": [{ "valueString": "x" }, { "valueInteger": 2 }] }));
    items.push(json!({ "linkId": "o", "type": "open-choice", "answerOption": [{ "valueCoding": { "code": "y" } }] }));
    let q = read_one(Value::Array(items)).expect("every type reads");
    let form = q.form(&Answers::new(), None);
    assert_eq!(form.asked().len(), types.len() + 2);
    assert!(q.item("c").is_some_and(|i| i.repeats));
    for (t, reason) in [
        ("attachment", "item type \"attachment\" is not supported"),
        ("reference", "item type \"reference\" is not supported"),
        ("question", "item type \"question\" is not supported"),
    ] {
        let p = read_one(json!([{ "linkId": "x", "type": t }])).expect_err("refused");
        assert!(p[0].starts_with(&format!("item x: {reason}")), "{p:?}");
    }
    let p = read_one(json!([{ "linkId": "g", "type": "group", "repeats": true, "item": [{ "linkId": "s", "type": "string" }] }])).expect_err("refused");
    assert_eq!(p, ["item g: repeating groups are not supported"]);
    let p = read_one(json!([{ "linkId": "s", "type": "string", "repeats": true }]))
        .expect_err("refused");
    assert_eq!(
        p,
        ["item s: several answers are supported on choice and open-choice items only"]
    );
}

#[test]
fn every_enable_when_operator_with_r4_meaning() {
    let e = |operator: Operator, answer: Answer| EnableWhen {
        question: "q".into(),
        operator,
        answer,
    };
    let holds = |w: &EnableWhen, given: &[Answer]| enable::holds(w, given);
    use Operator::*;
    // exists
    assert!(holds(
        &e(Exists, Answer::Boolean(true)),
        &[Answer::Integer(1)]
    ));
    assert!(holds(&e(Exists, Answer::Boolean(false)), &[]));
    assert!(!holds(&e(Exists, Answer::Boolean(true)), &[]));
    // = and != (unanswered: = false, != true), several answers: any
    for (a, b) in [
        (Answer::Integer(3), Answer::Decimal(3.0)),
        (coding("x"), coding("x")),
        (Answer::Boolean(true), Answer::Boolean(true)),
        (Answer::String("a".into()), Answer::String("a".into())),
        (
            Answer::Date("2026-01-02".into()),
            Answer::Date("2026-01-02".into()),
        ),
        (
            Answer::Time("10:00:00".into()),
            Answer::Time("10:00".into()),
        ),
        (
            Answer::Quantity(2.0, Some("cm".into())),
            Answer::Quantity(2.0, Some("cm".into())),
        ),
    ] {
        assert!(
            holds(&e(Equal, b.clone()), std::slice::from_ref(&a)),
            "{a:?} = {b:?}"
        );
        assert!(!holds(&e(NotEqual, b.clone()), std::slice::from_ref(&a)));
        assert!(!holds(&e(Equal, b.clone()), &[]));
        assert!(
            holds(&e(NotEqual, b.clone()), &[]),
            "!= holds when unanswered"
        );
    }
    assert!(holds(&e(Equal, coding("y")), &[coding("x"), coding("y")]));
    // ordered operators, for numbers, dates, date-times, times, strings and quantities
    let ordered = [
        (Answer::Integer(4), Answer::Decimal(3.5)),
        (
            Answer::Date("2026-02-01".into()),
            Answer::Date("2026-01-31".into()),
        ),
        (
            Answer::DateTime("2026-01-01T10:00:00+01:00".into()),
            Answer::DateTime("2026-01-01T08:30:00Z".into()),
        ),
        (
            Answer::Time("10:00:01".into()),
            Answer::Time("10:00:00".into()),
        ),
        (Answer::String("b".into()), Answer::String("a".into())),
        (
            Answer::Quantity(5.0, Some("kg".into())),
            Answer::Quantity(4.0, Some("kg".into())),
        ),
    ];
    for (big, small) in ordered {
        assert!(
            holds(&e(Greater, small.clone()), std::slice::from_ref(&big)),
            "{big:?} > {small:?}"
        );
        assert!(holds(
            &e(GreaterOrEqual, small.clone()),
            std::slice::from_ref(&big)
        ));
        assert!(holds(&e(Less, big.clone()), std::slice::from_ref(&small)));
        assert!(holds(
            &e(LessOrEqual, big.clone()),
            std::slice::from_ref(&small)
        ));
        assert!(!holds(&e(Less, small.clone()), std::slice::from_ref(&big)));
        assert!(
            !holds(&e(Greater, small.clone()), &[]),
            "an ordered operator needs an answer"
        );
    }
    // Quantities in different units do not compare.
    assert!(!holds(
        &e(Greater, Answer::Quantity(1.0, Some("in".into()))),
        &[Answer::Quantity(5.0, Some("cm".into()))]
    ));
    // A file: `>` on a coding, or a question that is not there, is refused.
    let p = read_one(json!([
        { "linkId": "c", "type": "choice", "answerOption": [{ "valueCoding": { "code": "x" } }] },
        { "linkId": "d", "type": "string", "enableWhen": [{ "question": "c", "operator": ">", "answerCoding": { "code": "x" } }] },
        { "linkId": "e", "type": "string", "enableWhen": [{ "question": "zz", "operator": "exists", "answerBoolean": true }] },
        { "linkId": "f", "type": "string", "enableWhen": [{ "question": "c", "operator": "~", "answerCoding": { "code": "x" } }] }
    ]))
    .expect_err("refused");
    assert!(
        p.iter()
            .any(|m| m.starts_with("item d: enableWhen compares c with Greater x")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.starts_with("item e: enableWhen names zz, which is not an item")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.starts_with("item f: enableWhen operator ~ is not an R4 operator")),
        "{p:?}"
    );
}

#[test]
fn enable_when_cycles_and_self_reference_are_refused() {
    let p = read_one(json!([{ "linkId": "a", "type": "boolean", "enableWhen": [{ "question": "a", "operator": "exists", "answerBoolean": false }] }]))
        .expect_err("refused");
    assert_eq!(
        p,
        ["item a: enableWhen depends on the item itself, so it could never be asked"]
    );
    let p = read_one(json!([
        { "linkId": "a", "type": "boolean", "enableWhen": [{ "question": "b", "operator": "=", "answerBoolean": true }] },
        { "linkId": "b", "type": "boolean", "enableWhen": [{ "question": "a", "operator": "=", "answerBoolean": true }] }
    ]))
    .expect_err("refused");
    assert_eq!(p, ["item a: enableWhen items depend on each other in a circle (a → b → a), so they could never be asked"]);
    // Through the item it is in: a group waiting for its own question.
    let p = read_one(json!([
        { "linkId": "g", "type": "group", "enableWhen": [{ "question": "inside", "operator": "exists", "answerBoolean": true }],
          "item": [{ "linkId": "inside", "type": "boolean" }] }
    ]))
    .expect_err("refused");
    assert!(p[0].contains("in a circle (g → inside → g)"), "{p:?}");
}

#[test]
fn a_file_over_256_kb_is_refused() {
    let big = "x".repeat(MAX_FILE_BYTES);
    let text = file(json!([{ "linkId": "a", "type": "string", "text": big }])).to_string();
    let p = read_text(&text, "https://clinic.example/q/big.json").expect_err("refused");
    assert_eq!(
        p[0].message,
        "the file is 257 KB; the diary keeps questionnaires of at most 256 KB on the phone"
    );
    let small = file(
        json!([{ "linkId": "a", "type": "string", "text": "x".repeat(MAX_FILE_BYTES - 200) }]),
    )
    .to_string();
    assert!(small.len() <= MAX_FILE_BYTES && read_text(&small, "u").is_ok());
}

#[test]
fn weights_from_the_option_its_coding_and_a_contained_value_set() {
    let ord = |n: f64| json!([{ "url": ORDINAL_VALUE, "valueDecimal": n }]);
    let weight = |n: f64| json!([{ "url": ITEM_WEIGHT, "valueDecimal": n }]);
    let v = json!({
        "resourceType": "Questionnaire", "url": "u",
        "extension": [{ "url": SCORE, "valueCode": "sum" }],
        "contained": [
            { "resourceType": "ValueSet", "id": "exp", "expansion": { "contains": [
                { "system": "s", "code": "e1", "display": "E1", "extension": weight(4.0) } ] } },
            { "resourceType": "ValueSet", "id": "comp", "url": "http://clinic.example/vs", "compose": { "include": [
                { "system": "t", "concept": [{ "code": "c1", "display": "C1", "extension": ord(8.0) }] } ] } }
        ],
        "item": [
            { "linkId": "opt", "type": "choice", "answerOption": [{ "valueCoding": { "code": "a" }, "extension": ord(1.0) }] },
            { "linkId": "cod", "type": "choice", "answerOption": [{ "valueCoding": { "code": "b", "extension": weight(2.0) } }] },
            { "linkId": "exp", "type": "choice", "answerValueSet": "#exp" },
            { "linkId": "comp", "type": "choice", "answerValueSet": "http://clinic.example/vs" }
        ]
    });
    let q = parse(&v).expect("read");
    let ItemKind::Choice { options, .. } = &q.item("comp").expect("item").kind else {
        panic!("a choice")
    };
    assert_eq!(
        options[0].value,
        Answer::Coding(Coding {
            system: Some("t".into()),
            code: "c1".into()
        })
    );
    let a = one(&[
        ("opt", coding("a")),
        ("cod", coding("b")),
        ("exp", coding("e1")),
        ("comp", coding("c1")),
    ]);
    assert_eq!(q.score(&a), Some(15.0));
    // The response names each concept's system and display.
    let r = response(&q, &a, "2026-12-01T10:00:00Z");
    assert_eq!(
        r["item"][3]["answer"][0]["valueCoding"],
        json!({ "system": "t", "code": "c1", "display": "C1" })
    );
    // An external ValueSet is refused, naming it.
    let mut external = v.clone();
    external["item"][2]["answerValueSet"] = json!("http://loinc.org/vs/LL358-3");
    let p = parse(&external).expect_err("refused");
    assert!(p[0].to_string().starts_with("item exp: answerValueSet http://loinc.org/vs/LL358-3 is not a ValueSet contained in the file"), "{p:?}");
}

#[test]
fn never_silent_unknown_extensions_and_modifier_extensions_name_the_item_and_url() {
    let p = read_one(json!([
        { "linkId": "a", "type": "string", "extension": [{ "url": "http://example.org/scoring-weight", "valueDecimal": 2 }] },
        { "linkId": "b", "type": "string", "modifierExtension": [{ "url": "http://example.org/not-really", "valueBoolean": true }] },
        { "linkId": "c", "type": "string", "answerExpression": "x" },
        { "linkId": "d", "type": "string", "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/targetConstraint" }] }
    ]))
    .expect_err("refused");
    assert_eq!(
        p,
        [
            "item a: extension http://example.org/scoring-weight is not known to the diary; it could change what is asked or scored",
            "item b: modifierExtension http://example.org/not-really changes the meaning of what holds it; the diary cannot know how",
            "item c: answerExpression is not an element of an R4 Questionnaire",
            "item d: extension http://hl7.org/fhir/StructureDefinition/targetConstraint: a constraint on the answers the diary does not check",
        ]
    );
    // Known and harmless: read past.
    assert!(read_one(json!([{ "linkId": "a", "type": "string", "code": [{ "code": "x" }], "extension": [
        { "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation", "valueCode": "vertical" }] }])).is_ok());
}

#[test]
fn hidden_read_only_help_initial_prefix_and_limits() {
    let q = read_one(json!([
        { "linkId": "h", "type": "string", "text": "Hidden", "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden", "valueBoolean": true }] },
        { "linkId": "r", "type": "integer", "text": "Read only", "readOnly": true, "initial": [{ "valueInteger": 4 }] },
        { "linkId": "n", "type": "decimal", "prefix": "1.", "text": "How many?", "initial": [{ "valueDecimal": 2.5 }],
          "extension": [
            { "url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueDecimal": 1 },
            { "url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueDecimal": 10 },
            { "url": "http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces", "valueInteger": 1 },
            { "url": "http://hl7.org/fhir/StructureDefinition/entryFormat", "valueString": "e.g. 2.5" }],
          "item": [{ "linkId": "n-help", "type": "display", "text": "Count them.", "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
            "valueCodeableConcept": { "coding": [{ "code": "help" }] } }] }] },
        { "linkId": "s", "type": "string", "maxLength": 3, "_text": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/rendering-xhtml", "valueString": "<b>Bold</b> &amp; plain" }] } }
    ]))
    .expect("read");
    let initial = q.initial_answers(None);
    let form = q.form(&initial, None);
    let pages: Vec<(&str, bool)> = form
        .pages()
        .iter()
        .map(|p| (p.item.link_id.as_str(), p.asked()))
        .collect();
    assert_eq!(
        pages,
        [("r", false), ("n", true), ("s", true)],
        "hidden never shown; help is no page; read-only shown, not asked"
    );
    assert_eq!(form.answers_of("n"), [Answer::Decimal(2.5)]);
    let n = q.item("n").expect("n");
    assert_eq!(
        (
            n.prefix.as_ref().map(|p| p.text.as_str()),
            n.help[0].text.as_str()
        ),
        (Some("1."), "Count them.")
    );
    assert_eq!(
        n.entry_format.as_ref().map(|e| e.text.as_str()),
        Some("e.g. 2.5")
    );
    assert_eq!(
        refusal(n, &[Answer::Decimal(0.5)]),
        Some(Refusal::Below("1".into()))
    );
    assert_eq!(
        refusal(n, &[Answer::Decimal(11.0)]),
        Some(Refusal::Above("10".into()))
    );
    assert_eq!(
        refusal(n, &[Answer::Decimal(2.25)]),
        Some(Refusal::TooManyDecimals(1))
    );
    assert_eq!(refusal(n, &[Answer::Decimal(2.5)]), None);
    let s = q.item("s").expect("s");
    assert_eq!(
        refusal(s, &[Answer::String("abcd".into())]),
        Some(Refusal::TooLong(3))
    );
    assert_eq!(s.text.text, "Bold & plain", "rendering-xhtml as plain text");
}
