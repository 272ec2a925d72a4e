import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { setPassword } from '../../src/features/accounts/index.js';
import { addFileResource, findResource } from '../../src/features/catalog/index.js';
import { LoadQueue, loadQueue } from '../../src/features/datastore/load-queue.js';
import { createLoad } from '../../src/features/datastore/load.service.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { $, h1, PageClient, signedInAs } from '../helpers/pages.js';

// A site administrator sees the background job queue, by kind and with the jobs given up on
// (parked) and their errors, on /admin/jobs and GET /api/v1/jobs; "retry" puts a parked job
// back, and a parked load then loads. Who else may do this: authorisation-jobs.test.ts.

let t: TestApp;
let fx: Fixture;
let loadId: string;
let resourceId: string;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  await setPassword(t.ctx, 'admin@example.org', PASSWORD);
  const view = await addFileResource(t.ctx, fx.editorActor, 'fly-tipping-reports', {
    fileName: 'counts.csv',
    stream: Readable.from(['ward,count\nHalliwell,12\nTonge,3\n']),
  });
  resourceId = view.id;
  const resource = (await findResource(t.ctx, view.id))?.resource;
  if (!resource) throw new Error('resource not stored');
  loadId = (await createLoad(t.ctx, resource, null)).id;
  // Its node's object storage does not answer, three times over: the load is parked.
  const blobs = Object.create(t.ctx.blobs) as AppContext['blobs'];
  blobs.localPath = () => null;
  blobs.get = () => Promise.reject(new Error('object storage did not answer'));
  await runDueJobs(t.ctx.db, new LoadQueue({ ...t.ctx, blobs }).handlers, { backoff: () => 0 });
}, 60_000);
afterAll(() => t.close());

describe('the background jobs page', () => {
  it('sends a signed-out visitor to sign in first, and back afterwards', async () => {
    const res = await new PageClient(t.app).get('/admin/jobs');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fadmin%2Fjobs');
  });

  it('shows the queue by kind and the parked load with its error, linked from the publisher home', async () => {
    const admin = await signedInAs(t.app, 'admin@example.org', PASSWORD);
    const res = await admin.get('/admin/jobs');
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Background jobs');
    const page = $(res.body);
    const loads = page('#job-kinds tr[data-kind="datastore.load"] td')
      .map((_i, td) => page(td).text().trim())
      .get();
    expect(loads).toEqual(['0', '0', '1', '0 s']);
    const parked = page(`#parked-jobs tr[data-job="${loadId}"]`);
    expect(parked.text()).toContain('object storage did not answer');
    expect(parked.text()).toContain('3 of 3');
    expect(parked.find('form').attr('action')).toBe(`/admin/jobs/${loadId}/retry`);
    expect($((await admin.get('/publish')).body)('a[href="/admin/jobs"]')).toHaveLength(1);
  });

  it('answers the same as JSON', async () => {
    const kinds = await t.app.inject({ url: '/api/v1/jobs', headers: bearer(fx.tokens.admin) });
    expect(kinds.statusCode).toBe(200);
    const results = kinds.json<{ results: { kind: string }[] }>().results;
    expect(results.find((k) => k.kind === 'datastore.load')).toEqual({
      kind: 'datastore.load',
      queued: 0,
      running: 0,
      parked: 1,
      oldest_queued_age_seconds: 0,
    });
    const parked = await t.app.inject({
      url: '/api/v1/jobs/parked',
      headers: bearer(fx.tokens.admin),
    });
    expect(parked.json()).toMatchObject({
      total: 1,
      results: [{ id: loadId, kind: 'datastore.load', attempts: 3, max_attempts: 3 }],
    });
  });

  it('retries a parked load: back in the queue, then loaded', async () => {
    const admin = await signedInAs(t.app, 'admin@example.org', PASSWORD);
    const res = await admin.post(`/admin/jobs/${loadId}/retry`, {}, { from: '/admin/jobs' });
    expect(res.statusCode, res.body).toBe(303);
    const after = $((await admin.get('/admin/jobs')).body);
    expect(after('.govuk-notification-banner').text()).toContain('back in the queue');
    expect(after('#parked-jobs')).toHaveLength(0);
    // Pressed twice (another admin, an old tab): nothing more to do.
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${loadId}/retry`,
      headers: bearer(fx.tokens.admin),
    });
    expect(again.statusCode).toBe(409);

    expect(await runDueJobs(t.ctx.db, loadQueue(t.ctx).handlers)).toBe(1);
    const resource = await t.app.inject({
      url: `/api/v1/resources/${resourceId}`,
      headers: bearer(fx.tokens.editor),
    });
    expect(resource.json()).toMatchObject({
      datastore: {
        version: 1,
        rows: 2,
        latest_load: { id: loadId, status: 'succeeded', error: null },
      },
    });
  });
});
