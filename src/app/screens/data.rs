//! "Your data": export (JSON, CSV, FHIR) as downloads or through the share sheet, import
//! with a merge preview, and keeping the data (persistent storage, backup reminder).

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use super::import_panel::ImportPanel;
use crate::app::context::use_locale;
use crate::app::hooks::stored::use_last_backup;
use crate::app::platform;
use crate::domain::export::{
    csv::{questionnaires_csv, to_csv},
    fhir::to_fhir_named,
};
use crate::domain::format::to_json;
use crate::domain::i18n::{fill, Locale, Texts};
use crate::domain::identity::Identity;
use crate::domain::import::ImportRequest;
use crate::domain::model::Diary;
use crate::domain::rules::{Episode, Firing};

lazy_screen!(DATA, data::data_view, DataProps, DataScreen);

#[derive(Properties, PartialEq, Clone)]
pub struct DataProps {
    pub diary: Rc<Diary>,
    pub firings: Rc<Vec<Firing>>,
    pub episodes: Rc<Vec<Episode>>,
    pub today: NaiveDate,
    pub on_import: Callback<ImportRequest>,
    /// The name and date of birth the patient added for the printed report: offered for
    /// the FHIR export, never put in unless ticked.
    #[prop_or_default]
    pub identity: Option<Identity>,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Csv,
    Fhir,
    /// The clinic questionnaires' answers: a second CSV file.
    QuestionnairesCsv,
}

impl Format {
    fn label(self, t: &Texts) -> &'static str {
        match self {
            Format::Json => t.export_json,
            Format::Csv => t.export_csv,
            Format::Fhir => t.export_fhir,
            Format::QuestionnairesCsv => t.export_questionnaires_csv,
        }
    }
    fn short(self, t: &Texts) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Fhir => "FHIR",
            Format::QuestionnairesCsv => t.q_csv_short,
        }
    }
}

/// What one export needs: the diary, its flags, the date, and the patient's name when they
/// ticked "include my name".
#[derive(Clone)]
struct Export {
    diary: Rc<Diary>,
    firings: Rc<Vec<Firing>>,
    episodes: Rc<Vec<Episode>>,
    today: NaiveDate,
    identity: Option<Identity>,
}

fn export(format: Format, x: &Export) -> (String, String, &'static str) {
    let (diary, today) = (&*x.diary, x.today);
    let now = platform::now();
    match format {
        Format::Json => (
            format!("recovery-diary-{today}.json"),
            to_json(diary, now),
            "application/json",
        ),
        Format::Csv => (
            format!("recovery-diary-{today}.csv"),
            to_csv(diary, &x.firings),
            "text/csv",
        ),
        Format::Fhir => (
            format!("recovery-diary-{today}.fhir.json"),
            to_fhir_named(
                diary,
                &x.episodes,
                now.map(|t| t.to_rfc3339()),
                x.identity.as_ref(),
            )
            .to_string(),
            "application/fhir+json",
        ),
        Format::QuestionnairesCsv => (
            format!("recovery-diary-{today}-questionnaires.csv"),
            questionnaires_csv(diary),
            "text/csv",
        ),
    }
}

#[function_component]
pub fn DataScreen(props: &DataProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let persisted = use_state(|| None::<Option<bool>>);
    let last_backup = use_last_backup();
    let status = use_state(|| None::<String>);
    let can_share = use_memo((), |_| platform::can_share_files());

    {
        let persisted = persisted.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                persisted.set(Some(platform::request_persistence().await));
            });
        });
    }

    let include_name = use_state(|| false);
    let do_export = |format: Format, share: bool| {
        let x = Export {
            diary: props.diary.clone(),
            firings: props.firings.clone(),
            episodes: props.episodes.clone(),
            today: props.today,
            identity: props.identity.clone().filter(|_| *include_name),
        };
        let (status, record_backup, today) =
            (status.clone(), last_backup.record.clone(), props.today);
        Callback::from(move |_: MouseEvent| {
            let (name, text, mime) = export(format, &x);
            let done = {
                let (status, record_backup, name) =
                    (status.clone(), record_backup.clone(), name.clone());
                move |ok: bool| {
                    if ok && format == Format::Json {
                        record_backup.emit(today);
                    }
                    status.set(Some(fill(
                        match (ok, share) {
                            (true, _) => t.file_ready,
                            (false, true) => t.file_not_shared,
                            (false, false) => t.download_failed,
                        },
                        &[("name", &name)],
                    )));
                }
            };
            if share {
                wasm_bindgen_futures::spawn_local(async move {
                    done(platform::share(&name, &text, mime).await)
                });
            } else {
                done(platform::download(&name, &text, mime));
            }
        })
    };

    let keep = match *persisted {
        None => html! {},
        Some(Some(true)) => {
            html! { <p>{ t.persisted }</p> }
        }
        Some(_) => html! {
            <p class="warning-text">{ t.not_persisted }</p>
        },
    };

    html! {
        <section class="data" aria-labelledby="data-title">
            <h1 id="data-title" tabindex="-1">{ t.your_data }</h1>
            <h2>{ t.keep_it_safe }</h2>
            { keep }
            <p>{ match last_backup.date {
                Some(d) => fill(t.last_backup, &[("date", &locale.long_date(d))]),
                None => t.no_backup.to_string(),
            } }</p>
            <h2>{ t.save_or_share }</h2>
            { for [Format::Json, Format::Csv, Format::Fhir, Format::QuestionnairesCsv].into_iter()
                .filter(|f| *f != Format::QuestionnairesCsv || !props.diary.questionnaire_responses.is_empty())
                .map(|f| html! {
                <div class="export-row">
                    <p>{ f.label(t) }</p>
                    if let (Format::Fhir, Some(who)) = (f, &props.identity) {
                        { include_name_choice(&locale, who, &include_name) }
                    }
                    <button type="button" class="button" onclick={do_export(f, false)}>{ fill(t.download_format, &[("format", f.short(t))]) }</button>
                    if *can_share {
                        <button type="button" class="button" onclick={do_export(f, true)}>{ fill(t.share_format, &[("format", f.short(t))]) }</button>
                    }
                </div>
            }) }
            if let Some(s) = &*status { <p role="status">{ s }</p> }
            <h2>{ t.import_title }</h2>
            <p>{ t.import_text }</p>
            <ImportPanel current={props.diary.clone()} input_id="import-file"
                on_import={props.on_import.clone()} />
        </section>
    }
}

/// "Include my name and date of birth (…)": unticked until the patient ticks it, for this
/// visit to the screen only.
fn include_name_choice(l: &Locale, who: &Identity, ticked: &UseStateHandle<bool>) -> Html {
    let t = l.t();
    let who = match who.birth_date {
        Some(born) => format!("{}, {}", who.name, l.date(born)),
        None => who.name.clone(),
    };
    let onchange = {
        let ticked = ticked.clone();
        Callback::from(move |_: Event| ticked.set(!*ticked))
    };
    html! {
        <label class="checkbox">
            <input type="checkbox" checked={**ticked} {onchange} />
            { fill(t.export_include_name, &[("who", &who)]) }
        </label>
    }
}
