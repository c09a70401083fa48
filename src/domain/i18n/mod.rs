//! Languages: every string the patient reads, in English and Spanish, and dates and numbers
//! in the patient's locale.
//!
//! The catalogue is plain Rust data (`en.rs` defines the `Texts` struct and its English
//! values, `es.rs` the Spanish ones), so a key missing in one language does not compile and a
//! lookup never fails at run time. Fluent was measured against this: see the README.
//! Templates name their values in braces (`"Day {n} after your procedure"`), filled by
//! [`fill`]; the tests check that both languages use the same names.

pub(crate) mod catalogue;
mod en;
mod es;
#[cfg(test)]
mod tests;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub use en::{lookup, Texts};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 language code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language of a BCP 47 tag such as `es-MX`, when the diary speaks it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's name in itself, for the language choice.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &en::EN,
            Lang::Es => &es::ES,
        }
    }

    /// English's texts, without the other languages (`texts` brings them all).
    pub fn english() -> &'static Texts {
        &en::EN
    }

    /// The recovery screen's words (`app::panic_screen`): after a panic nothing more can be
    /// fetched, so these are the only texts of every language in the first download.
    pub fn panic_texts(self) -> PanicTexts {
        macro_rules! panic_texts {
            ($t:expr) => {
                PanicTexts {
                    title: $t.panic_title,
                    text: $t.panic_text,
                    warning: $t.panic_warning,
                    download: $t.panic_download,
                    reload: $t.panic_reload,
                }
            };
        }
        match self {
            Lang::En => panic_texts!(en::EN),
            Lang::Es => panic_texts!(es::ES),
        }
    }
}

/// The recovery screen's words in one language.
pub struct PanicTexts {
    pub title: &'static str,
    pub text: &'static str,
    pub warning: &'static str,
    pub download: &'static str,
    pub reload: &'static str,
}

/// How dates and numbers are written: the language, and the region's conventions (from
/// the browser's language tag when it names the same language); and the language's texts.
#[derive(Clone, Copy)]
pub struct Locale {
    pub lang: Lang,
    /// 37,5 rather than 37.5.
    pub decimal_comma: bool,
    /// "November 22, 2026" rather than "22 November 2026".
    pub month_first: bool,
    /// `lang.texts()`, kept here so that the app can give Spanish from a chunk of its own
    /// (`Locale::in_region`): only code that calls `Lang::texts` carries every language.
    texts: &'static Texts,
}

/// The texts follow from the language.
impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        (self.lang, self.decimal_comma, self.month_first)
            == (other.lang, other.decimal_comma, other.month_first)
    }
}

impl Eq for Locale {}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale")
            .field("lang", &self.lang)
            .field("decimal_comma", &self.decimal_comma)
            .field("month_first", &self.month_first)
            .finish()
    }
}

impl Default for Locale {
    fn default() -> Self {
        Locale::in_region(Lang::En, "en-US", &en::EN)
    }
}

/// Spanish-speaking regions that write a decimal point (CLDR): the Americas north of
/// Colombia, the Caribbean and the US. Elsewhere Spanish writes a decimal comma.
const SPANISH_DECIMAL_POINT: [&str; 13] = [
    "US", "MX", "PR", "DO", "CU", "GT", "HN", "NI", "PA", "SV", "419", "PH", "BZ",
];

/// English-speaking regions that put the month first in long dates.
const ENGLISH_MONTH_FIRST: [&str; 4] = ["US", "PH", "CA", "UM"];

impl Locale {
    /// `lang` written the way `browser_tag` (such as `navigator.language`) writes it, when
    /// the tag is of that language; otherwise the language's most common US usage
    /// (the product's clinics are mostly in the US).
    pub fn new(lang: Lang, browser_tag: &str) -> Locale {
        Locale::in_region(lang, browser_tag, lang.texts())
    }

    /// `Locale::new` with the language's texts given: `texts` must be `lang.texts()`.
    pub fn in_region(lang: Lang, browser_tag: &str, texts: &'static Texts) -> Locale {
        let region = (Lang::from_tag(browser_tag) == Some(lang))
            .then(|| browser_tag.split(['-', '_']).nth(1))
            .flatten()
            .map(|r| r.to_ascii_uppercase());
        let region = region.as_deref();
        match lang {
            Lang::En => Locale {
                lang,
                texts,
                decimal_comma: false,
                month_first: region.is_none_or(|r| ENGLISH_MONTH_FIRST.contains(&r)),
            },
            Lang::Es => Locale {
                lang,
                texts,
                decimal_comma: !region.is_some_and(|r| SPANISH_DECIMAL_POINT.contains(&r)),
                month_first: false,
            },
        }
    }

