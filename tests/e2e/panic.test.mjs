// A panic anywhere shows a recovery screen, never a blank page, and it offers the stored
// diary as a download. Runs against the test build with the `panic-test` feature
// (target/dist-panic, built by scripts/test.sh), where an event makes the app panic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, diaryWith, KEY, STRICT_CSP } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../target/dist-panic/', import.meta.url));
let server, browser;
before(async () => { server = await serve({ root: ROOT, csp: STRICT_CSP }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const lang of ['en', 'es']) {
  test(`a panic shows the recovery screen (${lang}) with the diary to download`, async () => {
    const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-2, -1] }), lang });
    const raw = await page.evaluate((k) => localStorage.getItem(k), KEY);
    const panicked = page.waitForEvent('console', (m) => m.type() === 'error' && /deliberate panic/.test(m.text()));
    await page.evaluate(() => window.dispatchEvent(new Event('recovery-diary-test-panic')));
    await panicked;
    const screen = page.locator('.panic-screen');
    await screen.waitFor();
    assert.equal(await screen.getAttribute('role'), 'alert');
    assert.equal(await screen.getAttribute('lang'), lang);
    await screen.getByRole('heading', { name: lang === 'es' ? 'Algo salió mal en el diario' : 'Something went wrong in the diary' }).waitFor();
    assert.match(await screen.innerText(), lang === 'es' ? /llame ahora a su número de emergencias/ : /call your emergency number or your clinic now/);
    // The rest of the app is gone, not half-drawn.
    assert.equal(await page.locator('.app').count(), 0);
    // The stored diary, byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      screen.getByRole('link', { name: lang === 'es' ? 'Descargar mi diario' : 'Download my diary' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'recovery-diary-backup.json');
    assert.equal(await readFile(await download.path(), 'utf8'), raw);
    // Nothing was lost: reloading opens the diary again.
    await screen.getByRole('link', { name: lang === 'es' ? 'Recargar' : 'Reload' }).click();
    await page.locator('.app').waitFor();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), raw);
    await page.context().close();
  });
}

test('two diaries on one page in two languages: each recovery screen in its own', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  // A portal page with two embeds (served from the app's origin, under the strict CSP).
  await page.route(`${server.url}demo/two.html`, (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'content-security-policy': STRICT_CSP },
    body: `<!doctype html><html lang="en"><head><title>Two diaries</title></head><body>
      <recovery-diary language="es" namespace="clinic-es"></recovery-diary>
      <recovery-diary language="en" namespace="clinic-en"></recovery-diary>
      <script type="module" src="../boot.js"></script></body></html>`,
  }));
  await page.goto(`${server.url}demo/two.html`);
  const [es, en] = [page.locator('recovery-diary').nth(0), page.locator('recovery-diary').nth(1)];
  await es.getByRole('heading', { name: 'Le damos la bienvenida a su diario de recuperación' }).waitFor();
  await en.getByRole('heading', { name: 'Welcome to your recovery diary' }).waitFor();
  const panicked = page.waitForEvent('console', (m) => m.type() === 'error' && /deliberate panic/.test(m.text()));
  await page.evaluate(() => window.dispatchEvent(new Event('recovery-diary-test-panic')));
  await panicked;
  await es.locator('.panic-screen').getByRole('heading', { name: 'Algo salió mal en el diario' }).waitFor();
  await en.locator('.panic-screen').getByRole('heading', { name: 'Something went wrong in the diary' }).waitFor();
  assert.equal(await es.locator('.panic-screen').getAttribute('lang'), 'es');
  assert.equal(await en.locator('.panic-screen').getAttribute('lang'), 'en');
  await context.close();
});
