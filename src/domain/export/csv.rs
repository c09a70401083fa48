//! CSV export: one row per check-in, columns in `COLUMNS` (documented in the README).
//!
//! - UTF-8 **with** a byte-order mark: Excel opens a CSV without one in the system's legacy
//!   code page and garbles names such as "Ibuprofeno" with accents or "°F"; LibreOffice,
//!   Numbers and Google Sheets all accept the BOM.
//! - RFC 4180: CRLF line ends; every text cell is quoted, quotes doubled; numbers, dates and
//!   answer codes are not (a negative day number stays a number).
//! - Free text (medicines, notes, questions, a clinic questionnaire's answers) never starts a
//!   spreadsheet cell with `=`, `+`, `-`, `@`, a tab or CR: a `'` goes before it, so it is never
//!   run as a formula. That holds where a reader may start a cell inside the text too: after a
//!   `;` (Excel in Spain, Germany or France reads `;`-separated files and honours quotes only
//!   at the start of its own cells, so a quoted `ok;=1+1` would give it a formula cell), a tab,
//!   or a line break.

use crate::domain::calendar::day_number;
use crate::domain::model::*;
use crate::domain::rules::Firing;
use crate::domain::summary::trim_number;
use crate::domain::timed::is_timed;

pub const COLUMNS: [&str; 45] = [
    "date",
    "day",
    "back_pain",
    "leg_pain",
    "incision_pain",
    "medicine_helped",
    "walk_distance",
    "walk_distance_unit",
    "walk_minutes",
    "stand_minutes",
    "neuro",
    "toe_stand",
    "heel_stand",
    "foot_drag",
    "leg_gave_way",
    "fall",
    "bandage",
    "bleeding_uncontrolled",
    "drainage",
    "foul_smell",
    "redness",
    "warm_or_swollen",
    "edges_open",
    "bruise_itch_lump",
    "temperature",
    "temperature_unit",
    "chills",
    "saddle_numbness",
    "bladder_trouble",
    "incontinence",
    "rapid_weakness",
    "both_legs",
    "sudden_severe_back_pain",
    "allergic_reaction",
    "chest_pain_or_breathless",
    "positional_headache",
    "calf_pain_swelling",
    "medications",
    "ask_at_visit",
    "notes",
    "flags",
    "recorded_at",
    // Format v2, appended so that the earlier columns keep their places.
    "walk_minutes_timed",
    "stand_minutes_timed",
    "timed_tests",
];

/// A cell of free text: quoted, and a `'` before every character that would start a formula
/// where some reader starts a cell (the cell's start, and after `;`, a tab or a line break).
pub fn text_cell(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(s.len() + 4);
    out.push('"');
    let mut cell_starts = true;
    for c in s.chars() {
        if cell_starts && matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r') {
            out.push('\'');
        }
        if c == '"' {
            out.push('"');
        }
        out.push(c);
        cell_starts = matches!(c, ';' | '\t' | '\n' | '\r');
    }
    out.push('"');
    out
}

fn opt<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map(f).unwrap_or_default()
}

fn yes_no(v: Option<bool>) -> String {
    opt(v, |b| if b { "yes" } else { "no" }.to_string())
}

/// The serde name of an enum value ("blood_tinged").
fn name<T: serde::Serialize>(v: Option<T>) -> String {
    opt(v, |v| {
        serde_json::to_value(v)
            .ok()
            .and_then(|j| j.as_str().map(str::to_string))
            .unwrap_or_default()
    })
}

