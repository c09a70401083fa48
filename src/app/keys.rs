//! The localStorage keys of one diary.

/// The localStorage keys of one diary: `recovery-diary` and its siblings, or with a
/// clinic's namespace `<namespace>:recovery-diary` and its siblings, so two embeds on one
/// origin never collide and the portal's own keys are never touched.
#[derive(Clone, Debug, PartialEq)]
pub struct Keys {
    pub main: String,
}

impl Keys {
    pub fn new(main: String) -> Self {
        Keys { main }
    }
    pub fn quarantine(&self, stamp: u64) -> String {
        format!("{}.quarantine.{stamp}", self.main)
    }
    pub fn settings(&self) -> String {
        format!("{}.settings", self.main)
    }
    pub fn backup(&self) -> String {
        format!("{}.last-backup", self.main)
    }
    /// `<main>.<name>`: a timed test under way (`timer`), the clinic's questionnaires as last
    /// loaded (`questionnaires`), questionnaire drafts (`questionnaire-drafts`).
    pub fn sibling(&self, name: &str) -> String {
        format!("{}.{name}", self.main)
    }
}
