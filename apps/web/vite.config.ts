import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './precompress.ts';
import { prerenderPages } from './prerender-pages.ts';

/** Pages only a visitor sees (not signed in): left out of the offline precache, fetched as usual. */
const PUBLIC_ONLY_PAGES = [
  'Landing',
  'LegalPage',
  'PricingPage',
  'RegisterPage',
  'TradePreview',
  'AcceptInvitationPage',
  'ResetPasswordPage',
  'ForgotPasswordPage',
  'VerifyEmailPage',
  'AutoDemo',
];

// VITE_DEMO_MODE is a build-time constant: with "false" the AutoDemo module is dead code and not bundled.
const demo = process.env.VITE_DEMO_MODE === 'true';
const define = { __DEMO_MODE__: JSON.stringify(demo) };

export default defineConfig({
  plugins: [
    react(),
    // The public pages a phone opens first, painted from their HTML (#21); the demo's landing plays its tour
    // instead (a live animation, rendered in the browser).
    demo
      ? null
      : prerenderPages(
          [
            { url: '/', file: 'index.html', modules: ['/src/pages/Landing.tsx'] },
            {
              url: '/login',
              file: 'login.html',
              modules: ['/src/features/auth/LoginPage.tsx'],
            },
          ],
          define,
        ),
    // The offline app (#17): an installable manifest, and a Workbox service worker that keeps the signed-in
    // app's shell and pages (registered by the app, never by the landing: see src/app/service-worker.ts).
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        id: '/app',
        name: 'StockScan — inventaire',
        short_name: 'StockScan',
        description: 'L’inventaire du mois, au téléphone, même sans réseau.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/app/inventory',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#0f3d3e',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      includeManifestIcons: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html}', 'favicon.svg', 'icons/icon-192.png'],
        globIgnores: [`**/assets/{${PUBLIC_ONLY_PAGES.join(',')}}-*.js`, 'sw.js', 'workbox-*.js'],
        // The empty page the app renders into (index.html is the prerendered landing: prerender-pages.ts).
        navigateFallback: demo ? 'index.html' : 'shell.html',
        // API answers and downloads are never the app's page.
        navigateFallbackDenylist: [/^\/(?:trpc|api|health|metrics)(?:[/?]|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // Hashed names: a file is the same file for ever, no revision needed.
        dontCacheBustURLsMatching: /^assets\/.+-[\w-]{8}\.\w+$/,
        maximumFileSizeToCacheInBytes: 600_000,
        runtimeCaching: [
          {
            // The barcode reader's WebAssembly (fetched when the scanner first opens): kept for offline scans.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('.wasm'),
            handler: 'CacheFirst',
            options: { cacheName: 'stockscan-wasm', expiration: { maxEntries: 4 } },
          },
        ],
      },
    }),
    precompress(),
  ],
  define,
  server: {
    port: 5173,
    proxy: {
      '/trpc': 'http://127.0.0.1:8000',
      '/api': 'http://127.0.0.1:8000',
      '/health': 'http://127.0.0.1:8000',
    },
  },
  build: { outDir: 'dist', sourcemap: false, target: 'es2022', chunkSizeWarningLimit: 400 },
});
