// Timed walk and stand, with Playwright's clock: a 7-minute walk with the phone
// locked in the middle (the clock jumps, no timer fires), symptoms marked, the result kept
// into the check-in and shown against the baseline; a reload during a test goes back to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, stored, diaryWith, isoDay, SIZES, openData, download } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

function diary() {
  const d = diaryWith({ days: [-1] });
  d.baseline.walking = { minutes: 4 };
  d.baseline.standing_minutes = 8;
  return d;
}

async function withClock() {
  const context = await browser.newContext({ viewport: SIZES.phone, locale: 'en-US' });
  await context.clock.install({ time: new Date() });
  const page = await openApp(browser, server.url, { context, diary: diary() });
  return page;
}

/** Opens today's check-in on its walking step and starts the timer of `id` ('walk' or 'stand'). */
async function startTimer(page, id) {
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await page.getByRole('button', { name: 'I have none of these' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Step 3 of 8').waitFor();
  const panel = page.locator(`#timed-${id}`);
  await panel.getByRole('button', { name: id === 'walk' ? 'Time my walk' : 'Time my standing' }).click();
  await panel.getByRole('button', { name: 'Start' }).click();
  return panel;
}

test('a 7-minute walk with a lock in the middle: timed from its start, kept, against the baseline, saved', async () => {
  const page = await withClock();
  const walk = await startTimer(page, 'walk');
  await walk.getByText('Timer started.').waitFor();
  const stop = walk.getByRole('button', { name: 'Stop' });
  await walk.locator('button.stop:focus').waitFor(); // focus moved on from Start
  const box = await stop.boundingBox();
  assert.ok(box.height >= 90, `Stop is a large target (${box.height}px)`);
  await page.clock.runFor(3 * 60_000);
  await walk.getByRole('timer').filter({ hasText: '3:00' }).waitFor();
  await walk.getByRole('button', { name: 'Symptoms started' }).click();
  await walk.getByText('Symptoms started at 3:00.').waitFor();
  // The phone locks: the clock moves 4 minutes on and no timer fires meanwhile.
  const now = await page.evaluate(() => Date.now());
  await page.clock.setSystemTime(now + 4 * 60_000);
  await stop.click();
  await walk.getByText('Stopped at 7:00.').waitFor();
  await walk.locator('.timer:focus').waitFor(); // then to the time, before "Why did you stop?"
  await walk.getByText('Before the procedure: 4 min. Today: 7 min.').waitFor();
  await walk.getByLabel('Leg pain, numbness or heaviness').check();
  await walk.getByRole('button', { name: 'Keep this result' }).click();
  await walk.getByText('Timed walk kept.').waitFor();
  assert.equal(await page.locator('#walk-minutes').inputValue(), '7');
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Save as it is' }).click();
  const saved = (await stored(page)).checkins.find((c) => c.date === isoDay(0));
  assert.equal(saved.walking.minutes, 7);
  assert.equal(saved.timed_tests.length, 1);
  const [t] = saved.timed_tests;
  assert.deepEqual([t.kind, t.minutes, t.first_symptom_minutes, t.stopped_because], ['walk', 7, 3, 'symptoms']);
  assert.ok(!Number.isNaN(Date.parse(t.started_at)));
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('.timer')).length), 0, 'nothing left running');
  await page.context().close();
});

test('a reload during a timed stand: home offers to go back to it, and it finishes with the right time', async () => {
  const page = await withClock();
  const stand = await startTimer(page, 'stand');
  await stand.getByRole('timer').waitFor();
  await page.clock.runFor(2 * 60_000);
  await page.reload();
  const card = page.locator('.timer-running');
  await card.getByText(/A timed standing test started at .* is still running\./).waitFor();
  await page.clock.runFor(3 * 60_000);
  await card.getByRole('button', { name: 'Go back to it' }).click();
  // The check-in opens on the step with the test, still running from its start.
  await page.getByText('Step 3 of 8').waitFor();
  await stand.getByRole('timer').filter({ hasText: '5:00' }).waitFor();
  await stand.getByRole('button', { name: 'Stop' }).click();
  await stand.getByLabel('I was tired').check();
  await stand.getByRole('button', { name: 'Keep this result' }).click();
  await stand.getByText('Before the procedure: 8 min. Today: 5 min.').waitFor();
  assert.equal(await page.locator('#stand-minutes').inputValue(), '5');
  await page.context().close();
});

test('a test left running can be discarded from home', async () => {
  const page = await withClock();
  const walk = await startTimer(page, 'walk');
  await walk.getByRole('timer').waitFor();
  await page.reload();
  await page.locator('.timer-running').getByRole('button', { name: 'Discard it' }).click();
  await page.locator('.timer-running').waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('button', { name: "Start today's check-in" }).waitFor();
  assert.equal(await page.locator('.timer-running').count(), 0);
  await page.context().close();
});

test('timed values: squares in the report with "(timed)" in its table; CSV and FHIR (schema-valid) carry them', async () => {
  const { readFile: read } = await import('node:fs/promises');
  const { validateFhir } = await import('./fhir-schema.mjs');
  const fixture = await read(new URL('../fixtures/stored-v2.json', import.meta.url), 'utf8');
  const page = await openApp(browser, server.url, { diary: fixture });
  await page.getByRole('navigation').getByRole('button', { name: 'Report' }).click();
  const stand = page.locator('#chart-stand_minutes');
  await stand.waitFor();
  assert.equal(await stand.locator('rect.dot.timed').count(), 1, 'the timed stand is a square');
  assert.equal(await page.locator('#chart-walk_minutes rect.dot.timed').count(), 0, 'typed minutes stay dots');
  assert.match(await stand.locator('figcaption').innerText(), /Squares are times measured with the diary's timer/);
  // The chart's table of numbers is built when its disclosure opens.
  await stand.locator('details.chart-table summary').click();
  assert.match(await stand.locator('table').textContent(), /12 \(timed\)/);
  await openData(page);
  const csv = (await download(page, 'Download CSV')).text;
  assert.match(csv.split('\r\n')[0], /,walk_minutes_timed,stand_minutes_timed,timed_tests$/);
  assert.match(csv, /walk 6\.4 min \(symptoms from 4\.1 min; stopped: symptoms\)/);
  const bundle = JSON.parse((await download(page, 'Download FHIR')).text);
  const timed = bundle.entry.map((e) => e.resource).filter((r) => r.method?.coding?.[0]?.code === 'timed-self-paced');
  assert.equal(timed.length, 2);
  assert.deepEqual(await validateFhir(bundle), []);
  const json = JSON.parse((await download(page, 'Download JSON')).text);
  assert.equal(json.version, 2);
  assert.equal(json.checkins[0].timed_tests.length, 2);
  assert.equal(json.questionnaires.length, 1, 'the clinic questionnaires come along');
  await page.context().close();
});
