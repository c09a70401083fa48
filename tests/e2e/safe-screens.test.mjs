// Safe screens for a frightened patient on a small phone: each of them in English and
// Spanish, at 320×568 and 390×844, in the built app. The call link, Start and Stop must be
// inside the first screenful (their bounding boxes in the viewport, without scrolling).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, stored, storedNow, isoDay, diaryWith, axeViolations, KEY, QUESTIONNAIRES } from './harness.mjs';
import { flagged } from './screens.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SMALL = { width: 320, height: 568 };
const PHONE = { width: 390, height: 844 };
const SIZES = { '320×568': SMALL, '390×844': PHONE };

/** The words each test taps or reads, in each language (the catalogue's texts). */
const W = {
  en: {
    warningNow: 'Warning sign now', call: (n) => `Call ${n}`, backToDiary: 'Back to the diary', nowLead: /If you have any of these, call 911 now:/,
    anyOfThese: 'If you have any of these, call 911 now', callMyClinic: /^Call my clinic/,
    start: "Start today's check-in", nothingNew: 'Nothing new today', noneOfThese: 'I have none of these',
    next: 'Next', back: 'Back', save: 'Save', saveAsIs: 'Save as it is', goBackAnswer: 'Go back and answer',
    answerFirst: /Please answer these first/, notAnswered: /Not answered: back pain, leg pain/,
    somethingElse: 'Something else', stillHappening: 'Is it still happening?', stillYes: 'Yes, it is still happening',
    stillNo: 'No, it has stopped', noteLabel: 'What did you do? (a few words)', saveNote: 'Save what I did',
    comesBack: /If it comes back, call 911 now/, goesOn: /Call the clinic today if it goes on/,
    unanswered: /These warning signs were not answered for this day/, noFlag: /Nothing you entered matches/,
    addNumber: "Add the clinic's number", saveNumber: 'Save the number', callClinic: /^Call the clinic: 555-0100/,
    clinicTitle: "Your clinic's phone number", noNumber: "I don't have it now", understand: 'I understand, continue',
    holdOn: 'Hold on to a counter or a sturdy chair. Skip this if you feel unsteady.', didNotTry: 'I did not try',
    mirror: 'Ask someone to look, or use a hand mirror.', couldNotCheck: 'I could not check',
    timeWalk: 'Time my walk', timerStart: 'Start', timerStop: 'Stop', keepResult: 'Keep this result', symptomsMeans: /when leg pain, numbness or heaviness first begins/,
    safety: 'Use your cane or walker if you have one; have someone nearby if you can.',
    leave: 'Leave', keepDraft: 'Keep them as a draft', discard: 'Discard them', goOn: 'Go on with it',
    days: (n) => `${n} days without a check-in`, fillIn: /^Fill in /, describe: /Describe my typical day/,
    settings: 'Settings', home: 'Home', clinicPhone: 'Clinic phone', saved: 'Clinic phone saved.',
  },
  es: {
    warningNow: 'Señal de alarma ahora', call: (n) => `Llamar al ${n}`, backToDiary: 'Volver al diario', nowLead: /Si tiene alguna de estas cosas, llame al 911 ahora:/,
    anyOfThese: 'Si tiene alguna de estas, llame al 911 ahora', callMyClinic: /^Llamar a mi clínica/,
    start: 'Empezar el registro de hoy', nothingNew: 'Nada nuevo hoy', noneOfThese: 'No tengo ninguna de estas',
    next: 'Siguiente', back: 'Atrás', save: 'Guardar', saveAsIs: 'Guardar así', goBackAnswer: 'Volver y responder',
    answerFirst: /Responda esto primero/, notAnswered: /Sin responder: dolor de espalda, dolor de pierna/,
    somethingElse: 'Otra cosa', stillHappening: '¿Todavía le está pasando?', stillYes: 'Sí, todavía me pasa',
    stillNo: 'No, ya se me pasó', noteLabel: '¿Qué hizo? (en pocas palabras)', saveNote: 'Guardar lo que hice',
    comesBack: /Si vuelve, llame al 911 ahora/, goesOn: /Llame hoy a la clínica si continúa/,
    unanswered: /Estas señales de alarma no se respondieron para este día/, noFlag: /Nada de lo que anotó coincide/,
    addNumber: 'Añadir el número de la clínica', saveNumber: 'Guardar el número', callClinic: /^Llamar a la clínica: 555-0100/,
    clinicTitle: 'El teléfono de su clínica', noNumber: 'Ahora no lo tengo', understand: 'Entiendo, continuar',
    holdOn: 'Agárrese de una mesa firme o de una silla resistente. No lo haga si se siente inestable.', didNotTry: 'No lo intenté',
    mirror: 'Pida a alguien que la mire, o use un espejo de mano.', couldNotCheck: 'No pude revisarla',
    timeWalk: 'Cronometrar mi caminata', timerStart: 'Empezar', timerStop: 'Parar', keepResult: 'Guardar este resultado', symptomsMeans: /cuando empiece el dolor, el entumecimiento o la pesadez\./,
    safety: 'Use su bastón o andador si tiene uno; si puede, tenga a alguien cerca.',
    leave: 'Salir', keepDraft: 'Guardarlas como borrador', discard: 'Descartarlas', goOn: 'Seguir con él',
    days: (n) => `${n} días sin registro`, fillIn: /^Completar el /, describe: /Describir mi día típico/,
    settings: 'Ajustes', home: 'Inicio', clinicPhone: 'Teléfono de la clínica', saved: 'Teléfono de la clínica: guardado.',
  },
};

