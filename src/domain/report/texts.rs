//! The follow-up report's own words (English here, with the keys; Spanish in `texts_es.rs`).
//! Only the report uses them, so they travel in its chunk rather than in the first download.
//! Count words come as `[one, other]` (see `i18n::plural`).

use crate::domain::i18n::catalogue::catalogue;
use crate::domain::i18n::Lang;

catalogue! {
/// The report's texts in one language.
ReportTexts, EN;
strings {
    // ---- The report's frame and details ----
    report_title = "Report for your care team",
    trends = "Trends",
    range_legend = "Show",
    chart_hint = "Shaded bands with “!” mark days with a warning sign. The dashed line is the value before the procedure (its number on the left); the last value is on the right.",
    message_shown = "Message shown: {message}",
    patient_did = "What the patient did: {action}",
    incision_days = "Incision, days 0–14",
    incision_region = "Incision, each day from day 0 to day 14",
    incision_none = "No incision answers recorded in the first two weeks.",
    nerves_now_before = "Numbness, tingling, weakness: now against before",
    print_report = "Print this report",
    summary_both = "before the procedure {before}; latest 7 days {latest} ({change})",
    summary_latest = "latest 7 days {latest}; no value from before the procedure",
    summary_before = "before the procedure {before}; nothing recorded in the latest 7 days",
    summary_nothing = "nothing recorded",
    col_day = "Day",
    col_pain = "Pain",
    col_bandage = "Bandage",
    col_fluid = "Fluid",
    col_redness = "Redness",
    col_other = "Other",
    incision_smell = "bad smell",
    incision_warm = "warm or swollen",
    incision_edges = "edges apart",
    incision_bruise = "bruise, itch or lump",
    incision_bleeding = "bleeding will not stop",
    neuro_none = "No numbness, tingling or weakness answers recorded.",
    neuro_none_either = "None before the procedure and none now.",
    neuro_new = "New: {place} ({n}/10)",
    neuro_same = "Same: {place} ({n}/10)",
    neuro_stronger = "Stronger: {place} ({before} → {n}/10)",
    neuro_weaker = "Weaker: {place} ({before} → {n}/10)",
    neuro_gone = "Gone: {place} (was {before}/10)",
    medicines = "Medicines",
    chart_no_values = "No values in this range.",
    chart_day = "day {n}",
    chart_show_numbers = "Show the numbers: {title}",
    col_date = "Date",
    col_value = "Value ({unit})",

    // ---- The patient's name on paper ----
    name_title = "Your name on the printed page",
    name_text = "If you like, add your name and date of birth to the top of the printed report. They are kept on this phone only: not in your diary file, and in an export only if you tick “Include my name”.",
    name_label = "Your name",
    birth_label = "Date of birth",
    name_save = "Add to the printed page",
    name_remove = "Remove my name",
    name_needed = "Please type your name, or leave both empty.",
    birth_invalid = "Please give a date of birth between 1900 and today.",
    patient_line = "{name} · born {date}",

    // ---- At a glance: when ----
    glance_title = "At a glance",
    day_zero = "Day 0 · the day of the procedure",
    no_procedure_date = "No procedure date given, so no day numbers",
    procedure_on = "Procedure: {date}",
    checkin_span = "{count}, {days}",
    report_date = "Report of {date}",

    // ---- At a glance: measures ----
    window = "Before the procedure → latest 7 days ({days})",
    back = "Back pain",
    leg = "Leg pain",
    walking = "Walking",
    standing = "Standing",
    before_now = "{before}\u{a0}→\u{a0}{now}",
    nothing_now = "nothing in the latest 7 days",
    nothing_before = "no value from before",
    not_recorded = "not recorded",
    percent = "{n}%",
    better = "clinically important improvement",
    worse = "clinically important worsening",
    important_legend = "Clinically important: pain changed by at least 2 points or 30% (the minimal important difference); a questionnaire by at least the clinic's minimal important change.",

    // ---- At a glance: warning signs ----
    signs_title = "Warning signs",
    signs_none = "No warning signs were flagged.",
    tier_emergency = "Emergency",
    tier_call = "Call the clinic",
    tier_followup = "Mention at the visit",
    sign_line = "{what}, {episodes}",
    episode_did = "{when}: {did}",
    did_emergency = "called {number} or went to emergency care",
    did_clinic = "called the clinic",
    did_mention = "will mention it at the visit",
    did_other = "something else",
    did_other_note = "something else: {note}",
    did_nothing = "nothing recorded",
    rule_id = "rule {id}",

    // ---- At a glance: falls, questionnaires, questions ----
    falls = "Falls",
    gave_way = "Leg gave way",
    none_recorded = "none recorded",
    score_change = "{title}: {first} → {latest} ({days})",
    score_one = "{title}: {score} ({when})",
    not_scored = "answered, not scored",
    asks = "The patient asks: “{question}”",
    asks_when = "({when})",
    no_questions = "The patient recorded no questions for the visit.",
    earlier_questions = "Earlier questions from the patient",

    // ---- Day numbers and dates ----
    day_one = "day {n}",
    day_span = "days {from}–{to}",
    date_span = "{from}–{to}",
    list_and = "; ",

    // ---- The incision log ----
    incision_line = "{when}: {what}",
    incision_pain_one = "incision pain {n}",
    incision_pain_span = "incision pain {from}–{to}",
    incision_each_day = "Show each day's answers",
}
lists {
    /// "Day 3 · 3 days after the procedure" and so on, by `glance::Since`.
    after_days: [&'static str; 2] = ["Day {day} · {n} day after the procedure", "Day {day} · {n} days after the procedure"],
    after_weeks: [&'static str; 2] = ["Day {day} · {n} week after the procedure", "Day {day} · {n} weeks after the procedure"],
    after_months: [&'static str; 2] = ["Day {day} · {n} month after the procedure", "Day {day} · {n} months after the procedure"],
    after_years: [&'static str; 2] = ["Day {day} · {n} year after the procedure", "Day {day} · {n} years after the procedure"],
    before_days: [&'static str; 2] = ["{n} day before the procedure", "{n} days before the procedure"],
    checkins: [&'static str; 2] = ["{n} check-in", "{n} check-ins"],
    points: [&'static str; 2] = ["{n}\u{a0}point", "{n}\u{a0}points"],
    earlier: [&'static str; 2] = ["and {n} earlier time (below)", "and {n} earlier times (below)"],
    /// A medicine's span: "{name}: {from} to {to} ({n} days)".
    medicine_span: [&'static str; 2] = ["{name}: {from} to {to} ({n} day)", "{name}: {from} to {to} ({n} days)"],
    /// By `Range` (2 weeks, 6 weeks, 3 months, all).
    ranges: [&'static str; 4] = ["2 weeks", "6 weeks", "3 months", "All"],
    /// The bandage, fluid and redness answers as the day-by-day incision table writes them.
    incision_words: [(&'static str, &'static str); 13] = [
        ("bandage.none", "none"), ("bandage.dry", "dry"), ("bandage.spotted", "spotted"),
        ("bandage.soaked", "soaked"), ("drainage.none", "none"), ("drainage.blood_tinged", "blood-tinged"),
        ("drainage.clear_watery", "clear, watery"), ("drainage.cloudy", "cloudy"), ("drainage.pus", "pus"),
        ("redness.none", "none"), ("redness.thin_line", "thin line"), ("redness.beyond_finger", "beyond a finger-width"), ("redness.streaks", "red streaks"),
    ],
    /// A run of the incision log, by its answers.
    incision_run_words: [(&'static str, &'static str); 13] = [
        ("bandage.none", "no bandage"), ("bandage.dry", "bandage dry"), ("bandage.spotted", "bandage spotted"),
        ("bandage.soaked", "bandage soaked through"), ("drainage.none", "no fluid"),
        ("drainage.blood_tinged", "blood-tinged fluid"), ("drainage.clear_watery", "clear watery fluid"),
        ("drainage.cloudy", "cloudy fluid"), ("drainage.pus", "pus"), ("redness.none", "no redness"),
        ("redness.thin_line", "a thin red line at the edge"), ("redness.beyond_finger", "redness beyond a finger-width"),
        ("redness.streaks", "red streaks"),
    ],
}
}

/// The report's texts in `lang`.
pub fn report_texts(lang: Lang) -> &'static ReportTexts {
    match lang {
        Lang::En => &EN,
        Lang::Es => &super::texts_es::ES,
    }
}
