// Shared e2e harness: serves the release build (dist/) on 127.0.0.1 and drives Debian's
// /usr/bin/chromium with playwright-core. No test sleeps: Playwright waits for conditions.
import { createServer } from 'node:http';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

export const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
export const KEY = 'recovery-diary';

/**
 * The strict policy the app must work under: it may fetch only its own files
 * from its own origin (the `.wasm`), never data anywhere.
 */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** A stricter policy that forbids even the app's own files: the app must say so. */
export const OLD_CSP = STRICT_CSP.replace("connect-src 'self'", "connect-src 'none'");

/**
 * The service worker's own policy: a worker's CSP comes from its own response, and it must
 * fetch the app's files to cache them.
 */
export const WORKER_CSP = "default-src 'self'; script-src 'self'; connect-src 'self'";

/**
 * Serves dist/ (or `root`) on a free port of 127.0.0.1, with `csp` on every response.
 * `compress`: false, true (brotli or gzip as the browser accepts), 'gzip' or 'br' (that one
 * only). `log`: an array that gets `{ path, bytes, encoding }` for every response sent.
 * A file is compressed once (as a production server or CDN keeps it precompressed), and
 * `warm()` compresses them all, so that timings measure the app, not this server's brotli.
 */
export async function serve({ csp = null, root = DIST, compress = false, log = null, redirects = {} } = {}) {
  // `handle.log` may be replaced between page loads to measure each on its own.
  const handle = { url: null, log, close: () => new Promise((ok) => server.close(ok)) };
  const compressed = new Map();
  const squeeze = (file, body, encoding) => {
    const key = `${encoding}:${file}`;
    if (!compressed.has(key)) compressed.set(key, encoding === 'br' ? brotliCompressSync(body) : gzipSync(body, { level: 9 }));
    return compressed.get(key);
  };
  handle.warm = async () => {
    for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      const body = await readFile(file);
      for (const encoding of compress === true ? ['br', 'gzip'] : compress ? [compress] : []) squeeze(file, body, encoding);
    }
  };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    // `redirects`: a path answered 302 to another address (same-origin checks are tested).
    if (redirects[path]) { res.writeHead(302, { location: redirects[path] }).end(); return; }
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (csp) headers['content-security-policy'] = file.endsWith('sw.js') ? WORKER_CSP : csp;
      const accept = String(req.headers['accept-encoding'] || '');
      let sent = body;
      if ((compress === true || compress === 'br') && accept.includes('br')) {
        headers['content-encoding'] = 'br';
        sent = squeeze(file, body, 'br');
      } else if ((compress === true || compress === 'gzip') && accept.includes('gzip')) {
        headers['content-encoding'] = 'gzip';
        sent = squeeze(file, body, 'gzip');
      }
      handle.log?.push({ path, bytes: sent.length, encoding: headers['content-encoding'] ?? 'identity' });
      res.writeHead(200, headers).end(sent);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  handle.url = `http://127.0.0.1:${server.address().port}/`;
  return handle;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page on `url` with `diary` (an object, a raw string, or null for none) in storage, and
 * with `lang` ('en', 'es') the language the patient chose in Settings (none by default);
 * `draft`: with a check-in of today kept as a draft.
 * `query`: the clinic's configuration in the URL ("?questionnaires=…").
 * Every request that leaves the app's own origin is recorded in `page.foreignRequests`.
 */
export async function openApp(browser, url, { diary = null, size = SIZES.phone, locale, lang, context, query = '', draft = false } = {}) {
  locale ??= lang === 'es' ? 'es-US' : 'en-US';
  const ctx = context ?? await browser.newContext({ viewport: size, locale });
  const page = await ctx.newPage();
  page.foreignRequests = [];
  page.on('request', (r) => { if (!r.url().startsWith(url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) page.foreignRequests.push(r.url()); });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  if (diary !== null || lang || draft) {
    // Seed from a file of the same origin that does not run the app.
    await page.goto(url + 'manifest.webmanifest');
    if (diary !== null) {
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, typeof diary === 'string' ? diary : JSON.stringify(diary)]);
    }
    if (lang) {
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`${KEY}.settings`, JSON.stringify({ language: lang })]);
    }
    if (draft) {
      // A check-in left as a draft (a diary file of that one check-in, and its step): today's,
      // on its pain step.
      const value = { format: 'recovery-diary', version: 2, profile: { distance_unit: 'ft', temperature_unit: 'F' },
        checkins: [{ date: isoDay(0), pain: { back: 4 }, neuro: [] }] };
      await page.evaluate(([k, v]) => { localStorage.setItem(k, v); localStorage.setItem(`${k}-step`, '1'); }, [`${KEY}.draft`, JSON.stringify(value)]);
    }
  }
  await page.goto(url + query);
  await page.locator('main h1').first().waitFor();
  return page;
}

/** What storage holds under `key`, once the app has written every change it shows. */
export async function stored(page, key = KEY) {
  await page.waitForFunction(() => !document.querySelector('.app[data-saving]'));
  return storedNow(page, key);
}

/** What storage holds under `key` right now (a failed save keeps the app's change unwritten). */
export async function storedNow(page, key = KEY) {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key);
  return raw === null ? null : JSON.parse(raw);
}

/** The tier-A questions of the warning step, by their key. */
export const WARNING_KEYS = ['saddle_numbness', 'bladder_trouble', 'incontinence', 'rapid_weakness', 'both_legs',
  'allergic_reaction', 'chest_pain_or_breathless', 'bleeding_uncontrolled'];

