// Merges a split point's module with the shared chunks it needs into one .wasm, in place:
// one module is one fetch and one compile instead of one per chunk, and large enough for
// the browser's compiled-code cache.
//
// wasm-split's chunks import only `__wasm_split`'s memory, function table and globals from
// the main module, and fill their own table slots with active element segments, so merging
// them is binaryen's wasm-merge plus one fix: wasm-merge would keep each module's imports
// apart (one imported memory per module), so every module is merged against a "provider"
// module named `__wasm_split` that imports those items once, from `__wasm_split_outer`, and
// exports them; the merged module's imports are then renamed back to `__wasm_split`.
// Inputs must have no `linking`/`reloc.*` sections (strip-custom.mjs): binaryen refuses those.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADER, KIND, imports, importSection, name, readU32, section, sections, u32 } from './wasm-bytes.mjs';

const SPLIT = '__wasm_split';
const OUTER = '__wasm_split_outer';

/** A module that imports each of `items` from `__wasm_split_outer` and exports it, with
 * `features` (a `target_features` section: wasm-merge takes the first module's). */
function provider(items, features) {
  const index = { [KIND.table]: 0, [KIND.memory]: 0, [KIND.global]: 0 };
  const exports = items.map((e) => Buffer.concat([name(e.field), Buffer.from([e.kind]), u32(index[e.kind]++)]));
  return Buffer.concat([
    HEADER,
    importSection(items.map((e) => ({ ...e, module: OUTER }))),
    section(7, Buffer.concat([u32(exports.length), ...exports])),
    features,
  ]);
}

/** What every module imports, once each; only `__wasm_split`'s tables, memories and globals. */
function sharedItems(dir, files) {
  const items = new Map();
  for (const file of files) {
    for (const e of imports(readFileSync(join(dir, file)))) {
      if (e.module !== SPLIT || e.kind === KIND.func) {
        throw new Error(`merge-chunks: ${file} imports ${e.module}.${e.field} (kind ${e.kind}); only ${SPLIT}'s memory, tables and globals can be merged`);
      }
      const seen = items.get(e.field);
      if (seen && (seen.kind !== e.kind || !seen.desc.equals(e.desc))) {
        throw new Error(`merge-chunks: ${file} imports ${e.field} with another type`);
      }
      items.set(e.field, e);
    }
  }
  return [...items.values()];
}

function runWasmMerge(wasmMerge, args) {
  try {
    execFileSync(wasmMerge, args, { stdio: 'pipe', maxBuffer: 1 << 30 });
  } catch (e) {
    // On failure wasm-merge prints the whole module: only its last lines are shown.
    const said = `${e.stderr ?? ''}${e.stdout ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`merge-chunks: wasm-merge failed:\n${said}`);
  }
}

/**
 * Merges `dir/<into>` with `dir/<chunk>` for each chunk file, writes the result over
 * `dir/<into>` and deletes the chunk files. `wasmMerge` is binaryen's wasm-merge.
 */
export function mergeChunks(dir, into, chunks, wasmMerge) {
  const files = [into, ...chunks];
  const items = sharedItems(dir, files);
  const features = sections(readFileSync(join(dir, into))).find((s) => s.custom === 'target_features');
  if (!features) throw new Error(`merge-chunks: ${into} has no target_features section`);
  const providerFile = join(dir, '__provider.wasm');
  const merged = join(dir, '__merged.wasm');
  writeFileSync(providerFile, provider(items, features.raw));
  try {
    const args = [providerFile, SPLIT];
    files.forEach((file, i) => args.push(join(dir, file), `m${i}`));
    runWasmMerge(wasmMerge, [...args, '-o', merged]);

    // The provider's imports become the merged module's, under their first name again; its
    // exports go (nothing imports from a chunk).
    const out = [HEADER];
    for (const s of sections(readFileSync(merged))) {
      if (s.id === 2) {
        const entries = imports(Buffer.concat([HEADER, s.raw]));
        if (entries.some((e) => e.module !== OUTER)) throw new Error('merge-chunks: an import was not merged');
        out.push(importSection(entries.map((e) => ({ ...e, module: SPLIT }))));
      } else if (s.id === 7) {
        const [count] = readU32(s.body, 0);
        if (count !== items.length) throw new Error('merge-chunks: the merged module exports more than the provider');
      } else {
        out.push(s.raw);
      }
    }
    writeFileSync(join(dir, into), Buffer.concat(out));
    for (const file of chunks) rmSync(join(dir, file));
  } finally {
    rmSync(providerFile, { force: true });
    rmSync(merged, { force: true });
  }
}
