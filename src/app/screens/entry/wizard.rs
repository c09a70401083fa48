use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::{render_step, Step, StepProps};
use crate::app::context::use_locale;
use crate::app::platform;
use crate::app::screens::flags::TierAAlert;
use crate::domain::i18n::fill;
use crate::domain::model::Diary;
use crate::domain::model::{DistanceUnit, Entry, TemperatureUnit};
use crate::domain::questions::unanswered;
use crate::domain::rules::{ClinicSettings, Fact, Firing};
use crate::domain::summary::missing_key_measures_words;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Purpose {
    CheckIn(NaiveDate),
    Baseline,
}

/// What the steps need to know besides the draft.
#[derive(Clone, Debug, PartialEq)]
pub struct StepContext {
    pub purpose: Purpose,
    pub distance_unit: DistanceUnit,
    pub temperature_unit: TemperatureUnit,
    /// Day 0–14 (or no procedure date): incision and function questions are asked daily.
    pub first_two_weeks: bool,
    pub emergency_number: String,
    /// The check-in before this date, for "same as last time".
    pub previous: Option<Entry>,
    /// The baseline's walking and standing minutes, for a timed test's result.
    pub baseline_minutes: (Option<f64>, Option<f64>),
    /// "Nothing new today": back and leg pain only on the pain step.
    pub quick: bool,
}

#[derive(Properties, PartialEq, Clone)]
pub struct EntryWizardProps {
    pub title: AttrValue,
    pub steps: Vec<Step>,
    pub initial: Entry,
    pub context: Rc<StepContext>,
    pub on_save: Callback<Entry>,
    pub on_cancel: Callback<()>,
    pub save_label: AttrValue,
    /// For a check-in: the tier-A firings of the draft, shown full screen the moment an
    /// answer triggers them (the rule engine decides, on every change).
    #[prop_or_default]
    pub emergency_for: Option<Callback<Entry, Vec<Firing>>>,
    #[prop_or_default]
    pub alert_context: Option<(Rc<Diary>, Rc<ClinicSettings>)>,
    /// The step to open on (a draft, or a timed walk left running after a reload).
    #[prop_or_default]
    pub start_at: Option<Step>,
    /// Told the step and the draft whenever either changes (a check-in keeps its draft).
    #[prop_or_default]
    pub on_progress: Option<Callback<(Step, Entry)>>,
}

/// Why the wizard did not go on: said in an alert above its buttons.
#[derive(Clone, Copy, PartialEq)]
enum Held {
    /// The warning-sign step left unanswered (it is never skipped silently).
    WarningSigns,
    /// Save with back or leg pain empty: go back, or save as it is.
    KeyMeasures,
}

#[function_component]
pub fn EntryWizard(props: &EntryWizardProps) -> Html {
    let t = use_locale().t();
    let draft = use_state(|| props.initial.clone());
    let held = use_state(|| None::<Held>);
    // What holds the wizard is said where the patient is: the alert takes focus (and so
    // comes into view).
    let held_ref = use_node_ref();
    {
        let held_ref = held_ref.clone();
        use_effect_with(*held, move |held| {
            if held.is_some() {
                platform::focus(held_ref.cast::<web_sys::HtmlElement>());
            }
        });
    }
    let index = {
        let (steps, start_at) = (props.steps.clone(), props.start_at);
        use_state(move || {
            start_at
                .and_then(|s| steps.iter().position(|x| *x == s))
                .unwrap_or(0)
        })
    };
    let heading = use_node_ref();
    use_focus_step(*index, &heading);
    let overlay = use_emergency(props, &draft, &heading);
    let count = props.steps.len();
    let step = props.steps[(*index).min(count - 1)];
    use_progress(props.on_progress.clone(), step, &draft);
    let go = |delta: isize| {
        let (index, held) = (index.clone(), held.clone());
        Callback::from(move |_: ()| {
            held.set(None);
            index.set((*index as isize + delta).clamp(0, count as isize - 1) as usize);
        })
    };
    let on_change = {
        let (draft, held) = (draft.clone(), held.clone());
        Callback::from(move |e: Entry| {
            held.set(None);
            draft.set(e)
        })
    };
    let check_in = matches!(props.context.purpose, Purpose::CheckIn(_));
    // Next and Save hold where the patient must answer, or should know what is empty.
    let next = {
        let (draft, held, on_next) = (draft.clone(), held.clone(), go(1));
        Callback::from(move |_: MouseEvent| {
            if step == Step::WarningSigns && !unanswered(&draft).is_empty() {
                held.set(Some(Held::WarningSigns));
            } else {
                on_next.emit(());
            }
        })
    };
    let save = {
        let (draft, held, on_save) = (draft.clone(), held.clone(), props.on_save.clone());
        Callback::from(move |anyway: bool| {
            if check_in && !anyway && missing_key_measures_words(t, &draft).is_some() {
                held.set(Some(Held::KeyMeasures));
            } else {
                on_save.emit((*draft).clone());
            }
        })
    };
    let pain_step = props.steps.iter().position(|s| *s == Step::Pain);
    let back_to_pain = {
        let (index, held) = (index.clone(), held.clone());
        Callback::from(move |_: MouseEvent| {
            held.set(None);
            index.set(pain_step.unwrap_or(0));
        })
    };
    let nav = WizardNav {
        first: *index == 0,
        // A check-in is left with "Leave" (which asks whether to keep a draft).
        cancel_label: if check_in { t.leave_checkin } else { t.cancel },
        last: *index + 1 >= count,
        save_label: props.save_label.clone(),
        on_cancel: props.on_cancel.reform(|_| ()),
        on_back: go(-1).reform(|_| ()),
        on_next: next,
        on_save: save.reform(|_| false),
    };
    html! {
        <>
        { overlay }
        <section class="wizard" aria-label={props.title.clone()}>
            <h2 id="wizard-step" tabindex="-1" ref={heading} data-step={(*index + 1).to_string()}>
                <span class="step-count">{ fill(t.step_count, &[("n", &(*index + 1).to_string()), ("count", &count.to_string())]) }</span>
                { step.title(t) }
            </h2>
            { render_step(step, StepProps {
                entry: (*draft).clone(),
                on_change,
                on_next: go(1),
                context: props.context.clone(),
            }) }
            if *held == Some(Held::WarningSigns) {
                <p class="error held" role="alert" tabindex="-1" ref={held_ref.clone()}>{ t.warning_required }</p>
            }
            if *held == Some(Held::KeyMeasures) {
                <div class="held missing-measures" role="alert" tabindex="-1" ref={held_ref}>
                    <p>{ missing_key_measures_words(t, &draft).unwrap_or_default() }</p>
                    <button type="button" class="button primary" onclick={back_to_pain}>{ t.go_back_and_answer }</button>
                    <button type="button" class="button" onclick={save.reform(|_| true)}>{ t.save_as_it_is }</button>
                </div>
            }
            { nav.view(t) }
        </section>
        </>
    }
}