const LANGS = ['en', 'es'];
const open = (o) => openApp(browser, server.url, { ...o, lang: o.lang === 'en' ? undefined : o.lang });

/**
 * The element's box lies inside the viewport as it is, the page not scrolled (`overlay`: the
 * element is in a fixed layer over the page, wherever the page is scrolled).
 */
async function assertOnFirstScreen(page, locator, what, { overlay = false } = {}) {
  await locator.waitFor();
  const { box, scrollY, vw, vh } = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { box: { x: r.x, y: r.y, w: r.width, h: r.height }, scrollY: window.scrollY, vw: innerWidth, vh: innerHeight };
  });
  if (!overlay) assert.equal(scrollY, 0, `${what}: the page is not scrolled`);
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.w <= vw && box.y + box.h <= vh,
    `${what} at ${JSON.stringify(box)} is not inside ${vw}×${vh}`);
  return box;
}

/** No axe violation, and every visible tap target at least 44×44 px. */
async function assertAccessible(page, where) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 1)}`);
  const small = await page.evaluate(() => [...document.querySelectorAll('button, a[href], label.tile, select, input:not([type=radio])')]
    .filter((el) => el.offsetParent !== null)
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 44 || r.height < 44)
    .map(({ el, r }) => `${el.tagName} "${(el.textContent || el.id).trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`));
  assert.deepEqual(small, [], `${where}: ${small.join('; ')}`);
}

const ready = () => diaryWith({ procedureOffset: -3, days: [-1, -2] });

/** Opens today's check-in and waits for its first step. */
async function startCheckIn(page, w) {
  await page.getByRole('button', { name: w.start }).click();
  await page.locator('#wizard-step').waitFor();
}

// ---- 1. "Warning sign now": the call first, the signs as statements, the clinic after ----

for (const lang of LANGS) for (const [sizeName, size] of Object.entries(SIZES)) {
  test(`1. warning sign now: the call is the first thing, on the first screen (${lang}, ${sizeName})`, async () => {
    const w = W[lang];
    const page = await open({ lang, size, diary: ready() });
    await page.getByRole('button', { name: w.warningNow }).click();
    const screen = page.locator('.warning-now-screen');
    await screen.getByRole('heading', { name: w.warningNow }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const call = screen.getByRole('link', { name: w.call('911') });
    await assertOnFirstScreen(page, call, 'the emergency call');
    assert.equal(await call.getAttribute('href'), 'tel:911');
    // Directly under the heading: nothing comes between them.
    const order = await screen.evaluate((s) => [...s.children].slice(0, 2).map((e) => e.tagName + (e.getAttribute('href') ?? '')));
    assert.deepEqual(order, ['H1', 'Atel:911']);
    const signs = await screen.locator('.warning-list li').allInnerTexts();
    assert.equal(signs.length, 8);
    for (const s of signs) assert.ok(!/[?¿]/.test(s), `a statement, not a question: ${s}`);
    assert.match(await screen.innerText(), w.nowLead);
    // No clinic number known: no clinic call.
    assert.equal(await screen.getByRole('link', { name: w.callMyClinic }).count(), 0);
    await assertAccessible(page, `warning now ${lang} ${sizeName}`);
    await page.context().close();
  });
}

test('1. warning sign now: "Call my clinic" and after hours follow when the numbers are known', async () => {
  for (const lang of LANGS) {
    const w = W[lang];
    const page = await open({ lang, size: SMALL, diary: ready(), query: '?clinic-phone=555-0100&after-hours-phone=555-0199' });
    await page.getByRole('button', { name: w.warningNow }).click();
    const screen = page.locator('.warning-now-screen');
    const clinic = screen.getByRole('link', { name: w.callMyClinic });
    assert.equal(await clinic.getAttribute('href'), 'tel:5550100');
    assert.equal(await screen.locator('a[href="tel:5550199"]').count(), 1);
    // After the emergency call and the signs, never before them.
    const links = await screen.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['tel:911', 'tel:5550100', 'tel:5550199']);
    if (lang === 'es') assert.match(await screen.innerText(), /o siente algo distinto al limpiarse/);
    await page.context().close();
  }
});

