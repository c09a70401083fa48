// Loads the diary's wasm chunks: the screens and texts the first open does not need, cut
// out of the main module at their `#[wasm_split]` points. Served as __wasm_split.js, the
// module the main module imports one `__wasm_split_load_<split point>` function from per
// split point; scripts/link-splits.mjs fills in BUILD from the split's manifest and adds
// those exports at the end.
//
// A module is fetched and compiled as its bytes arrive (compileStreaming), and instantiated
// once the modules it needs are. A failed fetch or load is forgotten, so asking again
// tries again; a success is kept.
import { initSync } from './recovery-diary.js';

// The .wasm files (without extension) and the ones each needs instantiated first; the
// files each split point loads; the debug builds' fingerprint import (else null).
const BUILD = { modules: {}, splits: {}, canary: null };

let shared;
/** What every chunk imports as `__wasm_split`: the main module's memory, table and globals. */
function sharedImports() {
  if (shared === undefined) {
    const main = initSync(undefined, undefined);
    shared = { __wasm_split: BUILD.canary ? { ...main, [BUILD.canary]: ~0xdead } : main };
  }
  return shared;
}

/** Forgets `promise` under `key` in `map` if it fails. */
function remember(map, key, promise) {
  map.set(key, promise);
  promise.catch(() => {
    if (map.get(key) === promise) map.delete(key);
  });
  return promise;
}

const compiled = new Map();
function compile(file) {
  return compiled.get(file)
    ?? remember(compiled, file, WebAssembly.compileStreaming(fetch(new URL(`./${file}.wasm`, import.meta.url))));
}

const instances = new Map();
function instantiate(file) {
  return instances.get(file) ?? remember(instances, file, (async () => {
    const module = compile(file);
    await Promise.all(BUILD.modules[file].map(instantiate));
    try {
      return await WebAssembly.instantiate(await module, sharedImports());
    } catch (e) {
      if (e instanceof WebAssembly.LinkError && BUILD.canary && e.message.includes('__canary')) {
        console.error(`${file}.wasm belongs to another build of the diary than the page's main module.`);
      }
      throw e;
    }
  })());
}

/** Fetches and compiles a split point's files (and what they need) without running them. */
export function preloadSplit(point) {
  const visit = (file) => {
    compile(file);
    BUILD.modules[file].forEach(visit);
  };
  BUILD.splits[point]?.forEach(visit);
}

/**
 * The function the main module calls to load a split point: it loads the point's files,
 * then calls back the table entry `callbackIndex` with `callbackData` and whether it worked.
 */
export function splitLoader(point) {
  return async (callbackIndex, callbackData) => {
    let success = false;
    try {
      await Promise.all(BUILD.splits[point].map(instantiate));
      success = true;
    } catch (e) {
      console.error(e);
    } finally {
      sharedImports().__wasm_split.__indirect_function_table.get(callbackIndex)(callbackData, success);
    }
  };
}
