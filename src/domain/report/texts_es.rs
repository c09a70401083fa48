//! The report's words in Spanish (usted, neutral Latin American usage, as `i18n/es.rs`).
//! Every key of `texts.rs`; a missing or extra key does not compile.

use super::texts::ReportTexts;

pub const ES: ReportTexts = ReportTexts {
    // ---- At a glance: when ----
    glance_title: "Resumen",
    day_zero: "Día 0 · el día del procedimiento",
    no_procedure_date: "No se indicó la fecha del procedimiento, así que no hay números de día",
    procedure_on: "Procedimiento: {date}",
    checkin_span: "{count}, del {from} al {to}",
    report_date: "Informe del {date}",

    // ---- At a glance: measures ----
    window: "Antes del procedimiento → últimos 7 días ({days})",
    back: "Dolor de espalda",
    leg: "Dolor de pierna",
    walking: "Caminar",
    standing: "Estar de pie",
    before_now: "{before} → {now}",
    nothing_now: "nada en los últimos 7 días",
    nothing_before: "sin valor de antes",
    not_recorded: "no anotado",
    percent: "{n} %",
    better: "mejoría clínicamente importante",
    worse: "empeoramiento clínicamente importante",
    important_legend: "Clínicamente importante: el dolor cambió al menos 2 puntos o un 30 % (la diferencia mínima importante); un cuestionario, al menos el cambio mínimo importante que indica la clínica.",

    // ---- At a glance: warning signs ----
    signs_title: "Señales de alarma",
    signs_none: "No se marcó ninguna señal de alarma.",
    tier_emergency: "Emergencia",
    tier_call: "Llamar a la clínica",
    tier_followup: "Comentar en la consulta",
    sign_line: "{what}, {episodes}",
    episode_did: "{when}: {did}",
    did_emergency: "llamó al {number} o fue a emergencias",
    did_clinic: "llamó a la clínica",
    did_mention: "lo comentará en la consulta",
    did_other: "otra cosa",
    did_other_note: "otra cosa: {note}",
    did_nothing: "no consta lo que hizo",
    rule_id: "regla {id}",

    // ---- At a glance: falls, questionnaires, questions ----
    falls: "Caídas",
    gave_way: "Le falló la pierna",
    none_recorded: "ninguna anotada",
    score_change: "{title}: {first} → {latest} ({days})",
    score_one: "{title}: {score} ({when})",
    not_scored: "respondido, sin puntuación",
    asks: "El paciente pregunta: «{question}»",
    asks_when: "({when})",
    no_questions: "El paciente no anotó preguntas para la consulta.",
    earlier_questions: "Preguntas anteriores del paciente",

    // ---- Day numbers and dates ----
    day_one: "día {n}",
    day_span: "días {from}–{to}",
    date_span: "{from} a {to}",
    list_and: "; ",

    // ---- The incision log ----
    incision_line: "{when}: {what}",
    incision_pain_one: "dolor en la incisión {n}",
    incision_pain_span: "dolor en la incisión {from}–{to}",
    incision_each_day: "Cada día",

    after_days: ["Día {day} · {n} día después del procedimiento", "Día {day} · {n} días después del procedimiento"],
    after_weeks: ["Día {day} · {n} semana después del procedimiento", "Día {day} · {n} semanas después del procedimiento"],
    after_months: ["Día {day} · {n} mes después del procedimiento", "Día {day} · {n} meses después del procedimiento"],
    after_years: ["Día {day} · {n} año después del procedimiento", "Día {day} · {n} años después del procedimiento"],
    before_days: ["{n} día antes del procedimiento", "{n} días antes del procedimiento"],
    checkins: ["{n} registro", "{n} registros"],
    points: ["{n} punto", "{n} puntos"],
    earlier: ["y {n} vez anterior (abajo)", "y {n} veces anteriores (abajo)"],
    incision_run_words: [
        ("bandage.none", "sin vendaje"), ("bandage.dry", "vendaje seco"), ("bandage.spotted", "vendaje con manchas"),
        ("bandage.soaked", "vendaje empapado"), ("drainage.none", "sin líquido"),
        ("drainage.blood_tinged", "líquido con algo de sangre"), ("drainage.clear_watery", "líquido claro y aguado"),
        ("drainage.cloudy", "líquido turbio"), ("drainage.pus", "pus"), ("redness.none", "sin enrojecimiento"),
        ("redness.thin_line", "una línea roja fina en el borde"), ("redness.beyond_finger", "enrojecimiento de más de un dedo de ancho"),
        ("redness.streaks", "vetas rojas"),
    ],
};
