import { defineConfig } from 'vitest/config';

// `npm run test:unit`: the fast loop for developers. Unit tests only, in parallel, with no fixture
// build (tests/unit never reads it); `npm test` runs these and every other test.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
