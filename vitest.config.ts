import { defineConfig } from 'vitest/config';

export const config = defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});

// Vitest reads the default export of its config file.
// eslint-disable-next-line no-restricted-syntax
export default config;
