// Saves a PNG of every screen at 390×844 and 1280×800 (and 320×568, "small"), in English
// and Spanish, into screenshots/ (needs a release build in dist/: `trunk build --release`).
// Open them and look. `node scripts/screenshots.mjs [name filter] [en|es] [small,phone,desktop]`.
import { mkdir } from 'node:fs/promises';
import { serve, launch, SIZES } from '../tests/e2e/harness.mjs';
import { SCREENS } from '../tests/e2e/screens.mjs';

const only = process.argv[2];
const langs = process.argv[3] && process.argv[3] !== 'all' ? [process.argv[3]] : ['en', 'es'];
const ALL_SIZES = { ...SIZES, small: { width: 320, height: 568 } };
const sizes = Object.entries(ALL_SIZES).filter(([name]) => (process.argv[4] ?? 'small,phone,desktop').split(',').includes(name));
const server = await serve();
const browser = await launch();
await mkdir('screenshots', { recursive: true });
for (const lang of langs) for (const [sizeName, size] of sizes) {
  for (const screen of SCREENS.filter((s) => !only || s.name.includes(only))) {
    const page = await screen.open(browser, server.url, { size, lang: lang === 'en' ? undefined : lang });
    const file = `screenshots/${screen.name}-${sizeName}${lang === 'en' ? '' : `-${lang}`}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.context().close();
  }
}
await browser.close();
await server.close();
