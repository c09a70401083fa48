// English and Spanish: chosen by the browser's language, the clinic's configuration or the
// patient in Settings; every Spanish screen free of English; dates and numbers in the locale.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, axeViolations, diaryWith, sixWeeks, stored, KEY } from './harness.mjs';
import { SCREENS } from './screens.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Common English words that Spanish text never contains. */
const ENGLISH = /\b(the|your|you|with|and|what|when|this|have|today|check-in|save|back)\b/i;
/** What the seeded diaries' patient wrote (their own words stay as they are). */
const PATIENT_WORDS = ['When can I drive?', 'When can I play golf again?'];

/** The visible text and the accessible names of the diary. */
async function diaryText(page) {
  return page.evaluate(() => {
    const app = document.querySelector('.app');
    const labels = [...app.querySelectorAll('[aria-label],[title]')]
      .map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`);
    return `${app.innerText}\n${labels.join('\n')}`;
  });
}

test('a browser set to Spanish gets the diary in Spanish', async () => {
  const page = await openApp(browser, server.url, { locale: 'es-MX' });
  await page.getByRole('heading', { name: 'Le damos la bienvenida a su diario de recuperación' }).waitFor();
  assert.equal(await page.locator('.app').getAttribute('lang'), 'es');
  await page.getByRole('button', { name: 'Señal de alarma ahora' }).click();
  await page.getByRole('link', { name: 'Llamar al 911' }).waitFor();
  await page.context().close();
});

test("the clinic's configuration chooses Spanish over an English browser", async () => {
  const page = await openApp(browser, `${server.url}?language=es&clinic-name=Spine%20Center`, { locale: 'en-US' });
  await page.getByRole('heading', { name: 'Le damos la bienvenida a su diario de recuperación' }).waitFor();
  await page.context().close();
});

test('the patient switches the language in Settings; it stays after a reload', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }) });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Español' }).check();
  await page.getByRole('heading', { name: 'Ajustes', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Inicio' }).waitFor();
  // Each language's name is marked as that language (WCAG 3.1.2, language of parts).
  assert.equal(await page.locator('.language span', { hasText: 'English' }).getAttribute('lang'), 'en');
  assert.equal(await page.locator('.language span', { hasText: 'Español' }).getAttribute('lang'), 'es');
  assert.deepEqual(await stored(page, `${KEY}.settings`), { emergency_number: null, clinic_phone: null, after_hours_phone: null, language: 'es' });
  await page.reload();
  await page.getByRole('button', { name: 'Empezar el registro de hoy' }).waitFor();
  // The patient's choice wins over the clinic's too.
  await page.goto(`${server.url}?language=en`);
  await page.getByRole('button', { name: 'Empezar el registro de hoy' }).waitFor();
  // And back.
  await page.getByRole('button', { name: 'Ajustes' }).click();
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  // The diary itself is untouched by the choice.
  assert.equal((await stored(page)).checkins.length, 1);
  await page.context().close();
});

for (const screen of SCREENS) {
  test(`Spanish: ${screen.name} has no English, fits 320 px, and axe finds nothing`, async () => {
    const page = await screen.open(browser, server.url, { lang: 'es', size: { width: 320, height: 640 } });
    let text = await diaryText(page);
    for (const w of PATIENT_WORDS) text = text.replaceAll(w, '');
    // The technical detail of an unreadable file quotes the parser (for whoever helps).
    text = text.replace(/\(Detalle técnico: .*\)/g, '');
    const leak = text.split('\n').filter((line) => ENGLISH.test(line));
    assert.deepEqual(leak, [], `English on the Spanish ${screen.name} screen`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 320, `${screen.name} is wider than 320 px`);
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });
}

test('dates and numbers follow the locale: Spain writes 37,5, Mexico 37.5', async () => {
  const diary = sixWeeks();
  diary.profile.temperature_unit = 'C';
  diary.checkins.at(-1).temperature = { value: 37.5, unit: 'C' };
  for (const [locale, decimal] of [['es-ES', /\b37,5 °C/], ['es-MX', /\b37\.5 °C/]]) {
    const page = await openApp(browser, server.url, { diary, lang: 'es', locale });
    await page.getByRole('button', { name: 'Historial' }).click();
    const first = page.locator('.history-item').first();
    // "domingo, 22 de noviembre de 2026"
    assert.match(await first.locator('h2').innerText(), /^[a-záéíóúñ]+, \d{1,2} de [a-z]+ de \d{4}$/);
    await first.getByRole('button', { name: /^Abrir / }).click();
    // The warning step needs an answer before the wizard goes on.
    await page.getByRole('button', { name: 'No tengo ninguna de estas' }).click();
    for (let i = 2; i < 7; i++) await page.getByRole('button', { name: 'Siguiente', exact: true }).click();
    await page.getByText('Paso 7 de 8').waitFor();
    const value = await page.getByLabel('Su temperatura, si se la tomó').inputValue();
    assert.match(`${value} °C`, decimal, locale);
    await page.context().close();
  }
});

test('a tier-A answer in Spanish shows the emergency call in Spanish', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }), lang: 'es' });
  await page.getByRole('button', { name: 'Empezar el registro de hoy' }).click();
  await page.locator('input[name="q-incontinence"]').first().check();
  const alert = page.getByRole('alertdialog');
  await alert.getByRole('heading', { name: 'Llame al 911 ahora' }).waitFor();
  assert.match(await alert.innerText(), /descompresión lumbar/);
  assert.match(await alert.innerText(), /escape de orina o heces/);
  await page.context().close();
});
