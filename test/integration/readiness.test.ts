import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/platform/blobs/blob-store.js';
import type { Db } from '../../src/platform/db/connect.js';
import type { Engine } from '../../src/platform/engine/engine.js';
import { openEngine } from '../../src/platform/engine/open-engine.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { secondConnection } from '../helpers/second-connection.js';

// A load balancer sends a node traffic only while /readyz answers 200: each thing the node needs
// failing on its own turns it to 503, naming that thing, and the node comes back when it mends.

let t: TestApp;
let own: { db: Db; blobs: BlobStore; engine: Engine };
beforeAll(async () => {
  t = await createTestApp();
  own = { db: t.ctx.db, blobs: t.ctx.blobs, engine: t.ctx.engine };
});
afterEach(() => {
  Object.assign(t.ctx, own);
});
afterAll(() => t.close());

async function readiness() {
  const res = await t.app.inject('/readyz');
  return { status: res.statusCode, body: res.json<{ status: string; checks: object }>() };
}

const allOk = { database: 'ok', migrations: 'ok', blobs: 'ok', engine: 'ok' };

describe('/readyz', () => {
  it('is ready when the database, its migrations, the blob store and the engine answer', async () => {
    expect(await readiness()).toEqual({ status: 200, body: { status: 'ok', checks: allOk } });
  });

  it('is not ready while the database does not answer', async () => {
    const closed = secondConnection(t.ctx);
    await sql`select 1`.execute(closed.kysely); // Kysely closes only a connection it has opened
    await closed.close();
    t.ctx.db = closed;
    const { status, body } = await readiness();
    expect(status).toBe(503);
    expect(body.status).toBe('failing');
    expect(body.checks).toMatchObject({ database: 'failing', blobs: 'ok', engine: 'ok' });
  });

  it('is not ready while a migration this code needs is missing from the database', async () => {
    const { rows } = await sql<{ name: string; timestamp: string }>`
      select name, timestamp from kysely_migration order by name desc limit 1`.execute(
      t.ctx.db.kysely,
    );
    const [latest] = rows;
    if (!latest) throw new Error('no migration recorded');
    await sql`delete from kysely_migration where name = ${latest.name}`.execute(t.ctx.db.kysely);
    try {
      expect(await readiness()).toEqual({
        status: 503,
        body: { status: 'failing', checks: { ...allOk, migrations: 'failing' } },
      });
    } finally {
      await sql`insert into kysely_migration (name, timestamp)
        values (${latest.name}, ${latest.timestamp})`.execute(t.ctx.db.kysely);
    }
    expect((await readiness()).status).toBe(200);
  });

  it('is not ready while the blob store fails its check', async () => {
    t.ctx.blobs = {
      ...own.blobs,
      check: () => Promise.reject(new Error('the bucket does not answer')),
    };
    expect(await readiness()).toEqual({
      status: 503,
      body: { status: 'failing', checks: { ...allOk, blobs: 'failing' } },
    });
  });

  it('is not ready while the query engine is closed', async () => {
    const closed = await openEngine(t.ctx.config);
    await closed.close();
    t.ctx.engine = closed;
    expect(await readiness()).toEqual({
      status: 503,
      body: { status: 'failing', checks: { ...allOk, engine: 'failing' } },
    });
  });

  it('is ready again once what failed mends', async () => {
    expect(await readiness()).toEqual({ status: 200, body: { status: 'ok', checks: allOk } });
  });
});
