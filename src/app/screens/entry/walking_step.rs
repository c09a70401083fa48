use yew::prelude::*;

use super::{Purpose, StepProps};
use crate::app::widgets::NumberField;
use crate::domain::model::{Amount, Distance, Walking};

#[function_component]
pub fn WalkingStep(props: &StepProps) -> Html {
    let unit = props.context.distance_unit;
    let walking = props.entry.walking.unwrap_or_default();
    let key = match props.context.purpose {
        Purpose::CheckIn(d) => d.to_string(),
        Purpose::Baseline => "baseline".into(),
    };
    let when = match props.context.purpose {
        Purpose::CheckIn(_) => "today",
        Purpose::Baseline => "on a typical day before your procedure",
    };
    html! {
        <div class="step" key={key}>
            <p class="lead">{ format!("Leave blank what you did not measure {when}.") }</p>
            <NumberField id="walk-distance"
                label={format!("How far could you walk at one time {when}?")}
                hint="Until leg pain, numbness or heaviness made you stop."
                unit={unit.symbol()} min={0.0} max={200_000.0}
                value={walking.distance.map(|d| d.in_unit(unit).round())}
                on_change={props.edit(move |e, v: Option<f64>| {
                    e.walking.get_or_insert_with(Walking::default).distance =
                        v.and_then(|v| Amount::new(v).ok()).map(|value| Distance { value, unit });
                })} />
            <NumberField id="walk-minutes" label="For how many minutes?" unit="min"
                min={0.0} max={1440.0} value={walking.minutes.map(|m| m.get())}
                on_change={props.edit(|e, v: Option<f64>| {
                    e.walking.get_or_insert_with(Walking::default).minutes = v.and_then(|v| Amount::new(v).ok());
                })} />
            <NumberField id="stand-minutes"
                label="How many minutes could you stand before symptoms started?" unit="min"
                min={0.0} max={1440.0} value={props.entry.standing_minutes.map(|m| m.get())}
                on_change={props.edit(|e, v: Option<f64>| {
                    e.standing_minutes = v.and_then(|v| Amount::new(v).ok());
                })} />
        </div>
    }
}