// ---- 2. An emergency never fades silently ----

for (const lang of LANGS) {
  test(`2. tier A "Something else": still happening → the emergency again; stopped → recorded, a red line through the next day (${lang})`, async () => {
    const w = W[lang];
    const page = await open({ lang, size: SMALL, diary: flagged() });
    const banner = page.locator('.banner[data-rule="A2"]');
    await banner.getByRole('button', { name: w.somethingElse }).click();
    await banner.getByText(w.stillHappening).waitFor();
    // The question has focus, with the flag's call still in view above it, not under the
    // header that stays at the top.
    const place = await banner.evaluate((b) => {
      const q = b.querySelector('.still-happening .question');
      const call = b.querySelector('a[href^="tel:"]').getBoundingClientRect();
      const header = document.querySelector('header.top-bar').getBoundingClientRect().bottom;
      return { focused: document.activeElement === q, header, call: [call.top, call.bottom], question: q.getBoundingClientRect().bottom, vh: innerHeight };
    });
    assert.ok(place.focused, 'the question has focus');
    assert.ok(place.call[0] >= place.header && place.question <= place.vh, JSON.stringify(place));
    await assertAccessible(page, `still happening ${lang}`);
    // Yes: the full-screen emergency alert again, nothing recorded.
    await banner.getByRole('button', { name: w.stillYes }).click();
    const alert = page.getByRole('alertdialog');
    await alert.waitFor();
    await assertOnFirstScreen(page, alert.getByRole('link', { name: w.call('911') }), 'the alert\'s call', { overlay: true });
    assert.equal((await stored(page)).acknowledgements, undefined, 'nothing recorded');
    await alert.getByRole('button', { name: w.backToDiary }).click();
    await alert.waitFor({ state: 'detached' });
    assert.equal(await banner.count(), 1, 'the flag is still there');
    // No: a few words, recorded as "something else" with the answer in its note.
    await banner.getByRole('button', { name: w.somethingElse }).click();
    await banner.getByRole('button', { name: w.stillNo }).click();
    await banner.getByLabel(w.noteLabel).fill('I waited, it got better');
    await banner.getByRole('button', { name: w.saveNote }).click();
    await banner.waitFor({ state: 'detached' });
    const ack = (await stored(page)).acknowledgements.find((a) => a.rule === 'A2');
    assert.equal(ack.action, 'other');
    assert.equal(ack.note, lang === 'en' ? 'It has stopped. I waited, it got better' : 'Ya se me pasó. I waited, it got better');
    const line = page.locator('.answered-line[data-rule="A2"]');
    assert.match(await line.innerText(), w.comesBack);
    assert.equal(await line.getByRole('link', { name: w.call('911') }).getAttribute('href'), 'tel:911');
    await assertAccessible(page, `answered line ${lang}`);
    await page.context().close();
  });
}

