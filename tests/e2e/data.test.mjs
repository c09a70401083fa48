// Trends, the follow-up report, its print, export and import, in the built app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, stored, isoDay, diaryWith, sixWeeks, KEY, openData, download } from './harness.mjs';
import { validateFhir } from './fhir-schema.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });



async function episodes(page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Report' }).click();
  await page.locator('[data-report]').waitFor();
  return page.locator('[data-report] [data-rule]').evaluateAll((els) => els.map((e) => `${e.dataset.rule} ${e.dataset.from} ${e.dataset.to}`).sort());
}

test('the report: change against baseline, charts with tables, events, logs', async () => {
  const page = await openApp(browser, server.url, { diary: sixWeeks() });
  await page.getByRole('navigation').getByRole('button', { name: 'Report' }).click();
  const report = page.locator('[data-report]');
  const back = report.locator('.glance li[data-measure="back_pain"]');
  assert.equal(await back.innerText(), 'Back pain: 6\u00a0→\u00a01.6 (−4.4\u00a0points, −74%) clinically important improvement');
  assert.doesNotMatch(await report.locator('.glance li[data-measure="walk_distance"]').innerText(), /important|%/);
  assert.match(await report.innerText(), /Clinically important: pain changed by at least 2 points or 30%/);
  assert.equal(await report.locator('svg[role="img"]').count(), 5);
  assert.match(await report.locator('#chart-leg_pain-desc').textContent(), /before the procedure 7/);
  assert.equal(await report.locator('details.chart-table').count(), 5);
  assert.match(await report.innerText(), /When can I play golf again\?/);
  assert.match(await report.locator('.incision-runs').innerText(), /blood-tinged fluid/);
  assert.match(await report.innerText(), /Gone: Left calf: numbness/);
  assert.match(await report.innerText(), /Paracetamol 500 mg/);
  assert.match(await report.locator('.glance').innerText(), /Falls: day 12/);
  // Ranges change what the charts show: 2 weeks on day 42 is days 28 to 42.
  await page.getByRole('radio', { name: '2 weeks' }).check();
  assert.equal(await report.locator('#chart-back_pain circle').count(), 15);
  await page.getByRole('radio', { name: 'All' }).check();
  assert.equal(await report.locator('#chart-back_pain circle').count(), 43);
  await page.context().close();
});

test('the report on a 390 px phone: its tables fit without sideways scrolling; on a desktop the incision log is a table', async () => {
  for (const lang of [undefined, 'es']) {
    const page = await openApp(browser, server.url, { diary: sixWeeks(), lang });
    await page.locator('nav button[data-nav="report"]').click();
    await page.locator('details.incision-days summary').click();
    await page.locator('.incision-log').waitFor();
    const wide = await page.locator('.table-wrap').evaluateAll((els) => els
      .filter((e) => e.scrollWidth > e.clientWidth)
      .map((e) => `${e.getAttribute('aria-label')}: ${e.scrollWidth} px in ${e.clientWidth} px`));
    assert.deepEqual(wide, [], `lang ${lang ?? 'en'}`);
    // Each day of the incision log reads as labelled lines: "Day 0", "Pain: 4", ... (the
    // label is the cell's column header, drawn before it by CSS).
    const day0 = await page.locator('.incision-log tbody tr').first().evaluate((tr) => {
      const headers = [...tr.closest('table').querySelectorAll('thead th')].map((th) => th.textContent);
      return [...tr.cells].map((td, i) => {
        const before = getComputedStyle(td, '::before').content;
        return `${before === 'none' || td.dataset.label !== headers[i] ? '' : td.dataset.label + (i ? ': ' : ' ')}${td.innerText}`;
      }).join(' | ');
    });
    assert.match(day0, lang ? /^Día 0 \| Dolor: 4 \| Vendaje: con manchas \|/ : /^Day 0 \| Pain: 4 \| Bandage: spotted \|/);
    await page.context().close();
  }
  const desktop = await openApp(browser, server.url, { diary: sixWeeks(), size: { width: 1280, height: 800 } });
  await desktop.locator('nav button[data-nav="report"]').click();
  await desktop.locator('details.incision-days summary').click();
  const header = desktop.locator('.incision-log thead th').first();
  await header.waitFor(); // the report's chunk may still be on its way
  assert.equal(await header.isVisible(), true);
  assert.equal(await header.evaluate((th) => getComputedStyle(th.closest('tr')).display), 'table-row');
  assert.match(await desktop.locator('.incision-log tbody tr').first().innerText(), /^0\s+4\s+spotted/);
  await desktop.context().close();
});

