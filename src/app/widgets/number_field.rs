use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::i18n::{fill, Locale};

/// A number the patient types, such as minutes or a distance. It keeps exactly what was
/// typed, accepts a comma as the decimal mark, and says plainly what is wrong.
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub unit: AttrValue,
    pub value: Option<f64>,
    /// Inclusive bounds; a value outside them is refused with a message.
    pub min: f64,
    pub max: f64,
    /// `None` when the field is empty or holds something that is not a valid number.
    pub on_change: Callback<Option<f64>>,
}

/// What the patient typed as a number, or what is wrong with it (in their language).
pub fn parse_number(l: &Locale, text: &str, min: f64, max: f64) -> Result<Option<f64>, String> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= min && v <= max => Ok(Some(v)),
        Ok(_) => Err(fill(
            l.t().number_range,
            &[("min", &l.number(min)), ("max", &l.number(max))],
        )),
        Err(_) => Err(l.t().number_invalid.to_string()),
    }
}

#[function_component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let locale = crate::app::context::use_locale();
    let text = use_state(|| props.value.map(|v| locale.number(v)).unwrap_or_default());
    let error = use_state(|| None::<String>);
    // A value set from elsewhere (a timed walk kept into the minutes) shows in the field;
    // what the patient is typing is left alone while it reads as the same value.
    {
        let (text, error, min, max) = (text.clone(), error.clone(), props.min, props.max);
        use_effect_with(props.value.map(f64::to_bits), move |bits| {
            let value = bits.map(f64::from_bits);
            let typed = parse_number(&locale, &text, min, max).ok().flatten();
            if value.is_some() && typed != value {
                text.set(value.map(|v| locale.number(v)).unwrap_or_default());
                error.set(None);
            }
        });
    }
    let oninput = {
        let (text, error, on_change, min, max) = (
            text.clone(),
            error.clone(),
            props.on_change.clone(),
            props.min,
            props.max,
        );
        Callback::from(move |e: InputEvent| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            let value = input.value();
            match parse_number(&locale, &value, min, max) {
                Ok(v) => {
                    error.set(None);
                    on_change.emit(v);
                }
                Err(msg) => {
                    error.set(Some(msg));
                    on_change.emit(None);
                }
            }
            text.set(value);
        })
    };
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let described = [
        props.hint.as_ref().map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        <div class={classes!("field", error.is_some().then_some("invalid"))}>
            <label for={props.id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id}>{ hint }</p>
            }
            <div class="with-unit">
                <input id={props.id.clone()} type="text" inputmode="decimal" autocomplete="off"
                    value={(*text).clone()} {oninput}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={(!described.is_empty()).then_some(described)} />
                <span class="unit">{ &props.unit }</span>
            </div>
            if let Some(msg) = &*error {
                <p class="error" id={error_id} role="alert">{ msg }</p>
            }
        </div>
    }
}
