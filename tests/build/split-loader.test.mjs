// The chunks' loader: its plan from wasm-split's manifest (scripts/link-splits.mjs), and
// web/split-loader.js filled from it, run in Node against hand-made modules with a fetch
// that counts requests and can fail.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import binaryen from 'binaryen';
import { canaryOf, loaderSource, plan, pointsOf } from '../../scripts/link-splits.mjs';
import { webSource } from '../../scripts/web-source.mjs';

/** web/split-loader.js as the build ships it. */
const SOURCE = webSource('split-loader.js');

/** Shaped like the app's: home's point shares chunks 1 and 2 with the report's; the report
 * has chunk 3 to itself, Spanish needs none. */
const MANIFEST = {
  ready: ['chunk_1', 'chunk_2', 'split_ready'],
  report: ['chunk_2', 'chunk_3', 'split_report'],
  spanish: ['split_spanish'],
};

test('plan: home is merged with its chunks; a point that shared one needs home instead', () => {
  assert.deepEqual(plan(MANIFEST), {
    modules: { split_ready: [], chunk_3: [], split_report: ['split_ready', 'chunk_3'], split_spanish: [] },
    splits: { ready: ['split_ready'], report: ['split_report'], spanish: ['split_spanish'] },
    merged: ['chunk_1', 'chunk_2'],
  });
});

test('plan: without a merged point every chunk stays a file; a point with no module of its own loads its chunks', () => {
  const manifest = { a: ['chunk_1', 'split_a'], b: ['chunk_1', 'chunk_2'] };
  assert.deepEqual(plan(manifest, 'none'), {
    modules: { chunk_1: [], split_a: ['chunk_1'], chunk_2: [] },
    splits: { a: ['split_a'], b: ['chunk_1', 'chunk_2'] },
    merged: [],
  });
  assert.throws(() => plan({ ready: ['chunk_1'] }), /ready has no module of its own/);
});

const wat = (text) => Buffer.from(binaryen.parseText(`(module ${text})`).emitBinary());
const SHARED = `(import "__wasm_split" "memory" (memory 1))
  (import "__wasm_split" "__indirect_function_table" (table 8 funcref))
  (type $i (func (result i32)))`;

test("pointsOf reads the main module's loader imports; canaryOf a debug chunk's fingerprint", () => {
  const main = wat(`(import "./__wasm_split.js" "__wasm_split_load_ready" (func (param i32 i32)))
    (import "./__wasm_split.js" "__wasm_split_load_report" (func (param i32 i32)))
    (import "wbg" "__wbg_log" (func (param i32)))`);
  assert.deepEqual(pointsOf(main), ['ready', 'report']);
  assert.throws(() => pointsOf(wat('(import "./__wasm_split.js" "other" (func))')), /imports other from \.\/__wasm_split\.js/);
  assert.equal(canaryOf(wat(`${SHARED} (import "__wasm_split" "__canary_1f2e" (global i32))`)), '__canary_1f2e');
  assert.equal(canaryOf(wat(SHARED)), null);
});

test('loaderSource fills BUILD and exports one loader per point, and refuses what does not fit', () => {
  const out = loaderSource(SOURCE, plan(MANIFEST), null, ['ready', 'report']);
  assert.match(out, /^const BUILD = \{"modules":\{"split_ready":\[\],/m);
  assert.match(out, /^export const __wasm_split_load_ready = splitLoader\("ready"\);$/m);
  assert.match(out, /^export const __wasm_split_load_report = splitLoader\("report"\);$/m);
  assert.doesNotMatch(out, /__wasm_split_load_spanish/, 'only what the main module imports');
  assert.throws(() => loaderSource(SOURCE, plan(MANIFEST), null, ['ready', 'settings']), /split points the manifest lacks: settings/);
  assert.throws(() => loaderSource('const BUILD = {};', plan(MANIFEST), null, []), /must have the line/);
});

// The loader at work. The "main module" exports the memory, the table and a callback in
// slot 0 that reports (data, success) to `done`; each chunk fills table slots.
const FILES = {
  split_ready: wat(`${SHARED}
    (func $plus_one (result i32) (i32.add (call_indirect (type $i) (i32.const 1)) (i32.const 1)))
    (func $answer (result i32) (i32.const 42))
    (elem (i32.const 1) $answer $plus_one)`),
  chunk_3: wat(`${SHARED} (func $seven (result i32) (i32.const 7)) (elem (i32.const 3) $seven)`),
  split_report: wat(`${SHARED}
    (func $sum (result i32) (i32.add (call_indirect (type $i) (i32.const 2)) (call_indirect (type $i) (i32.const 3))))
    (elem (i32.const 4) $sum)`),
  split_spanish: wat(`${SHARED} (import "__wasm_split" "__canary_1f2e" (global $c i32))
    (func $canary (result i32) (global.get $c)) (elem (i32.const 5) $canary)`),
};
const MAIN = wat(`(import "env" "done" (func $done (param i32 i32)))
  (memory (export "memory") 1)
  (table (export "__indirect_function_table") 8 funcref)
  (func $callback (param i32 i32) (call $done (local.get 0) (local.get 1)))
  (elem (i32.const 0) $callback)`);

let dir, realFetch, realError, runs = 0;
const requests = [];
const failing = new Set();
const callbacks = [];
let table;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'split-loader-'));
  // The main module's JavaScript: initSync returns the running instance's exports.
  writeFileSync(join(dir, 'recovery-diary.js'), 'export let main; export const setMain = (m) => { main = m; }; export const initSync = () => main;');
  realFetch = globalThis.fetch;
  realError = console.error;
  globalThis.fetch = async (url) => {
    const file = basename(new URL(url).pathname, '.wasm');
    requests.push(file);
    if (failing.has(file)) throw new TypeError('Failed to fetch');
    return new Response(FILES[file], { headers: { 'content-type': 'application/wasm' } });
  };
});
after(() => {
  globalThis.fetch = realFetch;
  console.error = realError;
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  requests.length = 0;
  callbacks.length = 0;
  failing.clear();
});

