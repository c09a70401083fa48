// Hardening, as an attacker and an unlucky patient would try it: storage full or refusing,
// a link that tries to change the call numbers, dates and numbers out of bounds, two tabs on
// one day, CSV read with `;`, keys given twice, hostile notes in the FHIR export, and a
// megabyte-long setting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, stored, storedNow, isoDay, diaryWith, KEY, openData, download } from './harness.mjs';
import { validateFhir } from './fhir-schema.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const phone = { viewport: { width: 390, height: 844 }, locale: 'en-US' };

/** Fills the origin's localStorage until not one more character fits. */
async function fillStorage(page) {
  await page.evaluate(() => {
    let i = 0;
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const chunk = 'x'.repeat(size);
      for (;;) { try { localStorage.setItem('filler' + i++, chunk); } catch { break; } }
    }
  });
}

/** Frees about `n` characters of the filler (none when `n` is 0; all by default). */
async function freeStorage(page, n = Infinity) {
  await page.evaluate((n) => {
    let freed = 0;
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('filler'))
      .sort((a, b) => localStorage.getItem(b).length - localStorage.getItem(a).length);
    for (const k of keys) {
      const size = localStorage.getItem(k).length;
      if (n !== null && freed + size > n) continue;
      freed += size;
      localStorage.removeItem(k);
    }
  }, n === Infinity ? null : n);
}

/** Answers today's (or the open) check-in with back pain `back` and saves it. */
async function checkIn(page, back, { leg } = {}) {
  await page.getByRole('button', { name: 'I have none of these' }).click();
  if (back !== undefined) await page.locator(`label[for="pain-back-${back}"]`).click();
  if (leg !== undefined) await page.locator(`label[for="pain-leg-${leg}"]`).click();
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // A pain left empty is named, with the choice to save as it is.
  const asIs = page.getByRole('button', { name: 'Save as it is' });
  const saved = page.locator('section.checkin');
  await Promise.race([asIs.waitFor().catch(() => {}), saved.waitFor({ state: 'detached' }).catch(() => {})]);
  if (await asIs.isVisible()) await asIs.click();
}

const longDate = (offset) => new Date(`${isoDay(offset)}T12:00:00`).toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });



// ---- A write that cannot fit never blocks the others; nothing pending is lost on reload.

test('storage full: the big import waits, the check-in after it is saved, both survive a reload', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-40] }) });
  await fillStorage(page);
  // Room for a check-in, not for a year of them.
  await freeStorage(page, 20 * 1024);
  await openData(page);
  const year = diaryWith({ days: Array.from({ length: 365 }, (_, i) => -400 + i) });
  for (const c of year.checkins) c.notes = 'n'.repeat(200);
  await page.setInputFiles('#import-file', { name: 'year.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(year)) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const error = page.locator('div.save-error[role="alert"]').filter({ hasText: 'Not saved yet.' });
  await error.waitFor();
  assert.match(await error.innerText(), /storage for the diary is full/);
  assert.doesNotMatch(await error.innerText(), /private/);
  assert.match(await error.innerText(), /Not saved on this phone:\s*The diary file you imported/);
  // The next change still saves.
  await page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await checkIn(page, 3);
  await error.getByText('Everything else you entered is saved.').waitFor();
  const saved = await storedNow(page);
  assert.deepEqual(saved.checkins.map((c) => c.date), [isoDay(-40), isoDay(0)], 'the check-in is in storage');
  assert.doesNotMatch(await error.innerText(), /Check-in for/);
  // A reload finds what waits: the imported days are on screen again, still said unsaved.
  await page.reload();
  await error.waitFor();
  assert.match(await error.innerText(), /The diary file you imported/);
  assert.match(await error.innerText(), /also if you reload the page/);
  await page.getByRole('navigation').getByRole('button', { name: 'History' }).click();
  await page.getByRole('button', { name: /Show earlier check-ins \(306 more\)/ }).waitFor();
  // Room again: everything is written, and the queue is gone.
  await freeStorage(page);
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await error.waitFor({ state: 'detached' });
  assert.equal((await stored(page)).checkins.length, 366);
  assert.deepEqual(await page.evaluate((k) => [sessionStorage.getItem(k), localStorage.getItem(k)], `${KEY}.unsaved`), [null, null]);
  await page.context().close();
});

