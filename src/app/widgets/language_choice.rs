use yew::prelude::*;

use super::choice::Choice;
use crate::app::context::use_locale;
use crate::domain::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct LanguageChoiceProps {
    /// Unique among the groups on one screen.
    pub name: AttrValue,
    /// The language chosen: the page may still be in the one before while its texts come.
    pub selected: Lang,
    pub on_select: Callback<Lang>,
}

/// English or Español, each in its own words, for setup and settings.
#[function_component]
pub fn LanguageChoice(props: &LanguageChoiceProps) -> Html {
    let locale = use_locale();
    let options: Vec<(Lang, AttrValue)> = Lang::ALL
        .into_iter()
        .map(|l| (l, AttrValue::from(l.own_name())))
        .collect();
    html! {
        <Choice<Lang> name={props.name.clone()} legend={locale.t().language} {options}
            selected={Some(props.selected)} on_select={props.on_select.clone()} class="language"
            option_langs={Lang::ALL.iter().map(|l| l.code()).collect::<Vec<_>>()} />
    }
}
