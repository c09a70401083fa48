// Embedding in a clinic's portal (demo/portal.html, hostile CSS on purpose), under the
// strict CSP: both ways, configuration, storage namespaces, style isolation both ways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, STRICT_CSP } from './harness.mjs';

let server, browser;
before(async () => { server = await serve({ csp: STRICT_CSP }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function portal({ query = '' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    if (location.pathname.endsWith('portal.html')) localStorage.setItem('portal-session', 'keep me');
  });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${server.url}demo/portal.html${query}`);
  const diary = page.locator('recovery-diary');
  await diary.getByRole('heading', { name: 'Welcome to your recovery diary' }).waitFor();
  return { context, page, diary, warnings };
}

test('way 1: the element mounts in a shadow root, configured, with its own storage key', async () => {
  const { context, page, diary } = await portal();
  assert.equal(await page.evaluate(() => !!document.querySelector('recovery-diary').shadowRoot), true);
  assert.match(await diary.locator('.app-name').innerText(), /Example Spine Clinic/);
  await diary.getByRole('button', { name: 'I understand, continue' }).click();
  await diary.getByRole('button', { name: 'Next' }).click();
  await diary.getByRole('button', { name: 'Next' }).click();
  await diary.getByRole('button', { name: /Skip for now/ }).click();
  await diary.getByRole('button', { name: "Start today's check-in" }).waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.ok(keys.includes('example-clinic:recovery-diary'), keys.join());
  assert.ok(!keys.includes('recovery-diary'), 'the unnamespaced key is not used');
  assert.equal(await page.evaluate(() => localStorage.getItem('portal-session')), 'keep me');
  // The clinic's numbers are used: the call link on the warning screen and in settings.
  await diary.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await diary.getByText('Clinic phone: +1 555 0100 (set by your clinic)').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});

test('style isolation: the portal cannot restyle the diary, the diary cannot restyle the portal', async () => {
  const { context, page, diary } = await portal();
  const inside = await diary.getByRole('button', { name: 'I understand, continue' }).evaluate((b) => {
    const s = getComputedStyle(b);
    return { bg: s.backgroundColor, size: parseFloat(s.fontSize), height: b.getBoundingClientRect().height };
  });
  assert.equal(inside.bg, 'rgb(0, 80, 138)', 'the clinic theme colour, not the portal\'s hotpink');
  assert.ok(inside.size >= 17, `diary text stays large (${inside.size}px) despite html { font-size: 10px }`);
  assert.ok(inside.height >= 44, `tap target stays ${inside.height}px`);
  const outside = await page.locator('#portal-button').evaluate((b) => {
    const s = getComputedStyle(b);
    return { bg: s.backgroundColor, size: parseFloat(s.fontSize) };
  });
  assert.equal(outside.bg, 'rgb(255, 105, 180)', 'the portal button keeps the portal\'s style');
  assert.equal(outside.size, 8);
  const portalHeader = await page.locator('body > header.top-bar').evaluate((h) => getComputedStyle(h).position);
  assert.notEqual(portalHeader, 'sticky', 'the diary\'s .top-bar rule does not leak');
  await context.close();
});

test('way 2: the iframe is configured by its URL and keeps its own namespace', async () => {
  const { context, page } = await portal();
  const frame = page.frameLocator('#diary-frame');
  await frame.getByRole('heading', { name: 'Welcome to your recovery diary' }).waitFor();
  assert.match(await frame.locator('.app-name').innerText(), /Example Spine Clinic/);
  await frame.getByRole('button', { name: 'I understand, continue' }).click();
  await frame.getByRole('button', { name: 'Next' }).click();
  await frame.getByRole('button', { name: 'Next' }).click();
  await frame.getByRole('button', { name: /Skip for now/ }).click();
  await frame.getByRole('button', { name: "Start today's check-in" }).waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.includes('example-frame:recovery-diary'), keys.join());
  await context.close();
});

test('an invalid configuration value is reported (console and notice) and its default used', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${server.url}index.html?emergency-number=javascript:alert(1)&theme-primary=%23ffff00&clinic-phone=%3Cb%3E1%3C/b%3E`);
  await page.getByText("Your clinic's setup of this diary has a problem").waitFor();
  assert.ok(warnings.some((w) => w.includes('emergency-number')), warnings.join('\n'));
  await page.getByRole('button', { name: 'Warning sign now' }).click();
  assert.equal(await page.getByRole('link', { name: 'Call 911' }).getAttribute('href'), 'tel:911');
  assert.equal(await page.locator('b').count(), 0, 'never rendered as HTML');
  await context.close();
});
