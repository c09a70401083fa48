// A panic anywhere shows a recovery screen, never a blank page, and it offers the stored
// diary as a download. Runs against the test build with the `panic-test` feature
// (target/dist-panic, built by scripts/test.sh), where an event makes the app panic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, diaryWith, KEY, STRICT_CSP } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../../target/dist-panic/', import.meta.url));
let server, browser;
before(async () => { server = await serve({ root: ROOT, csp: STRICT_CSP }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const lang of ['en', 'es']) {
  test(`a panic shows the recovery screen (${lang}) with the diary to download`, async () => {
    const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-2, -1] }), lang });
    const raw = await page.evaluate((k) => localStorage.getItem(k), KEY);
    const panicked = page.waitForEvent('console', (m) => m.type() === 'error' && /deliberate panic/.test(m.text()));
    await page.evaluate(() => window.dispatchEvent(new Event('recovery-diary-test-panic')));
    await panicked;
    const screen = page.locator('.panic-screen');
    await screen.waitFor();
    assert.equal(await screen.getAttribute('role'), 'alert');
    assert.equal(await screen.getAttribute('lang'), lang);
    await screen.getByRole('heading', { name: lang === 'es' ? 'Algo salió mal en el diario' : 'Something went wrong in the diary' }).waitFor();
    assert.match(await screen.innerText(), lang === 'es' ? /llame ahora a su número de emergencias/ : /call your emergency number or your clinic now/);
    // The rest of the app is gone, not half-drawn.
    assert.equal(await page.locator('.app').count(), 0);
    // The stored diary, byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      screen.getByRole('link', { name: lang === 'es' ? 'Descargar mi diario' : 'Download my diary' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'recovery-diary-backup.json');
    assert.equal(await readFile(await download.path(), 'utf8'), raw);
    // Nothing was lost: reloading opens the diary again.
    await screen.getByRole('link', { name: lang === 'es' ? 'Recargar' : 'Reload' }).click();
    await page.locator('.app').waitFor();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), raw);
    await page.context().close();
  });
}
