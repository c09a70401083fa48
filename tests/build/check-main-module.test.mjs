// The guard on what the first open downloads (scripts/check-main-module.mjs): float
// formatting or parsing in the main module fails the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import binaryen from 'binaryen';
import { forbiddenIn, functionNames } from '../../scripts/check-main-module.mjs';

/** A module with functions of these (mangled) names, and its name section. */
function named(...names) {
  const funcs = names.map((n) => `(func $${n} (export "${n}"))`).join('\n');
  binaryen.setDebugInfo(true);
  try {
    return Buffer.from(binaryen.parseText(`(module ${funcs})`).emitBinary());
  } finally {
    binaryen.setDebugInfo(false);
  }
}

test('float formatting and parsing in the names are found, each with an example', () => {
  const wasm = named(
    '_RNvNtNtCs1_4core3num7flt2dec17digits_to_dec_str',
    '_RINvNtNtCs1_4core3fmt5float29float_to_decimal_common_exactdEB6_',
    '_RNvMs_NtNtNtCs1_4core3num7dec2flt11decimal_seq5round',
  );
  const found = forbiddenIn(functionNames(wasm));
  assert.deepEqual(found.map((f) => f.what), [
    'float formatting (core::num::flt2dec)',
    'float formatting (core::fmt::float)',
    'float parsing (core::num::dec2flt)',
  ]);
  assert.match(found[0].example, /flt2dec17digits_to_dec_str/);
});

test("serde_json's text reader and number parsing are found; its Value is allowed", () => {
  const wasm = named(
    '_ZN68_$LT$serde_json..read..StrRead$u20$as$u20$serde_json..read..Read$GT$9parse_str17h6f1c937e360763ceE',
    '_ZN10serde_json4read9SliceRead17position_of_index17h21eadc48db9e62bcE',
    '_ZN10serde_json7lexical6bhcomp6bhcomp17h6db970fa7f22c13aE',
  );
  assert.deepEqual(forbiddenIn(functionNames(wasm)).map((f) => f.what), [
    "serde_json's text reader (serde_json::read)",
    "serde_json's number parsing (serde_json::lexical)",
  ]);
});

test('a module without them passes', () => {
  const wasm = named(
    '_ZN3yew10dom_bundle5bnode9reconcile',
    '_RNvNtCs1_4core3fmt9Formatter3pad',
    '_ZN65_$LT$serde_json..value..Value$u20$as$u20$core..cmp..PartialEq$GT$2eq17h14b882c0ce8218d9E',
  );
  assert.deepEqual(forbiddenIn(functionNames(wasm)), []);
});

test('a module whose names are gone is an error, not a pass', () => {
  const wasm = Buffer.from(binaryen.parseText('(module (func (export "f")))').emitBinary());
  assert.throws(() => functionNames(wasm), /no name section/);
});
