//! "Your data": export (JSON, CSV, FHIR) as downloads or through the share sheet, import
//! with a merge preview, and keeping the data (persistent storage, backup reminder).

use std::rc::Rc;

use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::{platform, storage, use_locale, Keys};
use crate::domain::export::{csv::to_csv, fhir::to_fhir};
use crate::domain::format::{parse, to_json};
use crate::domain::format::{FormatError, FormatErrorKind};
use crate::domain::i18n::{fill, Texts};
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

/// Why a file or stored value is not a readable diary: the patient's words, then the
/// technical detail (field path and reason) for whoever helps them.
pub fn format_error(t: &Texts, e: &FormatError) -> String {
    let plain = match e.kind {
        FormatErrorKind::NotJson => t.format_not_json,
        FormatErrorKind::NotADiary => t.format_not_diary,
        FormatErrorKind::NewerVersion => t.format_newer,
        FormatErrorKind::Invalid => t.format_invalid,
    };
    format!(
        "{plain} {}",
        fill(t.technical_detail, &[("detail", &e.to_string())])
    )
}

impl Format {
    fn label(self, t: &Texts) -> &'static str {
        match self {
            Format::Json => t.export_json,
            Format::Csv => t.export_csv,
            Format::Fhir => t.export_fhir,
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
    let locale = use_locale();
    let t = locale.t();
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
                let mb = format!("{:.0}", file.size() / 1024.0 / 1024.0);
                import.set(Import::Refused(fill(t.file_too_big, &[("n", &mb)])));
                return;
            }
            import.set(Import::Reading);
            let (import, diary) = (import.clone(), diary.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let next = match platform::read_text(&file).await {
                    None => Import::Refused(t.file_unreadable.to_string()),
                    Some(text) => match parse(&text) {
                        Err(e) => Import::Refused(fill(
                            t.import_refused,
                            &[("reason", &format_error(t, &e))],
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
        Import::Reading => html! { <p role="status">{ t.reading_file }</p> },
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
                <div class="card import-preview" role="region" aria-label={t.import_preview}>
                    <h3>{ t.import_preview_title }</h3>
                    <ul>
                        <li>{ fill(t.import_added, &[("n", &p.added.len().to_string())]) }</li>
                        <li>{ fill(t.import_identical, &[("n", &p.identical.len().to_string())]) }</li>
                        <li>{ fill(t.import_different, &[("n", &p.different.len().to_string())]) }</li>
                        if p.adds_baseline { <li>{ t.import_baseline }</li> }
                        if p.adds_procedure_date { <li>{ t.import_procedure_date }</li> }
                        if *ignored > 0 { <li>{ fill(t.import_ignored, &[("n", &ignored.to_string())]) }</li> }
                    </ul>
                    if !p.different.is_empty() {
                        <fieldset class="choice">
                            <legend>{ t.import_differ_legend }</legend>
                            <label class="radio"><input type="radio" name="import-replace" checked={!*replace} onchange={set_replace(false)} />{ " " }{ t.import_keep }</label>
                            <label class="radio"><input type="radio" name="import-replace" checked={*replace} onchange={set_replace(true)} />{ " " }{ t.import_replace }</label>
                        </fieldset>
                    }
                    <p>{ t.import_deletes_nothing }</p>
                    <button type="button" class="button primary" disabled={!p.changes_anything(*replace)} onclick={confirm}>{ t.import }</button>
                    <button type="button" class="button" onclick={cancel}>{ t.cancel }</button>
                </div>
            }
        }
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
            <p>{ match *last_backup {
                Some(d) => fill(t.last_backup, &[("date", &locale.long_date(d))]),
                None => t.no_backup.to_string(),
            } }</p>
            <h2>{ t.save_or_share }</h2>
            { for [Format::Json, Format::Csv, Format::Fhir].into_iter().map(|f| html! {
                <div class="export-row">
                    <p>{ f.label(t) }</p>
                    <button type="button" class="button" onclick={do_export(f, false)}>{ fill(t.download_format, &[("format", f.short())]) }</button>
                    if *can_share {
                        <button type="button" class="button" onclick={do_export(f, true)}>{ fill(t.share_format, &[("format", f.short())]) }</button>
                    }
                </div>
            }) }
            if let Some(s) = &*status { <p role="status">{ s }</p> }
            <h2>{ t.import_title }</h2>
            <p>{ t.import_text }</p>
            <div class="field">
                <label for="import-file">{ t.choose_file }</label>
                <input id="import-file" type="file" accept=".json,application/json" onchange={on_file} />
            </div>
            { preview }
        </section>
    }
}
