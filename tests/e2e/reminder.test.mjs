// The daily reminder: an iCalendar file made in Settings (and at the end of setup),
// read back with ical.js (Mozilla's RFC 5545 library, the calendar code of Thunderbird), its
// recurrence expanded across a daylight-saving change; and home's own nudge after the time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { serve, launch, openApp, diaryWith, SIZES } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A page in New York whose clock reads `local` (no offset: New York time), with `diary`. */
async function inNewYork(local, diary, lang) {
  const context = await browser.newContext({ viewport: SIZES.phone, timezoneId: 'America/New_York', locale: lang === 'es' ? 'es-US' : 'en-US' });
  const page = await openApp(browser, server.url, { context, diary, lang });
  const ms = await page.evaluate((s) => new Date(s).getTime(), local);
  await page.clock.setFixedTime(ms);
  await page.reload();
  await page.locator('main h1').first().waitFor();
  return page;
}

async function makeFile(page, { time, span, button = 'Add the reminder to my calendar' }) {
  await page.getByRole('navigation').getByRole('button', { name: /Settings|Ajustes/ }).click();
  const panel = page.locator('.reminder-panel');
  if (time) await panel.locator('#reminder-time').fill(time);
  if (span) await panel.getByLabel(span, { exact: true }).check();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8'), panel };
}

test('the calendar file: RFC 5545 as ical.js reads it, every property, a daily rule across the DST change', async () => {
  // No baseline record: its date is the real one, after this clock's tomorrow (refused).
  const diary = diaryWith({ days: [], baseline: false });
  diary.profile.procedure_date = '2026-10-15';
  // 20 October in New York: until day 42 (26 November) spans the end of daylight saving (1 November).
  const page = await inNewYork('2026-10-20T09:00:00', diary);
  const { name, text, panel } = await makeFile(page, { time: '07:30' });
  assert.equal(name, 'recovery-diary-reminder.ics');
  assert.match(await panel.locator('.reminder-will').innerText(), /every day at 7:30 AM, until Thursday, November 26, 2026/);
  await panel.getByRole('status').waitFor();

  // Octets: CRLF line ends and lines folded at 75.
  assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'every line ends CRLF');
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);

  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  const events = calendar.getAllSubcomponents('vevent');
  assert.equal(events.length, 1);
  const vevent = events[0];
  const uid = vevent.getFirstPropertyValue('uid');
  assert.match(uid, /^rd-[0-9a-f]{16}@recovery-diary$/);
  assert.ok(vevent.getFirstPropertyValue('dtstamp').isDate === false);
  const start = vevent.getFirstPropertyValue('dtstart');
  assert.equal(start.toString(), '2026-10-20T07:30:00');
  assert.equal(start.zone, ICAL.Timezone.localTimezone, 'floating local time (no TZID)');
  const rule = vevent.getFirstPropertyValue('rrule');
  assert.equal(rule.freq, 'DAILY');
  assert.equal(rule.until.toString(), '2026-11-26T07:30:00');
  assert.equal(vevent.getFirstPropertyValue('summary'), "Recovery diary: today's check-in");
  assert.match(vevent.getFirstPropertyValue('description'), /fill in today's check-in/);
  assert.equal(vevent.getFirstPropertyValue('url'), `${server.url}`);
  const alarm = vevent.getFirstSubcomponent('valarm');
  assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
  assert.equal(alarm.getFirstPropertyValue('trigger').toSeconds(), 0, 'at the event time');
  assert.ok(alarm.getFirstPropertyValue('description'));

  // Import and expand, as a calendar does: every day at 07:30 local, before and after the change.
  const event = new ICAL.Event(vevent);
  const it = event.iterator();
  const all = [];
  for (let next = it.next(); next && all.length < 1000; next = it.next()) all.push(next);
  assert.equal(all[0].toString(), '2026-10-20T07:30:00');
  assert.equal(all.at(-1).toString(), '2026-11-26T07:30:00');
  assert.equal(all.length, 38);
  assert.ok(all.every((t) => t.hour === 7 && t.minute === 30), 'the same clock time across the DST change');

  // Changing the time and adding it again replaces the same event: same UID, a higher SEQUENCE.
  const again = await makeFile(page, { time: '19:00' });
  const second = new ICAL.Component(ICAL.parse(again.text)).getFirstSubcomponent('vevent');
  assert.equal(second.getFirstPropertyValue('uid'), uid);
  assert.ok(second.getFirstPropertyValue('sequence') > vevent.getFirstPropertyValue('sequence'));
  assert.equal(second.getFirstPropertyValue('dtstart').toString(), '2026-10-20T19:00:00');
  // The choice is kept over a reload.
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  assert.equal(await page.locator('#reminder-time').inputValue(), '19:00');
  await page.context().close();
});

test('until I stop it: no end; in Spanish the words are Spanish', async () => {
  const diary = diaryWith({ days: [] });
  const page = await inNewYork('2026-11-20T09:00:00', diary, 'es');
  const { text } = await makeFile(page, { span: 'Hasta que yo lo quite', button: 'Añadir el recordatorio a mi calendario' });
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
  assert.equal(vevent.getFirstPropertyValue('rrule').until, null);
  assert.equal(vevent.getFirstPropertyValue('summary'), 'Diario de recuperación: registro de hoy');
  assert.match(await page.locator('.reminder-will').innerText(), /a las 19:00, hasta que borre el recordatorio/);
  await page.context().close();
});

test("home nudges after the reminder's time while today's check-in is not done", async () => {
  // Nothing dated by the real clock: the page's clock is earlier (dates after its tomorrow are refused).
  const diary = diaryWith({ days: [], baseline: false });
  diary.profile.procedure_date = '2026-11-10';
  const page = await inNewYork('2026-11-20T09:00:00', diary);
  await makeFile(page, {});
  await page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
  assert.equal(await page.locator('.nudge').count(), 0, 'not before 7 PM');
  await page.clock.setFixedTime(await page.evaluate(() => new Date('2026-11-20T19:05:00').getTime()));
  await page.reload();
  await page.locator('.nudge').waitFor();
  assert.match(await page.locator('.nudge').innerText(), /after 7:00 PM and today's check-in is not done yet/);
  await page.context().close();
});
