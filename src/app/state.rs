//! One-way state: the reducer over the diary. Components send `Action`s; only the persist
//! effect in `app::App` writes storage, once per change (see `storage::commit`).

use std::rc::Rc;

use chrono::NaiveDate;
use yew::Reducible;

use crate::domain::change::{replay_with, Change};
use crate::domain::model::{Diary, Entry};

use super::storage::{merge_day, Committed, Loaded, PatientSettings, StorageError, Unreadable};
use crate::domain::config::EmbedConfig;
use crate::domain::rules::{ClinicSettings, SettingError};

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    /// Storage holds a diary, read once the reader's chunk is here (`hooks::use_open_stored`).
    Opening,
    /// Storage holds no diary: first run.
    Setup,
    /// Storage holds something that is not a readable diary; it was left untouched.
    Unreadable(Rc<Unreadable>),
    /// The browser would not let the diary read its storage: nothing is offered that could
    /// write over a diary that may well be there.
    StorageFailed,
    Ready,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Saved(NaiveDate),
    Deleted(NaiveDate, Rc<Entry>),
    BaselineSaved,
    SettingsSaved,
    /// A clinic questionnaire's answers were saved (its title).
    QuestionnaireSaved(String),
    /// An import: days added, days replaced with the file's version.
    Imported {
        added: usize,
        replaced: usize,
    },
    /// Another window saved this day too: kept answer by answer (`change::merge_day`).
    Merged(NaiveDate),
}

/// A save that did not write everything: why, and whether what waits is kept for a reload
/// (the changes themselves are `AppState::pending`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SaveError {
    pub error: StorageError,
    pub kept: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub phase: Phase,
    /// The diary as the patient sees it: the stored diary plus `pending`.
    pub diary: Rc<Diary>,
    /// Changes not yet written to storage (kept across failed saves, retried on the next,
    /// and kept for a reload by `storage::commit`).
    pub pending: Rc<Vec<Change>>,
    /// Bumped on every change; the persist effect runs when it moves.
    pub revision: u64,
    pub save_error: Option<SaveError>,
    pub notice: Option<Notice>,
    /// What the patient entered in Settings, and the validated clinic settings from it.
    pub patient_settings: PatientSettings,
    /// What the clinic configured (embedding); in its portal its numbers win over the
    /// patient's, from a link the patient's win (`EmbedConfig::merged`).
    pub config: Rc<EmbedConfig>,
    pub settings: Rc<ClinicSettings>,
    pub settings_errors: Vec<SettingError>,
}

impl AppState {
    pub fn new(phase: Phase, diary: Diary) -> Self {
        Self::with_settings(phase, diary, PatientSettings::default(), Rc::default())
    }

    pub fn with_settings(
        phase: Phase,
        diary: Diary,
        patient_settings: PatientSettings,
        config: Rc<EmbedConfig>,
    ) -> Self {
        let (settings, errors) = ClinicSettings::from_raw(&config.merged(&patient_settings.raw()));
        AppState {
            patient_settings,
            config,
            settings: Rc::new(settings),
            settings_errors: errors,
            phase,
            diary: Rc::new(diary),
            pending: Rc::new(Vec::new()),
            revision: 0,
            save_error: None,
            notice: None,
        }
    }
}

impl AppState {
    /// What the patient entered, and the clinic settings validated from it.
    fn set_patient_settings(&mut self, patient: PatientSettings) {
        let (settings, errors) = ClinicSettings::from_raw(&self.config.merged(&patient.raw()));
        self.patient_settings = patient;
        self.settings = Rc::new(settings);
        self.settings_errors = errors;
    }
}

