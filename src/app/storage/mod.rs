//! The only code that touches localStorage. `commit` (in `commit.rs`) is the one write path
//! of the diary; the changes it could not write wait in a queue a reload finds.

mod commit;
mod json_text;

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDate;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::*;

use super::chunks::chunk_value;
use super::keys::Keys;
use crate::domain::change::{Change, MergeDay};
use crate::domain::format::FormatError;
use crate::domain::i18n::{Lang, Texts};
use crate::domain::identity::Identity;
use crate::domain::model::{Diary, Entry};

use commit::commit;
pub use commit::Committed;
use json_text::{from_json_text, to_json_text};

/// A timed walk or stand under way (so a reload can finish or discard it).
const TIMER: &str = "timer";
/// The clinic questionnaires begun and not yet saved.
const QUESTIONNAIRE_DRAFTS: &str = "questionnaire-drafts";
const CHECKIN_DRAFT: &str = "draft";
const CHECKIN_DRAFT_STEP: &str = "draft-step";

/// How the diary kept in this browser's storage is read and written (`format::read_stored`,
/// `format::to_json`): the open (`load`), the one write path (`commit`, with its queue of
/// changes not yet saved) and the merge of a day two windows saved. In the `ready` chunk,
/// because a first open has nothing stored and nothing to write until setup ends (setup
/// fetches the chunk on its second page).
#[derive(Clone, Copy)]
pub struct StorageCodec {
    pub read: Reader,
    pub write: fn(&Diary, Option<chrono::DateTime<chrono::FixedOffset>>) -> String,
    pub load: fn(&Keys, NaiveDate) -> Loaded,
    pub commit: Commit,
    pub merge_day: MergeDay,
}

/// `commit::commit`.
type Commit = fn(&Keys, &Diary, &[Change], NaiveDate) -> Result<Committed, StorageError>;

chunk_value!(STORAGE_CODEC, ready::storage_codec, StorageCodec, {
    StorageCodec {
        read: crate::domain::format::read_stored,
        write: crate::domain::format::to_json,
        load,
        commit,
        merge_day: crate::domain::change::merge_day,
    }
});

/// How the reducer merges a day another window saved: the codec's `merge_day`. Its chunk is
/// here whenever there is a check-in to merge (the check-in screen is in it); without it, a
/// save is taken whole.
pub fn merge_day() -> MergeDay {
    fn whole(_: &Entry, _: &Entry, mine: &Entry, _: &mut bool) -> Entry {
        mine.clone()
    }
    STORAGE_CODEC.loaded().map_or(whole, |c| c.merge_day)
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
    /// The stored diary (empty when only unsaved changes were found), and the changes a
    /// failed save left in the queue, to apply and save again.
    Diary(Diary, Vec<Change>),
    Unreadable(Unreadable),
    /// The browser would not let the diary read its storage: never taken for a new diary.
    Failed,
}

thread_local! {
    /// What this tab last read or wrote under each key, so a commit knows whether another
    /// tab wrote since. Kept as the JavaScript string itself: comparing it with what storage
    /// holds is one `===` in JavaScript, with no copy of a megabyte into wasm per save.
    static LAST_SEEN: RefCell<HashMap<String, JsValue>> = RefCell::new(HashMap::new());
}

fn seen(keys: &Keys, value: Option<JsValue>) {
    LAST_SEEN.with(|l| match value {
        Some(v) => {
            l.borrow_mut().insert(keys.main.clone(), v);
        }
        None => {
            l.borrow_mut().remove(&keys.main);
        }
    });
}

#[wasm_bindgen]
extern "C" {
    /// `Storage`, with values that stay JavaScript strings.
    type JsStorage;
    /// `getItem`: the value as it is in JavaScript (a string or null).
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_value(this: &JsStorage, key: &str) -> Result<JsValue, JsValue>;
    /// `setItem` with a string already in JavaScript.
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_value(this: &JsStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
}

/// Why storage could not be used; the screens say it in the patient's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage at all, or it refuses every write (turned off, blocked, or old
    /// Safari's private mode, whose storage holds nothing and takes nothing).
    Blocked,
    /// Reading it threw.
    Unreadable,
    /// Something unreadable was under our key and could not be kept aside first.
    NoSafetyCopy,
    /// Writing threw because storage is full (it holds data and takes no more).
    Full,
    /// The part of the diary that reads and writes storage could not be fetched.
    NotLoaded,
}

impl StorageError {
    pub fn text(self, t: &Texts) -> &'static str {
        match self {
            StorageError::Blocked => t.storage_blocked,
            StorageError::Unreadable => t.storage_unreadable,
            StorageError::NoSafetyCopy => t.save_no_safety_copy,
            StorageError::Full => t.save_full,
            StorageError::NotLoaded => t.lazy_failed,
        }
    }
}

fn raw_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Blocked)
}

