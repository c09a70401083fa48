//! The corpus: real published R4 Questionnaires (tests/fixtures/questionnaires/real, with
//! SOURCES.md), each one's outcome held: accepted (its pages and questions, and the score of
//! fixed answers as its authors compute it) or refused (the named reason).

use super::expr::Evaluate;
use super::*;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/questionnaires/real"
);

/// A clinic's file as the app reads it: the size limit, the structure, then its FHIRPath.
fn read(name: &str) -> Result<Questionnaire, Vec<Problem>> {
    let text = std::fs::read_to_string(format!("{DIR}/{name}")).expect("corpus file");
    let q = read_text(&text, &format!("https://clinic.example/q/{name}"))?;
    let problems = check_expressions(&q, &FhirPath);
    if problems.is_empty() {
        Ok(q)
    } else {
        Err(problems)
    }
}

enum Outcome {
    /// Pages shown and questions asked before any answer.
    Accepted { pages: usize, asked: usize },
    /// A part of each problem's text.
    Refused(&'static [&'static str]),
}
use Outcome::{Accepted, Refused};

const CORPUS: &[(&str, Outcome)] = &[
    ("android-fhir-behavior-calculated-expression.json", Accepted { pages: 2, asked: 1 }),
    ("android-fhir-behavior-skip-logic-with-expression.json", Refused(&["item 2: enableWhenExpression “%has-fever” writes %has-fever without backticks"])),
    ("android-fhir-behavior-skip-logic.json", Accepted { pages: 1, asked: 1 }),
    ("android-fhir-component-attachment.json", Refused(&["item 1: item type \"attachment\" is not supported"])),
    ("android-fhir-component-date-picker.json", Accepted { pages: 1, asked: 1 }),
    ("android-fhir-component-date-time-picker.json", Accepted { pages: 1, asked: 1 }),
    ("android-fhir-component-help.json", Refused(&["item 1: an answerOption has no value the diary can record (a valueCoding needs a code)"])),
    ("android-fhir-component-initial-value.json", Accepted { pages: 7, asked: 7 }),
    ("android-fhir-component-multi-select-choice.json", Accepted { pages: 1, asked: 1 }),
    ("android-fhir-component-open-choice.json", Accepted { pages: 1, asked: 1 }),
    ("android-fhir-component-quantity.json", Accepted { pages: 1, asked: 1 }),
    ("android-fhir-component-repeated-group.json", Refused(&["item 1: repeating groups are not supported"])),
    ("android-fhir-component-slider.json", Accepted { pages: 1, asked: 1 }),
    ("android-fhir-component-text-fields.json", Accepted { pages: 7, asked: 6 }),
    ("android-fhir-component-time-picker.json", Accepted { pages: 1, asked: 1 }),
    ("lforms-4712701.json", Refused(&["item 1.4: answerValueSet http://terminology.hl7.org/ValueSet/v3-ActEncounterCode is not a ValueSet contained in the file"])),
    ("lforms-apgar-item-weight.json", Accepted { pages: 6, asked: 5 }),
    ("lforms-bit-of-everything.json", Refused(&[
        "item Item-text: extension http://standards.healthconnex.com.au/fhir/StructureDefinition/Questionnaire-TextArea-Row is not known to the diary",
        "item Item-reference: item type \"reference\" is not supported",
        "item Item-attachment: item type \"attachment\" is not supported",
    ])),
    ("lforms-contained-valueset-item-weight.json", Refused(&["item link-2: calculatedExpression “%resource.repeat(item).answer.weight().sum()” uses weight(), sum(), which the diary's FHIRPath engine does not have"])),
    ("lforms-enable-when-loop.json", Refused(&["item item1: enableWhen items depend on each other in a circle (item1 → item3 → item1)"])),
    ("lforms-entry-format.json", Accepted { pages: 11, asked: 11 }),
    ("lforms-hidden-calculated.json", Accepted { pages: 3, asked: 1 }),
    ("lforms-hidden-extension.json", Accepted { pages: 3, asked: 3 }),
    ("lforms-launch-context.json", Refused(&["extension http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-launchContext: needs a patient, user or encounter"])),
    ("lforms-modifier-extension.json", Refused(&["modifierExtension http://example.org/fhir/StructureDefinition/anti-prescription changes the meaning"])),
    ("lforms-phq9-weight-function.json", Refused(&["item /44261-6: calculatedExpression “%resource.item.where(linkId != '/69722-7').answer.weight().sum()” uses weight(), sum()"])),
    ("lforms-phq9.json", Accepted { pages: 11, asked: 10 }),
    ("lforms-quantity-units.json", Accepted { pages: 8, asked: 8 }),
    ("lforms-weight-height.json", Accepted { pages: 5, asked: 4 }),
    ("sdc-cardiology-form.json", Refused(&["the file is 257 KB; the diary keeps questionnaires of at most 256 KB"])),
    ("sdc-rxterms.json", Refused(&[
        "item medications_table: repeating groups are not supported",
        "item medication: answerValueSet https://clinicaltables.nlm.nih.gov/fhir/R4/ValueSet/rxterms is not a ValueSet contained in the file",
        "item strength: extension http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression: options computed by an expression",
    ])),
    ("smart-forms-cvd-risk.json", Refused(&[
        "extension http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-launchContext: needs a patient",
        "extension http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-sourceQueries: queries a FHIR server",
        "item age: extension http://hl7.org/fhir/StructureDefinition/questionnaire-instruction is not known to the diary",
    ])),
];

