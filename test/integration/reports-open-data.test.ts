import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/features/accounts/index.js';
import { createIndicator, indicatorValues } from '../../src/features/indicators/index.js';
import { createOrganisation } from '../../src/features/organisations/index.js';
import {
  CITIZEN_REPORTS_SLUG,
  createReport,
  postReportUpdate,
  refreshReportsDataset,
  REPORTS_PUBLISHER,
  reportJobHandlers,
} from '../../src/features/reports/index.js';
import {
  queueDatasetRefresh,
  REFRESH_DATASET_JOB,
} from '../../src/features/reports/report-jobs.js';
import { DEMO_INDICATORS } from '../../src/demo/indicators/indicators.js';
import { runDueJobs, type JobHandler } from '../../src/platform/jobs/jobs.js';
import { deleteMetaKey, setMetaValue } from '../../src/platform/db/meta.repository.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Reports as open data: the refresh job publishes every public report, anonymised, as the
// combined authority's "Citizen reports" dataset; a change makes a new version, no change none;
// the indicators over it follow.

let t: TestApp;
let fx: ReportFixture;
const DAY_MS = 86_400_000;
const SECRET = { name: 'Rosalind Quilliam-Reporter', phone: '07700 900123' };

const base = { source: 'web', clientAddress: '192.0.2.7' } as const;

/** Runs the queued refresh now rather than after its debounce. */
/** Runs the due dataset refreshes (only them: sending and notifying jobs wait). */
async function refreshNow(
  handlers = pick(reportJobHandlers(t.ctx), REFRESH_DATASET_JOB),
): Promise<number> {
  await t.ctx.db.kysely
    .updateTable('jobs')
    .set({ run_at: new Date(Date.now() - 1000).toISOString() })
    .where('kind', '=', REFRESH_DATASET_JOB)
    .where('state', '=', 'queued')
    .execute();
  return runDueJobs(t.ctx.db, handlers);
}

function pick(all: Record<string, JobHandler>, kind: string): Record<string, JobHandler> {
  const handler = all[kind];
  if (!handler) throw new Error(`No handler for ${kind}`);
  return { [kind]: handler };
}

async function get<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<T>();
}

async function resourceId(): Promise<string> {
  const d = await get<{ resources: { id: string }[] }>(`/api/v1/datasets/${CITIZEN_REPORTS_SLUG}`);
  const id = d.resources[0]?.id;
  if (!id) throw new Error('no resource');
  return id;
}

type Row = Record<string, unknown>;
async function rows(): Promise<Map<string, Row>> {
  const id = await resourceId();
  const out = await get<{ records: Row[] }>(`/api/v1/resources/${id}/query?limit=1000`);
  return new Map(out.records.map((r) => [String(r.id), r]));
}

async function versions(): Promise<number[]> {
  const id = await resourceId();
  const out = await get<{ results: { version: number }[] }>(`/api/v1/resources/${id}/versions`);
  return out.results.map((v) => v.version);
}

async function backdate(id: string, days: number): Promise<void> {
  const at = new Date(Date.now() - days * DAY_MS).toISOString();
  await t.ctx.db.kysely
    .updateTable('reports')
    .set({ created_at: at, confirmed_at: at })
    .where('id', '=', id)
    .execute();
}

const ids = { westPothole: '', transit: '', hidden: '', moderated: '', unconfirmed: '' };

