import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { EXPORT_FORMATS } from '../../src/features/datastore/export-formats.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';
import { TYPED_FIELDS, typedResource } from '../helpers/typed-resource.js';

// Random and hostile values at every parameter of every datastore route, API and pages: none
// may answer 5xx, and every API 4xx has the one error shape (a 400 naming a parameter). Seeded:
// a failure prints the seed and path; FUZZ_SEED=<seed> replays it.
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
console.log(`datastore fuzz: FUZZ_SEED=${String(SEED)} FUZZ_RUNS=${String(RUNS)}`);

let t: TestApp;
let fx: Fixture;
let id = '';

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  id = await typedResource(t, fx);
});
/** Statuses seen, printed at the end: a run that only ever meets 400s tests little. */
const seen = new Map<string, number>();
const tally = (kind: string, res: LightMyRequestResponse) => {
  const key = `${kind} ${String(res.statusCode)}`;
  seen.set(key, (seen.get(key) ?? 0) + 1);
};
afterAll(async () => {
  console.log('datastore fuzz statuses:', JSON.stringify(Object.fromEntries([...seen].sort())));
  await t.close();
});

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const FIELDS = [...Object.keys(TYPED_FIELDS), '_id', '_minx', 'nope', ''];
const OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains', 'starts_with'];
const NO_VALUE_OPS = ['is_null', 'not_null', 'within_bbox', 'evil'];

const nasty = fc.constantFrom(
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  '-1e308',
  '1e309',
  '1e19',
  '-9223372036854775809',
  '9007199254740993',
  '0x1F',
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '0000-01-01',
  '+275760-01-01',
  '-000001-01-01',
  '9999-12-31T23:59:59-12:00',
  '2024-01-01T24:00:00Z',
  '2024-01-01T10:00:00+99:00',
  'Jan 1 2024',
  'true',
  'null',
  '[1,2]',
  '{"a":1}',
  "' OR 1=1 --",
  '"; DROP TABLE datasets; --',
  "'); COPY (SELECT 1) TO '/tmp/x'; --",
  '\u0000',
  '\r\n\t',
  '\u202e\u200b',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '%00',
  '../../etc/passwd',
  '-1e308,-1e308,1e308,1e308',
  '1,2,3',
  'a|b|c',
  '|||',
  b64('null'),
  b64('{"h":"x","k":[null]}'),
  b64('{"h":1,"k":{}}'),
  'x'.repeat(5000),
);
const number = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
);
const date = fc
  .tuple(
    fc.integer({ min: -1, max: 300_000 }),
    fc.integer({ min: 0, max: 14 }),
    fc.integer({ min: 0, max: 33 }),
  )
  .map(
    ([y, m, d]) =>
      `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
/** Any value a parameter could be given. */
const value = fc.oneof(nasty, number, date, text);

const field = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FIELDS) }, text);
const known = <T>(...values: T[]) => fc.constantFrom(...values);
/** Mostly a value that gets past the schema to the query, sometimes anything. */
const mostly = (plausible: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: value });
const filter = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(field, known(...OPS), value).map(([f, op, v]) => `${f}:${op}:${v}`),
  },
  fc.tuple(field, known(...NO_VALUE_OPS), value).map(([f, op, v]) => `${f}:${op}:${v}`),
  value,
);
/** A parameter's value, once or repeated (an array, as `?a=1&a=2` gives). */
const param = (arb: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 4, arbitrary: arb },
    { weight: 1, arbitrary: fc.array(arb, { minLength: 2, maxLength: 3 }) },
  );
const int = (min: number, max: number) => fc.integer({ min, max }).map(String);

const QUERY_PARAMS = {
  filter: param(filter),
  q: param(value),
  sort: param(mostly(known(...FIELDS.map((f) => `-${f}`), ...FIELDS, 'n,-day'))),
  fields: param(mostly(known(...FIELDS, 'n,day', 'name,,', '_id,geometry'))),
  limit: param(mostly(int(0, 10_001))),
  offset: param(mostly(int(0, 40))),
  cursor: param(value),
  version: param(mostly(known('1', '2'))),
  group_by: param(mostly(known('name', 'day:month', 'at:year', 'n:week', 'ok:bogus', 'ok,name'))),
  aggregate: param(
    mostly(known('count', 'sum:d', 'median:day', 'avg:name', 'count::x', 'max:n:1bad', 'sum:big')),
  ),
  format: param(mostly(known('json', 'geojson'))),
  page: param(mostly(int(0, 5))),
  per_page: param(mostly(int(0, 1001))),
};
type Params = Record<string, string | string[]>;

/** A few of the parameters, each with a generated value, and now and then one nobody knows. */
function paramsOf(names: (keyof typeof QUERY_PARAMS)[]): fc.Arbitrary<Params> {
  const chosen = fc
    .subarray(names, { maxLength: 3 })
    .chain((some) =>
      fc.record(Object.fromEntries(some.map((n) => [n, QUERY_PARAMS[n]]))),
    ) as fc.Arbitrary<Params>;
  const extra = fc.oneof(
    { weight: 9, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.tuple(text, value) },
  );
  return fc.tuple(chosen, extra).map(([p, e]) => (e ? { ...p, [e[0] || 'x']: e[1] } : p));
}

function url(path: string, params: Params): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) qs.append(k, one);
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

const ALL = Object.keys(QUERY_PARAMS) as (keyof typeof QUERY_PARAMS)[];
/** The parameters GET /query takes, and those of an export (the format is the path's). */
const QUERY = ALL.filter((n) => n !== 'page' && n !== 'per_page');
const EXPORT = QUERY.filter((n) => n !== 'format');
const api = (suffix: string) => `/api/v1/resources/${id}${suffix}`;
const page = (suffix: string) => `/datasets/fly-tipping-reports/resources/${id}${suffix}`;

function expectApiAnswer(res: LightMyRequestResponse, where: string): void {
  tally('api', res);
  expect(res.statusCode, `${where}: ${res.body.slice(0, 500)}`).toBeLessThan(500);
  if (res.statusCode < 400 || res.body === '') return; // HEAD has no body
  const body = res.json<{ error?: { code?: unknown; message?: unknown; details?: unknown } }>();
  expect(typeof body.error?.code, where).toBe('string');
  expect(typeof body.error?.message, where).toBe('string');
  if (res.statusCode === 400) {
    const details = body.error?.details as { field?: unknown }[] | undefined;
    expect(
      Array.isArray(details) && typeof details[0]?.field === 'string',
      `${where}: ${res.body}`,
    ).toBe(true);
  }
}

function expectPageAnswer(res: LightMyRequestResponse, where: string): void {
  tally('page', res);
  expect(res.statusCode, `${where}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400 && String(res.headers['content-type']).startsWith('text/html')) {
    expect(res.body, where).toMatch(/govuk-error-summary|govuk-heading-l/);
  }
}

