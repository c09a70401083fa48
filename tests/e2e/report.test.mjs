// The follow-up report a clinician reads in two minutes, in the built app: the glance in the
// first screenful (both languages), words rather than rule codes, chart labels clear of the
// data points and large enough, the incision log as runs, the printed page (one page, the
// glance first, the patient's name when they add it), and the name in exports only when
// ticked (FHIR R4, validated).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openApp, SIZES, KEY, storedNow } from './harness.mjs';
import { WORDS } from './screens.mjs';
import { followUp, GLANCE } from './follow-up.mjs';
import { validateFhir } from './fhir-schema.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openReport(lang, { size = SIZES.phone, diary = followUp() } = {}) {
  const page = await openApp(browser, server.url, { diary, lang, size });
  await page.getByRole('navigation').getByRole('button', { name: WORDS[lang ?? 'en'].report }).click();
  await page.locator('[data-report] .glance').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  return page;
}

/** The text of the text nodes whose boxes all lie inside the viewport, in document order. */
function firstScreenful(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
      const node = walk.currentNode;
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const boxes = [...range.getClientRects()].filter((b) => b.width > 0 && b.height > 0);
      const inside = boxes.length && boxes.every((b) => b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight && b.right <= innerWidth);
      if (inside && getComputedStyle(node.parentElement).visibility !== 'hidden') out.push(node.textContent);
    }
    return out.join(' ').replace(/\s+/g, ' ');
  });
}

