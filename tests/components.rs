//! Component tests in headless Chromium (wasm-bindgen-test). Run by scripts/test.sh:
//! `cargo test --target wasm32-unknown-unknown --test components`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use chrono::NaiveDate;
use recovery_diary::app::screens::flags::{DayResult, DayResultProps};
use recovery_diary::app::screens::home::{Home, HomeProps};
use recovery_diary::app::screens::questionnaire::{QuestionnaireProps, QuestionnaireScreen};
use recovery_diary::app::screens::report::{Report, ReportProps};
use recovery_diary::app::state::{Action, AppState, Notice, Phase};
use recovery_diary::app::storage::{Committed, StorageError};
use recovery_diary::app::widgets::choice::{Choice, ChoiceProps};
use recovery_diary::app::widgets::number_field::{NumberField, NumberFieldProps};
use recovery_diary::domain::change::{Change, What};
use recovery_diary::domain::i18n::Lang;
use recovery_diary::domain::model::{Diary, Entry, Profile, Symptoms};
use recovery_diary::domain::rules::{episodes, evaluate, ClinicSettings};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets Yew's scheduler run until `condition` holds (a bounded number of turns).
async fn until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..200 {
        if condition() {
            return;
        }
        yew::platform::time::sleep(Duration::ZERO).await;
    }
    panic!("never happened: {what}");
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

#[wasm_bindgen_test]
async fn choice_is_native_radios_and_reports_the_tap() {
    let root = host();
    let picked: Rc<RefCell<Vec<bool>>> = Rc::default();
    let sink = picked.clone();
    let props = ChoiceProps::<bool> {
        name: "fall".into(),
        legend: "Did you fall?".into(),
        hint: None,
        options: vec![(true, "Yes".into()), (false, "No".into())],
        selected: Some(false),
        on_select: Callback::from(move |v| sink.borrow_mut().push(v)),
        class: Classes::new(),
        option_langs: Vec::new(),
    };
    yew::Renderer::<Choice<bool>>::with_root_and_props(root.clone(), props).render();
    until("rendered", || {
        root.query_selector("fieldset").unwrap().is_some()
    })
    .await;
    assert_eq!(
        root.query_selector("legend")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Did you fall?"
    );
    let radios = root
        .query_selector_all("input[type=radio][name=fall]")
        .unwrap();
    assert_eq!(radios.length(), 2);
    let no: web_sys::HtmlInputElement = radios.item(1).unwrap().dyn_into().unwrap();
    assert!(no.checked(), "the selected answer is checked");
    let yes: web_sys::HtmlElement = radios.item(0).unwrap().dyn_into().unwrap();
    yes.click();
    until("the tap is reported", || !picked.borrow().is_empty()).await;
    assert_eq!(*picked.borrow(), vec![true]);
}

#[wasm_bindgen_test]
async fn number_field_explains_a_bad_number_and_accepts_a_decimal_comma() {
    let root = host();
    let values: Rc<RefCell<Vec<Option<f64>>>> = Rc::default();
    let sink = values.clone();
    let props = NumberFieldProps {
        id: "minutes".into(),
        label: "Minutes".into(),
        hint: None,
        unit: "min".into(),
        value: None,
        min: 0.0,
        max: 1440.0,
        on_change: Callback::from(move |v| sink.borrow_mut().push(v)),
    };
    yew::Renderer::<NumberField>::with_root_and_props(root.clone(), props).render();
    until("rendered", || {
        root.query_selector("input").unwrap().is_some()
    })
    .await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let type_text = |text: &str| {
        input.set_value(text);
        let event = web_sys::InputEvent::new("input").unwrap();
        input.dispatch_event(&event).unwrap();
    };
    type_text("twelve");
    until("an error is shown", || {
        root.query_selector("[role=alert]").unwrap().is_some()
    })
    .await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("Please enter a number"));
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    type_text("12,5");
    until("the error goes", || {
        root.query_selector("[role=alert]").unwrap().is_none()
    })
    .await;
    assert_eq!(values.borrow().last().copied(), Some(Some(12.5)));
    type_text("-3");
    until("out of range is refused", || {
        root.query_selector("[role=alert]").unwrap().is_some()
    })
    .await;
    assert_eq!(values.borrow().last().copied(), Some(None));
}