/// Why `storage` refused a write that threw `error`: full when it says so (a quota error)
/// and holds something; anything else, and a "full" storage that holds nothing (old
/// Safari's private mode), is storage the diary may not use.
fn write_error(storage: &web_sys::Storage, error: &JsValue) -> StorageError {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    let quota = name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED";
    if quota && storage.length().is_ok_and(|n| n > 0) {
        StorageError::Full
    } else {
        StorageError::Blocked
    }
}

/// Writes `value` under `key` of `storage`, telling a full storage from a blocked one.
fn set(storage: &web_sys::Storage, key: &str, value: &JsValue) -> Result<(), StorageError> {
    let js: &JsStorage = storage.unchecked_ref();
    js.set_item_value(key, value)
        .map_err(|e| write_error(storage, &e))
}

fn read_raw(keys: &Keys) -> Result<Option<String>, StorageError> {
    raw_storage()?
        .get_item(&keys.main)
        .map_err(|_| StorageError::Unreadable)
}

/// Whether this browser keeps what the diary writes, found with a small write at start:
/// `Ok`, or full (it holds data and takes no more), or blocked ("block site data", or old
/// Safari's private mode).
pub fn probe(keys: &Keys) -> Result<(), StorageError> {
    let storage = raw_storage()?;
    let result = set(&storage, &keys.sibling("probe"), &JsValue::from_str("1"));
    let _ = storage.remove_item(&keys.sibling("probe"));
    result
}

/// The stored diary as it is in JavaScript (a string, or null), not copied into wasm.
fn read_value(keys: &Keys) -> Result<JsValue, StorageError> {
    let storage = raw_storage()?;
    let storage: &JsStorage = storage.unchecked_ref();
    storage
        .get_item_value(&keys.main)
        .map_err(|_| StorageError::Unreadable)
}

/// The stored diary's reader (`StorageCodec::read`, from its chunk), given the phone's date.
pub type Reader = fn(&str, NaiveDate) -> Result<Diary, FormatError>;

/// Whether there is a diary to open: storage holds one under the diary's key, or changes a
/// failed save left for a reload (both read by `load` once the reader's chunk is here).
/// `Err` when the browser would not let the diary read: that is never a new diary.
pub fn has_diary(keys: &Keys) -> Result<bool, StorageError> {
    let stored = match read_value(keys) {
        Ok(v) => v.is_string(),
        // No storage at all: nothing can be stored.
        Err(StorageError::Blocked) => false,
        Err(e) => return Err(e),
    };
    Ok(stored || commit::has_unsaved(keys))
}