const options = { seed: SEED, numRuns: RUNS };

describe(`hostile values at every datastore parameter (seed ${String(SEED)})`, () => {
  it('GET /query', async () => {
    await fc.assert(
      fc.asyncProperty(paramsOf(QUERY), async (p) => {
        const where = url(api('/query'), p);
        expectApiAnswer(await t.app.inject(where), where);
      }),
      options,
    );
  });

  it('POST /query with hostile JSON bodies', async () => {
    const scalar = fc.oneof(value, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
    const body = fc.record(
      {
        filters: fc.array(
          fc.record(
            {
              field: field,
              op: fc.constantFrom(...OPS, ...NO_VALUE_OPS),
              value: fc.oneof(scalar, fc.array(scalar, { maxLength: 5 })),
            },
            { requiredKeys: ['op'] },
          ),
          { maxLength: 3 },
        ),
        q: value,
        sort: fc.array(fc.record({ field: field, dir: fc.constantFrom('asc', 'desc') }), {
          maxLength: 2,
        }),
        fields: fc.array(field, { maxLength: 3 }),
        limit: fc.oneof(fc.integer(), fc.double()),
        offset: fc.integer(),
        cursor: value,
        version: fc.integer(),
        group_by: fc.array(
          fc.oneof(field, fc.record({ field, bucket: fc.constantFrom('month', 'bad') })),
          {
            maxLength: 2,
          },
        ),
        aggregates: fc.array(
          fc.record(
            { fn: fc.constantFrom('count', 'sum', 'median', 'x'), field },
            { requiredKeys: ['fn'] },
          ),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.constantFrom('', '?format=geojson', '?format=xml'),
        async (payload, qs) => {
          const res = await t.app.inject({ method: 'POST', url: api(`/query${qs}`), payload });
          expectApiAnswer(res, `POST /query${qs} ${JSON.stringify(payload).slice(0, 500)}`);
        },
      ),
      options,
    );
  });

  it('GET /export.{format}', async () => {
    // Every real format, and two that are not (unknown, wrong case).
    const fmt = fc.constantFrom(...EXPORT_FORMATS, 'xml', 'CSV');
    await fc.assert(
      fc.asyncProperty(fmt, paramsOf(EXPORT), fc.boolean(), async (f, p, head) => {
        const where = url(api(`/export.${f}`), p);
        expectApiAnswer(await t.app.inject({ method: head ? 'HEAD' : 'GET', url: where }), where);
      }),
      options,
    );
  });

  it('GET the resource, its versions and a load', async () => {
    const suffix = fc.constantFrom('', '/versions', `/loads/${id}`, '/loads/not-a-uuid');
    await fc.assert(
      fc.asyncProperty(
        suffix,
        paramsOf(['page', 'per_page', 'version', 'format']),
        async (s, p) => {
          const where = url(api(s), p);
          expectApiAnswer(await t.app.inject(where), where);
        },
      ),
      options,
    );
  });

  it('the table page', async () => {
    const pageParams = fc.record(
      {
        field: param(field),
        op: param(fc.oneof(fc.constantFrom(...OPS, ...NO_VALUE_OPS), value)),
        value: param(value),
        page: param(value),
        limit: param(value),
        sort: param(fc.oneof(fc.constantFrom(...FIELDS.map((f) => `-${f}`)), value)),
        q: param(value),
        cursor: param(value),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<Params>;
    await fc.assert(
      fc.asyncProperty(pageParams, async (p) => {
        const where = url(page(''), p);
        expectPageAnswer(await t.app.inject(where), where);
      }),
      options,
    );
  });

  it('the chart page and its files, the map, fields and versions pages', async () => {
    const suffix = fc.constantFrom(
      '/chart',
      '/chart.svg',
      '/chart.vl.json',
      '/map',
      '/fields',
      '/versions',
    );
    const chartParams = fc.record(
      {
        type: param(fc.oneof(fc.constantFrom('bar', 'line', 'scatter', 'area'), value)),
        x: param(field),
        bucket: param(fc.oneof(fc.constantFrom('day', 'week', 'month', 'quarter', 'year'), value)),
        agg: param(fc.oneof(fc.constantFrom('count', 'sum', 'avg', 'min', 'max', 'median'), value)),
        y: param(field),
        group: param(field),
        page: param(value),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<Params>;
    await fc.assert(
      fc.asyncProperty(suffix, chartParams, async (s, p) => {
        const where = url(page(s), p);
        expectPageAnswer(await t.app.inject(where), where);
      }),
      { ...options, numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
