// Warning-sign flags in the built app: seeded diaries, the report contract, tier A at once,
// tier B banners with acknowledgement, the no-flag sentence, and clinic settings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, openApp, stored, isoDay, diaryWith, answerWarningsNo } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function reportEpisodes(page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Report' }).click();
  await page.locator('[data-report]').waitFor();
  return page.locator('[data-report] [data-rule]').evaluateAll((els) =>
    els.map((e) => `${e.dataset.rule} ${e.dataset.tier} ${e.dataset.from} ${e.dataset.to}`).sort());
}

test('seeded diaries: the report lists every episode once, split by a missing day', async () => {
  const diary = diaryWith({ procedureOffset: -10, days: [-5, -4, -2, -1, 0] });
  const by = Object.fromEntries(diary.checkins.map((c) => [c.date, c]));
  by[isoDay(-5)].chills = true;
  by[isoDay(-4)].temperature = { value: 100.4, unit: 'F' };
  by[isoDay(-2)].chills = true;
  by[isoDay(-1)].symptoms = { incontinence: true };
  by[isoDay(0)].ask_at_visit = 'Can I drive?';
  by[isoDay(0)].temperature = { value: 100.3, unit: 'F' }; // near miss: no B1
  const page = await openApp(browser, server.url, { diary });
  assert.deepEqual(await reportEpisodes(page), [
    `A3 emergency ${isoDay(-1)} ${isoDay(-1)}`,
    `B1 call ${isoDay(-2)} ${isoDay(-2)}`,
    `B1 call ${isoDay(-5)} ${isoDay(-4)}`,
    `C5 followup ${isoDay(0)} ${isoDay(0)}`,
  ].sort());
  await page.context().close();
});

test('every rule id: the report of the built app lists the episodes the native engine gives', async () => {
  // The same files as the native test one_diary_fires_every_rule_and_gives_the_expected_episodes.
  const fixture = (name) => readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  const expected = JSON.parse(await fixture('every-rule.episodes.json'));
  const page = await openApp(browser, server.url, { diary: await fixture('every-rule.json') });
  const got = await reportEpisodes(page);
  assert.deepEqual(got, [...expected].sort());
  assert.equal(new Set(got.map((e) => e.split(' ')[0])).size, 24, 'all 24 rule ids');
  await page.context().close();
});

test('a diary without a procedure date opens straight to the app; clear fluid still flags', async () => {
  const diary = diaryWith({ procedureOffset: null, days: [-1] });
  diary.checkins[0].incision = { drainage: 'clear_watery' };
  const page = await openApp(browser, server.url, { diary });
  await page.getByRole('heading', { name: 'Your recovery diary' }).waitFor();
  assert.deepEqual(await reportEpisodes(page), [`B4 call ${isoDay(-1)} ${isoDay(-1)}`]);
  await page.context().close();
});

test('tier A shows full screen the moment the answer is given, before saving', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }) });
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await page.locator('label[for="q-incontinence-0"]').click();
  const alert = page.getByRole('alertdialog');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Call 911 now/);
  assert.match(await alert.innerText(), /leaking of urine or stool/);
  assert.equal(await alert.getByRole('link', { name: 'Call 911' }).getAttribute('href'), 'tel:911');
  assert.equal((await stored(page)).checkins.length, 1, 'nothing saved yet');
  // Only the patient closes it; the check-in goes on.
  await page.getByRole('button', { name: 'Back to my check-in' }).click();
  await alert.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'wizard-step', 'focus returns to the step');
  // A saddle-area finding in the nerve map fires A1 at once too (the other questions answered first).
  await answerWarningsNo(page, ['incontinence']);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Where').selectOption({ label: 'Saddle area (between the legs, genitals, back passage)' });
  await page.getByLabel('What you feel').selectOption({ label: 'Numbness' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('alertdialog').waitFor();
  assert.match(await page.getByRole('alertdialog').innerText(), /saddle area/);
  await page.context().close();
});

test('tier B: banner with the clinic phone, acknowledged, still in the report', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }) });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Clinic phone').fill('555-0100');
  await page.getByLabel('Clinic phone').blur();
  // Saved as it is entered: no separate button.
  await page.getByText('Clinic phone saved.').waitFor();
  await page.getByRole('button', { name: 'Home' }).click();

  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await page.getByRole('button', { name: 'I have none of these' }).click();
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.locator('label[for="chills-0"]').click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // Pain left empty: said, and saving as it is stays possible.
  await page.getByRole('button', { name: 'Save as it is' }).click();
  // After saving: the call message with the phone as a tel: link.
  const result = page.locator('.notice .tier-b');
  await result.waitFor();
  assert.match(await result.innerText(), /Call your clinic today at 555-0100/);
  assert.equal(await result.getByRole('link', { name: /555-0100/ }).getAttribute('href'), 'tel:5550100');
  // On home: a banner until the patient says what they did.
  const banner = page.locator('.banner[data-rule="B1"]');
  await banner.waitFor();
  await banner.getByRole('button', { name: 'I called the clinic' }).click();
  await banner.waitFor({ state: 'detached' });
  const saved = await stored(page);
  assert.equal(saved.acknowledgements[0].rule, 'B1');
  assert.equal(saved.acknowledgements[0].action, 'called_clinic');
  assert.deepEqual(await reportEpisodes(page), [`B1 call ${isoDay(0)} ${isoDay(0)}`]);
  assert.match(await page.locator('[data-rule="B1"]').innerText(), /What the patient did: called the clinic/);
  await page.context().close();
});

test('a day with no flag says so without calling it normal', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }) });
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await page.getByRole('button', { name: 'I have none of these' }).click();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Save as it is' }).click();
  const sentence = page.getByText("Nothing you entered matches your clinic's warning signs. If you are worried, call anyway.");
  await sentence.waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), /\bnormal\b/i);
  await page.context().close();
});

test('an invalid emergency number is refused with a message; 911 stays', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }) });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Emergency number').fill('call me');
  await page.getByLabel('Emergency number').blur();
  await page.getByText(/is not an emergency number the diary knows/).waitFor();
  await page.getByRole('button', { name: 'Warning sign now' }).click();
  assert.equal(await page.getByRole('link', { name: 'Call 911' }).getAttribute('href'), 'tel:911');
  await page.context().close();
});
