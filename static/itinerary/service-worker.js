/* The itinerary's service worker: the last copy of each personal page stays on the phone.
 *
 * Pages are fetched from the network first so that a participant always sees the current
 * programme; when the network fails or is too slow (roaming, metro), the copy saved on the
 * last visit is shown instead, with the "last updated" time it was rendered with.
 * A page that now answers 404 (a revoked link) is removed from the phone.
 */
"use strict";

const CACHE = "itinerary-v2";
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  );
});

function sameOrigin(url) {
  try {
    return new URL(url, self.location.href).origin === self.location.origin;
  } catch (error) {
    return false;
  }
}

// The page a participant last read, whatever ?lang= it carried, is also kept under its bare
// address: offline, the link without ?lang= (the installed app, a bookmark) opens in the
// language the participant chose last, not in the one the server would pick by default.
function lastRead(url) {
  const parsed = new URL(url, self.location.href);
  parsed.hash = "";
  parsed.search = "";
  return parsed.href;
}

function withoutFragment(url) {
  const parsed = new URL(url, self.location.href);
  parsed.hash = "";
  return parsed.href;
}

async function store(cache, request, response) {
  if (response.ok) {
    await cache.put(request, response.clone());
  } else if (response.status === 404 || response.status === 410) {
    await cache.delete(request);
  }
  return response;
}

// The page asks for itself and its assets to be kept once it has loaded: the very first
// visit is not yet under the worker's control, so its fetches never reach the handler below.
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "cache" || !Array.isArray(data.urls)) {
    return;
  }
  const urls = data.urls.filter(sameOrigin).map(withoutFragment);
  const page = urls[0];
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          urls.map((url) =>
            fetch(url, { credentials: "same-origin", cache: "no-store" })
              .then((response) =>
                url === page && response.ok && lastRead(url) !== url
                  ? cache.put(lastRead(url), response.clone()).then(() => store(cache, url, response))
                  : store(cache, url, response)
              )
              .catch(() => null)
          )
        )
      )
      .then(() => {
        if (event.source) {
          event.source.postMessage({ type: "cached" });
        }
      })
  );
});

async function pageFromNetworkOrCopy(event) {
  const cache = await caches.open(CACHE);
  const request = event.request;
  const network = fetch(request).then((response) => {
    if (response.ok && lastRead(request.url) !== withoutFragment(request.url)) {
      cache.put(lastRead(request.url), response.clone());
    } else if (response.status === 404 || response.status === 410) {
      cache.delete(lastRead(request.url));
    }
    return store(cache, request, response);
  });
  event.waitUntil(network.catch(() => null));
  // Offline, the bare address answers with the page last read (in its chosen language).
  const copy =
    (new URL(request.url).search ? await cache.match(request) : await cache.match(lastRead(request.url))) ||
    (await cache.match(request, { ignoreSearch: true }));
  if (!copy) {
    return network;
  }
  const slow = new Promise((resolve) => setTimeout(() => resolve(copy), NETWORK_TIMEOUT_MS));
  return Promise.race([network.catch(() => copy), slow]);
}

async function assetFromNetworkOrCopy(request) {
  const cache = await caches.open(CACHE);
  try {
    return await fetch(request).then((response) => store(cache, request, response));
  } catch (error) {
    const copy = await cache.match(request);
    if (copy) {
      return copy;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !sameOrigin(request.url)) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(pageFromNetworkOrCopy(event));
    return;
  }
  event.respondWith(
    caches.match(request).then((copy) => (copy ? assetFromNetworkOrCopy(request) : fetch(request)))
  );
});
