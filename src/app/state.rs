//! One-way state: the reducer over the diary. Components send `Action`s; only the persist
//! effect in `app::App` writes storage, once per change (see `storage::commit`).

use std::rc::Rc;

use chrono::NaiveDate;
use yew::Reducible;

use crate::domain::change::{replay, Change};
use crate::domain::model::{Diary, Entry};

use super::storage::{Loaded, PatientSettings, StorageError, Unreadable};
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
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub phase: Phase,
    /// The diary as the patient sees it: the stored diary plus `pending`.
    pub diary: Rc<Diary>,
    /// Changes not yet written to storage (kept across failed saves, retried on the next).
    pub pending: Rc<Vec<Change>>,
    /// Bumped on every change; the persist effect runs when it moves.
    pub revision: u64,
    pub save_error: Option<StorageError>,
    pub notice: Option<Notice>,
    /// What the patient entered in Settings, and the validated clinic settings from it.
    pub patient_settings: PatientSettings,
    /// What the clinic configured (embedding); its numbers win over the patient's.
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
    /// `written` pending changes reached storage, which now holds `stored` (`None`: the
    /// diary as this tab had it with those changes, so nothing to replace on screen).
    Saved {
        written: usize,
        stored: Option<Diary>,
    },
    SaveFailed(StorageError),
    /// Try the failed save again now.
    RetrySave,
    /// The stored diary, read at last (only while `Phase::Opening`).
    Opened(Loaded),
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
                change.apply(Rc::make_mut(&mut next.diary));
                if matches!(change, Change::Start { .. }) {
                    next.phase = Phase::Ready;
                }
                Rc::make_mut(&mut next.pending).push(change);
                next.revision += 1;
                next.notice = notice;
            }
            Action::Saved { written, stored } => {
                let rest: Vec<Change> = next.pending.iter().skip(written).cloned().collect();
                if let Some(stored) = stored {
                    next.diary = Rc::new(replay(&stored, &rest));
                }
                next.pending = Rc::new(rest);
                next.save_error = None;
            }
            Action::SaveFailed(message) => next.save_error = Some(message),
            Action::RetrySave => next.revision += 1,
            Action::Opened(loaded) if next.phase == Phase::Opening => match loaded {
                Loaded::Empty => next.phase = Phase::Setup,
                Loaded::Diary(stored) => {
                    next.diary = Rc::new(replay(&stored, &next.pending));
                    next.phase = Phase::Ready;
                }
                Loaded::Unreadable(u) => next.phase = Phase::Unreadable(Rc::new(u)),
            },
            // Another tab's diary came first (`External`): it is the newer.
            Action::Opened(_) => {}
            Action::External(stored) => {
                next.diary = Rc::new(replay(&stored, &next.pending));
                if matches!(next.phase, Phase::Setup | Phase::Opening) {
                    // Another tab finished setup (or wrote while this one opened): use its diary.
                    next.phase = Phase::Ready;
                }
            }
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
