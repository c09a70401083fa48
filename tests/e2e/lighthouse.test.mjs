// Lighthouse (npm, driving /usr/bin/chromium): accessibility 100 and no console errors on
// the first screen of the release build, served under the strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, STRICT_CSP } from './harness.mjs';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../node_modules/.bin/lighthouse', import.meta.url));
export const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

let server;
before(async () => { server = await serve({ csp: STRICT_CSP }); });
after(async () => { await server?.close(); });

test('Lighthouse: accessibility 100, no errors in the console', async () => {
  const out = join(await mkdtemp(join(tmpdir(), 'lh-')), 'report.json');
  await run(BIN, [`${server.url}index.html`, '--chrome-path=/usr/bin/chromium', `--chrome-flags=${CHROME_FLAGS}`,
    '--only-categories=accessibility,best-practices', '--form-factor=mobile', '--output=json', `--output-path=${out}`, '--quiet'],
    { timeout: 180_000 });
  const report = JSON.parse(await readFile(out, 'utf8'));
  const a11y = Math.round(report.categories.accessibility.score * 100);
  const practices = Math.round(report.categories['best-practices'].score * 100);
  console.log(`LIGHTHOUSE accessibility ${a11y}, best practices ${practices}`);
  assert.equal(a11y, 100);
  assert.equal(report.audits['errors-in-console'].score, 1, JSON.stringify(report.audits['errors-in-console'].details?.items));
});
