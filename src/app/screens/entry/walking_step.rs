use yew::prelude::*;

use super::timed_test::TimedTestPanel;
use super::{Purpose, StepProps};
use crate::app::widgets::number_field::NumberField;
use crate::domain::i18n::fill;
use crate::domain::model::{bounds, Amount, Distance, TimedKind, Walking};
use crate::domain::timed::keep;

#[function_component]
pub fn WalkingStep(props: &StepProps) -> Html {
    let locale = crate::app::context::use_locale();
    let t = locale.t();
    let unit = props.context.distance_unit;
    let walking = props.entry.walking.unwrap_or_default();
    let key = match props.context.purpose {
        Purpose::CheckIn(d) => d.to_string(),
        Purpose::Baseline => "baseline".into(),
    };
    let when = match props.context.purpose {
        Purpose::CheckIn(_) => t.today,
        Purpose::Baseline => t.walk_when_baseline,
    };
    html! {
        <div class="step" key={key}>
            <p class="lead">{ fill(t.walk_lead, &[("when", when)]) }</p>
            <NumberField id="walk-distance"
                label={fill(t.walk_distance_question, &[("when", when)])}
                hint={t.walk_distance_hint}
                unit={locale.distance_symbol(unit)} min={0.0} max={bounds::MAX_DISTANCE}
                value={walking.distance.map(|d| d.in_unit(unit).round())}
                on_change={props.edit(move |e, v: Option<f64>| {
                    e.walking.get_or_insert_with(Walking::default).distance =
                        v.and_then(|v| Amount::new(v).ok()).map(|value| Distance { value, unit });
                })} />
            <NumberField id="walk-minutes" label={t.walk_minutes_question} unit={t.minutes}
                min={0.0} max={bounds::MAX_MINUTES} value={walking.minutes.map(|m| m.get())}
                on_change={props.edit(|e, v: Option<f64>| {
                    e.walking.get_or_insert_with(Walking::default).minutes = v.and_then(|v| Amount::new(v).ok());
                })} />
            if let Purpose::CheckIn(date) = props.context.purpose {
                <TimedTestPanel kind={TimedKind::Walk} {date} baseline={props.context.baseline_minutes.0}
                    on_keep={props.edit(keep)} />
            }
            <NumberField id="stand-minutes"
                label={t.stand_minutes_question} unit={t.minutes}
                min={0.0} max={bounds::MAX_MINUTES} value={props.entry.standing_minutes.map(|m| m.get())}
                on_change={props.edit(|e, v: Option<f64>| {
                    e.standing_minutes = v.and_then(|v| Amount::new(v).ok());
                })} />
            if let Purpose::CheckIn(date) = props.context.purpose {
                <TimedTestPanel kind={TimedKind::Stand} {date} baseline={props.context.baseline_minutes.1}
                    on_keep={props.edit(keep)} />
            }
        </div>
    }
}