pub enum Action {
    /// The patient changed something.
    Edit(Change, Option<Notice>),
    /// A save ended: what it wrote, what storage holds, what waits.
    Saved(Committed),
    /// Storage could not even be read to save.
    SaveFailed(StorageError),
    /// Try the failed save again now.
    RetrySave,
    /// The stored diary, read at last (only while `Phase::Opening`).
    Opened(Loaded),
    /// Read storage again after the browser refused (`Phase::StorageFailed`).
    RetryOpen,
    /// Another tab wrote the diary.
    External(Diary),
    /// The patient chose to start again after an unreadable diary was kept aside.
    StartFresh,
    DismissNotice,
    /// The patient changed the clinic's numbers (written by the settings effect).
    SetPatientSettings(PatientSettings),
    /// The patient chose a language, set the daily reminder or entered a clinic number where
    /// it is used (the settings with it; no notice: the screen says what changed).
    SetPreferences(PatientSettings),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Edit(change, notice) => {
                // A day another window saved since the patient began here: merged, and said.
                let merged = change.merges_on(&next.diary).map(Notice::Merged);
                change.apply_with(Rc::make_mut(&mut next.diary), merge_day());
                if matches!(change, Change::Start { .. }) {
                    next.phase = Phase::Ready;
                }
                Rc::make_mut(&mut next.pending).push(change);
                next.revision += 1;
                next.notice = merged.or(notice);
            }
            Action::Saved(done) => next.saved(done),
            Action::SaveFailed(error) => next.save_error = Some(SaveError { error, kept: false }),
            Action::RetrySave => next.revision += 1,
            Action::Opened(loaded) if next.phase == Phase::Opening => next.opened(loaded),
            // Another tab's diary came first (`External`): it is the newer.
            Action::Opened(_) => {}
            Action::RetryOpen => next.phase = Phase::Opening,
            Action::External(stored) => next.external(stored),
            Action::StartFresh => {
                next.phase = Phase::Setup;
                next.diary = Rc::new(Diary::default());
            }
            Action::DismissNotice => next.notice = None,
            Action::SetPatientSettings(patient) => {
                next.set_patient_settings(patient);
                next.notice = Some(Notice::SettingsSaved);
            }
            Action::SetPreferences(patient) => next.set_patient_settings(patient),
        }
        Rc::new(next)
    }
}

impl AppState {
    /// A save ended: the changes it wrote leave the queue; what it could not write stays,
    /// on screen and pending, and the error says so.
    fn saved(&mut self, done: Committed) {
        let rest: Vec<Change> = self
            .pending
            .iter()
            .enumerate()
            .filter(|(i, _)| *i >= done.given || !done.saved.contains(i))
            .map(|(_, c)| c.clone())
            .collect();
        if let Some(stored) = done.stored {
            self.diary = Rc::new(replay_with(&stored, &rest, merge_day()));
        }
        self.pending = Rc::new(rest);
        self.save_error = done.error.map(|error| SaveError {
            error,
            kept: done.kept,
        });
        if let Some(date) = done.merged {
            self.notice = Some(Notice::Merged(date));
        }
    }

    /// The stored diary, read at last; changes a failed save left for a reload are applied
    /// and saved again.
    fn opened(&mut self, loaded: Loaded) {
        match loaded {
            Loaded::Empty => self.phase = Phase::Setup,
            Loaded::Diary(stored, unsaved) => {
                if !unsaved.is_empty() {
                    let mut pending = unsaved;
                    pending.extend(self.pending.iter().cloned());
                    self.pending = Rc::new(pending);
                    self.revision += 1;
                }
                self.diary = Rc::new(replay_with(&stored, &self.pending, merge_day()));
                self.phase = Phase::Ready;
            }
            Loaded::Unreadable(u) => self.phase = Phase::Unreadable(Rc::new(u)),
            Loaded::Failed => self.phase = Phase::StorageFailed,
        }
    }

    /// Another tab saved: its diary with this tab's unsaved changes on top. A day this tab
    /// just saved that the other changed too is said (`Notice::Merged`): never "saved" on
    /// both with one of them silently gone.
    fn external(&mut self, stored: Diary) {
        let merged =
            self.pending
                .iter()
                .find_map(|c| c.merges_on(&stored))
                .or(match &self.notice {
                    Some(Notice::Saved(d) | Notice::Merged(d))
                        if stored.checkins.get(d) != self.diary.checkins.get(d) =>
                    {
                        Some(*d)
                    }
                    _ => None,
                });
        self.diary = Rc::new(replay_with(&stored, &self.pending, merge_day()));
        if let Some(date) = merged {
            self.notice = Some(Notice::Merged(date));
        }
        if matches!(self.phase, Phase::Setup | Phase::Opening) {
            // Another tab finished setup (or wrote while this one opened): use its diary.
            self.phase = Phase::Ready;
        }
    }
}
