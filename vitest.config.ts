import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the fixture site once; build and browser tests read it.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // A backstop, not a measure: each test waits for states (a response, a selector, a file) with
    // its own bounds, and a build or a publish on a loaded 2-core machine can take minutes.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Browser and build tests are heavy on a 2-core machine; run files one at a time.
    fileParallelism: false,
  },
});
