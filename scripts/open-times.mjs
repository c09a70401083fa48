// Section 3b of bench.mjs alone, for trying a change quickly: open to an interactive home
// with the CPU throttled 4×, first open and the median of 6 reopens, empty and 5 years, and
// the empty diary over a slow network too (Lighthouse's slow 4G: 150 ms, 1.6 Mbps down).
// Usage: node scripts/open-times.mjs [dist] [base-dist]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, longDiary, KEY } from '../tests/e2e/harness.mjs';

const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
/** The cases measured: label, diary, network conditions (none: as fast as it goes). */
export const CASES = [['empty', null], ['5 years', longDiary(5 * 365)], ['empty, slow 4G', null, SLOW_4G]];

/** One build's open times: the first open and the median of 6 reopens, in ms. */
export async function openTimes(root, diary, network) {
  const srv = await serve({ root, compress: true });
  await srv.warm();
  const b = await launch();
  const context = await b.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  if (diary) {
    await page.goto(srv.url + 'manifest.webmanifest');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(diary)]);
  }
  const ready = diary ? 'text=Start today\'s check-in' : 'text=I understand, continue';
  const once = async () => {
    await page.goto(srv.url + 'index.html');
    await page.locator(ready).waitFor({ timeout: 60_000 });
    return page.evaluate(() => performance.now());
  };
  const first = await once();
  const again = [];
  for (let i = 0; i < 6; i++) again.push(await once());
  await b.close();
  await srv.close();
  return { first, reopen: median(again) };
}
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dist = join(process.cwd(), 'dist'), base] = process.argv.slice(2);
  const rounds = Number(process.env.ROUNDS ?? 3);
  // The builds take turns, round after round (this machine's speed drifts), and each figure
  // is the median over the rounds.
  for (const [label, diary, network] of CASES) {
    const runs = { this: [], base: [] };
    for (let r = 0; r < rounds; r++) {
      for (const [name, root] of [['this', dist], ['base', base]]) {
        if (root) runs[name].push(await openTimes(root, diary, network));
      }
    }
    for (const [name, list] of Object.entries(runs)) {
      if (!list.length) continue;
      console.log(`${label} ${name}: first ${median(list.map((t) => t.first)).toFixed(0)} ms; reopen ${median(list.map((t) => t.reopen)).toFixed(0)} ms (${list.length} rounds)`);
    }
  }
}
