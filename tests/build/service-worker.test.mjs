// web/sw.js as post-build.mjs fills it, run in a Node context with stand-ins for the
// service worker's `self`, `caches` and `fetch`; and the file list post-build gives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { buildFiles, fillServiceWorker } from '../../scripts/post-build.mjs';
import { webSource } from '../../scripts/web-source.mjs';

/** web/sw.js as the build ships it. */
const SOURCE = webSource('sw.js');
const ORIGIN = 'https://clinic.example';

/** Runs the worker's source; returns its event handlers and the stand-ins' records. */
function worker(source, cacheNames = []) {
  const stores = new Map(cacheNames.map((n) => [n, new Map()]));
  const handlers = {};
  const fetched = [];
  let claimed = false;
  const caches = {
    open: async (n) => {
      if (!stores.has(n)) stores.set(n, new Map());
      const store = stores.get(n);
      return {
        addAll: async (urls) => urls.forEach((u) => store.set(new URL(u, `${ORIGIN}/app/sw.js`).href, `cached ${u}`)),
        match: async (req, { ignoreSearch }) => store.get(ignoreSearch ? req.url.split('?')[0] : req.url),
      };
    },
    keys: async () => [...stores.keys()],
    delete: async (n) => stores.delete(n),
  };
  const self = {
    location: new URL(`${ORIGIN}/app/sw.js`),
    addEventListener: (type, fn) => { handlers[type] = fn; },
    clients: { claim: async () => { claimed = true; } },
  };
  const fetch = async (req) => { fetched.push(req.url); return `network ${req.url}`; };
  vm.runInNewContext(source, { self, caches, fetch, URL });
  /** Dispatches an event; resolves with what it waited for or responded with. */
  const dispatch = async (type, fields = {}) => {
    let waited;
    handlers[type]({ ...fields, waitUntil: (p) => { waited = p; }, respondWith: (p) => { waited = p; } });
    return waited;
  };
  return { dispatch, stores, fetched, claimed: () => claimed };
}

const FILLED = fillServiceWorker(SOURCE, 'abc123', ['./', './index.html', './boot.js']);

test('install caches every file of the build under its version', async () => {
  const w = worker(FILLED);
  await w.dispatch('install');
  assert.deepEqual([...w.stores.keys()], ['recovery-diary-abc123']);
  assert.deepEqual([...w.stores.get('recovery-diary-abc123').keys()],
    [`${ORIGIN}/app/`, `${ORIGIN}/app/index.html`, `${ORIGIN}/app/boot.js`]);
});

test("activate deletes the diary's older caches (not other apps') and takes over open pages", async () => {
  const w = worker(FILLED, ['recovery-diary-old', 'recovery-diary-abc123', 'portal-cache']);
  await w.dispatch('activate');
  assert.deepEqual([...w.stores.keys()].sort(), ['portal-cache', 'recovery-diary-abc123']);
  assert.equal(w.claimed(), true);
});

test('fetch: cached files from the cache (query ignored), others from the network, foreign and non-GET untouched', async () => {
  const w = worker(FILLED);
  await w.dispatch('install');
  const get = (url, method = 'GET') => w.dispatch('fetch', { request: { url, method } });
  assert.equal(await get(`${ORIGIN}/app/index.html?questionnaires=a.json`), 'cached ./index.html');
  assert.equal(await get(`${ORIGIN}/app/demo/portal.html`), `network ${ORIGIN}/app/demo/portal.html`);
  assert.equal(await get('https://elsewhere.example/x.js'), undefined, 'not answered by the worker');
  assert.equal(await get(`${ORIGIN}/app/index.html`, 'POST'), undefined);
  assert.deepEqual(w.fetched, [`${ORIGIN}/app/demo/portal.html`]);
});

test('the unfilled source is a valid worker too; filling needs its BUILD line once', () => {
  assert.doesNotThrow(() => worker(SOURCE));
  assert.throws(() => fillServiceWorker('self.x = 1;', 'v', []), /must have the line/);
});

test("post-build's file list: the build's files but the worker and the demo pages, and a version that follows their contents", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'post-build-'));
  try {
    mkdirSync(join(dir, 'demo'));
    mkdirSync(join(dir, 'icons'));
    for (const f of ['index.html', 'boot.js', 'sw.js', 'demo/portal.html', 'icons/icon.svg']) writeFileSync(join(dir, f), f);
    const first = await buildFiles(dir);
    assert.deepEqual(first.files, ['./', './boot.js', './icons/icon.svg', './index.html']);
    assert.match(first.version, /^[0-9a-f]{12}$/);
    writeFileSync(join(dir, 'demo/portal.html'), 'changed');
    assert.equal((await buildFiles(dir)).version, first.version, 'the demo is not part of it');
    writeFileSync(join(dir, 'boot.js'), 'changed');
    assert.notEqual((await buildFiles(dir)).version, first.version);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
