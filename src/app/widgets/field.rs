//! The label and optional hint of a one-value field, tied to its control.

use yew::prelude::*;

/// A field's label and hint, by the control's `id`.
pub struct Labelled<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub hint: Option<&'a str>,
}

impl Labelled<'_> {
    /// The hint's id, for the control's `aria-describedby` (none without a hint).
    pub fn described_by(&self) -> Option<String> {
        self.hint.map(|_| format!("{}-hint", self.id))
    }

    /// The label and the hint above `control` (the control and anything said after it).
    pub fn around(&self, control: Html) -> Html {
        html! {
            <div class="field">
                <label for={self.id.to_string()}>{ self.label }</label>
                if let (Some(hint), Some(id)) = (self.hint, self.described_by()) {
                    <p class="hint" {id}>{ hint }</p>
                }
                { control }
            </div>
        }
    }
}
