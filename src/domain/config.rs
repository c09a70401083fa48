//! The embedding contract: a clinic configures the diary with key/value pairs, as the
//! attributes of a `<recovery-diary>` element or the query of an iframe URL. Every value is
//! validated; an invalid one is reported and its default used, and a key given twice is
//! reported with its first value used (as HTML does with attributes). Values are only ever
//! shown as text (clipped: `i18n::quote_value`) or used as a `tel:` number, never as HTML or
//! another URL.
//!
//! Where the pairs come from decides whose phone numbers win (`Source`): the clinic's in its
//! own portal (its element, or its iframe); the patient's on a page opened directly from a
//! link, which anyone can send.

use chrono::NaiveDate;

use super::i18n::quote_value;
use super::model::{DistanceUnit, TemperatureUnit};
use super::rules::{ClinicSettings, RawSettings};

/// The keys a clinic may set (kebab-case, the same in attributes and URL queries).
pub const KEYS: [&str; 17] = [
    "clinic-name",
    "clinic-phone",
    "after-hours-phone",
    "emergency-number",
    "procedure-date",
    "fever-threshold-c",
    "pain-rise-points",
    "pain-rise-ratio",
    "pain-rise-days",
    "language",
    "distance-unit",
    "temperature-unit",
    "theme-primary",
    "theme-danger",
    "namespace",
    "theme",
    "questionnaires",
];

/// Where the configuration came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Source {
    /// The attributes of a `<recovery-diary>` element: the clinic's own portal page.
    #[default]
    Element,
    /// The query of the page's URL inside a frame: the clinic's portal embedding it.
    Frame,
    /// The query of the page's URL on a page opened directly (not in a frame): a link, which
    /// anyone can send, so it never changes a number the patient entered.
    Link,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedConfig {
    pub source: Source,
    pub clinic_name: Option<String>,
    /// Clinic numbers and thresholds (validated again with the rule table's ranges).
    pub settings: RawSettings,
    pub procedure_date: Option<NaiveDate>,
    pub language: Option<crate::domain::i18n::Lang>,
    pub distance_unit: Option<DistanceUnit>,
    pub temperature_unit: Option<TemperatureUnit>,
    /// CSS custom properties to set: ("--primary", "#0b4f9c").
    pub theme: Vec<(&'static str, String)>,
    pub namespace: Option<String>,
    /// The clinic's questionnaire files, as written (relative URLs): the app resolves them
    /// against the page and refuses any of another origin.
    pub questionnaires: Vec<QuestionnaireFile>,
}

/// One clinic questionnaire file and, when the configuration gives them, the days after
/// the procedure it is due (`q/phq9.json@-7,42,90`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuestionnaireFile {
    pub path: String,
    pub days: Option<Vec<i64>>,
}

/// A due day as written: a whole number of days, at most 10 years either side.
fn due_day(v: &str) -> Option<i64> {
    let n: i64 = v.strip_prefix('+').unwrap_or(v).parse().ok()?;
    (-3660..=3660).contains(&n).then_some(n)
}

/// `q/a.json@-7,42,90 q/b.json` (attribute) or `q/a.json@-7,42,90,q/b.json` (query): files
/// separated by spaces or commas, each with its due days after `@`; a number after a file's
/// days is one more of its days.
fn questionnaire_files(v: &str) -> (Vec<QuestionnaireFile>, Vec<String>) {
    let (mut files, mut problems): (Vec<QuestionnaireFile>, Vec<String>) = (Vec::new(), Vec::new());
    for piece in v
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        if let (Some(n), Some(last)) = (due_day(piece), files.last_mut()) {
            if let Some(days) = &mut last.days {
                days.push(n);
                continue;
            }
        }
        match piece.rsplit_once('@') {
            Some((path, first)) if !path.is_empty() => match due_day(first) {
                Some(n) => files.push(QuestionnaireFile {
                    path: path.to_string(),
                    days: Some(vec![n]),
                }),
                None => {
                    problems.push(format!(
                        "“{piece}”: the due days after @ must be whole numbers of days since the procedure, like q/phq9.json@-7,42,90; the file is offered without them."
                    ));
                    files.push(QuestionnaireFile {
                        path: path.to_string(),
                        days: None,
                    });
                }
            },
            _ => files.push(QuestionnaireFile {
                path: piece.to_string(),
                days: None,
            }),
        }
    }
    (files, problems)
}

/// At most this many questionnaire files (each is fetched and kept in storage).
pub const MAX_QUESTIONNAIRES: usize = 8;

/// A configuration value that was not used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigProblem {
    pub key: String,
    pub message: String,
}

