import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the fixture site once; build and browser tests read it.
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Browser and build tests are heavy on a 2-core machine; run files one at a time.
    fileParallelism: false,
  },
});
