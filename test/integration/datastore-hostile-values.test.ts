import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';
import { TYPED_FIELDS, typedResource } from '../helpers/typed-resource.js';

let t: TestApp;
let fx: Fixture;
let id = '';

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  id = await typedResource(t, fx);
});
afterAll(() => t.close());

const b64 = (s: string) => Buffer.from(s).toString('base64url');

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; message: string }[] };
}

describe('values a column cannot hold are a 400 naming the parameter, never a 500', () => {
  it('has a column of every type', async () => {
    const res = await t.app.inject(`/api/v1/resources/${id}`);
    const fields = res.json<{ datastore: { fields: { name: string; type: string }[] } }>();
    expect(Object.fromEntries(fields.datastore.fields.map((f) => [f.name, f.type]))).toEqual(
      TYPED_FIELDS,
    );
  });

  it.each([
    ['filter=day:eq:2024-02-30', 'filter', 'is not a date'],
    ['filter=at:gt:2024-02-30', 'filter', 'is not a date and time'],
    ['filter=at:gt:Jan 1 2024', 'filter', 'is not a date and time'],
    ['filter=at:gt:+275760-01-01', 'filter', 'is not a date and time'],
    ['filter=at:lt:9999-12-31T23:00:00-05:00', 'filter', 'years 1 to 9999'],
    ['filter=day:gte:+275760-01-01', 'filter', 'is not a date'],
    ['filter=big:gt:1e19', 'filter', 'is not a whole number'],
    ['filter=n:in:1|2|99999999999999999999', 'filter', 'is not a whole number'],
    ['filter=:within_bbox:-1e309,-1,1,1', 'filter', 'four finite numbers'],
    ['filter=:within_bbox:1,1,-1,-1', 'filter', 'minimum is above the maximum'],
    [`cursor=${b64('null')}`, 'cursor', 'not valid'],
    [`cursor=${b64('[]')}`, 'cursor', 'not valid'],
    [`cursor=${b64('{"h":null,"k":[1]}')}`, 'cursor', 'not valid'],
    [`sort=n&cursor=${b64('{"h":"x","k":[{"a":1},2]}')}`, 'cursor', 'not valid'],
    ['sort=nope', 'sort', 'no field'],
    ['aggregate=sum:name', 'aggregate', 'needs a number'],
  ])('GET /query?%s', async (query, parameter, reason) => {
    for (const path of ['query', 'export.csv']) {
      const res = await t.app.inject(`/api/v1/resources/${id}/${path}?${encodeURI(query)}`);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      const { error } = res.json<ErrorBody>();
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain(reason);
      expect(error.details[0]?.field).toBe(parameter);
    }
  });

  it('refuses groups as GeoJSON (found by the fuzz test: a 500)', async () => {
    const res = await t.app.inject(`/api/v1/resources/${id}/query?aggregate=count&format=geojson`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorBody>().error.details[0]?.field).toBe('format');
  });

  it('the JSON query names its body fields', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/resources/${id}/query`,
      payload: {
        filters: [
          { field: 'd', op: 'gt', value: 1e308 },
          { field: 'day', op: 'eq', value: 20240101 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<ErrorBody>().error.details[0]?.field).toBe('filters');
  });

  it('compares huge decimals and a world-sized bounding box without failing', async () => {
    for (const query of ['filter=d:gt:1e300', 'filter=:within_bbox:-1e308,-1e308,1e308,1e308']) {
      const res = await t.app.inject(`/api/v1/resources/${id}/query?${query}`);
      expect(res.statusCode, res.body).toBe(200);
    }
  });

  it('shows the table page a bad value as an error summary, not a 500', async () => {
    for (const query of [
      'field=day&op=eq&value=2024-02-30',
      'field=at&op=gt&value=Jan%201%202024',
      `page=2&cursor=${b64('null')}`,
    ]) {
      const res = await t.app.inject(`/datasets/fly-tipping-reports/resources/${id}?${query}`);
      expect(res.statusCode, query).toBe(400);
      const $ = load(res.body);
      expect($('.govuk-error-summary').text(), query).toMatch(/not a date|not valid/);
    }
  });
});
