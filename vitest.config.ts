import { defineConfig } from 'vitest/config';

// Vitest reads the default export of its config file.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    globalSetup: ['test/setup/assets.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
