import { defineConfig } from 'vitest/config';

// The cluster test (test/cluster): two built nodes (dist/, so `npm run build` first) on
// PostgreSQL (DATABASE_URL, default the local `test` database) and an S3-compatible server.
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
  },
});
