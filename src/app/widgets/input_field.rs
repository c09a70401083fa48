use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::field::Labelled;

/// One line the patient types or picks with the phone's own picker: a date, a time, a date
/// and time, a web address or a short text. Empty means not answered.
#[derive(Properties, PartialEq)]
pub struct InputFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The input's type: `date`, `time`, `datetime-local`, `url` or `text`.
    pub kind: AttrValue,
    pub value: Option<String>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub min: Option<AttrValue>,
    #[prop_or_default]
    pub max: Option<AttrValue>,
    pub on_change: Callback<Option<String>>,
}

#[function_component]
pub fn InputField(props: &InputFieldProps) -> Html {
    let read = |e: &Event| {
        e.target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .map(|t| t.value())
            .filter(|v| !v.trim().is_empty())
    };
    // Pickers report on change; typed text on every key.
    let onchange = props.on_change.reform(move |e: Event| read(&e));
    let oninput = props.on_change.reform(move |e: InputEvent| read(&e));
    let field = Labelled {
        id: &props.id,
        label: &props.label,
        hint: props.hint.as_deref(),
    };
    field.around(html! {
        <input id={props.id.clone()} type={props.kind.clone()} class="input-line"
            value={props.value.clone().unwrap_or_default()}
            placeholder={props.placeholder.clone()}
            min={props.min.clone()} max={props.max.clone()}
            {onchange} {oninput}
            aria-describedby={field.described_by()} />
    })
}
