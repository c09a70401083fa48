// Renders icons/icon.svg to the PNG sizes the web app manifest names (run once; the PNGs
// are committed). Uses the same headless Chromium as the tests.
import { readFile } from 'node:fs/promises';
import { launch } from '../tests/e2e/harness.mjs';

const svg = await readFile('icons/icon.svg', 'utf8');
const browser = await launch();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `icons/icon-${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
