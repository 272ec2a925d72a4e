import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';

// The CKAN Action API's writes, as a CKAN client makes them: a dataset published, changed and
// deleted, a link and a file added (the file loaded into the datastore), all by the same
// policy and into the same history as /api/v1.

let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
});
afterAll(() => t.close());

interface Envelope<T = Record<string, unknown>> {
  success: boolean;
  result: T;
  error: Record<string, unknown>;
}

const post = (name: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/3/action/${name}`, payload, headers });
const editor = () => ({ authorization: fx.tokens.editor });

async function ok<T = Record<string, unknown>>(
  name: string,
  payload: object,
  headers: Record<string, string> = { authorization: fx.tokens.editor },
): Promise<T> {
  const res = await post(name, payload, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Envelope<T>>().result;
}

const activityCount = async () =>
  Number(
    (
      await t.ctx.db.kysely
        .selectFrom('activities')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('package_create', () => {
  it('publishes a dataset from CKAN fields and answers its package dict', async () => {
    const before = await activityCount();
    const pkg = await ok('package_create', {
      name: 'bin-collections',
      title: 'Bin collections',
      notes: 'Which streets are collected on which day.',
      owner_org: 'bolton',
      license_id: 'cc-by',
      private: false,
      tags: [{ name: 'Waste' }, { name: 'bins' }],
      groups: [{ name: 'environment' }],
      extras: [
        { key: 'update_frequency', value: 'weekly' },
        { key: 'temporal_start', value: '2024-01-01' },
      ],
      maintainer: 'Waste team',
      maintainer_email: 'waste@bolton.example',
      url: 'https://bolton.example/bins',
      resources: [{ url: 'https://bolton.example/bins/rounds.csv', name: 'Rounds' }],
    });
    expect(pkg).toMatchObject({
      name: 'bin-collections',
      title: 'Bin collections',
      notes: 'Which streets are collected on which day.',
      license_id: 'CC-BY-4.0',
      private: false,
      state: 'active',
      url: 'https://bolton.example/bins',
      maintainer_email: 'waste@bolton.example',
      num_resources: 1,
      organization: { name: 'bolton', title: 'Bolton Council' },
      tags: [{ name: 'bins' }, { name: 'waste' }],
      groups: [{ name: 'environment' }],
      resources: [{ name: 'Rounds', url: 'https://bolton.example/bins/rounds.csv', format: 'CSV' }],
    });
    expect(pkg.extras).toEqual(
      expect.arrayContaining([
        { key: 'update_frequency', value: 'weekly' },
        { key: 'temporal_start', value: '2024-01-01' },
      ]),
    );
    expect(pkg.metadata_created).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+$/);
    // The same dataset through the REST API, and in the history (the dataset, then its link).
    const rest = await t.app.inject('/api/v1/datasets/bin-collections');
    expect(rest.json()).toMatchObject({ title: 'Bin collections', licence: { id: 'CC-BY-4.0' } });
    expect((await activityCount()) - before).toBe(2);
  });

  it('takes the organisation by its id too, and publishes drafts and private datasets', async () => {
    const org = await t.ctx.db.kysely
      .selectFrom('organisations')
      .select('id')
      .where('slug', '=', 'bolton')
      .executeTakeFirstOrThrow();
    const pkg = await ok('package_create', {
      name: 'gritting-routes',
      owner_org: org.id,
      private: true,
      state: 'draft',
    });
    expect(pkg).toMatchObject({ title: 'gritting-routes', private: true, state: 'draft' });
    expect((await t.app.inject('/api/v1/datasets/gritting-routes')).statusCode).toBe(404);
  });

  it('answers a taken name in CKAN words: 409 {"name": ["That URL is already in use."]}', async () => {
    const res = await post(
      'package_create',
      { name: 'bus-punctuality', owner_org: 'bolton' },
      editor(),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      success: false,
      error: { __type: 'Validation Error', name: ['That URL is already in use.'] },
    });
  });

  it('names owner_org when the organisation does not exist, and the field of each bad value', async () => {
    const res = await post(
      'package_create',
      { name: 'nowhere-data', owner_org: 'atlantis' },
      editor(),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { __type: 'Validation Error', owner_org: ['Organization does not exist'] },
    });
    const bad: [object, string][] = [
      [{ name: 'Bad Name!', owner_org: 'bolton' }, 'name'],
      [{ owner_org: 'bolton' }, 'name'],
      [{ name: 'no-org' }, 'owner_org'],
      [{ name: 'bad-licence', owner_org: 'bolton', license_id: 'all-mine' }, 'license_id'],
      [{ name: 'bad-group', owner_org: 'bolton', groups: [{ name: 'astrology' }] }, 'groups'],
      [
        { name: 'bad-extra', owner_org: 'bolton', extras: [{ key: 'colour', value: 'red' }] },
        'extras',
      ],
      [{ name: 'bad-version', owner_org: 'bolton', version: '1.0' }, 'version'],
      [{ name: 'bad-mail', owner_org: 'bolton', maintainer_email: 'not-mail' }, 'maintainer_email'],
    ];
    for (const [payload, field] of bad) {
      const r = await post('package_create', payload, editor());
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json<Envelope>().error, JSON.stringify(payload)).toHaveProperty(field);
    }
    const resources = await post(
      'package_create',
      {
        name: 'bad-links',
        owner_org: 'bolton',
        resources: [{ url: 'https://a.example/x.csv' }, { name: 'no url' }],
      },
      editor(),
    );
    expect(resources.json<Envelope>().error.resources).toEqual([{}, { url: [expect.any(String)] }]);
    expect((await t.app.inject('/api/v1/datasets/bad-links')).statusCode).toBe(404);
  });

  it('refuses a caller with no token with a 403 Authorization Error, and GET with a 400', async () => {
    const res = await post('package_create', { name: 'anon-data', owner_org: 'bolton' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ success: false, error: { __type: 'Authorization Error' } });
    const other = await post(
      'package_create',
      { name: 'wigan-by-bolton', owner_org: 'wigan' },
      editor(),
    );
    expect(other.statusCode).toBe(403);
    const get = await t.app.inject('/api/3/action/package_create?name=x&owner_org=bolton');
    expect(get.statusCode).toBe(400);
  });

  it('takes the token as X-CKAN-API-Key, as older CKAN clients send it', async () => {
    const res = await post(
      'package_create',
      { name: 'key-header-data', owner_org: 'bolton' },
      { 'x-ckan-api-key': fx.tokens.editor },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const bad = await post('site_read', {}, { 'x-ckan-api-key': 'not-a-token' });
    expect(bad.statusCode).toBe(403);
    // Only on CKAN's paths: /api/v1 knows only Authorization.
    const v1 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      payload: { title: 'By key', organisation: 'bolton' },
      headers: { 'x-ckan-api-key': fx.tokens.editor },
    });
    expect(v1.statusCode).toBe(401);
  });
});

describe('package_patch, package_update and package_delete', () => {
  it('patches only the fields given', async () => {
    await ok('package_create', {
      name: 'road-works',
      title: 'Road works',
      notes: 'Planned works.',
      owner_org: 'bolton',
      tags: [{ name: 'roads' }],
    });
    const pkg = await ok('package_patch', { id: 'road-works', title: 'Road works and closures' });
    expect(pkg).toMatchObject({
      title: 'Road works and closures',
      notes: 'Planned works.',
      tags: [{ name: 'roads' }],
    });
  });

  it('updates by replacing: fields not given are cleared, as CKAN does', async () => {
    const created = await ok<{ id: string }>('package_create', {
      name: 'street-lights',
      private: true,
      groups: [{ name: 'transport' }],
      title: 'Street lights',
      notes: 'Every street light.',
      owner_org: 'bolton',
      license_id: 'CC-BY-4.0',
      tags: [{ name: 'lighting' }],
      resources: [{ url: 'https://bolton.example/lights.csv', name: 'Lights' }],
    });
    const pkg = await ok('package_update', {
      id: created.id,
      title: 'Street lighting',
    });
    expect(pkg).toMatchObject({
      name: 'street-lights',
      title: 'Street lighting',
      notes: '',
      tags: [],
      license_id: 'OGL-UK-3.0',
      // As in CKAN, privacy and groups are kept: a private dataset never goes public by omission.
      private: true,
      groups: [{ name: 'transport' }],
      // Without `resources` the resources are kept; with a list, those left out go.
      num_resources: 1,
    });
    const stillPrivate = await ok('package_patch', { id: 'street-lights', private: null });
    expect(stillPrivate).toMatchObject({ private: true });
    const emptied = await ok('package_update', {
      id: 'street-lights',
      title: 'Street lighting',
      resources: [],
    });
    expect(emptied).toMatchObject({ num_resources: 0 });
  });

  it('takes back what it answered: package_update with a changed package dict keeps the rest', async () => {
    const { body, contentType } = multipartBody(
      { package_id: 'fly-tipping-reports', name: 'Reports' },
      { field: 'upload', filename: 'reports.csv', content: 'ward,reports\nHalliwell,4\n' },
    );
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/resource_create',
      payload: body,
      headers: { ...editor(), 'content-type': contentType },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const before = await ok('package_patch', {
      id: 'fly-tipping-reports',
      extras: [{ key: 'spatial_coverage', value: 'Bolton' }],
    });
    const after = await ok('package_update', {
      ...before,
      title: 'Fly-tipping reports by ward',
    });
    // The quality extras are computed in the background as the dataset changes (the patch adds
    // a spatial coverage, the upload a file), so they may move on between the two answers.
    const stable = (p: Record<string, unknown>) => ({
      ...p,
      title: null,
      metadata_modified: null,
      extras: (p.extras as { key: string }[]).filter((e) => !e.key.startsWith('quality_')),
    });
    expect(after.title).toBe('Fly-tipping reports by ward');
    expect(stable(after)).toEqual(stable(before));
  });

  it('refuses to rename, and answers 404 for a dataset the caller cannot see', async () => {
    const rename = await post('package_patch', { id: 'bus-punctuality', name: 'buses' }, editor());
    expect(rename.statusCode).toBe(409);
    const hidden = await post(
      'package_patch',
      { id: 'staff-rota', title: 'Mine now' },
      { authorization: fx.tokens.otherEditor },
    );
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ error: { __type: 'Not Found Error' } });
    const missing = await post('package_patch', { id: 'no-such-data', title: 'x' }, editor());
    expect(missing.statusCode).toBe(404);
  });

  it('deletes softly: gone for the public, restorable by its publishers', async () => {
    await ok('package_create', { name: 'old-survey', owner_org: 'bolton' });
    expect(await ok('package_delete', { id: 'old-survey' })).toBeNull();
    expect((await t.app.inject('/api/v1/datasets/old-survey')).statusCode).toBe(404);
    const restore = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/old-survey/restore',
      headers: bearer(fx.tokens.editor),
    });
    expect(restore.statusCode).toBe(200);
  });
});

describe('resources', () => {
  it('adds a link, patches it and deletes it', async () => {
    const link = await ok<{ id: string; url: string; datastore_active: boolean }>(
      'resource_create',
      {
        package_id: 'bus-punctuality',
        url: 'https://bolton.example/timetables.pdf',
        name: 'Timetables',
      },
    );
    expect(link).toMatchObject({ format: 'PDF', datastore_active: false, url_type: null });
    const patched = await ok('resource_patch', { id: link.id, description: 'All routes' });
    expect(patched).toMatchObject({ name: 'Timetables', description: 'All routes' });
    // resource_update replaces: a description not sent is cleared, the name kept when not sent.
    const updated = await ok('resource_update', { id: link.id, name: 'Bus timetables' });
    expect(updated).toMatchObject({ name: 'Bus timetables', description: '' });
    expect(await ok('resource_delete', { id: link.id })).toBeNull();
    const gone = await post('resource_patch', { id: link.id, name: 'x' }, editor());
    expect(gone.statusCode).toBe(404);
  });

  it('uploads a file in the field "upload", loaded into the datastore before the answer', async () => {
    const { body, contentType } = multipartBody(
      { package_id: 'bus-punctuality', name: 'Stops', format: 'CSV' },
      {
        field: 'upload',
        filename: 'stops.csv',
        content: 'stop,boardings\nBradshawgate,120\nVictoria Square,80\n',
      },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/resource_create',
      payload: body,
      headers: { ...editor(), 'content-type': contentType },
    });
    expect(res.statusCode, res.body).toBe(200);
    const resource = res.json<Envelope<{ id: string; url: string }>>().result;
    expect(resource).toMatchObject({ name: 'Stops', datastore_active: true, url_type: 'upload' });
    const download = await t.app.inject(resource.url.replace(t.ctx.config.baseUrl, ''));
    expect(download.body).toContain('Bradshawgate');
    const rows = await ok<{ total: number }>('datastore_search', { resource_id: resource.id }, {});
    expect(rows.total).toBe(2);
  });

  it('replaces a file with resource_patch, loading the new rows before the answer', async () => {
    const first = multipartBody(
      { package_id: 'bus-punctuality', name: 'Fares' },
      { field: 'upload', filename: 'fares.csv', content: 'zone,fare\n1,2.0\n' },
    );
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/resource_create',
      payload: first.body,
      headers: { ...editor(), 'content-type': first.contentType },
    });
    const id = created.json<Envelope<{ id: string }>>().result.id;
    const second = multipartBody(
      { id, description: 'Fares from April' },
      { field: 'upload', filename: 'fares.csv', content: 'zone,fare\n1,2.5\n2,3.0\n' },
    );
    const patched = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/resource_patch',
      payload: second.body,
      headers: { ...editor(), 'content-type': second.contentType },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Envelope>().result).toMatchObject({
      description: 'Fares from April',
      datastore_active: true,
      datastore_load: { status: 'succeeded' },
    });
    const rows = await ok<{ total: number }>('datastore_search', { resource_id: id }, {});
    expect(rows.total).toBe(2);
  });

  it('refuses an upload to a dataset the caller may not change, adding nothing', async () => {
    const { body, contentType } = multipartBody(
      { package_id: 'air-quality', name: 'Sneaky' },
      { field: 'upload', filename: 'x.csv', content: 'a\n1\n' },
    );
    const before = await activityCount();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/resource_create',
      payload: body,
      headers: { ...editor(), 'content-type': contentType },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { __type: 'Authorization Error' } });
    // The file first, its dataset after it (never read): CKAN's "Missing value" for package_id.
    const fileFirst = multipartBody({}, { field: 'upload', filename: 'x.csv', content: 'a\n1\n' });
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/resource_create',
      payload: fileFirst.body,
      headers: { ...editor(), 'content-type': fileFirst.contentType },
    });
    expect(missing.statusCode).toBe(409);
    expect(missing.json()).toMatchObject({ error: { package_id: ['Missing value'] } });
    expect(await activityCount()).toBe(before);
  });
});
