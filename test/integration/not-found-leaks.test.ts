import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import {
  coverageCsv,
  coverageRows,
  seedCombinedAuthorityEditor,
  uploadCsv,
} from '../helpers/indicator-fixture.js';

let t: TestApp;
let fx: Fixture;
let resourceId = '';

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  const caToken = await seedCombinedAuthorityEditor(t.ctx);
  const res = await uploadCsv(
    t,
    '/api/v1/datasets/bus-punctuality/resources?wait=true',
    fx.tokens.editor,
    coverageCsv(coverageRows(2)),
  );
  resourceId = res.json<{ id: string }>().id;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/indicators',
    headers: bearer(caToken),
    payload: {
      slug: 'coverage',
      title: 'Coverage',
      unit: '%',
      direction: 'up',
      resource_id: resourceId,
      query: { date: { field: 'quarter' }, value: { fn: 'avg', field: 'pct' } },
      baseline: { value: 20, date: '2022-01-01' },
      target: { value: 60, date: '2024-01-01' },
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  // The data goes private: the indicator over it is hidden from everyone else.
  const patched = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/datasets/bus-punctuality',
    headers: bearer(fx.tokens.editor),
    payload: { visibility: 'private' },
  });
  expect(patched.statusCode, patched.body).toBe(200);
});
afterAll(() => t.close());

describe('a 404 names nothing the caller cannot see', () => {
  it.each([
    '/api/v1/indicators/coverage',
    '/indicators/coverage',
    '/indicators/coverage/chart.svg',
  ])('%s', async (url) => {
    const res = await t.app.inject(url);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(resourceId);
  });
});
