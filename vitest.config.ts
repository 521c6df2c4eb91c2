import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Browser-driving suites are heavy on a 2-core machine; run files one at a time.
    fileParallelism: false,
  },
});
