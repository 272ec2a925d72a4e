import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_RULE } from '../../src/features/accounts/sign-in-throttle.js';
import { startCluster, SWEEP_S, type Cluster, type ClusterNode } from '../helpers/cluster.js';
import { api, upload, uploadWithPause, within, writeCsv } from './support/requests.js';

// Two Metrodata nodes on one PostgreSQL database and one S3-compatible bucket behave as one
// site (issue 16, "Proved here, on one machine"). Run with `npm run test:cluster`.

let cluster: Cluster;
let files: string;
// A cluster that failed to start has already been taken down.
let stopCluster = () => Promise.resolve();

beforeAll(async () => {
  files = await mkdtemp(path.join(tmpdir(), 'metrodata-cluster-files-'));
  cluster = await startCluster();
  stopCluster = () => cluster.stop();
});

afterAll(async () => {
  await stopCluster();
  await rm(files, { recursive: true, force: true });
});

const call = (node: ClusterNode, method: string, url: string, body?: unknown) =>
  api(node, cluster.token, method, url, body);

async function createDataset(node: ClusterNode, title: string): Promise<string> {
  const { status, body } = await call(node, 'POST', '/api/v1/datasets', {
    title,
    organisation: 'cluster-council',
  });
  expect(status).toBe(201);
  return body.slug as string;
}

/** A new dataset on node A with a CSV of `rows` rows loaded into it; the resource's id. */
async function loadedCsv(title: string, fileName: string, rows: number): Promise<string> {
  const slug = await createDataset(cluster.a, title);
  const file = path.join(files, fileName);
  await writeCsv(file, rows);
  const uploaded = await upload(cluster.a, cluster.token, slug, file, '?wait=true');
  expect(uploaded.status).toBe(201);
  return uploaded.body.id as string;
}

const loadOf = (resourceId: string) =>
  cluster.db.query<{ status: string; locked_by: string | null; attempts: number }>(
    `SELECT l.status, j.locked_by, j.attempts FROM datastore_loads l LEFT JOIN jobs j ON j.id = l.id
     WHERE l.resource_id = $1 ORDER BY l.created_at DESC LIMIT 1`,
    [resourceId],
  );

