import { describe, expect, it } from 'vitest';
import { bearer } from '../helpers/fixture.js';
import { ckanWriter, type Envelope } from '../helpers/ckan-writer.js';
import { multipartBody } from '../helpers/multipart.js';

// The CKAN Action API's writes after a dataset exists, as a CKAN client makes them: a dataset
// changed and deleted, a link and a file added (the file loaded into the datastore), all by the
// same policy and into the same history as /api/v1. package_create is in ckan-create.test.ts.

const c = ckanWriter();
const { post, editor, ok, activityCount } = c;

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
    const uploaded = await c.t.app.inject({
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
      { authorization: c.fx.tokens.otherEditor },
    );
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ error: { __type: 'Not Found Error' } });
    const missing = await post('package_patch', { id: 'no-such-data', title: 'x' }, editor());
    expect(missing.statusCode).toBe(404);
  });

  it('deletes softly: gone for the public, restorable by its publishers', async () => {
    await ok('package_create', { name: 'old-survey', owner_org: 'bolton' });
    expect(await ok('package_delete', { id: 'old-survey' })).toBeNull();
    expect((await c.t.app.inject('/api/v1/datasets/old-survey')).statusCode).toBe(404);
    const restore = await c.t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/old-survey/restore',
      headers: bearer(c.fx.tokens.editor),
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
    const res = await c.t.app.inject({
      method: 'POST',
      url: '/api/3/action/resource_create',
      payload: body,
      headers: { ...editor(), 'content-type': contentType },
    });
    expect(res.statusCode, res.body).toBe(200);
    const resource = res.json<Envelope<{ id: string; url: string }>>().result;
    expect(resource).toMatchObject({ name: 'Stops', datastore_active: true, url_type: 'upload' });
    const download = await c.t.app.inject(resource.url.replace(c.t.ctx.config.baseUrl, ''));
    expect(download.body).toContain('Bradshawgate');
    const rows = await ok<{ total: number }>('datastore_search', { resource_id: resource.id }, {});
    expect(rows.total).toBe(2);
  });

  it('replaces a file with resource_patch, loading the new rows before the answer', async () => {
    const first = multipartBody(
      { package_id: 'bus-punctuality', name: 'Fares' },
      { field: 'upload', filename: 'fares.csv', content: 'zone,fare\n1,2.0\n' },
    );
    const created = await c.t.app.inject({
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
    const patched = await c.t.app.inject({
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
    const res = await c.t.app.inject({
      method: 'POST',
      url: '/api/3/action/resource_create',
      payload: body,
      headers: { ...editor(), 'content-type': contentType },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { __type: 'Authorization Error' } });
    // The file first, its dataset after it (never read): CKAN's "Missing value" for package_id.
    const fileFirst = multipartBody({}, { field: 'upload', filename: 'x.csv', content: 'a\n1\n' });
    const missing = await c.t.app.inject({
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
