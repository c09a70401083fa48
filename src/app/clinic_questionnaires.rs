//! The clinic's questionnaires: the files listed in the `questionnaires`
//! setting, same-origin only (a redirect is refused), at most 256 KB, fetched when the diary
//! opens and kept in storage, so the diary works offline with the last copy. A file that
//! does not read as a supported Questionnaire is a configuration problem (console and the
//! integrator's notice) and is never shown to the patient. Its FHIRPath is checked with the
//! engine, a chunk of its own (`FHIRPATH`) fetched only for a file that has FHIRPath.

use std::rc::Rc;

use serde_json::{Map, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::chunks::{chunk_fn, chunk_value};
use super::keys::Keys;
use super::storage;
use crate::domain::config::{ConfigProblem, QuestionnaireFile};
use crate::domain::questionnaire::{
    check_expressions, has_expressions, read_text, Evaluate, FhirPath, Questionnaire,
};

// The FHIRPath engine (rh-fhirpath): fetched only for a questionnaire that has FHIRPath.
chunk_value!(
    FHIRPATH,
    fhirpath::fhirpath_engine,
    &'static dyn Evaluate,
    { &FhirPath }
);

const KEY: &str = "questionnaires";

/// One questionnaire offered to the patient: where it came from, the copy kept in the diary
/// when answered (the file as written; `url` set to the file's own when it had none), and
/// read.
#[derive(Debug, PartialEq)]
pub struct Offered {
    pub source: String,
    pub json: Rc<Value>,
    pub questionnaire: Rc<Questionnaire>,
}

#[derive(Debug, Default, PartialEq)]
pub struct ClinicQuestionnaires {
    pub offered: Vec<Offered>,
    pub problems: Vec<ConfigProblem>,
}

fn problem(source: &str, message: String) -> ConfigProblem {
    let p = ConfigProblem {
        key: format!("{KEY} ({source})"),
        message,
    };
    web_sys::console::warn_1(
        &format!("Recovery Diary configuration: {}: {}", p.key, p.message).into(),
    );
    p
}

/// Resolves each listed file against the page; one on another origin is refused.
pub fn resolve(list: &[QuestionnaireFile]) -> (Vec<QuestionnaireFile>, Vec<ConfigProblem>) {
    let (mut ok, mut problems) = (Vec::new(), Vec::new());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return (ok, problems);
    };
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    for file in list {
        let raw = &file.path;
        match web_sys::Url::new_with_base(raw, &base) {
            Ok(url) if url.origin() == origin && url.protocol().starts_with("http") => {
                ok.push(QuestionnaireFile {
                    path: url.href(),
                    days: file.days.clone(),
                })
            }
            Ok(_) => problems.push(problem(
                raw,
                "is not on this site's own origin; only the site's own files are loaded.".into(),
            )),
            Err(_) => problems.push(problem(raw, "is not a URL; not loaded.".into())),
        }
    }
    (ok, problems)
}

fn cached(keys: &Keys) -> Map<String, Value> {
    storage::load_json(keys, KEY).unwrap_or_default()
}

