use yew::prelude::*;

use super::{Purpose, StepProps};
use crate::app::widgets::choice::{yes_no, Choice};
use crate::domain::i18n::Texts;
use crate::domain::model::{FunctionChecks, StandResult};

/// The stand answers; "I did not try" is `None`: no answer (rules.md v1.2: "cannot" is
/// evidence, "did not try" is no data).
fn stand_options(t: &Texts) -> Vec<(Option<StandResult>, AttrValue)> {
    vec![
        (Some(StandResult::Ok), t.stand_ok.into()),
        (Some(StandResult::Hard), t.stand_hard.into()),
        (Some(StandResult::Cannot), t.stand_cannot.into()),
        (None, t.stand_not_tried.into()),
    ]
}

/// Toes, heels, foot drag, leg gave way, fall: daily to day 14, then when something changed.
/// The stands come with a safety line and "I did not try".
#[function_component]
pub fn FunctionStep(props: &StepProps) -> Html {
    let t = crate::app::context::use_locale().t();
    let asked_daily =
        props.context.first_two_weeks || matches!(props.context.purpose, Purpose::Baseline);
    let open = use_state(|| asked_daily || props.entry.function.is_some());
    // "I did not try" leaves no answer, so which of the two was chosen is kept here.
    let not_tried = use_state(|| (false, false));
    if !*open {
        return super::ask_when_changed(t, &open, t.function_intro, t.function_open);
    }
    let f = props.entry.function.unwrap_or_default();
    let set_bool = |field: fn(&mut FunctionChecks, Option<bool>)| {
        props.edit(move |e, v: bool| {
            field(
                e.function.get_or_insert_with(FunctionChecks::default),
                Some(v),
            )
        })
    };
    let set_stand = |field: fn(&mut FunctionChecks, Option<StandResult>), toes: bool| {
        let not_tried = not_tried.clone();
        let edit = props.edit(move |e, v: Option<StandResult>| {
            field(e.function.get_or_insert_with(FunctionChecks::default), v)
        });
        Callback::from(move |v: Option<StandResult>| {
            let (mut a, mut b) = *not_tried;
            *(if toes { &mut a } else { &mut b }) = v.is_none();
            not_tried.set((a, b));
            edit.emit(v);
        })
    };
    let shown = |v: Option<StandResult>, tried_not: bool| match v {
        Some(v) => Some(Some(v)),
        None => tried_not.then_some(None),
    };
    let all_fine = props.edit_and_next(|e| {
        e.function = Some(FunctionChecks {
            toe_stand: Some(StandResult::Ok),
            heel_stand: Some(StandResult::Ok),
            foot_drag: Some(false),
            leg_gave_way: Some(false),
            fall: Some(false),
        });
    });
    html! {
        <div class="step">
            <button type="button" class="button quick" onclick={all_fine}>
                { t.function_all_fine }
            </button>
            <p class="safety">{ t.stand_safety }</p>
            <Choice<Option<StandResult>> name="toe-stand" legend={t.toes_question} options={stand_options(t)}
                selected={shown(f.toe_stand, not_tried.0)} on_select={set_stand(|f, v| f.toe_stand = v, true)} />
            <Choice<Option<StandResult>> name="heel-stand" legend={t.heels_question} options={stand_options(t)}
                selected={shown(f.heel_stand, not_tried.1)} on_select={set_stand(|f, v| f.heel_stand = v, false)} />
            <Choice<bool> name="foot-drag" legend={t.foot_drag_question} options={yes_no(t)}
                selected={f.foot_drag} on_select={set_bool(|f, v| f.foot_drag = v)} class="yes-no" />
            <Choice<bool> name="leg-gave-way" legend={t.gave_way_question} options={yes_no(t)}
                selected={f.leg_gave_way} on_select={set_bool(|f, v| f.leg_gave_way = v)} class="yes-no" />
            <Choice<bool> name="fall" legend={t.fall_question} options={yes_no(t)}
                selected={f.fall} on_select={set_bool(|f, v| f.fall = v)} class="yes-no" />
        </div>
    }
}