test('the printed report: six weeks fit one page, charts included, no navigation', async () => {
  const page = await openApp(browser, server.url, { diary: sixWeeks(), size: { width: 1280, height: 800 } });
  await page.getByRole('navigation').getByRole('button', { name: 'Report' }).click();
  await page.locator('[data-report]').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.top-bar').isVisible(), false);
  assert.equal(await page.locator('.chart svg').first().isVisible(), true);
  const pdf = await page.pdf({ format: 'Letter', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(`PRINTED REPORT PAGES (6 weeks, Letter): ${pages}`);
  assert.equal(pages, 1);
  await page.context().close();
});

test('FHIR export validates against the official FHIR R4 JSON schema', async () => {
  const page = await openApp(browser, server.url, { diary: sixWeeks() });
  await openData(page);
  const { name, text } = await download(page, 'Download FHIR');
  assert.match(name, /\.fhir\.json$/);
  const bundle = JSON.parse(text);
  assert.equal(bundle.resourceType, 'Bundle');
  assert.equal(bundle.type, 'collection');
  const kinds = bundle.entry.map((e) => e.resource.resourceType);
  assert.equal(kinds.filter((k) => k === 'QuestionnaireResponse').length, 43);
  assert.ok(kinds.includes('Patient') && kinds.includes('Questionnaire') && kinds.includes('Flag'));
  assert.ok(bundle.entry.some((e) => e.resource.code?.coding?.[0]?.code === '72514-3' && e.resource.bodySite?.coding?.[0]?.code === '61685007'));
  assert.deepEqual(await validateFhir(bundle), []);
  // The validator is not a rubber stamp: a broken bundle fails.
  bundle.type = 'not-a-bundle-type';
  assert.notDeepEqual(await validateFhir(bundle), []);
  await page.context().close();
});

test('CSV export: BOM, documented header, one row per check-in, formulas neutralised', async () => {
  const diary = diaryWith({ days: [-2, -1] });
  diary.checkins[0].notes = '=HYPERLINK("http://x")';
  const page = await openApp(browser, server.url, { diary });
  await openData(page);
  const { text } = await download(page, 'Download CSV');
  assert.equal(text.charCodeAt(0), 0xfeff);
  const rows = text.slice(1).split('\r\n').filter(Boolean);
  assert.equal(rows.length, 3);
  assert.ok(rows[0].startsWith('date,day,back_pain,leg_pain,'));
  assert.match(text, /"'=HYPERLINK\(""http:\/\/x""\)"/);
  await page.context().close();
});

test('a fresh phone: export, restore from the welcome screen, same diary, units and report', async () => {
  const old = await openApp(browser, server.url, { diary: sixWeeks() });
  const before = await episodes(old);
  await openData(old);
  const backup = await download(old, 'Download JSON');
  await old.getByText(/^Last backup: /).waitFor();
  await old.context().close();

  // A new phone in another region (metric defaults): the welcome screen offers the restore.
  const page = await openApp(browser, server.url, { locale: 'en-GB' });
  await page.getByRole('heading', { name: 'Moving from another phone?' }).waitFor();
  await page.setInputFiles('#restore-file', { name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  await page.getByText('New days to add: 43.').waitFor();
  await page.getByText('Your procedure date will be added.').waitFor();
  await page.getByText('Your “before the procedure” record will be added.').waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Imported. Days added: 43. Days replaced: 0. Nothing was deleted.').waitFor();
  await page.getByRole('heading', { name: /Day 42 after your procedure/ }).waitFor();
  // The file just restored is a backup of everything: no reminder to save one.
  assert.equal(await page.getByText('Save a backup copy of your diary.', { exact: false }).count(), 0);
  const restored = await stored(page);
  assert.equal(restored.checkins.length, 43);
  assert.deepEqual(restored.profile, { procedure_date: isoDay(-42), distance_unit: 'ft', temperature_unit: 'F' });
  assert.deepEqual(await episodes(page), before);
  await page.context().close();
});

test('a file with another procedure date: this phone keeps its own and says so', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ procedureOffset: -10, days: [-1] }) });
  await openData(page);
  const file = diaryWith({ procedureOffset: -12, days: [-2] });
  await page.setInputFiles('#import-file', { name: 'f.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByText(/^The file gives .* as your procedure date\. This phone has .* and keeps it; you can change it in Settings\.$/).waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Imported. Days added: 1. Days replaced: 0. Nothing was deleted.').waitFor();
  assert.equal((await stored(page)).profile.procedure_date, isoDay(-10));
  await page.context().close();
});