for (const lang of ['en', 'es']) {
  test(`${lang}: the first screenful at 390×844 holds every item of the glance`, async () => {
    const page = await openReport(lang === 'en' ? undefined : lang);
    const seen = await firstScreenful(page);
    const missing = GLANCE[lang].filter((item) => !seen.includes(item));
    assert.deepEqual(missing, [], `first screenful: ${seen}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test(`${lang}: warning signs in words, the rule id in small print only; one element per episode`, async () => {
    const fixture = await readFile(new URL('../fixtures/every-rule.json', import.meta.url), 'utf8');
    const page = await openReport(lang === 'en' ? undefined : lang, { diary: fixture });
    const text = await page.locator('[data-report]').innerText();
    assert.match(text, /rule|regla/);
    assert.doesNotMatch(text, /\b[ABC]\d+ ·/, 'no "B1 ·" code as a label');
    const small = await page.locator('[data-report] [data-rule] .rule-id').allInnerTexts();
    assert.ok(small.length > 0 && small.every((s) => /^(rule|regla) [ABC]\d+$/.test(s.trim())), small.join(', '));
    // The contract: every episode once, with its rule, tier and dates.
    const expected = JSON.parse(await readFile(new URL('../fixtures/every-rule.episodes.json', import.meta.url), 'utf8'));
    const got = await page.locator('[data-report] [data-rule]').evaluateAll((els) =>
      els.map((e) => `${e.dataset.rule} ${e.dataset.tier} ${e.dataset.from} ${e.dataset.to}`).sort());
    assert.deepEqual(got, [...expected].sort());
    await page.context().close();
  });
}

test('chart labels never sit on a data point, and chart text is at least 12 px at 390 wide', async () => {
  for (const size of [SIZES.phone, SIZES.desktop]) {
    const page = await openReport(undefined, { size });
    const problems = await page.locator('[data-report] .chart svg').evaluateAll((svgs) => {
      const out = [];
      const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      for (const svg of svgs) {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const dots = [...svg.querySelectorAll('.dot')].map((d) => d.getBoundingClientRect());
        for (const t of svg.querySelectorAll('text')) {
          const box = t.getBoundingClientRect();
          const px = parseFloat(getComputedStyle(t).fontSize) * scale;
          if (innerWidth <= 390 && px < 12) out.push(`${svg.closest('figure').id} "${t.textContent}": ${px.toFixed(1)} px`);
          if (dots.some((d) => overlap(box, d))) out.push(`${svg.closest('figure').id} "${t.textContent}" on a point`);
        }
      }
      return out;
    });
    assert.deepEqual(problems, [], `${size.width} wide`);
    await page.context().close();
  }
});

test('one day numbering: the charts, the incision runs and the glance count from day 0', async () => {
  const page = await openReport(undefined);
  const ticks = await page.locator('#chart-back_pain svg text.tick').allTextContents();
  assert.ok(ticks.includes('day 0') && ticks.includes('day 42'), ticks.join(', '));
  // The chart's numbers, built when their disclosure opens: day 0 to day 42.
  const numbers = page.locator('#chart-back_pain details.chart-table');
  assert.equal(await numbers.locator('tbody tr').count(), 0);
  await numbers.locator('summary').click();
  await numbers.locator('tbody tr').first().waitFor();
  assert.equal(await numbers.locator('tbody tr').count(), 43);
  assert.match(await numbers.locator('tbody tr').first().innerText(), /^\S.*\t0\t6$/);
  const runs = await page.locator('.incision-runs li').allInnerTexts();
  assert.equal(runs[0], 'Days 0–1: bandage spotted, blood-tinged fluid, a thin red line at the edge, incision pain 4');
  assert.equal(runs.at(-1), 'Days 5–14: no bandage, no fluid, a thin red line at the edge, incision pain 1–3');
  // The day-by-day table is behind a disclosure.
  const table = page.locator('details.incision-days');
  assert.equal(await table.locator('table').isVisible(), false);
  await table.locator('summary').click();
  assert.equal(await table.locator('tbody tr').count(), 15);
  await page.context().close();
});

test('the printed report: one Letter page that starts with the glance; the name when the patient adds it, kept on this phone only', async () => {
  const page = await openReport(undefined, { size: SIZES.desktop });
  await page.getByLabel('Your name').fill('  Ana   López ');
  await page.getByLabel('Date of birth').fill('1948-03-02');
  await page.getByRole('button', { name: 'Add to the printed page' }).click();
  await page.locator('.patient-line').waitFor();
  const settings = await storedNow(page, `${KEY}.settings`);
  assert.equal(settings.name, 'Ana López');
  assert.equal(settings.birth_date, '1948-03-02');
  assert.doesNotMatch(JSON.stringify(await storedNow(page)), /López|1948/, 'not in the diary');

  await page.emulateMedia({ media: 'print' });
  const dir = await mkdtemp(join(tmpdir(), 'report-'));
  const pdf = join(dir, 'report.pdf');
  const bytes = await page.pdf({ format: 'Letter', printBackground: true });
  await writeFile(pdf, bytes);
  const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(`PRINTED REPORT PAGES (6 weeks, a flag of each tier, Letter): ${pages}`);
  assert.equal(pages, 1);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
  const glance = text.search(/At a glance/i);
  assert.ok(glance >= 0, text.slice(0, 400));
  assert.match(text.slice(0, glance), /^Report for your care team Ana López · born March 2, 1948 $/);
  const day42 = text.indexOf('Day 42 · 6 weeks after the procedure');
  assert.ok(day42 > glance && day42 < glance + 60, text.slice(0, 400));
  for (const item of GLANCE.en) assert.ok(text.indexOf(item) > 0 && text.indexOf(item) < text.indexOf('Trends'), `${item} in the glance block`);
  await page.context().close();
});

test('the name is in no export unless ticked; with it ticked the FHIR bundle has Patient.name and birthDate and is valid R4', async () => {
  const page = await openApp(browser, server.url, { diary: followUp() });
  await page.evaluate(([k]) => localStorage.setItem(`${k}.settings`, JSON.stringify({ name: 'Ana López', birth_date: '1948-03-02' })), [KEY]);
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Save, share or import' }).click();
  const download = async (name) => {
    const pending = page.waitForEvent('download');
    await page.getByRole('button', { name, exact: true }).click();
    return readFile(await (await pending).path(), 'utf8');
  };
  for (const name of ['Download JSON', 'Download CSV', 'Download FHIR']) {
    assert.doesNotMatch(await download(name), /López|1948-03-02/, `${name} without the tick`);
  }
  await page.getByLabel(/Include my name/).check();
  const bundle = JSON.parse(await download('Download FHIR'));
  const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient').resource;
  assert.deepEqual(patient.name, [{ text: 'Ana López' }]);
  assert.equal(patient.birthDate, '1948-03-02');
  assert.deepEqual(await validateFhir(bundle), []);
  assert.doesNotMatch(await download('Download JSON'), /López/, 'the diary file never holds it');
  await page.context().close();
});