test('storage full from the start: said as full (not private browsing); a check-in waits and is saved once there is room', async () => {
  const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }) });
  await fillStorage(page);
  await page.reload();
  const warning = page.locator('.storage-warning');
  await warning.waitFor();
  assert.match(await warning.innerText(), /storage for the diary is full/);
  assert.doesNotMatch(await warning.innerText(), /private/);
  await page.getByRole('button', { name: "Start today's check-in" }).click();
  await checkIn(page, 5);
  const error = page.locator('div.save-error[role="alert"]').filter({ hasText: 'Not saved yet.' });
  await error.waitFor();
  assert.match(await error.innerText(), new RegExp(`Check-in for ${longDate(0)}`));
  await page.reload();
  await page.getByText("Today's check-in is done.").waitFor();
  await freeStorage(page);
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await error.waitFor({ state: 'detached' });
  assert.equal((await stored(page)).checkins.find((c) => c.date === isoDay(0)).pain.back, 5);
  await page.context().close();
});

// ---- Storage that cannot be read is never a new diary.

test('getItem throwing: "could not be opened", never the welcome screen; Try again opens the diary', async () => {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(server.url + 'manifest.webmanifest');
  const diary = diaryWith({ days: [-1] });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(diary)]);
  await page.addInitScript(() => {
    const getItem = Storage.prototype.getItem;
    window.refuseReads = true;
    Storage.prototype.getItem = function (...args) {
      if (window.refuseReads) throw new DOMException('The operation is insecure.', 'SecurityError');
      return getItem.apply(this, args);
    };
  });
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Your diary could not be opened' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: /Welcome/ }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /continue|Start a new diary/ }).count(), 0);
  await page.evaluate(() => { window.refuseReads = false; });
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('button', { name: "Start today's check-in" }).waitFor();
  assert.deepEqual(await storedNow(page), diary, 'untouched');
  await context.close();
});

// ---- A link never changes the numbers the patient entered.

const PATIENT = JSON.stringify({ emergency_number: '911', clinic_phone: '555 0100', after_hours_phone: null });

async function withSettings(url, { frame = false, context } = {}) {
  context ??= await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(server.url + 'manifest.webmanifest');
  await page.evaluate(([k, v, s]) => { localStorage.setItem(k, v); localStorage.setItem(`${k}.settings`, s); }, [KEY, JSON.stringify(diaryWith({ days: [-1] })), PATIENT]);
  if (frame) {
    // The clinic's portal page embedding the diary in a frame, on the same origin.
    await page.route(server.url + 'portal-frame.html', (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Portal</title><iframe title="Recovery diary" style="width:390px;height:800px" src="${url}"></iframe>` }));
    await page.goto(server.url + 'portal-frame.html');
    const f = page.frameLocator('iframe');
    await f.locator('main h1').first().waitFor();
    return { page, app: f };
  }
  await page.goto(server.url + url);
  await page.locator('main h1').first().waitFor();
  return { page, app: page };
}

test('a link opened directly never changes the numbers the patient entered, and the notice says so', async () => {
  const { page, app } = await withSettings('index.html?emergency-number=999&clinic-phone=555%206666');
  const notice = app.locator('.config-problems');
  await notice.waitFor();
  assert.match(await notice.innerText(), /emergency-number: this link gives “999”, but the number entered on this phone, “911”, is kept/);
  assert.match(await notice.innerText(), /clinic-phone: this link gives “555 6666”/);
  await app.getByRole('button', { name: 'Warning sign now' }).first().click();
  await app.getByRole('link', { name: 'Call 911' }).waitFor();
  assert.equal(await app.getByRole('link', { name: 'Call 999' }).count(), 0);
  await page.context().close();
});

test("in the clinic's own frame its numbers are used", async () => {
  const { page, app } = await withSettings('index.html?emergency-number=999', { frame: true });
  await app.getByRole('button', { name: 'Warning sign now' }).first().click();
  await app.getByRole('link', { name: 'Call 999' }).waitFor();
  await page.context().close();
});

test('an emergency number the diary does not know is refused, and a key given twice is a problem', async () => {
  for (const [query, call, problem] of [
    ['emergency-number=0000', '911', /“0000” is not an emergency number the diary knows/],
    ['emergency-number=123456', '911', /“123456” is not an emergency number/],
    ['emergency-number=112&emergency-number=999', '112', /emergency-number: is given more than once; the first value, “112”, is used and “999” is not/],
  ]) {
    const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }), query: `index.html?${query}` });
    const notice = page.locator('.config-problems');
    await notice.waitFor();
    assert.match(await notice.innerText(), problem, query);
    await page.getByRole('button', { name: 'Warning sign now' }).first().click();
    await page.getByRole('link', { name: `Call ${call}` }).waitFor();
    await page.context().close();
  }
});

test('a megabyte-long setting is not copied whole into the notice', async () => {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const huge = 'x'.repeat(1024 * 1024);
  await page.route(server.url + 'portal-huge.html', (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Portal</title><recovery-diary clinic-name="${huge}" language="${huge}"></recovery-diary><script type="module" src="boot.js"></script>` }));
  await page.goto(server.url + 'portal-huge.html');
  const notice = page.locator('recovery-diary .config-problems');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.ok(text.length < 2000, `${text.length} characters`);
  assert.match(text, /language: “x{40}…” \(1048576 characters\) is not a supported language/);
  await context.close();
});

