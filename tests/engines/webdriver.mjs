// Drives WebKit (WebKitGTK's MiniBrowser, Safari's engine, under Xvfb) and Firefox ESR
// through W3C WebDriver (selenium-webdriver, pointed at WebKitWebDriver and geckodriver
// started here: nothing is downloaded). Finds elements as a patient or a screen reader
// does: by role and accessible name, by a group's legend and an option's label, or by the
// app's data attributes. Every wait is for a condition.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';

/** The engines to run: ENGINES=webkit,firefox (both by default). */
export const ENGINES = (process.env.ENGINES ?? 'webkit,firefox').split(',').map((e) => e.trim()).filter(Boolean);
/** RD_WEBDRIVER_LOG=<file> appends what the drivers and browsers print to that file. */
/** How long a condition may take to hold: engines under a loaded CI machine are slow. */
export const PATIENCE = 30_000;

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Starts `command` and waits until a WebDriver server answers on `port`. */
async function startDriver(command, args, env, port) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let said = '';
  const hear = (d) => {
    said = (said + d).slice(-4000);
    if (process.env.RD_WEBDRIVER_LOG) appendFileSync(process.env.RD_WEBDRIVER_LOG, d);
  };
  child.stdout.on('data', hear);
  child.stderr.on('data', hear);
  const exited = new Promise((ok) => child.once('exit', (code) => ok(code)));
  const deadline = Date.now() + PATIENCE;
  for (;;) {
    const state = await Promise.race([
      fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false),
      exited.then((code) => `exited with ${code}`),
    ]);
    if (state === true) return child;
    if (typeof state === 'string' || Date.now() > deadline) {
      child.kill();
      throw new Error(`${command} ${typeof state === 'string' ? state : 'did not answer'}:\n${said}`);
    }
    await new Promise((ok) => setTimeout(ok, 50)); // the next poll of the driver's status
  }
}

/** An X display for MiniBrowser: Xvfb picks a free one and says which. */
async function startXvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const display = await new Promise((ok, fail) => {
    child.stdio[3].once('data', (d) => ok(`:${String(d).trim()}`));
    child.once('exit', (code) => fail(new Error(`Xvfb exited with ${code}`)));
  });
  return { child, display };
}

function miniBrowser() {
  for (const lib of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']) {
    if (!existsSync(lib)) continue;
    for (const dir of readdirSync(lib).filter((d) => /^webkit(2gtk|gtk)-/.test(d)).sort().reverse()) {
      const binary = join(lib, dir, 'MiniBrowser');
      if (existsSync(binary)) return binary;
    }
  }
  throw new Error('MiniBrowser not found: install the Debian package webkit2gtk-driver (scripts/ensure-tools.sh)');
}

function geckodriver() {
  const cargo = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'geckodriver');
  return existsSync(cargo) ? cargo : 'geckodriver';
}

/**
 * Starts `engine` ('webkit' or 'firefox') with a browser session in English.
 * Returns `{ driver, stop }`.
 */
