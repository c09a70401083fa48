// Every screen of the app, each with how to reach it from a fresh page. Used by the
// accessibility test and by scripts/screenshots.mjs.
import { openApp, diaryWith, isoDay, KEY, QUESTIONNAIRES } from './harness.mjs';
import { followUp } from './follow-up.mjs';

const ready = (extra = {}) => diaryWith({ days: [-1, -2, -4], ...extra });
/**
 * A bladder problem on day -2 (A2); chills (B1) and a question for the visit (C5) on day -1:
 * the older emergency is still listed before the newer call (rules.md v1.1).
 */
export function flagged() {
  const d = diaryWith({ days: [-1, -2, -4] });
  d.checkins[0].chills = true;
  d.checkins[0].ask_at_visit = 'When can I drive?';
  d.checkins[1].symptoms = { bladder_trouble: true };
  return d;
}

/** The words the screens are reached by, in each language (`o.lang`, English by default). */
/**
 * Flags answered "Something else": the emergency of yesterday ("it has stopped") and the
 * call of today, each kept as a line on home through the next day.
 */
export function answered() {
  const d = diaryWith({ days: [-1, -2, -4] });
  d.checkins[0].chills = true;
  d.checkins[0].symptoms = { bladder_trouble: true };
  const at = `${isoDay(0)}T08:00:00+00:00`;
  d.acknowledgements = [
    { rule: 'A2', date: isoDay(-1), at, action: 'other', note: 'It has stopped. I waited' },
    { rule: 'B1', date: isoDay(-1), at, action: 'other', note: 'Rested' },
  ];
  return d;
}

export const WORDS = {
  en: {
    understand: 'I understand, continue', procedureDate: /Date of your procedure/, next: 'Next',
    describe: /Describe my typical day/, start: "Start today's check-in", step: (n) => `Step ${n} of 8`,
    report: 'Report', history: 'History', deleteOne: /^Delete /, yesDelete: 'Yes, delete it',
    settings: 'Settings', data: 'Save, share or import', yourData: 'Your data', warningNow: 'Warning sign now',
    noNumber: "I don't have it now", noneOfThese: 'I have none of these', nothingNew: 'Nothing new today',
    save: 'Save', leave: 'Leave', somethingElse: 'Something else', stillNo: 'No, it has stopped', addNumber: "Add the clinic's number",
  },
  es: {
    understand: 'Entiendo, continuar', procedureDate: /Fecha de su procedimiento/, next: 'Siguiente',
    describe: /Describir mi día típico/, start: 'Empezar el registro de hoy', step: (n) => `Paso ${n} de 8`,
    report: 'Informe', history: 'Historial', deleteOne: /^Borrar /, yesDelete: 'Sí, borrarlo',
    settings: 'Ajustes', data: 'Guardar, compartir o importar', yourData: 'Sus datos', warningNow: 'Señal de alarma ahora',
    noNumber: 'Ahora no lo tengo', noneOfThese: 'No tengo ninguna de estas', nothingNew: 'Nada nuevo hoy',
    save: 'Guardar', leave: 'Salir', somethingElse: 'Otra cosa', stillNo: 'No, ya se me pasó', addNumber: 'Añadir el número de la clínica',
  },
};
const words = (o) => WORDS[o?.lang ?? 'en'];

/** Back to the top of the page: Playwright's clicks scroll the page, a person's taps do not. */
const top = (page) => page.evaluate(() => window.scrollTo(0, 0));

/** Answers each page of a questionnaire with its first option until `selector` shows. */
async function answerUntil(page, selector) {
  for (let i = 0; i < 10 && !(await page.locator(selector).count()); i++) {
    if (await page.locator('.questionnaire .tile').count()) await page.locator('.questionnaire .tile input').first().check();
    await page.locator('.wizard-nav .primary').click();
  }
  await page.locator(selector).waitFor();
}

async function checkInStep(page, n, w) {
  await page.getByRole('button', { name: w.start }).click();
  await page.getByText(w.step(1)).waitFor(); // the check-in's chunk may still be on its way
  if (n === 1) return;
  // The warning step needs an answer before the wizard goes on.
  await page.getByRole('button', { name: w.noneOfThese }).click();
  await page.getByText(w.step(2)).waitFor();
  for (let i = 2; i < n; i++) {
    await page.getByRole('button', { name: w.next, exact: true }).click();
    await page.getByText(w.step(i + 1)).waitFor();
  }
}

