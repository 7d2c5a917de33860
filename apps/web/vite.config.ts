import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';
import { preloadPage } from './preload-page.ts';

// VITE_DEMO_MODE is a build-time constant: with "false" the AutoDemo module is dead code and not bundled.
export default defineConfig({
  plugins: [react(), preloadPage('/src/pages/Landing.tsx'), precompress()],
  define: {
    __DEMO_MODE__: JSON.stringify(process.env.VITE_DEMO_MODE === 'true'),
  },
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
