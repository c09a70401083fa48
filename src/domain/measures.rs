//! The numeric measures of a check-in, read one way for the rules, trends and exports.

use super::model::{DistanceUnit, Entry};

pub fn back(e: &Entry) -> Option<f64> {
    e.pain.and_then(|p| p.back).map(|r| f64::from(r.get()))
}
pub fn leg(e: &Entry) -> Option<f64> {
    e.pain.and_then(|p| p.leg).map(|r| f64::from(r.get()))
}
pub fn incision_pain(e: &Entry) -> Option<f64> {
    e.pain.and_then(|p| p.incision).map(|r| f64::from(r.get()))
}
pub fn walk_ft(e: &Entry) -> Option<f64> {
    e.walking
        .and_then(|w| w.distance)
        .map(|d| d.in_unit(DistanceUnit::Feet))
}
pub fn walk_m(e: &Entry) -> Option<f64> {
    e.walking
        .and_then(|w| w.distance)
        .map(|d| d.in_unit(DistanceUnit::Metres))
}
pub fn walk_min(e: &Entry) -> Option<f64> {
    e.walking.and_then(|w| w.minutes).map(|m| m.get())
}
pub fn stand_min(e: &Entry) -> Option<f64> {
    e.standing_minutes.map(|m| m.get())
}

/// A measure the follow-up report and the charts show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    BackPain,
    LegPain,
    WalkDistance,
    WalkMinutes,
    StandMinutes,
}

impl Measure {
    pub const ALL: [Measure; 5] = [
        Measure::BackPain,
        Measure::LegPain,
        Measure::WalkDistance,
        Measure::WalkMinutes,
        Measure::StandMinutes,
    ];

    /// The value of `e`, with distances in `unit`.
    pub fn value(self, e: &Entry, unit: DistanceUnit) -> Option<f64> {
        match self {
            Measure::BackPain => back(e),
            Measure::LegPain => leg(e),
            Measure::WalkDistance => match unit {
                DistanceUnit::Feet => walk_ft(e),
                DistanceUnit::Metres => walk_m(e),
            },
            Measure::WalkMinutes => walk_min(e),
            Measure::StandMinutes => stand_min(e),
        }
    }

    pub fn label(self, t: &crate::domain::i18n::Texts) -> &'static str {
        crate::domain::i18n::lookup(&t.measures, self.key())
    }

    /// The unit as the screen writes it ("ft" or "pies" for feet).
    pub fn unit(self, l: &crate::domain::i18n::Locale, distance: DistanceUnit) -> &'static str {
        match self {
            Measure::BackPain | Measure::LegPain => "/10",
            Measure::WalkDistance => l.distance_symbol(distance),
            Measure::WalkMinutes | Measure::StandMinutes => "min",
        }
    }

    pub fn is_pain(self) -> bool {
        matches!(self, Measure::BackPain | Measure::LegPain)
    }

    /// A stable id for element ids and CSV columns.
    pub fn key(self) -> &'static str {
        match self {
            Measure::BackPain => "back_pain",
            Measure::LegPain => "leg_pain",
            Measure::WalkDistance => "walk_distance",
            Measure::WalkMinutes => "walk_minutes",
            Measure::StandMinutes => "stand_minutes",
        }
    }
}
