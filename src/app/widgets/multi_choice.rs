use yew::prelude::*;

/// A question answered by ticking any number of large tiles. Native checkboxes, so keys,
/// screen readers and form semantics work as people expect.
#[derive(Properties, PartialEq)]
pub struct MultiChoiceProps {
    /// Unique among the groups on one screen.
    pub name: AttrValue,
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub options: Vec<AttrValue>,
    /// The ticked options, by their place in `options`.
    pub selected: Vec<usize>,
    /// An option ticked or unticked, by its place.
    pub on_toggle: Callback<usize>,
}

#[function_component]
pub fn MultiChoice(props: &MultiChoiceProps) -> Html {
    let hint_id = format!("{}-hint", props.name);
    html! {
        <fieldset class="choice multi" aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}>
            <legend>{ &props.legend }</legend>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id.clone()}>{ hint }</p>
            }
            <div class="tiles">
            { for props.options.iter().enumerate().map(|(i, label)| {
                let checked = props.selected.contains(&i);
                let id = format!("{}-{i}", props.name);
                html! {
                    <label class={classes!("tile", checked.then_some("checked"))} for={id.clone()}>
                        <input type="checkbox" id={id} {checked}
                            onchange={props.on_toggle.reform(move |_: Event| i)} />
                        <span>{ label }</span>
                    </label>
                }
            }) }
            </div>
        </fieldset>
    }
}
