//! The follow-up report's content, as data and in words: "at a glance" (a function of the
//! diary, its flag episodes and today), the incision log as runs of days, and the report's
//! own texts. Only the report uses this module, so it travels in the report's chunk.

pub mod glance;
pub mod incision;
pub mod texts;
mod texts_es;
pub mod words;

#[cfg(test)]
mod tests;

pub use glance::{glance, Glance};
pub use incision::{incision_runs, IncisionRun};
pub use texts::{report_texts, ReportTexts};
pub use words::{glance_words, incision_run_words, GlanceWords};
