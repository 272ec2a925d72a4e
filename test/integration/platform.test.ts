import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('reports liveness and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ok',
      checks: { database: 'ok', migrations: 'ok', blobs: 'ok', engine: 'ok' },
    });
  });

  it('exposes Prometheus metrics including request durations by route', async () => {
    await t.app.inject('/api/v1/datasets');
    const res = await t.app.inject('/metrics');
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('process_cpu_user_seconds_total');
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/datasets",status="200"\} \d+/,
    );
  });

  it('shows the job queue: depth by kind and state, and how long the oldest due job has waited', async () => {
    const at = new Date(Date.now() - 90_000);
    await enqueueJob(t.ctx.db, { kind: 'test.waiting', payload: null, runAt: at });
    await enqueueJob(t.ctx.db, { kind: 'test.waiting', payload: null });
    const res = await t.app.inject('/metrics');
    expect(res.body).toContain('metrodata_jobs{kind="test.waiting",state="queued"} 2');
    const age = /metrodata_job_oldest_queued_age_seconds\{kind="test.waiting"\} ([\d.]+)/.exec(
      res.body,
    );
    expect(Number(age?.[1])).toBeGreaterThanOrEqual(90);
  });

  it('returns a request id, keeping a sane one the client sent', async () => {
    const own = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(own.headers['x-request-id']).toBe('trace-123');
    const made = await t.app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('cross-origin reads', () => {
  it('lets any web page read the API, but not write to it', async () => {
    const read = await t.app.inject({
      url: '/api/v1/datasets',
      headers: { origin: 'https://app.example' },
    });
    expect(read.headers['access-control-allow-origin']).toBe('*');
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/datasets',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
  });
});

describe('OpenAPI', () => {
  it('documents every API route with its parameters, as OpenAPI 3.1', async () => {
    const res = await t.app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    const routes = t.app.printRoutes({ commonPrefix: false });
    for (const path of [
      '/api/v1/organisations',
      '/api/v1/organisations/{slug}',
      '/api/v1/datasets',
      '/api/v1/datasets/{slug}',
      '/api/v1/datasets/{slug}/activity',
      '/api/v1/datasets/{slug}/resources',
      '/api/v1/datasets/{slug}/restore',
      '/api/v1/resources/{id}',
      '/api/v1/themes',
      '/api/v1/tags',
      '/api/v1/region',
    ]) {
      expect(doc.paths, routes).toHaveProperty([path]);
    }
    // Responses are described too, with the shared shapes as named components.
    expect(JSON.stringify(doc.paths['/api/v1/datasets'])).toContain(
      '#/components/schemas/DatasetSummary',
    );
    expect(res.json()).toHaveProperty(['components', 'schemas', 'Error']);
    expect(res.json()).toHaveProperty(['components', 'schemas', 'Resource']);
    const searchParams = doc.paths['/api/v1/datasets']?.get?.parameters?.map((p) => p.name);
    expect(searchParams).toEqual(
      expect.arrayContaining([
        'q',
        'organisation',
        'theme',
        'tag',
        'format',
        'licence',
        'sort',
        'page',
        'per_page',
      ]),
    );
  });
});

describe('server errors', () => {
  it('answers 500 without internals when something breaks', async () => {
    const broken = await createTestApp();
    await broken.ctx.db.close();
    const res = await broken.app.inject('/api/v1/datasets');
    expect(res.statusCode).toBe(500);
    const body = res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe('internal_error');
    expect(body.error.message).toMatch(/^Something went wrong on our side \(request .+\)$/);
    expect(res.body).not.toMatch(/at |\.ts|sqlite|postgres|driver/i);
    await broken.app.close();
    await broken.ctx.cleanup().catch(() => undefined);
  });

  it('shows people a GOV.UK error page with a reference, not the error', async () => {
    const broken = await createTestApp();
    await broken.ctx.db.close();
    const res = await broken.app.inject('/datasets?q=bus');
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Sorry, there is a problem with the service');
    expect(res.body).toContain(`quote reference <strong>${String(res.headers['x-request-id'])}`);
    expect(res.body).not.toMatch(/sqlite|postgres|driver|\.ts:/i);
    await broken.app.close();
    await broken.ctx.cleanup().catch(() => undefined);
  });
});