#[wasm_bindgen_test]
async fn home_offers_todays_check_in_and_reminds_of_the_baseline() {
    let root = host();
    let diary = Diary::new(Profile {
        procedure_date: Some(day(2)),
        ..Profile::default()
    });
    let props = HomeProps {
        diary: Rc::new(diary),
        today: day(7),
        on_navigate: Callback::noop(),
        episodes: Rc::new(Vec::new()),
        firings: Rc::new(Vec::new()),
        settings: Rc::new(ClinicSettings::default()),
        on_acknowledge: Callback::noop(),
        on_clinic_phone: Callback::noop(),
        notice: Html::default(),
        reminder: None,
        due: Rc::default(),
    };
    yew::Renderer::<Home>::with_root_and_props(root.clone(), props).render();
    until("rendered", || root.query_selector("h1").unwrap().is_some()).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Day 5 after your procedure"), "{text}");
    assert!(text.contains("Start today's check-in"));
    assert!(text.contains("Nothing new today"));
    assert!(text.contains("“before the procedure” record is missing"));
    // Days 0–4 were missed (procedure day included); today is not "missed". One line,
    // which opens the list.
    let line: web_sys::HtmlElement = root
        .query_selector(".missed-line")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(line.text_content().unwrap(), "5 days without a check-in");
    let list = root.query_selector("details.missed").unwrap().unwrap();
    assert!(!list.has_attribute("open"), "closed: one line");
    line.click();
    until("the list opens", || list.has_attribute("open")).await;
    assert_eq!(
        root.query_selector_all(".missed-days li").unwrap().length(),
        5
    );
    assert_eq!(root.query_selector_all(".week li").unwrap().length(), 7);
}

#[wasm_bindgen_test]
fn the_reducer_queues_changes_until_they_are_saved() {
    let state = Rc::new(AppState::new(Phase::Ready, Diary::default()));
    let state = state.reduce(Action::Edit(Change::put(day(3), Entry::default()), None));
    assert_eq!(state.pending.len(), 1);
    assert_eq!(state.revision, 1);
    assert!(state.diary.checkins.contains_key(&day(3)));
    let failed = state.clone().reduce(Action::SaveFailed(StorageError::Full));
    assert_eq!(failed.pending.len(), 1, "a failed save keeps the change");
    assert!(failed.save_error.is_some());
    // Storage holds this tab's diary: nothing to replace.
    let saved = failed
        .clone()
        .reduce(Action::Saved(committed(1, &[0], None)));
    assert!(saved.pending.is_empty());
    assert!(saved.save_error.is_none());
    assert!(saved.diary.checkins.contains_key(&day(3)));
    // Storage holds another tab's diary with this change replayed on it: shown as stored.
    let mut merged = (*failed.diary).clone();
    merged.put_checkin(day(1), Entry::default());
    let saved = failed.reduce(Action::Saved(committed(1, &[0], Some(merged))));
    assert!(saved.pending.is_empty());
    assert!(saved.diary.checkins.contains_key(&day(1)));
    assert!(saved.diary.checkins.contains_key(&day(3)));
}

/// A save's result: `given` changes, of which `saved` are written; storage holds `stored`.
fn committed(given: usize, saved: &[usize], stored: Option<Diary>) -> Committed {
    Committed {
        given,
        saved: saved.to_vec(),
        stored,
        error: (saved.len() < given).then_some(StorageError::Full),
        kept: true,
        merged: None,
    }
}

