import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createTestContext, type TestContext } from './context.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: TestContext;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const ctx = await createTestContext(overrides);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    app,
    ctx,
    async close() {
      await app.close();
      await ctx.cleanup();
    },
  };
}
