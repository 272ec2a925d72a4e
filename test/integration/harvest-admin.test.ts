import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, createUser } from '../../src/features/accounts/index.js';
import { harvestJobHandlers, queueDueRuns } from '../../src/features/harvest/index.js';
import { addMemberToOrganisation } from '../../src/features/organisations/index.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

// Changing, disabling and deleting harvest sources, cron schedules, and harvested datasets
// that say where they came from: one instance harvesting a second one on loopback.

let remote: TestApp;
let remoteFixture: Fixture;
let t: TestApp;
let f: Fixture;
let origin: string;
let boltonAdmin: string;

beforeAll(async () => {
  remote = await createTestApp();
  remoteFixture = await seedFixture(remote.ctx);
  await remote.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(remote.app.server.address() as AddressInfo).port}`;
  t = await createTestApp({ outboundAllowedPrivate: '127.0.0.1' });
  f = await seedFixture(t.ctx);
  await createUser(t.ctx, { email: 'boss@bolton.example', name: 'Boss' });
  await addMemberToOrganisation(t.ctx, 'boss@bolton.example', 'bolton', 'admin');
  boltonAdmin = (
    await createToken(t.ctx, { email: 'boss@bolton.example', name: 't', scopes: ['read', 'write'] })
  ).token;
});
afterAll(async () => {
  await t.close();
  await remote.close();
});

interface Source {
  id: string;
  title: string;
  interval_minutes: number | null;
  cron: string | null;
  enabled: boolean;
  next_run_at: string | null;
  filters: Record<string, string>;
}

const drain = () => runDueJobs(t.ctx.db, harvestJobHandlers(t.ctx));

async function addSource(body: Record<string, unknown> = {}): Promise<Source> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/harvest-sources',
    headers: bearer(boltonAdmin),
    payload: { organisation: 'bolton', title: 'Remote portal', type: 'ckan', url: origin, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Source>();
}

const patch = (id: string, payload: Record<string, unknown>, token = boltonAdmin) =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/v1/harvest-sources/${id}`,
    headers: bearer(token),
    payload,
  });

const read = async (id: string) =>
  (
    await t.app.inject({ url: `/api/v1/harvest-sources/${id}`, headers: bearer(f.tokens.admin) })
  ).json<Source>();

const minutesFromNow = (iso: string | null) => (Date.parse(iso ?? '') - Date.now()) / 60_000;

/** Whether a run of the source waits in the job queue. */
async function runQueued(id: string): Promise<boolean> {
  const job = await t.ctx.db.kysely
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', `harvest.run:${id}`)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return job !== undefined;
}

