// Updating to a new version never loses data and tells the patient: a second build (here the
// same files with a new service worker version) installs in the background, the diary says
// a new version is ready, and the next time it opens it runs the new version with every entry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, stored, diaryWith, STRICT_CSP } from './harness.mjs';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
let server, browser, root;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'rd-update-'));
  await cp(DIST, root, { recursive: true });
  server = await serve({ csp: STRICT_CSP, root });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

/** Publishes "version 2": the service worker's cache version changes, as in a new build. */
async function publishNewVersion() {
  const sw = join(root, 'sw.js');
  const text = await readFile(sw, 'utf8');
  const next = text.replace(/"version":"[^"]+"/, '"version":"version-2"');
  assert.notEqual(next, text, "sw.js names its build's version");
  await writeFile(sw, next);
}

for (const lang of ['en', 'es']) {
  test(`an update is announced (${lang}) and keeps every entry`, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: lang === 'es' ? 'es-US' : 'en-US' });
    const diary = diaryWith({ days: [-3, -2, -1] });
    const page = await openApp(browser, server.url, { diary, lang, context });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await publishNewVersion();
    await page.reload();
    const note = page.locator('.update-ready');
    await note.waitFor();
    assert.match(await note.innerText(), lang === 'es' ? /nueva versión del diario/ : /A new version of the diary is ready/);
    assert.equal((await stored(page)).checkins.length, 3, 'nothing lost while the update waits');

    // Next time the diary opens (every page of it closed), the new version runs.
    await page.close();
    const next = await context.newPage();
    await next.goto(server.url);
    await next.waitForFunction(async () => (await caches.keys()).includes('recovery-diary-version-2'));
    await next.reload();
    await next.locator('main h1').first().waitFor();
    assert.deepEqual((await stored(next)).checkins.map((c) => c.date), diary.checkins.map((c) => c.date));
    assert.deepEqual(await next.evaluate(() => caches.keys()), ['recovery-diary-version-2'], 'the old version is gone');
    await context.close();
    // Back to version 1 for the next language.
    await cp(join(DIST, 'sw.js'), join(root, 'sw.js'));
  });
}
