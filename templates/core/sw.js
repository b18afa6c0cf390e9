/* 城暖农民工's service worker (served by core.views.service_worker at /sw.js, scope "/").
   It keeps the shell (the offline page and the files every page loads) and the pages the
   site marks with "X-Offline-Copy: keep" (a worker's saved jobs and messages, on their own
   device: see chengnuan/core/offline.py), and shows them when there is no network. It stores
   nothing else: no page of a signed-out visitor, nothing on a shared computer. Signing out
   sends Clear-Site-Data, which removes these caches and this worker. */
"use strict";
const VERSION = {{ version|safe }};
const SHELL = {{ shell|safe }};
const SHELL_CACHE = "shell-" + VERSION;
const PAGES_CACHE = "pages";
const OFFLINE_URL = SHELL[0];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("shell-") && n !== SHELL_CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

async function page(request) {
  const pages = await caches.open(PAGES_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get("X-Offline-Copy") === "keep") {
      await pages.put(request.url, response.clone());
    } else if (response.ok) {
      // The site no longer marks this page (signed out, a shared computer): drop any copy.
      await pages.delete(request.url);
    }
    return response;
  } catch (offline) {
    return (await pages.match(request.url, { ignoreVary: true })) || (await caches.match(OFFLINE_URL)) || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
    return;
  }
  const path = new URL(request.url).pathname;
  if (SHELL.includes(path)) {
    event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)));
  }
});