describe('two nodes on PostgreSQL and S3', () => {
  it('queries on node B a 200,000-row CSV uploaded on node A', async () => {
    const id = await loadedCsv('Business rates accounts', 'rates.csv', 200_000);
    const all = await call(cluster.b, 'POST', `/api/v1/resources/${id}/query`, { limit: 0 });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(200_000);
    const bury = await call(cluster.b, 'POST', `/api/v1/resources/${id}/query`, {
      filters: [
        { field: 'borough', op: 'eq', value: 'Bury' },
        { field: 'id', op: 'lt', value: 100 },
      ],
      sort: [{ field: 'id', dir: 'asc' }],
      fields: ['id'],
    });
    expect(bury.body.total).toBe(20);
    expect((bury.body.records as { id: number }[]).map((r) => r.id).slice(0, 3)).toEqual([
      1, 6, 11,
    ]);
  });

  it("builds a version's download once, on either node, and both serve it from the bucket", async () => {
    const id = await loadedCsv('Licensed premises', 'premises.csv', 5000);
    const csvOn = (node: ClusterNode) => fetch(`${node.url}/api/v1/resources/${id}/export.csv`);
    // The load queued the job; whichever node claims it builds the file.
    const built = await within(30_000, async () => {
      const res = await csvOn(cluster.b);
      const body = await res.text();
      return res.headers.get('etag') ? { etag: res.headers.get('etag'), body } : null;
    });
    expect(built?.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(built?.body.split('\n').slice(0, 2)).toEqual(['id,borough,amount', '0,Bolton,0.25']);
    const onA = await csvOn(cluster.a);
    expect(onA.headers.get('etag')).toBe(built?.etag);
    expect(await onA.text()).toBe(built?.body);
    const notChanged = await fetch(`${cluster.a.url}/api/v1/resources/${id}/export.csv`, {
      headers: { 'if-none-match': built?.etag ?? '' },
    });
    expect(notChanged.status).toBe(304);
    const { rows } = await cluster.db.query<{ state: string }>(
      `SELECT state FROM jobs WHERE kind = 'datastore.export' AND payload LIKE $1`,
      [`%${id}%`],
    );
    expect(rows).toEqual([{ state: 'done' }]);
  });

  it('counts wrong sign-ins sent to both nodes at once against one account', async () => {
    const forms = await Promise.all(
      [cluster.a, cluster.b].map(async (node) => {
        const page = await fetch(`${node.url}/sign-in`);
        const cookie = page.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
        return { node, cookie, csrf };
      }),
    );
    const signIn = (form: (typeof forms)[number], password: string) =>
      fetch(`${form.node.url}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: form.cookie,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          _csrf: form.csrf,
          email: cluster.admin.email,
          password,
        }).toString(),
      });
    const [onA, onB] = forms;
    if (!onA || !onB) throw new Error('no sign-in form');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(i % 2 ? onB : onA, `wrong ${String(i)}`)),
    );
    const statuses = answers.map((r) => r.status);
    const wrong = statuses.filter((s) => s === 401).length;
    const throttled = statuses.filter((s) => s === 429).length;
    expect(wrong + throttled).toBe(40);
    // Each node alone would let ACCOUNT_RULE.free guesses through; together they let no more.
    expect(wrong).toBeGreaterThan(0);
    expect(wrong).toBeLessThanOrEqual(ACCOUNT_RULE.free);
    const { rows } = await cluster.db.query<{ failures: number }>(
      `SELECT a.failures FROM sign_in_attempts a JOIN users u ON a.key = 'account:' || u.id
       WHERE u.email = $1`,
      [cluster.admin.email],
    );
    expect(rows[0]?.failures).toBe(wrong);
    // Even the right password waits now, on either node.
    for (const form of forms) {
      const right = await signIn(form, cluster.admin.password);
      expect(right.status).toBe(429);
      expect(await right.text()).toContain('Too many attempts');
    }
  });

  it('finds in search on node A a title changed on node B within a second', async () => {
    const slug = await createDataset(cluster.a, 'Street trees');
    const changed = await call(cluster.b, 'PATCH', `/api/v1/datasets/${slug}`, {
      title: 'Street trees and zelkova plantings',
    });
    expect(changed.status).toBe(200);
    const found = await within(1000, async () => {
      const { body } = await call(cluster.a, 'GET', '/api/v1/datasets?q=zelkova');
      const slugs = (body.results as { slug: string }[]).map((d) => d.slug);
      return slugs.includes(slug) ? slugs : null;
    });
    expect(found).toEqual([slug]);
  });

  it('runs a scheduled harvest once, not once per node', async () => {
    // A portal with an empty CKAN catalogue that counts how often it is read.
    let listings = 0;
    const portal: Server = createServer((req, res) => {
      if (req.url?.startsWith('/api/3/action/package_search')) listings += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: true, result: { count: 0, results: [] } }));
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    try {
      const port = (portal.address() as AddressInfo).port;
      const source = await call(cluster.b, 'POST', '/api/v1/harvest-sources', {
        organisation: 'cluster-council',
        title: 'Neighbouring portal',
        type: 'ckan',
        url: `http://127.0.0.1:${String(port)}`,
        interval_minutes: 60,
      });
      expect(source.status).toBe(201);
      const id = source.body.id as string;
      // Due at once: the next look at the schedule (each minute, by whichever node) queues it.
      const runs = await within(150_000, async () => {
        const { body } = await call(cluster.a, 'GET', `/api/v1/harvest-sources/${id}/runs`);
        const done = (body.results as { status: string }[]).filter((r) => r.status !== 'running');
        return done.length > 0 ? body : null;
      });
      expect(runs?.total).toBe(1);
      expect((runs?.results as { status: string }[])[0]?.status).toBe('succeeded');
      expect(listings).toBeGreaterThan(0);
      const again = await call(cluster.b, 'GET', `/api/v1/harvest-sources/${id}/runs`);
      expect(again.body.total).toBe(1);
    } finally {
      portal.closeAllConnections();
      await new Promise<void>((resolve) => {
        portal.close(() => {
          resolve();
        });
      });
    }
  });

  it('cleans up the bucket once per interval across the cluster, not once per node', async () => {
    const id = await loadedCsv('Street lighting faults', 'lighting.csv', 1000);
    expect(await cluster.s3.keys(`resources/${id}/`)).not.toEqual([]);
    const deleted = await call(cluster.b, 'DELETE', `/api/v1/resources/${id}`);
    expect(deleted.status).toBe(204);
    // The upload and its datastore version leave the bucket at the next clean-up, on either node.
    const empty = await within(30_000, async () =>
      (await cluster.s3.keys(`resources/${id}/`)).length === 0 ? true : null,
    );
    expect(empty).toBe(true);
    // Since the nodes started, one clean-up at a time: each began an interval after the one
    // before had ended, and one is waiting or under way.
    const { rows } = await cluster.db.query<{ state: string; finished: Date }>(
      `SELECT state, finished_at::timestamptz AS finished
       FROM jobs WHERE kind = 'blobs.clean-up' ORDER BY finished_at`,
    );
    const done = rows.filter((r) => r.state === 'done');
    expect(done.length).toBeGreaterThan(2);
    expect(rows.filter((r) => r.state === 'queued' || r.state === 'running')).toHaveLength(1);
    const ends = done.map((r) => r.finished.getTime());
    for (let i = 1; i < ends.length; i++) {
      expect((ends[i] ?? 0) - (ends[i - 1] ?? 0)).toBeGreaterThanOrEqual(SWEEP_S * 1000);
    }
  });

  it('fails an upload cleanly when object storage stops mid-way, and recovers', async () => {
    const slug = await createDataset(cluster.a, 'Gully cleansing');
    let failed;
    try {
      failed = await uploadWithPause(cluster.a, cluster.token, slug, 64 * 1024 ** 2, () =>
        cluster.s3.kill(),
      );
    } finally {
      await cluster.s3.restart();
    }
    expect(failed.status).toBe(503);
    const error = failed.body.error as { code: string; message: string };
    expect(error.code).toBe('object_storage_failed');
    expect(error.message).toMatch(/^Object storage at http:\/\/127\.0\.0\.1:\d+ /);
    const dataset = await call(cluster.b, 'GET', `/api/v1/datasets/${slug}`);
    expect(dataset.body.resources).toEqual([]);
    const file = path.join(files, 'gullies.csv');
    await writeCsv(file, 1000);
    const ok = await upload(cluster.a, cluster.token, slug, file, '?wait=true');
    expect(ok.status).toBe(201);
    const download = await fetch(
      `${cluster.b.url}/api/v1/resources/${ok.body.id as string}/download`,
    );
    expect(download.status).toBe(200);
    expect((await download.text()).split('\n')[1]).toBe('0,Bolton,0.25');
  });

  it('finishes on node B a load whose node was killed, making one version', async () => {
    const slug = await createDataset(cluster.a, 'Parking transactions');
    const file = path.join(files, 'parking.csv');
    await writeCsv(file, 2_000_000);
    const uploaded = await upload(cluster.a, cluster.token, slug, file);
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.id as string;
    // Whichever node claimed the load is killed while it runs; the other must finish it.
    const running = await within(60_000, async () => {
      const { rows } = await loadOf(id);
      return rows[0]?.status === 'running' && rows[0].locked_by ? rows[0] : null;
    });
    expect(running).not.toBeNull();
    const holder = [cluster.a, cluster.b].find((n) =>
      running?.locked_by?.includes(`:${String(n.pid())}:`),
    );
    const other = holder === cluster.a ? cluster.b : cluster.a;
    expect(holder).toBeDefined();
    await holder?.kill();
    const finished = await within(120_000, async () => {
      const { rows } = await loadOf(id);
      return rows[0]?.status === 'succeeded' || rows[0]?.status === 'failed' ? rows[0] : null;
    });
    expect(finished?.status).toBe('succeeded');
    // Taken over: a second attempt, by the node left.
    expect(finished?.attempts).toBe(2);
    const versions = await call(other, 'GET', `/api/v1/resources/${id}/versions`);
    expect(versions.body.total).toBe(1);
    const all = await call(other, 'POST', `/api/v1/resources/${id}/query`, { limit: 0 });
    expect(all.body.total).toBe(2_000_000);
    await holder?.start();
  });
});
