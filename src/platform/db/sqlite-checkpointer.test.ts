import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { connectDb, sqliteFile, type Db } from './connect.js';
import { withBackgroundCheckpoints } from './sqlite-checkpointer.js';

// Commits no longer copy the WAL into the database file; the worker must, or the file would
// never receive a write and the WAL would grow without end.

let dir = '';
let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  await rm(dir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('checkpoints in the background', () => {
  it('copies committed writes into the database file from its own thread', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'metrodata-checkpoint-'));
    const config = loadConfig({}, { dataDir: dir, databaseUrl: undefined });
    const file = sqliteFile(config);
    db = await withBackgroundCheckpoints(connectDb(config), file, 20);
    const k = db.kysely;
    const { rows } = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(
      k,
    );
    expect(rows[0]?.wal_autocheckpoint).toBe(0);

    await sql`CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)`.execute(k);
    const before = (await stat(file)).size;
    for (let i = 0; i < 50; i++) {
      await sql`INSERT INTO filler (text) VALUES (${'x'.repeat(100_000)})`.execute(k);
    }
    expect(await until(async () => (await stat(file)).size > before + 4_000_000, 5000)).toBe(true);
  });

  it('leaves a PostgreSQL or in-memory database as it is', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'metrodata-checkpoint-'));
    const config = loadConfig({}, { dataDir: dir, databaseUrl: undefined });
    const memory = connectDb(config, { sqliteFile: ':memory:' });
    expect(await withBackgroundCheckpoints(memory, ':memory:')).toBe(memory);
    db = memory;
  });
});
