//! The diary model: exactly the fields of file format v2 (`shared/spec/diary-format.md`).
//!
//! Every answer is optional: `None` means "not asked or skipped", which never fires a rule
//! and never counts as normal. Values that have a range are newtypes whose constructors
//! refuse anything outside it, so a `Diary` in memory is always valid.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

/// A whole diary: what storage holds and what export writes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diary {
    pub profile: Profile,
    /// "A typical day in the week before your procedure".
    pub baseline: Option<Entry>,
    /// One entry per calendar date; the key is the entry's `date`.
    pub checkins: BTreeMap<NaiveDate, Entry>,
    pub acknowledgements: Vec<Acknowledgement>,
    /// Format v2: the clinic questionnaires the patient answered (FHIR R4 `Questionnaire`
    /// resources, kept as they came so nothing is lost), unique by `url` + `version`.
    pub questionnaires: Vec<serde_json::Value>,
    /// Format v2: the answers (FHIR R4 `QuestionnaireResponse` resources).
    pub questionnaire_responses: Vec<serde_json::Value>,
}

impl Diary {
    pub fn new(profile: Profile) -> Self {
        Diary {
            profile,
            ..Diary::default()
        }
    }

    /// Puts `entry` in as the check-in of `date`, replacing any earlier one.
    pub fn put_checkin(&mut self, date: NaiveDate, mut entry: Entry) {
        entry.date = Some(date);
        entry.recorded_on = None;
        self.checkins.insert(date, entry);
    }

    /// Whether a check-in on `date` belongs to the baseline: day -30 … -1 (rules.md,
    /// "Baseline"). Without a procedure date the baseline is the baseline record alone.
    pub fn in_baseline_period(&self, date: NaiveDate) -> bool {
        self.profile
            .procedure_date
            .is_some_and(|p| (-30..=-1).contains(&(date - p).num_days()))
    }

    /// Whether a check-in on `date` is a recovery check-in: day 0 or later, or any date
    /// without a procedure date (rules.md v1.1, "Recovery check-in"). A check-in dated day
    /// -31 or earlier is neither baseline nor recovery.
    pub fn is_recovery(&self, date: NaiveDate) -> bool {
        self.profile.procedure_date.is_none_or(|p| date >= p)
    }

    /// The baseline: the baseline record plus the check-ins of the baseline period.
    pub fn baseline_entries(&self) -> Vec<&Entry> {
        self.baseline
            .iter()
            .chain(
                self.checkins
                    .iter()
                    .filter(|(d, _)| self.in_baseline_period(**d))
                    .map(|(_, e)| e),
            )
            .collect()
    }

    /// The latest check-in strictly before `date`.
    pub fn checkin_before(&self, date: NaiveDate) -> Option<&Entry> {
        self.checkins.range(..date).next_back().map(|(_, e)| e)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure_date: Option<NaiveDate>,
    #[serde(default)]
    pub distance_unit: DistanceUnit,
    #[serde(default)]
    pub temperature_unit: TemperatureUnit,
}

/// One day's answers (a check-in), or the baseline record.
///
/// A check-in carries `date`; the baseline carries `recorded_on` instead. One struct serves
/// both so that every answer field is declared once and read the same way by the rules.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<Pain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub walking: Option<Walking>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing_minutes: Option<Amount>,
    /// The findings present that day. `None`: not answered; `Some(vec![])`: none present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub neuro: Option<Vec<NeuroFinding>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<FunctionChecks>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incision: Option<Incision>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<Temperature>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chills: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symptoms: Option<Symptoms>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medications: Option<Vec<Medication>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_at_visit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Format v2: walks and stands timed on the phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timed_tests: Option<Vec<TimedTest>>,
}

