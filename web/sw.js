// Recovery Diary's service worker: caches the app's files so it opens offline, and never
// touches the diary's data (that is in localStorage). scripts/post-build.mjs fills in
// BUILD: every file of the build, and a hash of their contents as the cache's version,
// so a new build replaces the cache and nothing stale is served.
const BUILD = { version: 'unbuilt', files: [] };
const CACHE = `recovery-diary-${BUILD.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(BUILD.files)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('recovery-diary-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(async (c) => (await c.match(req, { ignoreSearch: true })) || fetch(req)));
});
