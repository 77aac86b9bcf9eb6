/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';
import { CACHE_MESSAGE, FLUSH_MESSAGE, SYNC_TAG } from '$lib/vertel/offline';
import { flushOutbox } from '$lib/vertel/outbox';
import { uploadWithFetch } from '$lib/vertel/tus-fetch';

/**
 * Offline use of /vertel: the recorder's pages and files come from the cache when the network is
 * gone, and the outbox is sent in the background when it comes back (Background Sync, where the
 * browser has it; otherwise the page sends on its next open). Nothing else of the app is cached:
 * the dashboard shows personal data and is only useful online.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;

const ASSETS = `vertel-assets-${version}`;
const PAGES = `vertel-pages-${version}`;
/** The app's hashed files: they never change, so the cache may answer first. */
const IMMUTABLE = new Set(build);
const STATIC = files.filter((f) => f === '/manifest.webmanifest' || f === '/favicon.svg' || f.startsWith('/icons/'));
const STATIC_SET = new Set(STATIC);
/** On a slow connection the cached page wins after this long; the network answer still refreshes the cache. */
const PAGE_TIMEOUT_MS = 4000;

/** `/vertel` (wijkcoach) and `/vertel/<token>` (inwoner), but not the proxies under /vertel/api. */
const isVertelPage = (pathname: string) =>
  pathname === '/vertel' || (/^\/vertel\/[A-Za-z0-9_-]+$/.test(pathname) && pathname !== '/vertel/api');

const OFFLINE_PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Geen verbinding – Vertelpunt</title></head><body style="font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><h1>Geen verbinding</h1><p>Deze pagina is nog niet op dit apparaat bewaard. Open hem één keer met internet, dan werkt hij daarna ook zonder.</p><p>Verhalen die je al verstuurde, blijven bewaard en gaan vanzelf mee zodra er weer verbinding is.</p></body></html>`;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) => cache.addAll(STATIC))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== ASSETS && key !== PAGES) await caches.delete(key);
      }
      await sw.clients.claim();
    })(),
  );
});

const cacheFirst = async (request: Request): Promise<Response> => {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
};

const pageKey = (url: URL) => `${url.origin}${url.pathname}`;

/** Only a page that really is the recorder goes in the cache: no login page, no error page. */
const keepPage = async (url: URL, response: Response) => {
  if (!response.ok || response.redirected || response.type !== 'basic') return;
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return;
  await (await caches.open(PAGES)).put(pageKey(url), response);
};

const networkFirstPage = async (event: FetchEvent, url: URL): Promise<Response> => {
  const cached = caches.open(PAGES).then((cache) => cache.match(pageKey(url)));
  const network = fetch(event.request).then(async (response) => {
    event.waitUntil(keepPage(url, response.clone()));
    return response;
  });
  const slow = new Promise<'slow'>((resolve) => setTimeout(() => resolve('slow'), PAGE_TIMEOUT_MS));
  try {
    const first = await Promise.race([network, slow]);
    if (first !== 'slow' && first.status < 500) return first;
    const fallback = await cached;
    if (fallback) return fallback;
    return first === 'slow' ? await network : first;
  } catch {
    return (
      (await cached) ??
      new Response(OFFLINE_PAGE, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } })
    );
  }
};

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  // Logging out forgets the cached pages: they carry the name of whoever was logged in.
  if (request.method === 'POST' && url.pathname === '/uitloggen') {
    event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.method !== 'GET') return;
  if (IMMUTABLE.has(url.pathname) || STATIC_SET.has(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate' && isVertelPage(url.pathname)) {
    event.respondWith(networkFirstPage(event, url));
  }
});

type CacheRequest = { type: typeof CACHE_MESSAGE; page: string | null; assets: string[] };

const isCacheRequest = (data: unknown): data is CacheRequest =>
  typeof data === 'object' &&
  data !== null &&
  (data as CacheRequest).type === CACHE_MESSAGE &&
  Array.isArray((data as CacheRequest).assets);

/** The first visit came before this worker: the page lists its files, and we fetch what we lack. */
const cacheFromPage = async ({ page, assets }: CacheRequest) => {
  const cache = await caches.open(ASSETS);
  for (const asset of assets) {
    const url = new URL(asset, sw.location.origin);
    if (url.origin !== sw.location.origin || !IMMUTABLE.has(url.pathname)) continue;
    if (!(await cache.match(url.pathname))) await cache.add(url.pathname).catch(() => undefined);
  }
  if (typeof page === 'string') {
    const url = new URL(page, sw.location.origin);
    if (url.origin === sw.location.origin && isVertelPage(url.pathname)) {
      const response = await fetch(url, { credentials: 'same-origin' }).catch(() => null);
      if (response) await keepPage(url, response);
    }
  }
};

sw.addEventListener('message', (event) => {
  if (isCacheRequest(event.data)) event.waitUntil(cacheFromPage(event.data));
});

type SyncEvent = ExtendableEvent & { tag: string };

/** Background Sync: an open recorder sends with its own uploader; otherwise this worker sends. */
const syncOutbox = async () => {
  const windows = await sw.clients.matchAll({ type: 'window' });
  for (const client of windows) client.postMessage({ type: FLUSH_MESSAGE });
  // Web Locks keep one sender at a time, so the worker and a page never send the same story twice.
  await flushOutbox(uploadWithFetch);
};

sw.addEventListener('sync', ((event: SyncEvent) => {
  if (event.tag === SYNC_TAG) event.waitUntil(syncOutbox());
}) as EventListener);
