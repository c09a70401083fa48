use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use super::entry::{EntryWizard, Purpose, Step, StepContext};
use crate::app::context::use_locale;
use crate::app::hooks::stored::{use_checkin_draft, use_running_timer};
use crate::app::storage::CheckInDraft;
use crate::domain::calendar::{day_number, in_first_two_weeks};
use crate::domain::i18n::{fill, Locale, Texts};
use crate::domain::model::TimedKind;
use crate::domain::model::{Diary, Entry};
use crate::domain::rules::{evaluate, ClinicSettings, Firing, Tier};
use crate::domain::timed::baseline_minutes;

lazy_screen!(CHECK_IN, ready::check_in_view, CheckInProps, CheckInScreen);

#[derive(Properties, PartialEq, Clone)]
pub struct CheckInProps {
    pub diary: Rc<Diary>,
    pub date: NaiveDate,
    pub today: NaiveDate,
    pub settings: Rc<ClinicSettings>,
    /// The date, the check-in as saved, and as it was when the patient began (`None`: the
    /// day had none), so that a day another window saved meanwhile is merged.
    pub on_save: Callback<(NaiveDate, Entry, Option<Entry>)>,
    pub on_cancel: Callback<()>,
    /// "Nothing new today": the warning signs and back and leg pain, then Save.
    #[prop_or_default]
    pub quick: bool,
    /// From the quick check-in to the full one (the answers go with it).
    #[prop_or_default]
    pub on_full: Callback<()>,
}

/// A new draft for `date`: the nerve map starts from the last check-in before it (or the
/// baseline), so only changes need tapping.
pub fn new_draft(diary: &Diary, date: NaiveDate) -> Entry {
    let previous_map = diary
        .checkin_before(date)
        .or(diary.baseline.as_ref())
        .and_then(|e| e.neuro.clone());
    Entry {
        neuro: Some(previous_map.unwrap_or_default()),
        ..Entry::default()
    }
}

/// The check-in of one date, full or quick ("Nothing new today"). The answers are kept as a
/// draft as they are given; leaving asks whether to keep them.
#[function_component]
pub fn CheckInScreen(props: &CheckInProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let (diary, date) = (&props.diary, props.date);
    let existing = diary.checkins.get(&date).cloned();
    // Without a draft, the check-in starts from the saved one, or a new one.
    let base = existing.clone().unwrap_or_else(|| new_draft(diary, date));
    // What this day was when the patient began: another window's save arriving meanwhile
    // changes `existing`, not the starting point of what the patient is editing.
    let began_from = {
        let existing = existing.clone();
        use_memo(date, move |_| existing)
    };
    let stored = use_checkin_draft();
    // The draft as this date (or the full check-in after the quick one) opened: later
    // writes do not restart the wizard.
    let opened = {
        let draft = stored.draft.clone();
        use_memo((date, props.quick), move |(d, _)| {
            draft.filter(|x| x.date == *d)
        })
    };
    let latest = use_mut_ref(|| None::<Entry>);
    let leaving = use_state(|| false);
    // The question about leaving takes focus when it opens.
    let leave_heading = use_node_ref();
    {
        let heading = leave_heading.clone();
        use_effect_with(*leaving, move |_| {
            crate::app::platform::focus(heading.cast::<web_sys::HtmlElement>())
        });
    }
    let steps: &[Step] = if props.quick {
        &Step::QUICK
    } else {
        &Step::CHECK_IN
    };
    // A draft opens on its step; a timed test of this date left running, on the walking one.
    let timer = use_running_timer();
    let start_at = timer
        .running
        .filter(|r| r.date == date)
        .map(|_| Step::Walking)
        .or_else(|| {
            opened
                .as_ref()
                .as_ref()
                .and_then(|d| Step::CHECK_IN.get(d.step).copied())
        });
    let initial = opened
        .as_ref()
        .as_ref()
        .map(|d| d.entry.clone())
        .unwrap_or_else(|| base.clone());
    // Answers that differ from where the check-in started are kept as this date's draft; back
    // where it started, this date's draft goes (another date's stays).
    let on_progress = {
        let (keep, latest, base) = (stored.keep.clone(), latest.clone(), base.clone());
        let drafted = stored.draft.as_ref().is_some_and(|d| d.date == date);
        Callback::from(move |(step, entry): (Step, Entry)| {
            let step = Step::CHECK_IN.iter().position(|s| *s == step).unwrap_or(0);
            *latest.borrow_mut() = Some(entry.clone());
            if entry != base {
                keep.emit(Some(CheckInDraft { date, step, entry }));
            } else if drafted {
                keep.emit(None);
            }
        })
    };
    let leave = {
        let (latest, base, leaving, on_cancel) = (
            latest.clone(),
            base.clone(),
            leaving.clone(),
            props.on_cancel.clone(),
        );
        Callback::from(move |_: ()| {
            if latest.borrow().as_ref().is_some_and(|e| *e != base) {
                leaving.set(true);
            } else {
                on_cancel.emit(());
            }
        })
    };
    let on_save = {
        let (keep, on_save) = (stored.keep.clone(), props.on_save.clone());
        Callback::from(move |entry| {
            keep.emit(None);
            on_save.emit((date, entry, (*began_from).clone()));
        })
    };
    let (title, day) = title(&locale, props, existing.is_some());
    let context = step_context(props);
    html! {
        <section class={classes!("checkin", props.quick.then_some("quick"))} aria-labelledby="checkin-title">
            <div class="checkin-head">
                <h1 id="checkin-title" tabindex="-1">{ format!("{title}{day}") }</h1>
                <button type="button" class="button small" onclick={leave.reform(|_| ())}>{ t.leave_checkin }</button>
            </div>
            if *leaving {
                { leave_dialog(t, &leave_heading, props, &stored.keep, &leaving) }
            }
            // Keyed by date and kind, so another day or the full check-in opens afresh (from
            // the draft).
            <EntryWizard key={format!("{date}-{}", props.quick)} title={title.clone()}
                steps={steps.to_vec()} {initial} {context} {on_save}
                on_cancel={leave} save_label={t.save} {start_at}
                emergency_for={Some(emergency_for(props))} on_progress={Some(on_progress)}
                alert_context={Some((props.diary.clone(), props.settings.clone()))} />
            if props.quick {
                <button type="button" class="button full-checkin" onclick={props.on_full.reform(|_| ())}>{ t.full_checkin }</button>
            }
        </section>
    }
}