beforeAll(async () => {
  // No background runner racing the test's own runs: it polls once an hour.
  t = await createTestApp({ jobPollIntervalMs: 3_600_000 });
  fx = await seedReportFixture(t.ctx);
  await createOrganisation(t.ctx, null, {
    slug: 'testshire-ca',
    name: 'Testshire Combined Authority',
    kind: 'combined-authority',
  });
  const report = async (category: string, point: { lat: number; lon: number }, text: string) =>
    (
      await createReport(t.ctx, fx.actors.resident, {
        ...base,
        category,
        ...point,
        description: text,
        name: SECRET.name,
        phone: SECRET.phone,
        attributes: category === 'potholes' ? { blocking: 'no' } : {},
      })
    ).report.id;
  ids.westPothole = await report('potholes', fx.points.west, 'A deep hole by the school gates');
  ids.transit = await report('bus-shelters', fx.points.east, 'The shelter glass is smashed');
  ids.hidden = await report('potholes', fx.points.east, 'Hidden words: nobody should see these');
  ids.moderated = await report('potholes', fx.points.west, `Call me on ${SECRET.phone}`);
  ids.unconfirmed = (
    await createReport(t.ctx, anonymous, {
      ...base,
      category: 'fly-tipping',
      ...fx.points.east,
      description: 'Waiting for its link',
      email: 'someone@example.org',
    })
  ).report.id;
  // Moderation is another part's service; its effect on the rows is what matters here.
  await t.ctx.db.kysely
    .updateTable('reports')
    .set({ state: 'hidden', moderated: 1 })
    .where('id', '=', ids.hidden)
    .execute();
  await t.ctx.db.kysely
    .updateTable('reports')
    .set({ moderated: 1 })
    .where('id', '=', ids.moderated)
    .execute();
  await backdate(ids.westPothole, 3);
  await backdate(ids.moderated, 5);
}, 60_000);
afterAll(() => t.close());