/** Answers "No" to each tier-A question of the warning step but those in `except`. */
export async function answerWarningsNo(page, except = []) {
  for (const key of WARNING_KEYS.filter((k) => !except.includes(k))) await page.locator(`label[for="q-${key}-1"]`).click();
}

/** Local date `offset` days from today, as YYYY-MM-DD (the app's notion of today). */
export function isoDay(offset = 0) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A diary in file format v1 with check-ins on the given day offsets. */
export function diaryWith({ procedureOffset = -10, days = [], baseline = true } = {}) {
  return {
    format: 'recovery-diary', version: 1,
    profile: { procedure_date: procedureOffset === null ? undefined : isoDay(procedureOffset), distance_unit: 'ft', temperature_unit: 'F' },
    ...(baseline ? { baseline: { recorded_on: isoDay(-20), pain: { back: 6, leg: 7 }, standing_minutes: 8, neuro: [] } } : {}),
    checkins: days.map((o) => ({ date: isoDay(o), pain: { back: 3, leg: 2 }, neuro: [] })),
  };
}

/** Settings → "Save, share or import": the data screen. */
export async function openData(page) {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Save, share or import' }).click();
  await page.getByRole('heading', { name: 'Your data' }).waitFor();
}

/** Clicks the button named exactly `name` and reads the file it downloads: `{ name, text }`. */
export async function download(page, name) {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name, exact: true }).click();
  const file = await pending;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** The demo questionnaires (daily-life: percent; walking: sum, enableWhen, Spanish). */
export const QUESTIONNAIRES = '?questionnaires=demo/questionnaires/daily-life.json,demo/questionnaires/walking.json';

/** Runs axe-core in the page; returns its violations. */
export async function axeViolations(page) {
  const source = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

/**
 * Six weeks after the procedure, a check-in every day: pain easing, walking and standing
 * improving, incision answers to day 14, a nerve symptom fading, medicines, one fall,
 * chills on one day and a question for the visit.
 */
export function sixWeeks() {
  const checkins = [];
  for (let day = 0; day <= 42; day++) {
    const c = {
      date: isoDay(day - 42),
      pain: { back: Math.max(1, 6 - Math.floor(day / 8)), leg: Math.max(1, 7 - Math.floor(day / 6)), medicine_helped: true },
      walking: { distance: { value: 250 + day * 60, unit: 'ft' }, minutes: 3 + Math.floor(day / 3) },
      standing_minutes: 8 + day,
      neuro: day < 30 ? [{ region: 'calf', side: 'left', kind: 'numbness', severity: Math.max(1, 4 - Math.floor(day / 10)) }] : [],
      symptoms: { saddle_numbness: false, bladder_trouble: false, incontinence: false, rapid_weakness: false, both_legs: false, allergic_reaction: false, chest_pain_or_breathless: false },
      medications: day < 21 ? [{ name: 'Paracetamol', dose: '500 mg', times: 3 }] : [],
      temperature: { value: 98.4, unit: 'F' },
      chills: day === 5,
    };
    if (day <= 14) {
      c.pain.incision = Math.max(0, 4 - Math.floor(day / 4));
      c.incision = { bandage: day < 3 ? 'spotted' : 'none', drainage: day < 2 ? 'blood_tinged' : 'none', redness: 'thin_line', foul_smell: false, warm_or_swollen: false, edges_open: false, bruise_itch_lump: day === 4, bleeding_uncontrolled: false };
    }
    if (day === 12) c.function = { fall: true, leg_gave_way: false };
    if (day === 40) c.ask_at_visit = 'When can I play golf again?';
    checkins.push(c);
  }
  return {
    format: 'recovery-diary', version: 1,
    profile: { procedure_date: isoDay(-42), distance_unit: 'ft', temperature_unit: 'F' },
    baseline: { recorded_on: isoDay(-45), pain: { back: 6, leg: 7 }, walking: { distance: { value: 250, unit: 'ft' }, minutes: 3 }, standing_minutes: 8,
      neuro: [{ region: 'calf', side: 'left', kind: 'numbness', severity: 4 }] },
    checkins,
  };
}

/** A diary with a check-in on each of the last `days` days (for benchmarks). */
export function longDiary(days) {
  const d = diaryWith({ procedureOffset: -days, days: [] });
  for (let i = days - 1; i >= 1; i--) {
    d.checkins.push({
      date: isoDay(-i),
      recorded_at: new Date().toISOString(),
      pain: { back: 1 + (i % 6), leg: 1 + (i % 5), medicine_helped: i % 3 !== 0 },
      walking: { distance: { value: 200 + (i * 37) % 800, unit: 'ft' }, minutes: i % 30 },
      standing_minutes: i % 40,
      neuro: [{ region: 'calf', side: 'left', kind: 'numbness', severity: 2 + (i % 4) }],
      temperature: { value: 98 + (i % 10) / 10, unit: 'F' },
      chills: false,
      symptoms: { saddle_numbness: false, bladder_trouble: false, incontinence: false, rapid_weakness: false, both_legs: false, allergic_reaction: false, chest_pain_or_breathless: false },
      incision: { bleeding_uncontrolled: false },
      medications: [{ name: 'Paracetamol', dose: '500 mg', times: 2 }],
    });
  }
  return d;
}