#[wasm_bindgen_test]
fn a_change_that_does_not_fit_waits_and_the_others_are_saved() {
    let mut state = Rc::new(AppState::new(Phase::Ready, Diary::default()));
    for d in [3, 4, 5] {
        state = state.reduce(Action::Edit(Change::put(day(d), Entry::default()), None));
    }
    // The second change did not fit; the first and the third are in storage.
    let mut stored = Diary::default();
    stored.put_checkin(day(3), Entry::default());
    stored.put_checkin(day(5), Entry::default());
    // A change made while the save was under way comes after the ones it was given.
    let state = state.reduce(Action::Edit(Change::put(day(6), Entry::default()), None));
    let after = state.reduce(Action::Saved(committed(3, &[0, 2], Some(stored))));
    let waiting: Vec<_> = after.pending.iter().map(Change::what).collect();
    assert_eq!(waiting, [What::CheckIn(day(4)), What::CheckIn(day(6))]);
    assert_eq!(after.save_error.map(|e| e.error), Some(StorageError::Full));
    // Nothing leaves the screen.
    for d in [3, 4, 5, 6] {
        assert!(after.diary.checkins.contains_key(&day(d)), "day {d}");
    }
}

#[wasm_bindgen_test]
fn another_tabs_save_is_merged_under_this_tabs_unsaved_change() {
    let state = Rc::new(AppState::new(Phase::Ready, Diary::default()))
        .reduce(Action::Edit(Change::put(day(4), Entry::default()), None));
    let mut other = Diary::default();
    other.put_checkin(day(3), Entry::default());
    let merged = state.reduce(Action::External(other));
    assert!(merged.diary.checkins.contains_key(&day(3)));
    assert!(merged.diary.checkins.contains_key(&day(4)));
}

#[wasm_bindgen_test]
fn a_day_saved_here_and_in_another_tab_is_said_never_just_saved() {
    let state = Rc::new(AppState::new(Phase::Ready, Diary::default())).reduce(Action::Edit(
        Change::put(day(4), Entry::default()),
        Some(Notice::Saved(day(4))),
    ));
    let saved = state.reduce(Action::Saved(committed(1, &[0], None)));
    assert_eq!(saved.notice, Some(Notice::Saved(day(4))));
    // The other tab then saved the same day with a note.
    let mut other = (*saved.diary).clone();
    other.checkins.get_mut(&day(4)).unwrap().notes = Some("from the other tab".into());
    let after = saved.reduce(Action::External(other));
    assert_eq!(after.notice, Some(Notice::Merged(day(4))));
}

fn diary_with_flags() -> Diary {
    let mut diary = Diary::new(Profile {
        procedure_date: Some(day(2)),
        ..Profile::default()
    });
    for d in [3, 4, 6] {
        diary.put_checkin(
            day(d),
            Entry {
                chills: Some(true),
                ..Entry::default()
            },
        );
    }
    diary.put_checkin(
        day(5),
        Entry {
            symptoms: Some(Symptoms {
                incontinence: Some(true),
                ..Symptoms::default()
            }),
            ..Entry::default()
        },
    );
    diary
}

#[wasm_bindgen_test]
async fn the_report_lists_each_episode_once_with_its_data_attributes() {
    let root = host();
    let diary = diary_with_flags();
    let firings = evaluate(&diary, &ClinicSettings::default());
    let eps = episodes(&firings);
    let props = ReportProps {
        diary: Rc::new(diary),
        episodes: Rc::new(eps),
        firings: Rc::new(firings),
        settings: Rc::new(ClinicSettings::default()),
        clinic: Rc::default(),
        today: day(20),
        identity: None,
        on_identity: Callback::noop(),
    };
    yew::Renderer::<Report>::with_root_and_props(root.clone(), props).render();
    until("rendered", || {
        root.query_selector("[data-report]").unwrap().is_some()
    })
    .await;
    let items = root
        .query_selector_all("[data-report] [data-rule]")
        .unwrap();
    let mut seen = Vec::new();
    for i in 0..items.length() {
        let el: web_sys::Element = items.item(i).unwrap().dyn_into().unwrap();
        let attr = |n: &str| el.get_attribute(n).unwrap();
        seen.push(format!(
            "{} {} {} {}",
            attr("data-rule"),
            attr("data-tier"),
            attr("data-from"),
            attr("data-to")
        ));
    }
    seen.sort();
    assert_eq!(
        seen,
        vec![
            "A3 emergency 2026-11-05 2026-11-05".to_string(),
            "B1 call 2026-11-03 2026-11-04".to_string(),
            "B1 call 2026-11-06 2026-11-06".to_string(),
        ]
    );
}

