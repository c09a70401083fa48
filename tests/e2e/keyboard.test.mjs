// Keyboard only: setup and a full check-in with Tab, arrows, Space and Enter, no mouse.
// Also: axe in the dark colour scheme, and text at 200% without horizontal scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, stored, isoDay, axeViolations, SIZES } from './harness.mjs';
import { SCREENS } from './screens.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Presses Tab until the focused element matches; fails after 60 presses. */
async function tabTo(page, describe, match) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      return a ? { tag: a.tagName, text: (a.innerText || a.value || '').trim(), name: a.name || '', id: a.id || '', type: a.type || '' } : null;
    });
    if (el && match(el)) return el;
  }
  throw new Error(`Tab never reached ${describe}`);
}

const button = (label) => (el) => el.tag === 'BUTTON' && el.text.startsWith(label);

/** Presses Enter on a button that opens a new screen or step, and waits until the app has
 * moved focus to the new heading (Yew may run that effect a task after the render, and a
 * Tab pressed before it would be undone by it). */
async function enterAndLand(page) {
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const a = document.activeElement;
    return a && /^H[12]$/.test(a.tagName) && a.getAttribute('tabindex') === '-1';
  });
}

test('keyboard only: setup, then a full check-in, saved', async () => {
  const page = await openApp(browser, server.url);
  await tabTo(page, 'continue', button('I understand, continue'));
  await enterAndLand(page);
  await tabTo(page, 'the date field', (el) => el.id === 'procedure-date');
  await page.keyboard.type(`${isoDay(-5).slice(5, 7)}${isoDay(-5).slice(8, 10)}${isoDay(-5).slice(0, 4)}`);
  await tabTo(page, 'Next', button('Next'));
  await enterAndLand(page);
  // The clinic's number: typed, then Next.
  await tabTo(page, 'the clinic phone', (el) => el.id === 'setup-clinic-phone');
  await page.keyboard.type('555-0100');
  await tabTo(page, 'Next', button('Next'));
  await enterAndLand(page);
  await tabTo(page, 'Next', button('Next'));
  await enterAndLand(page);
  await tabTo(page, 'skip', button('Skip for now'));
  await enterAndLand(page);

  await tabTo(page, "today's check-in", button("Start today's check-in"));
  await enterAndLand(page);
  // Step 1: answer each warning question "No" with the arrow keys (the step needs them all).
  for (const q of ['saddle_numbness', 'bladder_trouble', 'incontinence', 'rapid_weakness', 'both_legs', 'allergic_reaction', 'chest_pain_or_breathless', 'bleeding_uncontrolled']) {
    await tabTo(page, q, (el) => el.name === `q-${q}`);
    await page.keyboard.press('ArrowRight'); // Yes -> No (moves and checks)
  }
  await tabTo(page, 'Next', button('Next'));
  await enterAndLand(page);
  // Step 2: back pain 4 (arrow right from 0), leg pain 3.
  await tabTo(page, 'back pain', (el) => el.name === 'pain-back');
  await page.keyboard.press('Space');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await tabTo(page, 'leg pain', (el) => el.name === 'pain-leg');
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await tabTo(page, 'Next', button('Next'));
  await enterAndLand(page);
  // Step 3: walking distance.
  await tabTo(page, 'distance', (el) => el.id === 'walk-distance');
  await page.keyboard.type('300');
  for (let step = 3; step < 8; step++) {
    await tabTo(page, 'Next', button('Next'));
    await enterAndLand(page);
    await page.getByText(`Step ${step + 1} of 8`).waitFor();
  }
  await tabTo(page, 'a note', (el) => el.id === 'note');
  await page.keyboard.type('Typed with the keyboard');
  await tabTo(page, 'save', (el) => el.tag === 'BUTTON' && el.text === 'Save');
  await enterAndLand(page);
  await page.getByText("Today's check-in is done.").waitFor();
  const c = (await stored(page)).checkins.find((x) => x.date === isoDay(0));
  assert.equal(c.pain.back, 4);
  assert.equal(c.pain.leg, 3);
  assert.equal(c.walking.distance.value, 300);
  assert.equal(c.symptoms.bladder_trouble, false);
  assert.equal(c.notes, 'Typed with the keyboard');
  await page.context().close();
});

for (const [sizeName, size] of Object.entries(SIZES)) {
  test(`axe in the dark colour scheme, every screen, ${sizeName}`, async () => {
    const failures = [];
    for (const screen of SCREENS) {
      const context = await browser.newContext({ viewport: size, locale: 'en-US', colorScheme: 'dark' });
      const page = await screen.open(browser, server.url, { size, context });
      const v = await axeViolations(page);
      if (v.length) failures.push(`${screen.name}: ${JSON.stringify(v)}`);
      await context.close();
    }
    assert.deepEqual(failures, []);
  });
}

test('text at 200% on a phone: nothing wider than the screen', async () => {
  const failures = [];
  for (const screen of SCREENS) {
    const page = await screen.open(browser, server.url, { size: SIZES.phone });
    await page.addStyleTag({ content: 'html { font-size: 225% !important; }' }); // 2 × the 112.5% base
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > SIZES.phone.width) failures.push(`${screen.name}: ${width}px`);
    await page.context().close();
  }
  assert.deepEqual(failures, []);
});
