// axe-core on every screen at 390×844 and 1280×800: zero violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, axeViolations, SIZES } from './harness.mjs';
import { SCREENS } from './screens.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const [sizeName, size] of Object.entries(SIZES)) {
  for (const screen of SCREENS) {
    test(`axe: ${screen.name} at ${sizeName} (${size.width}×${size.height})`, async () => {
      const page = await screen.open(browser, server.url, { size });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
      assert.deepEqual(page.foreignRequests, [], 'the app makes no request off its origin');
      await page.context().close();
    });
  }
}

test('every tap target is at least 44×44 px on a phone', async () => {
  for (const screen of SCREENS) {
    const page = await screen.open(browser, server.url, { size: SIZES.phone });
    const small = await page.evaluate(() => [...document.querySelectorAll('button, a[href], label.tile, select, input:not([type=radio])')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ el, r }) => `${el.tagName} "${(el.textContent || el.id).trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`));
    assert.deepEqual(small, [], `${screen.name}: ${small.join('; ')}`);
    await page.context().close();
  }
});

test('nothing is wider than a 320 px screen', async () => {
  for (const screen of SCREENS) {
    const page = await screen.open(browser, server.url, { size: { width: 320, height: 640 } });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 320, `${screen.name} is ${overflow}px wide at 320`);
    await page.context().close();
  }
});
