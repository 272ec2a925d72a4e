import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { createTestContext, type TestContext } from './context.js';
import { checkContractOnInject } from './contract.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: TestContext;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const ctx = await createTestContext(overrides);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  // Every API response of every integration test is checked against the OpenAPI document.
  checkContractOnInject(app);
  return {
    app,
    ctx,
    async close() {
      await app.close();
      await ctx.cleanup();
    },
  };
}