/// A walk or a stand the patient timed with the diary (format v2, "Timed tests"): a
/// self-paced walking test, until leg pain, numbness or heaviness makes them stop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimedTest {
    pub kind: TimedKind,
    pub started_at: DateTime<FixedOffset>,
    /// Total time, to 0.1 minute.
    pub minutes: Amount,
    /// When symptoms began (not more than `minutes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_symptom_minutes: Option<Amount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped_because: Option<StopReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance: Option<Distance>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimedKind {
    Walk,
    Stand,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    Symptoms,
    Tired,
    Limit,
    Other,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pain {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leg: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incision: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medicine_helped: Option<bool>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Walking {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance: Option<Distance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<Amount>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Distance {
    pub value: Amount,
    pub unit: DistanceUnit,
}

impl Distance {
    pub const FEET_PER_METRE: f64 = 3.28084;

    /// This distance expressed in `unit`.
    pub fn in_unit(&self, unit: DistanceUnit) -> f64 {
        let v = self.value.get();
        match (self.unit, unit) {
            (DistanceUnit::Feet, DistanceUnit::Metres) => v / Self::FEET_PER_METRE,
            (DistanceUnit::Metres, DistanceUnit::Feet) => v * Self::FEET_PER_METRE,
            _ => v,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DistanceUnit {
    #[default]
    #[serde(rename = "ft")]
    Feet,
    #[serde(rename = "m")]
    Metres,
}

impl DistanceUnit {
    pub fn symbol(self) -> &'static str {
        match self {
            DistanceUnit::Feet => "ft",
            DistanceUnit::Metres => "m",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Temperature {
    pub value: Finite,
    pub unit: TemperatureUnit,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TemperatureUnit {
    #[default]
    #[serde(rename = "F")]
    Fahrenheit,
    #[serde(rename = "C")]
    Celsius,
}

impl TemperatureUnit {
    pub fn symbol(self) -> &'static str {
        match self {
            TemperatureUnit::Fahrenheit => "°F",
            TemperatureUnit::Celsius => "°C",
        }
    }

    /// Body temperatures a thermometer can plausibly show, used to catch typing slips
    /// in the form (the file format takes the wider `bounds::temperature`).
    pub fn plausible_range(self) -> (f64, f64) {
        match self {
            TemperatureUnit::Fahrenheit => (93.0, 110.0),
            TemperatureUnit::Celsius => (34.0, 43.5),
        }
    }
}

/// What the diary holds at all: dates and plausible human values (README, "Bounds"). The
/// file format refuses anything outside them with its field path; the forms ask within them.
pub mod bounds {
    use chrono::{Days, NaiveDate};

    use super::TemperatureUnit;

    /// The earliest date of a check-in, a baseline, an acknowledgement or a procedure.
    pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
        Some(d) => d,
        None => NaiveDate::MIN,
    };

    /// The latest date of a check-in (and of any instant the patient recorded): tomorrow on
    /// the phone's calendar, a day of slack for a trip across time zones.
    pub fn latest_date(today: NaiveDate) -> NaiveDate {
        today.checked_add_days(Days::new(1)).unwrap_or(today)
    }

    /// The latest procedure date: one booked up to two years ahead.
    pub fn latest_procedure_date(today: NaiveDate) -> NaiveDate {
        today.checked_add_days(Days::new(731)).unwrap_or(today)
    }

    /// Whether `date` can be a procedure date on a phone whose date is `today`.
    pub fn procedure_date_ok(date: NaiveDate, today: NaiveDate) -> bool {
        (EARLIEST_DATE..=latest_procedure_date(today)).contains(&date)
    }

    /// Minutes walked or stood before symptoms, or timed: at most a day.
    pub const MAX_MINUTES: f64 = 1440.0;

    /// A distance walked at one time, in its own unit (200 km, or about 61 km in feet): what
    /// the form has always taken.
    pub const MAX_DISTANCE: f64 = 200_000.0;

    /// A body temperature as a thermometer shows it, in its unit: 25–45 °C (77–113 °F).
    /// Wider than the form's `TemperatureUnit::plausible_range`, so that every reading the
    /// form ever took still reads.
    pub fn temperature(unit: TemperatureUnit) -> (f64, f64) {
        match unit {
            TemperatureUnit::Celsius => (25.0, 45.0),
            TemperatureUnit::Fahrenheit => (77.0, 113.0),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeuroFinding {
    pub region: Region,
    pub side: Side,
    pub kind: NeuroKind,
    pub severity: Severity,
}

impl NeuroFinding {
    /// What identifies a finding across days: (region, side, kind).
    pub fn key(&self) -> (Region, Side, NeuroKind) {
        (self.region, self.side, self.kind)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    LowerBack,
    Buttock,
    FrontThigh,
    BackThigh,
    OuterThigh,
    Shin,
    Calf,
    TopOfFoot,
    Sole,
    Toes,
    Saddle,
}

impl Region {
    pub const ALL: [Region; 11] = [
        Region::LowerBack,
        Region::Buttock,
        Region::FrontThigh,
        Region::BackThigh,
        Region::OuterThigh,
        Region::Shin,
        Region::Calf,
        Region::TopOfFoot,
        Region::Sole,
        Region::Toes,
        Region::Saddle,
    ];

    /// The sides a finding in this region may have.
    pub fn sides(self) -> &'static [Side] {
        match self {
            Region::Saddle => &[Side::Midline],
            _ => &[Side::Left, Side::Right],
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Left,
    Right,
    Midline,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeuroKind {
    Numbness,
    Tingling,
    Burning,
    Weakness,
}

impl NeuroKind {
    pub const ALL: [NeuroKind; 4] = [
        NeuroKind::Numbness,
        NeuroKind::Tingling,
        NeuroKind::Burning,
        NeuroKind::Weakness,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunctionChecks {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toe_stand: Option<StandResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heel_stand: Option<StandResult>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foot_drag: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leg_gave_way: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fall: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StandResult {
    Ok,
    Hard,
    Cannot,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incision {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandage: Option<Bandage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bleeding_uncontrolled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drainage: Option<Drainage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foul_smell: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redness: Option<Redness>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warm_or_swollen: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edges_open: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bruise_itch_lump: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bandage {
    None,
    Dry,
    Spotted,
    Soaked,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Drainage {
    None,
    BloodTinged,
    ClearWatery,
    Cloudy,
    Pus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Redness {
    None,
    ThinLine,
    BeyondFinger,
    Streaks,
}

/// The warning-sign questions answered yes or no.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Symptoms {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saddle_numbness: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bladder_trouble: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incontinence: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rapid_weakness: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub both_legs: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sudden_severe_back_pain: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allergic_reaction: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chest_pain_or_breathless: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positional_headache: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calf_pain_swelling: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Medication {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub rule: String,
    pub date: NaiveDate,
    pub at: DateTime<FixedOffset>,
    pub action: AckAction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AckAction {
    CalledClinic,
    WentToEmergency,
    WillMention,
    Other,
}

/// Why a value was refused; the format layer adds the field path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeError(pub String);

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A pain rating: a whole number from 0 (no pain) to 10 (worst imaginable).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "serde_json::Number", into = "u8")]
pub struct Rating(u8);

impl Rating {
    pub fn new(value: u8) -> Result<Self, RangeError> {
        if value <= 10 {
            Ok(Rating(value))
        } else {
            Err(RangeError(format!(
                "must be a whole number from 0 to 10 (found {value})"
            )))
        }
    }
    pub fn get(self) -> u8 {
        self.0
    }
}

/// Severity of a numbness/tingling/burning/weakness finding: a whole number from 1 to 10.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "serde_json::Number", into = "u8")]
pub struct Severity(u8);

impl Severity {
    pub fn new(value: u8) -> Result<Self, RangeError> {
        if (1..=10).contains(&value) {
            Ok(Severity(value))
        } else {
            Err(RangeError(format!(
                "must be a whole number from 1 to 10 (found {value})"
            )))
        }
    }
    pub fn get(self) -> u8 {
        self.0
    }
}

fn whole_number(n: &serde_json::Number, lo: u8, hi: u8) -> Result<u8, RangeError> {
    match n.as_u64() {
        Some(v) if v <= u64::from(hi) && v >= u64::from(lo) => Ok(v as u8),
        _ => Err(RangeError(format!(
            "must be a whole number from {lo} to {hi} (found {n})"
        ))),
    }
}

impl TryFrom<serde_json::Number> for Rating {
    type Error = RangeError;
    fn try_from(n: serde_json::Number) -> Result<Self, RangeError> {
        whole_number(&n, 0, 10).map(Rating)
    }
}

impl TryFrom<serde_json::Number> for Severity {
    type Error = RangeError;
    fn try_from(n: serde_json::Number) -> Result<Self, RangeError> {
        whole_number(&n, 1, 10).map(Severity)
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r.0
    }
}

impl From<Severity> for u8 {
    fn from(s: Severity) -> u8 {
        s.0
    }
}

/// A non-negative, finite quantity (distance, minutes).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Amount(f64);

impl Amount {
    pub fn new(value: f64) -> Result<Self, RangeError> {
        if value.is_finite() && value >= 0.0 {
            Ok(Amount(value))
        } else {
            Err(RangeError(format!(
                "must be a number of 0 or more (found {value})"
            )))
        }
    }
    pub fn get(self) -> f64 {
        self.0
    }
    pub const fn zero() -> Self {
        Amount(0.0)
    }
}

impl TryFrom<f64> for Amount {
    type Error = RangeError;
    fn try_from(v: f64) -> Result<Self, RangeError> {
        Amount::new(v)
    }
}

impl From<Amount> for f64 {
    fn from(a: Amount) -> f64 {
        a.0
    }
}

/// Any finite number (a temperature reading).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Finite(f64);

impl Finite {
    pub fn new(value: f64) -> Result<Self, RangeError> {
        if value.is_finite() {
            Ok(Finite(value))
        } else {
            Err(RangeError("must be a number".into()))
        }
    }
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Finite {
    type Error = RangeError;
    fn try_from(v: f64) -> Result<Self, RangeError> {
        Finite::new(v)
    }
}

impl From<Finite> for f64 {
    fn from(a: Finite) -> f64 {
        a.0
    }
}

#[cfg(test)]
impl Entry {
    /// A check-in with only back pain answered (tests).
    pub fn back_pain(value: u8) -> Entry {
        Entry {
            pain: Some(Pain {
                back: Rating::new(value).ok(),
                ..Pain::default()
            }),
            ..Entry::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_enforced() {
        assert!(Rating::new(10).is_ok());
        assert!(Rating::new(11).is_err());
        assert!(Severity::new(0).is_err());
        assert!(Severity::new(1).is_ok());
        assert!(Amount::new(-0.1).is_err());
        assert!(Amount::new(f64::NAN).is_err());
        assert!(Amount::new(0.0).is_ok());
    }

    #[test]
    fn distance_converts_between_units() {
        let d = Distance {
            value: Amount::new(100.0).unwrap(),
            unit: DistanceUnit::Metres,
        };
        assert!((d.in_unit(DistanceUnit::Feet) - 328.084).abs() < 1e-9);
        assert_eq!(d.in_unit(DistanceUnit::Metres), 100.0);
    }

    #[test]
    fn saddle_is_midline_only() {
        assert_eq!(Region::Saddle.sides(), &[Side::Midline]);
        assert_eq!(Region::Calf.sides(), &[Side::Left, Side::Right]);
    }
}
