// Writes the chunks' loader, __wasm_split.js, from web/split-loader.js and wasm-split's
// manifest, after merging home's split point with its shared chunks (merge-chunks.mjs).
// Called by scripts/build-wasm.sh:
//   node scripts/link-splits.mjs [--strip-names] <split dir> <out dir> <main module name>
// <split dir> holds wasm-split's output: manifest.json (each split point's files, its
// shared chunks first), <main module name>.wasm and the split points' and chunks' .wasm
// files, which are copied to <out dir> without linker sections (strip-custom.mjs; with
// --strip-names, without function names too).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeChunks } from './merge-chunks.mjs';
import { stripCustom } from './strip-custom.mjs';
import { imports } from './wasm-bytes.mjs';
import { webSource } from './web-source.mjs';

/** The split point merged with every shared chunk it needs: home, on every returning open. */
export const MERGED = 'ready';
/** The module the main module imports the loaders from, and their names' prefix. */
const LINK_MODULE = './__wasm_split.js';
const LOADER_PREFIX = '__wasm_split_load_';

/**
 * The loader's plan from the manifest (`{ point: [file, …] }`, a point's own module named
 * `split_<point>` and listed last, if it has one): `modules` gives each file the files to
 * instantiate before it, `splits` each point the files it loads, and `merged` the chunks
 * that go into `split_<merged>`. Any other point that needs one of those chunks needs
 * `split_<merged>` instead (every screen but setup's is opened from home, so it is there).
 */
export function plan(manifest, merged = MERGED) {
  const own = (point) => (manifest[point].includes(`split_${point}`) ? `split_${point}` : null);
  const chunksOf = (point) => manifest[point].filter((f) => f !== own(point));
  const mergedChunks = merged in manifest ? chunksOf(merged) : [];
  if (mergedChunks.length && !own(merged)) throw new Error(`link-splits: ${merged} has no module of its own to merge its chunks into`);
  const modules = {};
  const splits = {};
  const instead = (chunk) => (mergedChunks.includes(chunk) ? `split_${merged}` : chunk);
  for (const point of Object.keys(manifest).sort()) {
    const needs = [...new Set(chunksOf(point).map(instead))].filter((f) => f !== own(point));
    for (const file of needs) modules[file] ??= [];
    if (own(point)) {
      modules[own(point)] = needs;
      splits[point] = [own(point)];
    } else {
      splits[point] = needs;
    }
  }
  return { modules, splits, merged: mergedChunks };
}

/** The name of the fingerprint global that debug builds' chunks import, or null. */
export function canaryOf(wasm) {
  return imports(wasm).find((e) => e.module === '__wasm_split' && e.field.startsWith('__canary_'))?.field ?? null;
}

/** The split points the main module asks for, from the loaders it imports. */
export function pointsOf(mainWasm) {
  return imports(mainWasm).filter((e) => e.module === LINK_MODULE).map((e) => {
    if (!e.field.startsWith(LOADER_PREFIX)) throw new Error(`link-splits: the main module imports ${e.field} from ${LINK_MODULE}, which is no split point's loader`);
    return e.field.slice(LOADER_PREFIX.length);
  });
}

/** web/split-loader.js with BUILD filled in and an export for each of `points`. */
export function loaderSource(source, { modules, splits }, canary, points) {
  const line = 'const BUILD = { modules: {}, splits: {}, canary: null };';
  if (source.split(line).length !== 2) throw new Error(`link-splits: web/split-loader.js must have the line ${line} once`);
  const missing = points.filter((p) => !(p in splits));
  if (missing.length) throw new Error(`link-splits: the main module asks for split points the manifest lacks: ${missing.join(', ')}`);
  const build = `const BUILD = ${JSON.stringify({ modules, splits, canary })};`;
  const exports = points.map((p) => `export const ${LOADER_PREFIX}${p} = splitLoader(${JSON.stringify(p)});`);
  return `${source.replace(line, build)}${exports.join('\n')}\n`;
}

function main(args) {
  const stripNames = args.includes('--strip-names');
  const [splitDir, outDir, mainName] = args.filter((a) => !a.startsWith('--'));
  const manifest = JSON.parse(readFileSync(join(splitDir, 'manifest.json'), 'utf8')).splits;
  const listed = [...new Set(Object.values(manifest).flat())];
  const written = readdirSync(splitDir).filter((f) => f.endsWith('.wasm') && f !== `${mainName}.wasm`).map((f) => f.slice(0, -5));
  const unlisted = written.filter((f) => !listed.includes(f));
  const absent = listed.filter((f) => !written.includes(f));
  if (unlisted.length || absent.length) {
    throw new Error(`link-splits: the manifest and the files differ (not in the manifest: ${unlisted.join(', ') || 'none'}; not written: ${absent.join(', ') || 'none'})`);
  }
  for (const file of listed) {
    writeFileSync(join(outDir, `${file}.wasm`), stripCustom(readFileSync(join(splitDir, `${file}.wasm`)), { names: stripNames }));
  }
  const loader = plan(manifest);
  if (loader.merged.length) {
    const wasmMerge = fileURLToPath(new URL('../node_modules/.bin/wasm-merge', import.meta.url));
    mergeChunks(outDir, `split_${MERGED}.wasm`, loader.merged.map((c) => `${c}.wasm`), wasmMerge);
  }
  const canary = listed.length ? canaryOf(readFileSync(join(splitDir, `${listed[0]}.wasm`))) : null;
  const points = pointsOf(readFileSync(join(splitDir, `${mainName}.wasm`)));
  writeFileSync(join(outDir, '__wasm_split.js'), loaderSource(webSource('split-loader.js'), loader, canary, points));
  const files = Object.keys(loader.modules).length;
  console.error(`link-splits: ${points.length} split points in ${files} .wasm files (${loader.merged.length} chunks merged into split_${MERGED})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