/** A fresh loader (its own module instance, so nothing is cached) and a fresh main module. */
async function freshLoader(canary = null) {
  const file = join(dir, `__wasm_split_${++runs}.js`);
  writeFileSync(file, loaderSource(SOURCE, plan(MANIFEST), canary, ['ready', 'report', 'spanish']));
  const main = new WebAssembly.Instance(new WebAssembly.Module(MAIN), { env: { done: (data, ok) => callbacks.push([data, ok]) } }).exports;
  table = main.__indirect_function_table;
  (await import(pathToFileURL(join(dir, 'recovery-diary.js')))).setMain(main);
  return import(pathToFileURL(file));
}

test('loading a point fetches each file once, instantiates what it needs first, then calls back', async () => {
  const loader = await freshLoader();
  await Promise.all([loader.__wasm_split_load_report(0, 77), loader.__wasm_split_load_report(0, 78)]);
  assert.deepEqual(callbacks, [[77, 1], [78, 1]]);
  assert.deepEqual(requests.sort(), ['chunk_3', 'split_ready', 'split_report']);
  assert.equal(table.get(4)(), 50, 'the report calls into home and chunk 3');
  await loader.__wasm_split_load_ready(0, 79);
  assert.deepEqual(callbacks.at(-1), [79, 1]);
  assert.equal(requests.length, 3, 'home was loaded already');
});

test('preloadSplit fetches and compiles without running; the load then fetches nothing', async () => {
  const loader = await freshLoader();
  loader.preloadSplit('report');
  loader.preloadSplit('no such point');
  assert.deepEqual(requests.sort(), ['chunk_3', 'split_ready', 'split_report']);
  assert.equal(table.get(1), null, 'nothing instantiated');
  await loader.__wasm_split_load_report(0, 1);
  assert.equal(requests.length, 3);
  assert.equal(table.get(4)(), 50);
});

test('a failed fetch calls back with failure; the next load fetches only what failed', async () => {
  const loader = await freshLoader();
  const errors = [];
  console.error = (e) => errors.push(String(e));
  failing.add('chunk_3');
  await loader.__wasm_split_load_report(0, 5);
  console.error = realError;
  assert.deepEqual(callbacks, [[5, 0]]);
  assert.match(errors.join(), /Failed to fetch/);
  failing.clear();
  requests.length = 0;
  await loader.__wasm_split_load_report(0, 6);
  assert.deepEqual(callbacks.at(-1), [6, 1]);
  assert.deepEqual(requests, ['chunk_3'], 'home and the report compiled before are kept');
  assert.equal(table.get(4)(), 50);
});

test('a failed preload is forgotten: the load fetches again and works', async () => {
  const loader = await freshLoader();
  failing.add('split_ready');
  loader.preloadSplit('ready');
  await new Promise((ok) => setImmediate(ok));
  failing.clear();
  await loader.__wasm_split_load_ready(0, 9);
  assert.deepEqual(callbacks, [[9, 1]]);
  assert.deepEqual(requests, ['split_ready', 'split_ready']);
});

test("a debug build's chunks get the fingerprint they import; without it they cannot link", async () => {
  let loader = await freshLoader('__canary_1f2e');
  await loader.__wasm_split_load_spanish(0, 3);
  assert.deepEqual(callbacks, [[3, 1]]);
  assert.equal(table.get(5)(), ~0xdead);
  const errors = [];
  console.error = (e) => errors.push(String(e));
  loader = await freshLoader(null);
  await loader.__wasm_split_load_spanish(0, 4);
  console.error = realError;
  assert.deepEqual(callbacks.at(-1), [4, 0]);
  assert.match(errors.join(), /LinkError/);
});
