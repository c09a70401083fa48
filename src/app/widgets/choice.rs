use yew::prelude::*;

/// One question answered by tapping one of several large tiles. Native radio inputs, so
/// arrow keys, screen readers and form semantics work as people expect.
#[derive(Properties, PartialEq)]
pub struct ChoiceProps<T: PartialEq + Clone + 'static> {
    /// Unique among the groups on one screen.
    pub name: AttrValue,
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub options: Vec<(T, AttrValue)>,
    pub selected: Option<T>,
    pub on_select: Callback<T>,
    /// `rating` lays 0–10 out as a compact grid.
    #[prop_or_default]
    pub class: Classes,
    /// The language of each option's label, where it differs from the page's (the names of
    /// the languages, each in itself).
    #[prop_or_default]
    pub option_langs: Vec<&'static str>,
}

#[function_component]
pub fn Choice<T: PartialEq + Clone + 'static>(props: &ChoiceProps<T>) -> Html {
    let hint_id = format!("{}-hint", props.name);
    html! {
        <fieldset class={classes!("choice", props.class.clone())}
            aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}>
            <legend>{ &props.legend }</legend>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id.clone()}>{ hint }</p>
            }
            <div class="tiles">
            { for props.options.iter().enumerate().map(|(i, (value, label))| {
                let checked = props.selected.as_ref() == Some(value);
                let onchange = {
                    let value = value.clone();
                    props.on_select.reform(move |_: Event| value.clone())
                };
                let id = format!("{}-{i}", props.name);
                html! {
                    <label class={classes!("tile", checked.then_some("checked"))} for={id.clone()}>
                        <input type="radio" id={id} name={props.name.clone()} {checked} {onchange} />
                        <span lang={props.option_langs.get(i).copied()}>{ label }</span>
                    </label>
                }
            }) }
            </div>
        </fieldset>
    }
}

pub fn yes_no(t: &crate::domain::i18n::Texts) -> Vec<(bool, AttrValue)> {
    vec![(true, t.yes.into()), (false, t.no.into())]
}
