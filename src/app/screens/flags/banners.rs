use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use super::ack::AckChoices;
use super::alert::TierAAlert;
use super::call::{call_message, call_the_clinic};
use super::{acknowledged, episode_dates};
use crate::app::context::use_locale;
use crate::domain::i18n::{capitalise, fill, Locale};
use crate::domain::model::{Acknowledgement, Diary};
use crate::domain::rules::{
    answered_line_words, answered_lines, message, tel_link, what, AnsweredLine, ClinicSettings,
    Episode, Firing, Tier,
};

#[derive(Properties, PartialEq)]
pub struct BannersProps {
    pub episodes: Rc<Vec<Episode>>,
    /// Every firing, in date order: a banner's message is that of its date's firings.
    pub firings: Rc<Vec<Firing>>,
    pub diary: Rc<Diary>,
    pub settings: Rc<ClinicSettings>,
    pub on_acknowledge: Callback<Acknowledgement>,
    pub today: NaiveDate,
    pub on_report: Callback<()>,
    /// Keeps the clinic's number the patient adds on a tier-B card.
    #[prop_or_default]
    pub on_clinic_phone: Callback<String>,
}

/// How long an unanswered tier A or B episode stays on home (it stays in the report).
pub const BANNER_DAYS: i64 = 14;

/// Tier A and B episodes of the last `BANNER_DAYS` the patient has not yet said what they
/// did about: every tier A before every tier B, the newest first within a tier (rules.md
/// v1.1). Then the lines kept for flags answered "Something else" (v1.2). Older unanswered
/// ones are counted, with the way to the report. (Years of history can hold hundreds: home
/// stays short and fast.)
#[function_component]
pub fn FlagBanners(props: &BannersProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    // The date of a tier-A flag answered "still happening": its alert, full screen.
    let alert_for = use_state(|| None::<NaiveDate>);
    let unanswered = props
        .episodes
        .iter()
        .filter(|e| e.tier != Tier::Followup && acknowledged(&props.diary, e).is_none());
    let (mut open, older): (Vec<&Episode>, Vec<&Episode>) =
        unanswered.partition(|e| (props.today - e.to).num_days() < BANNER_DAYS);
    open.sort_by(|a, b| {
        a.tier
            .cmp(&b.tier)
            .then(b.to.cmp(&a.to))
            .then(a.rule.cmp(b.rule))
    });
    let lines = answered_lines(&props.diary, &props.episodes, props.today);
    if open.is_empty() && older.is_empty() && lines.is_empty() {
        return html! {};
    }
    let close_alert = {
        let alert_for = alert_for.clone();
        Callback::from(move |_| alert_for.set(None))
    };
    html! {
        <section class="banners" aria-labelledby="banners-title">
            <h2 id="banners-title">{ t.act_on_title }</h2>
            { for open.into_iter().map(|ep| {
                let alert_for = alert_for.clone();
                let date = ep.to;
                let on_still_happening = Callback::from(move |_| alert_for.set(Some(date)));
                banner(&locale, props, ep, on_still_happening)
            }) }
            { for lines.iter().map(|line| answered_line(&locale, line, props)) }
            if !older.is_empty() {
                <p class="older-flags">{ fill(t.older_unanswered, &[("n", &older.len().to_string())]) }{ " " }
                    <button type="button" class="link" onclick={props.on_report.reform(|_| ())}>{ t.see_report }</button>
                </p>
            }
            if let Some(date) = *alert_for {
                <TierAAlert {date} firings={props.firings.clone()} diary={props.diary.clone()}
                    settings={props.settings.clone()} on_back={Some(close_alert)} back_label={Some(t.back_to_diary)} />
            }
        </section>
    }
}

/// One flag to act on: what and when, its message with the way to call, "What did you do?".
fn banner(
    locale: &Locale,
    props: &BannersProps,
    ep: &Episode,
    on_still_happening: Callback<()>,
) -> Html {
    let t = locale.t();
    let what = what(t, ep.rule);
    let when = episode_dates(locale, ep);
    let s = &props.settings;
    html! {
        <article key={format!("{}-{}", ep.rule, ep.to)} class={classes!("banner", format!("tier-{}", ep.tier.name()))}
            data-rule={ep.rule} data-tier={ep.tier.name()} data-to={ep.to.to_string()}>
            <h3>{ format!("{} ({when})", capitalise(what)) }</h3>
            if ep.tier == Tier::Emergency {
                <p>{ message(locale, Tier::Emergency, ep.to, &props.firings, &props.diary, s) }</p>
                <a class="button call" href={tel_link(&s.emergency_number)}>{ fill(t.call_number, &[("number", &s.emergency_number)]) }</a>
            } else {
                { call_message(locale, ep.to, &props.firings, &props.diary, s, &props.on_clinic_phone) }
            }
            <AckChoices rule={ep.rule} date={ep.to} tier={ep.tier} {what}
                on_acknowledge={props.on_acknowledge.clone()} {on_still_happening} />
        </article>
    }
}

/// A flag answered "Something else", kept through the next day: tier A "If it comes back,
/// call … now" with the call; tier B "Call the clinic today if it goes on" with the way to.
fn answered_line(locale: &Locale, line: &AnsweredLine, props: &BannersProps) -> Html {
    let t = locale.t();
    let s = &props.settings;
    let number = &s.emergency_number;
    html! {
        <div key={format!("answered-{}-{}", line.rule, line.date)}
            class={classes!("answered-line", format!("tier-{}", line.tier.name()))} data-rule={line.rule}>
            <p>{ answered_line_words(locale, line, number) }</p>
            if line.tier == Tier::Emergency {
                <a class="button call slim" href={tel_link(number)}>{ fill(t.call_number, &[("number", number)]) }</a>
            } else {
                { call_the_clinic(t, s, &props.on_clinic_phone) }
            }
        </div>
    }
}
