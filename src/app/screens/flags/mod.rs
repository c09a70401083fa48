//! How flags are shown: the tier-A alert (full screen, the moment it fires), the result of a
//! saved check-in, tier-B cards with a way to call, the banners on home with "What did you
//! do?", the lines home keeps after "Something else", and the "for your visit" list. A flag
//! never leaves the screen without a word (rules.md v1.2).

mod ack;
mod alert;
mod banners;
mod call;
mod result;

pub use alert::{TierAAlert, TierAProps};
pub use banners::{BannersProps, FlagBanners};
pub use call::{call_message, call_the_clinic, AddClinicNumber};
pub use result::{unanswered_warnings, DayResult, DayResultProps};

use yew::prelude::*;

use crate::domain::i18n::{capitalise, Locale, Texts};
use crate::domain::model::{AckAction, Acknowledgement, Diary};
use crate::domain::rules::words::evidence;
use crate::domain::rules::{latest_acknowledgement, what, Episode, Tier};

/// What the patient recorded they did about this episode's latest firing, if anything.
pub fn acknowledged<'a>(diary: &'a Diary, ep: &Episode) -> Option<&'a Acknowledgement> {
    latest_acknowledgement(diary, ep.rule, ep.to)
}

pub fn action_label(t: &Texts, a: AckAction) -> &'static str {
    match a {
        AckAction::CalledClinic => t.ack_called,
        AckAction::WentToEmergency => t.ack_emergency,
        AckAction::WillMention => t.ack_mention,
        AckAction::Other => t.ack_other,
    }
}

/// "22 November 2026", or "20 November 2026 to 22 November 2026".
pub fn episode_dates(l: &Locale, ep: &Episode) -> String {
    if ep.from == ep.to {
        l.long_date(ep.to)
    } else {
        crate::domain::i18n::fill(
            l.t().date_range,
            &[("from", &l.long_date(ep.from)), ("to", &l.long_date(ep.to))],
        )
    }
}

/// Tier C: kept for the next visit (the latest 10). A plain function: it keeps no state.
pub fn visit_list(locale: &Locale, episodes: &[Episode]) -> Html {
    let t = locale.t();
    let notes: Vec<&Episode> = episodes
        .iter()
        .filter(|e| e.tier == Tier::Followup)
        .collect();
    if notes.is_empty() {
        return html! {};
    }
    html! {
        <section class="visit-list" aria-labelledby="visit-title">
            <h2 id="visit-title">{ t.for_next_visit_title }</h2>
            <ul>
                { for notes.iter().rev().take(10).map(|ep| {
                    let detail = ep.firings.last().map(|f| evidence(locale, &f.evidence)).unwrap_or_default();
                    html! { <li>{ format!("{} — {}: {detail}", locale.long_date(ep.to), capitalise(what(t, ep.rule))) }</li> }
                }) }
            </ul>
        </section>
    }
}
