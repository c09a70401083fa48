// Clinic questionnaires: loaded from the clinic's files (same origin), due on
// home, answered one question per page with a draft kept over a reload, saved as a FHIR
// QuestionnaireResponse, scored in the report against the first answer before the
// procedure, exported (JSON, CSV, FHIR valid) and re-imported on an empty browser. An
// unsupported or foreign file is the integrator's notice, never a form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, stored, diaryWith, isoDay, SIZES, QUESTIONNAIRES, download } from './harness.mjs';
import { answeredTwice } from './screens.mjs';
import { validateFhir } from './fhir-schema.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DAILY = 'https://clinic.example/questionnaires/daily-life|1';
const WALKING = 'https://clinic.example/questionnaires/walking|2';


test('due on home, answered page by page, the draft kept over a reload, saved as a completed response', async () => {
  // Three days before the procedure: both demo questionnaires are due (day -7, from day -14 to day 7).
  const page = await openApp(browser, server.url, { diary: diaryWith({ procedureOffset: 3 }), query: QUESTIONNAIRES });
  const due = page.locator('.questionnaire-due');
  await due.nth(1).waitFor();
  assert.deepEqual(await due.evaluateAll((els) => els.map((e) => e.dataset.questionnaire)), [DAILY, WALKING]);
  assert.match(await due.first().innerText(), /A questionnaire from your clinic is due\s+Daily life with your back \(example\)/);
  // The emergency comes first: the due card is below the day's heading and today's card.
  await due.first().getByRole('button', { name: 'Answer it now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Daily life with your back (example)' }).waitFor();
  // A display item, then the questions; a required question cannot be skipped.
  const step = page.locator('#q-step');
  await page.getByRole('button', { name: 'Next' }).click();
  await step.getByText(/Question 2 of \d+/).waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('alert').filter({ hasText: 'Please answer this question to go on.' }).waitFor();
  await page.getByLabel('A lot of trouble').check();
  await page.getByRole('button', { name: 'Next' }).click();
  await step.getByText(/Question 3 of/).waitFor();
  await page.locator('#q-step:focus').waitFor(); // focus moves to the new question
  await page.getByLabel('A lot of trouble').check();
  // The draft is on the phone after every answer; a reload keeps it.
  await page.waitForFunction(() => localStorage.getItem('recovery-diary.questionnaire-drafts')?.includes('lifting'));
  await page.reload();
  await due.first().getByRole('button', { name: 'Go on with it' }).click();
  await step.getByText(/Question 3 of/).waitFor();
  assert.equal(await page.getByLabel('A lot of trouble').isChecked(), true, 'the answer on this page is kept');
  await page.getByRole('button', { name: 'Back' }).click();
  await step.getByText(/Question 2 of/).waitFor();
  assert.equal(await page.getByLabel('A lot of trouble').isChecked(), true, 'and the one before');
  // Through to the end.
  await page.getByRole('button', { name: 'Next' }).click();
  for (;;) {
    const label = await page.locator('.wizard-nav .primary').innerText();
    const tile = page.locator('.questionnaire .tile').nth(1);
    if (await tile.count()) await tile.locator('input').check();
    if (label === 'Save my answers') break;
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'Save my answers' }).click();
  await page.getByText('Your answers to “Daily life with your back (example)” are saved in your diary.').waitFor();
  assert.deepEqual(await due.evaluateAll((els) => els.map((e) => e.dataset.questionnaire)), [WALKING], 'no longer due');
  const diary = await stored(page);
  assert.equal(diary.version, 2);
  assert.equal(diary.questionnaires.length, 1);
  assert.equal(diary.questionnaires[0].url, 'https://clinic.example/questionnaires/daily-life');
  const [r] = diary.questionnaire_responses;
  assert.equal(r.resourceType, 'QuestionnaireResponse');
  assert.equal(r.status, 'completed');
  assert.equal(r.questionnaire, DAILY);
  assert.equal(r.authored.slice(0, 10), isoDay(0));
  assert.deepEqual(await validateFhir(r), []);
  assert.equal(r.item.find((i) => i.linkId === 'dressing').answer[0].valueCoding.code, 'much');
  assert.equal(await page.evaluate(() => localStorage.getItem('recovery-diary.questionnaire-drafts')), null, 'the draft is gone');
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('enableWhen, a whole number and free text; in Spanish', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ procedureOffset: 3 }), query: QUESTIONNAIRES, lang: 'es' });
  const due = page.locator('.questionnaire-due[data-questionnaire="' + WALKING + '"]');
  assert.match(await due.innerText(), /Hay un cuestionario de su clínica para responder\s+Caminar y sus piernas \(ejemplo\)/);
  await due.getByRole('button', { name: 'Responderlo ahora' }).click();
  await page.getByText('¿Le duelen o le pesan las piernas cuando camina?').waitFor();
  const total = async () => Number((await page.locator('.step-count').innerText()).match(/de (\d+)/)[1]);
  const without = await total();
  await page.getByLabel('Sí').check();
  await page.locator('.step-count').filter({ hasText: `de ${without}` }).waitFor({ state: 'detached' });
  assert.ok(await total() > without, 'answering yes adds the questions that depend on it');
  let saw = { number: false, text: false };
  for (;;) {
    const input = page.locator('.questionnaire input[type=text]');
    const area = page.locator('.questionnaire textarea');
    if (await input.count()) {
      saw.number = true;
      await input.fill('2,5');
      await page.getByRole('alert').filter({ hasText: 'Escriba un número entero, como 3.' }).waitFor();
      await input.fill('3');
      await page.getByRole('alert').waitFor({ state: 'detached' });
    } else if (await area.count()) {
      saw.text = true;
      await area.fill('<img src=x onerror=alert(1)> mejor');
    } else if (await page.locator('.questionnaire .tile').count()) {
      await page.locator('.questionnaire .tile input').first().check();
    }
    if (await page.getByRole('button', { name: 'Guardar mis respuestas' }).count()) break;
    await page.getByRole('button', { name: 'Siguiente' }).click();
  }
  assert.deepEqual(saw, { number: true, text: true });
  await page.getByRole('button', { name: 'Guardar mis respuestas' }).click();
  await page.getByText('Sus respuestas a «Caminar y sus piernas (ejemplo)» están guardadas en su diario.').waitFor();
  const diary = await stored(page);
  const answers = Object.fromEntries(diary.questionnaire_responses[0].item.flatMap(function flat(i) {
    return [[i.linkId, i.answer?.[0]], ...(i.item ?? []).flatMap(flat)];
  }));
  assert.deepEqual(answers.blocks, { valueInteger: 3 });
  assert.equal(answers.note.valueString, '<img src=x onerror=alert(1)> mejor');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the report scores each answer, the change since before the procedure with the mid mark, a chart and the missed due date; exports carry them', async () => {
  const page = await openApp(browser, server.url, { diary: answeredTwice(), query: QUESTIONNAIRES });
  await page.getByRole('navigation').getByRole('button', { name: 'Report' }).click();
  const daily = page.locator(`.clinic-questionnaire[data-questionnaire="${DAILY}"]`);
  await daily.waitFor();
  assert.deepEqual(await daily.locator('td.score').allInnerTexts(), ['75%', '25%']);
  assert.deepEqual(await daily.locator('tr[data-date] td:nth-child(2)').allInnerTexts(), ['−5', '40'], 'days before the procedure with a minus sign');
  assert.match(await daily.locator('.q-change').innerText(), /Change since .*: [-−]50\. A lower score is better\.\s*Better by at least the clinic's minimal important change \(10\)\./);
  assert.equal(await daily.locator('svg circle.dot').count(), 2, 'a chart of the two scores');
  const walking = page.locator(`.clinic-questionnaire[data-questionnaire="${WALKING}"]`);
  assert.match(await walking.innerText(), /No answers yet\.\s+Not answered when it was due: day [-−]7\./);

  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Save, share or import' }).click();
  const csv = (await download(page, 'Download CSV (questionnaires)')).text.replace(/^\uFEFF/, '').split('\r\n');
  // Text cells are quoted (a `;`-separated reader cannot split them: see hardening.test.mjs).
  assert.equal(csv[0], 'date,day,questionnaire,score,"dressing","lifting"');
  assert.equal(csv[1], `${isoDay(-47)},-5,"${DAILY}",75,"much","much"`);
  assert.equal(csv[2], `${isoDay(-2)},40,"${DAILY}",25,"slight","slight"`);
  const bundle = JSON.parse((await download(page, 'Download FHIR')).text);
  assert.deepEqual(await validateFhir(bundle), []);
  const resources = bundle.entry.map((e) => e.resource);
  assert.ok(resources.some((r) => r.resourceType === 'Questionnaire' && r.url === 'https://clinic.example/questionnaires/daily-life'));
  assert.equal(resources.filter((r) => r.resourceType === 'QuestionnaireResponse' && r.questionnaire === DAILY).length, 2);
  const json = (await download(page, 'Download JSON')).text;
  await page.context().close();

  // An empty browser: restore the file on the first screen; the report scores it the same.
  const fresh = await openApp(browser, server.url, { query: QUESTIONNAIRES });
  await fresh.setInputFiles('#restore-file', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await fresh.getByRole('button', { name: 'Import', exact: true }).click();
  await fresh.getByRole('navigation').getByRole('button', { name: 'Report' }).click();
  await fresh.locator(`.clinic-questionnaire[data-questionnaire="${DAILY}"] td.score`).nth(1).waitFor();
  assert.deepEqual(await fresh.locator(`.clinic-questionnaire[data-questionnaire="${DAILY}"] td.score`).allInnerTexts(), ['75%', '25%']);
  const restored = await stored(fresh);
  assert.equal(restored.questionnaire_responses.length, 2);
  await fresh.context().close();
});

