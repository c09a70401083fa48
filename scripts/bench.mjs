// Prints the performance figures in one run (after scripts/bench.sh has built the
// app and the counter fixture). Numbers only: nothing here passes or fails.
import { readFile, readdir, mkdtemp } from 'node:fs/promises';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { tmpdir, cpus } from 'node:os';
import { serve, launch, openApp, longDiary, diaryWith, isoDay, KEY } from '../tests/e2e/harness.mjs';
import { openTimes, CASES } from './open-times.mjs';
import { reportTimes } from './report-time.mjs';

const run = promisify(execFile);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function transfer(dir, pick) {
  let raw = 0, gz = 0, br = 0;
  for (const f of (await readdir(dir)).filter(pick)) {
    const b = await readFile(join(dir, f));
    raw += b.length; gz += gzipSync(b, { level: 9 }).length; br += brotliCompressSync(b).length;
  }
  return { raw, gz, br };
}

console.log(`Recovery Diary benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);

// 1. Transfer: what the browser downloads for a first open of index.html, from the server's
// request log, compressed as served (once gzip only, once brotli), up to the interactive
// welcome screen; then what the service worker fetches to work offline (after that).
const counter = await transfer('bench/counter/dist', (f) => /\.(js|wasm)$/.test(f));
async function firstOpen(encoding, root) {
  const srv = await serve({ compress: encoding, log: [], ...(root ? { root } : {}) });
  const b = await launch();
  const measure = async (serviceWorkers) => {
    const log = [];
    srv.log = log;
    const context = await b.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers });
    const page = await context.newPage();
    await page.goto(`${srv.url}index.html`);
    await page.getByRole('button', { name: 'I understand, continue' }).waitFor();
    if (serviceWorkers === 'allow') {
      await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated', null, { timeout: 60_000 });
    }
    await context.close();
    return log;
  };
  // The page alone (no worker): what a first open downloads before the diary is usable.
  const files = await measure('block');
  // Then the worker's precache, which follows in the background (the whole log less the page's).
  const all = await measure('allow');
  await b.close();
  await srv.close();
  const sum = (l) => l.reduce((n, r) => n + r.bytes, 0);
  return { total: sum(files), files, precache: sum(all) - sum(files) };
}
const gz = await firstOpen('gzip');
const br = await firstOpen('br');
console.log(`\n1. First open of index.html, as downloaded (request log, compressed as served)`);
for (const f of gz.files) console.log(`   ${f.path.padEnd(28)} gzip ${kb(f.bytes).padStart(9)}, brotli ${kb(br.files.find((x) => x.path === f.path)?.bytes ?? NaN).padStart(9)}`);
console.log(`   total: gzip ${kb(gz.total)}, brotli ${kb(br.total)}`);
console.log(`   bare Yew counter (wasm + js): gzip ${kb(counter.gz)}, brotli ${kb(counter.br)}`);
console.log(`   app / counter: gzip ${(gz.total / counter.gz).toFixed(2)}×, brotli ${(br.total / counter.br).toFixed(2)}× (required ≤ 300 KB gzip, ≤ 5.4×; goal 2.5×)`);
console.log(`   then the service worker's precache for offline use: gzip ${kb(gz.precache)}, brotli ${kb(br.precache)}`);
if (process.env.BENCH_BASE_DIST) {
  // The same first open of the base build (BENCH_BASE), for the change this build makes.
  const [bgz, bbr] = [await firstOpen('gzip', process.env.BENCH_BASE_DIST), await firstOpen('br', process.env.BENCH_BASE_DIST)];
  const pct = (a, b) => `${((a / b - 1) * 100).toFixed(1)}%`;
  console.log(`   ${process.env.BENCH_BASE}: gzip ${kb(bgz.total)}, brotli ${kb(bbr.total)}; this build ${pct(gz.total, bgz.total)} gzip, ${pct(br.total, bbr.total)} brotli`);
}

// 2. Lighthouse, mobile, served compressed.
const lhServer = await serve({ compress: true });
await lhServer.warm();
try {
  const out = join(await mkdtemp(join(tmpdir(), 'lh-')), 'r.json');
  await run('node_modules/.bin/lighthouse', [`${lhServer.url}index.html`, '--chrome-path=/usr/bin/chromium',
    '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
    '--only-categories=performance,accessibility,best-practices', '--form-factor=mobile', '--output=json', `--output-path=${out}`, '--quiet'], { timeout: 240_000 });
  const r = JSON.parse(await readFile(out, 'utf8'));
  const score = (k) => Math.round(r.categories[k].score * 100);
  console.log(`\n2. Lighthouse (mobile): performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}`);
  console.log(`   FCP ${r.audits['first-contentful-paint'].displayValue}, LCP ${r.audits['largest-contentful-paint'].displayValue}, TBT ${r.audits['total-blocking-time'].displayValue}`);
} catch (e) {
  console.log(`\n2. Lighthouse failed: ${e.message.split('\n')[0]}`);
}
await lhServer.close();

// 3 and 4 in the browser.
const server = await serve();
const browser = await launch();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

console.log('\n3. Navigation to an interactive home screen (median of 5)');
for (const [label, diary] of [['empty', null], ['1 year', longDiary(365)], ['5 years', longDiary(5 * 365)]]) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const page = await openApp(browser, server.url, { diary });
    await page.locator(diary ? 'text=Start today\'s check-in' : 'text=I understand, continue').waitFor();
    // performance.now() counts from the start of the navigation.
    times.push(await page.evaluate(() => performance.now()));
    await page.context().close();
  }
  console.log(`   ${label}: ${median(times).toFixed(0)} ms`);
}

