/**
 * The service worker (vite-plugin-pwa, Workbox) keeps the app's shell and pages on the phone so the count
 * screen opens without network. Registered by the signed-in app only: the landing never downloads the app.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
    // No service worker (private mode, old browser): the app works online as before.
  });
}
