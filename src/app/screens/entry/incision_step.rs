use yew::prelude::*;

use super::StepProps;
use crate::app::widgets::{yes_no, Choice};
use crate::domain::model::{Bandage, Drainage, Incision, Redness};

/// The incision questions: daily to day 14, then when something changed. (Bleeding that
/// will not stop is asked with the warning signs, every day.)
#[function_component]
pub fn IncisionStep(props: &StepProps) -> Html {
    // Answered already (other than the bleeding question, which the warning step asks).
    let answered = props.entry.incision.is_some_and(|i| {
        Incision {
            bleeding_uncontrolled: None,
            ..i
        } != Incision::default()
    });
    let open = use_state(|| props.context.first_two_weeks || answered);
    if !*open {
        return super::ask_when_changed(
            &open,
            "After the first two weeks the incision questions are only needed when something changes.",
            "Something changed at the incision",
        );
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
    html! {
        <div class="step">
            <button type="button" class="button quick" onclick={looks_fine}>
                { "Looks fine: dry, closed, no spreading redness" }
            </button>
            <Choice<Bandage> name="bandage" legend="The bandage is"
                options={vec![(Bandage::None, "No bandage".into()), (Bandage::Dry, "Dry".into()),
                    (Bandage::Spotted, "Spotted".into()), (Bandage::Soaked, "Soaked through".into())]}
                selected={i.bandage}
                on_select={props.edit(|e, v: Bandage| e.incision.get_or_insert_with(Incision::default).bandage = Some(v))} />
            <Choice<Drainage> name="drainage" legend="Any fluid coming from the incision?"
                options={vec![(Drainage::None, "None".into()), (Drainage::BloodTinged, "A little blood".into()),
                    (Drainage::ClearWatery, "Clear, watery".into()), (Drainage::Cloudy, "Cloudy or yellow-green".into()),
                    (Drainage::Pus, "Pus".into())]}
                selected={i.drainage}
                on_select={props.edit(|e, v: Drainage| e.incision.get_or_insert_with(Incision::default).drainage = Some(v))} />
            <Choice<Redness> name="redness" legend="Redness around the incision"
                options={vec![(Redness::None, "None".into()), (Redness::ThinLine, "A thin line at the edge".into()),
                    (Redness::BeyondFinger, "Spreads more than a finger-width".into()), (Redness::Streaks, "Red streaks".into())]}
                selected={i.redness}
                on_select={props.edit(|e, v: Redness| e.incision.get_or_insert_with(Incision::default).redness = Some(v))} />
            <Choice<bool> name="foul-smell" legend="A bad smell?" options={yes_no()} class="yes-no"
                selected={i.foul_smell} on_select={set(|i, v| i.foul_smell = Some(v))} />
            <Choice<bool> name="warm-swollen" legend="Warm, hard, or more swollen?" options={yes_no()} class="yes-no"
                selected={i.warm_or_swollen} on_select={set(|i, v| i.warm_or_swollen = Some(v))} />
            <Choice<bool> name="edges-open" legend="Are the edges coming apart?" options={yes_no()} class="yes-no"
                selected={i.edges_open} on_select={set(|i, v| i.edges_open = Some(v))} />
            <Choice<bool> name="bruise" legend="A bruise, itching, or a soft lump without redness?" options={yes_no()} class="yes-no"
                selected={i.bruise_itch_lump} on_select={set(|i, v| i.bruise_itch_lump = Some(v))} />
        </div>
    }
}
