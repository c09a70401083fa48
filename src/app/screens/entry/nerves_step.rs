use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::{Purpose, StepProps};
use crate::domain::i18n::{capitalise, fill, Texts};
use crate::domain::model::{Entry, NeuroFinding, NeuroKind, Region, Severity, Side};
use crate::domain::rules::words::{finding_words, side_word};

fn select_value(e: Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
}

/// A list's place chosen in a select, if any.
fn index(v: Option<String>) -> Option<usize> {
    v.and_then(|v| v.parse::<usize>().ok())
}

/// The numbness/tingling/burning/weakness map as a list: it starts from the last check-in,
/// so only changes need tapping. Every control is a native button or select.
#[function_component]
pub fn NervesStep(props: &StepProps) -> Html {
    let t = crate::app::context::use_locale().t();
    let baseline = matches!(props.context.purpose, Purpose::Baseline);
    let intro = match (&props.context.previous, baseline) {
        (_, true) => t.nerves_intro_baseline,
        (Some(_), false) => t.nerves_intro_previous,
        (None, false) => t.nerves_intro_first,
    };
    let picked = use_state(Picked::default);
    let add = props.edit(|e: &mut Entry, finding: NeuroFinding| {
        let list = e.neuro.get_or_insert_with(Vec::new);
        if !list.iter().any(|f| f.key() == finding.key()) {
            list.push(finding);
        }
    });
    html! {
        <div class="step">
            <p class="lead">{ intro }</p>
            { findings(props, t) }
            { add_finding(t, baseline, &picked, add) }
        </div>
    }
}

/// The findings with − / + and "Gone", and "I have none of these today".
fn findings(props: &StepProps, t: &'static Texts) -> Html {
    let findings = props.entry.neuro.clone().unwrap_or_default();
    if findings.is_empty() {
        return html! { <p class="empty" id="nerves-none">{ t.none_listed }</p> };
    }
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
    let clear = props.edit(|e, _: MouseEvent| e.neuro = Some(Vec::new()));
    html! {
        <>
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
        </>
    }
}

/// What "Add a symptom" has chosen so far: none of it for the patient (a choice made in
/// advance would look like an answer); `incomplete`: Add was tapped before all was chosen.
#[derive(Clone, Copy, Default, PartialEq)]
struct Picked {
    region: Option<Region>,
    side: Option<Side>,
    kind: Option<NeuroKind>,
    incomplete: bool,
}

impl Picked {
    /// The finding chosen, at 5 out of 10 (the saddle area has no side).
    fn finding(self) -> Option<NeuroFinding> {
        let side = if self.region == Some(Region::Saddle) {
            Some(Side::Midline)
        } else {
            self.side
        };
        Some(NeuroFinding {
            region: self.region?,
            side: side?,
            kind: self.kind?,
            severity: Severity::new(5).ok()?,
        })
    }
}

/// "Add a symptom": where, which side and what; Add says what is still to choose. The
/// baseline never takes the saddle area: it is always a warning sign.
fn add_finding(
    t: &'static Texts,
    baseline: bool,
    picked: &UseStateHandle<Picked>,
    on_add: Callback<NeuroFinding>,
) -> Html {
    let regions: Vec<Region> = Region::ALL
        .into_iter()
        .filter(|r| !(baseline && *r == Region::Saddle))
        .collect();
    let p = **picked;
    let set = |f: fn(&mut Picked, Option<String>)| {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            let mut next = *picked;
            f(&mut next, select_value(e).filter(|v| !v.is_empty()));
            next.incomplete = false;
            picked.set(next);
        })
    };
    let add = {
        let picked = picked.clone();
        Callback::from(move |_: MouseEvent| match picked.finding() {
            Some(finding) => {
                picked.set(Picked::default());
                on_add.emit(finding);
            }
            None => picked.set(Picked {
                incomplete: true,
                ..*picked
            }),
        })
    };
    html! {
        <fieldset class="add-finding">
            <legend>{ t.add_symptom }</legend>
            <label for="nerve-region">{ t.where_label }</label>
            <select id="nerve-region" onchange={set(|p, v| p.region = index(v).and_then(|i| Region::ALL.get(i)).copied())}>
                <option value="" selected={p.region.is_none()}>{ "—" }</option>
                { for regions.iter().map(|r| {
                    let i = Region::ALL.iter().position(|x| x == r).unwrap_or(0);
                    html! { <option value={i.to_string()} selected={Some(*r) == p.region}>{ t.regions[i] }</option> }
                }) }
            </select>
            if p.region != Some(Region::Saddle) {
                <label for="nerve-side">{ t.side_label }</label>
                <select id="nerve-side" onchange={set(|p, v| p.side = match v.as_deref() {
                    Some("left") => Some(Side::Left),
                    Some("right") => Some(Side::Right),
                    _ => None,
                })}>
                    <option value="" selected={p.side.is_none()}>{ "—" }</option>
                    <option value="left" selected={p.side == Some(Side::Left)}>{ capitalise(side_word(t, Side::Left)) }</option>
                    <option value="right" selected={p.side == Some(Side::Right)}>{ capitalise(side_word(t, Side::Right)) }</option>
                </select>
            }
            <label for="nerve-kind">{ t.what_you_feel }</label>
            <select id="nerve-kind" onchange={set(|p, v| p.kind = index(v).and_then(|i| NeuroKind::ALL.get(i)).copied())}>
                <option value="" selected={p.kind.is_none()}>{ "—" }</option>
                { for NeuroKind::ALL.iter().enumerate().map(|(i, k)| html! {
                    <option value={i.to_string()} selected={Some(*k) == p.kind}>{ t.kinds[i] }</option>
                }) }
            </select>
            if p.incomplete {
                <p class="error" role="alert">{ t.choose_where_first }</p>
            }
            <button type="button" class="button" onclick={add}>{ t.add }</button>
            <p class="hint">{ t.severity_hint }</p>
        </fieldset>
    }
}
