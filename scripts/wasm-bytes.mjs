// Reads and writes the few parts of the WebAssembly binary format the build touches: LEB128
// numbers, sections, custom sections' names and the import section. Used by
// strip-custom.mjs, merge-chunks.mjs and link-splits.mjs.

/** The 8 bytes every module starts with: "\0asm" and version 1. */
export const HEADER = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);

/** Reads an unsigned LEB128 number (at most 32 bits) at `at`: [value, the offset after it]. */
export function readU32(buf, at) {
  let value = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (at >= buf.length) throw new Error('wasm: a number runs past the end');
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) {
      if (value > 0xffffffff) throw new Error('wasm: a number is wider than 32 bits');
      return [value, at];
    }
  }
  throw new Error('wasm: a number is longer than 5 bytes');
}

/** `n` (a 32-bit unsigned integer) as unsigned LEB128. */
export function u32(n) {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`wasm: ${n} is not a u32`);
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

/** A name: its UTF-8 length, then its bytes. */
export const name = (s) => Buffer.concat([u32(Buffer.byteLength(s)), Buffer.from(s)]);

/** A section: its id, its body's length, its body. */
export const section = (id, body) => Buffer.concat([Buffer.from([id]), u32(body.length), body]);

/**
 * The sections of a module, in order: `{ id, body, raw, custom }` where `raw` is the whole
 * section and `custom` is a custom section's name (id 0).
 */
export function sections(buf) {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(HEADER)) throw new Error('wasm: not a wasm module (version 1)');
  const out = [];
  let at = 8;
  while (at < buf.length) {
    const id = buf[at];
    const [size, from] = readU32(buf, at + 1);
    const to = from + size;
    if (to > buf.length) throw new Error(`wasm: section ${id} runs past the end`);
    const body = buf.subarray(from, to);
    let custom;
    if (id === 0) {
      const [len, nameAt] = readU32(body, 0);
      custom = body.subarray(nameAt, nameAt + len).toString();
    }
    out.push({ id, body, raw: buf.subarray(at, to), custom });
    at = to;
  }
  return out;
}

/** Import kinds, as the binary format numbers them. */
export const KIND = { func: 0, table: 1, memory: 2, global: 3 };

/**
 * The entries of a module's import section: `{ module, field, kind, desc }`, `desc` being
 * the bytes that describe the item (a type index, a table's or memory's limits, a global's
 * type).
 */
export function imports(buf) {
  const sec = sections(buf).find((s) => s.id === 2);
  if (!sec) return [];
  const b = sec.body;
  let [count, at] = readU32(b, 0);
  const text = () => {
    const [len, from] = readU32(b, at);
    at = from + len;
    return b.subarray(from, at).toString();
  };
  const limits = () => {
    const flags = b[at++];
    if (flags > 1) throw new Error(`wasm: limits flag ${flags} not handled`);
    [, at] = readU32(b, at);
    if (flags === 1) [, at] = readU32(b, at);
  };
  const out = [];
  while (count--) {
    const module = text();
    const field = text();
    const kind = b[at++];
    const from = at;
    if (kind === KIND.func) [, at] = readU32(b, at);
    else if (kind === KIND.table) { at++; limits(); }
    else if (kind === KIND.memory) limits();
    else if (kind === KIND.global) at += 2;
    else throw new Error(`wasm: import kind ${kind} not handled`);
    out.push({ module, field, kind, desc: b.subarray(from, at) });
  }
  return out;
}

/** An import section of `entries` (as `imports()` returns them). */
export function importSection(entries) {
  return section(2, Buffer.concat([
    u32(entries.length),
    ...entries.map((e) => Buffer.concat([name(e.module), name(e.field), Buffer.from([e.kind]), e.desc])),
  ]));
}
