//! The one write path of the diary, and the queue of the changes it could not write.
//!
//! A save writes the whole diary (localStorage replaces a value whole, so a write is atomic).
//! When that does not fit, each pending change is written on its own, in order, so one
//! change too big for the space left never keeps the others from being saved. What still
//! could not be written stays pending, and is kept in a queue beside the diary where a
//! reload finds it: in the tab's session storage (a quota of its own, so it usually fits
//! when the diary's storage is full), else in localStorage.

use chrono::NaiveDate;
use wasm_bindgen::prelude::*;

use super::{quarantine, raw_storage, read_value, seen, set, unchanged_since_seen, StorageError};
use crate::app::keys::Keys;
use crate::domain::change::{compact, queue_from_json, queue_to_json, replay, Change};
use crate::domain::format::{read_stored, to_json};
use crate::domain::model::Diary;

/// The queue's name beside the diary (`<main>.unsaved`).
const UNSAVED: &str = "unsaved";

/// What a save did.
pub struct Committed {
    /// How many pending changes it was given (changes made since come after them).
    pub given: usize,
    /// Which of them are in storage now (their indexes).
    pub saved: Vec<usize>,
    /// The diary storage holds now, when that is not the tab's own view with the saved
    /// changes (another tab wrote, or some changes could not be written).
    pub stored: Option<Diary>,
    /// Why the other changes could not be written.
    pub error: Option<StorageError>,
    /// Whether those wait in the queue a reload finds.
    pub kept: bool,
    /// A day saved here that another window had saved meanwhile: merged answer by answer.
    pub merged: Option<NaiveDate>,
}

/// Writes `pending` (already applied to `current`, the tab's own view) to storage. When
/// another tab wrote since this tab last looked, the pending changes are replayed onto what
/// it wrote instead (a day both saved merges answer by answer), so neither tab's work is
/// lost. `Err` when storage could not even be read. (`StorageCodec::commit`: in its chunk.)
pub fn commit(
    keys: &Keys,
    current: &Diary,
    pending: &[Change],
    today: NaiveDate,
) -> Result<Committed, StorageError> {
    let stored = read_value(keys)?;
    let other = other_tab(keys, &stored, today)?;
    let merged = other
        .as_ref()
        .and_then(|d| pending.iter().find_map(|c| c.merges_on(d)));
    let whole = other.as_ref().map(|d| replay(d, pending));
    let storage = raw_storage()?;
    let text = JsValue::from_str(&to_json(whole.as_ref().unwrap_or(current), None));
    let mut done = Committed {
        given: pending.len(),
        saved: Vec::new(),
        stored: whole,
        error: None,
        kept: true,
        merged,
    };
    match set(&storage, &keys.main, &text) {
        Ok(()) => {
            seen(keys, Some(text));
            done.saved = (0..pending.len()).collect();
        }
        Err(StorageError::Full) => {
            // What storage holds: another tab's diary, this tab's last write, or nothing.
            let base = match other {
                Some(d) => d,
                None => match stored.as_string() {
                    Some(raw) => read_stored(&raw, today).map_err(|_| StorageError::Full)?,
                    None => Diary::default(),
                },
            };
            one_by_one(keys, &storage, base, pending, &mut done);
        }
        Err(error) => {
            done.stored = other;
            done.error = Some(error);
        }
    }
    let unsaved: Vec<Change> = (0..pending.len())
        .filter(|i| !done.saved.contains(i))
        .map(|i| pending[i].clone())
        .collect();
    done.kept = keep_unsaved(keys, &unsaved);
    Ok(done)
}

/// Another tab's diary, when one wrote since this tab last looked. Something unreadable
/// that appeared under the diary's key is kept aside first (`Err` if it cannot be).
fn other_tab(
    keys: &Keys,
    stored: &JsValue,
    today: NaiveDate,
) -> Result<Option<Diary>, StorageError> {
    // Only when another tab wrote since is the stored text brought into wasm and read.
    if unchanged_since_seen(keys, stored) {
        return Ok(None);
    }
    let Some(raw) = stored.as_string() else {
        return Ok(None);
    };
    match read_stored(&raw, today) {
        Ok(diary) => Ok(Some(diary)),
        Err(error) => match quarantine(keys, raw, error).quarantine_key {
            Some(_) => Ok(None),
            None => Err(StorageError::NoSafetyCopy),
        },
    }
}

/// The whole diary did not fit: each change written on its own onto `base`, in order; a
/// change that does not fit is left for later and the next one tried.
fn one_by_one(
    keys: &Keys,
    storage: &web_sys::Storage,
    mut base: Diary,
    pending: &[Change],
    done: &mut Committed,
) {
    for (i, change) in pending.iter().enumerate() {
        let mut next = base.clone();
        change.apply(&mut next);
        let text = JsValue::from_str(&to_json(&next, None));
        match set(storage, &keys.main, &text) {
            Ok(()) => {
                seen(keys, Some(text));
                base = next;
                done.saved.push(i);
            }
            Err(error) => {
                done.error = Some(error);
                if error != StorageError::Full {
                    break;
                }
            }
        }
    }
    done.stored = Some(base);
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Keeps `unsaved` where a reload finds it (or, when empty, forgets the queue); whether it
/// could be kept.
fn keep_unsaved(keys: &Keys, unsaved: &[Change]) -> bool {
    let key = keys.sibling(UNSAVED);
    let stores = [session_storage(), raw_storage().ok()];
    if unsaved.is_empty() {
        for s in stores.iter().flatten() {
            let _ = s.remove_item(&key);
        }
        return true;
    }
    let text = JsValue::from_str(&queue_to_json(&compact(unsaved)));
    let mut kept = false;
    for s in stores.iter().flatten() {
        if kept {
            // An older queue in the other store is out of date.
            let _ = s.remove_item(&key);
        } else {
            kept = set(s, &key, &text).is_ok();
        }
    }
    kept
}

/// Whether a failed save left changes for a reload.
pub fn has_unsaved(keys: &Keys) -> bool {
    let key = keys.sibling(UNSAVED);
    [session_storage(), raw_storage().ok()]
        .iter()
        .flatten()
        .any(|s| s.get_item(&key).ok().flatten().is_some())
}

/// The changes a failed save left for a reload (this tab's session first).
pub fn unsaved(keys: &Keys) -> Vec<Change> {
    let key = keys.sibling(UNSAVED);
    [session_storage(), raw_storage().ok()]
        .iter()
        .flatten()
        .find_map(|s| queue_from_json(&s.get_item(&key).ok()??))
        .unwrap_or_default()
}
