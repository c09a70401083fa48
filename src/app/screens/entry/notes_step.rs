use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::StepProps;
use crate::app::widgets::text_field::TextField;
use crate::domain::i18n::fill;
use crate::domain::model::Medication;

fn input_value(e: InputEvent) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Medicines taken, a note, and a question for the next visit.
#[function_component]
pub fn NotesStep(props: &StepProps) -> Html {
    let t = crate::app::context::use_locale().t();
    let meds = props.entry.medications.clone().unwrap_or_default();
    let previous: Vec<Medication> = props
        .context
        .previous
        .as_ref()
        .and_then(|p| p.medications.clone())
        .unwrap_or_default();
    let name = use_state(String::new);
    let dose = use_state(String::new);

    let same_as_last = {
        let previous = previous.clone();
        props.edit(move |e, _: MouseEvent| e.medications = Some(previous.clone()))
    };
    let remove = |i: usize| {
        props.edit(move |e, _: MouseEvent| {
            let list = e.medications.get_or_insert_with(Vec::new);
            if i < list.len() {
                list.remove(i);
            }
        })
    };
    let add = {
        let (name, dose) = (name.clone(), dose.clone());
        let edit =
            props.edit(|e, m: Medication| e.medications.get_or_insert_with(Vec::new).push(m));
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let n = name.trim().to_string();
            if n.is_empty() {
                return;
            }
            let d = dose.trim().to_string();
            edit.emit(Medication {
                name: n,
                dose: (!d.is_empty()).then_some(d),
                times: None,
            });
            name.set(String::new());
            dose.set(String::new());
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(input_value(e)))
    };
    let on_dose = {
        let dose = dose.clone();
        Callback::from(move |e: InputEvent| dose.set(input_value(e)))
    };

    html! {
        <div class="step">
            <h3>{ t.medicines_today }</h3>
            if meds.is_empty() {
                <p class="empty">{ t.medicines_none_listed }</p>
            } else {
                <ul class="medicines">
                { for meds.iter().enumerate().map(|(i, m)| {
                    let label = match &m.dose { Some(d) => format!("{} ({d})", m.name), None => m.name.clone() };
                    html! {
                        <li>
                            <span>{ &label }</span>
                            <button type="button" class="button small" aria-label={fill(t.remove_medicine, &[("name", &label)])}
                                onclick={remove(i)}>{ t.remove }</button>
                        </li>
                    }
                }) }
                </ul>
            }
            if !previous.is_empty() && meds != previous {
                <button type="button" class="button" onclick={same_as_last}>{ t.same_medicines }</button>
            }
            <form class="add-medicine" onsubmit={add}>
                <div class="field">
                    <label for="med-name">{ t.medicine }</label>
                    <input id="med-name" type="text" autocomplete="off" maxlength="100" value={(*name).clone()} oninput={on_name} />
                </div>
                <div class="field">
                    <label for="med-dose">{ t.dose_optional }</label>
                    <input id="med-dose" type="text" autocomplete="off" maxlength="100" value={(*dose).clone()} oninput={on_dose} />
                </div>
                <button type="submit" class="button">{ t.add_medicine }</button>
            </form>
            <TextField id="note" label={t.note_optional} value={props.entry.notes.clone()}
                on_change={props.edit(|e, v: Option<String>| e.notes = v)} />
            <TextField id="ask-at-visit" label={t.ask_optional}
                value={props.entry.ask_at_visit.clone()}
                on_change={props.edit(|e, v: Option<String>| e.ask_at_visit = v)} />
        </div>
    }
}