describe('changing a harvest source', () => {
  it('changes its title and filters, and moves between an interval and a cron schedule', async () => {
    const source = await addSource({ interval_minutes: 60 });
    const renamed = await patch(source.id, { title: 'Bolton portal', filters: { tag: 'bins' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      title: 'Bolton portal',
      filters: { tag: 'bins' },
      interval_minutes: 60,
      cron: null,
      // The schedule did not change, so neither did the next run.
      next_run_at: source.next_run_at,
    });

    const cron = (await patch(source.id, { cron: '0 6 * * *' })).json<Source>();
    expect(cron).toMatchObject({ cron: '0 6 * * *', interval_minutes: null });
    // 06:00 UTC, the next one to come.
    expect(cron.next_run_at).toMatch(/T06:00:00\.000Z$/);
    expect(minutesFromNow(cron.next_run_at)).toBeGreaterThan(0);
    expect(minutesFromNow(cron.next_run_at)).toBeLessThanOrEqual(24 * 60);

    const back = (await patch(source.id, { interval_minutes: 30 })).json<Source>();
    expect(back).toMatchObject({ cron: null, interval_minutes: 30 });
    expect(minutesFromNow(back.next_run_at)).toBeCloseTo(30, 0);

    const manual = (await patch(source.id, { interval_minutes: null })).json<Source>();
    expect(manual).toMatchObject({ cron: null, interval_minutes: null, next_run_at: null });
  });

  it('takes a cron schedule when a source is added, and queues it at its time only', async () => {
    const source = await addSource({ title: 'Weekday portal', cron: '30 5 * * 1-5' });
    expect(source).toMatchObject({ cron: '30 5 * * 1-5', interval_minutes: null });
    const due = new Date(source.next_run_at ?? '');
    expect(due.getUTCHours() * 60 + due.getUTCMinutes()).toBe(5 * 60 + 30);
    expect([1, 2, 3, 4, 5]).toContain(due.getUTCDay());
    await queueDueRuns(t.ctx, new Date(due.getTime() - 60_000));
    expect(await runQueued(source.id)).toBe(false);
    await queueDueRuns(t.ctx, due);
    expect(await runQueued(source.id)).toBe(true);
    const after = await read(source.id);
    expect(Date.parse(after.next_run_at ?? '')).toBeGreaterThan(due.getTime());
    expect(after.next_run_at).toMatch(/T05:30:00\.000Z$/);
    // Leave nothing queued for the other tests' runs.
    await patch(source.id, { enabled: false });
    await drain();
  });

  it('refuses a bad or too frequent cron expression, or both schedules, and changes nothing', async () => {
    const source = await addSource({ title: 'Steady portal', interval_minutes: 120 });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ cron: '61 * * * *' }, /not a cron expression.*61/],
      [{ cron: '0 6 * *' }, /must have 5 fields/],
      [{ cron: '*/5 * * * *' }, /5 minutes apart; runs must be at least 15 minutes apart/],
      [{ cron: '0 6 * * *', interval_minutes: 60 }, /not both/],
      [{ title: '   ' }, /title: is empty/],
    ];
    for (const [body, message] of cases) {
      const res = await patch(source.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      const error = res.json<{ error: { code: string; message: string; details: unknown[] } }>()
        .error;
      expect(error.code).toBe('validation_failed');
      expect(error.message).toMatch(message);
    }
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/harvest-sources',
      headers: bearer(boltonAdmin),
      payload: { organisation: 'bolton', title: 'X', type: 'ckan', url: origin, cron: '* * * * *' },
    });
    expect(added.statusCode).toBe(422);
    expect(added.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'cron',
    );
    expect(await read(source.id)).toMatchObject({
      title: 'Steady portal',
      interval_minutes: 120,
      cron: null,
    });
  });

  it('lets only the organisation’s administrators and site administrators change or delete it', async () => {
    const source = await addSource({ title: 'Guarded portal' });
    for (const token of [f.tokens.otherEditor, f.tokens.editor, f.tokens.readOnlyEditor]) {
      const res = await patch(source.id, { title: 'Taken over' }, token);
      expect(res.statusCode).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('forbidden');
      const gone = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/harvest-sources/${source.id}`,
        headers: bearer(token),
      });
      expect(gone.statusCode).toBe(403);
    }
    const anonymous = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/harvest-sources/${source.id}`,
      payload: { title: 'Taken over' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await patch(source.id, { title: 'Site admin’s' }, f.tokens.admin)).statusCode).toBe(
      200,
    );
    expect((await read(source.id)).title).toBe('Site admin’s');
  });
});

