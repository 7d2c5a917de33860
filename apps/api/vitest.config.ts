import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@stockscan/db/testing/global-setup'],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite clones cost ~1 s of CPU each; two workers match this 2-core machine.
    maxWorkers: 2,
  },
});
