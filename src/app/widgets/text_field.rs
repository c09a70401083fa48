use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::field::Labelled;

/// Free text (a note, a question for the visit). Empty means not answered.
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub value: Option<String>,
    pub on_change: Callback<Option<String>>,
}

#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let oninput = props.on_change.reform(|e: InputEvent| {
        e.target()
            .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            .map(|t| t.value())
            .filter(|v| !v.trim().is_empty())
    });
    let field = Labelled {
        id: &props.id,
        label: &props.label,
        hint: props.hint.as_deref(),
    };
    field.around(html! {
        <textarea id={props.id.clone()} rows="3" maxlength="2000"
            value={props.value.clone().unwrap_or_default()} {oninput}
            aria-describedby={field.described_by()} />
    })
}
