import { defineConfig } from 'vitest/config';

// Browser journeys against the built app (apps/api/dist + apps/web/dist); skipped when Chromium is absent.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
