// Times the follow-up report with years of daily check-ins: from the tap on "Report" to the
// report in the page (and to the next frame after it), its chunk already loaded, median of
// 7, at 390×844. Numbers only. Used by bench.mjs; alone, after `trunk build --release`:
// `node scripts/report-time.mjs`.
import { serve, launch, openApp, longDiary } from '../tests/e2e/harness.mjs';

/** The report is in the page: its details, the last thing it draws. */
const SHOWN = '[data-report] .episodes';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** One tap on the navigation's `nav` button, timed until `selector` is in the page. */
function tap(page, nav, selector) {
  return page.evaluate(([nav, selector]) => new Promise((done) => {
    const button = document.querySelector(`nav button[data-nav="${nav}"]`);
    const t0 = performance.now();
    const seen = () => {
      if (!document.querySelector(selector)) return false;
      const shown = performance.now() - t0;
      requestAnimationFrame(() => setTimeout(() => done([shown, performance.now() - t0]), 0));
      return true;
    };
    const obs = new MutationObserver(() => { if (seen()) obs.disconnect(); });
    obs.observe(document.body, { subtree: true, childList: true });
    button.click();
  }), [nav, selector]);
}

/**
 * `[[label, days], …]` → lines "label: N check-ins, shown X ms, next frame Y ms". `root`: the
 * build to serve (dist/ by default).
 */
export async function reportTimes(cases = [['20 years', 20 * 365]], root) {
  const server = await serve(root ? { root } : {});
  const browser = await launch();
  const lines = [];
  for (const [label, days] of cases) {
    const page = await openApp(browser, server.url, { diary: longDiary(days) });
    await page.locator('nav button[data-nav="report"]').click();
    await page.locator(SHOWN).waitFor(); // the chunk, fetched once
    const shown = [], framed = [];
    for (let i = 0; i < 7; i++) {
      await tap(page, 'home', 'section.home');
      const [s, f] = await tap(page, 'report', SHOWN);
      shown.push(s);
      framed.push(f);
    }
    const n = await page.locator('[data-report]').evaluate(() => document.querySelectorAll('[data-report] [data-rule]').length);
    lines.push(`${label} (${days - 1} check-ins, ${n} warning-sign episodes): in the page ${median(shown).toFixed(0)} ms, next frame ${median(framed).toFixed(0)} ms`);
    await page.context().close();
  }
  await browser.close();
  await server.close();
  return lines;
}

// Alone: `node scripts/report-time.mjs [other dist/ to time in turn, e.g. a base build]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = [['1 year', 365], ['5 years', 5 * 365], ['20 years', 20 * 365]];
  for (let round = 0; round < 2; round++) {
    for (const root of [undefined, process.argv[2]].filter((r, i) => i === 0 || r)) {
      for (const line of await reportTimes(cases, root)) console.log(`   ${root ?? 'dist'}: ${line}`);
    }
  }
}
