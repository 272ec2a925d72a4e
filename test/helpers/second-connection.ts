import path from 'node:path';
import { connectDb, type Db } from '../../src/platform/db/connect.js';
import type { TestContext } from './context.js';

/** A second connection to the test's database: another process or app node, as far as it knows. */
export function secondConnection(ctx: TestContext): Db {
  return ctx.db.schema
    ? connectDb(ctx.config, { schema: ctx.db.schema })
    : connectDb(ctx.config, { sqliteFile: path.join(ctx.config.dataDir, 'metrodata.sqlite') });
}