/// Renders the result of day 9 of `diary` into `root`, until `shown` is on screen.
async fn day_result(root: &web_sys::Element, diary: Diary, shown: &str) {
    let firings = evaluate(&diary, &ClinicSettings::default());
    let props = DayResultProps {
        date: day(9),
        firings: Rc::new(firings),
        diary: Rc::new(diary),
        settings: Rc::new(ClinicSettings::default()),
        on_clinic_phone: Callback::noop(),
    };
    yew::Renderer::<DayResult>::with_root_and_props(root.clone(), props).render();
    until("rendered", || root.query_selector(shown).unwrap().is_some()).await;
}

#[wasm_bindgen_test]
async fn a_day_without_flags_says_the_no_flag_sentence_never_normal() {
    let root = host();
    let mut diary = diary_with_flags();
    let mut answered = Entry::default();
    recovery_diary::domain::questions::answer_none(&mut answered);
    diary.put_checkin(day(9), answered);
    day_result(&root, diary, ".no-flag").await;
    let text = root.text_content().unwrap();
    assert_eq!(text, Lang::En.texts().no_flag);
    assert!(!text.to_lowercase().contains("normal"));
}

/// rules.md v1.2: a check-in whose tier-A questions were not all answered (an older one, an
/// import) is never told that nothing matches: what was not answered, and the call.
#[wasm_bindgen_test]
async fn a_day_with_warning_questions_unanswered_names_them_with_the_call() {
    let root = host();
    let mut diary = diary_with_flags();
    let mut partly = Entry::default();
    recovery_diary::domain::questions::answer_none(&mut partly);
    partly.symptoms.as_mut().unwrap().both_legs = None;
    partly.incision = None;
    diary.put_checkin(day(9), partly);
    day_result(&root, diary, ".unanswered").await;
    let text = root.text_content().unwrap();
    assert!(!text.contains("Nothing you entered matches"), "{text}");
    assert!(text.contains("These warning signs were not answered for this day"));
    assert!(text.contains("Both legs weak or numb"));
    assert!(text.contains("Bleeding from the incision"));
    assert!(
        !text.contains("A leg getting weaker"),
        "answered: not listed"
    );
    assert!(text.contains("If you have any of these, call 911 now."));
    let call = root.query_selector(".unanswered a").unwrap().unwrap();
    assert_eq!(call.get_attribute("href").as_deref(), Some("tel:911"));
}

