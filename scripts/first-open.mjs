// What a first open downloads (setup's welcome page): the page, its stylesheet, boot.js, the
// wasm-bindgen glue, the chunks' loader and the main module. The other chunks come later.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const FIRST_OPEN = ['index.html', 'app.css', 'boot.js', 'recovery-diary.js', '__wasm_split.js', 'recovery-diary_bg.wasm'];
export const MAIN_MODULE = 'recovery-diary_bg.wasm';

/** gzip -9 sizes of the first open's files in the build `dir`, their total, and the main module's. */
export async function firstOpenSizes(dir) {
  const files = [];
  for (const name of FIRST_OPEN) {
    files.push({ name, gzip: gzipSync(await readFile(join(dir, name)), { level: 9 }).length });
  }
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const main = files.find((f) => f.name === MAIN_MODULE).gzip;
  return { files, total, main };
}

/** One line for a build's log: the first open and the main module, gzip. */
export function sizeLine({ total, main }) {
  const kib = (n) => (n / 1024).toFixed(1);
  return `first open ${total} B gzip (${kib(total)} KiB), of which the main module ${main} B (${kib(main)} KiB)`;
}
