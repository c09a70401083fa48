// The follow-up visit's diary for the report's tests and screenshots: the harness's six weeks
// with one warning sign of each tier (trouble passing urine on day 7, the patient went to
// emergency care; chills on day 22, nothing recorded; a bruise on day 4), a fall on day 12,
// a question on day 40, and the demo's daily-life questionnaire on day -3 and day 40. The
// native test `domain::report::tests` builds the same diary.
import { readFileSync } from 'node:fs';
import { sixWeeks, isoDay } from './harness.mjs';

const DAILY_LIFE = JSON.parse(readFileSync(new URL('../../demo/questionnaires/daily-life.json', import.meta.url), 'utf8'));
const ITEMS = ['dressing', 'lifting', 'sitting', 'sleeping', 'outings'];

function answered(day, code) {
  return {
    resourceType: 'QuestionnaireResponse', questionnaire: `${DAILY_LIFE.url}|${DAILY_LIFE.version}`, status: 'completed',
    authored: `${isoDay(day - 42)}T10:00:00Z`,
    item: ITEMS.map((linkId) => ({ linkId, answer: [{ valueCoding: { code } }] })),
  };
}

export function followUp() {
  const d = sixWeeks();
  d.version = 2;
  d.checkins.forEach((c, day) => {
    c.chills = day === 22;
    c.symptoms.bladder_trouble = day === 7;
  });
  d.acknowledgements = [{ rule: 'A2', date: isoDay(7 - 42), at: `${isoDay(7 - 42)}T15:00:00Z`, action: 'went_to_emergency' }];
  d.questionnaires = [DAILY_LIFE];
  d.questionnaire_responses = [answered(-3, 'much'), answered(40, 'slight')];
  return d;
}

/** What the first screenful of the report must hold, by language. */
export const GLANCE = {
  en: [
    'Day 42 · 6 weeks after the procedure',
    'Back pain', '6 → 1.6 (−4.4 points, −74%)', 'clinically important improvement',
    'Leg pain', '7 → 1 (−6 points, −86%)',
    'Walking', '250 → 2590 ft (+2340 ft); 3 → 15.7 min (+12.7 min)',
    'Standing', '8 → 47 min (+39 min)',
    'Emergency', 'Trouble passing urine or feeling a full bladder, day 7: called 911 or went to emergency care',
    'Call the clinic', 'Fever or chills, day 22: nothing recorded', 'New or worse nerve symptoms, or a fall, day 12: nothing recorded',
    'Mention at the visit', 'Minor incision changes (bruise, itch or a soft lump), day 4',
    'Falls: day 12',
    'Daily life with your back (example): 75% → 25% (day −3 → day 40), clinically important improvement',
    'The patient asks: “When can I play golf again?” (day 40)',
  ],
  es: [
    'Día 42 · 6 semanas después del procedimiento',
    'Dolor de espalda', '6 → 1.6 (−4.4 puntos, −74 %)', 'mejoría clínicamente importante',
    'Dolor de pierna', '7 → 1 (−6 puntos, −86 %)',
    'Caminar', '250 → 2590 pies (+2340 pies); 3 → 15.7 min (+12.7 min)',
    'Estar de pie', '8 → 47 min (+39 min)',
    'Emergencia', 'Dificultad para orinar o para notar la vejiga llena, día 7: llamó al 911 o fue a emergencias',
    'Llamar a la clínica', 'Fiebre o escalofríos, día 22: no consta lo que hizo',
    'Comentar en la consulta', 'Cambios leves en la incisión (moretón, picazón o un bulto blando), día 4',
    'Caídas: día 12',
    'La vida diaria con su espalda (ejemplo): 75 % → 25 % (día −3 → día 40), mejoría clínicamente importante',
    'El paciente pregunta: «When can I play golf again?» (día 40)',
  ],
};
