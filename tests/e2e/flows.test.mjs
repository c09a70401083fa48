// End-to-end flows of the release build in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, stored, storedNow, isoDay, diaryWith, KEY } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Clicks and counts: the tap count of a check-in is measured, not guessed. */
function tapper(page) {
  const t = { count: 0, async tap(locator) { await locator.click(); t.count++; } };
  return t;
}

test('first run: setup, an unremarkable check-in, reload: still there', async () => {
  const page = await openApp(browser, server.url);
  await page.getByRole('heading', { name: 'Welcome to your recovery diary' }).waitFor();
  assert.match(await page.locator('#disclaimer').innerText(), /does not diagnose/);
  await page.getByRole('button', { name: 'I understand, continue' }).click();
  await page.getByLabel(/Date of your procedure/).fill(isoDay(-3));
  await page.getByRole('button', { name: 'Next' }).click();
  // The clinic's number: the patient does not have it at hand.
  await page.getByRole('heading', { name: "Your clinic's phone number" }).waitFor();
  await page.getByRole('button', { name: "I don't have it now" }).click();
  // en-US defaults to feet and Fahrenheit.
  assert.equal(await page.getByLabel('Feet (ft)').isChecked(), true);
  assert.equal(await page.getByLabel('Fahrenheit (°F)').isChecked(), true);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Describe my typical day now' }).click();
  await page.locator('input[name="pain-back"]').nth(6).check();
  await page.locator('input[name="pain-leg"]').nth(7).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel(/How far could you walk/).fill('250');
  await page.getByLabel(/stand before symptoms/).fill('8');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Where').selectOption({ label: 'Calf' });
  await page.getByLabel('Side').selectOption({ label: 'Left' });
  await page.getByLabel('What you feel').selectOption({ label: 'Numbness' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByText('Left calf: numbness').waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Save and finish' }).click();
  await page.getByRole('heading', { name: 'Day 3 after your procedure' }).waitFor();

  // An unremarkable day, counted tap by tap from the home screen.
  const t = tapper(page);
  await t.tap(page.getByRole('button', { name: "Start today's check-in" }));
  await t.tap(page.getByRole('button', { name: 'I have none of these' }));
  await t.tap(page.locator('label[for="pain-back-3"]'));
  await t.tap(page.locator('label[for="pain-leg-2"]'));
  await t.tap(page.locator('label[for="pain-incision-1"]'));
  await t.tap(page.locator('label[for="medicine-helped-0"]'));
  await t.tap(page.getByRole('button', { name: 'Next' }));
  await t.tap(page.getByRole('button', { name: 'Next' })); // walking: not measured today
  await page.getByText('Left calf: numbness').waitFor(); // the map starts from the baseline
  await t.tap(page.getByRole('button', { name: 'Next' }));
  await t.tap(page.getByRole('button', { name: /^All fine/ }));
  await t.tap(page.getByRole('button', { name: /^Looks fine/ }));
  await t.tap(page.getByRole('button', { name: /^No chills/ }));
  await t.tap(page.getByRole('button', { name: 'Save', exact: true }));
  await page.getByText("Today's check-in is done.").waitFor();
  console.log(`TAP COUNT of an unremarkable check-in (home to saved): ${t.count}`);
  assert.ok(t.count <= 14, `took ${t.count} taps`);

  const saved = await stored(page);
  assert.equal(saved.format, 'recovery-diary');
  assert.equal(saved.version, 2, "written in format version 2");
  assert.equal(saved.profile.procedure_date, isoDay(-3));
  assert.deepEqual(saved.baseline.pain, { back: 6, leg: 7 });
  assert.deepEqual(saved.baseline.walking.distance, { value: 250, unit: 'ft' });
  const today = saved.checkins.find((c) => c.date === isoDay(0));
  assert.deepEqual(today.pain, { back: 3, leg: 2, incision: 1, medicine_helped: true });
  assert.deepEqual(today.neuro, [{ region: 'calf', side: 'left', kind: 'numbness', severity: 5 }]);
  assert.equal(today.symptoms.bladder_trouble, false);
  assert.equal(today.incision.bleeding_uncontrolled, false);
  assert.equal(today.function.fall, false);

  await page.reload();
  await page.getByText("Today's check-in is done.").waitFor();
  await page.getByRole('button', { name: 'History' }).click();
  await page.getByText('Back pain 3 · Leg pain 2').waitFor();
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('edit a past day from history; delete with confirm, then undo', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-2, -5] }) });
  await page.getByRole('button', { name: 'History' }).click();
  const rows = page.locator('.history-item');
  await rows.first().waitFor(); // history's chunk may still be on its way
  assert.equal(await rows.count(), 2);
  await rows.first().getByRole('button', { name: /^Open / }).click(); // newest first: day -2
  await page.getByRole('heading', { name: /^Change the check-in for/ }).waitFor();
  // Saved without warning answers (another phone's file): the step asks for them now.
  await page.getByRole('button', { name: 'I have none of these' }).click();
  await page.locator('label[for="pain-back-8"]').click();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText(/saved\./).waitFor();
  assert.equal((await stored(page)).checkins.find((c) => c.date === isoDay(-2)).pain.back, 8);

  await page.getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: /^Delete / }).last().click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await page.getByText(/deleted\./).waitFor();
  assert.equal((await stored(page)).checkins.length, 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText(/saved\./).waitFor();
  assert.deepEqual((await stored(page)).checkins.map((c) => c.date).sort(), [isoDay(-5), isoDay(-2)]);
  await page.context().close();
});

