/**
 * The page's side of offline use. The service worker caches every /vertel page it serves and the
 * app's files as they pass; on the very first visit the page was loaded before the worker existed,
 * so the page tells the worker which files it is made of.
 */
export const CACHE_MESSAGE = 'vertel:cache';
export const FLUSH_MESSAGE = 'vertel:flush';
export const SYNC_TAG = 'vertel-outbox';

export const rememberPageForOffline = (): void => {
  if (!('serviceWorker' in navigator)) return;
  const assets = [
    ...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"], link[rel="stylesheet"]'),
  ].map((link) => link.href);
  // Served by the worker already (then it is in the cache); otherwise it must fetch the page itself.
  const page = navigator.serviceWorker.controller ? null : location.pathname + location.search;
  void navigator.serviceWorker.ready
    .then((registration) => registration.active?.postMessage({ type: CACHE_MESSAGE, page, assets }))
    .catch(() => undefined);
};

type SyncRegistration = ServiceWorkerRegistration & { sync?: { register: (tag: string) => Promise<void> } };

/** Chrome sends the outbox in the background when the connection returns, even with the app closed. */
export const requestBackgroundSync = (): void => {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => (registration as SyncRegistration).sync?.register(SYNC_TAG))
    .catch(() => undefined);
};
