// The build's one reader and writer of the wasm binary format (scripts/wasm-bytes.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import binaryen from 'binaryen';
import { HEADER, KIND, imports, importSection, name, readU32, section, sections, u32 } from '../../scripts/wasm-bytes.mjs';
import { stripCustom } from '../../scripts/strip-custom.mjs';

test('LEB128: every width round-trips, with the bytes the spec gives', () => {
  assert.deepEqual([...u32(0)], [0]);
  assert.deepEqual([...u32(127)], [0x7f]);
  assert.deepEqual([...u32(128)], [0x80, 0x01]);
  assert.deepEqual([...u32(624485)], [0xe5, 0x8e, 0x26]);
  assert.deepEqual([...u32(0xffffffff)], [0xff, 0xff, 0xff, 0xff, 0x0f]);
  for (const n of [0, 1, 63, 64, 127, 128, 255, 16383, 16384, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 31, 0xffffffff]) {
    const bytes = Buffer.concat([Buffer.from([0xaa]), u32(n), Buffer.from([0xbb])]);
    assert.deepEqual(readU32(bytes, 1), [n, bytes.length - 1], String(n));
  }
  // A non-minimal encoding is valid LEB128 (linkers pad relocatable numbers to 5 bytes).
  assert.deepEqual(readU32(Buffer.from([0x85, 0x80, 0x80, 0x80, 0x00]), 0), [5, 5]);
});

test('LEB128: out-of-range numbers and truncated bytes are refused', () => {
  assert.throws(() => u32(-1), /not a u32/);
  assert.throws(() => u32(2 ** 32), /not a u32/);
  assert.throws(() => u32(1.5), /not a u32/);
  assert.throws(() => readU32(Buffer.from([0x80, 0x80]), 0), /past the end/);
  assert.throws(() => readU32(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x1f]), 0), /wider than 32 bits/);
  assert.throws(() => readU32(Buffer.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x00]), 0), /longer than 5 bytes/);
});

const module = (wat) => Buffer.from(binaryen.parseText(wat).emitBinary());

test('sections and imports of a module binaryen wrote; an import section written back reads the same', () => {
  const wasm = module(`(module
    (import "env" "f" (func (param i32)))
    (import "__wasm_split" "__indirect_function_table" (table 3 10 funcref))
    (import "__wasm_split" "memory" (memory 2))
    (import "__wasm_split" "__stack_pointer" (global (mut i32)))
    (func (export "g") (param i32) (call 0 (local.get 0))))`);
  // (binaryen writes memories, tables, globals and functions in an order of its own)
  const got = imports(wasm).map(({ module, field, kind }) => `${module}.${field}:${kind}`).sort();
  assert.deepEqual(got, ['__wasm_split.__indirect_function_table:1', '__wasm_split.__stack_pointer:3', '__wasm_split.memory:2', 'env.f:0']);
  assert.deepEqual([...imports(wasm).find((e) => e.field === 'memory').desc], [0, 2], 'a memory of 2 pages, no maximum');
  assert.deepEqual([...imports(wasm).find((e) => e.kind === KIND.table).desc], [0x70, 1, 3, 10], 'funcref, 3 to 10');
  const ids = sections(wasm).map((s) => s.id);
  assert.ok(ids.includes(2) && ids.includes(7), ids.join());
  const rewritten = Buffer.concat([HEADER, ...sections(wasm).map((s) => (s.id === 2 ? importSection(imports(wasm)) : s.raw))]);
  assert.ok(rewritten.equals(wasm), 'the same bytes');
  assert.throws(() => sections(Buffer.from('not wasm at all')), /not a wasm module/);
});

test('strip-custom drops linker sections (and names on request), keeps the rest, and the module stays valid', () => {
  const wasm = Buffer.concat([
    module('(module (func $answer (export "answer") (result i32) (i32.const 42)))'),
    section(0, Buffer.concat([name('linking'), Buffer.from([2])])),
    section(0, Buffer.concat([name('reloc.CODE'), Buffer.from([0])])),
    section(0, Buffer.concat([name('producers'), Buffer.from([0])])),
  ]);
  const customs = (b) => sections(b).filter((s) => s.id === 0).map((s) => s.custom);
  assert.deepEqual(customs(stripCustom(wasm)), ['producers']);
  assert.deepEqual(customs(stripCustom(wasm, { names: true })), ['producers']);
  const named = Buffer.concat([wasm, section(0, Buffer.concat([name('name'), Buffer.from([])]))]);
  assert.deepEqual(customs(stripCustom(named)), ['producers', 'name']);
  assert.deepEqual(customs(stripCustom(named, { names: true })), ['producers']);
  const stripped = stripCustom(wasm);
  assert.ok(WebAssembly.validate(stripped));
  assert.equal(new WebAssembly.Instance(new WebAssembly.Module(stripped)).exports.answer(), 42);
});