test('unreadable storage: nothing overwritten, a quarantine copy, a plain message', async () => {
  const raw = '{"format":"recovery-diary","version":1,"checkins":[{"date":"2026-11-02","pain":{"back":42}}]}';
  const page = await openApp(browser, server.url, { diary: raw });
  await page.getByRole('heading', { name: 'We could not open your saved diary' }).waitFor();
  await page.getByText('checkins[0].pain.back').waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), raw);
  const copies = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('recovery-diary.quarantine.')));
  assert.equal(copies.length, 1);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), copies[0]), raw);
  // Reloading with the same unreadable data reuses that copy rather than adding another.
  await page.reload();
  await page.getByRole('heading', { name: 'We could not open your saved diary' }).waitFor();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('recovery-diary.quarantine.')).length), 1);
  // A reload does not lose it either, and the download offers the raw text.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the saved data' }).click();
  assert.match((await download).suggestedFilename(), /recovery-diary/);
  await page.getByRole('button', { name: 'Start a new diary' }).click();
  await page.getByRole('heading', { name: 'Welcome to your recovery diary' }).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), copies[0]), raw, 'the quarantine copy stays');
  await page.context().close();
});

test('a file from a newer version is kept, not overwritten', async () => {
  const raw = JSON.stringify({ format: 'recovery-diary', version: 99, checkins: [] });
  const page = await openApp(browser, server.url, { diary: raw });
  await page.getByText(/newer version/).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), raw);
  await page.context().close();
});

test('storage full: a clear error, the check-in kept, saved on retry', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }) });
  // Fill the origin's quota with another key until the browser refuses.
  await page.evaluate(() => {
    // Big pieces first, then smaller ones, until not even one character fits.
    let i = 0;
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const chunk = 'x'.repeat(size);
      for (;;) { try { localStorage.setItem('filler' + i++, chunk); } catch { break; } }
    }
  });
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await page.getByRole('button', { name: 'I have none of these' }).click();
  await page.locator('label[for="pain-back-4"]').click();
  await page.locator('label[for="pain-leg-3"]').click();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Not saved yet.').waitFor();
  assert.equal((await storedNow(page)).checkins.length, 1, 'nothing written');
  // The check-in is still there on screen.
  await page.getByText("Today's check-in is done.").waitFor();
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler')) localStorage.removeItem(k); });
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await page.getByText('Not saved yet.').waitFor({ state: 'detached' });
  const saved = await stored(page);
  assert.equal(saved.checkins.length, 2);
  assert.equal(saved.checkins.find((c) => c.date === isoDay(0)).pain.back, 4);
  await page.context().close();
});

test('two tabs editing different days: both kept', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  const a = await openApp(browser, server.url, { diary: diaryWith({ days: [-3] }), context });
  const b = await context.newPage();
  await b.goto(server.url);
  await b.getByRole('button', { name: "Start today's check-in" }).waitFor();

  const logDay = async (page, name, score) => {
    await page.getByRole('button', { name }).first().click();
    await page.getByRole('button', { name: 'I have none of these' }).click();
    await page.locator(`label[for="pain-back-${score}"]`).click();
    await page.locator('label[for="pain-leg-1"]').click();
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/saved\./).waitFor();
  };
  await logDay(a, "Start today's check-in", 2);
  await b.locator('.missed summary').click(); // the missed days, one line that opens the list
  await logDay(b, /^Fill in /, 7); // tab B fills in a missed day (it loaded before A saved)
  const saved = await stored(a);
  const byDate = Object.fromEntries(saved.checkins.map((c) => [c.date, c.pain?.back]));
  assert.equal(byDate[isoDay(0)], 2, 'tab A\'s day survives tab B\'s save');
  assert.equal(Object.keys(byDate).length, 3);
  // Tab A sees tab B's day too, through the storage event.
  await a.getByRole('button', { name: 'History' }).click();
  await a.locator('.history-item').nth(2).waitFor();
  await context.close();
});
