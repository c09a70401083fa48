//! How flags are shown: the tier-A alert (full screen, the moment it fires), the result of a
//! saved check-in, tier-B banners with "what I did", and the "for your visit" list.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::home::long_date;
use crate::domain::model::{AckAction, Acknowledgement, Diary};
use crate::domain::rules::{message, rule, ClinicSettings, Episode, Firing, Tier, NO_FLAG};

fn tel(number: &str) -> String {
    let dial: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{dial}")
}

#[derive(Properties, PartialEq)]
pub struct TierAProps {
    pub firings: Vec<Firing>,
    pub diary: Rc<Diary>,
    pub settings: Rc<ClinicSettings>,
    /// Present when the alert sits over a check-in the patient may go back to.
    #[prop_or_default]
    pub on_back: Option<Callback<()>>,
}

/// Tier A, full screen: call now, what to say. Only the patient closes it; no timer does.
#[function_component]
pub fn TierAAlert(props: &TierAProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            crate::app::platform::focus(heading.cast::<web_sys::HtmlElement>())
        });
    }
    let refs: Vec<&Firing> = props.firings.iter().collect();
    let text = message(Tier::Emergency, &refs, &props.diary, &props.settings);
    let number = &props.settings.emergency_number;
    html! {
        <div class="tier-a" role="alertdialog" aria-modal="true" aria-labelledby="tier-a-title" aria-describedby="tier-a-text">
            <h2 id="tier-a-title" tabindex="-1" ref={heading}>{ format!("Call {number} now") }</h2>
            <p id="tier-a-text">{ text }</p>
            <a class="button call" href={tel(number)}>{ format!("Call {number}") }</a>
            <ul class="evidence">
                { for props.firings.iter().flat_map(|f| f.evidence.iter()).map(|e| html! { <li>{ e }</li> }) }
            </ul>
            if let Some(back) = &props.on_back {
                <button type="button" class="button" onclick={back.reform(|_| ())}>{ "Back to my check-in" }</button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct DayResultProps {
    pub date: NaiveDate,
    pub firings: Rc<Vec<Firing>>,
    pub diary: Rc<Diary>,
    pub settings: Rc<ClinicSettings>,
}

/// What a saved check-in's answers mean: the highest tier first, or the no-flag sentence.
#[function_component]
pub fn DayResult(props: &DayResultProps) -> Html {
    let on_day: Vec<&Firing> = props
        .firings
        .iter()
        .filter(|f| f.date == props.date)
        .collect();
    if on_day.is_empty() {
        return html! { <p class="no-flag">{ NO_FLAG }</p> };
    }
    let of = |tier| {
        on_day
            .iter()
            .copied()
            .filter(|f| f.tier == tier)
            .collect::<Vec<_>>()
    };
    let (a, b, c) = (of(Tier::Emergency), of(Tier::Call), of(Tier::Followup));
    html! {
        <div class="day-result">
            if !a.is_empty() {
                <TierAAlert firings={a.into_iter().cloned().collect::<Vec<_>>()} diary={props.diary.clone()} settings={props.settings.clone()} />
            }
            if !b.is_empty() {
                <CallMessage firings={b.into_iter().cloned().collect::<Vec<_>>()} diary={props.diary.clone()} settings={props.settings.clone()} />
            }
            if !c.is_empty() {
                <div class="followup">
                    <p><strong>{ "For your next visit: " }</strong>{ c.iter().filter_map(|f| rule(f.rule)).map(|r| r.what).collect::<Vec<_>>().join("; ") }</p>
                    <p>{ message(Tier::Followup, &c, &props.diary, &props.settings) }</p>
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CallMessageProps {
    pub firings: Vec<Firing>,
    pub diary: Rc<Diary>,
    pub settings: Rc<ClinicSettings>,
}

/// Tier B: call the clinic today, with the phone as a tel: link.
#[function_component]
pub fn CallMessage(props: &CallMessageProps) -> Html {
    let refs: Vec<&Firing> = props.firings.iter().collect();
    let s = &props.settings;
    html! {
        <div class="tier-b" role="alert">
            <p class="tier-b-title">{ "Call your clinic" }</p>
            <p>{ message(Tier::Call, &refs, &props.diary, s) }</p>
            if let Some(phone) = &s.clinic_phone {
                <a class="button primary" href={tel(phone)}>{ format!("Call the clinic: {phone}") }</a>
            }
            if let Some(phone) = &s.after_hours_phone {
                <a class="button" href={tel(phone)}>{ format!("After hours: {phone}") }</a>
            }
            if s.clinic_phone.is_none() && s.after_hours_phone.is_none() {
                <p class="hint">{ "Add your clinic's phone number in Settings to call it from here." }</p>
            }
        </div>
    }
}

/// Whether the patient recorded what they did about this episode's latest firing.
pub fn acknowledged(diary: &Diary, ep: &Episode) -> Option<AckAction> {
    diary
        .acknowledgements
        .iter()
        .rev()
        .find(|a| a.rule == ep.rule && a.date == ep.to)
        .map(|a| a.action)
}

pub fn action_label(a: AckAction) -> &'static str {
    match a {
        AckAction::CalledClinic => "I called the clinic",
        AckAction::WentToEmergency => "I went to emergency care",
        AckAction::WillMention => "I will mention it at my visit",
        AckAction::Other => "Something else",
    }
}

#[derive(Properties, PartialEq)]
pub struct BannersProps {
    pub episodes: Rc<Vec<Episode>>,
    pub diary: Rc<Diary>,
    pub settings: Rc<ClinicSettings>,
    pub on_acknowledge: Callback<Acknowledgement>,
}

/// Tier A and B episodes the patient has not yet said what they did about.
#[function_component]
pub fn FlagBanners(props: &BannersProps) -> Html {
    let open: Vec<&Episode> = props
        .episodes
        .iter()
        .filter(|e| e.tier != Tier::Followup && acknowledged(&props.diary, e).is_none())
        .collect();
    if open.is_empty() {
        return html! {};
    }
    html! {
        <section class="banners" aria-labelledby="banners-title">
            <h2 id="banners-title">{ "Warning signs to act on" }</h2>
            { for open.into_iter().map(|ep| {
                let what = rule(ep.rule).map(|r| r.what).unwrap_or_default();
                let when = if ep.from == ep.to { long_date(ep.to) } else { format!("{} to {}", long_date(ep.from), long_date(ep.to)) };
                let firings: Vec<Firing> = ep.firings.iter().filter(|f| f.date == ep.to).cloned().collect();
                let ack = |action: AckAction| {
                    let (rule, date, cb) = (ep.rule.to_string(), ep.to, props.on_acknowledge.clone());
                    Callback::from(move |_| {
                        if let Some(at) = crate::app::platform::now() {
                            cb.emit(Acknowledgement { rule: rule.clone(), date, at, action, note: None });
                        }
                    })
                };
                html! {
                    <article class={classes!("banner", format!("tier-{}", ep.tier.name()))} data-rule={ep.rule}>
                        <h3>{ format!("{} ({when})", capitalise(what)) }</h3>
                        if ep.tier == Tier::Emergency {
                            <p>{ message(Tier::Emergency, &firings.iter().collect::<Vec<_>>(), &props.diary, &props.settings) }</p>
                            <a class="button call" href={tel(&props.settings.emergency_number)}>{ format!("Call {}", props.settings.emergency_number) }</a>
                        } else {
                            <CallMessage firings={firings.clone()} diary={props.diary.clone()} settings={props.settings.clone()} />
                        }
                        <div class="ack" role="group" aria-label={format!("What did you do about {what}?")}>
                            <p>{ "What did you do?" }</p>
                            { for [AckAction::CalledClinic, AckAction::WentToEmergency, AckAction::WillMention, AckAction::Other].into_iter().map(|a| html! {
                                <button type="button" class="button small" onclick={ack(a)}>{ action_label(a) }</button>
                            }) }
                        </div>
                    </article>
                }
            }) }
        </section>
    }
}

pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct VisitListProps {
    pub episodes: Rc<Vec<Episode>>,
}

/// Tier C: kept for the next visit.
#[function_component]
pub fn VisitList(props: &VisitListProps) -> Html {
    let notes: Vec<&Episode> = props
        .episodes
        .iter()
        .filter(|e| e.tier == Tier::Followup)
        .collect();
    if notes.is_empty() {
        return html! {};
    }
    html! {
        <section class="visit-list" aria-labelledby="visit-title">
            <h2 id="visit-title">{ "For your next visit" }</h2>
            <ul>
                { for notes.iter().rev().take(10).map(|ep| {
                    let what = rule(ep.rule).map(|r| r.what).unwrap_or_default();
                    let detail = ep.firings.last().map(|f| f.evidence.join("; ")).unwrap_or_default();
                    html! { <li>{ format!("{} — {}: {detail}", long_date(ep.to), capitalise(what)) }</li> }
                }) }
            </ul>
        </section>
    }
}
