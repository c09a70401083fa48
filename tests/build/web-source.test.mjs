// What the build ships of web/*.js: the code without its whole-line comments, still the
// same program (scripts/web-source.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withoutComments, webSource } from '../../scripts/web-source.mjs';

test('whole-line comments and blank lines go; code, strings with slashes and trailing comments stay', () => {
  const source = [
    '// A header.',
    '/** A doc comment',
    ' * on two lines. */',
    'const url = "http://example.org/x"; // kept',
    '',
    '  /* one line */',
    "const glob = '/* not a comment */';",
    'const t = `a ${url} // b`;',
  ].join('\n');
  assert.equal(withoutComments(source), [
    'const url = "http://example.org/x"; // kept',
    "const glob = '/* not a comment */';",
    'const t = `a ${url} // b`;',
    '',
  ].join('\n'));
});

test('a source it cannot strip safely is refused', () => {
  assert.throws(() => withoutComments('const t = `\n// inside\n`;', 'x.js'), /x\.js:1: a template literal spans lines/);
  assert.throws(() => withoutComments('/* a */ const x = 1;'), /code after a comment block/);
  assert.throws(() => withoutComments('/* open'), /not closed/);
});

test('every web/ source, as shipped, is smaller and still parses (node --check)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'web-source-'));
  try {
    const files = readdirSync(new URL('../../web/', import.meta.url)).filter((f) => f.endsWith('.js'));
    assert.deepEqual(files.sort(), ['boot.js', 'split-loader.js', 'sw.js']);
    for (const file of files) {
      const shipped = webSource(file);
      const original = readFileSync(new URL(`../../web/${file}`, import.meta.url), 'utf8');
      assert.ok(shipped.length < original.length, file);
      // The worker is a classic script; the others are modules.
      const path = join(dir, file.replace(/\.js$/, file === 'sw.js' ? '.cjs' : '.mjs'));
      writeFileSync(path, shipped);
      assert.doesNotThrow(() => execFileSync(process.execPath, ['--check', path], { stdio: 'pipe' }), file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
