use std::rc::Rc;

use yew::prelude::*;

use crate::app::chunks::lazy_screen;

use super::entry::{EntryWizard, Purpose, Step, StepContext};
use crate::domain::model::{Diary, Entry};

lazy_screen!(
    BASELINE,
    ready::baseline_view,
    BaselineProps,
    BaselineScreen
);

#[derive(Properties, PartialEq, Clone)]
pub struct BaselineProps {
    pub diary: Rc<Diary>,
    pub emergency_number: String,
    pub on_save: Callback<Entry>,
    pub on_cancel: Callback<()>,
}

/// Add or change the "typical day before the procedure" record.
#[function_component]
pub fn BaselineScreen(props: &BaselineProps) -> Html {
    let t = crate::app::context::use_locale().t();
    let diary = &props.diary;
    let initial = diary.baseline.clone().unwrap_or(Entry {
        neuro: Some(Vec::new()),
        ..Entry::default()
    });
    let context = Rc::new(StepContext {
        purpose: Purpose::Baseline,
        distance_unit: diary.profile.distance_unit,
        temperature_unit: diary.profile.temperature_unit,
        first_two_weeks: true,
        emergency_number: props.emergency_number.clone(),
        previous: None,
        baseline_minutes: (None, None),
        quick: false,
    });
    html! {
        <section class="baseline" aria-labelledby="baseline-title">
            <h1 id="baseline-title" tabindex="-1">{ t.typical_day_title }</h1>
            <EntryWizard title={t.before_title} steps={Step::BASELINE.to_vec()} {initial} {context}
                on_save={props.on_save.clone()} on_cancel={props.on_cancel.clone()} save_label={t.save} />
        </section>
    }
}
