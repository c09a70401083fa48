//! How flags are shown: the tier-A alert (full screen, the moment it fires), the result of a
//! saved check-in, tier-B banners with "what I did", and the "for your visit" list.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::app::context::use_locale;
use crate::domain::i18n::{capitalise, fill, Locale, Texts};
use crate::domain::model::{AckAction, Acknowledgement, Diary};
use crate::domain::rules::words::evidence;
use crate::domain::rules::{
    ack_choices, fact, firings_on, message, what, ClinicSettings, Episode, Firing, Tier,
};

fn tel(number: &str) -> String {
    let dial: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{dial}")
}

#[derive(Properties, PartialEq)]
pub struct TierAProps {
    /// The date whose tier-A firings the alert is about.
    pub date: NaiveDate,
    /// Firings in date order; those of `date` and tier A are shown.
    pub firings: Rc<Vec<Firing>>,
    pub diary: Rc<Diary>,
    pub settings: Rc<ClinicSettings>,
    /// Present when the alert sits over a check-in the patient may go back to.
    #[prop_or_default]
    pub on_back: Option<Callback<()>>,
}

/// Tier A, full screen: call now, what to say. Only the patient closes it; no timer does.
#[function_component]
pub fn TierAAlert(props: &TierAProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            crate::app::platform::focus(heading.cast::<web_sys::HtmlElement>())
        });
    }
    let text = message(
        &locale,
        Tier::Emergency,
        props.date,
        &props.firings,
        &props.diary,
        &props.settings,
    );
    let number = &props.settings.emergency_number;
    let evidence = firings_on(&props.firings, props.date)
        .iter()
        .filter(|f| f.tier == Tier::Emergency)
        .flat_map(|f| f.evidence.iter());
    html! {
        <div class="tier-a" role="alertdialog" aria-modal="true" aria-labelledby="tier-a-title" aria-describedby="tier-a-text">
            <h2 id="tier-a-title" tabindex="-1" ref={heading}>{ fill(t.call_now_title, &[("number", number)]) }</h2>
            <p id="tier-a-text">{ text }</p>
            <a class="button call" href={tel(number)}>{ fill(t.call_number, &[("number", number)]) }</a>
            <ul class="evidence">
                { for evidence.map(|e| html! { <li>{ fact(&locale, e) }</li> }) }
            </ul>
            if let Some(back) = &props.on_back {
                <button type="button" class="button" onclick={back.reform(|_| ())}>{ t.back_to_checkin }</button>
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
    let locale = use_locale();
    let t = locale.t();
    let on_day: Vec<&Firing> = props
        .firings
        .iter()
        .filter(|f| f.date == props.date)
        .collect();
    if on_day.is_empty() {
        return html! { <p class="no-flag">{ t.no_flag }</p> };
    }
    let of = |tier| {
        on_day
            .iter()
            .copied()
            .filter(|f| f.tier == tier)
            .collect::<Vec<_>>()
    };
    let (a, b, c) = (of(Tier::Emergency), of(Tier::Call), of(Tier::Followup));
    let (date, firings, diary, settings) = (
        props.date,
        props.firings.clone(),
        props.diary.clone(),
        props.settings.clone(),
    );
    html! {
        <div class="day-result">
            if !a.is_empty() {
                <TierAAlert {date} firings={firings.clone()} diary={diary.clone()} settings={settings.clone()} />
            }
            if !b.is_empty() {
                { call_message(&locale, date, &firings, &diary, &settings) }
            }
            if !c.is_empty() {
                <div class="followup">
                    <p><strong>{ t.for_next_visit }</strong>{ " " }{ c.iter().map(|f| what(t, f.rule)).collect::<Vec<_>>().join(t.list_separator) }</p>
                    <p>{ message(&locale, Tier::Followup, date, &props.firings, &diary, &settings) }</p>
                </div>
            }
        </div>
    }
}

/// Tier B: call the clinic today (or now), with the phone as a tel: link. `firings` are in
/// date order; the message is that of `date`'s tier-B firings. (A plain function: it keeps
/// no state.)
pub fn call_message(
    locale: &Locale,
    date: NaiveDate,
    firings: &[Firing],
    diary: &Diary,
    s: &ClinicSettings,
) -> Html {
    let t = locale.t();
    html! {
        <div class="tier-b" role="alert">
            <p class="tier-b-title">{ t.call_clinic_title }</p>
            <p>{ message(locale, Tier::Call, date, firings, diary, s) }</p>
            if let Some(phone) = &s.clinic_phone {
                <a class="button primary" href={tel(phone)}>{ fill(t.call_the_clinic, &[("phone", phone)]) }</a>
            }
            if let Some(phone) = &s.after_hours_phone {
                <a class="button" href={tel(phone)}>{ fill(t.after_hours, &[("phone", phone)]) }</a>
            }
            if s.clinic_phone.is_none() && s.after_hours_phone.is_none() {
                <p class="hint">{ t.add_clinic_phone }</p>
            }
        </div>
    }
}

/// What the patient recorded they did about this episode's latest firing, if anything.
pub fn acknowledged<'a>(diary: &'a Diary, ep: &Episode) -> Option<&'a Acknowledgement> {
    ep.acknowledgement(diary)
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
        fill(
            l.t().date_range,
            &[("from", &l.long_date(ep.from)), ("to", &l.long_date(ep.to))],
        )
    }
}

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
}

