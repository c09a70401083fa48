use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{Purpose, StepProps};
use crate::domain::i18n::{capitalise, fill};
use crate::domain::model::{NeuroFinding, NeuroKind, Region, Severity, Side};
use crate::domain::rules::words::{finding_words, side_word};

fn select_value(e: Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
}

/// The numbness/tingling/burning/weakness map as a list: it starts from the last check-in,
/// so only changes need tapping. Every control is a native button or select.
#[function_component]
pub fn NervesStep(props: &StepProps) -> Html {
    let t = crate::app::context::use_locale().t();
    let baseline = matches!(props.context.purpose, Purpose::Baseline);
    let findings = props.entry.neuro.clone().unwrap_or_default();
    let region = use_state(|| Region::Calf);
    let side = use_state(|| Side::Left);
    let kind = use_state(|| NeuroKind::Numbness);

    let regions: Vec<Region> = Region::ALL
        .into_iter()
        // The saddle area is never accepted as baseline: it is always a warning sign.
        .filter(|r| !(baseline && *r == Region::Saddle))
        .collect();

    let set_severity = |i: usize, delta: i8| {
        props.edit(move |e, _: MouseEvent| {
            if let Some(f) = e.neuro.get_or_insert_with(Vec::new).get_mut(i) {
                let v = (f.severity.get() as i8 + delta).clamp(1, 10) as u8;
                if let Ok(s) = Severity::new(v) {
                    f.severity = s;
                }
            }
        })
    };
    let remove = |i: usize| {
        props.edit(move |e, _: MouseEvent| {
            let list = e.neuro.get_or_insert_with(Vec::new);
            if i < list.len() {
                list.remove(i);
            }
        })
    };
    let add = {
        let (region, side, kind) = (region.clone(), side.clone(), kind.clone());
        props.edit(move |e, _: MouseEvent| {
            let side = if *region == Region::Saddle {
                Side::Midline
            } else if *side == Side::Midline {
                Side::Left
            } else {
                *side
            };
            let Ok(severity) = Severity::new(5) else {
                return;
            };
            let finding = NeuroFinding {
                region: *region,
                side,
                kind: *kind,
                severity,
            };
            let list = e.neuro.get_or_insert_with(Vec::new);
            if !list.iter().any(|f| f.key() == finding.key()) {
                list.push(finding);
            }
        })
    };
    let clear = props.edit(|e, _: MouseEvent| e.neuro = Some(Vec::new()));

    let on_region = {
        let region = region.clone();
        Callback::from(move |e: Event| {
            if let Some(r) = select_value(e)
                .and_then(|v| v.parse::<usize>().ok())
                .and_then(|i| Region::ALL.get(i))
            {
                region.set(*r);
            }
        })
    };
    let on_side = {
        let side = side.clone();
        Callback::from(move |e: Event| {
            side.set(if select_value(e).as_deref() == Some("right") {
                Side::Right
            } else {
                Side::Left
            });
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            if let Some(k) = select_value(e)
                .and_then(|v| v.parse::<usize>().ok())
                .and_then(|i| NeuroKind::ALL.get(i))
            {
                kind.set(*k);
            }
        })
    };

    let intro = match (&props.context.previous, baseline) {
        (_, true) => t.nerves_intro_baseline,
        (Some(_), false) => t.nerves_intro_previous,
        (None, false) => t.nerves_intro_first,
    };

    html! {
        <div class="step">
            <p class="lead">{ intro }</p>
            if findings.is_empty() {
                <p class="empty" id="nerves-none">{ t.none_listed }</p>
            } else {
                <ul class="findings" aria-label={t.your_symptoms}>
                { for findings.iter().enumerate().map(|(i, f)| {
                    let name = finding_words(t, f.key());
                    html! {
                        <li class="finding">
                            <span class="finding-name">{ &name }</span>
                            <span class="severity" aria-live="polite">{ fill(t.out_of_ten, &[("n", &f.severity.get().to_string())]) }</span>
                            <span class="finding-actions">
                                <button type="button" class="button small" aria-label={fill(t.less, &[("name", &name)])}
                                    disabled={f.severity.get() <= 1} onclick={set_severity(i, -1)}>{ "−" }</button>
                                <button type="button" class="button small" aria-label={fill(t.more, &[("name", &name)])}
                                    disabled={f.severity.get() >= 10} onclick={set_severity(i, 1)}>{ "+" }</button>
                                <button type="button" class="button small" aria-label={fill(t.remove_named, &[("name", &name)])}
                                    onclick={remove(i)}>{ t.gone }</button>
                            </span>
                        </li>
                    }
                }) }
                </ul>
                <button type="button" class="button" onclick={clear}>{ t.none_today }</button>
            }
            <fieldset class="add-finding">
                <legend>{ t.add_symptom }</legend>
                <label for="nerve-region">{ t.where_label }</label>
                <select id="nerve-region" onchange={on_region}>
                    { for regions.iter().map(|r| {
                        let i = Region::ALL.iter().position(|x| x == r).unwrap_or(0);
                        html! { <option value={i.to_string()} selected={*r == *region}>{ t.regions[i] }</option> }
                    }) }
                </select>
                if *region != Region::Saddle {
                    <label for="nerve-side">{ t.side_label }</label>
                    <select id="nerve-side" onchange={on_side}>
                        <option value="left" selected={*side != Side::Right}>{ capitalise(side_word(t, Side::Left)) }</option>
                        <option value="right" selected={*side == Side::Right}>{ capitalise(side_word(t, Side::Right)) }</option>
                    </select>
                }
                <label for="nerve-kind">{ t.what_you_feel }</label>
                <select id="nerve-kind" onchange={on_kind}>
                    { for NeuroKind::ALL.iter().enumerate().map(|(i, k)| html! {
                        <option value={i.to_string()} selected={*k == *kind}>{ t.kinds[i] }</option>
                    }) }
                </select>
                <button type="button" class="button" onclick={add}>{ t.add }</button>
                <p class="hint">{ t.severity_hint }</p>
            </fieldset>
        </div>
    }
}