test('2. the line stays through the day after the answer, then goes; tier B keeps "if it goes on"', async () => {
  const at = (offset) => `${isoDay(offset)}T20:00:00+00:00`;
  for (const [answered, shown] of [[-1, true], [0, true], [-2, false]]) {
    const diary = flagged();
    diary.acknowledgements = [
      { rule: 'A2', date: isoDay(-2), at: at(answered), action: 'other', note: 'It has stopped.' },
      { rule: 'B1', date: isoDay(-1), at: at(-1), action: 'other', note: 'Rested' },
    ];
    const page = await open({ lang: 'en', size: PHONE, diary });
    await page.locator('main h1').waitFor();
    assert.equal(await page.locator('.banner[data-rule="A2"]').count(), 0);
    assert.equal(await page.locator('.answered-line[data-rule="A2"]').count(), shown ? 1 : 0, `answered on day ${answered}`);
    const b = page.locator('.answered-line[data-rule="B1"]');
    assert.match(await b.innerText(), W.en.goesOn);
    // No clinic number: the line offers to add it.
    assert.equal(await b.getByRole('button', { name: W.en.addNumber }).count(), 1);
    // Tier A before tier B.
    if (shown) {
      const rules = await page.locator('.answered-line').evaluateAll((els) => els.map((e) => e.dataset.rule));
      assert.deepEqual(rules, ['A2', 'B1']);
    }
    await page.context().close();
  }
});

// ---- 3. The warning questions are never skipped silently ----

for (const lang of LANGS) {
  test(`3. the warning step needs an answer; Save lists empty pain and offers to go back (${lang})`, async () => {
    const w = W[lang];
    const page = await open({ lang, size: SMALL, diary: ready() });
    await startCheckIn(page, w);
    await page.getByRole('button', { name: w.next, exact: true }).click();
    const why = page.getByRole('alert').filter({ hasText: w.answerFirst });
    await why.waitFor();
    assert.match(await page.locator('#wizard-step').innerText(), /1/);
    await assertAccessible(page, `warning step refused ${lang}`);
    // Answering each question also lets the wizard go on.
    for (const q of ['saddle_numbness', 'bladder_trouble', 'incontinence', 'rapid_weakness', 'both_legs', 'allergic_reaction', 'chest_pain_or_breathless', 'bleeding_uncontrolled']) {
      await page.locator(`label[for="q-${q}-1"]`).click();
    }
    await page.getByRole('button', { name: w.next, exact: true }).click();
    await page.locator('input[name="pain-back"]').first().waitFor();
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: w.next, exact: true }).click();
    await page.getByRole('button', { name: w.save, exact: true }).click();
    const missing = page.getByRole('alert').filter({ hasText: w.notAnswered });
    await missing.waitFor();
    await assertAccessible(page, `missing measures ${lang}`);
    await missing.getByRole('button', { name: w.goBackAnswer }).click();
    await page.locator('input[name="pain-back"]').first().waitFor();
    // Not forced: the patient may save as it is.
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: w.next, exact: true }).click();
    await page.getByRole('button', { name: w.save, exact: true }).click();
    await page.getByRole('button', { name: w.saveAsIs }).click();
    await page.locator('.notice').waitFor();
    const today = (await stored(page)).checkins.find((c) => c.date === isoDay(0));
    assert.equal(today.symptoms.saddle_numbness, false);
    assert.equal(today.pain, undefined);
    assert.match(await page.locator('.notice').innerText(), w.noFlag);
    await page.context().close();
  });
}

for (const lang of LANGS) {
  test(`3. an imported check-in without warning answers never gets "nothing matches" (${lang})`, async () => {
    const w = W[lang];
    // The file of another phone: today's check-in with pain only.
    const file = diaryWith({ procedureOffset: -3, days: [0] });
    const page = await open({ lang, size: SMALL, diary: diaryWith({ procedureOffset: -3, days: [-1] }) });
    await page.getByRole('button', { name: w.settings }).click();
    await page.locator('section.settings').waitFor();
    await page.getByRole('button', { name: lang === 'en' ? 'Save, share or import' : 'Guardar, compartir o importar' }).click();
    await page.setInputFiles('#import-file', { name: 'diary.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.locator('.import-preview button.primary').click();
    await page.locator('.notice').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: w.home }).click();
    const today = page.locator('.today-card');
    await today.getByText(w.unanswered).waitFor();
    const text = await today.innerText();
    assert.doesNotMatch(text, w.noFlag);
    assert.match(text, new RegExp(w.anyOfThese));
    assert.equal(await today.locator('.warning-list li').count(), 8);
    assert.equal(await today.getByRole('link', { name: w.call('911') }).getAttribute('href'), 'tel:911');
    await assertAccessible(page, `unanswered today ${lang}`);
    await page.context().close();
  });
}

// ---- 4. The clinic's number ----

