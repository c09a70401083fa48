use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use super::entry::{EntryWizard, Purpose, Step, StepContext};
use crate::app::context::use_locale;
use crate::app::hooks::stored::use_running_timer;
use crate::domain::calendar::{day_number, in_first_two_weeks};
use crate::domain::i18n::fill;
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

#[function_component]
pub fn CheckInScreen(props: &CheckInProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let diary = &props.diary;
    let date = props.date;
    let existing = diary.checkins.get(&date).cloned();
    // What this day was when the patient began: another window's save arriving meanwhile
    // changes `existing`, not the starting point of what the patient is editing.
    let began_from = {
        let existing = existing.clone();
        use_memo(date, move |_| existing)
    };
    let initial = existing.clone().unwrap_or_else(|| new_draft(diary, date));
    let context = Rc::new(StepContext {
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
    });
    let when = if date == props.today {
        t.today.to_string()
    } else {
        locale.long_date(date)
    };
    let day = day_number(diary.profile.procedure_date, date)
        .map(|n| fill(t.day_in_brackets, &[("n", &n.to_string())]))
        .unwrap_or_default();
    let title = fill(
        if existing.is_some() {
            t.checkin_change
        } else {
            t.checkin_new
        },
        &[("when", &when)],
    );
    let on_save = props
        .on_save
        .reform(move |entry| (date, entry, (*began_from).clone()));
    // The rule engine on the diary with this draft in it: tier A shows at once.
    let emergency_for = {
        let (diary, settings) = (props.diary.clone(), props.settings.clone());
        Callback::from(move |draft: Entry| -> Vec<Firing> {
            let mut with_draft = (*diary).clone();
            with_draft.put_checkin(date, draft);
            evaluate(&with_draft, &settings)
                .into_iter()
                .filter(|f| f.date == date && f.tier == Tier::Emergency)
                .collect()
        })
    };
    // A timed test of this date left running (the page was reloaded): open on its step.
    let timer = use_running_timer();
    let start_at = timer
        .running
        .filter(|r| r.date == date)
        .map(|_| Step::Walking);
    html! {
        <section class="checkin" aria-labelledby="checkin-title">
            <h1 id="checkin-title" tabindex="-1">{ format!("{title}{day}") }</h1>
            // Keyed by date so that opening another day starts a fresh draft.
            <EntryWizard key={date.to_string()} title={title.clone()}
                steps={Step::CHECK_IN.to_vec()} {initial} {context} {on_save}
                on_cancel={props.on_cancel.clone()} save_label={t.save_checkin}
                emergency_for={Some(emergency_for)} {start_at}
                alert_context={Some((props.diary.clone(), props.settings.clone()))} />
        </section>
    }
}
