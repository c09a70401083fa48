// Profiles one Save with 5 years of history in headless Chromium (CPU profile through the
// DevTools protocol) and prints where the time went, by function. For finding the cause of
// a missed budget; `node scripts/profile-save.mjs` after `trunk build --release`.
import { serve, launch, openApp, longDiary } from '../tests/e2e/harness.mjs';

const server = await serve();
const browser = await launch();
const page = await openApp(browser, server.url, { diary: longDiary(5 * 365) });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const self = new Map();
let total = 0;
for (let run = 0; run < 5; run++) {
  await page.getByRole('button', { name: /today's check-in/ }).first().click();
  // The warning questions and both pains answered, so that Save saves at once.
  await page.getByRole('button', { name: 'I have none of these' }).click();
  await page.locator('label[for="pain-back-3"]').click();
  await page.locator('label[for="pain-leg-2"]').click();
  for (let s = 0; s < 6; s++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  await cdp.send('Profiler.start');
  const ms = await page.evaluate(() => new Promise((done) => {
    const save = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save');
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (document.querySelector('.notice .no-flag, .notice .day-result')) { obs.disconnect(); done(performance.now() - t0); }
    });
    obs.observe(document.body, { subtree: true, childList: true });
    save.click();
  }));
  const { profile } = await cdp.send('Profiler.stop');
  total += ms;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}`;
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
  });
}
console.log(`save to render, mean of 5: ${(total / 5).toFixed(1)} ms; self time by function (ms per save):`);
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)
  .forEach(([name, ms]) => console.log(`${(ms / 5).toFixed(2).padStart(8)}  ${name}`));
await browser.close();
await server.close();
