// Starts Recovery Diary, under a strict Content-Security-Policy: index.html (and a portal's
// page) loads it with <script type="module" src>, nothing inline. wasm-bindgen's init
// streams recovery-diary_bg.wasm from the diary's own origin (compiled while it downloads,
// and kept in the browser's code cache), which `connect-src 'self'` allows; a page whose
// policy still blocks that fetch gets a message in the diary's language naming the
// directive to add, never a blank page. Copied into the build as it is (index.html).
import init from './recovery-diary.js';

// The words of the message shown when the page's Content-Security-Policy blocks the diary's
// own code file (the diary has not started, so its catalogue is not there yet).
const BLOCKED = {
  en: ['The diary could not start on this page.', "This page's security settings (its Content-Security-Policy) block the diary's own program file. The website needs to add 'self' to connect-src, for example: connect-src 'self'. Your diary entries are safe: they stay on this device."],
  es: ['El diario no pudo iniciarse en esta página.', "La configuración de seguridad de esta página (su Content-Security-Policy) bloquea el archivo del programa del diario. El sitio web debe añadir 'self' a connect-src, por ejemplo: connect-src 'self'. Sus registros están a salvo: se quedan en este dispositivo."],
};

function language(host) {
  const chosen = host?.getAttribute?.('language') || new URLSearchParams(location.search).get('language') || navigator.language || 'en';
  return chosen.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Shows why the diary did not start, as text (never markup), where the diary would be. */
function showBlocked() {
  const hosts = [...document.querySelectorAll('recovery-diary')];
  const places = hosts.length ? hosts : [document.getElementById('app') || document.body];
  for (const place of places) {
    const [title, text] = BLOCKED[language(place.tagName === 'RECOVERY-DIARY' ? place : null)];
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.className = 'start-blocked';
    const h = document.createElement('h1');
    h.textContent = title;
    const p = document.createElement('p');
    p.textContent = text;
    box.append(h, p);
    const target = place.tagName === 'RECOVERY-DIARY' ? (place.shadowRoot || place.attachShadow({ mode: 'open' })) : place;
    target.replaceChildren(box);
  }
}

// A returning patient (a diary is stored under `recovery-diary` or `<namespace>:recovery-diary`):
// home's chunk is fetched and compiled now, alongside the main module, instead of after it
// (web/split-loader.js). Only key names are looked at; a first open preloads nothing.
try {
  const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
  if (keys.some((k) => k === 'recovery-diary' || k?.endsWith(':recovery-diary'))) {
    import('./__wasm_split.js').then((m) => m.preloadSplit('ready')).catch(() => {});
  }
} catch {
  // No storage (blocked): nothing stored to open.
}

const wasmUrl = new URL('recovery-diary_bg.wasm', import.meta.url);
try {
  await init({ module_or_path: wasmUrl });
} catch (error) {
  console.error("Recovery Diary could not load its program file (recovery-diary_bg.wasm). If the page's Content-Security-Policy blocks it, add 'self' to connect-src (connect-src 'self').", error);
  showBlocked();
  throw error;
}

// Offline and installable: the service worker caches the app (standalone page only; a
// portal that embeds the diary runs its own pages and workers). Data lives in localStorage,
// never in the cache, so an update cannot lose it; the patient is told when one is ready.
if ('serviceWorker' in navigator && document.getElementById('app')) {
  // A new version installs in the background and waits until the diary is closed; the
  // diary says so (in the patient's language) when it finds one installing or waiting.
  const tell = () => window.dispatchEvent(new Event('recovery-diary-update-ready'));
  const watch = (worker) => worker?.addEventListener('statechange', () => {
    if (worker.state === 'installed' && navigator.serviceWorker.controller) tell();
  });
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).then((reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) tell();
    watch(reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
  }).catch(() => {});
}
