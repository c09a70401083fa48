use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::entry::{EntryWizardProps, Purpose, Step, StepContext, WIZARD};
use super::import_panel::ImportPanel;
use super::reminder::{ReminderPanelProps, REMINDER};
use crate::app::context::use_locale;
use crate::app::platform::{self, parse_procedure_date, procedure_date_range};
use crate::app::widgets::language_choice::LanguageChoice;
use crate::app::widgets::unit_choices::UnitChoices;
use crate::domain::i18n::{fill, Lang};
use crate::domain::import::ImportRequest;
use crate::domain::model::{Diary, Entry, Profile};

#[derive(Properties, PartialEq)]
pub struct SetupProps {
    pub emergency_number: String,
    /// Pre-filled by the clinic's configuration or the browser's locale.
    pub initial: Profile,
    pub on_finish: Callback<(Profile, Option<Entry>)>,
    /// The language chosen (shown once its texts are here), and the patient picking one.
    pub language: Lang,
    pub on_language: Callback<Lang>,
    /// A new phone restores a diary file saved on the old one.
    pub on_restore: Callback<ImportRequest>,
    /// The end of setup offers the daily reminder.
    #[prop_or_default]
    pub reminder: Option<crate::domain::reminder::Reminder>,
    #[prop_or_default]
    pub on_reminder: Callback<crate::domain::reminder::Reminder>,
    /// The patient went past the welcome page: what the end of setup needs can be fetched.
    #[prop_or_default]
    pub on_started: Callback<()>,
}

#[derive(Clone, Copy, PartialEq)]
enum Page {
    Welcome,
    ProcedureDate,
    Units,
    BaselineOffer,
    Baseline,
}

/// First run: shown only while storage holds no diary.
#[function_component]
pub fn Setup(props: &SetupProps) -> Html {
    let t = use_locale().t();
    let page = use_state(|| Page::Welcome);
    let profile = use_state(|| props.initial.clone());
    let heading = use_node_ref();
    let nothing_yet = use_memo((), |_| Diary::default());
    {
        let (heading, on_started) = (heading.clone(), props.on_started.clone());
        use_effect_with(*page, move |page| {
            platform::focus(heading.cast::<web_sys::HtmlElement>());
            if *page != Page::Welcome {
                on_started.emit(());
            }
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
            f(&mut next, parse_procedure_date(&e));
            profile.set(next);
        })
    };
    let procedure_range = procedure_date_range();
    let finish = {
        let (profile, on_finish) = (profile.clone(), props.on_finish.clone());
        Callback::from(move |baseline: Option<Entry>| {
            on_finish.emit(((*profile).clone(), baseline))
        })
    };

    let body = match *page {
        Page::Welcome => html! {
            <>
                <h1 ref={heading.clone()} tabindex="-1">{ t.welcome_title }</h1>
                <LanguageChoice name="setup-language" selected={props.language} on_select={props.on_language.clone()} />
                <p class="lead">{ t.welcome_lead }</p>
                <div class="disclaimer" id="disclaimer">
                    <h2>{ t.please_read }</h2>
                    <p>{ t.disclaimer }</p>
                    <p>{ fill(t.emergency_number_is, &[("number", &props.emergency_number)]) }</p>
                </div>
                <button type="button" class="button primary" onclick={goto(Page::ProcedureDate)}>{ t.understand_continue }</button>
                <section class="restore" aria-labelledby="restore-title">
                    <h2 id="restore-title">{ t.restore_title }</h2>
                    <p>{ t.restore_text }</p>
                    <ImportPanel current={nothing_yet.clone()} input_id="restore-file"
                        on_import={props.on_restore.clone()} />
                </section>
            </>
        },
        Page::ProcedureDate => html! {
            <>
                <h1 ref={heading.clone()} tabindex="-1">{ t.procedure_date_title }</h1>
                <div class="field">
                    <label for="procedure-date">{ t.procedure_date_label }</label>
                    <p class="hint" id="procedure-date-hint">{ t.procedure_date_hint }</p>
                    <input id="procedure-date" type="date" aria-describedby="procedure-date-hint"
                        min={procedure_range.0.clone()} max={procedure_range.1.clone()}
                        value={profile.procedure_date.map(|d| d.to_string()).unwrap_or_default()}
                        onchange={edit_profile(|p, d| p.procedure_date = d)} />
                </div>
                <div class="wizard-nav">
                    <button type="button" class="button" onclick={goto(Page::Welcome)}>{ t.back }</button>
                    <button type="button" class="button primary" onclick={goto(Page::Units)}>{ t.next }</button>
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
                    <h1 ref={heading.clone()} tabindex="-1">{ t.units_title }</h1>
                    <UnitChoices name="setup" profile={(*profile).clone()} on_change={set_units} />
                    <div class="wizard-nav">
                        <button type="button" class="button" onclick={goto(Page::ProcedureDate)}>{ t.back }</button>
                        <button type="button" class="button primary" onclick={goto(Page::BaselineOffer)}>{ t.next }</button>
                    </div>
                </>
            }
        }
        Page::BaselineOffer => {
            let skip = finish.reform(|_: MouseEvent| None);
            html! {
                <>
                    <h1 ref={heading.clone()} tabindex="-1">{ t.before_title }</h1>
                    <p class="lead">{ t.baseline_offer_lead }</p>
                    <button type="button" class="button primary" onclick={goto(Page::Baseline)}>{ t.describe_now }</button>
                    <button type="button" class="button" onclick={skip}>{ t.skip_for_now }</button>
                    { REMINDER.show(ReminderPanelProps {
                        procedure_date: profile.procedure_date,
                        reminder: props.reminder.clone(),
                        on_set: props.on_reminder.clone(),
                    }) }
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
                baseline_minutes: (None, None),
            });
            let on_save = finish.reform(Some);
            let page = page.clone();
            let props = EntryWizardProps {
                title: t.typical_day_title.into(),
                steps: Step::BASELINE.to_vec(),
                initial: Entry {
                    neuro: Some(Vec::new()),
                    ..Entry::default()
                },
                context,
                on_save,
                on_cancel: Callback::from(move |_| page.set(Page::BaselineOffer)),
                save_label: t.save_and_finish.into(),
                emergency_for: None,
                alert_context: None,
                start_at: None,
            };
            WIZARD.show(props)
        }
    };
    html! { <section class="setup">{ body }</section> }
}