fn hex_colour(v: &str) -> Option<(f64, f64, f64)> {
    let h = v.strip_prefix('#')?;
    let full: String = match h.len() {
        3 => h.chars().flat_map(|c| [c, c]).collect(),
        6 => h.to_string(),
        _ => return None,
    };
    let n = u32::from_str_radix(&full, 16).ok()?;
    let c = |shift: u32| f64::from((n >> shift) & 0xff) / 255.0;
    Some((c(16), c(8), c(0)))
}

/// WCAG relative luminance and the contrast of a colour against white.
fn contrast_with_white((r, g, b): (f64, f64, f64)) -> f64 {
    let lin = |c: f64| {
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    1.05 / (l + 0.05)
}

/// A number written as in JSON ("38.0", "2", "1.25"), with at most 15 digits
/// (`number::parse_decimal`: no float parser in the first open).
fn number(key: &str, v: &str, problems: &mut Vec<ConfigProblem>) -> Option<f64> {
    match super::number::parse_decimal(v) {
        Some(n) => Some(n),
        None => {
            problems.push(ConfigProblem {
                key: key.into(),
                message: format!(
                    "{} is not a number as the diary reads them (digits with an optional point, at most 15 digits, e.g. 38.5); the default is used.",
                    quote_value(v)
                ),
            });
            None
        }
    }
}

/// A key as the notice names it: a known key as it is, anything else clipped.
fn key_name(key: &str) -> String {
    let clipped = super::i18n::clip(key);
    if clipped.len() == key.len() {
        key.to_string()
    } else {
        quote_value(key)
    }
}

impl EmbedConfig {
    /// Reads key/value pairs; unknown keys, invalid values and keys given twice are
    /// reported, never fatal.
    pub fn parse<'a>(
        source: Source,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (EmbedConfig, Vec<ConfigProblem>) {
        let mut c = EmbedConfig {
            source,
            ..EmbedConfig::default()
        };
        let mut problems = Vec::new();
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for (key, value) in pairs {
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                problems.push(ConfigProblem {
                    key: key_name(key),
                    message: format!(
                        "is given more than once; the first value, {}, is used and {} is not.",
                        quote_value(first),
                        quote_value(value)
                    ),
                });
                continue;
            }
            seen.push((key, value));
            let v = value.trim();
            let q = quote_value(v);
            let mut bad = |message: String| {
                problems.push(ConfigProblem {
                    key: key_name(key),
                    message,
                })
            };
            match key {
                "clinic-name" => {
                    if v.is_empty() || v.chars().count() > 80 {
                        bad("must be 1 to 80 characters; not shown.".into());
                    } else {
                        c.clinic_name = Some(v.to_string());
                    }
                }
                "clinic-phone" => c.settings.clinic_phone = Some(v.to_string()),
                "after-hours-phone" => c.settings.after_hours_phone = Some(v.to_string()),
                "emergency-number" => c.settings.emergency_number = Some(v.to_string()),
                "fever-threshold-c" => c.settings.fever_threshold_c = number(key, v, &mut problems),
                "pain-rise-points" => c.settings.pain_rise_points = number(key, v, &mut problems),
                "pain-rise-ratio" => c.settings.pain_rise_ratio = number(key, v, &mut problems),
                "pain-rise-days" => c.settings.pain_rise_days = number(key, v, &mut problems),
                "procedure-date" => match crate::domain::calendar::parse_iso_date(v) {
                    Some(d) => c.procedure_date = Some(d),
                    None => bad(format!("{q} is not a date like 2026-11-02; not used.")),
                },
                "language" => match crate::domain::i18n::Lang::from_tag(v) {
                    Some(lang) => c.language = Some(lang),
                    _ => bad(format!("{q} is not a supported language (en, es); using the browser's.")),
                },
                "distance-unit" => match v {
                    "ft" => c.distance_unit = Some(DistanceUnit::Feet),
                    "m" => c.distance_unit = Some(DistanceUnit::Metres),
                    _ => bad(format!("{q} must be ft or m; using the browser's locale.")),
                },
                "temperature-unit" => match v {
                    "F" => c.temperature_unit = Some(TemperatureUnit::Fahrenheit),
                    "C" => c.temperature_unit = Some(TemperatureUnit::Celsius),
                    _ => bad(format!("{q} must be F or C; using the browser's locale.")),
                },
                "theme-primary" | "theme-danger" => match hex_colour(v) {
                    Some(rgb) if contrast_with_white(rgb) >= 4.5 => {
                        let var = if key == "theme-primary" { "--primary" } else { "--danger" };
                        c.theme.push((var, v.to_ascii_lowercase()));
                    }
                    Some(_) => bad(format!("{v} is too light for white text (contrast under 4.5:1); using the default colour.")),
                    None => bad(format!("{q} is not a colour like #0b4f9c; using the default.")),
                },
                "namespace" => {
                    if !v.is_empty() && v.len() <= 32 && v.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-') {
                        c.namespace = Some(v.to_string());
                    } else {
                        bad(format!("{q} must be 1 to 32 of a–z, 0–9 and -; the diary uses no namespace."));
                    }
                }
                "questionnaires" => {
                    let (list, wrong) = questionnaire_files(v);
                    for w in wrong {
                        bad(w);
                    }
                    if list.len() > MAX_QUESTIONNAIRES {
                        bad(format!("lists {} files; only the first {MAX_QUESTIONNAIRES} are used.", list.len()));
                    }
                    c.questionnaires = list.into_iter().take(MAX_QUESTIONNAIRES).collect();
                }
                "theme" | "src" | "class" | "id" | "style" => {}
                _ => bad("is not a setting of the diary; ignored.".into()),
            }
        }
        // The clinic numbers and thresholds get the rule table's checks too.
        let (_, errors) = ClinicSettings::from_raw(&c.settings);
        for e in errors {
            let key = match e.setting {
                "emergency number" => {
                    c.settings.emergency_number = None;
                    "emergency-number"
                }
                "clinic phone" => {
                    c.settings.clinic_phone = None;
                    "clinic-phone"
                }
                "after-hours phone" => {
                    c.settings.after_hours_phone = None;
                    "after-hours-phone"
                }
                "fever threshold" => {
                    c.settings.fever_threshold_c = None;
                    "fever-threshold-c"
                }
                "pain rise points" => {
                    c.settings.pain_rise_points = None;
                    "pain-rise-points"
                }
                "pain rise ratio" => {
                    c.settings.pain_rise_ratio = None;
                    "pain-rise-ratio"
                }
                _ => {
                    c.settings.pain_rise_days = None;
                    "pain-rise-days"
                }
            };
            problems.push(ConfigProblem {
                key: key.into(),
                message: e.message,
            });
        }
        (c, problems)
    }

    /// The localStorage key of the diary (and prefix of its other keys).
    pub fn storage_key(&self) -> String {
        match &self.namespace {
            Some(ns) => format!("{ns}:recovery-diary"),
            None => "recovery-diary".to_string(),
        }
    }

    /// The clinic's settings merged with what the patient entered: in the clinic's portal
    /// (`Source::Element`, `Source::Frame`) the clinic's numbers win; from a link
    /// (`Source::Link`) a number the patient entered wins, and the link's fills only what the
    /// patient left empty. Thresholds come from the configuration alone (the patient has none,
    /// and a threshold can only be as strict as the rule table's or stricter).
    pub fn merged(&self, patient: &RawSettings) -> RawSettings {
        let s = &self.settings;
        let pick = |clinic: &Option<String>, own: &Option<String>| {
            let own = own.clone().filter(|v| !v.trim().is_empty());
            match self.source {
                Source::Link => own.or_else(|| clinic.clone()),
                Source::Element | Source::Frame => clinic.clone().or(own),
            }
        };
        RawSettings {
            emergency_number: pick(&s.emergency_number, &patient.emergency_number),
            clinic_phone: pick(&s.clinic_phone, &patient.clinic_phone),
            after_hours_phone: pick(&s.after_hours_phone, &patient.after_hours_phone),
            fever_threshold_c: s.fever_threshold_c,
            pain_rise_points: s.pain_rise_points,
            pain_rise_ratio: s.pain_rise_ratio,
            pain_rise_days: s.pain_rise_days,
        }
    }

    /// The numbers the clinic's portal set: shown in Settings, not editable there. A link
    /// fixes none (its numbers only fill what the patient left empty: `from_link`).
    pub fn fixed_numbers(&self) -> RawSettings {
        match self.source {
            Source::Link => RawSettings::default(),
            Source::Element | Source::Frame => self.settings.clone(),
        }
    }

    /// The numbers a link gave (none in the clinic's portal).
    pub fn from_link(&self) -> RawSettings {
        match self.source {
            Source::Link => self.settings.clone(),
            Source::Element | Source::Frame => RawSettings::default(),
        }
    }

    /// For the notice: each number a link gave that differs from the one the patient
    /// entered, which is kept (`merged`). Empty in the clinic's portal.
    pub fn kept_over_link(&self, patient: &RawSettings) -> Vec<ConfigProblem> {
        if self.source != Source::Link {
            return Vec::new();
        }
        let s = &self.settings;
        [
            ("emergency-number", &s.emergency_number, &patient.emergency_number),
            ("clinic-phone", &s.clinic_phone, &patient.clinic_phone),
            ("after-hours-phone", &s.after_hours_phone, &patient.after_hours_phone),
        ]
        .into_iter()
        .filter_map(|(key, link, own)| {
            let (link, own) = (link.as_deref()?.trim(), own.as_deref()?.trim());
            (!own.is_empty() && link != own).then(|| ConfigProblem {
                key: key.into(),
                message: format!(
                    "this link gives {}, but the number entered on this phone, {}, is kept: a link never changes the patient's own numbers.",
                    quote_value(link),
                    quote_value(own)
                ),
            })
        })
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_many_questionnaire_files_are_cut_with_a_problem() {
        let list = (0..10)
            .map(|i| format!("q{i}.json"))
            .collect::<Vec<_>>()
            .join(" ");
        let (c, problems) =
            EmbedConfig::parse(Source::Element, [("questionnaires", list.as_str())]);
        assert_eq!(c.questionnaires.len(), MAX_QUESTIONNAIRES);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("only the first 8"),
            "{problems:?}"
        );
    }

    #[test]
    fn each_questionnaire_file_with_its_own_due_days() {
        let file = |path: &str, days: Option<Vec<i64>>| QuestionnaireFile {
            path: path.into(),
            days,
        };
        // The same in an attribute (spaces) and in an iframe's query (commas).
        for v in [
            "q/phq9.json@-7,42,90 q/odi.json@+180 q/other.json",
            "q/phq9.json@-7,42,90,q/odi.json@+180,q/other.json",
        ] {
            let (c, problems) = EmbedConfig::parse(Source::Element, [("questionnaires", v)]);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(
                c.questionnaires,
                [
                    file("q/phq9.json", Some(vec![-7, 42, 90])),
                    file("q/odi.json", Some(vec![180])),
                    file("q/other.json", None),
                ]
            );
        }
        let (c, problems) = EmbedConfig::parse(
            Source::Element,
            [("questionnaires", "q/a.json@soon q/b.json@99999")],
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].message.contains("whole numbers of days"));
        assert_eq!(
            c.questionnaires,
            [file("q/a.json", None), file("q/b.json", None)]
        );
    }

    #[test]
    fn reads_a_full_configuration() {
        let (c, problems) = EmbedConfig::parse(
            Source::Element,
            [
                ("clinic-name", "Spine Centre"),
                ("clinic-phone", "+1 555 0100"),
                ("emergency-number", "112"),
                ("procedure-date", "2026-11-02"),
                ("fever-threshold-c", "37.8"),
                ("pain-rise-days", "2"),
                ("language", "es"),
                ("distance-unit", "m"),
                ("temperature-unit", "C"),
                ("theme-primary", "#004488"),
                ("namespace", "clinic-a"),
                ("questionnaires", " q/a.json  q/b.json,q/c.json "),
            ],
        );
        assert!(problems.is_empty(), "{problems:?}");
        let paths: Vec<&str> = c.questionnaires.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["q/a.json", "q/b.json", "q/c.json"]);
        assert_eq!(c.clinic_name.as_deref(), Some("Spine Centre"));
        assert_eq!(c.storage_key(), "clinic-a:recovery-diary");
        assert_eq!(c.theme, vec![("--primary", "#004488".to_string())]);
        let (s, errors) = ClinicSettings::from_raw(&c.settings);
        assert!(errors.is_empty());
        assert_eq!(
            (
                s.emergency_number.as_str(),
                s.fever_threshold_c,
                s.pain_rise_days
            ),
            ("112", 37.8, 2)
        );
    }

    #[test]
    fn every_invalid_value_is_reported_and_dropped() {
        let (c, problems) = EmbedConfig::parse(
            Source::Element,
            [
                ("emergency-number", "javascript:alert(1)"),
                ("clinic-phone", "<img src=x>"),
                ("fever-threshold-c", "40"),
                ("pain-rise-ratio", "lots"),
                ("procedure-date", "tomorrow"),
                ("language", "fr"),
                ("distance-unit", "yards"),
                ("theme-primary", "#ffff00"),
                ("theme-danger", "red; background: url(x)"),
                ("namespace", "../../etc"),
                ("colour", "blue"),
            ],
        );
        let keys: Vec<&str> = problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(problems.len(), 11, "{problems:?}");
        for k in [
            "emergency-number",
            "clinic-phone",
            "fever-threshold-c",
            "pain-rise-ratio",
            "procedure-date",
            "language",
            "distance-unit",
            "theme-primary",
            "theme-danger",
            "namespace",
            "colour",
        ] {
            assert!(keys.contains(&k), "{k} not reported");
        }
        assert_eq!(c.storage_key(), "recovery-diary");
        assert!(c.theme.is_empty());
        assert_eq!(
            ClinicSettings::from_raw(&c.settings).0,
            ClinicSettings::default()
        );
    }

    #[test]
    fn a_key_given_twice_is_reported_and_the_first_value_kept() {
        let (c, problems) = EmbedConfig::parse(
            Source::Frame,
            [
                ("emergency-number", "112"),
                ("clinic-phone", "555 0100"),
                ("emergency-number", "not a number"),
                ("emergency-number", "999"),
            ],
        );
        assert_eq!(c.settings.emergency_number.as_deref(), Some("112"));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().all(|p| p.key == "emergency-number"));
        assert!(
            problems[0]
                .message
                .contains("first value, “112”, is used and “not a number” is not"),
            "{problems:?}"
        );
        // An invalid first value is not replaced by a later one either: the default is used.
        let (c, problems) = EmbedConfig::parse(
            Source::Frame,
            [("emergency-number", "00"), ("emergency-number", "112")],
        );
        assert_eq!(c.settings.emergency_number, None);
        assert_eq!(problems.len(), 2, "{problems:?}");
    }

    #[test]
    fn a_link_never_changes_a_number_the_patient_entered() {
        let patient = RawSettings {
            emergency_number: Some("911".into()),
            clinic_phone: Some("555 0100".into()),
            ..RawSettings::default()
        };
        let pairs = [
            ("emergency-number", "999"),
            ("clinic-phone", "555 6666"),
            ("after-hours-phone", "555 0199"),
        ];
        let (link, problems) = EmbedConfig::parse(Source::Link, pairs);
        assert!(problems.is_empty(), "{problems:?}");
        let m = link.merged(&patient);
        assert_eq!(m.emergency_number.as_deref(), Some("911"));
        assert_eq!(m.clinic_phone.as_deref(), Some("555 0100"));
        // What the patient left empty, the link fills.
        assert_eq!(m.after_hours_phone.as_deref(), Some("555 0199"));
        let kept = link.kept_over_link(&patient);
        let keys: Vec<&str> = kept.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, ["emergency-number", "clinic-phone"]);
        assert!(kept[0].message.contains("gives “999”"), "{kept:?}");
        assert!(kept[0].message.contains("“911”, is kept"), "{kept:?}");
        // The same in the clinic's portal: the clinic's numbers, and nothing to say.
        for source in [Source::Element, Source::Frame] {
            let (portal, _) = EmbedConfig::parse(source, pairs);
            assert_eq!(
                portal.merged(&patient).emergency_number.as_deref(),
                Some("999")
            );
            assert!(portal.kept_over_link(&patient).is_empty());
        }
        // The same number given twice is nothing to report.
        let (same, _) = EmbedConfig::parse(Source::Link, [("emergency-number", " 911")]);
        assert!(same.kept_over_link(&patient).is_empty());
    }

    #[test]
    fn a_megabyte_value_or_key_is_clipped_in_the_notice() {
        let huge = "x".repeat(1 << 20);
        let (_, problems) = EmbedConfig::parse(
            Source::Link,
            [
                ("clinic-name", huge.as_str()),
                ("language", huge.as_str()),
                ("emergency-number", huge.as_str()),
                (huge.as_str(), "1"),
                ("language", huge.as_str()),
            ],
        );
        assert_eq!(problems.len(), 5, "{problems:?}");
        for p in &problems {
            assert!(
                p.key.len() + p.message.len() < 400,
                "{} + {}",
                p.key.len(),
                p.message.len()
            );
        }
        assert!(
            problems[1].message.contains("…” (1048576 characters)"),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.key.contains("…” (1048576 characters)")),
            "{problems:?}"
        );
    }

    #[test]
    fn the_clinics_numbers_win_over_the_patients() {
        let (c, _) = EmbedConfig::parse(Source::Element, [("clinic-phone", "555 0100")]);
        let patient = RawSettings {
            clinic_phone: Some("555 9999".into()),
            after_hours_phone: Some("555 0199".into()),
            ..RawSettings::default()
        };
        let m = c.merged(&patient);
        assert_eq!(m.clinic_phone.as_deref(), Some("555 0100"));
        assert_eq!(m.after_hours_phone.as_deref(), Some("555 0199"));
    }
}