#[wasm_bindgen_test]
async fn settings_show_a_number_the_clinic_set_and_a_field_for_the_others() {
    use recovery_diary::app::screens::settings::{Settings, SettingsProps};
    use recovery_diary::domain::rules::RawSettings;
    let root = host();
    let props = SettingsProps {
        diary: Rc::new(Diary::default()),
        on_save: Callback::noop(),
        on_navigate: Callback::noop(),
        clinic: Default::default(),
        clinic_errors: Vec::new(),
        emergency_number: "911".into(),
        language: recovery_diary::domain::i18n::Lang::En,
        on_language: Callback::noop(),
        on_save_clinic: Callback::noop(),
        clinic_fixed: RawSettings {
            clinic_phone: Some("+1 555 0100".into()),
            ..RawSettings::default()
        },
        clinic_from_link: RawSettings::default(),
        reminder: None,
        on_reminder: Callback::noop(),
    };
    yew::Renderer::<Settings>::with_root_and_props(root.clone(), props).render();
    until("rendered", || root.query_selector("h1").unwrap().is_some()).await;
    let field = |id: &str| root.query_selector(&format!("#{id}")).unwrap();
    // The clinic's number is shown as set, not as a field the patient could change.
    assert!(field("clinic-phone").is_none());
    let fixed = root.query_selector(".fixed-setting").unwrap().unwrap();
    assert!(fixed.text_content().unwrap().contains("+1 555 0100"));
    // The others are fields; only the emergency number has a hint, tied to its input.
    let emergency = field("emergency-number").unwrap();
    assert_eq!(
        emergency.get_attribute("aria-describedby").as_deref(),
        Some("emergency-number-hint")
    );
    assert!(field("emergency-number-hint").is_some());
    let after_hours = field("after-hours-phone").unwrap();
    assert_eq!(after_hours.get_attribute("aria-describedby"), None);
    assert_eq!(after_hours.get_attribute("type").as_deref(), Some("tel"));
}

