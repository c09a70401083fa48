// Saves PNGs of real clinic questionnaires (the corpus in tests/fixtures/questionnaires/real)
// as a patient answers them: PHQ-9's first question and its computed total, a multi-select
// and a date picker, at 390×844 and 1280×800, in English and Spanish, into screenshots/
// (needs a release build in dist/). `node scripts/questionnaire-screenshots.mjs [en|es|all] [name filter]`.
import { mkdir, readFile } from 'node:fs/promises';
import { serve, launch, openApp, diaryWith, SIZES } from '../tests/e2e/harness.mjs';

const REAL = new URL('../tests/fixtures/questionnaires/real/', import.meta.url);
const langs = process.argv[2] && process.argv[2] !== 'all' ? [process.argv[2]] : ['en', 'es'];
const only = process.argv[3];

/** The app with `name` due, opened on its first question. */
async function opened(browser, url, name, size, lang) {
  const context = await browser.newContext({ viewport: size, serviceWorkers: 'block', locale: lang === 'es' ? 'es-ES' : 'en-US' });
  const body = await readFile(new URL(name, REAL));
  await context.route(`**/q/${name}`, (route) => route.fulfill({ contentType: 'application/json', body }));
  const page = await openApp(browser, url, { context, diary: diaryWith({ procedureOffset: -10 }), query: `?questionnaires=q/${name}`, lang: lang === 'en' ? undefined : lang });
  await page.locator('.questionnaire-due button').first().click();
  await page.locator('.questionnaire .q-item').first().waitFor();
  return page;
}

const SHOTS = [
  ['phq9-question', 'lforms-phq9.json', async () => {}],
  ['phq9-total', 'lforms-phq9.json', async (page) => {
    for (let n = 0; n < 9; n += 1) {
      await page.locator('.questionnaire .tile input').nth(n % 4).check();
      await page.locator('.wizard-nav .primary').click();
    }
    await page.locator('.q-shown').waitFor();
  }],
  ['multi-select', 'android-fhir-component-multi-select-choice.json', async (page) => {
    await page.locator('.questionnaire .tile input').nth(1).check();
    await page.locator('.questionnaire .tile input').nth(3).check();
  }],
  ['date', 'android-fhir-component-date-picker.json', async (page) => {
    await page.locator('.questionnaire input[type=date]').fill('2026-11-20');
  }],
];

const server = await serve();
const browser = await launch();
await mkdir('screenshots', { recursive: true });
for (const lang of langs) for (const [sizeName, size] of Object.entries(SIZES)) {
  for (const [shot, name, act] of SHOTS.filter(([s]) => !only || s.includes(only))) {
    const page = await opened(browser, server.url, name, size, lang);
    await act(page);
    const file = `screenshots/q-${shot}-${sizeName}${lang === 'en' ? '' : `-${lang}`}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file, page.errors.length ? page.errors : '');
    await page.context().close();
  }
}
await browser.close();
await server.close();
