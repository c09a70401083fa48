//! The report's "at a glance" block, drawn from `domain::report::words`: how long since the
//! procedure, pain, walking and standing before against now, the warning signs by tier with
//! what the patient did, falls, questionnaire scores and the patient's questions.

use yew::prelude::*;

use crate::domain::i18n::Locale;
use crate::domain::report::glance::{Direction, QUESTIONS_SHOWN};
use crate::domain::report::words::{MeasureWords, QuestionWords, TierWords};
use crate::domain::report::{report_texts, GlanceWords};
use crate::domain::rules::Tier;

fn measure(m: &MeasureWords) -> Html {
    html! {
        <li data-measure={m.key}>
            <strong>{ m.label }{ ": " }</strong>{ &m.text }
            if let Some((direction, words)) = m.important {
                { " " }
                <strong class={classes!("important", if direction == Direction::Better { "better" } else { "worse" })}>{ words }</strong>
            }
        </li>
    }
}

fn signs(tiers: &[TierWords]) -> Html {
    html! {
        <ul class="signs">
            { for tiers.iter().flat_map(|t| t.signs.iter().map(move |s| html! {
                <li class={classes!("sign", format!("tier-{}", t.tier.name()))} data-sign={s.rule}>
                    <strong>{ t.heading }</strong>{ " — " }{ &s.text }
                </li>
            })) }
        </ul>
    }
}

/// The patient's questions, one element per C5 episode (the report's contract).
pub fn questions(list: &[QuestionWords]) -> Html {
    html! {
        <ul class="questions">
            { for list.iter().map(|q| html! {
                <li data-rule="C5" data-tier={Tier::Followup.name()} data-from={q.from.to_string()} data-to={q.to.to_string()}>
                    { for q.lines.iter().enumerate().map(|(i, line)| html! {
                        <>{ if i > 0 { html! { <br /> } } else { html! {} } }{ line }</>
                    }) }
                </li>
            }) }
        </ul>
    }
}

pub fn glance(l: &Locale, w: &GlanceWords) -> Html {
    let rt = report_texts(l.lang);
    let shown = &w.questions[..w.questions.len().min(QUESTIONS_SHOWN)];
    html! {
        <>
        <section class="glance" aria-labelledby="glance-title">
            <h2 id="glance-title">{ rt.glance_title }</h2>
            <p class="since">{ &w.since }</p>
            <p class="meta">{ w.meta.join(" · ") }<span class="print-only">{ " · " }{ &w.report_date }</span></p>
            if let Some(window) = &w.window {
                <p class="window">{ window }</p>
            }
            <ul class="measures">{ for w.measures.iter().map(measure) }</ul>
            if w.signs.is_empty() {
                <p class="signs">{ rt.signs_none }</p>
            } else {
                { signs(&w.signs) }
            }
            <ul class="facts">
                { for w.falls.iter().map(|f| html! { <li class="falls">{ f }</li> }) }
                { for w.questionnaires.iter().map(|q| html! { <li class="score">{ q }</li> }) }
            </ul>
            if shown.is_empty() {
                <p class="questions">{ rt.no_questions }</p>
            } else {
                { questions(shown) }
            }
        </section>
        <p class="hint important-legend">{ rt.important_legend }</p>
        </>
    }
}
