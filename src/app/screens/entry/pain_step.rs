use yew::prelude::*;

use super::{Purpose, StepProps};
use crate::app::widgets::Choice;
use crate::domain::model::{Pain, Rating};

fn ratings() -> Vec<(Rating, AttrValue)> {
    (0..=10u8)
        .filter_map(|v| Rating::new(v).ok())
        .map(|r| (r, r.get().to_string().into()))
        .collect()
}

const SCALE: &str = "0 = no pain, 10 = worst pain you can imagine.";

#[function_component]
pub fn PainStep(props: &StepProps) -> Html {
    let pain = props.entry.pain.unwrap_or_default();
    let check_in = matches!(props.context.purpose, Purpose::CheckIn(_));
    let when = if check_in {
        "on average over the last 24 hours"
    } else {
        "on a typical day in the week before your procedure"
    };
    let set = |f: fn(&mut Pain, Option<Rating>)| {
        props.edit(move |e, r: Rating| f(e.pain.get_or_insert_with(Pain::default), Some(r)))
    };
    let medicine = vec![
        (Some(true), AttrValue::from("Yes")),
        (Some(false), AttrValue::from("No")),
        (None, AttrValue::from("I did not take any")),
    ];
    html! {
        <div class="step">
            <Choice<Rating> name="pain-back" legend={format!("Back pain, {when}")} hint={SCALE}
                options={ratings()} selected={pain.back} on_select={set(|p, r| p.back = r)} class="rating" />
            <Choice<Rating> name="pain-leg" legend={format!("Leg or buttock pain, {when}")} hint={SCALE}
                options={ratings()} selected={pain.leg} on_select={set(|p, r| p.leg = r)} class="rating" />
            if check_in && props.context.first_two_weeks {
                <Choice<Rating> name="pain-incision" legend="Pain at the incision (the small cut)"
                    options={ratings()} selected={pain.incision} on_select={set(|p, r| p.incision = r)} class="rating" />
            }
            if check_in {
                <Choice<Option<bool>> name="medicine-helped" legend="Did your pain medicine help?"
                    options={medicine}
                    selected={if pain.medicine_helped.is_some() || pain.back.is_some() { Some(pain.medicine_helped) } else { None }}
                    on_select={props.edit(|e, v: Option<bool>| e.pain.get_or_insert_with(Pain::default).medicine_helped = v)} />
            }
        </div>
    }
}