/// How long an unanswered tier A or B episode stays on home (it stays in the report).
pub const BANNER_DAYS: i64 = 14;

/// Tier A and B episodes of the last `BANNER_DAYS` the patient has not yet said what they
/// did about: every tier A before every tier B, the newest first within a tier (rules.md
/// v1.1). Older ones are counted, with the way to the report. (Years of history can hold
/// hundreds: home stays short and fast.)
#[function_component]
pub fn FlagBanners(props: &BannersProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
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
    if open.is_empty() && older.is_empty() {
        return html! {};
    }
    html! {
        <section class="banners" aria-labelledby="banners-title">
            <h2 id="banners-title">{ t.act_on_title }</h2>
            { for open.into_iter().map(|ep| {
                let what = what(t, ep.rule);
                let when = episode_dates(&locale, ep);
                let (diary, settings, firings) = (props.diary.clone(), props.settings.clone(), props.firings.clone());
                html! {
                    <article key={format!("{}-{}", ep.rule, ep.to)} class={classes!("banner", format!("tier-{}", ep.tier.name()))}
                        data-rule={ep.rule} data-tier={ep.tier.name()} data-to={ep.to.to_string()}>
                        <h3>{ format!("{} ({when})", capitalise(what)) }</h3>
                        if ep.tier == Tier::Emergency {
                            <p>{ message(&locale, Tier::Emergency, ep.to, &firings, &diary, &settings) }</p>
                            <a class="button call" href={tel(&settings.emergency_number)}>{ fill(t.call_number, &[("number", &settings.emergency_number)]) }</a>
                        } else {
                            { call_message(&locale, ep.to, &firings, &diary, &settings) }
                        }
                        <AckChoices rule={ep.rule} date={ep.to} tier={ep.tier} what={what}
                            on_acknowledge={props.on_acknowledge.clone()} />
                    </article>
                }
            }) }
            if !older.is_empty() {
                <p class="older-flags">{ fill(t.older_unanswered, &[("n", &older.len().to_string())]) }{ " " }
                    <button type="button" class="link" onclick={props.on_report.reform(|_| ())}>{ t.see_report }</button>
                </p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AckChoicesProps {
    rule: &'static str,
    date: NaiveDate,
    tier: Tier,
    what: &'static str,
    on_acknowledge: Callback<Acknowledgement>,
}

/// "What did you do?": the choices of the flag's tier; "Something else" asks for a few words.
#[function_component]
fn AckChoices(props: &AckChoicesProps) -> Html {
    let locale = use_locale();
    let t = locale.t();
    let writing = use_state(|| false);
    let note = use_node_ref();
    // The field takes focus when it opens, so a keyboard or screen-reader user is in it.
    {
        let note = note.clone();
        use_effect_with(*writing, move |open| {
            if *open {
                crate::app::platform::focus(note.cast::<web_sys::HtmlElement>());
            }
        });
    }
    let id = format!("ack-note-{}-{}", props.rule, props.date);
    let record = {
        let (rule, date, cb) = (props.rule, props.date, props.on_acknowledge.clone());
        move |action: AckAction, note: Option<String>| {
            if let Some(at) = crate::app::platform::now() {
                cb.emit(Acknowledgement {
                    rule: rule.to_string(),
                    date,
                    at,
                    action,
                    note,
                });
            }
        }
    };
    let choose = |action: AckAction| {
        let (record, writing) = (record.clone(), writing.clone());
        Callback::from(move |_: MouseEvent| {
            if action == AckAction::Other {
                writing.set(true);
            } else {
                record(action, None);
            }
        })
    };
    let save_note = {
        let (record, note) = (record.clone(), note.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = note
                .cast::<web_sys::HtmlInputElement>()
                .map(|input| input.value().trim().to_string())
                .unwrap_or_default();
            record(AckAction::Other, (!text.is_empty()).then_some(text));
        })
    };
    html! {
        <div class="ack" role="group" aria-label={fill(t.what_did_you_do_about, &[("what", props.what)])}>
            <p>{ t.what_did_you_do }</p>
            { for ack_choices(props.tier).iter().map(|a| html! {
                <button type="button" class="button small" aria-expanded={(*a == AckAction::Other).then(|| writing.to_string())}
                    onclick={choose(*a)}>{ action_label(t, *a) }</button>
            }) }
            if *writing {
                <form class="ack-note" onsubmit={save_note}>
                    <label for={id.clone()}>{ t.ack_note_label }</label>
                    <input id={id} type="text" maxlength="500" ref={note} />
                    <button type="submit" class="button small primary">{ t.ack_save_note }</button>
                </form>
            }
        </div>
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
