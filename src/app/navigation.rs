//! Where the patient is: the screens of a set-up diary, as data.

use chrono::NaiveDate;

/// The screens of a set-up diary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    CheckIn(NaiveDate),
    History,
    Settings,
    Baseline,
    Report,
    Data,
    WarningNow,
    /// A clinic questionnaire (its place in the clinic's list).
    Questionnaire(usize),
}