/// "walk 7 min (symptoms from 3 min; stopped: symptoms); stand 5 min".
fn timed_tests(e: &Entry) -> String {
    e.timed_tests
        .iter()
        .flatten()
        .map(|t| {
            let mut s = format!(
                "{} {} min",
                name(Some(t.kind)),
                trim_number(t.minutes.get())
            );
            let mut details = Vec::new();
            if let Some(m) = t.first_symptom_minutes {
                details.push(format!("symptoms from {} min", trim_number(m.get())));
            }
            if let Some(b) = t.stopped_because {
                details.push(format!("stopped: {}", name(Some(b))));
            }
            if !details.is_empty() {
                s.push_str(&format!(" ({})", details.join("; ")));
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn to_csv(diary: &Diary, firings: &[Firing]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for (date, e) in &diary.checkins {
        let pain = e.pain.unwrap_or_default();
        let walking = e.walking.unwrap_or_default();
        let f = e.function.unwrap_or_default();
        let i = e.incision.unwrap_or_default();
        let s = e.symptoms.unwrap_or_default();
        let neuro = e.neuro.as_ref().map(|list| {
            list.iter()
                .map(|n| {
                    format!(
                        "{} {} {} {}",
                        name(Some(n.region)),
                        name(Some(n.side)),
                        name(Some(n.kind)),
                        n.severity.get()
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        });
        let meds = e.medications.as_ref().map(|list| {
            list.iter()
                .map(|m| {
                    let mut t = m.name.clone();
                    if let Some(d) = &m.dose {
                        t.push(' ');
                        t.push_str(d);
                    }
                    if let Some(n) = m.times {
                        t.push_str(&format!(" x{n}"));
                    }
                    t
                })
                .collect::<Vec<_>>()
                .join("; ")
        });
        let flags: Vec<&str> = firings
            .iter()
            .filter(|fr| fr.date == *date)
            .map(|fr| fr.rule)
            .collect();
        let cells = [
            date.to_string(),
            opt(day_number(diary.profile.procedure_date, *date), |n| {
                n.to_string()
            }),
            opt(pain.back, |r| r.get().to_string()),
            opt(pain.leg, |r| r.get().to_string()),
            opt(pain.incision, |r| r.get().to_string()),
            yes_no(pain.medicine_helped),
            opt(walking.distance, |d| trim_number(d.value.get())),
            opt(walking.distance, |d| d.unit.symbol().to_string()),
            opt(walking.minutes, |m| trim_number(m.get())),
            opt(e.standing_minutes, |m| trim_number(m.get())),
            text_cell(&neuro.unwrap_or_default()),
            name(f.toe_stand),
            name(f.heel_stand),
            yes_no(f.foot_drag),
            yes_no(f.leg_gave_way),
            yes_no(f.fall),
            name(i.bandage),
            yes_no(i.bleeding_uncontrolled),
            name(i.drainage),
            yes_no(i.foul_smell),
            name(i.redness),
            yes_no(i.warm_or_swollen),
            yes_no(i.edges_open),
            yes_no(i.bruise_itch_lump),
            opt(e.temperature, |t| trim_number(t.value.get())),
            opt(e.temperature, |t| name(Some(t.unit))),
            yes_no(e.chills),
            yes_no(s.saddle_numbness),
            yes_no(s.bladder_trouble),
            yes_no(s.incontinence),
            yes_no(s.rapid_weakness),
            yes_no(s.both_legs),
            yes_no(s.sudden_severe_back_pain),
            yes_no(s.allergic_reaction),
            yes_no(s.chest_pain_or_breathless),
            yes_no(s.positional_headache),
            yes_no(s.calf_pain_swelling),
            text_cell(&meds.unwrap_or_default()),
            text_cell(e.ask_at_visit.as_deref().unwrap_or_default()),
            text_cell(e.notes.as_deref().unwrap_or_default()),
            flags.join(" "),
            opt(e.recorded_at, |t| t.to_rfc3339()),
            yes_no(
                e.walking
                    .and_then(|w| w.minutes)
                    .map(|_| is_timed(e, TimedKind::Walk)),
            ),
            yes_no(e.standing_minutes.map(|_| is_timed(e, TimedKind::Stand))),
            text_cell(&timed_tests(e)),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The clinic questionnaires' file: one row per response (oldest first), with its date, day,
/// questionnaire (`url|version`), score, then one column per linkId of every questionnaire
/// in the diary (in their order). A choice is written as its code.
pub fn questionnaires_csv(diary: &Diary) -> String {
    use crate::domain::questionnaire::{kept, responses, Answer, Item, ItemKind};
    fn links<'a>(items: &'a [Item], out: &mut Vec<&'a str>) {
        for i in items {
            if !matches!(i.kind, ItemKind::Group | ItemKind::Display)
                && !out.contains(&i.link_id.as_str())
            {
                out.push(&i.link_id);
            }
            links(&i.items, out);
        }
    }
    let kept = kept(diary);
    let mut ids = Vec::new();
    for q in &kept {
        links(&q.items, &mut ids);
    }
    let mut out = String::from("\u{feff}date,day,questionnaire,score");
    for id in &ids {
        out.push(',');
        out.push_str(&text_cell(id));
    }
    out.push_str("\r\n");
    let mut rows: Vec<_> = kept
        .iter()
        .flat_map(|q| {
            responses(diary, q)
                .into_iter()
                .map(move |r| (q.canonical(), r))
        })
        .collect();
    rows.sort_by(|a, b| (a.1.date, &a.0).cmp(&(b.1.date, &b.0)));
    for (canonical, r) in rows {
        let mut cells = vec![
            r.date.to_string(),
            opt(r.day, |n| n.to_string()),
            text_cell(&canonical),
            opt(r.score, |s| trim_number((s * 10.0).round() / 10.0)),
        ];
        cells.extend(ids.iter().map(|id| {
            match r.answers.get(*id).map(Vec::as_slice) {
                None | Some([]) => String::new(),
                Some([Answer::Integer(i)]) => i.to_string(),
                Some([Answer::Decimal(d)]) => trim_number(*d),
                Some([Answer::Boolean(b)]) => yes_no(Some(*b)).to_string(),
                // Several answers (a multi-select) in one cell, `|` between them.
                Some(several) => text_cell(
                    &several
                        .iter()
                        .map(Answer::plain)
                        .collect::<Vec<_>>()
                        .join("|"),
                ),
            }
        }));
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn timed_tests_have_their_own_columns_at_the_end() {
        let diary = crate::domain::format::stored_v2();
        let csv = to_csv(&diary, &[]);
        let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert!(
            rows[0].ends_with(",recorded_at,walk_minutes_timed,stand_minutes_timed,timed_tests")
        );
        // The fixture's walk minutes (6) are not the timed walk's (6.4): typed, not timed;
        // its standing minutes (12) are the timed stand's.
        assert!(
            rows[1].ends_with(",no,yes,\"walk 6.4 min (symptoms from 4.1 min; stopped: symptoms); stand 12 min (stopped: tired)\""),
            "{}",
            rows[1]
        );
    }

    #[test]
    fn questionnaires_have_a_file_of_their_own_one_row_per_response() {
        let mut diary = crate::domain::format::stored_v2();
        let csv = questionnaires_csv(&diary);
        assert_eq!(
            csv,
            "\u{feff}date,day,questionnaire,score,\"q1\"\r\n2026-10-28,-5,\"https://clinic.example/q/walking|1\",,250\r\n"
        );
        // A scored questionnaire: the score, then each linkId (codes; groups and display
        // items have no column).
        let q: serde_json::Value =
            serde_json::from_str(include_str!("../../../demo/questionnaires/walking.json"))
                .unwrap();
        let parsed = crate::domain::questionnaire::parse(&q).unwrap();
        let mut a = crate::domain::questionnaire::Answers::new();
        a.insert(
            "legs".into(),
            vec![crate::domain::questionnaire::Answer::code("yes")],
        );
        a.insert(
            "note".into(),
            vec![crate::domain::questionnaire::Answer::String("=1+1".into())],
        );
        let r = crate::domain::questionnaire::response(&parsed, &a, "2026-11-20T10:00:00-05:00");
        crate::domain::questionnaire::record(&mut diary, &q, &r);
        let csv = questionnaires_csv(&diary);
        let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            rows[0],
            "date,day,questionnaire,score,\"q1\",\"legs\",\"rest\",\"bend\",\"blocks\",\"note\""
        );
        assert_eq!(
            rows[2],
            "2026-11-20,18,\"https://clinic.example/questionnaires/walking|2\",1,,\"yes\",,,,\"'=1+1\""
        );
    }

    #[test]
    fn neutralises_formulas_and_quotes() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text_cell("+1"), "\"'+1\"");
        assert_eq!(text_cell("-2"), "\"'-2\"");
        assert_eq!(text_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(text_cell("a, b"), "\"a, b\"");
        assert_eq!(text_cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(text_cell("plain"), "\"plain\"");
        assert_eq!(text_cell(""), "");
        // Where a `;` reader, a tab reader or a line break starts a cell.
        assert_eq!(text_cell("ok;=1+1;"), "\"ok;'=1+1;\"");
        assert_eq!(text_cell("a\tb;@c\r\n-d"), "\"a\tb;'@c\r\n'-d\"");
        assert_eq!(text_cell("2-3 km; fine"), "\"2-3 km; fine\"");
    }

    /// The cells of one line as a reader with `sep` sees them when it honours quotes only at
    /// the start of a cell (Excel and LibreOffice with a `;` list separator; Python's csv).
    fn cells_as_read_with(line: &str, sep: char) -> Vec<String> {
        let mut cells = vec![String::new()];
        let (mut quoted, mut at_start, mut chars) = (false, true, line.chars().peekable());
        while let Some(c) = chars.next() {
            let cell = cells.last_mut().unwrap();
            match c {
                '"' if at_start => quoted = true,
                '"' if quoted && chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' if quoted => quoted = false,
                c if c == sep && !quoted => {
                    cells.push(String::new());
                    at_start = true;
                    continue;
                }
                c => cell.push(c),
            }
            at_start = false;
        }
        cells
    }

    #[test]
    fn no_reader_sees_a_formula_in_a_note_whatever_its_separator() {
        let hostile = [
            "ok;=1+1;",
            "=cmd|' /C calc'!A0",
            "a;+2;-3;@SUM(1)",
            "first line\n=HYPERLINK(\"http://x\")",
            "tab\t=1",
            "both, \"quoted\"; =1",
        ];
        let mut diary = Diary::default();
        for (i, note) in hostile.iter().enumerate() {
            let date = NaiveDate::from_ymd_opt(2026, 11, 1 + i as u32).unwrap();
            diary.put_checkin(
                date,
                Entry {
                    notes: Some(note.to_string()),
                    ask_at_visit: Some(format!("-{note}")),
                    medications: Some(vec![Medication {
                        name: format!("x;{note}"),
                        dose: None,
                        times: None,
                    }]),
                    ..Entry::default()
                },
            );
        }
        let csv = to_csv(&diary, &[]);
        let body = csv.trim_start_matches('\u{feff}');
        for sep in [',', ';', '\t'] {
            // A line break inside quotes is a new row to a reader that did not see the quote.
            for line in body.split(['\n', '\r']) {
                for cell in cells_as_read_with(line, sep) {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@']),
                        "{sep:?} reader: {cell:?} in {line:?}"
                    );
                }
            }
        }
        // A `,` reader that follows RFC 4180 gets every note whole, with its `'` marks.
        let first_row = body.split("\r\n").nth(1).unwrap();
        let cells = cells_as_read_with(first_row, ',');
        assert_eq!(cells.len(), COLUMNS.len());
        let notes = COLUMNS.iter().position(|c| *c == "notes").unwrap();
        assert_eq!(cells[notes], "ok;'=1+1;");
    }

    #[test]
    fn one_row_per_checkin_with_a_bom_and_crlf() {
        let mut diary = Diary::new(Profile {
            procedure_date: NaiveDate::from_ymd_opt(2026, 11, 2),
            ..Profile::default()
        });
        let d = NaiveDate::from_ymd_opt(2026, 10, 30).unwrap();
        diary.put_checkin(
            d,
            Entry {
                pain: Some(Pain {
                    back: Rating::new(4).ok(),
                    ..Pain::default()
                }),
                incision: Some(Incision {
                    drainage: Some(Drainage::BloodTinged),
                    ..Incision::default()
                }),
                notes: Some("=1+1, said \"no\"".into()),
                medications: Some(vec![Medication {
                    name: "Ibuprofeno".into(),
                    dose: Some("400 mg".into()),
                    times: Some(2),
                }]),
                ..Entry::default()
            },
        );
        let csv = to_csv(&diary, &[]);
        assert!(csv.starts_with('\u{feff}'));
        let rows: Vec<&str> = csv
            .trim_start_matches('\u{feff}')
            .split("\r\n")
            .filter(|r| !r.is_empty())
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].split(',').count(), COLUMNS.len());
        assert!(rows[1].starts_with("2026-10-30,-3,4,,"), "{}", rows[1]);
        assert!(rows[1].contains(",blood_tinged,"));
        assert!(rows[1].contains("Ibuprofeno 400 mg x2"));
        assert!(rows[1].contains("\"'=1+1, said \"\"no\"\"\""));
    }
}
