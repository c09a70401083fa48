// Failure and edge conditions: a reload in the middle of saving, storage turned
// off or refusing writes (private browsing), clock changes and time zones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, stored, storedNow, diaryWith, KEY } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const phone = { viewport: { width: 390, height: 844 }, locale: 'en-US' };

/** Answers a check-in with back pain `back` and saves it (the wizard is open on step 1). */
async function quickCheckIn(page, back) {
  await page.getByRole('button', { name: 'I have none of these' }).click();
  await page.locator(`label[for="pain-back-${back}"]`).click();
  await page.locator('label[for="pain-leg-2"]').click();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next' }).click();
}

test('a reload in the middle of saving loses at most that change, never the diary', async () => {
  const diary = diaryWith({ days: [-3, -2, -1] });
  const page = await openApp(browser, server.url, { diary });
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await quickCheckIn(page, 6);
  // Save, and reload in the same instant (before the write's own task can run).
  await page.evaluate(() => {
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save').click();
    location.reload();
  });
  await page.waitForFunction(() => document.querySelector('main h1'));
  // The diary opens (not the unreadable screen), with every earlier check-in.
  await page.getByRole('button', { name: /today's check-in/ }).waitFor();
  const after = await stored(page);
  const dates = after.checkins.map((c) => c.date);
  for (const c of diary.checkins) assert.ok(dates.includes(c.date), c.date);
  assert.ok(dates.length === 3 || dates.length === 4, `${dates.length} check-ins`);
  await page.context().close();
});

test('storage turned off: setup still works, the patient is told nothing is kept and can download', async () => {
  const context = await browser.newContext(phone);
  // What "block all site data" does: any use of localStorage throws.
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  const page = await context.newPage();
  await page.goto(server.url);
  // Said up front, before anything is entered.
  await page.getByText(/is not keeping the diary's storage/).waitFor();
  await page.getByRole('button', { name: 'I understand, continue' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: "I don't have it now" }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: /Skip for now/ }).click();
  const error = page.locator('div.save-error');
  await error.waitFor();
  assert.match(await error.innerText(), /Not saved yet\.[\s\S]*not letting the diary use its storage/);
  // The diary goes on in memory, and a copy can be downloaded.
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await quickCheckIn(page, 3);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText("Today's check-in is done.").waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), error.getByRole('button', { name: 'Download a copy' }).click()]);
  const { readFile } = await import('node:fs/promises');
  const copy = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(copy.checkins.length, 1);
  assert.equal(copy.checkins[0].pain.back, 3);
  await context.close();
});

test('private browsing that refuses every write (old Safari): a clear error, nothing lost on screen', async () => {
  const context = await browser.newContext(phone);
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const page = await openApp(browser, server.url, { context });
  await page.getByText(/is not keeping the diary's storage/).waitFor();
  await page.getByRole('button', { name: 'I understand, continue' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: "I don't have it now" }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: /Skip for now/ }).click();
  // Said as storage the diary may not use (it holds nothing and takes nothing), not as "full".
  await page.locator('div.save-error').getByText(/not letting the diary use its storage/).waitFor();
  await page.getByRole('button', { name: "Start today's check-in" }).waitFor();
  assert.equal(await storedNow(page), null);
  await context.close();
});

/** A context in `timezoneId` whose clock reads `local` (an ISO time without offset, read in that zone). */
async function at(timezoneId, local, diary) {
  const context = await browser.newContext({ ...phone, timezoneId });
  const page = await openApp(browser, server.url, { context, diary });
  await setClock(page, local);
  await page.reload();
  await page.locator('main h1').first().waitFor();
  return page;
}

/** Sets the page's clock to `local` in the page's own time zone (timers keep running). */
async function setClock(page, local) {
  const ms = await page.evaluate((s) => new Date(s).getTime(), local); // no offset: local time
  await page.clock.setFixedTime(ms);
}

test('a check-in at 23:30 before a flight stays on its date; the next day is a new day elsewhere', async () => {
  const diary = diaryWith({ days: [] });
  diary.profile.procedure_date = '2026-11-10';
  // New York, 23:30 on 20 November.
  const page = await at('America/New_York', '2026-11-20T23:30:00', diary);
  await page.getByRole('heading', { name: 'Day 10 after your procedure' }).waitFor();
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await quickCheckIn(page, 4);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText("Today's check-in is done.").waitFor();
  const saved = await stored(page);
  assert.deepEqual(saved.checkins.map((c) => c.date), ['2026-11-20']);
  assert.match(saved.checkins[0].recorded_at, /^2026-11-20T23:30:00(\.000)?-05:00$/);
  // Landed in London: 07:00 on 21 November there (02:00 in New York).
  const london = await at('Europe/London', '2026-11-21T07:00:00', saved);
  await london.getByRole('heading', { name: 'Day 11 after your procedure' }).waitFor();
  await london.getByText("Today's check-in is not done yet.").waitFor();
  assert.deepEqual((await stored(london)).checkins.map((c) => c.date), ['2026-11-20']);
  await page.context().close();
  await london.context().close();
});

test('a check-in opened before midnight is saved on the date it was opened for', async () => {
  const diary = diaryWith({ days: [] });
  diary.profile.procedure_date = '2026-11-10';
  const page = await at('America/Chicago', '2026-11-20T23:59:00', diary);
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await page.getByRole('heading', { name: /Check-in for today \(day 10\)/ }).waitFor();
  await quickCheckIn(page, 2);
  await setClock(page, '2026-11-21T00:01:00');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { name: 'Day 11 after your procedure' }).waitFor();
  assert.deepEqual((await stored(page)).checkins.map((c) => c.date), ['2026-11-20']);
  await page.context().close();
});

for (const [zone, procedure, local, day] of [
  ['America/New_York', '2026-10-31', '2026-11-02T00:30:00', 2], // US clocks went back on 1 November
  ['Europe/Berlin', '2027-03-27', '2027-03-29T00:30:00', 2], // EU clocks go forward on 28 March
  ['Australia/Sydney', '2026-10-03', '2026-10-05T00:30:00', 2], // Sydney went forward on 4 October
]) {
  test(`day numbers across a daylight saving change (${zone})`, async () => {
    // No baseline record: its date is the real one, which may be after this clock's
    // tomorrow (a diary holds no such date).
    const diary = diaryWith({ days: [], baseline: false });
    diary.profile.procedure_date = procedure;
    const page = await at(zone, local, diary);
    await page.getByRole('heading', { name: `Day ${day} after your procedure` }).waitFor();
    await page.context().close();
  });
}