// 3b. Open to an interactive home with the CPU throttled 4× (DevTools protocol), this build
// against the base build (BENCH_BASE_DIST, built by bench.sh from BENCH_BASE) in the same run:
// a first open (fresh context) and the median of 6 reopens (same context; the test server
// sends no caching headers, so a reopen fetches the files again, from memory, compressed),
// for the empty diary, 5 years, and the empty diary over slow 4G (open-times.mjs's CASES).
const baseDist = process.env.BENCH_BASE_DIST;
console.log(`\n3b. Open to an interactive home, CPU throttled 4× (first open; median of 6 reopens)${baseDist ? `, against ${process.env.BENCH_BASE}` : ' (set BENCH_BASE to compare with another build)'}`);
for (const [label, diary, network] of CASES) {
  const now = await openTimes(join(process.cwd(), 'dist'), diary, network);
  let line = `   ${label}: this build ${now.first.toFixed(0)} ms; ${now.reopen.toFixed(0)} ms`;
  if (baseDist) {
    const base = await openTimes(baseDist, diary, network);
    line += ` | base ${base.first.toFixed(0)} ms; ${base.reopen.toFixed(0)} ms`;
  }
  console.log(line);
}

console.log('\n4. Tap on Save to the re-rendered screen with its flags (median of 20)');
const results = {};
for (const [label, days] of [['30 days', 30], ['5 years', 5 * 365]]) {
  const page = await openApp(browser, server.url, { diary: longDiary(days) });
  const times = [], writes = [];
  for (let i = 0; i < 20; i++) {
    await page.getByRole('button', { name: /today's check-in/ }).first().click();
    // The warning questions and both pains answered, so that Save saves at once.
    await page.getByRole('button', { name: 'I have none of these' }).click();
    await page.locator('label[for="pain-back-3"]').click();
    await page.locator('label[for="pain-leg-2"]').click();
    for (let s = 0; s < 6; s++) await page.getByRole('button', { name: 'Next', exact: true }).click();
    const [shown, written] = await page.evaluate(() => new Promise((done) => {
      const save = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save');
      // When the write to storage ends (it runs in its own task after the render).
      const setItem = Storage.prototype.setItem;
      let shownAt = null;
      Storage.prototype.setItem = function (...args) {
        setItem.apply(this, args);
        Storage.prototype.setItem = setItem;
        done([shownAt, performance.now() - t0]);
      };
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        if (document.querySelector('.notice .no-flag, .notice .day-result')) { obs.disconnect(); shownAt = performance.now() - t0; }
      });
      obs.observe(document.body, { subtree: true, childList: true });
      save.click();
    }));
    times.push(shown);
    writes.push(written);
  }
  results[label] = median(times);
  console.log(`   ${label}: ${results[label].toFixed(1)} ms (then written to storage ${median(writes).toFixed(1)} ms after the tap, in its own task)`);
  if (days > 30) {
    const bytes = await page.evaluate((k) => localStorage.getItem(k).length, KEY);
    console.log(`\n6. Stored: ${bytes} bytes for ${days} check-ins (${(bytes / days).toFixed(0)} per check-in; budget 5 years ≤ 1.5 MB)`);
  }
  await page.context().close();
}
console.log(`   5 years / 30 days: ${(results['5 years'] / results['30 days']).toFixed(2)} (budget ≤ 2; median ≤ 16 ms with 5 years)`);

// 5. History with 20 years of daily check-ins: the tap on History to its list on screen. It
// shows the latest 60 and earlier ones on request, so the time does not grow with the years.
{
  const days = 20 * 365;
  const diary = diaryWith({ procedureOffset: -days, days: [] });
  for (let i = days - 1; i >= 0; i--) {
    diary.checkins.push({ date: isoDay(-i), pain: { back: 1 + (i % 6), leg: 1 + (i % 5) }, walking: { minutes: i % 30 }, standing_minutes: i % 40, neuro: [] });
  }
  const page = await openApp(browser, server.url, { diary });
  const times = [];
  for (let i = 0; i < 7; i++) {
    times.push(await page.evaluate(() => new Promise((done) => {
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        if (document.querySelector('.history-item')) { obs.disconnect(); done(performance.now() - t0); }
      });
      obs.observe(document.body, { subtree: true, childList: true });
      document.querySelector('nav button[data-nav="history"]').click();
    })));
    await page.locator('nav button[data-nav="home"]').click();
    await page.getByRole('button', { name: /today's check-in/ }).first().waitFor();
  }
  console.log(`\n5. History with 20 years of daily check-ins (${days}): tap to the list on screen, median of 7: ${median(times).toFixed(1)} ms (budget 200 ms)`);
  await page.context().close();
}
await browser.close();
await server.close();

// 7. The follow-up report with 20 years of daily check-ins (budget: under 200 ms).
console.log('\n7. Tap on Report to the report in the page, its chunk loaded (median of 7, 390×844)');
for (const line of await reportTimes([['20 years', 20 * 365]])) console.log(`   ${line}`);