describe('the Citizen reports dataset', () => {
  it('is created by the first refresh, owned by the combined authority, as open data', async () => {
    expect(await refreshNow()).toBe(1);
    const d = await get<Row>(`/api/v1/datasets/${CITIZEN_REPORTS_SLUG}`);
    expect(d).toMatchObject({
      title: 'Citizen reports',
      organisation: { slug: 'testshire-ca' },
      licence: { id: 'OGL-UK-3.0' },
      update_frequency: 'continual',
      themes: [{ slug: 'service-requests' }],
      state: 'active',
      visibility: 'public',
    });
    expect(String(d.description)).toMatch(/within a minute/);
    expect(String(d.description)).toMatch(/Anonymised/);
    expect(await versions()).toEqual([1]);
    // Published by the dedicated account, as an editor of the authority, not a site admin.
    const publisher = await t.ctx.db.kysely
      .selectFrom('users as u')
      .innerJoin('memberships as m', 'm.user_id', 'u.id')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['u.is_site_admin', 'm.role', 'o.slug', 'u.password_hash'])
      .where('u.email', '=', REPORTS_PUBLISHER.email)
      .execute();
    expect(publisher).toEqual([
      { is_site_admin: 0, role: 'editor', slug: 'testshire-ca', password_hash: null },
    ]);
  });

  it('has a row for each public report, with its place, body, borough and status', async () => {
    const all = await rows();
    expect([...all.keys()].sort()).toEqual([ids.westPothole, ids.transit, ids.moderated].sort());
    expect(all.get(ids.westPothole)).toMatchObject({
      url: `http://metrodata.test/reports/${ids.westPothole}`,
      category_code: 'potholes',
      category: 'Pothole',
      category_group: 'Roads',
      body: 'westshire',
      body_name: 'Westshire Council',
      borough: 'Westshire Council',
      ward_code: 'E05000001',
      ward_name: 'West North',
      latitude: fx.points.west.lat,
      longitude: fx.points.west.lon,
      status: 'open',
      status_label: 'Open',
      is_open: 1,
      fixed_at: null,
      days_to_fixed: null,
      supporters_count: 0,
      update_count: 0,
      photo_count: 0,
      source: 'web',
      description: 'A deep hole by the school gates',
    });
    // Answered by the region-wide transport body, but still in a borough.
    expect(all.get(ids.transit)).toMatchObject({
      body: 'transit',
      body_name: 'Testshire Transport',
      borough: 'Eastshire Council',
    });
  });

  it('leaves out hidden and unconfirmed reports, a moderated description and every personal detail', async () => {
    const all = await rows();
    expect(all.has(ids.hidden)).toBe(false);
    expect(all.has(ids.unconfirmed)).toBe(false);
    expect(all.get(ids.moderated)?.description).toBeNull();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/resources/${await resourceId()}/export.csv`,
    });
    expect(res.statusCode).toBe(200);
    const csv = res.body;
    expect(csv).toContain(ids.westPothole);
    const user = await t.ctx.db.kysely
      .selectFrom('reports')
      .select('reporter_user_id')
      .where('id', '=', ids.westPothole)
      .executeTakeFirstOrThrow();
    for (const secret of [
      fx.emails.resident,
      'someone@example.org',
      SECRET.name,
      SECRET.phone,
      user.reporter_user_id ?? 'no user id',
      'Hidden words',
      'Waiting for its link',
    ]) {
      expect(csv).not.toContain(secret);
    }
    // Exactly these columns: none for the reporter.
    expect(csv.split('\n')[0]?.trim()).toBe(
      'id,url,category_code,category,category_group,body,body_name,borough,ward_code,ward_name,' +
        'latitude,longitude,status,status_label,is_open,created_at,status_changed_at,fixed_at,' +
        'days_to_fixed,supporters_count,update_count,photo_count,source,description',
    );
  });

  it('makes no new version when nothing has changed', async () => {
    await queueDatasetRefresh(t.ctx);
    expect(await refreshNow()).toBe(1);
    expect(await versions()).toEqual([1]);
    expect(await refreshReportsDataset(t.ctx)).toEqual({ outcome: 'unchanged', rows: 3 });
  });

  it('runs one refresh at a time: a job finding one running queues itself again', async () => {
    const k = t.ctx.db.kysely;
    // Another node's refresh, as the lock records it.
    await setMetaValue(k, 'reports_dataset_refreshing', new Date().toISOString());
    await queueDatasetRefresh(t.ctx);
    expect(await refreshNow()).toBe(1);
    const waiting = () =>
      k
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', REFRESH_DATASET_JOB)
        .where('state', '=', 'queued')
        .execute();
    expect(await waiting()).toHaveLength(1);
    expect(await refreshReportsDataset(t.ctx)).toEqual({ outcome: 'busy' });
    await deleteMetaKey(k, 'reports_dataset_refreshing');
    expect(await refreshNow()).toBe(1);
    expect(await waiting()).toHaveLength(0);
    expect(await versions()).toEqual([1]);
  });

  it('follows a status change at the next refresh: the status and days to fixed', async () => {
    await postReportUpdate(t.ctx, fx.actors.westEditor, ids.westPothole, {
      status: 'fixed',
      text: 'Filled in this morning',
      source: 'web',
    });
    expect(await refreshNow()).toBe(1);
    expect(await versions()).toEqual([2, 1]);
    const row = (await rows()).get(ids.westPothole);
    expect(row).toMatchObject({
      status: 'fixed',
      status_label: 'Fixed',
      is_open: 0,
      update_count: 1,
    });
    expect(row?.fixed_at).not.toBeNull();
    expect(Number(row?.days_to_fixed)).toBeCloseTo(3, 1);
  });
});

describe('the indicators over it', () => {
  const definition = (slug: string) => {
    const d = DEMO_INDICATORS.find((i) => i.slug === slug);
    if (!d) throw new Error(slug);
    return d;
  };

  it('computes the median days to fix a pothole by borough, and follows a refresh', async () => {
    const d = definition('potholes-median-days-to-fixed');
    expect(d.dataset).toBe(CITIZEN_REPORTS_SLUG);
    const resource_id = await resourceId();
    await createIndicator(t.ctx, fx.actors.admin, {
      slug: d.slug,
      title: d.title,
      resource_id,
      query: d.query,
      baseline: { value: 10, date: '2026-01-01' },
      target: { value: d.target, date: d.by },
    });
    const west = async () =>
      (await indicatorValues(t.ctx, anonymous, resource_id, d.query)).groups.find(
        (g) => g.group === 'Westshire Council',
      )?.latest?.value;
    expect(await west()).toBeCloseTo(3, 1);

    // A second pothole fixed after five days: the median of 3 and 5.
    await postReportUpdate(t.ctx, fx.actors.westEditor, ids.moderated, {
      status: 'fixed',
      text: 'Done',
      source: 'web',
    });
    await refreshNow();
    expect(await west()).toBeCloseTo(4, 1);
  });

  it('computes the share of reports still open by borough', async () => {
    const d = definition('citizen-reports-still-open');
    const values = await indicatorValues(t.ctx, anonymous, await resourceId(), d.query);
    // Eastshire's one public report (the bus shelter) is open; Westshire's two are fixed.
    const latest = Object.fromEntries(values.groups.map((g) => [g.group, g.latest?.value]));
    expect(latest).toEqual({ 'Eastshire Council': 100, 'Westshire Council': 0 });
  });
});

describe('without a combined authority', () => {
  it('skips the refresh with a log line and publishes nothing', async () => {
    const other = await createTestApp({ jobPollIntervalMs: 3_600_000 });
    try {
      const f = await seedReportFixture(other.ctx);
      await createReport(other.ctx, f.actors.resident, {
        ...base,
        category: 'fly-tipping',
        ...f.points.west,
        description: 'Bags by the gate',
      });
      await other.ctx.db.kysely
        .updateTable('jobs')
        .set({ run_at: '2000-01-01T00:00:00.000Z' })
        .execute();
      const lines: string[] = [];
      expect(
        await runDueJobs(
          other.ctx.db,
          pick(
            reportJobHandlers(other.ctx, (m) => lines.push(m)),
            REFRESH_DATASET_JOB,
          ),
        ),
      ).toBe(1);
      expect(lines).toEqual([
        'Citizen reports dataset not refreshed: the region has no combined authority to publish it',
      ]);
      const datasets = await other.ctx.db.kysely.selectFrom('datasets').select('slug').execute();
      expect(datasets).toEqual([]);
    } finally {
      await other.close();
    }
  }, 60_000);
});

describe('a busy day', () => {
  it('keeps only the newest versions, and an old one answers 404', async () => {
    const other = await createTestApp({
      jobPollIntervalMs: 3_600_000,
      reportsDatasetKeepVersions: 2,
    });
    try {
      const f = await seedReportFixture(other.ctx);
      await createOrganisation(other.ctx, null, {
        slug: 'testshire-ca',
        name: 'Testshire Combined Authority',
        kind: 'combined-authority',
      });
      let firstFile = '';
      for (const text of ['Bags by the gate', 'A sofa on the verge', 'Tyres in the lane']) {
        await createReport(other.ctx, f.actors.resident, {
          ...base,
          category: 'fly-tipping',
          ...f.points.west,
          description: text,
        });
        expect(await refreshReportsDataset(other.ctx)).toMatchObject({ outcome: 'loaded' });
        firstFile ||=
          (
            await other.ctx.db.kysely
              .selectFrom('datastore_versions')
              .select('blob_key')
              .where('version', '=', 1)
              .executeTakeFirst()
          )?.blob_key ?? '';
      }
      const dataset = await other.app.inject({ url: '/api/v1/datasets/citizen-reports' });
      const id = dataset.json<{ resources: { id: string }[] }>().resources[0]?.id ?? '';
      const listed = await other.app.inject({ url: `/api/v1/resources/${id}/versions` });
      expect(
        listed.json<{ results: { version: number }[] }>().results.map((v) => v.version),
      ).toEqual([3, 2]);
      const gone = await other.app.inject({ url: `/api/v1/resources/${id}/export.csv?version=1` });
      expect(gone.statusCode).toBe(404);
      const kept = await other.app.inject({ url: `/api/v1/resources/${id}/export.csv?version=2` });
      expect(kept.statusCode).toBe(200);
      expect(kept.body).toContain('A sofa on the verge');
      expect(kept.body).not.toContain('Tyres in the lane');
      // The forgotten version's file is gone from the blob store too; the kept ones are there.
      const kept2 = await other.ctx.db.kysely
        .selectFrom('datastore_versions')
        .select('blob_key')
        .where('resource_id', '=', id)
        .execute();
      expect(kept2).toHaveLength(2);
      for (const v of kept2) expect(await other.ctx.blobs.exists(v.blob_key)).toBe(true);
      expect(firstFile).toMatch(/\.parquet$/);
      expect(await other.ctx.blobs.exists(firstFile)).toBe(false);
    } finally {
      await other.close();
    }
  });
});
