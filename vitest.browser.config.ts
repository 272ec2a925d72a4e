import { defineConfig } from 'vitest/config';

// The browser journeys: one demo-seeded server and one Chromium shared by every file, in turn.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/setup/assets.ts', 'test/browser/support/server.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
