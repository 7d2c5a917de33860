import { defineConfig } from 'vitest/config';

// Load and fault tests (pnpm test:resilience): real processes and real PostgreSQL; run one file at a time.
export default defineConfig({
  test: {
    globalSetup: ['@stockscan/db/testing/global-setup'],
    include: ['test-resilience/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
