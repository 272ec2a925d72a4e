import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import {
  coverageCsv,
  coverageRows,
  seedCombinedAuthorityEditor,
  uploadCsv,
} from '../helpers/indicator-fixture.js';

// Indicators anyone can check: each indicator over public data links to the SQL of its
// series, and running that SQL on the public endpoint, anonymously, gives the same numbers.

let t: TestApp;
let fx: Fixture;
let caToken: string;
const ids = { coverage: '', daily: '', private: '' };

/** Daily counts over six months, with a text category to filter on. */
const DAILY = `day,kind,n,amount\n${Array.from({ length: 180 }, (_, i) => {
  const d = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
  return `${d},${i % 3 === 0 ? 'pothole' : 'fly-tipping'},${String((i * 7) % 11)},${((i * 13) % 17) / 4}`;
}).join('\n')}\n`;

interface Detail {
  latest: { date: string; value: number } | null;
  series: { date: string; value: number }[];
  sql: string | null;
  sql_url: string | null;
}

const INDICATORS: [string, () => string, object][] = [
  [
    'mean-by-area',
    () => ids.coverage,
    { date: { field: 'quarter' }, value: { fn: 'avg', field: 'pct' }, group: 'borough' },
  ],
  [
    'sum',
    () => ids.coverage,
    { date: { field: 'quarter' }, value: { fn: 'sum', field: 'covered' } },
  ],
  [
    'ratio',
    () => ids.coverage,
    {
      date: { field: 'quarter' },
      value: { fn: 'sum', field: 'covered' },
      denominator: { fn: 'sum', field: 'premises' },
    },
  ],
  [
    'count-by-month',
    () => ids.daily,
    { date: { field: 'day', bucket: 'month' }, value: { fn: 'count' } },
  ],
  [
    'filtered-sum-by-quarter',
    () => ids.daily,
    {
      date: { field: 'day', bucket: 'quarter' },
      value: { fn: 'sum', field: 'n' },
      filters: [{ field: 'kind', op: 'eq', value: 'pothole' }],
    },
  ],
  [
    'cumulative-mean',
    () => ids.daily,
    {
      date: { field: 'day', bucket: 'month' },
      value: { fn: 'avg', field: 'amount' },
      cumulative: true,
    },
  ],
  [
    'distinct-kinds-by-year',
    () => ids.daily,
    { date: { field: 'day', bucket: 'year' }, value: { fn: 'count_distinct', field: 'kind' } },
  ],
];

async function create(slug: string, resourceId: string, query: object, token = caToken) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/indicators',
    headers: bearer(token),
    payload: {
      slug,
      title: slug,
      unit: 'n',
      direction: 'up',
      resource_id: resourceId,
      query,
      baseline: { value: 0, date: '2022-01-01' },
      target: { value: 100, date: '2026-01-01' },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  caToken = await seedCombinedAuthorityEditor(t.ctx);
  const upload = async (slug: string, csv: string) => {
    const res = await uploadCsv(
      t,
      `/api/v1/datasets/${slug}/resources?wait=true`,
      fx.tokens.admin,
      csv,
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  ids.coverage = await upload('bus-punctuality', coverageCsv(coverageRows(2)));
  ids.daily = await upload('fly-tipping-reports', DAILY);
  ids.private = await upload('staff-rota', coverageCsv(coverageRows(3)));
  for (const [slug, id, query] of INDICATORS) await create(slug, id(), query);
  await create('private-mean', ids.private, INDICATORS[0]?.[2] ?? {}, fx.tokens.admin);
});
afterAll(() => t.close());

describe('indicators anyone can check', () => {
  it.each(INDICATORS)(
    '%s: its SQL, run anonymously, gives its series and latest value',
    async (slug) => {
      const res = await t.app.inject(`/api/v1/indicators/${slug}`);
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json<Detail>();
      expect(d.sql).toMatch(/^WITH per_period AS \(SELECT .* FROM "[a-z-]+\/[a-z0-9-]+"/);
      expect(d.sql_url).toBe(
        `${t.ctx.config.baseUrl}/api/v1/sql?q=${encodeURIComponent(d.sql ?? '')}`,
      );
      const run = await t.app.inject((d.sql_url ?? '').replace(t.ctx.config.baseUrl, ''));
      expect(run.statusCode, run.body).toBe(200);
      const values = run
        .json<{ records: { period: unknown; value: number }[] }>()
        .records.map((r) => r.value);
      expect(d.series.length).toBeGreaterThan(0);
      expect(values).toEqual(d.series.map((p) => p.value));
      expect(values.at(-1)).toBe(d.latest?.value);
    },
  );

  it('links to the SQL from the indicator page, and to the /sql page with it', async () => {
    const res = await t.app.inject('/indicators/ratio');
    const $ = load(res.body);
    const d = (await t.app.inject('/api/v1/indicators/ratio')).json<Detail>();
    expect($('#check ~ pre code').text()).toBe(d.sql);
    const page = $('a:contains("SQL page")').attr('href') ?? '';
    expect(page).toBe(`/sql?q=${encodeURIComponent(d.sql ?? '')}`);
    const sqlPage = await t.app.inject(page);
    expect(sqlPage.statusCode).toBe(200);
    expect(load(sqlPage.body)('table.app-data-table tbody tr')).toHaveLength(d.series.length);
  });

  it('shows no SQL for an indicator over private data, even to a member who can see it', async () => {
    const res = await t.app.inject({
      url: '/api/v1/indicators/private-mean',
      headers: bearer(fx.tokens.member),
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<Detail>();
    expect(d.latest).not.toBeNull();
    expect(d.sql).toBeNull();
    expect(d.sql_url).toBeNull();
    const page = await t.app.inject({
      url: '/indicators/private-mean',
      headers: bearer(fx.tokens.member),
    });
    expect(load(page.body)('#check')).toHaveLength(0);
  });
});
