import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The bundle tests need build/Code.js; `npm test` builds first.
    testTimeout: 20000,
  },
});