// ---- Bounds: dates from 1900 to tomorrow, plausible numbers, History a page at a time.

test('an import with a check-in dated 9999-12-31 or 1e308 minutes is refused with its path, in both languages', async () => {
  for (const [lang, plain] of [['en', /outside what a diary holds/], ['es', /fuera de lo que guarda un diario/]]) {
    const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }), lang });
    const before = await page.evaluate((k) => localStorage.getItem(k), KEY);
    await page.locator('nav button[data-nav="settings"]').click();
    await page.locator('.settings button.button').filter({ hasText: /import/i }).click();
    for (const [checkin, path] of [[{ date: '9999-12-31' }, 'checkins[0].date'], [{ date: '1899-12-31' }, 'checkins[0].date'], [{ date: isoDay(-2), walking: { minutes: 1e308 } }, 'checkins[0].walking.minutes']]) {
      const file = { format: 'recovery-diary', version: 2, checkins: [checkin] };
      await page.setInputFiles('#import-file', { name: 'f.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      const error = page.locator('.data .error');
      await error.waitFor();
      assert.match(await error.innerText(), plain, lang);
      assert.ok((await error.innerText()).includes(path), await error.innerText());
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), before);
      await page.setInputFiles('#import-file', []);
    }
    await page.context().close();
  }
});

test('a stored diary holding a check-in dated 9999 is kept aside, untouched, and explained', async () => {
  const diary = diaryWith({ days: [-1] });
  diary.checkins.push({ date: '9999-12-31' });
  const raw = JSON.stringify(diary);
  const page = await openApp(browser, server.url, { diary: raw });
  await page.getByRole('heading', { name: 'We could not open your saved diary' }).waitFor();
  await page.getByText(/checkins\[1\]\.date: 9999-12-31 is outside the dates a diary holds/).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), raw);
  const copies = await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(`${k}.quarantine.`)), KEY);
  assert.equal(copies.length, 1);
  await page.context().close();
});

test('History with 20 years of daily check-ins shows a page, and earlier ones on request', async () => {
  const checkins = Array.from({ length: 20 * 365 }, (_, i) => ({ date: isoDay(-i), pain: { back: i % 11 } })).reverse();
  const diary = { format: 'recovery-diary', version: 2, profile: { procedure_date: isoDay(-20 * 365 + 30) }, checkins };
  const page = await openApp(browser, server.url, { diary });
  await page.getByRole('navigation').getByRole('button', { name: 'History' }).click();
  await page.locator('.history-item').first().waitFor();
  assert.equal(await page.locator('.history-item').count(), 60);
  await page.getByRole('button', { name: 'Show earlier check-ins (7240 more)' }).click();
  await page.getByRole('button', { name: 'Show earlier check-ins (7180 more)' }).waitFor();
  assert.equal(await page.locator('.history-item').count(), 120);
  await page.context().close();
});

// ---- Two tabs, one day: merged answer by answer, and said.

async function twoTabs(diary) {
  const context = await browser.newContext(phone);
  const a = await openApp(browser, server.url, { diary, context });
  const b = await context.newPage();
  await b.goto(server.url);
  await b.locator('main h1').first().waitFor();
  return { context, a, b };
}

test('two tabs save the same new day: the later save wins the answer both gave, and both tabs say so', async () => {
  const { context, a, b } = await twoTabs(diaryWith({ days: [-1] }));
  await a.getByRole('button', { name: "Start today's check-in" }).click();
  await b.getByRole('button', { name: "Start today's check-in" }).click();
  await checkIn(a, 2);
  await a.getByText(`Check-in for ${longDate(0)} saved.`).waitFor();
  await checkIn(b, 9);
  const merged = /was also saved in another window/;
  await b.getByText(merged).waitFor();
  await a.getByText(merged).waitFor();
  assert.equal((await stored(b)).checkins.find((c) => c.date === isoDay(0)).pain.back, 9);
  // Tab A shows what is stored, not its own 2.
  await a.getByRole('navigation').getByRole('button', { name: 'History' }).click();
  assert.match(await a.locator('.history-item').first().innerText(), /Back pain 9/);
  await context.close();
});