test('import merges by date: the preview, keep mine or use the file, nothing deleted', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-3, -2] }) });
  const file = diaryWith({ days: [-2, -1] });
  file.checkins[0].pain.back = 9; // differs from this phone's day -2
  await openData(page);
  await page.setInputFiles('#import-file', { name: 'f.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...file, extra_field: 1 })) });
  await page.getByText('New days to add: 1.').waitFor();
  await page.getByText('Days that differ from what this phone has: 1.').waitFor();
  await page.getByText('Fields this app does not know, ignored: 1.').waitFor();
  await page.getByRole('radio', { name: "Use the file's version" }).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText('Imported. Days added: 1. Days replaced: 1. Nothing was deleted.').waitFor();
  const s = await stored(page);
  assert.deepEqual(s.checkins.map((c) => c.date), [isoDay(-3), isoDay(-2), isoDay(-1)]);
  assert.equal(s.checkins[1].pain.back, 9);
  await page.context().close();
});

test("the file button speaks the diary's language, not the browser's, and a tap on it opens the chooser", async () => {
  // A Spanish diary in an English browser: the browser's own button would say "Choose File".
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }), lang: 'es', locale: 'en-US' });
  await page.locator('nav button[data-nav="settings"]').click();
  await page.getByRole('button', { name: 'Guardar, compartir o importar' }).click();
  const input = page.getByLabel('Elegir un archivo del diario');
  assert.equal(await input.getAttribute('id'), 'import-file');
  // The input lies unseen over the button drawn by the diary: a tap in its middle lands on it.
  await page.locator('.file-field label').scrollIntoViewIfNeeded();
  const hit = await page.locator('.file-field label').evaluate((label) => {
    const r = label.getBoundingClientRect();
    const under = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return { id: under?.id, opacity: getComputedStyle(under).opacity, text: label.textContent };
  });
  assert.deepEqual(hit, { id: 'import-file', opacity: '0', text: 'Elegir un archivo del diario' });
  const chooser = page.waitForEvent('filechooser');
  const box = await page.locator('.file-field label').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const file = diaryWith({ days: [-2] });
  await (await chooser).setFiles({ name: 'f.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByText('Días nuevos que se añadirán: 1.').waitFor();
  await page.context().close();
});

const BAD_FILES = [
  ['not JSON', 'this is not json', /not valid JSON/],
  ['wrong format', JSON.stringify({ format: 'other', version: 1, checkins: [] }), /not a Recovery Diary file/],
  ['newer version', JSON.stringify({ format: 'recovery-diary', version: 7, checkins: [] }), /newer version/],
  ['wrong type', JSON.stringify({ format: 'recovery-diary', version: 1, checkins: [{ date: '2026-11-01', chills: 'no' }] }), /checkins\[0\]\.chills/],
  ['out of range', JSON.stringify({ format: 'recovery-diary', version: 1, checkins: [{ date: '2026-11-01', pain: { leg: 12 } }] }), /checkins\[0\]\.pain\.leg: must be a whole number from 0 to 10/],
  ['duplicate dates', JSON.stringify({ format: 'recovery-diary', version: 1, checkins: [{ date: '2026-11-01' }, { date: '2026-11-01' }] }), /checkins\[1\]\.date: 2026-11-01 appears twice/],
  ['10 MB', JSON.stringify({ format: 'recovery-diary', version: 1, checkins: [], notes: 'x'.repeat(10 * 1024 * 1024) }).replace('"checkins":[]', '"checkins":[{"date":"2026-11-01","pain":{"back":"high"}}]'), /checkins\[0\]\.pain\.back/],
];

test('malformed files are refused with a clear message and change nothing', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }) });
  const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
  await openData(page);
  for (const [label, body, message] of BAD_FILES) {
    await page.setInputFiles('#import-file', { name: `${label}.json`, mimeType: 'application/json', buffer: Buffer.from(body) });
    const error = page.locator('.data .error');
    await error.waitFor();
    assert.match(await error.innerText(), message, label);
    assert.match(await error.innerText(), /Nothing was changed/, label);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), before, label);
    await page.setInputFiles('#import-file', []);
  }
  await page.context().close();
});
