// Security: the app works under the strict Content-Security-Policy and makes no network
// request after loading its own files; nothing from storage is treated as HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, diaryWith, sixWeeks, STRICT_CSP } from './harness.mjs';

let server, browser;
before(async () => { server = await serve({ csp: STRICT_CSP }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function watch(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

test('under the strict CSP: setup, a check-in, the report; no violation, no request after load', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  await watch(context);
  const page = await openApp(browser, server.url, { context });
  await page.getByRole('button', { name: 'I understand, continue' }).click();
  const requestsAfterLoad = [];
  page.on('request', (r) => requestsAfterLoad.push(r.url()));
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: /Skip for now/ }).click();
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await page.getByRole('button', { name: 'I have none of these' }).click();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.getByText("Today's check-in is done.").waitFor();
  await page.getByRole('navigation').getByRole('button', { name: 'Report' }).click();
  await page.locator('[data-report]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(requestsAfterLoad, [], 'no request after the app loaded');
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
