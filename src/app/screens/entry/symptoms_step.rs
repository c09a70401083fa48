use yew::prelude::*;

use super::StepProps;
use crate::app::widgets::choice::{yes_no, Choice};
use crate::app::widgets::number_field::NumberField;
use crate::domain::model::{Finite, Temperature};
use crate::domain::questions::OTHER_SYMPTOMS;

#[function_component]
pub fn SymptomsStep(props: &StepProps) -> Html {
    let t = crate::app::context::use_locale().t();
    let unit = props.context.temperature_unit;
    let (lo, hi) = unit.plausible_range();
    let shown = props.entry.temperature.map(|t| {
        if t.unit == unit {
            t.value.get()
        } else {
            convert(t.value.get(), unit)
        }
    });
    let none = props.edit_and_next(|e| {
        e.chills = Some(false);
        for q in &OTHER_SYMPTOMS {
            (q.set)(e, Some(false));
        }
    });
    html! {
        <div class="step">
            <NumberField id="temperature" label={t.temperature_question}
                hint={t.temperature_hint} unit={unit.symbol()}
                min={lo} max={hi} value={shown}
                on_change={props.edit(move |e, v: Option<f64>| {
                    e.temperature = v.and_then(|v| Finite::new(v).ok()).map(|value| Temperature { value, unit });
                })} />
            <button type="button" class="button quick" onclick={none}>
                { t.symptoms_none }
            </button>
            <Choice<bool> name="chills" legend={t.chills_question} options={yes_no(t)} class="yes-no"
                selected={props.entry.chills} on_select={props.edit(|e, v: bool| e.chills = Some(v))} />
            { for OTHER_SYMPTOMS.iter().map(|q| html! {
                <Choice<bool> name={format!("q-{}", q.key)} legend={q.text(t)} options={yes_no(t)} class="yes-no"
                    selected={(q.get)(&props.entry)}
                    on_select={props.edit(move |e, v: bool| (q.set)(e, Some(v)))} />
            }) }
        </div>
    }
}

fn convert(value: f64, to: crate::domain::model::TemperatureUnit) -> f64 {
    use crate::domain::model::TemperatureUnit::*;
    let v = match to {
        Celsius => (value - 32.0) * 5.0 / 9.0,
        Fahrenheit => value * 9.0 / 5.0 + 32.0,
    };
    (v * 10.0).round() / 10.0
}
