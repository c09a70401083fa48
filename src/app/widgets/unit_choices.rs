use yew::prelude::*;

use super::choice::Choice;
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
    let t = crate::app::context::use_locale().t();
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
            <Choice<DistanceUnit> name={format!("{}-distance-unit", props.name)} legend={t.distance_in}
                options={vec![(DistanceUnit::Feet, t.feet.into()), (DistanceUnit::Metres, t.metres.into())]}
                selected={Some(props.profile.distance_unit)} on_select={set_distance} />
            <Choice<TemperatureUnit> name={format!("{}-temperature-unit", props.name)} legend={t.temperature_in}
                options={vec![(TemperatureUnit::Fahrenheit, t.fahrenheit.into()), (TemperatureUnit::Celsius, t.celsius.into())]}
                selected={Some(props.profile.temperature_unit)} on_select={set_temperature} />
        </>
    }
}
