import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { PageClient } from '../helpers/pages.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import {
  coverageCsv,
  coverageRows,
  QUARTERS,
  seedCombinedAuthorityEditor,
  uploadCsv,
  type CoverageRow,
} from '../helpers/indicator-fixture.js';

let t: TestApp;
let fx: Fixture;
let caToken: string;
let resourceId: string;

interface Detail {
  slug: string;
  version: number;
  latest: { date: string; value: number } | null;
  series: { date: string; value: number }[];
  groups: { group: string; latest: { date: string; value: number } | null }[];
  forecast: { on_track: boolean | null; points: unknown[] };
  suggested_status: string;
  progress: number | null;
}

const quarterStart = (q: string) =>
  `${q.slice(0, 4)}-${String((Number(q.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;

/** The averages and ratios, computed here from the rows, not by the datastore. */
function expectedAverage(rows: CoverageRow[]) {
  return QUARTERS.map((q) => {
    const of = rows.filter((r) => r.quarter === q);
    return {
      date: quarterStart(q),
      value: of.reduce((s, r) => s + Number(r.pct.toFixed(1)), 0) / of.length,
    };
  });
}
function expectedRatio(rows: CoverageRow[]) {
  return QUARTERS.map((q) => {
    const of = rows.filter((r) => r.quarter === q);
    const covered = of.reduce((s, r) => s + r.covered, 0);
    return {
      date: quarterStart(q),
      value: (100 * covered) / of.reduce((s, r) => s + r.premises, 0),
    };
  });
}

const definition = (slug: string, extra: object = {}) => ({
  slug,
  title: 'Premises with full fibre',
  unit: '%',
  direction: 'up',
  resource_id: resourceId,
  query: { date: { field: 'quarter' }, value: { fn: 'avg', field: 'pct' }, group: 'borough' },
  baseline: { value: 20, date: '2022-01-01' },
  target: { value: 60, date: '2024-01-01' },
  ...extra,
});

const get = async (slug: string) => {
  const res = await t.app.inject(`/api/v1/indicators/${slug}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
};

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
  expect(res.statusCode, res.body).toBe(201);
  resourceId = res.json<{ id: string }>().id;
});
afterAll(() => t.close());

describe('indicators', () => {
  it('only site admins and the combined authority’s editors create them, and each write is audited', async () => {
    const post = (token: string | null, body: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/indicators',
        headers: token ? bearer(token) : {},
        payload: body,
      });
    expect((await post(null, definition('fibre'))).statusCode).toBe(401);
    expect((await post(fx.tokens.outsider, definition('fibre'))).statusCode).toBe(403);
    expect((await post(fx.tokens.editor, definition('fibre'))).statusCode).toBe(403);
    const created = await post(caToken, definition('fibre'));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.location).toBe('/indicators/fibre');
    const ratio = await post(
      fx.tokens.admin,
      definition('fibre-ratio', {
        query: {
          date: { field: 'quarter' },
          value: { fn: 'sum', field: 'covered' },
          denominator: { fn: 'sum', field: 'premises' },
        },
      }),
    );
    expect(ratio.statusCode, ratio.body).toBe(201);
    const audit = await t.ctx.db.kysely
      .selectFrom('activities')
      .select(['action', 'subject_type'])
      .where('subject_type', '=', 'indicator')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['indicator.created', 'indicator.created']);
  });

  it('refuses a query over a column the resource does not have', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators',
      headers: bearer(caToken),
      payload: definition('broken', {
        query: { date: { field: 'quarter' }, value: { fn: 'avg', field: 'nope' } },
      }),
    });
    expect(res.statusCode, res.body).toBe(422);
  });

  it('equals the same aggregate computed from the rows', async () => {
    const rows = coverageRows(2);
    const fibre = await get('fibre');
    expect(fibre.version).toBe(1);
    const expected = expectedAverage(rows);
    expect(fibre.series.map((p) => p.date)).toEqual(expected.map((p) => p.date));
    fibre.series.forEach((p, i) => {
      expect(p.value).toBeCloseTo(expected[i]?.value ?? NaN, 9);
    });
    const wigan = fibre.groups.find((g) => g.group === 'Wigan');
    const lastWigan = rows.filter((r) => r.borough === 'Wigan').at(-1);
    expect(wigan?.latest?.value).toBeCloseTo(Number(lastWigan?.pct.toFixed(1)), 9);
    const ratio = await get('fibre-ratio');
    expectedRatio(rows).forEach((p, i) => {
      expect(ratio.series[i]?.value).toBeCloseTo(p.value, 9);
    });
    // 2 points a quarter from ~23 will not reach 60 by 2024: the forecast says so.
    expect(fibre.forecast.on_track).toBe(false);
    expect(fibre.suggested_status).toBe('stalled');
    const list = await t.app.inject('/api/v1/indicators');
    expect(list.json<{ results: { slug: string }[] }>().results.map((r) => r.slug)).toEqual([
      'fibre',
      'fibre-ratio',
    ]);
  });

  it('changes, with its suggested status, when the data gets a new version', async () => {
    const rows = coverageRows(6);
    const res = await uploadCsv(
      t,
      `/api/v1/resources/${resourceId}/data?wait=true`,
      fx.tokens.editor,
      coverageCsv(rows),
    );
    expect(res.statusCode, res.body).toBe(201);
    const fibre = await get('fibre');
    expect(fibre.version).toBe(2);
    expect(fibre.latest?.value).toBeCloseTo(expectedAverage(rows).at(-1)?.value ?? NaN, 9);
    expect(fibre.forecast.on_track).toBe(true);
    expect(fibre.suggested_status).toBe('in-the-works');
  });

  it('lets an editor move the target, recorded with what changed', async () => {
    const anon = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/indicators/fibre',
      payload: { target: { value: 50, date: '2024-01-01' } },
    });
    expect(anon.statusCode).toBe(401);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/indicators/fibre',
      headers: bearer(caToken),
      payload: { target: { value: 50, date: '2024-01-01' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>().suggested_status).toBe('kept');
    const last = await t.ctx.db.kysely
      .selectFrom('activities')
      .select(['action', 'diff'])
      .where('subject_type', '=', 'indicator')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.action).toBe('indicator.updated');
    expect(JSON.parse(last.diff)).toEqual({
      target: { from: { value: 60, date: '2024-01-01' }, to: { value: 50, date: '2024-01-01' } },
    });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/indicators', '/api/v1/indicators/{slug}']),
    );
  });
});

