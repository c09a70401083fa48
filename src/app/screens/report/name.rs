//! "Your name on the printed page": the patient may add their name and date of birth to the
//! top of the printed report. Kept with their settings on this phone only (never in the diary
//! file; in an export only when they tick "include my name"). The fields are read when the
//! patient saves, so typing does not redraw the report.

use chrono::NaiveDate;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::identity::{birth_date, clean_name, Identity, NAME_MAX};
use crate::domain::report::ReportTexts;

/// The form's fields and what was wrong with the last try, kept by the report.
#[derive(Clone)]
pub struct NameForm {
    pub name: NodeRef,
    pub born: NodeRef,
    pub problem: UseStateHandle<Option<&'static str>>,
}

/// What the two fields give: nothing (both empty), an identity, or what is wrong.
fn read(
    rt: &ReportTexts,
    name: &str,
    born: &str,
    today: NaiveDate,
) -> Result<Option<Identity>, &'static str> {
    let born = birth_date(born, today).map_err(|_| rt.birth_invalid)?;
    match (clean_name(name), born) {
        (None, None) => Ok(None),
        (None, Some(_)) => Err(rt.name_needed),
        (Some(name), birth_date) => Ok(Some(Identity { name, birth_date })),
    }
}

fn value(field: &NodeRef) -> String {
    field
        .cast::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

pub fn name_form(
    rt: &'static ReportTexts,
    form: &NameForm,
    identity: Option<&Identity>,
    on_save: &Callback<Option<Identity>>,
    today: NaiveDate,
) -> Html {
    let onsubmit = {
        let (form, on_save) = (form.clone(), on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match read(rt, &value(&form.name), &value(&form.born), today) {
                Ok(identity) => {
                    form.problem.set(None);
                    on_save.emit(identity);
                }
                Err(why) => form.problem.set(Some(why)),
            }
        })
    };
    let remove = {
        let (form, on_save) = (form.clone(), on_save.clone());
        Callback::from(move |_: MouseEvent| {
            for field in [&form.name, &form.born] {
                if let Some(input) = field.cast::<HtmlInputElement>() {
                    input.set_value("");
                }
            }
            form.problem.set(None);
            on_save.emit(None);
        })
    };
    html! {
        <form class="name-on-paper no-print" {onsubmit} novalidate=true>
            <h2>{ rt.name_title }</h2>
            <p class="hint" id="name-on-paper-hint">{ rt.name_text }</p>
            <div class="field">
                <label for="patient-name">{ rt.name_label }</label>
                <input id="patient-name" type="text" autocomplete="name" maxlength={NAME_MAX.to_string()} ref={form.name.clone()}
                    value={identity.map(|i| i.name.clone()).unwrap_or_default()} aria-describedby="name-on-paper-hint" />
            </div>
            <div class="field">
                <label for="patient-birth">{ rt.birth_label }</label>
                <input id="patient-birth" type="date" autocomplete="bday" min="1900-01-01" max={today.to_string()} ref={form.born.clone()}
                    value={identity.and_then(|i| i.birth_date).map(|d| d.to_string()).unwrap_or_default()} />
            </div>
            if let Some(why) = *form.problem {
                <p class="error" role="alert">{ why }</p>
            }
            <button type="submit" class="button">{ rt.name_save }</button>
            if identity.is_some() {
                <button type="button" class="button" onclick={remove}>{ rt.name_remove }</button>
            }
        </form>
    }
}
