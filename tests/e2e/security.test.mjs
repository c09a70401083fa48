// Security: the app works under the strict Content-Security-Policy; after it loads, the only
// requests it makes are GETs of its own program chunks from its own origin,
// which carry no data; nothing from storage is treated as HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, diaryWith, sixWeeks, STRICT_CSP, OLD_CSP } from './harness.mjs';

/** The program chunks of the build: the only files fetched after the app has loaded. */
const CHUNKS = new Set(readdirSync(fileURLToPath(new URL('../../dist/', import.meta.url)))
  .filter((f) => /^(chunk_\d+|split_\w+)\.wasm$/.test(f)));

let server, oldServer, browser;
before(async () => {
  server = await serve({ csp: STRICT_CSP });
  oldServer = await serve({ csp: OLD_CSP });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await oldServer?.close(); });

async function watch(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('under the strict CSP: setup, a check-in, the report; no violation; after load only its own chunks, as plain GETs', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  await watch(context);
  const page = await openApp(browser, server.url, { context });
  await page.getByRole('button', { name: 'I understand, continue' }).click();
  const requestsAfterLoad = [];
  page.on('request', (r) => requestsAfterLoad.push(r));
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: "I don't have it now" }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: /Skip for now/ }).click();
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await page.getByRole('button', { name: 'I have none of these' }).click();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Save as it is' }).click();
  await page.getByText("Today's check-in is done.").waitFor();
  await page.getByRole('navigation').getByRole('button', { name: 'Report' }).click();
  await page.locator('[data-report]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  const notChunks = requestsAfterLoad.filter((r) => r.method() !== 'GET' || r.postData() !== null
    || !r.url().startsWith(server.url) || !CHUNKS.has(r.url().slice(server.url.length)));
  assert.deepEqual(notChunks.map((r) => `${r.method()} ${r.url()}`), [], 'after load: only its own chunks, with no data');
  assert.ok(requestsAfterLoad.some((r) => r.url().endsWith('/split_report.wasm')), 'the report came in its own chunk');
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('text from storage is shown as text, never run as HTML', async () => {
  const diary = diaryWith({ days: [-1] });
  diary.checkins[0].ask_at_visit = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  diary.checkins[0].medications = [{ name: '<b>bold</b>', dose: '"><svg onload=window.__pwned=3>' }];
  const context = await browser.newContext();
  await watch(context);
  const page = await openApp(browser, server.url, { diary, context });
  await page.getByRole('navigation').getByRole('button', { name: 'Report' }).click();
  await page.getByText('<img src=x onerror', { exact: false }).first().waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('[data-report] img, [data-report] b, [data-report] script').count(), 0);
  await context.close();
});

test('the wasm is streamed from its own origin as application/wasm (no fallback, no string module)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const logs = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  const wasm = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasm.push([r.url(), r.headers()['content-type']]); });
  await page.goto(server.url);
  await page.locator('main h1').first().waitFor();
  assert.deepEqual(wasm, [[`${server.url}recovery-diary_bg.wasm`, 'application/wasm']]);
  assert.ok(!logs.some((l) => /instantiateStreaming/.test(l)), logs.join('\n'));
  await context.close();
});

for (const [lang, title, words] of [
  ['en-US', 'The diary could not start on this page.', /add 'self' to connect-src/],
  ['es-MX', 'El diario no pudo iniciarse en esta página.', /añadir 'self' a connect-src/],
]) {
  test(`a page whose CSP still says connect-src 'none' gets a visible message (${lang}), never a blank page`, async () => {
    const context = await browser.newContext({ locale: lang });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(oldServer.url);
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: title }).waitFor();
    assert.match(await alert.innerText(), words);
    assert.ok(errors.some((e) => e.includes("connect-src 'self'")), errors.join('\n'));
    // In a portal: in each embedded diary, in the diary's own language attribute.
    await page.goto(`${oldServer.url}demo/portal.html`);
    const embedded = page.locator('recovery-diary').getByRole('alert');
    await embedded.waitFor();
    assert.match(await embedded.innerText(), /connect-src 'self'/);
    await context.close();
  });
}
