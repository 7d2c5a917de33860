import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __DEMO_MODE__: 'false' },
  test: { include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
