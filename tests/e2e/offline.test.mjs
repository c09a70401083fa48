// Installable and offline: a manifest with icons, and a service worker that lets the app
// open with no connection (also under the strict CSP).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, stored, isoDay, diaryWith, STRICT_CSP } from './harness.mjs';

let server, browser;
before(async () => { server = await serve({ csp: STRICT_CSP }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the manifest names the app, a start URL and 192/512 icons that load', async () => {
  const page = await (await browser.newContext()).newPage();
  const res = await page.goto(server.url + 'manifest.webmanifest');
  const m = await res.json();
  assert.equal(m.display, 'standalone');
  assert.equal(m.start_url, './index.html');
  for (const icon of m.icons) {
    const r = await page.goto(server.url + icon.src);
    assert.equal(r.status(), 200, icon.src);
  }
  await page.context().close();
});

test('offline: load once, go offline, reload, log a check-in', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }), context });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await page.getByRole('button', { name: 'I have none of these' }).click();
  await page.locator('label[for="pain-back-2"]').click();
  await page.locator('label[for="pain-leg-1"]').click();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText("Today's check-in is done.").waitFor();
  const saved = await stored(page);
  assert.equal(saved.checkins.find((c) => c.date === isoDay(0)).pain.back, 2);
  await context.close();
});
