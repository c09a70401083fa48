// Rewrites wasm-split-cli's link module (`__wasm_split.js`, the loader of every chunk) for
// the diary. Called by scripts/build-wasm.sh: node scripts/link-module.mjs <in> <out>.
//
// 1. It imports the main module by wasm-split-cli's fixed name, ./main.js: ours is
//    ./recovery-diary.js.
// 2. A chunk is compiled as soon as its bytes arrive (`compileStreaming`), and instantiated
//    once the chunks it needs are (the generated loader waited for them before compiling).
// 3. `preloadSplit(name)` fetches and compiles a split point's chunks without running
//    them, so boot.js can start home's chunk while the main module is still compiling (a
//    returning patient's open; see post-build.mjs). Instantiating still waits for the main
//    module and happens when the app asks.
// 4. Home's split point (`ready`) is merged with every shared chunk it needs, into one
//    `split_ready.wasm` (merge-chunks.mjs): one fetch and one compile instead of 51 for a
//    returning patient. Any other split point that needed one of those chunks needs
//    `ready` instead; every screen but setup's is opened from home, so it is there anyway.
//
// The generated text is checked piece by piece: a wasm-split-cli that writes it otherwise
// fails the build here, rather than shipping a loader that half works.
// The chunks' .wasm files must be in <out>'s directory already, without linker sections.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeChunks } from './merge-chunks.mjs';

const [input, output] = process.argv.slice(2);
const MERGED = 'ready';
let s = await readFile(input, 'utf8');

function replaceExactly(from, to, count) {
  const found = s.split(from).length - 1;
  if (count !== undefined ? found !== count : found === 0) {
    throw new Error(`link-module: expected ${count ?? 'some'} of ${JSON.stringify(String(from).slice(0, 60))}, found ${found}: has wasm-split-cli changed?`);
  }
  s = s.split(from).join(to);
  return found;
}

replaceExactly('from "./main.js"', 'from "./recovery-diary.js"', 1);

const makeLoadAt = s.indexOf('function makeLoad(fetcher, deps) {');
const makeLoad = s.slice(makeLoadAt, s.indexOf('\n}\n', makeLoadAt) + 2);
replaceExactly(makeLoad, `function makeLoad(fetcher, deps) {
    // The fetch and compile, started once (by a load or a preload); forgotten on failure.
    let fetched = undefined;
    const fetchOnce = () => {
        if (fetched === undefined) {
            const thisFetch = fetcher();
            thisFetch.compiled.catch(() => {
                if (fetched === thisFetch) fetched = undefined;
            });
            fetched = thisFetch;
        }
        return fetched;
    };
    const loader = async () => {
        const parallelStuff = deps.map(d => d());
        const instantiate = fetchOnce().instantiate;
        await Promise.all(parallelStuff);
        const imports = getSharedImports();
        return instantiate(imports);
    };
    let loadingModule = undefined;
    const load = () => {
        if (loadingModule === undefined) {
            const thisLoad = loader();
            // Memoize successes only: a rejected load must not be cached for
            // the lifetime of the session, or one transient network failure
            // permanently breaks the module.
            thisLoad.catch(() => {
                if (loadingModule === thisLoad) loadingModule = undefined;
            });
            loadingModule = thisLoad;
        }
        return loadingModule;
    };
    load.preload = () => {
        deps.forEach(d => d.preload());
        fetchOnce();
    };
    return load;
}`, 1);

// Release builds write `(WebAssembly.instantiateStreaming(src, imports))`, debug builds wrap
// it in `debugWrap(...)`, which is kept.
const chunks = (s.match(/const src = fetch\(/g) || []).length;
let rewritten = 0;
s = s.replace(
  /    return async \(imports\) => (debugWrap)?\(WebAssembly\.instantiateStreaming\(src, imports\)\);/g,
  (_, wrap) => {
    rewritten++;
    return `    const compiled = WebAssembly.compileStreaming(src);
    compiled.catch(() => {});
    return { compiled, instantiate: async (imports) => ${wrap ?? ''}(WebAssembly.instantiate(await compiled, imports)) };`;
  },
);
if (rewritten !== chunks || chunks === 0) {
  throw new Error(`link-module: ${chunks} chunk fetches but ${rewritten} loaders rewritten: has wasm-split-cli changed?`);
}

const names = [];
s = s.replace(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(/g, (_, name) => {
  names.push(name);
  return `const __split_${name} = (makeLoad(`;
});
if (!names.length) throw new Error('link-module: no split points found: has wasm-split-cli changed?');

// 4. Merge `ready` with its chunks; its declaration moves before the other split points'
// (they name it in their lists of what they need).
const splitDecl = (name) => {
  const m = s.match(new RegExp(`const __split_${name} = \\(makeLoad\\([\\s\\S]*?\\n, \\[([^\\]]*)\\]\\)\\);\\n`));
  if (!m) throw new Error(`link-module: no loader for split point ${name}: has wasm-split-cli changed?`);
  return m;
};
const merged = splitDecl(MERGED);
const mergedChunks = merged[1].split(', ').filter(Boolean);
if (!mergedChunks.every((c) => /^__chunk_\d+$/.test(c))) throw new Error(`link-module: ${MERGED} needs ${merged[1]}`);
mergeChunks(
  dirname(output),
  `split_${MERGED}.wasm`,
  mergedChunks.map((c) => `${c.slice(2)}.wasm`),
  fileURLToPath(new URL('../node_modules/.bin/wasm-merge', import.meta.url)),
);
replaceExactly(merged[0], '', 1);
for (const chunk of mergedChunks) {
  replaceExactly(new RegExp(`/\\* [^*]* \\*/\\nconst ${chunk} = makeLoad\\([\\s\\S]*?\\n, \\[\\]\\);\\n`), '', 1);
}
s = s.replace(/\n, \[([^\]]*)\]\)\);\n/g, (_, deps) => {
  const needs = [...new Set(deps.split(', ').filter(Boolean).map((d) => (mergedChunks.includes(d) ? `__split_${MERGED}` : d)))];
  return `\n, [${needs.join(', ')}]));\n`;
});
const firstSplit = s.indexOf('const __split_');
s = `${s.slice(0, firstSplit)}${merged[0].replace(/\n, \[[^\]]*\]\)\);\n$/, '\n, []));\n')}${s.slice(firstSplit)}`;
s += `
${names.map((n) => `export const __wasm_split_load_${n} = wrapAsyncCb(__split_${n});`).join('\n')}
const splits = { ${names.map((n) => `${n}: __split_${n}`).join(', ')} };
/** Fetches and compiles a split point's chunks, to be instantiated when the app asks. */
export function preloadSplit(name) {
    splits[name]?.preload();
}
`;
await writeFile(output, s);
