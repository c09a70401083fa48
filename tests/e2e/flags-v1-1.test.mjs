// Rule table v1.1 in the built app, in English and Spanish: the emergency first
// on home, one message per date wherever it is shown (home, report, printed report), the
// pre-procedure wording, choices that never invite waiting, the tier-A alert shown again for
// new evidence, and a clinic setting that would loosen a rule refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openApp, stored, isoDay, diaryWith, answerWarningsNo } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const WORDS = {
  en: {
    callNow: 'Call your clinic now, not later today',
    callToday: 'Call your clinic today',
    due: /Say you are due to have a lumbar decompression on [A-Z][a-z]+ \d{1,2}, \d{4} and now have/,
    mention: /mention it at my visit/,
  },
  es: {
    callNow: 'Llame a su clínica ahora, no más tarde',
    callToday: 'Llame a su clínica hoy',
    due: /Diga que tiene programada una descompresión lumbar para el \d{1,2} de [a-z]+ de \d{4} y que ahora tiene/,
    mention: /mencionaré en mi consulta/,
  },
};

for (const lang of ['en', 'es']) {
  const w = WORDS[lang];

  test(`${lang}: home lists every tier-A flag first, newest first within a tier, right below the day heading`, async () => {
    // Tier B on day -4 (older) and -1 (newer), tier A on day -3 between them.
    const diary = diaryWith({ procedureOffset: -10, days: [-4, -3, -1] });
    const by = Object.fromEntries(diary.checkins.map((c) => [c.date, c]));
    by[isoDay(-4)].chills = true;
    by[isoDay(-3)].symptoms = { incontinence: true };
    by[isoDay(-1)].incision = { redness: 'streaks' };
    const page = await openApp(browser, server.url, { diary, lang });
    const order = await page.locator('.banner').evaluateAll((els) => els.map((e) => `${e.dataset.rule} ${e.dataset.to}`));
    assert.deepEqual(order, [`A3 ${isoDay(-3)}`, `B2 ${isoDay(-1)}`, `B1 ${isoDay(-4)}`]);
    // The first thing below the day heading is the emergency.
    const first = await page.evaluate(() => {
      const h1 = document.querySelector('.home h1');
      let next = h1.nextElementSibling;
      return next?.querySelector('.banner')?.dataset.tier ?? next?.className;
    });
    assert.equal(first, 'emergency');
    // Its choices never invite waiting.
    assert.doesNotMatch(await page.locator('.banners').innerText(), w.mention);
    await page.context().close();
  });

  test(`${lang}: fever with worse pain says "call now" on home, in the report and in the printed report`, async () => {
    const diary = diaryWith({ procedureOffset: -10, days: [-4, -2] });
    const by = Object.fromEntries(diary.checkins.map((c) => [c.date, c]));
    // B1 and B9(c) on day -2; B1 alone on day -4 (its own date says "today").
    by[isoDay(-2)].temperature = { value: 100.8, unit: 'F' };
    by[isoDay(-2)].pain = { back: 9, leg: 2, medicine_helped: false };
    by[isoDay(-4)].chills = true;
    const page = await openApp(browser, server.url, { diary, lang });
    for (const rule of ['B1', 'B9']) {
      const banner = page.locator(`.banner[data-rule="${rule}"][data-to="${isoDay(-2)}"]`);
      assert.match(await banner.innerText(), new RegExp(w.callNow), `${rule} banner on home`);
    }
    assert.match(await page.locator(`.banner[data-rule="B1"][data-to="${isoDay(-4)}"]`).innerText(), new RegExp(w.callToday));
    await page.locator('[data-nav="report"]').click();
    await page.locator('[data-report]').waitFor();
    for (const rule of ['B1', 'B9']) {
      const episode = page.locator(`[data-report] [data-rule="${rule}"][data-to="${isoDay(-2)}"]`);
      assert.match(await episode.locator('.shown').innerText(), new RegExp(w.callNow), `${rule} in the report`);
    }
    assert.match(await page.locator(`[data-report] [data-rule="B1"][data-to="${isoDay(-4)}"] .shown`).innerText(), new RegExp(w.callToday));
    // The printed report says the same words.
    const dir = await mkdtemp(join(tmpdir(), 'report-'));
    try {
      const pdf = join(dir, 'report.pdf');
      await writeFile(pdf, await page.pdf({ format: 'Letter', printBackground: true }));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert.ok(text.includes(w.callNow), `the PDF says "${w.callNow}"`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await page.context().close();
  });

  test(`${lang}: a tier-A answer before the procedure says "due to have", on home and in the report`, async () => {
    const diary = diaryWith({ procedureOffset: 5, days: [-1] });
    diary.checkins[0].symptoms = { bladder_trouble: true };
    const page = await openApp(browser, server.url, { diary, lang });
    const banner = page.locator('.banner[data-rule="A2"]');
    assert.match(await banner.innerText(), w.due);
    await page.locator('[data-nav="report"]').click();
    assert.match(await page.locator('[data-report] [data-rule="A2"] .shown').innerText(), w.due);
    await page.context().close();
  });
}

test('what the patient did: tier A offers emergency care, the clinic, or something else with a note; an old will_mention still shows', async () => {
  const diary = diaryWith({ procedureOffset: -10, days: [-3, -1] });
  diary.checkins[0].chills = true;
  diary.checkins[1].symptoms = { chest_pain_or_breathless: true };
  // A file from before v1.1 recorded "will mention" on the tier-B flag.
  diary.acknowledgements = [{ rule: 'B1', date: isoDay(-3), at: new Date().toISOString(), action: 'will_mention' }];
  const page = await openApp(browser, server.url, { diary });
  const banner = page.locator('.banner[data-rule="A7"]');
  const choices = await banner.locator('.ack button').allInnerTexts();
  assert.deepEqual(choices, ['I called the emergency number or went to emergency care', 'I called the clinic', 'Something else']);
  await banner.getByRole('button', { name: 'Something else' }).click();
  // A tier-A flag: "Is it still happening?" first (rules.md v1.2).
  await banner.getByRole('button', { name: 'No, it has stopped' }).click();
  const note = banner.getByLabel('What did you do? (a few words)');
  await note.waitFor();
  assert.equal(await note.evaluate((el) => el === el.getRootNode().activeElement), true, 'the field has focus');
  await note.fill('My neighbour drove me to urgent care');
  await banner.getByRole('button', { name: 'Save what I did' }).click();
  await banner.waitFor({ state: 'detached' });
  const saved = await stored(page);
  const ack = saved.acknowledgements.find((a) => a.rule === 'A7');
  assert.deepEqual([ack.action, ack.note], ['other', 'It has stopped. My neighbour drove me to urgent care']);
  await page.locator('[data-nav="report"]').click();
  assert.match(await page.locator('[data-report] [data-rule="A7"]').innerText(), /What the patient did: something else: It has stopped. My neighbour drove me to urgent care/);
  assert.match(await page.locator('[data-report] [data-rule="B1"]').innerText(), /What the patient did: will mention it at the visit/);
  await page.context().close();
});

test('the tier-A alert shows again when the same rule gains new evidence after it was closed', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }) });
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await page.locator('label[for="q-saddle_numbness-0"]').click();
  const alert = page.getByRole('alertdialog');
  await alert.waitFor();
  await page.getByRole('button', { name: 'Back to my check-in' }).click();
  await alert.waitFor({ state: 'detached' });
  // The same rule (A1) again, from a saddle finding on the nerve map.
  await answerWarningsNo(page, ['saddle_numbness']);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Where').selectOption({ label: 'Saddle area (between the legs, genitals, back passage)' });
  await page.getByLabel('What you feel').selectOption({ label: 'Numbness' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await alert.waitFor();
  assert.match(await alert.innerText(), /saddle area/i);
  await page.context().close();
});

test('a clinic fever threshold of 38.5 °C is refused (it would loosen a tier-A rule): the notice names it and 38.0 °C is used', async () => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const diary = diaryWith({ procedureOffset: -10, days: [-1] });
  diary.profile.temperature_unit = 'C';
  diary.checkins[0].temperature = { value: 38.2, unit: 'C' };
  await page.goto(server.url + 'manifest.webmanifest');
  await page.evaluate((v) => localStorage.setItem('recovery-diary', v), JSON.stringify(diary));
  await page.goto(`${server.url}index.html?fever-threshold-c=38.5`);
  const notice = page.locator('.config-problems');
  await notice.waitFor();
  assert.match(await notice.innerText(), /fever-threshold-c: 38\.5 °C is outside the allowed 37\.5–38\.0 °C/);
  assert.ok(warnings.some((w) => w.includes('fever-threshold-c')), warnings.join('\n'));
  // 38.2 °C is a fever at the default 38.0 °C (it would not be at 38.5 °C).
  const banner = page.locator('.banner[data-rule="B1"]');
  await banner.waitFor();
  await page.locator('[data-nav="report"]').click();
  assert.match(await page.locator('[data-report] [data-rule="B1"]').innerText(), /fever from 38 °C/);
  await context.close();
});
