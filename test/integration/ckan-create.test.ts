import { describe, expect, it } from 'vitest';
import { ckanWriter, type Envelope } from '../helpers/ckan-writer.js';

// CKAN's package_create as a CKAN client makes it: a dataset published from CKAN's fields, by
// the same policy and into the same history as /api/v1, and every refusal in CKAN's shape.

const c = ckanWriter();
const { post, editor, ok, activityCount } = c;

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
    const rest = await c.t.app.inject('/api/v1/datasets/bin-collections');
    expect(rest.json()).toMatchObject({ title: 'Bin collections', licence: { id: 'CC-BY-4.0' } });
    expect((await activityCount()) - before).toBe(2);
  });

  it('takes the organisation by its id too, and publishes drafts and private datasets', async () => {
    const org = await c.t.ctx.db.kysely
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
    expect((await c.t.app.inject('/api/v1/datasets/gritting-routes')).statusCode).toBe(404);
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
    expect((await c.t.app.inject('/api/v1/datasets/bad-links')).statusCode).toBe(404);
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
    const get = await c.t.app.inject('/api/3/action/package_create?name=x&owner_org=bolton');
    expect(get.statusCode).toBe(400);
  });

  it('takes the token as X-CKAN-API-Key, as older CKAN clients send it', async () => {
    const res = await post(
      'package_create',
      { name: 'key-header-data', owner_org: 'bolton' },
      { 'x-ckan-api-key': c.fx.tokens.editor },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const bad = await post('site_read', {}, { 'x-ckan-api-key': 'not-a-token' });
    expect(bad.statusCode).toBe(403);
    // Only on CKAN's paths: /api/v1 knows only Authorization.
    const v1 = await c.t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      payload: { title: 'By key', organisation: 'bolton' },
      headers: { 'x-ckan-api-key': c.fx.tokens.editor },
    });
    expect(v1.statusCode).toBe(401);
  });
});