/**
 * Day 42 after the procedure; the demo's daily-life questionnaire answered on day -5
 * (everything "much", 75%) and on day 40 (everything "slight", 25%).
 */
export function answeredTwice() {
  const d = diaryWith({ procedureOffset: -42, days: [-1] });
  d.format = 'recovery-diary'; d.version = 2;
  const url = 'https://clinic.example/questionnaires/daily-life';
  const es = (text) => ({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'es' }, { url: 'content', valueString: text }] }] });
  d.questionnaires = [{ resourceType: 'Questionnaire', url, version: '1', status: 'active', title: 'Daily life with your back (example)', _title: es('La vida diaria con su espalda (ejemplo)'),
    extension: [{ url: 'urn:recovery-diary:score', valueCode: 'percent' }, { url: 'urn:recovery-diary:mid', valueDecimal: 10 }],
    item: ['dressing', 'lifting'].map((linkId) => ({ linkId, type: 'choice', text: linkId, answerOption: ['none', 'slight', 'some', 'much', 'cannot'].map((code, i) => ({
      valueCoding: { code, display: code }, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: i }] })) })) }];
  const answer = (day, code) => ({ resourceType: 'QuestionnaireResponse', questionnaire: `${url}|1`, status: 'completed', authored: `${isoDay(day)}T10:00:00Z`,
    item: ['dressing', 'lifting'].map((linkId) => ({ linkId, answer: [{ valueCoding: { code } }] })) });
  d.questionnaire_responses = [answer(-47, 'much'), answer(-2, 'slight')];
  return d;
}

