// Removes the custom sections a linker leaves for tools (`linking`, `reloc.*`) from .wasm
// files, in place: wasm-split-cli needs them, but binaryen refuses to optimise a module
// that still has them, and the browser never reads them. `node scripts/strip-custom.mjs f.wasm…`
import { readFileSync, writeFileSync } from 'node:fs';

function leb(buf, at) {
  let value = 0, shift = 0, byte;
  do { byte = buf[at++]; value |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
  return [value >>> 0, at];
}

for (const file of process.argv.slice(2)) {
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
      drop = name === 'linking' || name.startsWith('reloc.');
    }
    if (!drop) kept.push(buf.subarray(start, end));
    at = end;
  }
  writeFileSync(file, Buffer.concat(kept));
}
