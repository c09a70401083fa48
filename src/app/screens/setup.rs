use std::rc::Rc;

use chrono::NaiveDate;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::entry::{EntryWizard, Purpose, Step, StepContext};
use crate::app::platform;
use crate::app::widgets::UnitChoices;
use crate::domain::model::{Entry, Profile};

pub const DISCLAIMER: &str = "This diary helps you keep track of your recovery and share it with your care team. It does not diagnose anything. Your clinic does not watch it in real time. In an emergency, call your emergency number. If anything worries you, contact your clinic, even when the diary shows no warning.";

#[derive(Properties, PartialEq)]
pub struct SetupProps {
    pub emergency_number: String,
    /// Pre-filled by the clinic's configuration or the browser's locale.
    pub initial: Profile,
    pub on_finish: Callback<(Profile, Option<Entry>)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Page {
    Welcome,
    ProcedureDate,
    Units,
    BaselineOffer,
    Baseline,
}

pub fn parse_date_input(e: &Event) -> Option<NaiveDate> {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .and_then(|i| NaiveDate::parse_from_str(&i.value(), "%Y-%m-%d").ok())
}

/// First run: shown only while storage holds no diary.
#[function_component]
pub fn Setup(props: &SetupProps) -> Html {
    let page = use_state(|| Page::Welcome);
    let profile = use_state(|| props.initial.clone());
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(*page, move |_| {
            platform::focus(heading.cast::<web_sys::HtmlElement>())
        });
    }
    let goto = |p: Page| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(p))
    };
    let edit_profile = |f: fn(&mut Profile, Option<NaiveDate>)| {
        let profile = profile.clone();
        Callback::from(move |e: Event| {
            let mut next = (*profile).clone();
            f(&mut next, parse_date_input(&e));
            profile.set(next);
        })
    };
    let finish = {
        let (profile, on_finish) = (profile.clone(), props.on_finish.clone());
        Callback::from(move |baseline: Option<Entry>| {
            on_finish.emit(((*profile).clone(), baseline))
        })
    };

    let body = match *page {
        Page::Welcome => html! {
            <>
                <h1 ref={heading.clone()} tabindex="-1">{ "Welcome to your recovery diary" }</h1>
                <p class="lead">{ "Each day, take a minute to note your pain, walking, and any warning signs. The diary keeps everything on this phone only." }</p>
                <div class="disclaimer" id="disclaimer">
                    <h2>{ "Please read" }</h2>
                    <p>{ DISCLAIMER }</p>
                    <p>{ format!("Emergency number: {}", props.emergency_number) }</p>
                </div>
                <button type="button" class="button primary" onclick={goto(Page::ProcedureDate)}>{ "I understand, continue" }</button>
            </>
        },
        Page::ProcedureDate => html! {
            <>
                <h1 ref={heading.clone()} tabindex="-1">{ "Your procedure date" }</h1>
                <div class="field">
                    <label for="procedure-date">{ "Date of your procedure (past or coming up)" }</label>
                    <p class="hint" id="procedure-date-hint">{ "If you do not know it yet, leave it blank and add it later in Settings." }</p>
                    <input id="procedure-date" type="date" aria-describedby="procedure-date-hint"
                        value={profile.procedure_date.map(|d| d.to_string()).unwrap_or_default()}
                        onchange={edit_profile(|p, d| p.procedure_date = d)} />
                </div>
                <div class="wizard-nav">
                    <button type="button" class="button" onclick={goto(Page::Welcome)}>{ "Back" }</button>
                    <button type="button" class="button primary" onclick={goto(Page::Units)}>{ "Next" }</button>
                </div>
            </>
        },
        Page::Units => {
            let set_units = {
                let profile = profile.clone();
                Callback::from(move |p: Profile| profile.set(p))
            };
            html! {
                <>
                    <h1 ref={heading.clone()} tabindex="-1">{ "Units" }</h1>
                    <UnitChoices name="setup" profile={(*profile).clone()} on_change={set_units} />
                    <div class="wizard-nav">
                        <button type="button" class="button" onclick={goto(Page::ProcedureDate)}>{ "Back" }</button>
                        <button type="button" class="button primary" onclick={goto(Page::BaselineOffer)}>{ "Next" }</button>
                    </div>
                </>
            }
        }
        Page::BaselineOffer => {
            let skip = finish.reform(|_: MouseEvent| None);
            html! {
                <>
                    <h1 ref={heading.clone()} tabindex="-1">{ "Before your procedure" }</h1>
                    <p class="lead">{ "Your care team will compare your recovery with how you were before. Describe a typical day in the week before your procedure: pain, walking, standing, and any numbness or weakness." }</p>
                    <button type="button" class="button primary" onclick={goto(Page::Baseline)}>{ "Describe my typical day now" }</button>
                    <button type="button" class="button" onclick={skip}>{ "Skip for now (I can add it later)" }</button>
                </>
            }
        }
        Page::Baseline => {
            let context = Rc::new(StepContext {
                purpose: Purpose::Baseline,
                distance_unit: profile.distance_unit,
                temperature_unit: profile.temperature_unit,
                first_two_weeks: true,
                emergency_number: props.emergency_number.clone(),
                previous: None,
            });
            let on_save = finish.reform(Some);
            let page = page.clone();
            html! {
                <EntryWizard title="A typical day before your procedure" steps={Step::BASELINE.to_vec()}
                    initial={Entry { neuro: Some(Vec::new()), ..Entry::default() }} {context} {on_save}
                    on_cancel={Callback::from(move |_| page.set(Page::BaselineOffer))}
                    save_label="Save and finish" />
            }
        }
    };
    html! { <section class="setup">{ body }</section> }
}
