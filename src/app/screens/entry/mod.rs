//! The entry wizard: a check-in or the baseline record, in short steps that each fit a
//! phone screen. Each step edits a draft `Entry`; nothing is stored until Save.

mod function_step;
mod incision_step;
mod nerves_step;
mod notes_step;
mod pain_step;
mod symptoms_step;
mod timed_test;
mod walking_step;
mod warning_step;
mod wizard;

pub use wizard::{EntryWizard, EntryWizardProps, Purpose, StepContext};

use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use crate::domain::i18n::Texts;
use crate::domain::model::Entry;

// Setup's "typical day" pages (the welcome page does not need them).
lazy_screen!(WIZARD, wizard::wizard_view, EntryWizardProps, EntryWizard);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    WarningSigns,
    Pain,
    Walking,
    Nerves,
    Function,
    Incision,
    Symptoms,
    Notes,
}

impl Step {
    pub const CHECK_IN: [Step; 8] = [
        Step::WarningSigns,
        Step::Pain,
        Step::Walking,
        Step::Nerves,
        Step::Function,
        Step::Incision,
        Step::Symptoms,
        Step::Notes,
    ];
    /// "Nothing new today": the warning signs, then back and leg pain.
    pub const QUICK: [Step; 2] = [Step::WarningSigns, Step::Pain];
    pub const BASELINE: [Step; 4] = [Step::Pain, Step::Walking, Step::Nerves, Step::Function];

    pub fn title(self, t: &Texts) -> &'static str {
        match self {
            Step::WarningSigns => t.step_warning,
            Step::Pain => t.step_pain,
            Step::Walking => t.step_walking,
            Step::Nerves => t.step_nerves,
            Step::Function => t.step_function,
            Step::Incision => t.step_incision,
            Step::Symptoms => t.step_symptoms,
            Step::Notes => t.step_notes,
        }
    }
}

/// What every step component receives.
#[derive(Properties, PartialEq, Clone)]
pub struct StepProps {
    pub entry: Entry,
    pub on_change: Callback<Entry>,
    /// Moves to the next step (quick answers such as "None of these" use it).
    pub on_next: Callback<()>,
    pub context: std::rc::Rc<StepContext>,
}

impl StepProps {
    /// A callback that edits a copy of the draft with `edit` and sends it on.
    pub fn edit<T: 'static>(&self, edit: impl Fn(&mut Entry, T) + 'static) -> Callback<T> {
        let (entry, on_change) = (self.entry.clone(), self.on_change.clone());
        Callback::from(move |value: T| {
            let mut next = entry.clone();
            edit(&mut next, value);
            on_change.emit(next);
        })
    }

    /// Like `edit`, then moves to the next step.
    pub fn edit_and_next(&self, edit: impl Fn(&mut Entry) + 'static) -> Callback<MouseEvent> {
        let (entry, on_change, on_next) = (
            self.entry.clone(),
            self.on_change.clone(),
            self.on_next.clone(),
        );
        Callback::from(move |_| {
            let mut next = entry.clone();
            edit(&mut next);
            on_change.emit(next);
            on_next.emit(());
        })
    }
}

/// After the first two weeks some questions are asked only when something changed: a
/// short explanation and a button that opens them.
pub fn ask_when_changed(
    t: &Texts,
    open: &UseStateHandle<bool>,
    intro: &'static str,
    button: &'static str,
) -> Html {
    let reveal = {
        let open = open.clone();
        Callback::from(move |_| open.set(true))
    };
    html! {
        <div class="step">
            <p class="lead">{ intro }</p>
            <button type="button" class="button" onclick={reveal}>{ button }</button>
            <p>{ t.nothing_changed }</p>
        </div>
    }
}

pub fn render_step(step: Step, props: StepProps) -> Html {
    match step {
        Step::WarningSigns => html! { <warning_step::WarningStep ..props /> },
        Step::Pain => html! { <pain_step::PainStep ..props /> },
        Step::Walking => html! { <walking_step::WalkingStep ..props /> },
        Step::Nerves => html! { <nerves_step::NervesStep ..props /> },
        Step::Function => html! { <function_step::FunctionStep ..props /> },
        Step::Incision => html! { <incision_step::IncisionStep ..props /> },
        Step::Symptoms => html! { <symptoms_step::SymptomsStep ..props /> },
        Step::Notes => html! { <notes_step::NotesStep ..props /> },
    }
}
