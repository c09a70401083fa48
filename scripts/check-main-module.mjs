// Guards what the first open downloads. Run by scripts/build-wasm.sh on the main module as
// wasm-split leaves it (function names still in it), before they are stripped:
//
//   node scripts/check-main-module.mjs recovery-diary.wasm
//
// Fails when the main module holds the standard library's float formatting (`f64` Display
// or Debug: core::fmt::float, core::num::flt2dec, about 7.5 KiB gzip) or float parsing
// (core::num::dec2flt): the first screen needs neither, and one `format!("{:.1}", x)` or
// `s.parse::<f64>()` reachable from it brings them back. Write numbers with `i18n`'s
// helpers, and keep such code in a chunk. Nor serde_json's text reader (about 10 KiB gzip):
// values kept beside the diary go through the browser's JSON.parse (storage/json_text.rs);
// the diary and files are read in chunks.
import { readFileSync } from 'node:fs';

const FORBIDDEN = [
  { mangled: 'flt2dec', what: 'float formatting (core::num::flt2dec)' },
  { mangled: 'float_to_decimal', what: 'float formatting (core::fmt::float)' },
  { mangled: 'dec2flt', what: 'float parsing (core::num::dec2flt)' },
  { mangled: 'serde_json4read', what: "serde_json's text reader (serde_json::read)" },
  { mangled: 'serde_json7lexical', what: "serde_json's number parsing (serde_json::lexical)" },
];

/** The function names of a module's `name` section, as one string. */
export function functionNames(bytes) {
  const module = new WebAssembly.Module(bytes);
  const sections = WebAssembly.Module.customSections(module, 'name');
  if (sections.length === 0) throw new Error('the module has no name section: check it before the names are stripped');
  return Buffer.from(sections[0]).toString('latin1');
}

/** What of FORBIDDEN the names show, with an example name of each. */
export function forbiddenIn(names) {
  const found = [];
  for (const { mangled, what } of FORBIDDEN) {
    const at = names.indexOf(mangled);
    if (at < 0) continue;
    const example = names.slice(Math.max(0, at - 60), at + 60).replace(/[^\x20-\x7e]+/g, ' ').trim();
    found.push({ what, example });
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const found = forbiddenIn(functionNames(readFileSync(file)));
  if (found.length > 0) {
    for (const { what, example } of found) console.error(`check-main-module: ${file} holds ${what}, e.g. …${example}…`);
    console.error('check-main-module: the first open must not carry it; see the comment at the top of this script.');
    process.exit(1);
  }
  console.error(`check-main-module: ${file}: no float formatting or parsing`);
}