test('offline, the kept copy is used; the file is fetched from its own origin only', async () => {
  const context = await browser.newContext({ viewport: SIZES.phone, serviceWorkers: 'block' });
  const page = await openApp(browser, server.url, { context, diary: diaryWith({ procedureOffset: 3 }), query: QUESTIONNAIRES });
  await page.locator('.questionnaire-due').nth(1).waitFor();
  await page.waitForFunction(() => localStorage.getItem('recovery-diary.questionnaires')?.includes('walking'));
  await context.route('**/demo/questionnaires/*', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await page.locator('.questionnaire-due').nth(1).waitFor();
  assert.equal(await page.locator('.config-problems').count(), 0);
  await context.close();
});

test('an unsupported questionnaire and a file of another origin: the integrator is told, the patient gets no form', async () => {
  const context = await browser.newContext({ viewport: SIZES.phone, serviceWorkers: 'block' });
  const bad = { resourceType: 'Questionnaire', url: 'https://clinic.example/q/bad', status: 'active', title: 'Bad',
    item: [{ linkId: 'photo', type: 'attachment', text: 'A photo' }] };
  await context.route('**/q/bad.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bad) }));
  const warnings = [];
  context.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const app = await openApp(browser, server.url, { context, diary: diaryWith({ procedureOffset: 3 }),
    query: '?questionnaires=q/bad.json,https://example.org/q.json,demo/questionnaires/walking.json' });
  const notice = app.locator('.config-problems');
  await notice.getByText(/item photo/).waitFor();
  const text = await notice.innerText();
  assert.match(text, /questionnaires \(https:\/\/example\.org\/q\.json\): is not on this site's own origin/);
  assert.match(text, /questionnaires \(http:\/\/127\.0\.0\.1:\d+\/q\/bad\.json\): not used: item photo: /);
  assert.deepEqual(await app.locator('.questionnaire-due').evaluateAll((els) => els.map((e) => e.dataset.questionnaire)), [WALKING]);
  assert.deepEqual(app.foreignRequests, [], 'nothing is fetched from another origin');
  assert.ok(warnings.some((w) => /Recovery Diary configuration: questionnaires \(.*bad\.json\): not used: item photo/.test(w)), warnings.join('\n'));
  await context.close();
});