describe('indicator pages', () => {
  const validSvg = (body: string) => {
    const $ = load(body, { xml: true });
    expect($.root().children().first().prop('tagName')?.toLowerCase()).toBe('svg');
    expect(body.trim().endsWith('</svg>')).toBe(true);
  };

  it('show the latest value, the outlook and the borough ranking under one h1', async () => {
    const res = await t.app.inject('/indicators/fibre');
    expect(res.statusCode).toBe(200);
    const $ = load(res.body);
    expect($('h1').length).toBe(1);
    expect($('h1').text()).toBe('Premises with full fibre');
    const detail = await get('fibre');
    const latest = detail.latest?.value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
    expect($('.govuk-summary-list').text()).toContain(`${latest ?? ''}%`);
    expect($('main').text()).toContain('Target met');
    const ranked = $('table')
      .eq(1)
      .find('tbody tr')
      .map((_, tr) => $(tr).find('td').eq(1).text())
      .get();
    expect(ranked).toEqual(['Wigan', 'Bury', 'Bolton']);
    expect($('img[src="/indicators/fibre/chart.svg"]').attr('alt')).toContain('forecast');
    const list = load((await t.app.inject('/indicators')).body);
    expect(list('h1').length).toBe(1);
    expect(list('a[href="/indicators/fibre"]').text()).toBe('Premises with full fibre');
  });

  it('serve the chart, ranking, lines and sparkline as valid SVG', async () => {
    for (const file of ['chart.svg', 'ranked.svg', 'over-time.svg', 'sparkline.svg']) {
      const res = await t.app.inject(`/indicators/fibre/${file}`);
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['content-type']).toContain('image/svg+xml');
      validSvg(res.body);
    }
    // No boundaries for these fixture councils: no map, and no broken image on the page.
    expect((await t.app.inject('/indicators/fibre/map.svg')).statusCode).toBe(404);
    expect(load((await t.app.inject('/indicators/fibre')).body)('img[src$="map.svg"]').length).toBe(
      0,
    );
    expect((await t.app.inject('/indicators/nope')).statusCode).toBe(404);
  });
});

describe('the publisher-area indicator form', () => {
  const PASSWORD = 'correct horse battery staple';

  it('lets the combined authority’s editor add an indicator, with errors shown in the form', async () => {
    await setPassword(t.ctx, 'editor@gmca.example', PASSWORD);
    await setPassword(t.ctx, 'editor@bolton.example', PASSWORD);
    const council = new PageClient(t.app);
    await council.signIn('editor@bolton.example', PASSWORD);
    expect((await council.get('/publish/indicators/new')).statusCode).toBe(403);

    const browser = new PageClient(t.app);
    expect((await browser.signIn('editor@gmca.example', PASSWORD)).statusCode).toBe(303);
    const form = {
      slug: 'fibre-form',
      title: 'Fibre from the form',
      unit: '%',
      direction: 'up',
      resource_id: resourceId,
      date_field: 'quarter',
      bucket: '',
      value_fn: 'avg',
      value_field: 'nope',
      group: 'borough',
      baseline_value: '20',
      baseline_date: '2022-01-01',
      target_value: 'lots',
      target_date: '2024-01-01',
    };
    const bad = await browser.post('/publish/indicators/new', form);
    expect(bad.statusCode).toBe(422);
    const $bad = load(bad.body);
    expect($bad('title').text()).toMatch(/^Error: /);
    expect($bad('.govuk-error-summary').text()).toContain('Enter the target value as a number');
    const tooLong = await browser.post('/publish/indicators/new', {
      ...form,
      target_value: '60',
      unit: 'x'.repeat(41),
    });
    expect(tooLong.statusCode).toBe(422);
    expect(load(tooLong.body)('#unit-error').text()).toContain('not valid');
    const unknownColumn = await browser.post('/publish/indicators/new', {
      ...form,
      target_value: '60',
    });
    expect(unknownColumn.statusCode).toBe(422);
    expect(load(unknownColumn.body)('.govuk-error-summary a').attr('href')).toBe('#value_field');
    const ok = await browser.post('/publish/indicators/new', {
      ...form,
      target_value: '60',
      value_field: 'pct',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe('/indicators/fibre-form');
    const api = await get('fibre-form');
    expect(api.series.length).toBe(QUARTERS.length);
    const list = load((await browser.get('/publish/indicators')).body);
    expect(list('h1').length).toBe(1);
    expect(list('a[href="/publish/indicators/fibre-form/edit"]').length).toBe(1);
  });
});
