//! The only code that touches localStorage. `commit` is the one write path of the diary.

use std::cell::RefCell;
use std::collections::HashMap;

use gloo_storage::{LocalStorage, Storage};

use crate::domain::change::{replay, Change};
use crate::domain::format::{self, FormatError};
use crate::domain::model::Diary;

/// The localStorage keys of one diary: `recovery-diary` and its siblings, or with a
/// clinic's namespace `<namespace>:recovery-diary` and its siblings, so two embeds on one
/// origin never collide and the portal's own keys are never touched.
#[derive(Clone, Debug, PartialEq)]
pub struct Keys {
    pub main: String,
}

impl Keys {
    pub fn new(main: String) -> Self {
        Keys { main }
    }
    pub fn quarantine(&self, stamp: u64) -> String {
        format!("{}.quarantine.{stamp}", self.main)
    }
    pub fn settings(&self) -> String {
        format!("{}.settings", self.main)
    }
    pub fn backup(&self) -> String {
        format!("{}.last-backup", self.main)
    }
}

/// A stored value that could not be read as a diary. It is never overwritten: it is copied
/// to `quarantine_key` (when storage allowed the copy) and the original stays until the
/// patient chooses to start again.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub raw: String,
    pub error: FormatError,
    pub quarantine_key: Option<String>,
}

pub enum Loaded {
    Empty,
    Diary(Diary),
    Unreadable(Unreadable),
}

thread_local! {
    /// What this tab last read or wrote under each key, so a commit knows whether another
    /// tab wrote since.
    static LAST_SEEN: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

fn seen(keys: &Keys, value: Option<String>) {
    LAST_SEEN.with(|l| match value {
        Some(v) => {
            l.borrow_mut().insert(keys.main.clone(), v);
        }
        None => {
            l.borrow_mut().remove(&keys.main);
        }
    });
}

fn raw_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "This browser is not letting the diary use its storage (it may be in private mode or have storage turned off).".to_string())
}

fn read_raw(keys: &Keys) -> Result<Option<String>, String> {
    raw_storage()?
        .get_item(&keys.main)
        .map_err(|_| "The diary could not read this browser's storage.".to_string())
}

/// Reads the diary at startup.
pub fn load(keys: &Keys) -> Loaded {
    let raw = match read_raw(keys) {
        Ok(Some(raw)) => raw,
        Ok(None) | Err(_) => return Loaded::Empty,
    };
    match format::parse(&raw) {
        Ok(parsed) => {
            seen(keys, Some(raw));
            Loaded::Diary(parsed.diary)
        }
        Err(error) => Loaded::Unreadable(quarantine(keys, raw, error)),
    }
}

/// An existing quarantine copy holding exactly `raw`, so that reloading a phone with an
/// unreadable diary does not pile up copies until storage is full.
fn existing_copy(keys: &Keys, raw: &str) -> Option<String> {
    let storage = raw_storage().ok()?;
    let prefix = keys.quarantine(0);
    let prefix = prefix.trim_end_matches('0');
    (0..storage.length().ok()?)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .find(|k| storage.get_item(k).ok().flatten().as_deref() == Some(raw))
}

fn quarantine(keys: &Keys, raw: String, error: FormatError) -> Unreadable {
    let quarantine_key = existing_copy(keys, &raw).or_else(|| {
        let key = keys.quarantine(js_sys::Date::now() as u64);
        LocalStorage::raw()
            .set_item(&key, &raw)
            .is_ok()
            .then_some(key)
    });
    Unreadable {
        raw,
        error,
        quarantine_key,
    }
}

/// After the patient chose to start again: the unreadable value is safe in its quarantine
/// copy (or was downloaded), so the main key may go.
pub fn discard_unreadable(keys: &Keys) {
    let _ = LocalStorage::raw().remove_item(&keys.main);
    seen(keys, None);
}

/// Writes `pending` (already applied to `current`, the tab's own view) to storage. When
/// another tab wrote since this tab last looked, the pending changes are replayed onto what
/// it wrote instead, so neither tab's work is lost. Returns what storage now holds.
pub fn commit(keys: &Keys, current: &Diary, pending: &[Change]) -> Result<Diary, String> {
    let stored_raw = read_raw(keys)?;
    let unchanged =
        LAST_SEEN.with(|l| l.borrow().get(&keys.main).map(String::as_str) == stored_raw.as_deref());
    let next = match stored_raw {
        Some(raw) if !unchanged => match format::parse(&raw) {
            Ok(parsed) => replay(&parsed.diary, pending),
            Err(error) => {
                // Something unreadable appeared under our key: keep a copy before replacing.
                if quarantine(keys, raw, error).quarantine_key.is_none() {
                    return Err("The diary could not keep a safety copy of the stored data, so it did not save. Storage may be full.".into());
                }
                current.clone()
            }
        },
        _ => current.clone(),
    };
    let text = format::to_json(&next, None);
    raw_storage()?
        .set_item(&keys.main, &text)
        .map_err(|_| "Your last change could not be saved on this phone: its storage is full or turned off. It is still here on screen, and the diary will try again with your next change.".to_string())?;
    seen(keys, Some(text));
    Ok(next)
}

/// A diary another tab just wrote, from a `storage` event's new value.
pub fn external(keys: &Keys, new_value: Option<String>) -> Option<Diary> {
    let raw = new_value?;
    let parsed = format::parse(&raw).ok()?;
    seen(keys, Some(raw));
    Some(parsed.diary)
}

/// The stored text, for the recovery screens' download.
pub fn raw_value(keys: &Keys) -> Option<String> {
    read_raw(keys).ok().flatten()
}

/// The clinic's phone numbers and emergency number as the patient entered them, under their
/// own key (`Keys::settings`; they are not part of the diary file format).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PatientSettings {
    #[serde(default)]
    pub emergency_number: Option<String>,
    #[serde(default)]
    pub clinic_phone: Option<String>,
    #[serde(default)]
    pub after_hours_phone: Option<String>,
}

impl PatientSettings {
    pub fn raw(&self) -> crate::domain::rules::RawSettings {
        crate::domain::rules::RawSettings {
            emergency_number: self.emergency_number.clone(),
            clinic_phone: self.clinic_phone.clone(),
            after_hours_phone: self.after_hours_phone.clone(),
            ..Default::default()
        }
    }
}

/// Reads the settings; anything unreadable is ignored (the defaults of the rule table).
pub fn load_settings(keys: &Keys) -> PatientSettings {
    raw_storage()
        .ok()
        .and_then(|s| s.get_item(&keys.settings()).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub fn save_settings(keys: &Keys, settings: &PatientSettings) -> Result<(), String> {
    let text = serde_json::to_string(settings).map_err(|e| e.to_string())?;
    raw_storage()?
        .set_item(&keys.settings(), &text)
        .map_err(|_| {
            "The settings could not be saved: this phone's storage is full or turned off."
                .to_string()
        })
}

/// When the patient last saved a backup file (YYYY-MM-DD), for the reminder.
pub fn last_backup(keys: &Keys) -> Option<chrono::NaiveDate> {
    let raw = raw_storage().ok()?.get_item(&keys.backup()).ok()??;
    chrono::NaiveDate::parse_from_str(&raw, "%Y-%m-%d").ok()
}

pub fn record_backup(keys: &Keys, date: chrono::NaiveDate) {
    if let Ok(s) = raw_storage() {
        let _ = s.set_item(&keys.backup(), &date.to_string());
    }
}
