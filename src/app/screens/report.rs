use std::rc::Rc;

use yew::prelude::*;

use super::flags::{acknowledged, action_label, capitalise};
use super::home::long_date;
use super::setup::DISCLAIMER;
use crate::domain::model::Diary;
use crate::domain::rules::{rule, Episode};

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub diary: Rc<Diary>,
    pub episodes: Rc<Vec<Episode>>,
}

/// The report. Contract (tests and clinic integrations rely on it): the root has
/// `data-report`; each flag episode of the whole diary is one element with `data-rule`,
/// `data-tier`, `data-from` and `data-to`, once.
#[function_component]
pub fn Report(props: &ReportProps) -> Html {
    html! {
        <section class="report" data-report="" aria-labelledby="report-title">
            <h1 id="report-title" tabindex="-1">{ "Report for your care team" }</h1>
            <p class="hint">{ DISCLAIMER }</p>
            <h2>{ "Warning signs" }</h2>
            if props.episodes.is_empty() {
                <p>{ "No warning signs were flagged." }</p>
            }
            <ol class="episodes">
                { for props.episodes.iter().map(|ep| {
                    let what = rule(ep.rule).map(|r| r.what).unwrap_or_default();
                    let when = if ep.from == ep.to { long_date(ep.from) } else { format!("{} to {}", long_date(ep.from), long_date(ep.to)) };
                    let did = acknowledged(&props.diary, ep).map(action_label);
                    html! {
                        <li class={classes!("episode", format!("tier-{}", ep.tier.name()))} data-rule={ep.rule} data-tier={ep.tier.name()}
                            data-from={ep.from.to_string()} data-to={ep.to.to_string()}>
                            <p class="episode-title"><strong>{ format!("{} · {}", ep.rule, capitalise(what)) }</strong></p>
                            <p>{ when }</p>
                            <ul class="evidence">
                                { for ep.firings.iter().map(|f| html! {
                                    <li>{ format!("{}: {}", f.date.format("%-d %b"), f.evidence.join("; ")) }</li>
                                }) }
                            </ul>
                            if let Some(did) = did { <p>{ format!("What the patient did: {did}") }</p> }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
