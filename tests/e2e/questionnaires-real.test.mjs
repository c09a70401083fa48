// Real clinic questionnaires, unedited (the corpus in tests/fixtures/questionnaires/real):
// LHC-Forms' PHQ-9 with its FHIRPath total answered end to end and the report showing the
// authors' total; a multi-select, a date and a quantity answered; help shown with its
// question; a hidden item never shown; Spanish through the translation extension; a file
// whose URL answers 302 refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { serve, launch, openApp, stored, diaryWith, SIZES } from './harness.mjs';

const REAL = new URL('../fixtures/questionnaires/real/', import.meta.url);
const E2E = new URL('../fixtures/questionnaires/e2e/', import.meta.url);

let server, browser, elsewhere;
/** Requests that reached the other origin (another port: another origin), the redirect's target. */
const elsewhereHits = [];
before(async () => {
  elsewhere = createServer((req, res) => { elsewhereHits.push(req.url); res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end('{"resourceType":"Questionnaire","status":"active","item":[{"linkId":"x","text":"Foreign","type":"boolean"}]}'); });
  await new Promise((ok) => elsewhere.listen(0, '127.0.0.1', ok));
  server = await serve({ redirects: { '/q/moved.json': `http://127.0.0.1:${elsewhere.address().port}/q.json` } });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); elsewhere?.close(); });

/// A context whose `q/<name>` answers with the file `name` of `dir`.
async function withFiles(files, { lang } = {}) {
  const context = await browser.newContext({ viewport: SIZES.phone, serviceWorkers: 'block', locale: lang === 'es' ? 'es-ES' : 'en-US' });
  for (const [name, dir] of files) {
    const body = await readFile(new URL(name, dir));
    await context.route(`**/q/${name}`, (route) => route.fulfill({ contentType: 'application/json', body }));
  }
  return context;
}

const query = (names) => '?questionnaires=' + names.map((n) => `q/${n}`).join(',');

async function open(names, dir, options = {}) {
  const context = await withFiles(names.map((n) => [n, dir]), options);
  const warnings = [];
  context.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const page = await openApp(browser, server.url, { context, diary: diaryWith({ procedureOffset: -10 }), query: query(names), lang: options.lang });
  page.warnings = warnings;
  return page;
}

async function next(page) {
  await page.locator('.wizard-nav .primary').click();
}

test('PHQ-9 (LHC-Forms): nine answers, the total computed by its own FHIRPath, shown not asked; the report shows the authors\' total', async () => {
  const page = await open(['lforms-phq9.json'], REAL);
  const due = page.locator('.questionnaire-due');
  await due.first().getByRole('button', { name: 'Answer it now' }).click();
  await page.getByRole('heading', { level: 1, name: 'PHQ-9 quick depression assessment panel' }).waitFor();
  // Answers 1, 2, 3, 0, 1, 2, 3, 0, 1: the authors' total is 13.
  const labels = ['Several days', 'More than half the days', 'Nearly every day', 'Not at all'];
  for (const pick of [0, 1, 2, 3, 0, 1, 2, 3, 0]) {
    await page.locator('.questionnaire .tile').filter({ hasText: labels[pick] }).locator('input').check();
    await next(page);
  }
  // The total: shown with its value, not asked (no field).
  const shown = page.locator('.q-shown');
  await shown.waitFor();
  assert.match(await shown.innerText(), /Patient health questionnaire 9 item total score\s+13\s+Worked out from your answers/);
  assert.equal(await page.locator('.questionnaire input').count(), 0);
  await next(page);
  await page.locator('.questionnaire .tile').filter({ hasText: 'Somewhat difficult' }).locator('input').check();
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.getByText('Your answers to “PHQ-9 quick depression assessment panel” are saved in your diary.').waitFor();
  const diary = await stored(page);
  const [r] = diary.questionnaire_responses;
  const total = r.item.find((i) => i.linkId === '/44261-6');
  assert.deepEqual(total.answer, [{ valueDecimal: 13 }], 'the response keeps the computed total');
  // The file has no url: its canonical is its own address, and the kept copy says so.
  assert.match(r.questionnaire, /^http:\/\/127\.0\.0\.1:\d+\/q\/lforms-phq9\.json$/);
  assert.equal(diary.questionnaires[0].url, r.questionnaire);
  await page.getByRole('navigation').getByRole('button', { name: 'Report' }).click();
  const block = page.locator(`.clinic-questionnaire[data-questionnaire="${r.questionnaire}"]`);
  await block.locator('td.score').first().waitFor();
  assert.deepEqual(await block.locator('td.score').allInnerTexts(), ['13']);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.foreignRequests, []);
  await page.context().close();
});

