//! The only code that touches localStorage. `commit` is the one write path.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};

use crate::domain::change::{replay, Change};
use crate::domain::format::{self, FormatError};
use crate::domain::model::Diary;

pub const KEY: &str = "recovery-diary";

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
    /// What this tab last read or wrote, so a commit knows whether another tab wrote since.
    static LAST_SEEN: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn raw_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "This browser is not letting the diary use its storage (it may be in private mode or have storage turned off).".to_string())
}

fn read_raw() -> Result<Option<String>, String> {
    raw_storage()?
        .get_item(KEY)
        .map_err(|_| "The diary could not read this browser's storage.".to_string())
}

/// Reads the diary at startup.
pub fn load() -> Loaded {
    let raw = match read_raw() {
        Ok(Some(raw)) => raw,
        Ok(None) | Err(_) => return Loaded::Empty,
    };
    match format::parse(&raw) {
        Ok(parsed) => {
            LAST_SEEN.with(|l| *l.borrow_mut() = Some(raw));
            Loaded::Diary(parsed.diary)
        }
        Err(error) => Loaded::Unreadable(quarantine(raw, error)),
    }
}

fn quarantine(raw: String, error: FormatError) -> Unreadable {
    let key = format!("{KEY}.quarantine.{}", js_sys::Date::now() as u64);
    let copied = LocalStorage::raw().set_item(&key, &raw).is_ok();
    Unreadable {
        raw,
        error,
        quarantine_key: copied.then_some(key),
    }
}

/// After the patient chose to start again: the unreadable value is safe in its quarantine
/// copy (or was downloaded), so the main key may go.
pub fn discard_unreadable() {
    let _ = LocalStorage::raw().remove_item(KEY);
    LAST_SEEN.with(|l| *l.borrow_mut() = None);
}

/// Writes `pending` (already applied to `current`, the tab's own view) to storage. When
/// another tab wrote since this tab last looked, the pending changes are replayed onto what
/// it wrote instead, so neither tab's work is lost. Returns what storage now holds.
pub fn commit(current: &Diary, pending: &[Change]) -> Result<Diary, String> {
    let stored_raw = read_raw()?;
    let unchanged = LAST_SEEN.with(|l| l.borrow().as_deref() == stored_raw.as_deref());
    let next = match stored_raw {
        Some(raw) if !unchanged => match format::parse(&raw) {
            Ok(parsed) => replay(&parsed.diary, pending),
            Err(error) => {
                // Something unreadable appeared under our key: keep a copy before replacing.
                if quarantine(raw, error).quarantine_key.is_none() {
                    return Err("The diary could not keep a safety copy of the stored data, so it did not save. Storage may be full.".into());
                }
                current.clone()
            }
        },
        _ => current.clone(),
    };
    let text = format::to_json(&next, None);
    raw_storage()?
        .set_item(KEY, &text)
        .map_err(|_| "Your last change could not be saved on this phone: its storage is full or turned off. It is still here on screen, and the diary will try again with your next change.".to_string())?;
    LAST_SEEN.with(|l| *l.borrow_mut() = Some(text));
    Ok(next)
}

/// A diary another tab just wrote, from a `storage` event's new value.
pub fn external(new_value: Option<String>) -> Option<Diary> {
    let raw = new_value?;
    let parsed = format::parse(&raw).ok()?;
    LAST_SEEN.with(|l| *l.borrow_mut() = Some(raw));
    Some(parsed.diary)
}

/// The stored text, for the recovery screens' download.
pub fn raw_value() -> Option<String> {
    read_raw().ok().flatten()
}

/// The clinic's phone numbers and emergency number as the patient entered them, under their
/// own key (they are not part of the diary file format).
pub const SETTINGS_KEY: &str = "recovery-diary.settings";

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
pub fn load_settings() -> PatientSettings {
    raw_storage()
        .ok()
        .and_then(|s| s.get_item(SETTINGS_KEY).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub fn save_settings(settings: &PatientSettings) -> Result<(), String> {
    let text = serde_json::to_string(settings).map_err(|e| e.to_string())?;
    raw_storage()?.set_item(SETTINGS_KEY, &text).map_err(|_| {
        "The settings could not be saved: this phone's storage is full or turned off.".to_string()
    })
}

/// When the patient last saved a backup file (YYYY-MM-DD), for the reminder.
pub const BACKUP_KEY: &str = "recovery-diary.last-backup";

pub fn last_backup() -> Option<chrono::NaiveDate> {
    let raw = raw_storage().ok()?.get_item(BACKUP_KEY).ok()??;
    chrono::NaiveDate::parse_from_str(&raw, "%Y-%m-%d").ok()
}

pub fn record_backup(date: chrono::NaiveDate) {
    if let Ok(s) = raw_storage() {
        let _ = s.set_item(BACKUP_KEY, &date.to_string());
    }
}
