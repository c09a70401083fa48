//! The clinic's questionnaires: the files listed in the `questionnaires`
//! setting, same-origin only, fetched when the diary opens and kept in storage, so the
//! diary works offline with the last copy. A file that does not read as a supported
//! Questionnaire is a configuration problem (console and the integrator's notice) and is
//! never shown to the patient.

use std::rc::Rc;

use serde_json::{Map, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::chunks::chunk_fn;
use super::keys::Keys;
use super::storage;
use crate::domain::config::ConfigProblem;
use crate::domain::questionnaire::{parse, Questionnaire};

const KEY: &str = "questionnaires";

/// One questionnaire offered to the patient: where it came from, as it came, and read.
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
pub fn resolve(list: &[String]) -> (Vec<String>, Vec<ConfigProblem>) {
    let (mut ok, mut problems) = (Vec::new(), Vec::new());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return (ok, problems);
    };
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    for raw in list {
        match web_sys::Url::new_with_base(raw, &base) {
            Ok(url) if url.origin() == origin && url.protocol().starts_with("http") => {
                ok.push(url.href())
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

/// Reads one file's JSON as an offered questionnaire, or the problem to report.
fn offer(source: &str, json: Value) -> Result<Offered, ConfigProblem> {
    match parse(&json) {
        Ok(q) => Ok(Offered {
            source: source.to_string(),
            json: Rc::new(json),
            questionnaire: Rc::new(q),
        }),
        Err(problems) => Err(problem(
            source,
            format!(
                "not used: {}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        )),
    }
}

/// The text of `url`, fetched from the network (revalidating any HTTP cache): `Err(None)`
/// when the network failed (offline), `Err(Some(status))` for an HTTP error.
async fn fetch_text(url: &str) -> Result<String, Option<u16>> {
    let window = web_sys::window().ok_or(None)?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| None)?
        .dyn_into()
        .map_err(|_| None)?;
    if !response.ok() {
        return Err(Some(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| None)?)
        .await
        .map_err(|_| None)?;
    text.as_string().ok_or(None)
}

/// Loads every listed file, falling back to the kept copy when the network fails.
pub(crate) async fn load(keys: &Keys, sources: &[String]) -> ClinicQuestionnaires {
    let mut copies = cached(keys);
    let mut out = ClinicQuestionnaires::default();
    for source in sources {
        let fetched = match fetch_text(source).await {
            Ok(text) => match serde_json::from_str::<Value>(&text) {
                Ok(json) => Some(json),
                Err(e) => {
                    out.problems
                        .push(problem(source, format!("is not JSON ({e}); not used.")));
                    copies.remove(source);
                    continue;
                }
            },
            Err(Some(status)) => {
                out.problems.push(problem(
                    source,
                    format!("could not be loaded (HTTP {status}); not used."),
                ));
                copies.remove(source);
                continue;
            }
            Err(None) => None,
        };
        let json = match fetched.or_else(|| copies.get(source).cloned()) {
            Some(json) => json,
            None => {
                out.problems.push(problem(
                    source,
                    "could not be loaded (offline?) and no copy is kept yet.".into(),
                ));
                continue;
            }
        };
        match offer(source, json.clone()) {
            Ok(o) => {
                copies.insert(source.clone(), json);
                out.offered.push(o);
            }
            Err(p) => {
                copies.remove(source);
                out.problems.push(p);
            }
        }
    }
    copies.retain(|k, _| sources.contains(k));
    storage::save_json(keys, KEY, &copies);
    out
}

// The reading of Questionnaires is in a chunk of its own, fetched after the first screen, so
// it does not weigh on the first open.
chunk_fn!(
    clinic_questionnaires,
    fn clinic_loader(
        keys: Rc<Keys>,
        sources: Vec<String>,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ClinicQuestionnaires>>> {
        Box::pin(async move { load(&keys, &sources).await })
    }
);

/// The clinic's questionnaires, once loaded (fetched, or the kept copies when offline).
#[hook]
pub fn use_clinic_questionnaires(keys: &Rc<Keys>, sources: &[String]) -> Rc<ClinicQuestionnaires> {
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