#[test]
fn every_file_of_the_corpus_has_its_outcome() {
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .expect("corpus directory")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let held: Vec<&str> = CORPUS.iter().map(|(n, _)| *n).collect();
    assert_eq!(files, held, "every file in the corpus has an outcome here");
    let sources = std::fs::read_to_string(format!("{DIR}/SOURCES.md")).expect("SOURCES.md");
    let mut accepted = 0;
    for (name, outcome) in CORPUS {
        assert!(sources.contains(name), "{name} is in SOURCES.md");
        match (read(name), outcome) {
            (Ok(q), Accepted { pages, asked }) => {
                let form = q.form(&q.initial_answers(Some(&FhirPath)), Some(&FhirPath));
                assert_eq!(
                    (form.pages().len(), form.asked().len()),
                    (*pages, *asked),
                    "{name}"
                );
                accepted += 1;
            }
            (Err(problems), Refused(reasons)) => {
                let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
                for reason in *reasons {
                    assert!(
                        text.iter().any(|t| t.starts_with(reason)),
                        "{name}: {reason} in {text:#?}"
                    );
                }
            }
            (Ok(_), Refused(_)) => panic!("{name} was accepted"),
            (Err(p), Accepted { .. }) => panic!("{name} was refused: {p:#?}"),
        }
    }
    assert!(
        CORPUS.len() >= 15 && accepted >= 10,
        "{accepted} of {}",
        CORPUS.len()
    );
}

/// A coded answer (shared with the engines' comparison).
pub(super) fn coding(system: &str, code: &str) -> Answer {
    Answer::Coding(Coding {
        system: Some(system.to_string()),
        code: code.to_string(),
    })
}

/// Answers by linkId, one each.
pub(super) fn answered(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .map(|(l, a)| (l.to_string(), vec![a.clone()]))
        .collect()
}

/// The value the form computes for `link_id`.
fn computed(q: &Questionnaire, answers: &Answers, link_id: &str) -> Option<f64> {
    let form = q.form(answers, Some(&FhirPath));
    assert!(form.errors.is_empty(), "{:?}", form.errors);
    form.answers.get(link_id)?.first()?.number()
}