/// rules.md v1.1: on home every tier-A flag comes before every tier-B flag, newest first
/// within a tier; tier A and B never offer "I will mention it at my visit"; "Something else"
/// asks for a few words and records them.
#[wasm_bindgen_test]
async fn home_lists_the_emergency_first_and_never_offers_to_wait() {
    use recovery_diary::domain::model::{AckAction, Acknowledgement};
    let root = host();
    // B1 on days 3-4 and 6 (6 is newer than the A3 of day 5).
    let diary = diary_with_flags();
    let firings = evaluate(&diary, &ClinicSettings::default());
    let acks: Rc<RefCell<Vec<Acknowledgement>>> = Rc::default();
    let sink = acks.clone();
    let props = HomeProps {
        diary: Rc::new(diary),
        today: day(7),
        on_navigate: Callback::noop(),
        episodes: Rc::new(episodes(&firings)),
        firings: Rc::new(firings),
        settings: Rc::new(ClinicSettings::default()),
        on_acknowledge: Callback::from(move |a| sink.borrow_mut().push(a)),
        on_clinic_phone: Callback::noop(),
        notice: Html::default(),
        reminder: None,
        due: Rc::default(),
    };
    yew::Renderer::<Home>::with_root_and_props(root.clone(), props).render();
    until("rendered", || {
        root.query_selector(".banner").unwrap().is_some()
    })
    .await;
    let banners = root.query_selector_all(".banner").unwrap();
    let order: Vec<String> = (0..banners.length())
        .map(|i| {
            let el: web_sys::Element = banners.item(i).unwrap().dyn_into().unwrap();
            format!(
                "{} {}",
                el.get_attribute("data-rule").unwrap(),
                el.get_attribute("data-to").unwrap()
            )
        })
        .collect();
    assert_eq!(
        order,
        vec!["A3 2026-11-05", "B1 2026-11-06", "B1 2026-11-04"]
    );
    let text = root.text_content().unwrap();
    assert!(!text.contains("mention it at my visit"), "{text}");
    let first = root.query_selector(".banner").unwrap().unwrap();
    let buttons = first.query_selector_all(".ack button").unwrap();
    let labels: Vec<String> = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(
        labels,
        vec![
            "I called the emergency number or went to emergency care",
            "I called the clinic",
            "Something else"
        ]
    );
    // "Something else" on a tier-A flag: "Is it still happening?" first.
    let click = |within: &web_sys::Element, selector: &str, text: &str| {
        let all = within.query_selector_all(selector).unwrap();
        let found = (0..all.length())
            .map(|i| {
                all.item(i)
                    .unwrap()
                    .dyn_into::<web_sys::HtmlElement>()
                    .unwrap()
            })
            .find(|b| b.text_content().unwrap() == text)
            .unwrap_or_else(|| panic!("no {selector} saying {text}"));
        found.click();
    };
    click(&first, ".ack button", "Something else");
    until("the question", || {
        first.query_selector(".still-happening").unwrap().is_some()
    })
    .await;
    // Yes: the emergency alert again, full screen; nothing recorded.
    click(
        &first,
        ".still-happening button",
        "Yes, it is still happening",
    );
    until("the alert", || {
        root.query_selector("[role=alertdialog]").unwrap().is_some()
    })
    .await;
    assert!(acks.borrow().is_empty(), "nothing recorded");
    let alert = root.query_selector("[role=alertdialog]").unwrap().unwrap();
    assert!(alert.text_content().unwrap().contains("Call 911 now"));
    click(&alert, "button", "Back to the diary");
    until("the alert closes", || {
        root.query_selector("[role=alertdialog]").unwrap().is_none()
    })
    .await;
    // No: a few words, recorded as "something else" with the answer in the note.
    click(&first, ".ack button", "Something else");
    until("the question again", || {
        first.query_selector(".still-happening").unwrap().is_some()
    })
    .await;
    click(&first, ".still-happening button", "No, it has stopped");
    until("the note field opens", || {
        first.query_selector(".ack-note input").unwrap().is_some()
    })
    .await;
    assert!(acks.borrow().is_empty(), "nothing recorded before the note");
    let input: web_sys::HtmlInputElement = first
        .query_selector(".ack-note input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("My daughter drove me to urgent care");
    click(&first, ".ack-note button", "Save what I did");
    until("recorded", || !acks.borrow().is_empty()).await;
    let a = acks.borrow()[0].clone();
    assert_eq!(
        (a.rule.as_str(), a.date, a.action),
        ("A3", day(5), AckAction::Other)
    );
    assert_eq!(
        a.note.as_deref(),
        Some("It has stopped. My daughter drove me to urgent care")
    );
}

#[wasm_bindgen_test]
async fn a_questionnaire_asks_one_question_per_page_and_will_not_skip_a_required_one() {
    let root = host();
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../demo/questionnaires/walking.json")).unwrap();
    let questionnaire = recovery_diary::domain::questionnaire::parse(&json).unwrap();
    let sent: Rc<RefCell<Vec<serde_json::Value>>> = Rc::default();
    let sink = sent.clone();
    let props = QuestionnaireProps {
        questionnaire: Rc::new(questionnaire),
        json: Rc::new(json),
        on_submit: Callback::from(move |(_, r): (Rc<serde_json::Value>, serde_json::Value)| {
            sink.borrow_mut().push(r)
        }),
        on_close: Callback::noop(),
    };
    yew::Renderer::<QuestionnaireScreen>::with_root_and_props(root.clone(), props).render();
    until("rendered", || root.query_selector("h1").unwrap().is_some()).await;
    let text = |sel: &str| {
        root.query_selector(sel)
            .unwrap()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    let click = |sel: &str| {
        root.query_selector(sel)
            .unwrap()
            .unwrap()
            .dyn_into::<web_sys::HtmlElement>()
            .unwrap()
            .click()
    };
    assert!(
        text(".step-count").starts_with("Question 1 of"),
        "{}",
        text(".step-count")
    );
    // Required: Next says so and stays.
    click(".wizard-nav .primary");
    until("the required message", || {
        text(".error").contains("Please answer this question")
    })
    .await;
    assert!(text(".step-count").starts_with("Question 1 of"));
    // "No" asks nothing more about the legs: the next page is the last, then save.
    click("#q-legs-1");
    until("no error", || {
        root.query_selector(".error").unwrap().is_none()
    })
    .await;
    click(".wizard-nav .primary");
    until("page 2", || {
        text(".step-count").starts_with("Question 2 of 2")
    })
    .await;
    assert_eq!(text(".wizard-nav .primary"), "Save my answers");
    click(".wizard-nav .primary");
    until("sent", || !sent.borrow().is_empty()).await;
    let r = sent.borrow()[0].clone();
    assert_eq!(r["status"], "completed");
    assert_eq!(r["item"][0]["answer"][0]["valueCoding"]["code"], "no");
}

/// Side values are read with the browser's JSON.parse (no JSON reader in the main module):
/// what every earlier version wrote with serde_json still reads, and what is written now
/// reads back with serde_json (the diary's own reader) as the same value.
#[wasm_bindgen_test]
fn side_values_written_by_earlier_versions_still_read() {
    use recovery_diary::app::keys::Keys;
    use recovery_diary::app::storage::{self, PatientSettings};
    use recovery_diary::domain::reminder::Span;
    let keys = Keys::new("rd-side-values-test".into());
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    // Settings as the versions before the language, before the reminder, and now wrote them.
    let fixtures = [
        (
            r#"{"emergency_number":null,"clinic_phone":"+1 555 0100","after_hours_phone":null}"#,
            None,
            None,
        ),
        (
            r#"{"emergency_number":"112","clinic_phone":null,"after_hours_phone":"555 0199","language":"es"}"#,
            Some(Lang::Es),
            None,
        ),
        (
            r#"{"emergency_number":"911","clinic_phone":null,"after_hours_phone":null,"language":"en","reminder":{"time":"19:30:00","span":"two_weeks","uid":"u-1@recovery-diary","sequence":3}}"#,
            Some(Lang::En),
            Some(Span::TwoWeeks),
        ),
    ];
    for (raw, language, span) in fixtures {
        local.set_item(&keys.settings(), raw).unwrap();
        let read = storage::load_settings(&keys);
        let expected: PatientSettings = serde_json::from_str(raw).unwrap();
        assert_eq!(read, expected, "{raw}");
        assert_eq!(read.language, language, "{raw}");
        assert_eq!(read.reminder.as_ref().map(|r| r.span), span, "{raw}");
        storage::save_settings(&keys, &read).unwrap();
        let written = local.get_item(&keys.settings()).unwrap().unwrap();
        assert_eq!(
            serde_json::from_str::<PatientSettings>(&written).unwrap(),
            read,
            "{written}"
        );
    }
    // Unreadable settings are the defaults, as before.
    local.set_item(&keys.settings(), "{not json").unwrap();
    assert_eq!(storage::load_settings(&keys), PatientSettings::default());
    // The running timer (integers, offsets, optional instants) and a draft (nested values).
    let timer = r#"{"kind":"walk","date":"2026-11-30","started_at":"2026-11-30T09:15:00+01:00","symptoms_at":"2026-11-30T09:20:30+01:00"}"#;
    local.set_item(&keys.sibling("timer"), timer).unwrap();
    let running = storage::load_timer(&keys).unwrap();
    assert_eq!(running, serde_json::from_str(timer).unwrap());
    storage::save_timer(&keys, Some(&running));
    let written = local.get_item(&keys.sibling("timer")).unwrap().unwrap();
    assert_eq!(
        serde_json::from_str::<recovery_diary::domain::timed::Running>(&written).unwrap(),
        running
    );
    let draft = serde_json::json!({"page": "q2", "response": {"item": [{"linkId": "q1", "answer": [{"valueInteger": 3}, {"valueDecimal": 1.5}]}], "status": "in-progress"}});
    storage::keep_questionnaire_draft(&keys, "https://example.org/q", Some(draft.clone()));
    assert_eq!(
        storage::questionnaire_drafts(&keys)["https://example.org/q"],
        draft
    );
    for k in [
        keys.settings(),
        keys.sibling("timer"),
        keys.sibling("questionnaire-drafts"),
    ] {
        local.remove_item(&k).unwrap();
    }
}
