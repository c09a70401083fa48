// Every screen of the app, each with how to reach it from a fresh page. Used by the
// accessibility test and by scripts/screenshots.mjs.
import { openApp, diaryWith, sixWeeks, KEY } from './harness.mjs';

const ready = (extra = {}) => diaryWith({ days: [-1, -2, -4], ...extra });
/** Chills on day -2 (B1), a question for the visit (C5) and a bladder problem on day -1 (A2). */
export function flagged() {
  const d = diaryWith({ days: [-1, -2, -4] });
  d.checkins[1].chills = true;
  d.checkins[1].ask_at_visit = 'When can I drive?';
  d.checkins[0].symptoms = { bladder_trouble: true };
  return d;
}

async function checkInStep(page, n) {
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  for (let i = 1; i < n; i++) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByText(`Step ${i + 1} of 8`).waitFor();
  }
}

export const SCREENS = [
  { name: 'setup-welcome', open: (b, url, o) => openApp(b, url, o) },
  { name: 'setup-procedure-date', open: async (b, url, o) => { const p = await openApp(b, url, o); await p.getByRole('button', { name: 'I understand, continue' }).click(); await p.getByLabel(/Date of your procedure/).waitFor(); return p; } },
  { name: 'setup-baseline-offer', open: async (b, url, o) => { const p = await openApp(b, url, o); await p.getByRole('button', { name: 'I understand, continue' }).click(); await p.getByRole('button', { name: 'Next' }).click(); await p.getByRole('button', { name: 'Next' }).click(); await p.getByRole('button', { name: /Describe my typical day/ }).waitFor(); return p; } },
  { name: 'home', open: (b, url, o) => openApp(b, url, { ...o, diary: ready() }) },
  { name: 'home-new-no-baseline', open: (b, url, o) => openApp(b, url, { ...o, diary: diaryWith({ procedureOffset: 3, baseline: false }) }) },
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
    name: `checkin-step-${n}`,
    open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: ready() }); await checkInStep(p, n); return p; },
  })),
  { name: 'checkin-emergency-answer', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: ready() }); await checkInStep(p, 1); await p.locator('input[name="q-bladder_trouble"]').first().check(); await p.getByRole('alertdialog').waitFor(); return p; } },
  { name: 'home-with-flags', open: (b, url, o) => openApp(b, url, { ...o, diary: flagged() }) },
  { name: 'report', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: sixWeeks() }); await p.getByRole('button', { name: 'Report' }).click(); await p.locator('[data-report]').waitFor(); return p; } },
  { name: 'history', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: ready() }); await p.getByRole('button', { name: 'History' }).click(); await p.getByRole('heading', { name: 'History', level: 1 }).waitFor(); return p; } },
  { name: 'history-confirm-delete', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: ready() }); await p.getByRole('button', { name: 'History' }).click(); await p.getByRole('button', { name: /^Delete / }).first().click(); await p.getByRole('button', { name: 'Yes, delete it' }).waitFor(); return p; } },
  { name: 'settings', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: ready() }); await p.getByRole('button', { name: 'Settings' }).click(); await p.getByRole('heading', { name: 'Settings' }).waitFor(); return p; } },
  { name: 'your-data', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: ready() }); await p.getByRole('button', { name: 'Settings' }).click(); await p.getByRole('button', { name: 'Save, share or import' }).click(); await p.getByRole('heading', { name: 'Your data' }).waitFor(); return p; } },
  { name: 'warning-now', open: async (b, url, o) => { const p = await openApp(b, url, { ...o, diary: ready() }); await p.getByRole('button', { name: 'Warning sign now' }).click(); await p.getByRole('heading', { name: 'Warning sign now' }).waitFor(); return p; } },
  { name: 'unreadable-storage', open: (b, url, o) => openApp(b, url, { ...o, diary: '{"format":"recovery-diary","version":1,"checkins":[{"date":"2026-11-02","pain":{"back":42}}]}' }) },
];

export { KEY };