/// "Check-in for today", "Change the check-in for …", "Quick check-in for today"; and the
/// day number (" (day 3)"), which the screen's heading adds.
fn title(locale: &Locale, props: &CheckInProps, exists: bool) -> (String, String) {
    let t = locale.t();
    let (diary, date) = (&props.diary, props.date);
    let when = if date == props.today {
        t.today.to_string()
    } else {
        locale.long_date(date)
    };
    let day = day_number(diary.profile.procedure_date, date)
        .map(|n| fill(t.day_in_brackets, &[("n", &n.to_string())]))
        .unwrap_or_default();
    let template = match (props.quick, exists) {
        (true, _) => t.quick_title,
        (false, true) => t.checkin_change,
        (false, false) => t.checkin_new,
    };
    (fill(template, &[("when", &when)]), day)
}

fn step_context(props: &CheckInProps) -> Rc<StepContext> {
    let (diary, date) = (&props.diary, props.date);
    Rc::new(StepContext {
        purpose: Purpose::CheckIn(date),
        distance_unit: diary.profile.distance_unit,
        temperature_unit: diary.profile.temperature_unit,
        first_two_weeks: in_first_two_weeks(diary.profile.procedure_date, date),
        emergency_number: props.settings.emergency_number.clone(),
        previous: diary.checkin_before(date).cloned(),
        baseline_minutes: (
            baseline_minutes(diary, TimedKind::Walk),
            baseline_minutes(diary, TimedKind::Stand),
        ),
        quick: props.quick,
    })
}

/// The rule engine on the diary with the draft in it: tier A shows at once.
fn emergency_for(props: &CheckInProps) -> Callback<Entry, Vec<Firing>> {
    let (diary, settings, date) = (props.diary.clone(), props.settings.clone(), props.date);
    Callback::from(move |draft: Entry| -> Vec<Firing> {
        let mut with_draft = (*diary).clone();
        with_draft.put_checkin(date, draft);
        evaluate(&with_draft, &settings)
            .into_iter()
            .filter(|f| f.date == date && f.tier == Tier::Emergency)
            .collect()
    })
}

/// "Keep your answers for later?": as a draft (home offers to go on with it), or not.
fn leave_dialog(
    t: &Texts,
    heading: &NodeRef,
    props: &CheckInProps,
    keep: &Callback<Option<CheckInDraft>>,
    leaving: &UseStateHandle<bool>,
) -> Html {
    let discard = {
        let (keep, leave) = (keep.clone(), props.on_cancel.clone());
        Callback::from(move |_| {
            keep.emit(None);
            leave.emit(());
        })
    };
    let stay = {
        let leaving = leaving.clone();
        Callback::from(move |_| leaving.set(false))
    };
    html! {
        <div class="leave" role="alertdialog" aria-modal="true" aria-labelledby="leave-title">
            <div class="leave-box">
                <h2 id="leave-title" tabindex="-1" ref={heading.clone()}>{ t.leave_title }</h2>
                <button type="button" class="button primary" onclick={props.on_cancel.reform(|_| ())}>{ t.leave_keep }</button>
                <button type="button" class="button" onclick={discard}>{ t.leave_discard }</button>
                <button type="button" class="button" onclick={stay}>{ t.leave_stay }</button>
            </div>
        </div>
    }
}
