// Trunk's post_build hook (Trunk.toml): writes boot.js (web/boot.js, which starts the app;
// index.html loads it), then sw.js, the service worker of web/sw.js with BUILD filled in:
// every file of the build, and a hash of their contents as the cache's version. Last, it
// prints what the first open downloads (scripts/first-open.mjs).
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { webSource } from './web-source.mjs';
import { firstOpenSizes, sizeLine } from './first-open.mjs';

const UNBUILT = "const BUILD = { version: 'unbuilt', files: [] };";

/** web/sw.js's source with BUILD filled in. */
export function fillServiceWorker(source, version, files) {
  if (source.split(UNBUILT).length !== 2) throw new Error(`post-build: web/sw.js must have the line ${UNBUILT} once`);
  return source.replace(UNBUILT, `const BUILD = ${JSON.stringify({ version, files })};`);
}

/** Every file under `dir`, as paths. */
async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The service worker's version and file list for the build in `dir`: the demo pages and
 * the worker itself are not the app's. */
export async function buildFiles(dir) {
  const files = (await filesUnder(dir))
    .map((f) => relative(dir, f).split('\\').join('/'))
    .filter((f) => f !== 'sw.js' && !f.startsWith('demo/'))
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(await readFile(join(dir, f)));
  return { version: hash.digest('hex').slice(0, 12), files: ['./', ...files.map((f) => `./${f}`)] };
}

async function main() {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk.');
  await writeFile(join(dir, 'boot.js'), webSource('boot.js'));
  const { version, files } = await buildFiles(dir);
  await writeFile(join(dir, 'sw.js'), fillServiceWorker(webSource('sw.js'), version, files));
  console.log(`post-build: boot.js and sw.js (cache ${version}, ${files.length} files) written`);
  console.log(`post-build: ${sizeLine(await firstOpenSizes(dir))}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
