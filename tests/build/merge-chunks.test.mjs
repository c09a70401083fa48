// scripts/merge-chunks.mjs on small hand-made modules shaped like wasm-split's: a split
// point's module and two shared chunks that import the main module's memory, table and
// stack pointer and fill their own table slots. The merged module must validate,
// instantiate against one set of imports, and do what the three did.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import binaryen from 'binaryen';
import { mergeChunks } from '../../scripts/merge-chunks.mjs';
import { imports, name, section, sections } from '../../scripts/wasm-bytes.mjs';

const WASM_MERGE = fileURLToPath(new URL('../../node_modules/.bin/wasm-merge', import.meta.url));
const SHARED = `
  (import "__wasm_split" "memory" (memory 1))
  (import "__wasm_split" "__indirect_function_table" (table 8 funcref))`;
const STACK = '(import "__wasm_split" "__stack_pointer" (global $sp (mut i32)))';

/** The features section the Rust toolchain writes (wasm-merge takes it from the first module). */
const FEATURES = section(0, Buffer.concat([name('target_features'), Buffer.from([2]),
  Buffer.from('+'), name('mutable-globals'), Buffer.from('+'), name('sign-ext')]));

const wasm = (wat, extra = []) => Buffer.concat([Buffer.from(binaryen.parseText(`(module ${wat})`).emitBinary()), ...extra]);

/** The split point's module: slot 2 calls slot 1 (a chunk's) and adds 1. */
const SPLIT = wasm(`${SHARED}
  (type $answer (func (result i32)))
  (func $plus_one (result i32) (i32.add (call_indirect (type $answer) (i32.const 1)) (i32.const 1)))
  (elem (i32.const 2) $plus_one)
  (data (i32.const 32) "split")`, [FEATURES]);
/** A chunk: slot 1 answers 42. */
const CHUNK_A = wasm(`${SHARED}
  (func $answer (result i32) (i32.const 42))
  (elem (i32.const 1) $answer)
  (data (i32.const 16) "chunk-a")`);
/** A chunk that reads the stack pointer, in slot 3. */
const CHUNK_B = wasm(`${SHARED} ${STACK}
  (func $stack (result i32) (global.get $sp))
  (elem (i32.const 3) $stack)`);

let dir;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'merge-chunks-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(files) {
  for (const [file, bytes] of Object.entries(files)) writeFileSync(join(dir, file), bytes);
}

function instantiate(bytes) {
  const shared = {
    memory: new WebAssembly.Memory({ initial: 1 }),
    __indirect_function_table: new WebAssembly.Table({ initial: 8, element: 'anyfunc' }),
    __stack_pointer: new WebAssembly.Global({ value: 'i32', mutable: true }, 1234),
  };
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { __wasm_split: shared });
  return { instance, ...shared };
}

test('unmerged, the split point needs its chunk instantiated first (what the merge saves the loader)', () => {
  const { __indirect_function_table: table, memory, __stack_pointer } = instantiate(CHUNK_A);
  new WebAssembly.Instance(new WebAssembly.Module(SPLIT), { __wasm_split: { memory, __indirect_function_table: table, __stack_pointer } });
  assert.equal(table.get(2)(), 43);
});

test('a split point and two chunks merge into one module that validates and does what they did', () => {
  write({ 'split_home.wasm': SPLIT, 'chunk_1.wasm': CHUNK_A, 'chunk_2.wasm': CHUNK_B });
  mergeChunks(dir, 'split_home.wasm', ['chunk_1.wasm', 'chunk_2.wasm'], WASM_MERGE);
  assert.deepEqual(readdirSync(dir), ['split_home.wasm'], 'the chunks and the work files are gone');
  const merged = readFileSync(join(dir, 'split_home.wasm'));
  assert.ok(WebAssembly.validate(merged));
  // One import of each shared item, under the name the loader provides; nothing exported.
  assert.deepEqual(imports(merged).map((e) => `${e.module}.${e.field}`).sort(),
    ['__wasm_split.__indirect_function_table', '__wasm_split.__stack_pointer', '__wasm_split.memory']);
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(merged)), []);
  assert.ok(sections(merged).some((s) => s.custom === 'target_features'));

  const { memory, __indirect_function_table: table } = instantiate(merged);
  assert.equal(table.get(1)(), 42, "chunk A's slot");
  assert.equal(table.get(2)(), 43, "the split point's slot, calling chunk A's");
  assert.equal(table.get(3)(), 1234, "chunk B's slot reads the main module's stack pointer");
  const text = (at, n) => Buffer.from(memory.buffer, at, n).toString();
  assert.equal(text(16, 7), 'chunk-a');
  assert.equal(text(32, 5), 'split');
});

test('merging with no chunks leaves an equivalent module', () => {
  write({ 'split_home.wasm': SPLIT, 'chunk_1.wasm': CHUNK_A });
  mergeChunks(dir, 'split_home.wasm', [], WASM_MERGE);
  const merged = readFileSync(join(dir, 'split_home.wasm'));
  assert.ok(WebAssembly.validate(merged));
  assert.ok(existsSync(join(dir, 'chunk_1.wasm')), 'a chunk not named is left alone');
});

test('a chunk that imports a function cannot be merged: the build stops and says which', () => {
  const calls = wasm(`${SHARED} (import "__wasm_split" "__wasm_split_load_other" (func (param i32 i32)))`);
  write({ 'split_home.wasm': SPLIT, 'chunk_1.wasm': calls });
  assert.throws(() => mergeChunks(dir, 'split_home.wasm', ['chunk_1.wasm'], WASM_MERGE),
    /chunk_1\.wasm imports __wasm_split\.__wasm_split_load_other \(kind 0\)/);
  assert.deepEqual(readdirSync(dir).sort(), ['chunk_1.wasm', 'split_home.wasm'], 'nothing changed');
});

test('two modules that import one name with different types are refused', () => {
  const bigger = wasm(`(import "__wasm_split" "memory" (memory 2)) (import "__wasm_split" "__indirect_function_table" (table 8 funcref))`);
  write({ 'split_home.wasm': SPLIT, 'chunk_1.wasm': bigger });
  assert.throws(() => mergeChunks(dir, 'split_home.wasm', ['chunk_1.wasm'], WASM_MERGE), /chunk_1\.wasm imports memory with another type/);
});

test('a module without a target_features section is refused (wasm-merge would lose the features)', () => {
  write({ 'split_home.wasm': CHUNK_A, 'chunk_1.wasm': CHUNK_B });
  assert.throws(() => mergeChunks(dir, 'split_home.wasm', ['chunk_1.wasm'], WASM_MERGE), /no target_features section/);
});

test("wasm-merge's own failure is reported with its last lines, and no work file is left", () => {
  // Two modules that export one name: wasm-merge refuses them.
  const a = wasm(`${SHARED} (func (export "same") (result i32) (i32.const 1))`, [FEATURES]);
  const b = wasm(`${SHARED} (func (export "same") (result i32) (i32.const 2))`);
  write({ 'split_home.wasm': a, 'chunk_1.wasm': b });
  assert.throws(() => mergeChunks(dir, 'split_home.wasm', ['chunk_1.wasm'], WASM_MERGE), /merge-chunks: wasm-merge failed:\n.*same/s);
  assert.deepEqual(readdirSync(dir).sort(), ['chunk_1.wasm', 'split_home.wasm']);
});