/// Reads one file as an offered questionnaire, or the problems to report: its structure,
/// then its FHIRPath with the engine (fetched for it). The clinic's due days replace the
/// file's; with neither it is offered once, now, and the notice says so.
async fn offer(
    file: &QuestionnaireFile,
    text: &str,
    notes: &mut Vec<ConfigProblem>,
) -> Result<Offered, ConfigProblem> {
    let source = &file.path;
    let refused = |problems: Vec<crate::domain::questionnaire::Problem>| {
        problem(
            source,
            format!(
                "not used: {}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        )
    };
    let mut q = read_text(text, source).map_err(refused)?;
    if has_expressions(&q) {
        let Some(engine) = FHIRPATH.get().await else {
            return Err(problem(source, "not used now: the part of the diary that computes its FHIRPath could not be fetched; it is tried again next time.".into()));
        };
        let problems = check_expressions(&q, engine);
        if !problems.is_empty() {
            return Err(refused(problems));
        }
    }
    if let Some(days) = &file.days {
        q.due_days = days.clone();
    }
    if q.due_days.is_empty() {
        notes.push(problem(source, "has no due days (none after @ in the setting, no urn:recovery-diary:due-day in the file): it is offered once, now.".into()));
    }
    Ok(Offered {
        source: source.to_string(),
        json: Rc::new(q.kept_copy()),
        questionnaire: Rc::new(q),
    })
}

/// Why a file could not be fetched.
enum Unfetched {
    /// The network failed (offline): the kept copy is used.
    Offline,
    Status(u16),
    /// The server answered with a redirect (same-origin only: never followed).
    Redirect,
}

/// The text of `url`, fetched from the network (revalidating any HTTP cache). Redirects are
/// not followed (a same-origin URL could redirect to another origin), and the response must
/// come from `url` itself.
async fn fetch_text(url: &str) -> Result<String, Unfetched> {
    let window = web_sys::window().ok_or(Unfetched::Offline)?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    init.set_redirect(web_sys::RequestRedirect::Manual);
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| Unfetched::Offline)?
        .dyn_into()
        .map_err(|_| Unfetched::Offline)?;
    if response.type_() == web_sys::ResponseType::Opaqueredirect
        || response.redirected()
        || (!response.url().is_empty() && response.url() != url)
    {
        return Err(Unfetched::Redirect);
    }
    if !response.ok() {
        return Err(Unfetched::Status(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| Unfetched::Offline)?)
        .await
        .map_err(|_| Unfetched::Offline)?;
    text.as_string().ok_or(Unfetched::Offline)
}

/// Loads every listed file, falling back to the kept copy when the network fails.
pub(crate) async fn load(keys: &Keys, files: &[QuestionnaireFile]) -> ClinicQuestionnaires {
    let mut copies = cached(keys);
    let mut out = ClinicQuestionnaires::default();
    for file in files {
        let source = &file.path;
        let text = match fetch_text(source).await {
            Ok(text) => text,
            Err(Unfetched::Status(status)) => {
                out.problems.push(problem(
                    source,
                    format!("could not be loaded (HTTP {status}); not used."),
                ));
                copies.remove(source);
                continue;
            }
            Err(Unfetched::Redirect) => {
                out.problems.push(problem(
                    source,
                    "answered with a redirect; redirects are not followed (only the site's own file at the address listed is loaded); not used.".into(),
                ));
                copies.remove(source);
                continue;
            }
            Err(Unfetched::Offline) => match copies.get(source).and_then(Value::as_str) {
                Some(kept) => kept.to_string(),
                None => {
                    out.problems.push(problem(
                        source,
                        "could not be loaded (offline?) and no copy is kept yet.".into(),
                    ));
                    continue;
                }
            },
        };
        match offer(file, &text, &mut out.problems).await {
            Ok(o) => {
                copies.insert(source.clone(), Value::from(text));
                out.offered.push(o);
            }
            Err(p) => {
                copies.remove(source);
                out.problems.push(p);
            }
        }
    }
    copies.retain(|k, _| files.iter().any(|f| &f.path == k));
    storage::save_json(keys, KEY, &copies);
    out
}

// The reading of Questionnaires is in a chunk of its own, fetched after the first screen, so
// it does not weigh on the first open.
chunk_fn!(
    clinic_questionnaires,
    fn clinic_loader(
        keys: Rc<Keys>,
        files: Vec<QuestionnaireFile>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ClinicQuestionnaires>>> {
        Box::pin(async move { load(&keys, &files).await })
    }
);

/// The clinic's questionnaires, once loaded (fetched, or the kept copies when offline).
#[hook]
pub fn use_clinic_questionnaires(
    keys: &Rc<Keys>,
    sources: &[QuestionnaireFile],
) -> Rc<ClinicQuestionnaires> {
    let state = use_state(Rc::<ClinicQuestionnaires>::default);
    {
        let (state, keys, sources) = (state.clone(), keys.clone(), sources.to_vec());
        use_effect_with((), move |_| {
            if !sources.is_empty() {
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = match clinic_loader(keys, sources).await {
                        Ok(loading) => loading.await,
                        Err(_) => ClinicQuestionnaires {
                            offered: Vec::new(),
                            problems: vec![problem(
                                "all",
                                "not loaded: the part of the diary that reads them could not be fetched."
                                    .into(),
                            )],
                        },
                    };
                    state.set(Rc::new(loaded));
                });
            }
        });
    }
    (*state).clone()
}

/// A questionnaire due now: its place in the clinic's list, title and canonical reference.
#[derive(Clone, Debug, PartialEq)]
pub struct DueNow {
    pub index: usize,
    pub title: String,
    pub canonical: String,
    /// "It takes about N minutes."
    pub minutes: String,
}

/// The clinic's questionnaires that are due today and not yet answered in their window.
pub fn due_now(
    clinic: &ClinicQuestionnaires,
    diary: &crate::domain::model::Diary,
    today: chrono::NaiveDate,
    locale: &crate::domain::i18n::Locale,
) -> Vec<DueNow> {
    use crate::domain::questionnaire::{answered_dates, due};
    clinic
        .offered
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            let q = &o.questionnaire;
            let answered = answered_dates(diary, &q.url);
            due(q, diary.profile.procedure_date, today, &answered)
                .now
                .is_some()
        })
        .map(|(index, o)| DueNow {
            index,
            title: o.questionnaire.title.get(locale.lang.code()).to_string(),
            canonical: o.questionnaire.canonical(),
            minutes: o.questionnaire.minutes_words(locale.t()),
        })
        .collect()
}
