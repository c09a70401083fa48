// Removes the custom sections a linker leaves for tools (`linking`, `reloc.*`) from .wasm
// files, in place: wasm-split-cli needs them, but binaryen refuses to optimise a module
// that still has them, and the browser never reads them. With `--names` the function
// names go too (release builds: wasm-opt would strip them anyway, after warning that it
// cannot read wasm-split-cli's name subsections).
// `node scripts/strip-custom.mjs [--names] f.wasm…`
import { readFileSync, writeFileSync } from 'node:fs';

function leb(buf, at) {
  let value = 0, shift = 0, byte;
  do { byte = buf[at++]; value |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
  return [value >>> 0, at];
}

const args = process.argv.slice(2);
const names = args[0] === '--names';
for (const file of names ? args.slice(1) : args) {
  const buf = readFileSync(file);
  const kept = [buf.subarray(0, 8)];
  let at = 8;
  while (at < buf.length) {
    const start = at;
    const id = buf[at++];
    const [size, body] = leb(buf, at);
    const end = body + size;
    let drop = false;
    if (id === 0) {
      const [len, nameAt] = leb(buf, body);
      const name = buf.subarray(nameAt, nameAt + len).toString();
      drop = name === 'linking' || name.startsWith('reloc.') || (names && name === 'name');
    }
    if (!drop) kept.push(buf.subarray(start, end));
    at = end;
  }
  writeFileSync(file, Buffer.concat(kept));
}
