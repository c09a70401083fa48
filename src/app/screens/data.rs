//! "Your data": export (JSON, CSV, FHIR) as downloads or through the share sheet, import
//! with a merge preview, and keeping the data (persistent storage, backup reminder).

use std::rc::Rc;

use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::home::long_date;
use crate::app::{platform, storage, Keys};
use crate::domain::export::{csv::to_csv, fhir::to_fhir};
use crate::domain::format::{parse, to_json};
use crate::domain::import::{plan, ImportPlan};
use crate::domain::model::Diary;
use crate::domain::rules::{Episode, Firing};

/// Files larger than this are refused before reading (a 5-year diary is about 1 MB).
const MAX_IMPORT_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

#[derive(Clone, PartialEq)]
enum Import {
    Idle,
    Reading,
    Refused(String),
    Preview {
        incoming: Rc<Diary>,
        plan: Rc<ImportPlan>,
        ignored: usize,
        replace: bool,
    },
}

#[derive(Properties, PartialEq)]
pub struct DataProps {
    pub diary: Rc<Diary>,
    pub firings: Rc<Vec<Firing>>,
    pub episodes: Rc<Vec<Episode>>,
    pub today: NaiveDate,
    pub on_import: Callback<(Diary, bool, ImportPlan)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Csv,
    Fhir,
}

impl Format {
    fn label(self) -> &'static str {
        match self {
            Format::Json => "Diary file (JSON): a full backup you can import again",
            Format::Csv => "Spreadsheet (CSV): one row per day",
            Format::Fhir => "FHIR R4 (for your clinic's health record system)",
        }
    }
    fn short(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Fhir => "FHIR",
        }
    }
}

fn export(
    format: Format,
    diary: &Diary,
    firings: &[Firing],
    episodes: &[Episode],
    today: NaiveDate,
) -> (String, String, &'static str) {
    let now = platform::now();
    match format {
        Format::Json => (
            format!("recovery-diary-{today}.json"),
            to_json(diary, now),
            "application/json",
        ),
        Format::Csv => (
            format!("recovery-diary-{today}.csv"),
            to_csv(diary, firings),
            "text/csv",
        ),
        Format::Fhir => (
            format!("recovery-diary-{today}.fhir.json"),
            to_fhir(diary, episodes, now.map(|t| t.to_rfc3339())).to_string(),
            "application/fhir+json",
        ),
    }
}

