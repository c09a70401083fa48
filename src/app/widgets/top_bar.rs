use yew::prelude::*;

/// The screens of a ready diary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Home,
    CheckIn(chrono::NaiveDate),
    History,
    Settings,
    Baseline,
    Report,
    Data,
    WarningNow,
}

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub screen: Option<Screen>,
    pub on_navigate: Callback<Screen>,
    #[prop_or_default]
    pub clinic_name: Option<String>,
}

/// The header: the diary's name, the "Warning sign now" control (on every screen), and the
/// main navigation when the diary is set up.
#[function_component]
pub fn TopBar(props: &TopBarProps) -> Html {
    let nav_item = |target: Screen, label: &'static str| {
        let current = props.screen == Some(target);
        html! {
            <li>
                <button type="button" class={classes!("nav-link", current.then_some("current"))}
                    aria-current={current.then_some("page")}
                    onclick={props.on_navigate.reform(move |_| target)}>{ label }</button>
            </li>
        }
    };
    html! {
        <header class="top-bar">
            <div class="top-row">
                <p class="app-name">
                    { "Recovery Diary" }
                    if let Some(name) = &props.clinic_name { <span class="clinic-name">{ name }</span> }
                </p>
                <button type="button" class="warning-now"
                    onclick={props.on_navigate.reform(|_| Screen::WarningNow)}>
                    { "Warning sign now" }
                </button>
            </div>
            if props.screen.is_some() {
                <nav aria-label="Main">
                    <ul>
                        { nav_item(Screen::Home, "Home") }
                        { nav_item(Screen::History, "History") }
                        { nav_item(Screen::Report, "Report") }
                        { nav_item(Screen::Settings, "Settings") }
                    </ul>
                </nav>
            }
        </header>
    }
}
