import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { PageClient } from '../helpers/pages.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import {
  coverageCsv,
  coverageRows,
  seedCombinedAuthorityEditor,
  uploadCsv,
} from '../helpers/indicator-fixture.js';

let t: TestApp;
let fx: Fixture;
let caToken: string;
let resourceId: string;

const dashboard = () => ({
  slug: 'connectivity',
  title: 'Connectivity',
  description: 'Fibre in the *boroughs*.',
  tiles: [
    { kind: 'text', title: 'About', markdown: 'Figures are **live**.' },
    { kind: 'indicator', indicator: 'fibre' },
    {
      kind: 'chart',
      title: 'Coverage by borough',
      resource_id: resourceId,
      chart: { type: 'bar', x: 'borough', agg: 'sum', y: 'covered' },
    },
  ],
});

const post = (token: string | null, body: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/dashboards',
    headers: token ? bearer(token) : {},
    payload: body,
  });

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  caToken = await seedCombinedAuthorityEditor(t.ctx);
  const res = await uploadCsv(
    t,
    '/api/v1/datasets/bus-punctuality/resources?wait=true',
    fx.tokens.editor,
    coverageCsv(coverageRows(2)),
  );
  resourceId = res.json<{ id: string }>().id;
  const ind = await t.app.inject({
    method: 'POST',
    url: '/api/v1/indicators',
    headers: bearer(caToken),
    payload: {
      slug: 'fibre',
      title: 'Premises with full fibre',
      unit: '%',
      resource_id: resourceId,
      query: { date: { field: 'quarter' }, value: { fn: 'avg', field: 'pct' }, group: 'borough' },
      baseline: { value: 20, date: '2022-01-01' },
      target: { value: 60, date: '2024-01-01' },
    },
  });
  expect(ind.statusCode, ind.body).toBe(201);
});
afterAll(() => t.close());

describe('dashboards', () => {
  it('are composed by site admins and the combined authority’s editors only, audited', async () => {
    expect((await post(null, dashboard())).statusCode).toBe(401);
    expect((await post(fx.tokens.editor, dashboard())).statusCode).toBe(403);
    const bad = await post(caToken, {
      ...dashboard(),
      tiles: [{ kind: 'indicator', indicator: 'no-such-indicator' }],
    });
    expect(bad.statusCode).toBe(422);
    const res = await post(caToken, dashboard());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ tiles: { kind: string; data: { href: string } | null }[] }>();
    expect(body.tiles.map((x) => x.kind)).toEqual(['text', 'indicator', 'chart']);
    expect(body.tiles[1]?.data?.href).toBe('/indicators/fibre');
    expect(body.tiles[2]?.data?.href).toContain(
      `/resources/${resourceId}/chart?type=bar&x=borough`,
    );
    const audit = await t.ctx.db.kysely
      .selectFrom('activities')
      .select('action')
      .where('subject_type', '=', 'dashboard')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['dashboard.created']);
  });

  it('render their tiles on the server, each linking to its data, under one h1', async () => {
    const res = await t.app.inject('/dashboards/connectivity');
    expect(res.statusCode).toBe(200);
    const $ = load(res.body);
    expect($('h1').length).toBe(1);
    expect($('h1').text()).toBe('Connectivity');
    expect($('.app-tile').length).toBe(3);
    expect($('.app-tile').eq(0).find('strong').text()).toBe('live');
    expect($('.app-tile').eq(1).find('a').attr('href')).toBe('/indicators/fibre');
    expect($('.app-tile').eq(2).find('img').attr('src')).toBe(
      '/dashboards/connectivity/tiles/3.svg',
    );
    const list = load((await t.app.inject('/dashboards')).body);
    expect(list('h1').length).toBe(1);
    expect(list('a[href="/dashboards/connectivity"]').text()).toBe('Connectivity');
  });

  it('draw a chart tile from the data, and again when the data gets a new version', async () => {
    const first = await t.app.inject('/dashboards/connectivity/tiles/3.svg');
    expect(first.statusCode).toBe(200);
    expect(
      load(first.body, { xml: true }).root().children().first().prop('tagName')?.toLowerCase(),
    ).toBe('svg');
    const rows = coverageRows(2);
    const wigan = rows.filter((r) => r.borough === 'Wigan').reduce((s, r) => s + r.covered, 0);
    expect(first.body).toContain(`borough: Wigan; Sum of covered: ${String(wigan)}`);
    const res = await uploadCsv(
      t,
      `/api/v1/resources/${resourceId}/data?wait=true`,
      fx.tokens.editor,
      coverageCsv(coverageRows(6)),
    );
    expect(res.statusCode).toBe(201);
    const second = await t.app.inject('/dashboards/connectivity/tiles/3.svg');
    expect(second.body).not.toBe(first.body);
    const wigan2 = coverageRows(6)
      .filter((r) => r.borough === 'Wigan')
      .reduce((s, r) => s + r.covered, 0);
    expect(second.body).toContain(`borough: Wigan; Sum of covered: ${String(wigan2)}`);
    expect((await t.app.inject('/dashboards/connectivity/tiles/1.svg')).statusCode).toBe(404);
  });

  it('change with PATCH and read through the API', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/dashboards/connectivity',
      headers: bearer(fx.tokens.admin),
      payload: { title: 'Connectivity in the region' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const got = await t.app.inject('/api/v1/dashboards/connectivity');
    expect(got.json<{ title: string }>().title).toBe('Connectivity in the region');
    const all = await t.app.inject('/api/v1/dashboards');
    expect(all.json<{ results: { slug: string; tiles: number }[] }>().results).toEqual([
      expect.objectContaining({ slug: 'connectivity', tiles: 3 }),
    ]);
  });
});

describe('the publisher-area dashboard form', () => {
  it('composes a dashboard from tiles written as JSON, with mistakes shown on the form', async () => {
    const PASSWORD = 'correct horse battery staple';
    await setPassword(t.ctx, 'editor@gmca.example', PASSWORD);
    const browser = new PageClient(t.app);
    expect((await browser.signIn('editor@gmca.example', PASSWORD)).statusCode).toBe(303);
    const form = { slug: 'from-the-form', title: 'From the form', description: '' };
    const notJson = await browser.post('/publish/dashboards/new', { ...form, tiles: '[{' });
    expect(notJson.statusCode).toBe(422);
    expect(load(notJson.body)('#tiles-error').text()).toContain('JSON list');
    const unknown = await browser.post('/publish/dashboards/new', {
      ...form,
      tiles: '[{"kind": "indicator", "indicator": "no-such"}]',
    });
    expect(unknown.statusCode).toBe(422);
    expect(load(unknown.body)('#tiles-error').text()).toContain('tile 1');
    const ok = await browser.post('/publish/dashboards/new', {
      ...form,
      tiles: '[{"kind": "indicator", "indicator": "fibre"}]',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe('/dashboards/from-the-form');
    const page = load((await browser.get('/dashboards/from-the-form')).body);
    expect(page('.app-tile a').attr('href')).toBe('/indicators/fibre');
    const edit = load((await browser.get('/publish/dashboards/from-the-form/edit')).body);
    expect(edit('h1').length).toBe(1);
    expect(edit('#tiles').text()).toContain('"indicator": "fibre"');
  });
});
