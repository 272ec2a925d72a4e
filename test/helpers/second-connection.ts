import { afterAll, beforeAll } from 'vitest';
import { connectDb, sqliteFile, type Db } from '../../src/platform/db/connect.js';
import { createTestContext, type TestContext } from './context.js';
import { seedFixture, type Fixture } from './fixture.js';

/** A second connection to the test's database: another process or app node, as far as it knows. */
export function secondConnection(ctx: TestContext): Db {
  return ctx.db.schema
    ? connectDb(ctx.config, { schema: ctx.db.schema })
    : connectDb(ctx.config, { sqliteFile: sqliteFile(ctx.config) });
}

export interface TwoConnections {
  ctx: TestContext;
  fx: Fixture;
  /** The second connection: reads here see the catalogue as another node would. */
  other: Db;
}

/**
 * For a test file: a test context seeded with the fixture and a second connection to its
 * database, opened before the file's tests and closed after them.
 */
export function withSecondConnection(): TwoConnections {
  const two = {} as TwoConnections;
  beforeAll(async () => {
    two.ctx = await createTestContext();
    two.fx = await seedFixture(two.ctx);
    two.other = secondConnection(two.ctx);
  });
  afterAll(async () => {
    await two.other.close();
    await two.ctx.cleanup();
  });
  return two;
}
