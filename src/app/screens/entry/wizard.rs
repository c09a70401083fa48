use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::{render_step, Step, StepProps};
use crate::app::platform;
use crate::app::screens::flags::TierAAlert;
use crate::domain::i18n::fill;
use crate::domain::model::Diary;
use crate::domain::model::{DistanceUnit, Entry, TemperatureUnit};
use crate::domain::rules::{ClinicSettings, Fact, Firing};

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
    /// The step to open on (a timed walk left running after a reload opens its step).
    #[prop_or_default]
    pub start_at: Option<Step>,
}

#[function_component]
pub fn EntryWizard(props: &EntryWizardProps) -> Html {
    let t = crate::app::context::use_locale().t();
    let draft = use_state(|| props.initial.clone());
    // The tier-A evidence the patient has read and closed for this draft (closing is their
    // choice). Evidence the alert did not have when it was closed shows it again.
    let closed = use_state(Vec::<Fact>::new);
    let index = {
        let (steps, start_at) = (props.steps.clone(), props.start_at);
        use_state(move || {
            start_at
                .and_then(|s| steps.iter().position(|x| *x == s))
                .unwrap_or(0)
        })
    };
    let heading = use_node_ref();

    // Focus the step's heading when the step changes (not on first show: the screen's
    // own heading has focus then), so screen readers announce the new step.
    {
        let heading = heading.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(*index, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                platform::focus(heading.cast::<web_sys::HtmlElement>());
            }
        });
    }

    let count = props.steps.len();
    let step = props.steps[(*index).min(count - 1)];
    let last = *index + 1 >= count;
    let go = |delta: isize| {
        let index = index.clone();
        Callback::from(move |_: ()| {
            let next = (*index as isize + delta).clamp(0, count as isize - 1) as usize;
            index.set(next);
        })
    };
    let on_next = go(1);
    let on_back = go(-1);
    let on_change = {
        let draft = draft.clone();
        Callback::from(move |e: Entry| draft.set(e))
    };
    let save = {
        let (draft, on_save) = (draft.clone(), props.on_save.clone());
        Callback::from(move |_: MouseEvent| on_save.emit((*draft).clone()))
    };

    // The rule engine runs when the draft changes, not on every render (a step change).
    let emergency: Rc<Vec<Firing>> = {
        let emergency_for = props.emergency_for.clone();
        use_memo((*draft).clone(), move |d| {
            emergency_for.map(|f| f.emit(d.clone())).unwrap_or_default()
        })
    };
    let show_alert = emergency
        .iter()
        .flat_map(|f| f.evidence.iter())
        .any(|fact| !closed.contains(fact));
    // Closing the alert returns focus to the step's heading (focus never drops to the page).
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
    let overlay = match (&props.alert_context, props.context.purpose, show_alert) {
        (Some((diary, settings)), Purpose::CheckIn(date), true) => {
            let (closed, seen) = (
                closed.clone(),
                emergency
                    .iter()
                    .flat_map(|f| f.evidence.iter().cloned())
                    .collect::<Vec<_>>(),
            );
            let on_back = Callback::from(move |_| closed.set(seen.clone()));
            html! { <TierAAlert {date} firings={emergency.clone()} diary={diary.clone()} settings={settings.clone()} on_back={Some(on_back)} /> }
        }
        _ => html! {},
    };

    html! {
        <>
        { overlay }
        <section class="wizard" aria-label={props.title.clone()}>
            <h2 id="wizard-step" tabindex="-1" ref={heading}>
                <span class="step-count">{ fill(t.step_count, &[("n", &(*index + 1).to_string()), ("count", &count.to_string())]) }</span>
                { step.title(t) }
            </h2>
            { render_step(step, StepProps {
                entry: (*draft).clone(),
                on_change,
                on_next: on_next.clone(),
                context: props.context.clone(),
            }) }
            <div class="wizard-nav">
                if *index == 0 {
                    <button type="button" class="button" onclick={props.on_cancel.reform(|_| ())}>{ t.cancel }</button>
                } else {
                    <button type="button" class="button" onclick={on_back.reform(|_| ())}>{ t.back }</button>
                }
                if last {
                    <button type="button" class="button primary" onclick={save}>{ &props.save_label }</button>
                } else {
                    <button type="button" class="button primary" onclick={on_next.reform(|_| ())}>{ t.next }</button>
                }
            </div>
        </section>
        </>
    }
}