export async function startEngine(engine) {
  const port = await freePort();
  const stops = [];
  const stop = async () => { for (const s of stops.reverse()) await s(); };
  try {
    let capabilities;
    if (engine === 'webkit') {
      const x = await startXvfb();
      stops.push(() => x.child.kill());
      const env = { DISPLAY: x.display, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' };
      const child = await startDriver('WebKitWebDriver', [`--port=${port}`], env, port);
      stops.push(() => child.kill());
      capabilities = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] } };
    } else if (engine === 'firefox') {
      const child = await startDriver(geckodriver(), ['--host', '127.0.0.1', '--port', String(port)], {}, port);
      stops.push(() => child.kill());
      capabilities = {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary: '/usr/bin/firefox-esr',
          args: ['-headless'],
          prefs: { 'intl.accept_languages': 'en-US', 'intl.locale.requested': 'en-US' },
        },
      };
    } else {
      throw new Error(`unknown engine ${engine}: webkit or firefox`);
    }
    const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
    stops.push(() => driver.quit().catch(() => {}));
    await driver.manage().window().setRect({ width: 430, height: 900 });
    return { driver, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

// Runs in the page: the elements that have `role` and an accessible name equal to `name`
// (a string) or matching it (`{ source, flags }`), visible, in document order.
const FIND = `
const [role, name, level, css] = arguments;
const SELECTORS = {
  button: 'button, input[type=button], input[type=submit], [role=button]',
  link: 'a[href], [role=link]',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  radio: 'input[type=radio], [role=radio]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  textbox: 'input:not([type]), input[type=text], input[type=date], input[type=number], input[type=tel], textarea',
  combobox: 'select, [role=combobox]',
  navigation: 'nav, [role=navigation]',
  alert: '[role=alert]',
  alertdialog: '[role=alertdialog]',
  css: css,
};
const text = (el) => (el?.textContent ?? '').replace(/\\s+/g, ' ').trim();
function accessibleName(el) {
  if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(/\\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
  if (el.labels && el.labels.length) return [...el.labels].map(text).join(' ').trim();
  if (el.tagName === 'INPUT') return (el.value ?? '').trim();
  return text(el);
}
const wanted = typeof name === 'string' ? (n) => n === name : name ? ((re) => (n) => re.test(n))(new RegExp(name.source, name.flags)) : () => true;
const roots = [document];
for (const host of document.querySelectorAll('recovery-diary')) if (host.shadowRoot) roots.push(host.shadowRoot);
const out = [];
for (const root of roots) {
  for (const el of root.querySelectorAll(SELECTORS[role])) {
    if (level && !(el.tagName === 'H' + level || el.getAttribute('aria-level') === String(level))) continue;
    const visible = el.getClientRects().length > 0 || (el.labels && [...el.labels].some((l) => l.getClientRects().length));
    if (visible && wanted(accessibleName(el))) out.push(el);
  }
}
return out;`;

const pattern = (name) => (name instanceof RegExp ? { source: name.source, flags: name.flags } : name ?? null);

/** A page of the diary in one engine's session, with the queries the flows use. */
export class Diary {
  constructor(engine, driver, url) {
    this.engine = engine;
    this.driver = driver;
    this.url = url;
  }

  /** Waits until `condition` (async, returning a truthy value) holds; returns its value. */
  async until(condition, what) {
    return this.driver.wait(async () => (await condition()) || false, PATIENCE, `waited ${PATIENCE} ms for ${what}`);
  }

  /** The visible elements with `role` and accessible `name` (a string or a RegExp). */
  async all(role, name, { level, css } = {}) {
    return this.driver.executeScript(FIND, role, pattern(name), level ?? null, css ?? null);
  }

  /** Waits for the first visible element with `role` and `name`. */
  async find(role, name, options = {}) {
    return this.until(async () => (await this.all(role, name, options))[0], `${role} ${name ?? options.css ?? ''}`);
  }

  /** Waits until one of `choices` shows: a `[role, name]` pair (a visible element) or a
   * RegExp (the diary's text). Returns its index and the element, if one. */
  async oneOf(...choices) {
    return this.until(async () => {
      for (const [index, choice] of choices.entries()) {
        if (choice instanceof RegExp) {
          if (choice.test(await this.visibleText())) return { index };
        } else {
          const [element] = await this.all(...choice);
          if (element) return { index, element };
        }
      }
      return null;
    }, choices.map((c) => (c instanceof RegExp ? `text ${c}` : c.join(' '))).join(' or '));
  }

  async click(role, name, options) {
    await this.tap(await this.find(role, name, options));
  }

  /** Scrolls `element` to the middle of the screen, as a patient would, and clicks it (a
   * WebDriver click scrolls only to the edge, where the wizard's bar may cover it). */
  async tap(element) {
    await this.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element);
    await element.click();
  }

  /** Waits until no visible element has `role` and `name`. */
  async gone(role, name, options = {}) {
    await this.until(async () => (await this.all(role, name, options)).length === 0, `no ${role} ${name}`);
  }

  /** Picks `option` (its label's text) in the group whose legend matches `legend`. */
  async choose(legend, option) {
    const label = await this.until(() => this.driver.executeScript(`
      const [legend, option] = arguments;
      const re = new RegExp(legend.source, legend.flags);
      const text = (el) => el.textContent.replace(/\\s+/g, ' ').trim();
      const group = [...document.querySelectorAll('fieldset')].find((f) => re.test(text(f.querySelector('legend') ?? f)));
      return group && [...group.querySelectorAll('label')].find((l) => text(l) === option);`, pattern(legend), option), `${option} for ${legend}`);
    await this.tap(label);
  }

  /** Runs `fn` (a function, stringified) in the page with `args`; returns its result. */
  async run(fn, ...args) {
    return this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  }

  /** Opens the app at `query` with `storage` ({ key: value }) in localStorage, nothing else
   * (written from a file of the app's origin that does not run the app: its icon). */
  async open({ storage = {}, query = '' } = {}) {
    await this.driver.get(`${this.url}icons/icon.svg`);
    await this.run((entries) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, Object.fromEntries(Object.entries(storage).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])));
    await this.driver.get(`${this.url}${query}`);
    await this.find('css', null, { css: 'main h1' });
  }

  /** Checks the radio button or checkbox named `name`, by its label (as a finger does). */
  async check(role, name) {
    const input = await this.find(role, name);
    const label = await this.driver.executeScript('return arguments[0].labels?.[0] ?? arguments[0]', input);
    await this.tap(label);
    await this.until(() => input.isSelected(), `${role} ${name} checked`);
  }

  /** Types the date `iso` (YYYY-MM-DD) into a date field, as the engine takes it from a
   * keyboard: WebKit's field has month, day and year parts (en-US); geckodriver fills a
   * date field from the ISO form. */
  async typeDate(field, iso) {
    const [year, month, day] = iso.split('-');
    await field.sendKeys(this.engine === 'webkit' ? `${month}/${day}/${year}` : iso);
    await this.until(async () => (await this.run((el) => el.value, field)) === iso, `the date field to read ${iso}`);
  }

  /** The diary's visible text (of every diary on the page). */
  async visibleText() {
    return this.run(() => [document, ...[...document.querySelectorAll('recovery-diary')].map((h) => h.shadowRoot)]
      .map((r) => r?.querySelector('.app')?.innerText ?? '').join('\n'));
  }

  /** Waits until the diary's visible text matches `re`; returns the text. */
  async text(re) {
    return this.until(async () => {
      const text = await this.visibleText();
      return re.test(text) && text;
    }, `text ${re}`);
  }

  /** What storage holds under `key`, once the app has written every change it shows. */
  async stored(key) {
    await this.until(() => this.run(() => !document.querySelector('.app[data-saving]')), 'the save');
    const raw = await this.run((k) => localStorage.getItem(k), key);
    return raw === null ? null : JSON.parse(raw);
  }
}

/** Whether `error` says the browser's page or session died (not that the app misbehaved). */
function browserDied(error) {
  return error?.name === 'NoSuchSessionError' || /page crash|session deleted|Could not parse script result/i.test(error?.message ?? '');
}

/**
 * One engine's browser session for a series of tests. `run(test)` runs `test(diary)`; if
 * the browser's page crashes under it (WebKitGTK's web process does, rarely, on a loaded
 * machine), it says so and runs the test once more in a new session: a second crash fails.
 */
export class EngineSession {
  static async start(engine, url) {
    const session = new EngineSession(engine, url);
    await session.restart();
    return session;
  }

  constructor(engine, url) {
    this.engine = engine;
    this.url = url;
  }

  async restart() {
    await this.stop();
    this.session = await startEngine(this.engine);
    this.diary = new Diary(this.engine, this.session.driver, this.url);
  }

  async run(test) {
    try {
      await test(this.diary);
    } catch (error) {
      if (!browserDied(error)) throw error;
      console.log(`# ${this.engine}: the browser's page crashed (${error.message.split('\n')[0]}); the test runs once more in a new session`);
      await this.restart();
      await test(this.diary);
    }
  }

  async stop() {
    await this.session?.stop();
    this.session = null;
  }
}
