// The core flows in WebKit (Safari's engine: most patients are on iPhones) and Firefox ESR
// (some clinics' PCs), on the release build under the strict CSP: setup, a check-in whose
// warning-sign answer fires the tier-A alert, home's order, a check-in saved and still
// there after a reload, the report's chunk, and Spanish. Chromium runs these and more in
// tests/e2e. One browser session per engine; every test starts from empty storage.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, isoDay, diaryWith, KEY, STRICT_CSP } from '../e2e/harness.mjs';
import { ENGINES, EngineSession } from './webdriver.mjs';

const HOME = "Start today's check-in";

/** Goes on through the check-in until it offers to save; saves, and confirms saving if it
 * asks (it asks when a key measure is left empty). */
async function finishCheckIn(diary) {
  for (;;) {
    const { index, element } = await diary.oneOf(['button', 'Save check-in'], ['button', 'Save'], ['button', 'Next']);
    await diary.tap(element);
    if (index < 2) break;
  }
  const { index, element } = await diary.oneOf(/Today's check-in is done\./, ['button', 'Save as it is']);
  if (index === 1) await diary.tap(element);
  await diary.text(/Today's check-in is done\./);
}

/** Goes on through setup to its last step, skipping what it offers to add later. */
async function finishSetup(diary) {
  for (;;) {
    const { index, element } = await diary.oneOf(['button', /^Skip for now/], ['button', "I don't have it now"], ['button', 'Next']);
    await diary.tap(element);
    if (index === 0) break;
  }
}

for (const engine of ENGINES) {
  describe(engine, () => {
    let server, session;
    before(async () => {
      // RD_DIST: another build to run the flows on (dist/ by default).
      server = await serve({ csp: STRICT_CSP, root: process.env.RD_DIST });
      session = await EngineSession.start(engine, server.url);
    });
    after(async () => {
      await session?.stop();
      await server?.close();
    });

    test('setup, then a warning sign in the check-in: the emergency call at once, before saving', () => session.run(async (diary) => {
      await diary.open();
      await diary.find('heading', 'Welcome to your recovery diary', { level: 1 });
      await diary.click('button', 'I understand, continue');
      await diary.typeDate(await diary.find('textbox', /Date of your procedure/), isoDay(-3));
      await finishSetup(diary);
      await diary.find('heading', 'Day 3 after your procedure', { level: 1 });
      const saved = await diary.stored(KEY);
      assert.equal(saved.profile.procedure_date, isoDay(-3));

      await diary.click('button', HOME);
      await diary.choose(/leaking of urine or stool/, 'Yes');
      const alert = await diary.find('alertdialog');
      assert.match(await alert.getText(), /Call 911 now/);
      const call = await diary.find('link', 'Call 911');
      assert.equal(await call.getAttribute('href'), 'tel:911');
      assert.equal((await diary.stored(KEY)).checkins.length, 0, 'nothing saved yet');
      await diary.click('button', 'Back to my check-in');
      await diary.gone('alertdialog');
    }));

    test("home lists the emergency (tier A) first, then the calls to make today (tier B)", () => session.run(async (diary) => {
      const seeded = diaryWith({ procedureOffset: -10, days: [-4, -3, -1] });
      const by = Object.fromEntries(seeded.checkins.map((c) => [c.date, c]));
      by[isoDay(-4)].chills = true;
      by[isoDay(-3)].symptoms = { incontinence: true };
      by[isoDay(-1)].incision = { redness: 'streaks' };
      await diary.open({ storage: { [KEY]: seeded } });
      await diary.find('button', HOME);
      const flags = await diary.run(() => [...document.querySelectorAll('.home [data-rule][data-tier]')]
        .map((e) => `${e.dataset.tier} ${e.dataset.rule} ${e.dataset.to}`));
      assert.deepEqual(flags, [`emergency A3 ${isoDay(-3)}`, `call B2 ${isoDay(-1)}`, `call B1 ${isoDay(-4)}`]);
    }));

    test('a check-in is saved, and still there after a reload', () => session.run(async (diary) => {
      await diary.open({ storage: { [KEY]: diaryWith({ days: [-1] }) } });
      await diary.click('button', HOME);
      await diary.click('button', 'I have none of these');
      await diary.choose(/^Back pain/, '3');
      await diary.choose(/^Leg or buttock pain/, '2');
      await finishCheckIn(diary);
      const today = (await diary.stored(KEY)).checkins.find((c) => c.date === isoDay(0));
      assert.equal(today.pain.back, 3);
      assert.equal(today.pain.leg, 2);
      assert.equal(today.symptoms.incontinence, false);
      await diary.driver.navigate().refresh();
      await diary.text(/Today's check-in is done\./);
      await diary.click('button', 'History');
      await diary.text(/Back pain 3 · Leg pain 2/);
    }));

    test('the report comes in a chunk of its own and lists every flag episode', () => session.run(async (diary) => {
      const seeded = diaryWith({ procedureOffset: -10, days: [-5, -4, -2, -1, 0] });
      const by = Object.fromEntries(seeded.checkins.map((c) => [c.date, c]));
      by[isoDay(-5)].chills = true;
      by[isoDay(-4)].temperature = { value: 100.4, unit: 'F' };
      by[isoDay(-1)].symptoms = { incontinence: true };
      by[isoDay(0)].ask_at_visit = 'Can I drive?';
      await diary.open({ storage: { [KEY]: seeded } });
      await diary.tap(await diary.find('css', null, { css: '[data-nav="report"]' }));
      await diary.find('css', null, { css: '[data-report]' });
      const episodes = await diary.run(() => [...document.querySelectorAll('[data-report] [data-rule]')]
        .map((e) => `${e.dataset.rule} ${e.dataset.tier} ${e.dataset.from} ${e.dataset.to}`).sort());
      assert.deepEqual(episodes, [
        `A3 emergency ${isoDay(-1)} ${isoDay(-1)}`,
        `B1 call ${isoDay(-5)} ${isoDay(-4)}`,
        `C5 followup ${isoDay(0)} ${isoDay(0)}`,
      ]);
      const wasm = await diary.run(() => performance.getEntriesByType('resource').map((r) => r.name.split('/').pop()).filter((n) => n.endsWith('.wasm')));
      assert.ok(wasm.includes('split_report.wasm'), wasm.join(', '));
    }));

    test('Spanish: the patient picks it in Settings, and it stays after a reload', () => session.run(async (diary) => {
      await diary.open({ storage: { [KEY]: diaryWith({ days: [-1] }) } });
      await diary.click('button', 'Settings');
      await diary.check('radio', 'Español');
      await diary.find('heading', 'Ajustes', { level: 1 });
      assert.equal(await diary.run(() => document.querySelector('.app').lang), 'es');
      assert.equal((await diary.stored(`${KEY}.settings`)).language, 'es');
      await diary.driver.navigate().refresh();
      await diary.click('button', 'Empezar el registro de hoy');
      await diary.find('button', 'No tengo ninguna de estas');
    }));
  });
}