for (const lang of LANGS) {
  test(`4. setup asks for the clinic's number; "I don't have it now" goes on (${lang})`, async () => {
    const w = W[lang];
    const page = await open({ lang, size: SMALL });
    await page.getByRole('button', { name: w.understand }).click();
    await page.getByRole('button', { name: w.next }).click(); // procedure date
    await page.getByRole('heading', { name: w.clinicTitle }).waitFor();
    const field = page.locator('#setup-clinic-phone');
    assert.equal(await field.getAttribute('type'), 'tel');
    await assertAccessible(page, `setup clinic number ${lang}`);
    await field.fill('555-0100');
    await page.getByRole('button', { name: w.next }).click();
    await page.getByRole('button', { name: w.next }).click(); // units
    await page.getByRole('button', { name: w.describe }).waitFor();
    const settings = await storedNow(page, `${KEY}.settings`);
    assert.equal(settings?.clinic_phone, '555-0100');
    await page.context().close();
    // "I don't have it now" skips it; the clinic's configuration skips the page.
    const again = await open({ lang, size: SMALL });
    await again.getByRole('button', { name: w.understand }).click();
    await again.getByRole('button', { name: w.next }).click();
    await again.getByRole('button', { name: w.noNumber }).click();
    await again.locator('fieldset').first().waitFor(); // units
    await again.context().close();
    const configured = await open({ lang, size: SMALL, query: '?clinic-phone=555-0100' });
    await configured.getByRole('button', { name: w.understand }).click();
    await configured.getByRole('button', { name: w.next }).click();
    await configured.locator('fieldset').first().waitFor();
    assert.equal(await configured.getByRole('heading', { name: w.clinicTitle }).count(), 0);
    await configured.context().close();
  });
}

for (const lang of LANGS) {
  test(`4. a tier-B card without a number adds it in place; Settings saves a number without a button (${lang})`, async () => {
    const w = W[lang];
    const page = await open({ lang, size: SMALL, diary: flagged() });
    const card = page.locator('.banner[data-rule="B1"]');
    await card.getByRole('button', { name: w.addNumber }).click();
    const field = card.locator('input[type=tel]');
    await field.waitFor();
    assert.ok(await field.isVisible());
    assert.equal(await page.evaluate(() => document.activeElement?.type), 'tel', 'the field has focus');
    // Scrolled to where the patient sees it: not under the header that stays at the top.
    assert.ok(await field.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el;
    }), 'the focused field is on screen, uncovered');
    await assertAccessible(page, `add number in place ${lang}`);
    await field.fill('555-0100');
    await card.getByRole('button', { name: w.saveNumber }).click();
    const call = card.getByRole('link', { name: w.callClinic });
    await call.waitFor();
    assert.equal(await call.getAttribute('href'), 'tel:5550100');
    assert.equal((await stored(page, `${KEY}.settings`)).clinic_phone, '555-0100');
    // Settings: change it; it saves as it is entered, no separate button.
    await page.getByRole('button', { name: w.settings }).click();
    const phone = page.getByLabel(w.clinicPhone, { exact: true });
    await phone.fill('555-0111');
    await phone.press('Enter');
    await page.getByText(w.saved).waitFor();
    assert.equal((await stored(page, `${KEY}.settings`)).clinic_phone, '555-0111');
    assert.equal(await page.locator('section.settings button[disabled]').count(), 0, 'no greyed-out button');
    await assertAccessible(page, `settings, a number saved ${lang}`);
    await page.context().close();
  });
}

// ---- 5. Safe self-checks ----

for (const lang of LANGS) {
  test(`5. toe and heel stand: hold on, "I did not try"; the incision: a mirror, "I could not check" (${lang})`, async () => {
    const w = W[lang];
    const page = await open({ lang, size: SMALL, diary: ready() });
    await startCheckIn(page, w);
    await page.getByRole('button', { name: w.noneOfThese }).click();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: w.next, exact: true }).click();
    await page.getByText(w.holdOn).waitFor();
    await page.locator('label[for="toe-stand-3"]').click();
    assert.equal(await page.locator('label[for="toe-stand-3"]').innerText(), w.didNotTry);
    await page.locator('label[for="heel-stand-0"]').click();
    await assertAccessible(page, `function step ${lang}`);
    await page.getByRole('button', { name: w.next, exact: true }).click();
    await page.getByText(w.mirror).waitFor();
    await assertAccessible(page, `incision step ${lang}`);
    await page.getByRole('button', { name: w.couldNotCheck }).click();
    await page.getByRole('button', { name: w.next, exact: true }).click();
    await page.getByRole('button', { name: w.save, exact: true }).click();
    await page.getByRole('button', { name: w.saveAsIs }).click();
    await page.locator('.notice').waitFor();
    const today = (await stored(page)).checkins.find((c) => c.date === isoDay(0));
    assert.equal(today.function.toe_stand, undefined, '"I did not try" is no answer');
    assert.equal(today.function.heel_stand, 'ok');
    assert.deepEqual(today.incision, { bleeding_uncontrolled: false }, '"I could not check" is no answer');
    await page.context().close();
  });
}

