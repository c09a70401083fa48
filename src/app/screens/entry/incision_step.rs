use yew::prelude::*;

use super::StepProps;
use crate::app::widgets::choice::{yes_no, Choice};
use crate::domain::model::{Bandage, Drainage, Incision, Redness};

/// The incision questions: daily to day 14, then when something changed. (Bleeding that
/// will not stop is asked with the warning signs, every day.) The patient cannot see their
/// lower back: someone else or a hand mirror can, and "I could not check" leaves no answer.
#[function_component]
pub fn IncisionStep(props: &StepProps) -> Html {
    let t = crate::app::context::use_locale().t();
    // Answered already (other than the bleeding question, which the warning step asks).
    let answered = props.entry.incision.is_some_and(|i| {
        Incision {
            bleeding_uncontrolled: None,
            ..i
        } != Incision::default()
    });
    let open = use_state(|| props.context.first_two_weeks || answered);
    if !*open {
        return super::ask_when_changed(t, &open, t.incision_intro, t.incision_open);
    }
    let i = props.entry.incision.unwrap_or_default();
    let set = |field: fn(&mut Incision, bool)| {
        props.edit(move |e, v: bool| field(e.incision.get_or_insert_with(Incision::default), v))
    };
    let looks_fine = props.edit_and_next(|e| {
        let inc = e.incision.get_or_insert_with(Incision::default);
        inc.drainage = Some(Drainage::None);
        inc.redness = Some(Redness::None);
        inc.foul_smell = Some(false);
        inc.warm_or_swollen = Some(false);
        inc.edges_open = Some(false);
        inc.bruise_itch_lump = Some(false);
    });
    // Everything but the bleeding question (the warning step's) back to not answered.
    let could_not_check = props.edit_and_next(|e| {
        e.incision = e.incision.and_then(|i| {
            i.bleeding_uncontrolled.map(|b| Incision {
                bleeding_uncontrolled: Some(b),
                ..Incision::default()
            })
        });
    });
    html! {
        <div class="step">
            <p class="lead">{ t.incision_how_to_look }</p>
            <button type="button" class="button quick" onclick={looks_fine}>
                { t.incision_fine }
            </button>
            <button type="button" class="button quick" onclick={could_not_check}>
                { t.incision_could_not_check }
            </button>
            <Choice<Bandage> name="bandage" legend={t.bandage_question}
                options={vec![(Bandage::None, t.bandage_none.into()), (Bandage::Dry, t.bandage_dry.into()),
                    (Bandage::Spotted, t.bandage_spotted.into()), (Bandage::Soaked, t.bandage_soaked.into())]}
                selected={i.bandage}
                on_select={props.edit(|e, v: Bandage| e.incision.get_or_insert_with(Incision::default).bandage = Some(v))} />
            <Choice<Drainage> name="drainage" legend={t.drainage_question}
                options={vec![(Drainage::None, t.none.into()), (Drainage::BloodTinged, t.drainage_blood.into()),
                    (Drainage::ClearWatery, t.drainage_clear.into()), (Drainage::Cloudy, t.drainage_cloudy.into()),
                    (Drainage::Pus, t.drainage_pus.into())]}
                selected={i.drainage}
                on_select={props.edit(|e, v: Drainage| e.incision.get_or_insert_with(Incision::default).drainage = Some(v))} />
            <Choice<Redness> name="redness" legend={t.redness_question}
                options={vec![(Redness::None, t.none.into()), (Redness::ThinLine, t.redness_line.into()),
                    (Redness::BeyondFinger, t.redness_beyond.into()), (Redness::Streaks, t.redness_streaks.into())]}
                selected={i.redness}
                on_select={props.edit(|e, v: Redness| e.incision.get_or_insert_with(Incision::default).redness = Some(v))} />
            <Choice<bool> name="foul-smell" legend={t.smell_question} options={yes_no(t)} class="yes-no"
                selected={i.foul_smell} on_select={set(|i, v| i.foul_smell = Some(v))} />
            <Choice<bool> name="warm-swollen" legend={t.warm_question} options={yes_no(t)} class="yes-no"
                selected={i.warm_or_swollen} on_select={set(|i, v| i.warm_or_swollen = Some(v))} />
            <Choice<bool> name="edges-open" legend={t.edges_question} options={yes_no(t)} class="yes-no"
                selected={i.edges_open} on_select={set(|i, v| i.edges_open = Some(v))} />
            <Choice<bool> name="bruise" legend={t.bruise_question} options={yes_no(t)} class="yes-no"
                selected={i.bruise_itch_lump} on_select={set(|i, v| i.bruise_itch_lump = Some(v))} />
        </div>
    }
}
