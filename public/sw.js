// Vaksam's service worker: precaches the versioned app shell so the app starts with no
// network, and never answers API calls from a cache.
//
// tools/precache.mjs (a trunk post_build hook) replaces the two placeholders below with this
// build's version and its hashed file names.
const VERSION = "__VAKSAM_VERSION__";
const PRECACHE = __VAKSAM_PRECACHE__;
const CACHE = "vaksam-shell-" + VERSION;
const SHELL = "/index.html";

self.addEventListener("install", (event) => {
  // addAll rejects if any file fails: a half-cached shell never becomes the active one.
  // Files with a content hash in their name may come from the HTTP cache (the page has
  // just downloaded them); the others are fetched fresh so the shell matches this version.
  const hashed = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
  const requests = PRECACHE.map((p) => new Request(p, { cache: hashed.test(p) ? "default" : "no-cache" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
  // No skipWaiting here: the new version takes over on the next start, or when the user
  // taps "Uppdatera" (the page then sends SKIP_WAITING).
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  // Old shells are deleted only now, after the new precache completed.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("vaksam-shell-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // The API is always live: a cached answer would lie about what the server holds.
  if (url.pathname.startsWith("/api/")) return;
  // The server's own pages (the console, sign-in with the municipality's account) are not
  // the app: the shell must never stand in for them.
  if (url.pathname === "/admin" || url.pathname.startsWith("/admin/") || url.pathname.startsWith("/oidc/")) return;
  if (request.mode === "navigate") {
    // Any page of the app (deep links too) is the shell of this version.
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(SHELL)).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request))
  );
});
