use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::alert::TierAAlert;
use super::call::call_message;
use crate::app::context::use_locale;
use crate::domain::i18n::{fill, Texts};
use crate::domain::model::{Diary, Entry};
use crate::domain::questions::unanswered;
use crate::domain::rules::{message, tel_link, what, ClinicSettings, Firing, Tier};

#[derive(Properties, PartialEq)]
pub struct DayResultProps {
    pub date: NaiveDate,
    pub firings: Rc<Vec<Firing>>,
    pub diary: Rc<Diary>,
    pub settings: Rc<ClinicSettings>,
    /// Keeps the clinic's number the patient adds on a tier-B card.
    #[prop_or_default]
    pub on_clinic_phone: Callback<String>,
}

/// What a saved check-in's answers mean: the highest tier first; the tier-A questions left
/// unanswered, with the call; and "nothing matches" only when none were left unanswered
/// and nothing fired (rules.md v1.2).
#[function_component]
pub fn DayResult(props: &DayResultProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let of = |tier| {
        props
            .firings
            .iter()
            .any(|f| f.date == props.date && f.tier == tier)
    };
    let (a, b) = (of(Tier::Emergency), of(Tier::Call));
    let followup: Vec<&'static str> = props
        .firings
        .iter()
        .filter(|f| f.date == props.date && f.tier == Tier::Followup)
        .map(|f| what(t, f.rule))
        .collect();
    let entry = props.diary.checkins.get(&props.date);
    let left_open = entry.is_none_or(|e| !unanswered(e).is_empty());
    if !a && !b && followup.is_empty() && !left_open {
        return html! { <p class="no-flag">{ t.no_flag }</p> };
    }
    let (date, firings, diary, settings) = (
        props.date,
        props.firings.clone(),
        props.diary.clone(),
        props.settings.clone(),
    );
    let empty = Entry::default();
    let number = &settings.emergency_number;
    html! {
        <div class="day-result">
            if a {
                <TierAAlert {date} firings={firings.clone()} diary={diary.clone()} settings={settings.clone()} />
            }
            if b {
                { call_message(&locale, date, &firings, &diary, &settings, &props.on_clinic_phone) }
            }
            if left_open {
                { unanswered_warnings(t, entry.unwrap_or(&empty), number) }
            }
            if !followup.is_empty() {
                <div class="followup">
                    <p><strong>{ t.for_next_visit }</strong>{ " " }{ followup.join(t.list_separator) }</p>
                    <p>{ message(&locale, Tier::Followup, date, &firings, &diary, &settings) }</p>
                </div>
            }
        </div>
    }
}

/// The tier-A signs a check-in left unanswered (an older check-in, an import): named, with
/// "If you have any of these, call … now" and the call. Never "nothing matches". (A plain
/// function: it keeps no state.)
pub fn unanswered_warnings(t: &Texts, entry: &Entry, number: &str) -> Html {
    let left = unanswered(entry);
    if left.is_empty() {
        return html! {};
    }
    html! {
        <div class="unanswered">
            <p><strong>{ t.unanswered_title }</strong></p>
            <ul class="warning-list">
                { for left.iter().map(|q| html! { <li>{ q.statement(t) }</li> }) }
            </ul>
            <p>{ fill(t.unanswered_call, &[("number", number)]) }</p>
            <a class="button call" href={tel_link(number)}>{ fill(t.call_number, &[("number", number)]) }</a>
        </div>
    }
}