// ---- 6. A focused timer ----

for (const lang of LANGS) for (const [sizeName, size] of Object.entries(SIZES)) {
  test(`6. the timer: Start and Stop on the first screen, nothing else to tap by mistake (${lang}, ${sizeName})`, async () => {
    const w = W[lang];
    const page = await open({ lang, size, diary: ready() });
    await startCheckIn(page, w);
    await page.getByRole('button', { name: w.noneOfThese }).click();
    await page.getByRole('button', { name: w.next, exact: true }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: w.timeWalk }).click();
    const start = page.locator('#timed-walk').getByRole('button', { name: w.timerStart });
    await assertOnFirstScreen(page, start, 'Start');
    await assertAccessible(page, `timer ready ${lang} ${sizeName}`);
    await start.click();
    const stop = page.locator('#timed-walk').getByRole('button', { name: w.timerStop });
    const box = await assertOnFirstScreen(page, stop, 'Stop');
    assert.ok(box.h >= 96, `Stop is ${box.h} px high`);
    const panel = await page.locator('#timed-walk').innerText();
    assert.match(panel, w.symptomsMeans);
    assert.ok(panel.includes(w.safety), panel);
    assert.equal(await page.getByRole('navigation').count(), 0, 'no tabs while the timer runs');
    assert.equal(await page.locator('.wizard-nav').isVisible(), false, 'no Back or Next while the timer runs');
    assert.ok(await page.getByRole('button', { name: w.warningNow }).isVisible(), '"Warning sign now" stays');
    await assertAccessible(page, `timer running ${lang} ${sizeName}`);
    await stop.click();
    await page.locator('#timed-walk fieldset').waitFor();
    assert.equal(await page.locator('.wizard-nav').isVisible(), false, 'not until the result is kept or discarded');
    await assertAccessible(page, `timer stopped ${lang} ${sizeName}`);
    await page.locator('#timed-walk').getByRole('button', { name: w.keepResult }).click();
    await page.locator('.wizard-nav').waitFor();
    assert.ok(await page.locator('#walk-minutes').isVisible(), 'the step is back, with the time kept');
    await page.context().close();
  });
}

// ---- 7. Check-in chrome ----

for (const lang of LANGS) {
  test(`7. during a check-in: a compact header, no tabs, "Save" on one line, each step's first question on the first screen (${lang})`, async () => {
    const w = W[lang];
    const page = await open({ lang, size: SMALL, diary: ready() });
    await startCheckIn(page, w);
    assert.equal(await page.getByRole('navigation').count(), 0, 'no tabs during a check-in');
    const header = await page.locator('header.top-bar').boundingBox();
    assert.ok(header.height <= 0.12 * SMALL.height, `the header is ${header.height} px high`);
    await page.getByRole('button', { name: w.warningNow }).waitFor();
    for (let step = 1; step <= 8; step++) {
      await page.evaluate(() => window.scrollTo(0, 0));
      const first = page.locator('.wizard .step').locator('legend, label').first();
      const box = await assertOnFirstScreen(page, first, `step ${step}'s first question`);
      // Not under the buttons that stay at the foot of the screen either.
      const navTop = await page.locator('.wizard-nav').evaluate((n) => n.getBoundingClientRect().top);
      assert.ok(box.y + box.h <= navTop, `step ${step}'s first question ends at ${box.y + box.h}, under the buttons at ${navTop}`);
      if (step === 1) await page.getByRole('button', { name: w.noneOfThese }).click();
      else if (step < 8) await page.getByRole('button', { name: w.next, exact: true }).click();
    }
    const save = page.locator('.wizard-nav .primary');
    assert.equal((await save.innerText()).trim(), w.save);
    const lines = await save.evaluate((b) => Math.round(b.getBoundingClientRect().height / parseFloat(getComputedStyle(b).lineHeight)));
    assert.ok(lines <= 2, 'one line of text (with padding)');
    await page.context().close();
  });
}

