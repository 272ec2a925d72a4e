import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enqueueJob,
  findJob,
  runDueJobs,
  PermanentJobError,
} from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { EVERYONE, type Who } from '../helpers/authorisation-matrix.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

// The authorisation matrix of the background job queue: only site administrators see it
// (GET /api/v1/jobs, /api/v1/jobs/parked) and retry a parked job; a refusal changes nothing.

let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
});
afterAll(() => t.close());

const headers = (who: Who) => (who === 'anonymous' ? {} : bearer(fx.tokens[who]));
const expected = (who: Who, ok: number) =>
  who === 'admin' ? ok : ['anonymous', 'expired', 'revoked'].includes(who) ? 401 : 403;

let parkedCount = 0;
/** A job of its own kind, parked at its first failure. */
async function parkedJob(): Promise<string> {
  const kind = `test.refused-${String(++parkedCount)}`;
  await enqueueJob(t.ctx.db, { kind, payload: null });
  await runDueJobs(t.ctx.db, {
    [kind]: () => Promise.reject(new PermanentJobError('the far end refused it')),
  });
  const job = await t.ctx.db.kysely
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return job.id;
}

describe.each(['/api/v1/jobs', '/api/v1/jobs/parked'])('reading %s', (url) => {
  it.each(EVERYONE)('as %s', async (who) => {
    const res = await t.app.inject({ url, headers: headers(who) });
    expect(res.statusCode, res.body).toBe(expected(who, 200));
  });
});

describe('retrying a parked job', () => {
  it.each(EVERYONE)('as %s', async (who) => {
    const id = await parkedJob();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${id}/retry`,
      headers: headers(who),
    });
    expect(res.statusCode, res.body).toBe(expected(who, 200));
    expect((await findJob(t.ctx.db, id))?.state).toBe(who === 'admin' ? 'queued' : 'parked');
  });
});
