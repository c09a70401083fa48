use yew::prelude::*;

use super::Choice;
use crate::domain::model::{DistanceUnit, Profile, TemperatureUnit};

#[derive(Properties, PartialEq)]
pub struct UnitChoicesProps {
    /// Keeps the radio group names unique on a screen.
    pub name: AttrValue,
    pub profile: Profile,
    pub on_change: Callback<Profile>,
}

/// Distance (ft or m) and temperature (°F or °C) units, for setup and settings.
#[function_component]
pub fn UnitChoices(props: &UnitChoicesProps) -> Html {
    let set_distance = {
        let (profile, cb) = (props.profile.clone(), props.on_change.clone());
        Callback::from(move |distance_unit| {
            cb.emit(Profile {
                distance_unit,
                ..profile.clone()
            })
        })
    };
    let set_temperature = {
        let (profile, cb) = (props.profile.clone(), props.on_change.clone());
        Callback::from(move |temperature_unit| {
            cb.emit(Profile {
                temperature_unit,
                ..profile.clone()
            })
        })
    };
    html! {
        <>
            <Choice<DistanceUnit> name={format!("{}-distance-unit", props.name)} legend="Walking distance in"
                options={vec![(DistanceUnit::Feet, "Feet (ft)".into()), (DistanceUnit::Metres, "Metres (m)".into())]}
                selected={Some(props.profile.distance_unit)} on_select={set_distance} />
            <Choice<TemperatureUnit> name={format!("{}-temperature-unit", props.name)} legend="Temperature in"
                options={vec![(TemperatureUnit::Fahrenheit, "Fahrenheit (°F)".into()), (TemperatureUnit::Celsius, "Celsius (°C)".into())]}
                selected={Some(props.profile.temperature_unit)} on_select={set_temperature} />
        </>
    }
}
