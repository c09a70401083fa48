// Merges a split point's module with the shared chunks it needs into one .wasm, in place
// (issue 11: a returning patient's home came as `split_ready.wasm` plus 50 small shared
// chunks; one module is one fetch and one compile, and large enough for the browser's
// compiled-code cache).
//
// wasm-split-cli's chunks import only `__wasm_split`'s memory, function table and a global
// from the main module, and fill their own table slots with active element segments, so
// merging them is binaryen's wasm-merge plus one fix: wasm-merge would keep each module's
// imports apart (50 imported memories), so every module is merged against a "provider"
// module named `__wasm_split` that imports those items once, from `__wasm_split_outer`,
// and exports them; the merged module's imports are then renamed back to `__wasm_split`.
// Called by link-module.mjs. Inputs must have no `linking`/`reloc.*` sections
// (strip-custom.mjs): binaryen refuses those.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SPLIT = '__wasm_split';
const OUTER = '__wasm_split_outer';

function leb(buf, at) {
  let value = 0, shift = 0, byte;
  do { byte = buf[at++]; value |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
  return [value >>> 0, at];
}

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

const str = (s) => Buffer.concat([uleb(Buffer.byteLength(s)), Buffer.from(s)]);
const section = (id, body) => Buffer.concat([Buffer.from([id]), uleb(body.length), body]);

function sections(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error('merge-chunks: not a wasm module');
  const out = [];
  let at = 8;
  while (at < buf.length) {
    const id = buf[at];
    const [size, body] = leb(buf, at + 1);
    out.push({ id, body: buf.subarray(body, body + size), raw: buf.subarray(at, body + size) });
    at = body + size;
  }
  return out;
}

/** The import section's entries: module, field, kind (0 func, 1 table, 2 memory, 3 global)
 * and the descriptor's bytes. */
function imports(buf) {
  const sec = sections(buf).find((s) => s.id === 2);
  if (!sec) return [];
  const b = sec.body;
  let [count, at] = leb(b, 0);
  const out = [];
  const name = () => {
    const [len, from] = leb(b, at);
    at = from + len;
    return b.subarray(from, from + len).toString();
  };
  const limits = () => {
    const flags = b[at++];
    if (flags > 1) throw new Error(`merge-chunks: limits flag ${flags} not handled`);
    [, at] = leb(b, at);
    if (flags === 1) [, at] = leb(b, at);
  };
  while (count--) {
    const module = name();
    const field = name();
    const kind = b[at++];
    const from = at;
    if (kind === 0) [, at] = leb(b, at);
    else if (kind === 1) { at++; limits(); }
    else if (kind === 2) limits();
    else if (kind === 3) at += 2;
    else throw new Error(`merge-chunks: import kind ${kind} not handled`);
    out.push({ module, field, kind, desc: b.subarray(from, at) });
  }
  return out;
}

function importSection(entries) {
  return section(2, Buffer.concat([
    uleb(entries.length),
    ...entries.map((e) => Buffer.concat([str(e.module), str(e.field), Buffer.from([e.kind]), e.desc])),
  ]));
}

/** A module that imports each of `items` from `__wasm_split_outer` and exports it, with
 * `features` (a `target_features` section: wasm-merge takes the first module's). */
function provider(items, features) {
  const index = [0, 0, 0, 0];
  const exports = items.map((e) => Buffer.concat([str(e.field), Buffer.from([e.kind]), uleb(index[e.kind]++)]));
  return Buffer.concat([
    Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
    importSection(items.map((e) => ({ ...e, module: OUTER }))),
    section(7, Buffer.concat([uleb(exports.length), ...exports])),
    features,
  ]);
}

/**
 * Merges `dir/<into>` with `dir/<chunk>` for each chunk file, writes the result over
 * `dir/<into>` and deletes the chunk files. `wasmMerge` is binaryen's wasm-merge.
 */
export function mergeChunks(dir, into, chunks, wasmMerge) {
  const files = [into, ...chunks];
  const items = new Map();
  for (const file of files) {
    for (const e of imports(readFileSync(join(dir, file)))) {
      if (e.module !== SPLIT || e.kind === 0) {
        throw new Error(`merge-chunks: ${file} imports ${e.module}.${e.field} (kind ${e.kind}); only ${SPLIT}'s memory, table and globals can be merged`);
      }
      const seen = items.get(e.field);
      if (seen && !seen.desc.equals(e.desc)) throw new Error(`merge-chunks: ${file} imports ${e.field} with another type`);
      items.set(e.field, e);
    }
  }
  const providerFile = join(dir, '__provider.wasm');
  const features = sections(readFileSync(join(dir, into)))
    .find((s) => s.id === 0 && s.body.subarray(1, 16).toString() === 'target_features');
  if (!features) throw new Error(`merge-chunks: ${into} has no target_features section`);
  writeFileSync(providerFile, provider([...items.values()], features.raw));
  const merged = join(dir, '__merged.wasm');
  const args = [providerFile, SPLIT];
  files.forEach((file, i) => args.push(join(dir, file), `m${i}`));
  // On failure wasm-merge prints the whole module: only its last lines are shown.
  try {
    execFileSync(wasmMerge, [...args, '-o', merged], { stdio: 'pipe', maxBuffer: 1 << 30 });
  } catch (e) {
    const said = `${e.stderr ?? ''}${e.stdout ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`merge-chunks: wasm-merge failed:\n${said}`);
  }

  // The provider's imports become the merged module's, under their first name again; its
  // exports go (nothing imports from a chunk).
  const out = [Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])];
  for (const s of sections(readFileSync(merged))) {
    if (s.id === 2) {
      const entries = imports(Buffer.concat([out[0], s.raw]));
      if (entries.some((e) => e.module !== OUTER)) throw new Error('merge-chunks: an import was not merged');
      out.push(importSection(entries.map((e) => ({ ...e, module: SPLIT }))));
    } else if (s.id === 7) {
      const [count] = leb(s.body, 0);
      if (count !== items.size) throw new Error('merge-chunks: the merged module exports more than the provider');
    } else {
      out.push(s.raw);
    }
  }
  writeFileSync(join(dir, into), Buffer.concat(out));
  for (const file of [...chunks, '__provider.wasm', '__merged.wasm']) rmSync(join(dir, file));
}