/// The buttons at the foot of every step.
struct WizardNav {
    first: bool,
    cancel_label: &'static str,
    last: bool,
    save_label: AttrValue,
    on_cancel: Callback<MouseEvent>,
    on_back: Callback<MouseEvent>,
    on_next: Callback<MouseEvent>,
    on_save: Callback<MouseEvent>,
}

impl WizardNav {
    fn view(self, t: &crate::domain::i18n::Texts) -> Html {
        html! {
            <div class="wizard-nav">
                if self.first {
                    <button type="button" class="button" onclick={self.on_cancel}>{ self.cancel_label }</button>
                } else {
                    <button type="button" class="button" onclick={self.on_back}>{ t.back }</button>
                }
                if self.last {
                    <button type="button" class="button primary" onclick={self.on_save}>{ self.save_label }</button>
                } else {
                    <button type="button" class="button primary" onclick={self.on_next}>{ t.next }</button>
                }
            </div>
        }
    }
}

/// Focuses the step's heading when the step changes (not on first show: the screen's own
/// heading has focus then), so screen readers announce the new step.
#[hook]
fn use_focus_step(index: usize, heading: &NodeRef) {
    let heading = heading.clone();
    let first = use_mut_ref(|| true);
    use_effect_with(index, move |_| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            platform::focus(heading.cast::<web_sys::HtmlElement>());
        }
    });
}

/// Tells `on_progress` the step and the draft whenever either changes.
#[hook]
fn use_progress(on_progress: Option<Callback<(Step, Entry)>>, step: Step, draft: &Entry) {
    use_effect_with((step, draft.clone()), move |(step, draft)| {
        if let Some(cb) = on_progress {
            cb.emit((*step, draft.clone()));
        }
    });
}

/// The tier-A alert over the check-in, the moment the draft fires a tier-A rule. Closing it
/// (the patient's choice) returns focus to the step's heading; evidence the alert did not
/// have when it was closed shows it again.
#[hook]
fn use_emergency(props: &EntryWizardProps, draft: &Entry, heading: &NodeRef) -> Html {
    let closed = use_state(Vec::<Fact>::new);
    // The rule engine runs when the draft changes, not on every render (a step change).
    let emergency: Rc<Vec<Firing>> = {
        let emergency_for = props.emergency_for.clone();
        use_memo(draft.clone(), move |d| {
            emergency_for.map(|f| f.emit(d.clone())).unwrap_or_default()
        })
    };
    let show_alert = emergency
        .iter()
        .flat_map(|f| f.evidence.iter())
        .any(|fact| !closed.contains(fact));
    {
        let (heading, was_shown) = (heading.clone(), use_mut_ref(|| false));
        use_effect_with(show_alert, move |shown| {
            if !*shown && std::mem::replace(&mut *was_shown.borrow_mut(), false) {
                platform::focus(heading.cast::<web_sys::HtmlElement>());
            }
            if *shown {
                *was_shown.borrow_mut() = true;
            }
        });
    }
    match (&props.alert_context, props.context.purpose, show_alert) {
        (Some((diary, settings)), Purpose::CheckIn(date), true) => {
            let seen: Vec<Fact> = emergency
                .iter()
                .flat_map(|f| f.evidence.iter().cloned())
                .collect();
            let on_back = Callback::from(move |_| closed.set(seen.clone()));
            html! { <TierAAlert {date} firings={emergency.clone()} diary={diary.clone()} settings={settings.clone()} on_back={Some(on_back)} /> }
        }
        _ => html! {},
    }
}