    pub fn t(&self) -> &'static Texts {
        self.texts
    }

    /// A time of day: "7:00 PM" in US English (and the other month-first regions), "19:00"
    /// elsewhere.
    pub fn time(&self, t: chrono::NaiveTime) -> String {
        use chrono::Timelike;
        if self.lang == Lang::En && self.month_first {
            let (pm, h) = t.hour12();
            format!("{h}:{:02} {}", t.minute(), if pm { "PM" } else { "AM" })
        } else {
            format!("{:02}:{:02}", t.hour(), t.minute())
        }
    }

    /// A percentage, written one way per language: "30%", "30 %" (with a no-break space).
    pub fn percent(&self, v: f64) -> String {
        fill(self.t().percent, &[("n", &self.number(v))])
    }

    /// A distance unit as the screen writes it: "ft" or "pies", "m". (Stored data and
    /// exports keep the format's `ft` and `m`.)
    pub fn distance_symbol(&self, unit: crate::domain::model::DistanceUnit) -> &'static str {
        match unit {
            crate::domain::model::DistanceUnit::Feet => self.t().feet_short,
            crate::domain::model::DistanceUnit::Metres => self.t().metres_short,
        }
    }

    /// A value with at most one decimal: 12 → "12", 37.46 → "37.5" or "37,5".
    pub fn number(&self, v: f64) -> String {
        let s = trim_number(v);
        if self.decimal_comma {
            s.replace('.', ",")
        } else {
            s
        }
    }

    /// "Sunday, November 22, 2026", "Sunday 22 November 2026", "domingo, 22 de noviembre de 2026":
    /// the weekday before `date`.
    pub fn long_date(&self, d: NaiveDate) -> String {
        let weekday = self.t().weekdays[d.weekday().num_days_from_monday() as usize];
        let comma = self.lang == Lang::Es || self.month_first;
        format!("{weekday}{} {}", if comma { "," } else { "" }, self.date(d))
    }

    /// "November 22, 2026", "22 November 2026", "22 de noviembre de 2026".
    pub fn date(&self, d: NaiveDate) -> String {
        let month = self.t().months[d.month0() as usize];
        let (day, year) = (d.day(), d.year());
        match (self.lang, self.month_first) {
            (Lang::Es, _) => format!("{day} de {month} de {year}"),
            (Lang::En, true) => format!("{month} {day}, {year}"),
            (Lang::En, false) => format!("{day} {month} {year}"),
        }
    }

    /// "Nov 22", "22 Nov", "22 nov".
    pub fn day_month(&self, d: NaiveDate) -> String {
        let month = self.t().months_short[d.month0() as usize];
        if self.month_first {
            format!("{month} {}", d.day())
        } else {
            format!("{} {month}", d.day())
        }
    }

    /// "Nov 22, 2026", "22 Nov 2026", "22 nov 2026".
    pub fn day_month_year(&self, d: NaiveDate) -> String {
        if self.month_first {
            format!("{}, {}", self.day_month(d), d.year())
        } else {
            format!("{} {}", self.day_month(d), d.year())
        }
    }

    /// "Sun, Nov 22", "Sun 22 Nov", "dom 22 nov".
    pub fn short_date(&self, d: NaiveDate) -> String {
        let weekday = self.weekday_short(d);
        if self.month_first {
            format!("{weekday}, {}", self.day_month(d))
        } else {
            format!("{weekday} {}", self.day_month(d))
        }
    }

    /// A count in words: "1 day", "43 check-ins", "2,5 días" (see [`plural`]).
    pub fn count(&self, forms: &[&str; 2], n: f64) -> String {
        plural(forms, n, &self.number(n))
    }

    pub fn weekday_short(&self, d: NaiveDate) -> &'static str {
        self.t().weekdays_short[d.weekday().num_days_from_monday() as usize]
    }
}

/// 12 → "12", 12.5 → "12.5" (language-neutral; `Locale::number` for the patient's).
pub fn trim_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}

/// Fills the `{name}` places of a catalogue template. A place without a value stays as it
/// is (the tests make sure every template gets its values).
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The form of a count's words: `forms` is `[one, other]` (English and Spanish both say
/// "1 day", "1 día" and "0 days", "2,5 días"), chosen by `n`, with `{n}` filled by `shown`
/// (`n` as the reader's locale writes it, signed or rounded as the caller needs).
pub fn plural(forms: &[&str; 2], n: f64, shown: &str) -> String {
    let form = if n.abs() == 1.0 { forms[0] } else { forms[1] };
    fill(form, &[("n", shown)])
}

/// The `{name}` places of a template, in order.
pub fn places(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// At most this many characters of a value from a clinic's configuration, a link or a file
/// are copied into a message: a megabyte-long value is not a notice.
pub const SHOWN_CHARS: usize = 40;

/// A value as a message shows it: whole when short, else its first `SHOWN_CHARS` characters
/// and "…".
pub fn clip(value: &str) -> String {
    match value.char_indices().nth(SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_string(),
    }
}

/// A value quoted for the integrators' notice (English): `“112”`, or for a long one
/// `“the first 40 characters…” (1048576 characters)`.
pub fn quote_value(value: &str) -> String {
    let shown = clip(value);
    if shown.len() == value.len() {
        format!("“{value}”")
    } else {
        format!("“{shown}” ({} characters)", value.chars().count())
    }
}

/// "Thing" from "thing" (the first letter only).
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
