//! One module per screen.

pub mod baseline;
pub mod checkin;
pub mod data;
pub mod entry;
pub mod flags;
pub mod history;
pub mod home;
pub mod import_panel;
pub mod import_preview;
pub mod questionnaire;
pub mod reminder;
pub mod report;
pub mod save_error;
pub mod settings;
pub mod setup;
pub mod unreadable;
pub mod warning_now;
