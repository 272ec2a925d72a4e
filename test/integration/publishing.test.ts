import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';

let t: TestApp;
let fx: Fixture;
let editor: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: 1024 });
  fx = await seedFixture(t.ctx);
  editor = bearer(fx.tokens.editor);
});
afterAll(() => t.close());

const activity = async (slug: string) =>
  (await t.app.inject({ url: `/api/v1/datasets/${slug}/activity`, headers: editor })).json<{
    results: {
      action: string;
      actor: { name: string } | null;
      changes: Record<string, { from: unknown; to: unknown }>;
    }[];
  }>().results;

describe('publishing a dataset', () => {
  it('creates a dataset with a slug made from its title and records who did it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      headers: editor,
      payload: {
        title: 'Street lights out of order',
        organisation: 'bolton',
        description: 'Reports of **broken** street lights.',
        tags: ['Lighting', ' lighting ', 'Streets'],
        themes: ['service-requests'],
        update_frequency: 'weekly',
        temporal_coverage: { start: '2024-01-01', end: null },
        contact: { name: 'Data team', email: 'data@bolton.example' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe(
      'http://metrodata.test/api/v1/datasets/street-lights-out-of-order',
    );
    expect(res.json()).toMatchObject({
      slug: 'street-lights-out-of-order',
      tags: ['lighting', 'streets'],
      licence: { id: 'OGL-UK-3.0' },
      state: 'active',
      visibility: 'public',
      temporal_coverage: { start: '2024-01-01', end: null },
    });
    const [created] = await activity('street-lights-out-of-order');
    expect(created).toMatchObject({
      action: 'dataset.created',
      actor: { name: 'editor' },
      changes: { title: { from: null, to: 'Street lights out of order' } },
    });
    // A second dataset with the same title gets its own slug.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      headers: editor,
      payload: { title: 'Street lights out of order', organisation: 'bolton' },
    });
    expect(again.json<{ slug: string }>().slug).toBe('street-lights-out-of-order-2');
  });

  it('records each change as a diff of the fields that changed', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/datasets/bus-punctuality',
      headers: editor,
      payload: {
        title: 'Bus punctuality by route',
        tags: ['buses', 'reliability'],
        visibility: 'private',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [latest] = await activity('bus-punctuality');
    expect(latest).toMatchObject({ action: 'dataset.updated', actor: { name: 'editor' } });
    expect(latest?.changes).toEqual({
      title: { from: 'Bus punctuality', to: 'Bus punctuality by route' },
      tags: { from: ['buses', 'punctuality'], to: ['buses', 'reliability'] },
      visibility: { from: 'public', to: 'private' },
    });
    // Now private: gone for the public, still there for the member.
    expect((await t.app.inject('/api/v1/datasets/bus-punctuality')).statusCode).toBe(404);
    const asMember = await t.app.inject({
      url: '/api/v1/datasets/bus-punctuality',
      headers: bearer(fx.tokens.member),
    });
    expect(asMember.statusCode).toBe(200);
    // The search index follows the new title.
    const found = await t.app.inject({ url: '/api/v1/datasets?q=reliability', headers: editor });
    expect(found.json<{ total: number }>().total).toBe(1);
  });

  it('deletes softly and restores to the state it had', async () => {
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/datasets/fly-tipping-reports',
      headers: editor,
    });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject('/api/v1/datasets/fly-tipping-reports')).statusCode).toBe(404);
    expect((await t.app.inject('/api/v1/datasets?q=fly')).json<{ total: number }>().total).toBe(0);
    const again = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/datasets/fly-tipping-reports',
      headers: editor,
    });
    expect(again.statusCode).toBe(404);
    const restored = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/fly-tipping-reports/restore',
      headers: editor,
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ state: 'active' });
    expect((await t.app.inject('/api/v1/datasets?q=fly')).json<{ total: number }>().total).toBe(1);
    expect((await activity('fly-tipping-reports')).slice(0, 2).map((a) => a.action)).toEqual([
      'dataset.restored',
      'dataset.deleted',
    ]);
  });

  it('moves a dataset only to an organisation the editor publishes for', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/datasets/staff-rota',
      headers: editor,
      payload: { organisation: 'wigan' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('resources', () => {
  it('stores an uploaded file with its size and SHA-256 and serves it back', async () => {
    const csv = 'ward,count\nHalliwell,12\nGreat Lever,7\n';
    const { body, contentType } = multipartBody(
      { name: 'Counts by ward', description: 'Weekly counts' },
      { field: 'file', filename: 'counts by ward.csv', content: csv },
    );
    // A CSV becomes the resource's file once it has loaded (a file that fails changes nothing).
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/air-quality/resources?wait=true',
      headers: { ...bearer(fx.tokens.otherEditor), 'content-type': contentType },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    const resource = res.json<{
      id: string;
      size: number;
      sha256: string;
      format: string;
      url: string;
      kind: string;
    }>();
    expect(resource).toMatchObject({
      size: Buffer.byteLength(csv),
      sha256: createHash('sha256').update(csv).digest('hex'),
      format: 'CSV',
      kind: 'file',
    });
    const download = await t.app.inject(resource.url.replace('http://metrodata.test', ''));
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe(csv);
    expect(download.headers['content-type']).toContain('text/csv');
    expect(download.headers['content-disposition']).toContain('filename="counts-by-ward.csv"');
    const dataset = (await t.app.inject('/api/v1/datasets/air-quality')).json<{
      resources: { id: string }[];
      formats: string[];
    }>();
    expect(dataset.resources.map((r) => r.id)).toContain(resource.id);
  });

  it('refuses an upload over the limit and keeps nothing of it', async () => {
    const { body, contentType } = multipartBody(
      {},
      { field: 'file', filename: 'big.csv', content: 'x'.repeat(5000) },
    );
    const before = (await t.app.inject('/api/v1/datasets/air-quality')).json<{
      resources: unknown[];
    }>();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/air-quality/resources',
      headers: { ...bearer(fx.tokens.otherEditor), 'content-type': contentType },
      payload: body,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const after = (await t.app.inject('/api/v1/datasets/air-quality')).json<{
      resources: unknown[];
    }>();
    expect(after.resources.length).toBe(before.resources.length);
  });

  it('refuses an empty file and a form without a file', async () => {
    const empty = multipartBody({}, { field: 'file', filename: 'empty.csv', content: '' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/air-quality/resources',
      headers: { ...bearer(fx.tokens.otherEditor), 'content-type': empty.contentType },
      payload: empty.body,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'empty_file' } });
    const noFile = multipartBody({ name: 'Only a name' });
    const res2 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/air-quality/resources',
      headers: { ...bearer(fx.tokens.otherEditor), 'content-type': noFile.contentType },
      payload: noFile.body,
    });
    expect(res2.statusCode).toBe(422);
    expect(res2.json()).toMatchObject({
      error: { code: 'validation_failed', details: [{ field: 'file' }] },
    });
  });

  it('adds a link resource with its format from the URL', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/bus-punctuality/resources',
      headers: editor,
      payload: { name: 'Timetable feed', url: 'https://example.org/feed.json?key=1' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      format: 'JSON',
      kind: 'link',
      url: 'https://example.org/feed.json?key=1',
    });
  });
});