for (const lang of LANGS) {
  test(`7. leaving a check-in asks whether to keep the answers as a draft (${lang})`, async () => {
    const w = W[lang];
    const page = await open({ lang, size: SMALL, diary: ready() });
    await startCheckIn(page, w);
    await page.getByRole('button', { name: w.noneOfThese }).click();
    await page.locator('label[for="pain-back-4"]').click();
    await page.getByRole('button', { name: w.leave, exact: true }).click();
    const ask = page.getByRole('alertdialog');
    await ask.waitFor();
    await assertAccessible(page, `leave ${lang}`);
    await ask.getByRole('button', { name: w.keepDraft }).click();
    await page.locator('.draft-card').waitFor();
    await assertAccessible(page, `home with a draft ${lang}`);
    await page.reload();
    await page.locator('.draft-card').getByRole('button', { name: w.goOn }).click();
    // Back on the step the patient left, with the answers.
    await page.locator('#pain-back-4').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#pain-back-4').isChecked(), true, 'the draft came back');
    // Discarding leaves nothing behind.
    await page.getByRole('button', { name: w.leave, exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: w.discard }).click();
    await page.locator('.today-card').waitFor();
    assert.equal(await page.locator('.draft-card').count(), 0);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), `${KEY}.draft`), null);
    await page.context().close();
  });
}

// ---- 8. "Nothing new today" in at most 5 taps ----

for (const lang of LANGS) for (const [sizeName, size] of Object.entries(SIZES)) {
  test(`8. "Nothing new today": home to saved in at most 5 taps (${lang}, ${sizeName})`, async () => {
    const w = W[lang];
    const page = await open({ lang, size, diary: ready() });
    let taps = 0;
    const tap = async (locator) => { await locator.click(); taps++; };
    await tap(page.getByRole('button', { name: w.nothingNew }));
    await page.locator('#wizard-step').waitFor();
    await assertAccessible(page, `quick check-in ${lang} ${sizeName}`);
    await tap(page.getByRole('button', { name: w.noneOfThese }));
    await tap(page.locator('label[for="pain-back-3"]'));
    await tap(page.locator('label[for="pain-leg-2"]'));
    await tap(page.locator('.wizard-nav').getByRole('button', { name: w.save, exact: true }));
    await page.locator('.today-card .done').waitFor();
    console.log(`TAP COUNT "Nothing new today" (${lang}, ${sizeName}), home to saved: ${taps}`);
    assert.ok(taps <= 5, `took ${taps} taps`);
    const today = (await stored(page)).checkins.find((c) => c.date === isoDay(0));
    assert.deepEqual(today.pain, { back: 3, leg: 2 });
    assert.equal(today.symptoms.both_legs, false);
    assert.match(await page.locator('.notice').innerText(), w.noFlag);
    await page.context().close();
  });
}

test('8. the full check-in stays one tap away from the quick one', async () => {
  const page = await open({ lang: 'en', size: SMALL, diary: ready() });
  await page.getByRole('button', { name: W.en.nothingNew }).click();
  await page.getByRole('button', { name: W.en.noneOfThese }).click();
  await page.getByRole('button', { name: 'Open the full check-in' }).click();
  await page.getByText('Step 2 of 8').waitFor();
  await page.context().close();
});

// ---- 9. Home ----

for (const lang of LANGS) {
  test(`9. home: missed days as one line that opens the list; before the procedure the baseline comes first (${lang})`, async () => {
    const w = W[lang];
    const page = await open({ lang, size: SMALL, diary: diaryWith({ procedureOffset: -6, days: [-6, -1] }) });
    // The header that stays at the top keeps to two rows on a 320 px phone (name and
    // "Warning sign now" on one, the tabs on the other).
    const header = await page.locator('header.top-bar').boundingBox();
    assert.ok(header.height <= 0.22 * SMALL.height, `the header is ${header.height} px high`);
    const tabs = await page.locator('header.top-bar nav ul').boundingBox();
    assert.ok(tabs.height < 2 * 44, `the tabs are on one row (${tabs.height} px)`);
    const line = page.locator('.missed summary');
    assert.equal((await line.innerText()).trim(), w.days(4));
    assert.equal(await page.locator('details.missed').evaluate((d) => d.open), false);
    assert.equal(await page.getByRole('button', { name: w.fillIn }).count(), 0, 'not a stack of buttons');
    await line.click();
    assert.equal(await page.getByRole('button', { name: w.fillIn }).count(), 4);
    await assertAccessible(page, `home missed ${lang}`);
    await page.context().close();

    const before = await open({ lang, size: SMALL, diary: diaryWith({ procedureOffset: 3, baseline: false }) });
    const primary = before.locator('.home .button.primary').first();
    assert.match(await primary.innerText(), w.describe);
    await assertOnFirstScreen(before, primary, 'the baseline action');
    await assertAccessible(before, `home before the procedure ${lang}`);
    await before.context().close();
  });
}