test('a multi-select, a date and a quantity (Android FHIR SDC catalogue), and help shown with its question', async () => {
  const names = ['android-fhir-component-multi-select-choice.json', 'android-fhir-component-date-picker.json', 'android-fhir-component-quantity.json', 'android-fhir-component-open-choice.json'];
  const page = await open(names, REAL);
  const notice = page.locator('.config-problems');
  await notice.getByText(/it is offered once, now/).first().waitFor();
  const due = page.locator('.questionnaire-due');
  await due.nth(3).waitFor();
  const answer = async (n, fill) => {
    await due.nth(n).getByRole('button', { name: 'Answer it now' }).click();
    await page.locator('.questionnaire').waitFor();
    await fill();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.locator('.questionnaire').waitFor({ state: 'detached' });
  };
  await answer(0, async () => {
    assert.match(await page.locator('.questionnaire fieldset.multi').innerText(), /Choose all that apply\./);
    await page.getByLabel('Immunization').check();
    await page.getByLabel('Feeling sick').check();
  });
  await answer(0, async () => {
    await page.locator('.questionnaire input[type=date]').fill('2026-11-20');
  });
  await answer(0, async () => {
    await page.locator('.questionnaire input[type=text]').fill('12,5');
    await page.getByLabel('centimeter').check();
  });
  await answer(0, async () => {
    // The flyover display item is help under its question, not a page of its own.
    await page.getByText('Do you have any preexisting health conditions?').waitFor();
    assert.match(await page.locator('.questionnaire fieldset').innerText(), /Health conditions/);
    assert.equal((await page.locator('.step-count').innerText()), 'Question 1 of 1');
    await page.getByLabel('Hypertension (HT)').check();
    await page.getByLabel('None').check();
  });
  const diary = await stored(page);
  const by = (name) => {
    const response = diary.questionnaire_responses.find((r) => r.questionnaire.split('|')[0].endsWith(name));
    assert.ok(response, `a response to ${name} among ${diary.questionnaire_responses.map((r) => r.questionnaire).join(', ')}`);
    return response.item[0].answer;
  };
  assert.deepEqual(by(names[0]).map((a) => a.valueCoding.code), ['Immunization', 'Feeling sick'].map((d) => diary.questionnaires.find((q) => q.url.endsWith(names[0])).item[0].answerOption.find((o) => o.valueCoding.display === d).valueCoding.code));
  assert.deepEqual(by(names[1]), [{ valueDate: '2026-11-20' }]);
  assert.equal(by(names[2])[0].valueQuantity.value, 12.5);
  assert.equal(by(names[2])[0].valueQuantity.code, 'cm');
  assert.deepEqual(by(names[3]).map((a) => a.valueCoding.code), ['ht', 'none']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a hidden item is never shown, its computed value kept (LHC-Forms)', async () => {
  const page = await open(['lforms-hidden-calculated.json'], REAL);
  await page.locator('.questionnaire-due').getByRole('button', { name: 'Answer it now' }).click();
  const seen = [];
  for (;;) {
    await page.locator('.q-item').waitFor();
    seen.push(await page.locator('.q-item').innerText());
    const input = page.locator('.questionnaire input[type=text]');
    if (await input.count()) await input.fill('4,5');
    if (await page.getByRole('button', { name: 'Save my answers' }).count()) break;
    await next(page);
  }
  assert.equal(seen.length, 3);
  assert.ok(seen.every((s) => !/HIDDEN/.test(s)), seen.join('\n'));
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.locator('.questionnaire').waitFor({ state: 'detached' });
  const [r] = (await stored(page)).questionnaire_responses;
  assert.deepEqual(r.item.find((i) => i.linkId === 'CE-HIDDEN').answer, [{ valueDecimal: 4.5 }]);
  await page.context().close();
});

test('in Spanish through the translation extension: questions, options, help and the total', async () => {
  const page = await open(['back-and-mood.json'], E2E, { lang: 'es' });
  await page.locator('.questionnaire-due').getByRole('button', { name: 'Responderlo ahora' }).click();
  await page.getByRole('heading', { level: 1, name: 'Espalda y ánimo (ejemplo)' }).waitFor();
  await page.getByText('¿Problemas para dormir por la espalda?').waitFor();
  await page.getByText('Piense en las últimas dos semanas.').waitFor();
  for (const pick of ['Varios días', 'Casi todos los días', 'Nunca']) {
    await page.getByLabel(pick).check();
    await page.getByRole('button', { name: 'Siguiente' }).click();
  }
  const shown = page.locator('.q-shown');
  assert.match(await shown.innerText(), /Puntuación total\s+4\s+Calculado a partir de sus respuestas/);
  assert.equal(await page.getByText('Solo para la clínica').count(), 0, 'the hidden item is never shown');
  await page.getByRole('button', { name: 'Guardar mis respuestas' }).click();
  await page.getByText('Sus respuestas a «Espalda y ánimo (ejemplo)» están guardadas en su diario.').waitFor();
  await page.context().close();
});

test('a questionnaire URL that answers 302 is refused: not followed, and the integrator is told', async () => {
  const context = await browser.newContext({ viewport: SIZES.phone, serviceWorkers: 'block' });
  const page = await openApp(browser, server.url, { context, diary: diaryWith({ procedureOffset: 3 }), query: '?questionnaires=q/moved.json,demo/questionnaires/walking.json' });
  const notice = page.locator('.config-problems');
  await notice.getByText(/answered with a redirect; redirects are not followed/).waitFor();
  assert.match(await notice.innerText(), /questionnaires \(http:\/\/127\.0\.0\.1:\d+\/q\/moved\.json\): answered with a redirect/);
  assert.equal(await page.locator('.questionnaire-due').count(), 1, 'the other file is offered');
  assert.deepEqual(elsewhereHits, [], 'nothing fetched from the other origin');
  await context.close();
});