#[test]
fn phq9_total_as_its_authors_compute_it() {
    // LOINC 44249-1: nine items 0 to 3 (ordinalValue), the total their sum; the tenth
    // question (difficulty) is not scored. The file's FHIRPath reads the weights itself.
    let q = read("lforms-phq9.json").expect("accepted");
    let loinc = |c: &str| coding("http://loinc.org", c);
    let codes = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]; // 0, 1, 2, 3
    let items = [
        "/44250-9", "/44255-8", "/44259-0", "/44254-1", "/44251-7", "/44258-2", "/44252-5",
        "/44253-3", "/44260-8",
    ];
    let picks = [1, 2, 3, 0, 1, 2, 3, 0, 1];
    let mut a: Answers = items
        .iter()
        .zip(picks)
        .map(|(l, p)| (l.to_string(), vec![loinc(codes[p])]))
        .collect();
    a.insert("/69722-7".into(), vec![loinc("LA6573-5")]);
    assert_eq!(computed(&q, &a, "/44261-6"), Some(13.0));
    assert_eq!(q.score_item.as_deref(), Some("/44261-6"));
    // The response keeps the total; the report reads it from there.
    let r = q
        .form(&a, Some(&FhirPath))
        .response("2026-12-01T10:00:00-05:00");
    assert_eq!(q.score(&answers_of(&r)), Some(13.0));
    // Unanswered: no total (the authors' `{}`), not 0.
    assert_eq!(computed(&q, &Answers::new(), "/44261-6"), None);
    // The total is shown, never asked.
    let form = q.form(&a, Some(&FhirPath));
    let total = form
        .pages()
        .into_iter()
        .find(|p| p.item.link_id == "/44261-6")
        .expect("a page");
    assert!(!total.asked());
}

#[test]
fn apgar_total_with_loinc_codes_as_link_ids() {
    // Its expressions pick items by LOINC linkIds (`where(linkId = '32406-1')`): texts that
    // start with four digits stay texts. Answers weighing 2, 1, 0, 2, 1 give 6.
    let q = read("lforms-apgar-item-weight.json").expect("accepted");
    let loinc = |c: &str| coding("http://loinc.org", c);
    let a = answered(&[
        ("32406-1", loinc("LA6724-4")),
        ("32407-9", loinc("LA6717-8")),
        ("32409-5", loinc("LA6719-4")),
        ("32408-7", loinc("LA6715-2")),
        ("32410-3", loinc("LA6726-9")),
    ]);
    assert_eq!(computed(&q, &a, "9272-6"), Some(6.0));
    assert_eq!(
        FhirPath.evaluate(
            "'32406-1' = '32407-9'",
            &serde_json::Value::Null,
            &Default::default()
        ),
        Ok(vec![serde_json::Value::Bool(false)])
    );
}

#[test]
fn body_mass_index_from_weight_and_height_in_inches() {
    // weight / (height in inches × 0.0254)², rounded to 1 decimal.
    let q = read("lforms-weight-height.json").expect("accepted");
    let a = answered(&[
        ("/29463-7", Answer::Decimal(70.0)),
        ("/8302-2", Answer::Decimal(70.0)),
    ]);
    assert_eq!(computed(&q, &a, "/39156-5"), Some(22.1));
}

#[test]
fn hidden_calculated_items_are_computed_and_kept_never_shown() {
    let q = read("lforms-hidden-calculated.json").expect("accepted");
    let a = answered(&[("ITEM-VISIBLE", Answer::Decimal(4.5))]);
    let form = q.form(&a, Some(&FhirPath));
    for id in [
        "CE-HIDDEN",
        "CE-VISIBLE",
        "GROUP-VISIBLE/CE-HIDDEN",
        "GROUP-VISIBLE/CE-VISIBLE",
        "GROUP-HIDDEN/CE-HIDDEN",
    ] {
        assert_eq!(
            form.answers.get(id),
            Some(&vec![Answer::Decimal(4.5)]),
            "{id}"
        );
    }
    let shown: Vec<&str> = form
        .pages()
        .iter()
        .map(|p| p.item.link_id.as_str())
        .collect();
    assert_eq!(
        shown,
        ["CE-VISIBLE", "ITEM-VISIBLE", "GROUP-VISIBLE/CE-VISIBLE"]
    );
    let r = form.response("2026-12-01T10:00:00Z");
    assert_eq!(
        answers_of(&r).len(),
        6,
        "the hidden values are in the response"
    );
}

#[test]
fn age_from_a_date_of_birth() {
    let q = read("android-fhir-behavior-calculated-expression.json").expect("accepted");
    let today = chrono::Utc::now().date_naive();
    let born = today
        .checked_sub_months(chrono::Months::new(12 * 30))
        .and_then(|d| d.checked_sub_days(chrono::Days::new(10)))
        .expect("a date");
    let a = answered(&[("birthdate", Answer::Date(born.to_string()))]);
    let form = q.form(&a, Some(&FhirPath));
    assert_eq!(
        form.answers.get("age"),
        Some(&vec![Answer::Integer(30)]),
        "{:?}",
        form.errors
    );
}