// ---- 10. Small things ----

test('10. Spanish: "Ninguna anotada", "pies" on screen, percent one way per language', async () => {
  const page = await open({ lang: 'es', size: SMALL, diary: ready() });
  await startCheckIn(page, W.es);
  await page.getByRole('button', { name: W.es.noneOfThese }).click();
  await page.getByRole('button', { name: W.es.next, exact: true }).click();
  assert.match(await page.locator('.step').innerText(), /pies/);
  await page.getByLabel(/¿Qué distancia pudo caminar/).fill('300');
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: W.es.next, exact: true }).click();
  assert.match(await page.locator('.step').innerText(), /Ninguna anotada\./);
  await page.context().close();
  const saved = await (async () => {
    const p = await open({ lang: 'es', size: SMALL, diary: ready() });
    await startCheckIn(p, W.es);
    await p.getByRole('button', { name: W.es.noneOfThese }).click();
    await p.locator('label[for="pain-back-3"]').click();
    await p.locator('label[for="pain-leg-2"]').click();
    await p.getByRole('button', { name: W.es.next, exact: true }).click();
    await p.getByLabel(/¿Qué distancia pudo caminar/).fill('300');
    for (let i = 0; i < 5; i++) await p.getByRole('button', { name: W.es.next, exact: true }).click();
    await p.getByRole('button', { name: W.es.save, exact: true }).click();
    await p.locator('.notice').waitFor();
    const s = await stored(p);
    await p.context().close();
    return s;
  })();
  assert.deepEqual(saved.checkins.find((c) => c.date === isoDay(0)).walking.distance, { value: 300, unit: 'ft' }, 'the data keeps ft');
  for (const [lang, sign] of [['en', /\d%/], ['es', /\d\u00a0%/]]) {
    const p = await open({ lang, size: PHONE, diary: ready() });
    await p.getByRole('navigation').getByRole('button', { name: lang === 'en' ? 'Report' : 'Informe' }).click();
    await p.locator('[data-report]').waitFor();
    const text = await p.locator('[data-report]').innerText();
    assert.match(text, sign);
    assert.doesNotMatch(text, lang === 'en' ? /\d\s%/ : /\d%/);
    await p.context().close();
  }
});

test('10. the unreadable-storage screen downloads first; "Add a symptom" starts empty; a due questionnaire says its minutes', async () => {
  for (const lang of LANGS) {
    const page = await open({ lang, size: SMALL, diary: '{"format":"recovery-diary","version":1,"checkins":[{"date":"2026-11-02","pain":{"back":42}}]}' });
    const primary = page.locator('main .button.primary').first();
    assert.equal((await primary.innerText()).trim(), lang === 'en' ? 'Download the saved data' : 'Descargar los datos guardados');
    await assertAccessible(page, `unreadable storage ${lang}`);
    await page.context().close();
  }
  const page = await open({ lang: 'en', size: SMALL, diary: ready() });
  await startCheckIn(page, W.en);
  await page.getByRole('button', { name: W.en.noneOfThese }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const where = page.getByLabel('Where');
  assert.equal(await where.inputValue(), '', 'no region chosen for the patient');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: /Choose where/ }).waitFor();
  assert.equal(await page.locator('.finding').count(), 0);
  await page.context().close();
  for (const [lang, minutes] of [['en', /It takes about \d+ minutes?\./], ['es', /Toma (unos \d+ minutos|más o menos 1 minuto)\./]]) {
    const q = await open({ lang, size: SMALL, diary: diaryWith({ procedureOffset: 3 }), query: QUESTIONNAIRES });
    const due = q.locator('.questionnaire-due').first();
    await due.waitFor();
    assert.match(await due.innerText(), minutes);
    await q.context().close();
  }
});
