use yew::prelude::*;

use crate::app::navigation::Screen;

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub screen: Option<Screen>,
    pub on_navigate: Callback<Screen>,
    #[prop_or_default]
    pub clinic_name: Option<String>,
}

/// The header: the diary's name, the "Warning sign now" control (on every screen), and the
/// main navigation when the diary is set up. During a check-in it is compact: the name and
/// "Warning sign now" on one row, no tabs to leave by mistake.
#[function_component]
pub fn TopBar(props: &TopBarProps) -> Html {
    let t = crate::app::context::use_locale().t();
    // `data-nav` names each control in every language (the English names are the contract).
    let nav_item = |target: Screen, label: &'static str, id: &'static str| {
        let current = props.screen == Some(target);
        html! {
            <li>
                <button type="button" class={classes!("nav-link", current.then_some("current"))}
                    data-nav={id} aria-current={current.then_some("page")}
                    onclick={props.on_navigate.reform(move |_| target)}>{ label }</button>
            </li>
        }
    };
    let checking_in = matches!(
        props.screen,
        Some(Screen::CheckIn(_) | Screen::QuickCheckIn(_))
    );
    html! {
        <header class={classes!("top-bar", checking_in.then_some("compact"))}>
            <div class="top-row">
                <p class="app-name">
                    { t.app_name }
                    if let Some(name) = props.clinic_name.as_ref().filter(|_| !checking_in) {
                        <span class="clinic-name">{ name }</span>
                    }
                </p>
                <button type="button" class="warning-now"
                    onclick={props.on_navigate.reform(|_| Screen::WarningNow)}>
                    { t.warning_now }
                </button>
            </div>
            if props.screen.is_some() && !checking_in {
                <nav aria-label={t.nav_label}>
                    <ul>
                        { nav_item(Screen::Home, t.nav_home, "home") }
                        { nav_item(Screen::History, t.nav_history, "history") }
                        { nav_item(Screen::Report, t.nav_report, "report") }
                        { nav_item(Screen::Settings, t.nav_settings, "settings") }
                    </ul>
                </nav>
            }
        </header>
    }
}
