import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { connectDb, type Db } from '../../src/platform/db/connect.js';
import { migrateToLatest, pendingMigrations } from '../../src/platform/db/migrate.js';

// Several nodes started together on one PostgreSQL database each run the migrations at start:
// Kysely's migrator holds an advisory lock around them, so one node migrates and the others
// wait for it and find nothing left to do. SQLite is one process, so this is PostgreSQL's alone.
const databaseUrl = process.env.DATABASE_URL;

describe.skipIf(!databaseUrl)('migrations on nodes starting at once (PostgreSQL only)', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  let nodes: Db[] = [];
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const config = loadConfig(process.env, { logLevel: 'silent' });
    nodes = Array.from({ length: 3 }, () => connectDb(config, { schema }));
  });
  afterAll(async () => {
    await Promise.all(nodes.map((db) => db.close()));
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('applies every migration exactly once, and every node starts', async () => {
    const applied = await Promise.all(nodes.map((db) => migrateToLatest(db)));
    const [first] = nodes;
    if (!first) throw new Error('no node');
    // One node did the work; the others waited for the lock and found none left.
    const worked = applied.filter((names) => names.length > 0);
    expect(worked).toHaveLength(1);
    const names = worked[0] ?? [];
    const { rows } = await sql<{ name: string; n: number }>`
      select name, count(*)::int as n from kysely_migration group by name order by name
    `.execute(first.kysely);
    expect(rows).toEqual([...names].sort().map((name) => ({ name, n: 1 })));
    for (const db of nodes) expect(await pendingMigrations(db)).toEqual([]);
  });
});
