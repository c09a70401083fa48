// Removes the custom sections a linker leaves for tools (`linking`, `reloc.*`) from .wasm
// files, in place: wasm-split needs them, but binaryen refuses to optimise a module that
// still has them, and the browser never reads them. With `--names` the function names go
// too (release builds: wasm-opt would strip them anyway, after warning that it cannot read
// wasm-split's name subsections).
// `node scripts/strip-custom.mjs [--names] f.wasm…`
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEADER, sections } from './wasm-bytes.mjs';

/** `wasm` without its linker sections (and without its names if `names`). */
export function stripCustom(wasm, { names = false } = {}) {
  const drop = (s) => s.id === 0 && (s.custom === 'linking' || s.custom.startsWith('reloc.') || (names && s.custom === 'name'));
  return Buffer.concat([HEADER, ...sections(wasm).filter((s) => !drop(s)).map((s) => s.raw)]);
}

if (fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? '')) {
  const args = process.argv.slice(2);
  const names = args[0] === '--names';
  for (const file of names ? args.slice(1) : args) {
    writeFileSync(file, stripCustom(readFileSync(file), { names }));
  }
}
