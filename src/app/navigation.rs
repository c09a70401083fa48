//! Where the patient is: the screens of a set-up diary, as data.

use chrono::NaiveDate;

/// The screens of a set-up diary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    CheckIn(NaiveDate),
    /// "Nothing new today": the warning signs and back and leg pain of that date.
    QuickCheckIn(NaiveDate),
    History,
    Settings,
    Baseline,
    Report,
    Data,
    WarningNow,
    /// A clinic questionnaire (its place in the clinic's list).
    Questionnaire(usize),
}