test('two tabs change different answers of one day: both are kept', async () => {
  const diary = diaryWith({ days: [-1, 0] });
  diary.checkins[1].pain = { back: 4, leg: 4 };
  const { context, a, b } = await twoTabs(diary);
  await a.getByRole('button', { name: /today's check-in/i }).first().click();
  await b.getByRole('button', { name: /today's check-in/i }).first().click();
  await checkIn(a, 1); // back 1, leg stays 4
  await a.getByText(/saved\./).waitFor();
  await checkIn(b, undefined, { leg: 7 }); // leg 7, back stays 4 in this tab's form
  await b.getByText(/was also saved in another window/).waitFor();
  const today = (await stored(b)).checkins.find((c) => c.date === isoDay(0));
  assert.deepEqual([today.pain.back, today.pain.leg], [1, 7]);
  await context.close();
});

// ---- CSV read with `;`, keys twice, hostile notes in FHIR.

/** The cells of one line as a reader splitting at `sep` sees them, honouring quotes only at
 * the start of a cell (Excel and LibreOffice with a `;` list separator). */
function cellsWith(line, sep) {
  const cells = ['']; let quoted = false; let atStart = true;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' && atStart) quoted = true;
    else if (c === '"' && quoted && line[i + 1] === '"') { cells[cells.length - 1] += '"'; i++; }
    else if (c === '"' && quoted) quoted = false;
    else if (c === sep && !quoted) { cells.push(''); atStart = true; continue; } else cells[cells.length - 1] += c;
    atStart = false;
  }
  return cells;
}

test('CSV: no note becomes a formula cell for a reader that splits at `;` (or `,` or tab)', async () => {
  const diary = diaryWith({ days: [-2, -1] });
  diary.checkins[0].notes = 'ok;=1+1;';
  diary.checkins[1].notes = 'line one\n=HYPERLINK("http://x");-2';
  diary.checkins[1].ask_at_visit = '@SUM(1);+3';
  const page = await openApp(browser, server.url, { diary });
  await openData(page);
  const text = (await download(page, 'Download CSV')).text.replace(/^\uFEFF/, '');
  for (const sep of [',', ';', '\t']) {
    for (const line of text.split(/\r\n|\n|\r/)) {
      for (const cell of cellsWith(line, sep)) assert.ok(!/^[=+\-@]/.test(cell), `${JSON.stringify(sep)} reader: ${cell} in ${line}`);
    }
  }
  const row = text.split('\r\n').find((l) => l.startsWith(isoDay(-2)));
  assert.ok(row.includes('"ok;\'=1+1;"'), row);
  await page.context().close();
});

test('an import file with a key given twice is refused with its path, in both languages', async () => {
  for (const [lang, plain] of [['en', /gives the same field twice/], ['es', /Da el mismo campo dos veces/]]) {
    const page = await openApp(browser, server.url, { diary: diaryWith({ days: [-1] }), lang });
    await page.locator('nav button[data-nav="settings"]').click();
    await page.locator('.settings button.button').filter({ hasText: /import/i }).click();
    for (const [body, path] of [
      ['{"format":"recovery-diary","version":1,"version":2,"checkins":[]}', 'version'],
      [`{"format":"recovery-diary","version":2,"checkins":[{"date":"${isoDay(-2)}","pain":{"back":2,"back":9}}]}`, 'checkins[0].pain.back'],
    ]) {
      await page.setInputFiles('#import-file', { name: 'f.json', mimeType: 'application/json', buffer: Buffer.from(body) });
      const error = page.locator('.data .error');
      await error.waitFor();
      assert.match(await error.innerText(), plain);
      assert.ok((await error.innerText()).includes(`${path}: "`), await error.innerText());
      await page.setInputFiles('#import-file', []);
    }
    await page.context().close();
  }
});

test('FHIR export of hostile notes validates against the R4 schema', async () => {
  const notes = ['', ' ', '\u2028', 'a\u2029b', 'tab\there', 'form\ffeed', 'vt\u000bvt', 'nul\u0001x', 'del\u007f',
    'nbsp\u00a0x', 'ideo\u3000x', 'bom\ufeffx', 'nel\u0085x', 'emoji 👍 “quotes” <b>', 'crlf\r\nx', '\\u0000 as text'];
  const diary = diaryWith({ days: notes.map((_, i) => -notes.length + i) });
  notes.forEach((n, i) => { diary.checkins[i].notes = n; diary.checkins[i].ask_at_visit = `${n}?`; });
  diary.checkins[0].recorded_at = `${isoDay(-notes.length)}T10:00:00+14:30`;
  const page = await openApp(browser, server.url, { diary });
  await openData(page);
  const bundle = JSON.parse((await download(page, 'Download FHIR')).text);
  assert.deepEqual(await validateFhir(bundle), []);
  const answers = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'QuestionnaireResponse')
    .flatMap((r) => r.item ?? []).filter((i) => i.linkId === 'notes').map((i) => i.answer[0].valueString);
  assert.ok(!answers.includes(''), 'an empty note is left out');
  assert.ok(answers.includes('a\nb'));
  await page.context().close();
});
