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
use crate::domain::i18n::{fill, Lang, Texts};
use crate::domain::import::ImportRequest;
use crate::domain::model::{Diary, Entry, Profile};
use crate::domain::rules::is_phone_number;

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
    /// The clinic's configuration gives its phone: setup does not ask for it.
    #[prop_or_default]
    pub clinic_phone_set: bool,
    /// The clinic's phone and after-hours phone the patient entered (either may be empty).
    #[prop_or_default]
    pub on_clinic_numbers: Callback<(Option<String>, Option<String>)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Page {
    Welcome,
    ProcedureDate,
    ClinicNumbers,
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
    // The clinic's numbers page: its two fields, and a number that is not one (which field,
    // and what was entered).
    let phones = (use_node_ref(), use_node_ref());
    let refused = use_state(|| None::<(&'static str, String)>);
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
    let after_date = if props.clinic_phone_set {
        Page::Units
    } else {
        Page::ClinicNumbers
    };
    let finish = {
        let (profile, on_finish) = (profile.clone(), props.on_finish.clone());
        Callback::from(move |baseline: Option<Entry>| {
            on_finish.emit(((*profile).clone(), baseline))
        })
    };
    let h1 = |text: &'static str| html! { <h1 ref={heading.clone()} tabindex="-1">{ text }</h1> };
    let body = match *page {
        Page::Welcome => welcome(props, t, h1(t.welcome_title), goto(Page::ProcedureDate)),
        Page::ProcedureDate => procedure_date_page(
            t,
            h1(t.procedure_date_title),
            profile.procedure_date,
            date_setter(&profile),
            nav(t, goto(Page::Welcome), goto(after_date)),
        ),
        Page::ClinicNumbers => {
            let (on_numbers, page) = (props.on_clinic_numbers.clone(), page.clone());
            let on_done = Callback::from(move |numbers| {
                on_numbers.emit(numbers);
                page.set(Page::Units);
            });
            let heading = h1(t.clinic_numbers_title);
            clinic_numbers_page(
                t,
                heading,
                &phones,
                &refused,
                goto(Page::ProcedureDate),
                on_done,
            )
        }
        Page::Units => {
            let back = if props.clinic_phone_set {
                Page::ProcedureDate
            } else {
                Page::ClinicNumbers
            };
            let set_units = {
                let profile = profile.clone();
                Callback::from(move |p: Profile| profile.set(p))
            };
            html! {
                <>
                    { h1(t.units_title) }
                    <UnitChoices name="setup" profile={(*profile).clone()} on_change={set_units} />
                    { nav(t, goto(back), goto(Page::BaselineOffer)) }
                </>
            }
        }
        Page::BaselineOffer => baseline_offer_page(
            props,
            t,
            h1(t.before_title),
            profile.procedure_date,
            goto(Page::Baseline),
            finish,
        ),
        Page::Baseline => {
            let page = page.clone();
            let back = Callback::from(move |_| page.set(Page::BaselineOffer));
            baseline_page(props, t, &profile, finish, back)
        }
    };
    html! { <section class="setup">{ body }</section> }
}

/// Takes the procedure date the patient entered into the profile.
fn date_setter(profile: &UseStateHandle<Profile>) -> Callback<Event> {
    let profile = profile.clone();
    Callback::from(move |e: Event| {
        let mut next = (*profile).clone();
        next.procedure_date = parse_procedure_date(&e);
        profile.set(next);
    })
}

/// The offer to describe how things were before the procedure, with the daily reminder.
fn baseline_offer_page(
    props: &SetupProps,
    t: &Texts,
    heading: Html,
    procedure_date: Option<chrono::NaiveDate>,
    describe: Callback<MouseEvent>,
    finish: Callback<Option<Entry>>,
) -> Html {
    html! {
        <>
            { heading }
            <p class="lead">{ t.baseline_offer_lead }</p>
            <button type="button" class="button primary" onclick={describe}>{ t.describe_now }</button>
            <button type="button" class="button" onclick={finish.reform(|_: MouseEvent| None)}>{ t.skip_for_now }</button>
            { REMINDER.show(ReminderPanelProps {
                procedure_date,
                reminder: props.reminder.clone(),
                on_set: props.on_reminder.clone(),
            }) }
        </>
    }
}

/// Back and Next at the foot of a page.
fn nav(t: &Texts, back: Callback<MouseEvent>, next: Callback<MouseEvent>) -> Html {
    html! {
        <div class="wizard-nav">
            <button type="button" class="button" onclick={back}>{ t.back }</button>
            <button type="button" class="button primary" onclick={next}>{ t.next }</button>
        </div>
    }
}

/// The welcome page: the language, what the diary is, the disclaimer; or a restore.
fn welcome(props: &SetupProps, t: &Texts, heading: Html, go_on: Callback<MouseEvent>) -> Html {
    html! {
        <>
            { heading }
            <LanguageChoice name="setup-language" selected={props.language} on_select={props.on_language.clone()} />
            <p class="lead">{ t.welcome_lead }</p>
            <div class="disclaimer" id="disclaimer">
                <h2>{ t.please_read }</h2>
                <p>{ t.disclaimer }</p>
                <p>{ fill(t.emergency_number_is, &[("number", &props.emergency_number)]) }</p>
            </div>
            <button type="button" class="button primary" onclick={go_on}>{ t.understand_continue }</button>
            <section class="restore" aria-labelledby="restore-title">
                <h2 id="restore-title">{ t.restore_title }</h2>
                <p>{ t.restore_text }</p>
                <ImportPanel current={Rc::new(Diary::default())} input_id="restore-file"
                    on_import={props.on_restore.clone()} />
            </section>
        </>
    }
}

fn procedure_date_page(
    t: &Texts,
    heading: Html,
    date: Option<NaiveDate>,
    on_date: Callback<Event>,
    nav: Html,
) -> Html {
    let range = procedure_date_range();
    html! {
        <>
            { heading }
            <div class="field">
                <label for="procedure-date">{ t.procedure_date_label }</label>
                <p class="hint" id="procedure-date-hint">{ t.procedure_date_hint }</p>
                <input id="procedure-date" type="date" aria-describedby="procedure-date-hint"
                    min={range.0} max={range.1}
                    value={date.map(|d| d.to_string()).unwrap_or_default()} onchange={on_date} />
            </div>
            { nav }
        </>
    }
}

/// "A typical day before your procedure": the baseline wizard (a chunk of its own).
fn baseline_page(
    props: &SetupProps,
    t: &Texts,
    profile: &Profile,
    finish: Callback<Option<Entry>>,
    back: Callback<()>,
) -> Html {
    let context = Rc::new(StepContext {
        purpose: Purpose::Baseline,
        distance_unit: profile.distance_unit,
        temperature_unit: profile.temperature_unit,
        first_two_weeks: true,
        emergency_number: props.emergency_number.clone(),
        previous: None,
        baseline_minutes: (None, None),
        quick: false,
    });
    WIZARD.show(EntryWizardProps {
        title: t.typical_day_title.into(),
        steps: Step::BASELINE.to_vec(),
        initial: Entry {
            neuro: Some(Vec::new()),
            ..Entry::default()
        },
        context,
        on_save: finish.reform(Some),
        on_cancel: back,
        save_label: t.save_and_finish.into(),
        emergency_for: None,
        alert_context: None,
        start_at: None,
        on_progress: None,
    })
}

/// "Your clinic's phone number", so a warning sign that needs a call can call it; and the
/// after-hours one. "I don't have it now" goes on without them.
fn clinic_numbers_page(
    t: &'static Texts,
    heading: Html,
    (phone, after): &(NodeRef, NodeRef),
    refused: &UseStateHandle<Option<(&'static str, String)>>,
    on_back: Callback<MouseEvent>,
    on_done: Callback<(Option<String>, Option<String>)>,
) -> Html {
    let value = |r: &NodeRef| {
        r.cast::<web_sys::HtmlInputElement>()
            .map(|i| i.value().trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let next = {
        let (phone, after, refused, on_done) = (
            phone.clone(),
            after.clone(),
            refused.clone(),
            on_done.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let numbers = (value(&phone), value(&after));
            let bad = |n: &Option<String>, name: &'static str| {
                n.as_ref()
                    .filter(|v| !is_phone_number(v))
                    .map(|v| (name, v.clone()))
            };
            match bad(&numbers.0, t.clinic_phone).or(bad(&numbers.1, t.after_hours_phone)) {
                Some(refusal) => refused.set(Some(refusal)),
                None => on_done.emit(numbers),
            }
        })
    };
    html! {
        <>
            { heading }
            <p class="lead">{ t.clinic_numbers_lead }</p>
            <div class="field">
                <label for="setup-clinic-phone">{ t.clinic_phone }</label>
                <input id="setup-clinic-phone" type="tel" autocomplete="off" ref={phone.clone()} />
            </div>
            <div class="field">
                <label for="setup-after-hours">{ t.after_hours_optional }</label>
                <input id="setup-after-hours" type="tel" autocomplete="off" ref={after.clone()} />
            </div>
            if let Some((setting, v)) = &**refused {
                <p class="error" role="alert">{ fill(t.phone_refused, &[("setting", setting), ("value", v)]) }</p>
            }
            <button type="button" class="button" onclick={on_done.reform(|_: MouseEvent| (None, None))}>{ t.no_number_now }</button>
            { nav(t, on_back, next) }
        </>
    }
}