#[function_component]
pub fn DataScreen(props: &DataProps) -> Html {
    let keys = use_context::<Rc<Keys>>().unwrap_or_else(|| {
        Rc::new(Keys::new(
            crate::domain::config::EmbedConfig::default().storage_key(),
        ))
    });
    let import = use_state(|| Import::Idle);
    let persisted = use_state(|| None::<Option<bool>>);
    let last_backup = use_state(|| storage::last_backup(&keys));
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

    let do_export = |format: Format, share: bool| {
        let (diary, firings, episodes, today) = (
            props.diary.clone(),
            props.firings.clone(),
            props.episodes.clone(),
            props.today,
        );
        let (status, last_backup, keys) = (status.clone(), last_backup.clone(), keys.clone());
        Callback::from(move |_: MouseEvent| {
            let (name, text, mime) = export(format, &diary, &firings, &episodes, today);
            let done = {
                let (status, last_backup, name, keys) = (
                    status.clone(),
                    last_backup.clone(),
                    name.clone(),
                    keys.clone(),
                );
                move |ok: bool| {
                    if ok && format == Format::Json {
                        storage::record_backup(&keys, today);
                        last_backup.set(Some(today));
                    }
                    status.set(Some(if ok {
                        format!("{name} is ready.")
                    } else {
                        format!("{name} was not shared.")
                    }));
                }
            };
            if share {
                wasm_bindgen_futures::spawn_local(async move {
                    done(platform::share(&name, &text, mime).await)
                });
            } else {
                done(platform::download(&name, &text, mime).is_ok());
            }
        })
    };

    let on_file = {
        let (import, diary) = (import.clone(), props.diary.clone());
        Callback::from(move |e: Event| {
            let Some(file) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            if file.size() > MAX_IMPORT_BYTES {
                import.set(Import::Refused(format!(
                    "This file is {:.0} MB, far larger than any diary (5 years is about 1 MB). Nothing was changed.",
                    file.size() / 1024.0 / 1024.0
                )));
                return;
            }
            import.set(Import::Reading);
            let (import, diary) = (import.clone(), diary.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let next = match platform::read_text(&file).await {
                    Err(msg) => Import::Refused(msg),
                    Ok(text) => match parse(&text) {
                        Err(e) => Import::Refused(format!(
                            "This file cannot be imported. {e}. Nothing was changed."
                        )),
                        Ok(parsed) => Import::Preview {
                            plan: Rc::new(plan(&diary, &parsed.diary)),
                            incoming: Rc::new(parsed.diary),
                            ignored: parsed.ignored_fields.len(),
                            replace: false,
                        },
                    },
                };
                import.set(next);
            });
        })
    };

    let preview = match &*import {
        Import::Idle => html! {},
        Import::Reading => html! { <p role="status">{ "Reading the file…" }</p> },
        Import::Refused(msg) => html! { <p class="error" role="alert">{ msg }</p> },
        Import::Preview {
            incoming,
            plan: p,
            ignored,
            replace,
        } => {
            let set_replace = |value: bool| {
                let (import, incoming, p, ignored) =
                    (import.clone(), incoming.clone(), p.clone(), *ignored);
                Callback::from(move |_: Event| {
                    import.set(Import::Preview {
                        incoming: incoming.clone(),
                        plan: p.clone(),
                        ignored,
                        replace: value,
                    })
                })
            };
            let confirm = {
                let (import, cb, incoming, p, replace) = (
                    import.clone(),
                    props.on_import.clone(),
                    incoming.clone(),
                    p.clone(),
                    *replace,
                );
                Callback::from(move |_: MouseEvent| {
                    cb.emit(((*incoming).clone(), replace, (*p).clone()));
                    import.set(Import::Idle);
                })
            };
            let cancel = {
                let import = import.clone();
                Callback::from(move |_: MouseEvent| import.set(Import::Idle))
            };
            html! {
                <div class="card import-preview" role="region" aria-label="What the import will do">
                    <h3>{ "What this file will do" }</h3>
                    <ul>
                        <li>{ format!("{} new day(s) will be added.", p.added.len()) }</li>
                        <li>{ format!("{} day(s) are the same in both.", p.identical.len()) }</li>
                        <li>{ format!("{} day(s) differ from what this phone has.", p.different.len()) }</li>
                        if p.adds_baseline { <li>{ "Your “before the procedure” record will be added." }</li> }
                        if p.adds_procedure_date { <li>{ "Your procedure date will be added." }</li> }
                        if *ignored > 0 { <li>{ format!("{ignored} field(s) this app does not know were ignored.") }</li> }
                    </ul>
                    if !p.different.is_empty() {
                        <fieldset class="choice">
                            <legend>{ "For the days that differ" }</legend>
                            <label class="radio"><input type="radio" name="import-replace" checked={!*replace} onchange={set_replace(false)} />{ " Keep what is on this phone" }</label>
                            <label class="radio"><input type="radio" name="import-replace" checked={*replace} onchange={set_replace(true)} />{ " Use the file's version" }</label>
                        </fieldset>
                    }
                    <p>{ "Nothing is deleted by an import." }</p>
                    <button type="button" class="button primary" disabled={!p.changes_anything(*replace)} onclick={confirm}>{ "Import" }</button>
                    <button type="button" class="button" onclick={cancel}>{ "Cancel" }</button>
                </div>
            }
        }
    };

    let keep = match *persisted {
        None => html! {},
        Some(Some(true)) => {
            html! { <p>{ "This browser has agreed to keep your diary's data." }</p> }
        }
        Some(_) => html! {
            <p class="warning-text">{ "This browser may delete the diary's data if the site is not used for a while (Safari does after 7 days unless the diary is added to the home screen). Save a backup file every week." }</p>
        },
    };

    html! {
        <section class="data" aria-labelledby="data-title">
            <h1 id="data-title" tabindex="-1">{ "Your data" }</h1>
            <h2>{ "Keep it safe" }</h2>
            { keep }
            <p>{ match *last_backup {
                Some(d) => format!("Last backup file saved: {}.", long_date(d)),
                None => "No backup file saved yet.".to_string(),
            } }</p>
            <h2>{ "Save or share a copy" }</h2>
            { for [Format::Json, Format::Csv, Format::Fhir].into_iter().map(|f| html! {
                <div class="export-row">
                    <p>{ f.label() }</p>
                    <button type="button" class="button" onclick={do_export(f, false)}>{ format!("Download {}", f.short()) }</button>
                    if *can_share {
                        <button type="button" class="button" onclick={do_export(f, true)}>{ format!("Share {}", f.short()) }</button>
                    }
                </div>
            }) }
            if let Some(s) = &*status { <p role="status">{ s }</p> }
            <h2>{ "Import a diary file" }</h2>
            <p>{ "Moving to a new phone? Import the diary file (JSON) saved on the old one. Days are merged by date; nothing is deleted." }</p>
            <div class="field">
                <label for="import-file">{ "Choose a diary file" }</label>
                <input id="import-file" type="file" accept=".json,application/json" onchange={on_file} />
            </div>
            { preview }
        </section>
    }
}