export const SCREENS = [
  { name: 'setup-welcome', open: (b, url, o) => openApp(b, url, o) },
  { name: 'setup-procedure-date', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, o); await p.getByRole('button', { name: w.understand }).click(); await p.getByLabel(w.procedureDate).waitFor(); return p; } },
  { name: 'setup-clinic-number', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, o); await p.getByRole('button', { name: w.understand }).click(); await p.getByRole('button', { name: w.next }).click(); await p.locator('#setup-clinic-phone').waitFor(); return p; } },
  { name: 'setup-baseline-offer', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, o); await p.getByRole('button', { name: w.understand }).click(); await p.getByRole('button', { name: w.next }).click(); await p.getByRole('button', { name: w.noNumber }).click(); await p.getByRole('button', { name: w.next }).click(); await p.getByRole('button', { name: w.describe }).waitFor(); return p; } },
  { name: 'home', open: (b, url, o) => openApp(b, url, { ...o, diary: ready() }) },
  { name: 'home-new-no-baseline', open: (b, url, o) => openApp(b, url, { ...o, diary: diaryWith({ procedureOffset: 3, baseline: false }) }) },
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
    name: `checkin-step-${n}`,
    open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: ready() }); await checkInStep(p, n, words(o)); return p; },
  })),
  { name: 'checkin-timed-walk', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: ready() }); await checkInStep(p, 3, words(o)); await p.locator('#timed-walk button').click(); await p.locator('#timed-walk button.primary').click(); await p.locator('#timed-walk [role=timer]').waitFor(); await top(p); return p; } },
  { name: 'checkin-timed-walk-stopped', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: ready() }); await checkInStep(p, 3, words(o)); await p.locator('#timed-walk button').click(); await p.locator('#timed-walk button.primary').click(); await p.locator('#timed-walk button.stop').click(); await p.locator('#timed-walk fieldset').waitFor(); await top(p); return p; } },
  { name: 'checkin-emergency-answer', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: ready() }); await checkInStep(p, 1, words(o)); await p.locator('input[name="q-bladder_trouble"]').first().check(); await p.getByRole('alertdialog').waitFor(); return p; } },
  { name: 'home-with-flags', open: (b, url, o) => openApp(b, url, { ...o, diary: flagged() }) },
  { name: 'home-flag-still-happening', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: flagged() }); await p.locator('.banner[data-rule="A2"]').getByRole('button', { name: w.somethingElse }).click(); await p.locator('.still-happening').waitFor(); return p; } },
  { name: 'home-flag-something-else', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: flagged() }); await p.locator('.banner[data-rule="A2"]').getByRole('button', { name: w.somethingElse }).click(); await p.getByRole('button', { name: w.stillNo }).click(); await p.locator('.ack-note input').waitFor(); return p; } },
  { name: 'home-add-clinic-number', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: flagged() }); await p.locator('.banner[data-rule="B1"]').getByRole('button', { name: w.addNumber }).click(); await p.locator('.add-number input').waitFor(); return p; } },
  { name: 'home-answered-lines', open: (b, url, o) => openApp(b, url, { ...o, diary: answered() }) },
  { name: 'home-today-unanswered', open: (b, url, o) => openApp(b, url, { ...o, diary: diaryWith({ days: [0, -1] }) }) },
  { name: 'home-draft-missed', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: ready(), draft: true }); await p.locator('.missed-line').click(); await p.locator('.missed-days').waitFor(); return p; } },
  { name: 'quick-checkin', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: ready() }); await p.getByRole('button', { name: w.nothingNew }).click(); await p.getByText(w.step(1).replace(/8$/, '2')).waitFor(); return p; } },
  { name: 'checkin-warning-required', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: ready() }); await checkInStep(p, 1, w); await p.getByRole('button', { name: w.next, exact: true }).click(); await p.locator('.held').waitFor(); return p; } },
  { name: 'checkin-missing-measures', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: ready() }); await checkInStep(p, 8, w); await p.getByRole('button', { name: w.save, exact: true }).click(); await p.locator('.missing-measures').waitFor(); return p; } },
  { name: 'checkin-leave', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: ready() }); await checkInStep(p, 2, w); await p.getByRole('button', { name: w.leave, exact: true }).click(); await p.locator('.leave').waitFor(); return p; } },
  { name: 'history', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: ready() }); await p.getByRole('button', { name: w.history }).click(); await p.getByRole('heading', { name: w.history, level: 1 }).waitFor(); return p; } },
  { name: 'history-confirm-delete', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: ready() }); await p.getByRole('button', { name: w.history }).click(); await p.getByRole('button', { name: w.deleteOne }).first().click(); await p.getByRole('button', { name: w.yesDelete }).waitFor(); return p; } },
  { name: 'settings', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: ready() }); await p.getByRole('button', { name: w.settings }).click(); await p.getByRole('heading', { name: w.settings }).waitFor(); return p; } },
  { name: 'your-data', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: ready() }); await p.getByRole('button', { name: w.settings }).click(); await p.getByRole('button', { name: w.data }).click(); await p.getByRole('heading', { name: w.yourData }).waitFor(); return p; } },
  { name: 'warning-now-clinic', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: ready(), query: '?clinic-phone=555-0100&after-hours-phone=555-0199' }); await p.getByRole('button', { name: w.warningNow }).click(); await p.getByRole('heading', { name: w.warningNow }).waitFor(); return p; } },
  { name: 'warning-now', open: async (b, url, o) => { const w = words(o); const p = await openApp(b, url, { ...o, diary: ready() }); await p.getByRole('button', { name: w.warningNow }).click(); await p.getByRole('heading', { name: w.warningNow }).waitFor(); return p; } },
  { name: 'questionnaire-due', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: diaryWith({ procedureOffset: 3 }), query: QUESTIONNAIRES }); await p.locator('.questionnaire-due').nth(1).waitFor(); return p; } },
  { name: 'questionnaire-choice', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: diaryWith({ procedureOffset: 3 }), query: QUESTIONNAIRES }); await p.locator('.questionnaire-due button').nth(1).click(); await p.locator('.questionnaire fieldset').waitFor(); return p; } },
  { name: 'questionnaire-number', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: diaryWith({ procedureOffset: 3 }), query: QUESTIONNAIRES }); await p.locator('.questionnaire-due button').nth(1).click(); await answerUntil(p, '.questionnaire input[type=text]'); await top(p); return p; } },
  { name: 'report', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: followUp() }); await p.getByRole('navigation').getByRole('button', { name: words(o).report }).click(); await p.locator('[data-report]').waitFor(); return p; } },
  { name: 'report-questionnaires', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: answeredTwice(), query: QUESTIONNAIRES }); await p.getByRole('navigation').getByRole('button', { name: words(o).report }).click(); await p.locator('.clinic-questionnaire svg').waitFor(); await p.locator('.clinic-questionnaire').first().scrollIntoViewIfNeeded(); return p; } },
  { name: 'unreadable-storage', open: (b, url, o) => openApp(b, url, { ...o, diary: '{"format":"recovery-diary","version":1,"checkins":[{"date":"2026-11-02","pain":{"back":42}}]}' }) },
];

export { KEY };
