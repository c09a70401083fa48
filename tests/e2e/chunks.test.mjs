// Parts of the diary that come in chunks of their own: when one cannot be
// fetched the patient is told, nothing stored is touched, and "Try again" brings it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, stored, storedNow, diaryWith, KEY, SIZES } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const FAILED = 'This part of the diary could not be loaded';

/** A context whose chunks come from the network, where `failing` can stop them: the
 * service worker's precache (and its fetches, which page.route cannot see) would serve
 * them once installed. Offline opens are offline.test.mjs's. */
const newContext = (locale = 'en-US') => browser.newContext({ viewport: SIZES.phone, locale, serviceWorkers: 'block' });

/** Makes requests for `file` fail until the returned function is called. */
async function failing(page, file) {
  const pattern = `**/${file}`;
  await page.route(pattern, (route) => route.abort());
  return () => page.unroute(pattern);
}

test('a stored diary whose reader (with home) cannot be fetched: a plain message, storage untouched, then Try again opens it', async () => {
  const diary = diaryWith({ days: [-2, -1] });
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(server.url + 'manifest.webmanifest');
  const text = JSON.stringify(diary);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, text]);
  const restore = await failing(page, 'split_ready.wasm');
  await page.goto(server.url);
  const alert = page.getByRole('alert').filter({ hasText: FAILED });
  await alert.waitFor();
  assert.deepEqual(await storedNow(page), diary, 'what is stored is left as it was');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), text);
  await restore();
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('button', { name: "Start today's check-in" }).waitFor();
  assert.equal(await alert.count(), 0);
  await context.close();
});

test('the first save after setup waits for the storage codec (with home); if it cannot come, the patient is told and can try again', async () => {
  const context = await newContext();
  const page = await context.newPage();
  const restore = await failing(page, 'split_ready.wasm');
  await page.goto(server.url);
  await page.getByRole('button', { name: 'I understand, continue' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: "I don't have it now" }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Skip for now' }).click();
  const error = page.getByRole('alert').filter({ hasText: 'Not saved yet.' });
  await error.waitFor();
  assert.match(await error.innerText(), new RegExp(FAILED));
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  await restore();
  await page.getByRole('button', { name: 'Try saving again' }).click();
  const saved = await stored(page);
  assert.equal(saved.format, 'recovery-diary');
  assert.equal(await error.count(), 0);
  await context.close();
});

test('a screen whose chunk cannot be fetched says so; Try again shows it, with focus on its heading', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }), context: await newContext() });
  const restore = await failing(page, 'split_report.wasm');
  await page.getByRole('button', { name: 'Report' }).click();
  await page.getByRole('alert').filter({ hasText: FAILED }).waitFor();
  await restore();
  await page.getByRole('button', { name: 'Try again' }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.match(await heading.innerText(), /report/i);
  await page.context().close();
});

test('Spanish texts that cannot be fetched: the diary opens in English, never blank, and says why in the console', async () => {
  const context = await newContext('es-MX');
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  await failing(page, 'split_spanish.wasm');
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Welcome to your recovery diary', level: 1 }).waitFor();
  assert.equal(await page.locator('.app').getAttribute('lang'), 'en');
  assert.ok(messages.some((m) => m.includes('Spanish texts could not be fetched')), messages.join('\n'));
  await context.close();
});

test('a first open in Spanish draws Spanish from its first words (no English in between)', async () => {
  const context = await newContext('es-MX');
  const page = await context.newPage();
  // Every heading the page ever shows, from the first frame on.
  await page.addInitScript(() => {
    window.headings = [];
    new MutationObserver(() => {
      for (const h of document.querySelectorAll('h1')) {
        if (!window.headings.includes(h.textContent)) window.headings.push(h.textContent);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Le damos la bienvenida a su diario de recuperación', level: 1 }).waitFor();
  const headings = await page.evaluate(() => window.headings);
  assert.ok(!headings.some((h) => h.includes('Welcome')), headings.join(' | '));
  await context.close();
});

test('a returning open fetches two wasm files: the main module and home (its shared chunks merged in)', async () => {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(server.url + 'manifest.webmanifest');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(diaryWith({ days: [-1] }))]);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop()); });
  await page.goto(server.url);
  await page.getByRole('button', { name: "Start today's check-in" }).waitFor();
  assert.deepEqual(wasm.sort(), ['recovery-diary_bg.wasm', 'split_ready.wasm']);
  await context.close();
});