describe('disabling a harvest source', () => {
  it('is never queued by the schedule, refuses "run now", and runs again once enabled', async () => {
    const source = await addSource({ title: 'Paused portal', interval_minutes: 15 });
    // A run asked for before it was disabled is dropped when its turn comes.
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/harvest-sources/${source.id}/runs`,
      headers: bearer(boltonAdmin),
    });
    expect(asked.json()).toEqual({ queued: true });
    const disabled = (await patch(source.id, { enabled: false })).json<Source>();
    expect(disabled).toMatchObject({ enabled: false, next_run_at: null });
    await drain();
    const runs = await t.app.inject({
      url: `/api/v1/harvest-sources/${source.id}/runs`,
      headers: bearer(boltonAdmin),
    });
    expect(runs.json<{ total: number }>().total).toBe(0);

    await queueDueRuns(t.ctx, new Date(Date.now() + 7 * 24 * 3_600_000));
    expect(await runQueued(source.id)).toBe(false);
    const now = await t.app.inject({
      method: 'POST',
      url: `/api/v1/harvest-sources/${source.id}/runs`,
      headers: bearer(boltonAdmin),
    });
    expect(now.statusCode).toBe(409);
    const refused = now.json<{ error: { code: string; message: string } }>().error;
    expect(refused.code).toBe('source_disabled');
    expect(refused.message).toMatch(/disabled: enable it/);

    const enabled = (await patch(source.id, { enabled: true })).json<Source>();
    expect(enabled.enabled).toBe(true);
    expect(minutesFromNow(enabled.next_run_at)).toBeLessThan(1);
    await queueDueRuns(t.ctx, new Date(Date.now() + 1000));
    expect(await runQueued(source.id)).toBe(true);
    await patch(source.id, { enabled: false });
    await drain();
  });
});

interface Dataset {
  slug: string;
  title: string;
  state: string;
  harvest: {
    source: { id: string; title: string; url: string };
    identifier: string;
    last_harvested_at: string;
  } | null;
}

async function harvestedDatasets(sourceId: string): Promise<Dataset[]> {
  const rows = await t.ctx.db.kysely
    .selectFrom('harvested_datasets')
    .innerJoin('datasets', 'datasets.id', 'harvested_datasets.dataset_id')
    .select('datasets.slug')
    .where('source_id', '=', sourceId)
    .orderBy('datasets.slug')
    .execute();
  return Promise.all(
    rows.map(async (r) =>
      (
        await t.app.inject({ url: `/api/v1/datasets/${r.slug}`, headers: bearer(f.tokens.admin) })
      ).json<Dataset>(),
    ),
  );
}

async function harvestNow(title: string): Promise<{ source: Source; datasets: Dataset[] }> {
  const source = await addSource({ title });
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/harvest-sources/${source.id}/runs`,
    headers: bearer(boltonAdmin),
  });
  await drain();
  return { source, datasets: await harvestedDatasets(source.id) };
}

describe('harvested datasets and deleting their source', () => {
  it('shows a harvested dataset’s source in the API; local edits last until the source changes', async () => {
    const { source, datasets } = await harvestNow('Bolton’s CKAN');
    const bus = datasets.find((d) => d.title === 'Bus punctuality');
    expect(bus?.harvest).toMatchObject({
      source: { id: source.id, title: 'Bolton’s CKAN', url: origin },
    });
    expect(bus?.harvest?.identifier).toBeTruthy();
    expect(Date.now() - Date.parse(bus?.harvest?.last_harvested_at ?? '')).toBeLessThan(60_000);
    const own = await t.app.inject({ url: '/api/v1/datasets/bus-punctuality' });
    expect(own.json<Dataset>().harvest).toBeNull();

    const slug = bus?.slug ?? '';
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/datasets/${slug}`,
      headers: bearer(f.tokens.editor),
      payload: { title: 'Bus punctuality (our notes)' },
    });
    expect(edited.statusCode).toBe(200);
    const rerun = async () => {
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/harvest-sources/${source.id}/runs`,
        headers: bearer(boltonAdmin),
      });
      await drain();
      return (await harvestedDatasets(source.id)).find((d) => d.slug === slug);
    };
    expect((await rerun())?.title).toBe('Bus punctuality (our notes)');
    // The dataset changes at the source: the next run overwrites the local title.
    const atSource = await remote.app.inject({
      method: 'PATCH',
      url: '/api/v1/datasets/bus-punctuality',
      headers: bearer(remoteFixture.tokens.editor),
      payload: { description: 'Now with the 2026 routes.' },
    });
    expect(atSource.statusCode).toBe(200);
    expect((await rerun())?.title).toBe('Bus punctuality');
  });

  it('deletes a source and its runs, keeping its datasets, no longer harvested', async () => {
    const { source, datasets } = await harvestNow('Short-lived portal');
    expect(datasets.length).toBeGreaterThan(1);
    const runs = await t.app.inject({
      url: `/api/v1/harvest-sources/${source.id}/runs`,
      headers: bearer(boltonAdmin),
    });
    const runId = runs.json<{ results: { id: string }[] }>().results[0]?.id ?? '';
    const gone = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/harvest-sources/${source.id}`,
      headers: bearer(boltonAdmin),
    });
    expect(gone.statusCode).toBe(204);
    for (const url of [`/api/v1/harvest-sources/${source.id}`, `/api/v1/harvest-runs/${runId}`]) {
      expect((await t.app.inject({ url, headers: bearer(f.tokens.admin) })).statusCode).toBe(404);
    }
    for (const d of datasets) {
      const now = await t.app.inject({ url: `/api/v1/datasets/${d.slug}` });
      expect(now.statusCode).toBe(200);
      expect(now.json<Dataset>()).toMatchObject({ state: 'active', harvest: null });
    }
  });

  it('withdraws the datasets too when asked', async () => {
    const { source, datasets } = await harvestNow('Withdrawn portal');
    const gone = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/harvest-sources/${source.id}?withdraw_datasets=true`,
      headers: bearer(boltonAdmin),
    });
    expect(gone.statusCode, gone.body).toBe(204);
    for (const d of datasets) {
      expect((await t.app.inject({ url: `/api/v1/datasets/${d.slug}` })).statusCode).toBe(404);
      const seen = await t.app.inject({
        url: `/api/v1/datasets/${d.slug}`,
        headers: bearer(f.tokens.admin),
      });
      expect(seen.json<Dataset>().state).toBe('deleted');
    }
  });
});
