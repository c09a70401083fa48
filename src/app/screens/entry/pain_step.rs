use yew::prelude::*;

use super::{Purpose, StepProps};
use crate::app::widgets::choice::Choice;
use crate::domain::i18n::fill;
use crate::domain::model::{Pain, Rating};

fn ratings() -> Vec<(Rating, AttrValue)> {
    (0..=10u8)
        .filter_map(|v| Rating::new(v).ok())
        .map(|r| (r, r.get().to_string().into()))
        .collect()
}

#[function_component]
pub fn PainStep(props: &StepProps) -> Html {
    let t = crate::app::context::use_locale().t();
    let pain = props.entry.pain.unwrap_or_default();
    let check_in = matches!(props.context.purpose, Purpose::CheckIn(_));
    let when = if check_in {
        t.pain_when_checkin
    } else {
        t.pain_when_baseline
    };
    let set = |f: fn(&mut Pain, Option<Rating>)| {
        props.edit(move |e, r: Rating| f(e.pain.get_or_insert_with(Pain::default), Some(r)))
    };
    let medicine = vec![
        (Some(true), AttrValue::from(t.yes)),
        (Some(false), AttrValue::from(t.no)),
        (None, AttrValue::from(t.took_no_medicine)),
    ];
    html! {
        <div class="step">
            <Choice<Rating> name="pain-back" legend={fill(t.back_pain_question, &[("when", when)])} hint={t.pain_scale}
                options={ratings()} selected={pain.back} on_select={set(|p, r| p.back = r)} class="rating" />
            <Choice<Rating> name="pain-leg" legend={fill(t.leg_pain_question, &[("when", when)])} hint={t.pain_scale}
                options={ratings()} selected={pain.leg} on_select={set(|p, r| p.leg = r)} class="rating" />
            if check_in && props.context.first_two_weeks && !props.context.quick {
                <Choice<Rating> name="pain-incision" legend={t.incision_pain_question}
                    options={ratings()} selected={pain.incision} on_select={set(|p, r| p.incision = r)} class="rating" />
            }
            if check_in && !props.context.quick {
                <Choice<Option<bool>> name="medicine-helped" legend={t.medicine_helped}
                    options={medicine}
                    selected={if pain.medicine_helped.is_some() || pain.back.is_some() { Some(pain.medicine_helped) } else { None }}
                    on_select={props.edit(|e, v: Option<bool>| e.pain.get_or_insert_with(Pain::default).medicine_helped = v)} />
            }
        </div>
    }
}