/// Reads the diary at startup, with the changes a failed save left in the queue
/// (`StorageCodec::load`: in its chunk).
fn load(keys: &Keys, today: NaiveDate) -> Loaded {
    let value = match read_value(keys) {
        Ok(v) => v,
        Err(StorageError::Blocked) => JsValue::NULL,
        Err(_) => return Loaded::Failed,
    };
    let unsaved = commit::unsaved(keys);
    let Some(raw) = value.as_string() else {
        return if unsaved.is_empty() {
            Loaded::Empty
        } else {
            Loaded::Diary(Diary::default(), unsaved)
        };
    };
    match crate::domain::format::read_stored(&raw, today) {
        Ok(diary) => {
            seen(keys, Some(value));
            Loaded::Diary(diary, unsaved)
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

/// Whether storage holds what this tab last read or wrote (one `===` in JavaScript).
fn unchanged_since_seen(keys: &Keys, stored: &JsValue) -> bool {
    LAST_SEEN.with(|l| match l.borrow().get(&keys.main) {
        Some(last) => last == stored,
        None => stored.is_null(),
    })
}

/// The diary another tab wrote, after a `storage` event: read from storage itself, not from
/// the event, which may be older than a write this tab made since (then nothing is new).
pub fn external(keys: &Keys, read: Reader, today: NaiveDate) -> Option<Diary> {
    let value = read_value(keys).ok()?;
    if unchanged_since_seen(keys, &value) {
        return None;
    }
    let diary = read(&value.as_string()?, today).ok()?;
    seen(keys, Some(value));
    Some(diary)
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
    /// The language the patient chose (over the clinic's and the browser's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    /// The daily reminder the patient added to their calendar (its time, span and UID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminder: Option<crate::domain::reminder::Reminder>,
    /// The patient's name and date of birth for the printed report (never in the diary
    /// file; in an export only when the patient ticks "include my name").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// YYYY-MM-DD (read with `parse_iso_date`, so that opening the diary needs no date parser
    /// of chrono's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
}

impl PatientSettings {
    /// The name and date of birth the patient added, when they gave a name.
    pub fn identity(&self) -> Option<Identity> {
        let name = crate::domain::identity::clean_name(self.name.as_deref()?)?;
        Some(Identity {
            name,
            birth_date: self
                .birth_date
                .as_deref()
                .and_then(crate::domain::calendar::parse_iso_date),
        })
    }

    pub fn set_identity(&mut self, identity: Option<Identity>) {
        use chrono::Datelike;
        self.name = identity.as_ref().map(|i| i.name.clone());
        self.birth_date = identity
            .and_then(|i| i.birth_date)
            .map(|d| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()));
    }

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
        .and_then(|raw| from_json_text(&raw))
        .unwrap_or_default()
}

pub fn save_settings(keys: &Keys, settings: &PatientSettings) -> Result<(), StorageError> {
    let text = to_json_text(settings).unwrap_or_default();
    set(&raw_storage()?, &keys.settings(), &JsValue::from_str(&text))
}

/// A sibling value of the diary (`<main>.<name>`) as JSON; anything unreadable is `None`.
pub fn load_json<T: serde::de::DeserializeOwned>(keys: &Keys, name: &str) -> Option<T> {
    let raw = raw_storage().ok()?.get_item(&keys.sibling(name)).ok()??;
    from_json_text(&raw)
}

/// Keeps a sibling value of the diary as JSON (best effort: it is not the diary).
pub fn save_json<T: serde::Serialize>(keys: &Keys, name: &str, value: &T) {
    if let (Ok(s), Some(text)) = (raw_storage(), to_json_text(value)) {
        let _ = s.set_item(&keys.sibling(name), &text);
    }
}

pub fn remove_json(keys: &Keys, name: &str) {
    if let Ok(s) = raw_storage() {
        let _ = s.remove_item(&keys.sibling(name));
    }
}

/// The timed test under way, if any (anything unreadable counts as none).
pub fn load_timer(keys: &Keys) -> Option<crate::domain::timed::Running> {
    load_json(keys, TIMER)
}

/// Keeps (or, with `None`, forgets) the timed test under way.
pub fn save_timer(keys: &Keys, running: Option<&crate::domain::timed::Running>) {
    match running {
        Some(r) => save_json(keys, TIMER, r),
        None => remove_json(keys, TIMER),
    }
}

/// The questionnaires under way, by canonical reference: each `{"page": linkId, "response":
/// an in-progress QuestionnaireResponse}` (so a draft reads like the saved answer). Plain
/// JSON objects: no new serde types in the wasm.
pub fn questionnaire_drafts(keys: &Keys) -> serde_json::Map<String, serde_json::Value> {
    load_json(keys, QUESTIONNAIRE_DRAFTS).unwrap_or_default()
}

/// Keeps (or, with `None`, forgets) the draft of the questionnaire `canonical`, leaving the
/// others as they are in storage.
pub fn keep_questionnaire_draft(keys: &Keys, canonical: &str, draft: Option<serde_json::Value>) {
    let mut all = questionnaire_drafts(keys);
    match draft {
        Some(d) => all.insert(canonical.to_string(), d),
        None => all.remove(canonical),
    };
    if all.is_empty() {
        remove_json(keys, QUESTIONNAIRE_DRAFTS);
    } else {
        save_json(keys, QUESTIONNAIRE_DRAFTS, &all);
    }
}

/// A check-in begun and not saved: its date, the step the patient was on (its place in the
/// full check-in) and the answers so far, kept so that leaving (by choice, for "Warning sign
/// now", or by closing the page) loses nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckInDraft {
    pub date: chrono::NaiveDate,
    pub step: usize,
    pub entry: crate::domain::model::Entry,
}

/// The check-in draft, if any (anything unreadable counts as none). Kept in the diary's own
/// format, a diary of that one check-in (read and written by the storage codec's functions,
/// so the draft brings no reader of its own), and its step beside it.
pub fn load_checkin_draft(keys: &Keys) -> Option<CheckInDraft> {
    let raw = raw_storage()
        .ok()?
        .get_item(&keys.sibling(CHECKIN_DRAFT))
        .ok()??;
    let diary = crate::domain::format::read_stored(&raw, crate::app::platform::today()).ok()?;
    let (date, entry) = diary.checkins.into_iter().next()?;
    let step = load_json(keys, CHECKIN_DRAFT_STEP).unwrap_or(0);
    Some(CheckInDraft { date, step, entry })
}

/// Keeps (or, with `None`, forgets) the check-in draft.
pub fn save_checkin_draft(keys: &Keys, draft: Option<&CheckInDraft>) {
    let Some(d) = draft else {
        remove_json(keys, CHECKIN_DRAFT);
        remove_json(keys, CHECKIN_DRAFT_STEP);
        return;
    };
    let mut diary = Diary::default();
    diary.put_checkin(d.date, d.entry.clone());
    if let Ok(s) = raw_storage() {
        let text = crate::domain::format::to_json(&diary, None);
        let _ = s.set_item(&keys.sibling(CHECKIN_DRAFT), &text);
    }
    save_json(keys, CHECKIN_DRAFT_STEP, &d.step);
}

/// When the patient last saved a backup file (YYYY-MM-DD), for the reminder.
pub fn last_backup(keys: &Keys) -> Option<chrono::NaiveDate> {
    let raw = raw_storage().ok()?.get_item(&keys.backup()).ok()??;
    crate::domain::calendar::parse_iso_date(&raw)
}

pub fn record_backup(keys: &Keys, date: chrono::NaiveDate) {
    if let Ok(s) = raw_storage() {
        let _ = s.set_item(&keys.backup(), &date.to_string());
    }
}
