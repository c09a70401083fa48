//! Values kept in storage beside the diary (not part of the diary file): read once when a
//! component mounts, written through the handle each hook gives.

use std::rc::Rc;

use chrono::NaiveDate;
use serde_json::{Map, Value};
use yew::prelude::*;

use crate::app::context::use_keys;
use crate::app::keys::Keys;
use crate::app::storage::{self, CheckInDraft};
use crate::domain::timed::Running;

/// When the patient last saved a backup file.
pub struct LastBackup {
    pub date: Option<NaiveDate>,
    /// Keeps `date` as the last backup (a JSON export, or a restore from a file).
    pub record: Callback<NaiveDate>,
}

#[hook]
pub fn use_last_backup() -> LastBackup {
    let keys = use_keys();
    let date = {
        let keys = keys.clone();
        use_state(move || storage::last_backup(&keys))
    };
    let record = {
        let date = date.clone();
        Callback::from(move |today: NaiveDate| {
            storage::record_backup(&keys, today);
            date.set(Some(today));
        })
    };
    LastBackup {
        date: *date,
        record,
    }
}

/// The timed walk or stand under way, kept so that a reload can go back to it.
pub struct RunningTimer {
    pub running: Option<Running>,
    /// Keeps (or, with `None`, forgets) the test under way.
    pub set: Callback<Option<Running>>,
}

#[hook]
pub fn use_running_timer() -> RunningTimer {
    let keys = use_keys();
    let running = {
        let keys = keys.clone();
        use_state(move || storage::load_timer(&keys))
    };
    let set = {
        let running = running.clone();
        Callback::from(move |next: Option<Running>| {
            storage::save_timer(&keys, next.as_ref());
            running.set(next);
        })
    };
    RunningTimer {
        running: (*running).clone(),
        set,
    }
}

/// The check-in begun and not yet saved, kept so that leaving it loses nothing.
pub struct StoredCheckInDraft {
    pub draft: Option<CheckInDraft>,
    /// Keeps (or, with `None`, forgets) the draft.
    pub keep: Callback<Option<CheckInDraft>>,
}

#[hook]
pub fn use_checkin_draft() -> StoredCheckInDraft {
    let keys = use_keys();
    let draft = {
        let keys = keys.clone();
        use_state(move || storage::load_checkin_draft(&keys))
    };
    let keep = {
        let draft = draft.clone();
        Callback::from(move |next: Option<CheckInDraft>| {
            storage::save_checkin_draft(&keys, next.as_ref());
            draft.set(next);
        })
    };
    StoredCheckInDraft {
        draft: (*draft).clone(),
        keep,
    }
}

/// The clinic questionnaires begun and not yet saved, by canonical reference.
pub struct QuestionnaireDrafts {
    /// As they were when the component mounted.
    pub all: Rc<Map<String, Value>>,
    keys: Rc<Keys>,
}

impl QuestionnaireDrafts {
    /// Keeps (or, with `None`, forgets) the draft of the questionnaire `canonical`.
    pub fn keep(&self, canonical: &str, draft: Option<Value>) {
        storage::keep_questionnaire_draft(&self.keys, canonical, draft);
    }
}

#[hook]
pub fn use_questionnaire_drafts() -> QuestionnaireDrafts {
    let keys = use_keys();
    let all = {
        let keys = keys.clone();
        use_memo((), move |_| storage::questionnaire_drafts(&keys))
    };
    QuestionnaireDrafts { all, keys }
}
