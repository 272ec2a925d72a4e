import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/fixture.js';
import { seedSqlFixture, sqlGet, type SqlFixture } from '../helpers/sql-fixture.js';

let t: TestApp;
let fx: SqlFixture;

interface Answer {
  fields: { name: string; type: string }[];
  records: Record<string, unknown>[];
  truncated: boolean;
  elapsed_ms: number;
}

const ok = async (sql: string, token?: string) => {
  const res = await sqlGet(t, sql, token);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Answer>();
};

beforeAll(async () => {
  t = await createTestApp({ sqlMaxRows: 50 });
  fx = await seedSqlFixture(t);
});
afterAll(() => t.close());

describe('the SQL endpoint', () => {
  it('answers a query over a public table by its dataset and resource names', async () => {
    const answer = await ok(
      'SELECT route, sum(on_time) AS on_time FROM "bus-punctuality/routes" GROUP BY route ORDER BY route',
    );
    expect(answer.fields).toEqual([
      { name: 'route', type: 'BIGINT' },
      { name: 'on_time', type: 'HUGEINT' },
    ]);
    expect(answer.records).toEqual([
      { route: 1, on_time: 172 },
      { route: 2, on_time: 87 },
      { route: 3, on_time: 10 },
    ]);
    expect(answer.truncated).toBe(false);
    expect(answer.elapsed_ms).toBeGreaterThanOrEqual(0);
  });

  it('joins two tables, aggregates, and reads a past version with @n or the resource id', async () => {
    const joined = await ok(
      `SELECT s.borough, count(*) AS n, avg(r.on_time / r.trips) AS share
         FROM "bus-punctuality/routes" r JOIN "air-quality/bus-stops" s USING (route)
        GROUP BY s.borough ORDER BY s.borough`,
    );
    expect(joined.records).toEqual([
      { borough: 'Bolton', n: 3, share: (0.91 + 0.81 + 0.5) / 3 },
      { borough: 'Wigan', n: 2, share: (0.92 + 0.82) / 2 },
    ]);
    const v1 = await ok('SELECT count(*) AS n FROM "bus-punctuality/routes@1"');
    expect(v1.records).toEqual([{ n: 4 }]);
    const byId = await ok(`SELECT count(*) AS n FROM "${fx.ids.routes}@2"`);
    expect(byId.records).toEqual([{ n: 5 }]);
  });

  it('binds named parameters sent with POST', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sql',
      payload: {
        sql: 'SELECT route, on_time FROM "bus-punctuality/routes" WHERE route = $route AND month = $month',
        params: { route: 2, month: '2024-02-01' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Answer>().records).toEqual([{ route: 2, on_time: 41 }]);
  });

  it('streams CSV and NDJSON', async () => {
    const sql = 'SELECT route, stop FROM "air-quality/bus-stops" ORDER BY route';
    const csv = await sqlGet(t, sql, undefined, '&format=csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe(
      'route,stop\r\n1,Bradshawgate\r\n2,Wigan Bus Station\r\n3,Market Street\r\n',
    );
    const nd = await sqlGet(t, sql, undefined, '&format=ndjson');
    expect(nd.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(
      nd.body
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { route: 1, stop: 'Bradshawgate' },
      { route: 2, stop: 'Wigan Bus Station' },
      { route: 3, stop: 'Market Street' },
    ]);
  });

  it('defuses spreadsheet formulas in CSV but keeps NDJSON as it is', async () => {
    const sql = "SELECT '=HYPERLINK(1)' AS a, '-5' AS b, -5 AS n, '@x' AS c";
    const csv = await sqlGet(t, sql, undefined, '&format=csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toBe("a,b,n,c\r\n'=HYPERLINK(1),'-5,-5,'@x\r\n");
    const nd = await sqlGet(t, sql, undefined, '&format=ndjson');
    expect(JSON.parse(nd.body.trim())).toEqual({ a: '=HYPERLINK(1)', b: '-5', n: -5, c: '@x' });
  });

  it('says when rows were left off at SQL_MAX_ROWS', async () => {
    const answer = await ok(
      'SELECT * FROM "bus-punctuality/routes" a, "bus-punctuality/routes" b, "bus-punctuality/routes" c',
    );
    expect(answer.records).toHaveLength(50);
    expect(answer.truncated).toBe(true);
    const csv = await sqlGet(
      t,
      'SELECT * FROM "bus-punctuality/routes" a, "bus-punctuality/routes" b, "bus-punctuality/routes" c',
      undefined,
      '&format=csv',
    );
    expect(csv.body.trim().split('\r\n')).toHaveLength(51);
  });

  it('shows a private table to members of its organisation only, and a draft one never to the public', async () => {
    const rota = 'SELECT name FROM "staff-rota/rota" ORDER BY name';
    expect((await ok(rota, fx.tokens.member)).records).toEqual([
      { name: 'Alice' },
      { name: 'Bob' },
    ]);
    for (const token of [undefined, fx.tokens.outsider, fx.tokens.otherEditor]) {
      const res = await sqlGet(t, rota, token);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('unknown_table');
    }
    expect((await sqlGet(t, `SELECT * FROM "${fx.ids.rota}"`)).statusCode).toBe(400);
    expect((await sqlGet(t, 'SELECT * FROM "draft-cycle-counts/counts"')).statusCode).toBe(400);
    expect(
      (await ok('SELECT sum(cycles) AS n FROM "draft-cycle-counts/counts"', fx.tokens.editor))
        .records,
    ).toEqual([{ n: 30 }]);
  });
});

describe('the /sql page', () => {
  it('runs the query in its address, without JavaScript, with links to the same result', async () => {
    const sql = 'SELECT route, stop FROM "air-quality/bus-stops" ORDER BY route';
    const res = await t.app.inject(`/sql?q=${encodeURIComponent(sql)}`);
    expect(res.statusCode, res.body).toBe(200);
    const $ = load(res.body);
    expect($('textarea#q').text()).toBe(sql);
    expect($('form[action="/sql"]').attr('method')).toBe('get');
    const cells = $('table.app-data-table tbody tr')
      .map((_, tr) =>
        $(tr)
          .find('td')
          .map((__, td) => $(td).text())
          .get()
          .join('|'),
      )
      .get();
    expect(cells).toEqual(['1|Bradshawgate', '2|Wigan Bus Station', '3|Market Street']);
    const csvHref = $('a:contains("CSV")').attr('href') ?? '';
    const csv = await t.app.inject(csvHref.replace(t.ctx.config.baseUrl, ''));
    expect(csv.body).toContain('Wigan Bus Station');
    // The tables the visitor may query, with their columns; not the private or draft ones.
    const tables = $('details summary code')
      .map((_, c) => $(c).text())
      .get();
    expect(tables).toEqual(['"air-quality/bus-stops"', '"bus-punctuality/routes"']);
  });

  it('shows a refused query in a GOV.UK error summary', async () => {
    const res = await t.app.inject(
      `/sql?q=${encodeURIComponent("SELECT * FROM read_csv('/etc/passwd')")}`,
    );
    expect(res.statusCode).toBe(400);
    const $ = load(res.body);
    expect($('.govuk-error-summary').text()).toMatch(/Table functions/);
    expect($('title').text()).toMatch(/^Error: /);
  });

  it('lists a private table for a member signed in with a token', async () => {
    const res = await t.app.inject({ url: '/sql', headers: bearer(fx.tokens.member) });
    const $ = load(res.body);
    expect(
      $('details summary code')
        .map((_, c) => $(c).text())
        .get(),
    ).toContain('"staff-rota/rota"');
  });
});

describe('the resource page', () => {
  it('links a tabular resource to /sql with a first query over its table', async () => {
    const res = await t.app.inject(`/datasets/air-quality/resources/${fx.ids.stops}`);
    expect(res.statusCode).toBe(200);
    const href = load(res.body)('a:contains("Query with SQL")').attr('href') ?? '';
    expect(decodeURIComponent(href)).toBe('/sql?q=SELECT * FROM "air-quality/bus-stops" LIMIT 100');
    const page = await t.app.inject(href);
    expect(load(page.body)('table.app-data-table tbody tr')).toHaveLength(3);
  });
});

describe('SQL_ENABLED=false', () => {
  it('serves neither the endpoint nor the page, and links to neither', async () => {
    const off = await createTestApp({ sqlEnabled: false });
    try {
      expect((await sqlGet(off, 'SELECT 1')).statusCode).toBe(404);
      expect((await off.app.inject('/sql')).statusCode).toBe(404);
      expect(load((await off.app.inject('/api/docs')).body)('a[href="/sql"]')).toHaveLength(0);
    } finally {
      await off.close();
    }
  });
});

describe('a deleted dataset', () => {
  it('has no tables, not even for its editors who may still read it', async () => {
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/datasets/draft-cycle-counts',
      headers: bearer(fx.tokens.editor),
    });
    expect(del.statusCode, del.body).toBe(204);
    for (const sql of [
      'SELECT * FROM "draft-cycle-counts/counts"',
      `SELECT * FROM "${fx.ids.counts}"`,
    ]) {
      const res = await sqlGet(t, sql, fx.tokens.editor);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('unknown_table');
    }
  });
});
