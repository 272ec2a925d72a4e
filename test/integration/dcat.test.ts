import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';
import {
  canonical,
  hasDcatShapes,
  parseJsonLd,
  parseRdfXml,
  parseTurtle,
  shaclValidator,
} from '../helpers/rdf.js';

let t: TestApp;
let fx: Fixture;
let csvId: string;
const BASE = 'http://localhost:8080';

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await createTestApp({ baseUrl: BASE });
  fx = await seedFixture(t.ctx);
  const patch = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/datasets/bus-punctuality',
    headers: bearer(fx.tokens.editor),
    payload: {
      update_frequency: 'monthly',
      temporal_coverage: { start: '2024-01-01', end: '2024-12-31' },
      spatial_coverage: 'Bolton',
      contact: { name: 'Transport data team', email: 'transport.data@bolton.example' },
    },
  });
  expect(patch.statusCode, patch.body).toBe(200);
  const { body, contentType } = multipartBody(
    {},
    { field: 'file', filename: 'punctuality.csv', content: 'route,month,on_time\n1,2024-01,0.91\n2,2024-01,0.84\n' },
  );
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/v1/datasets/bus-punctuality/resources?wait=true',
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
  expect(upload.statusCode, upload.body).toBe(201);
  csvId = upload.json<{ id: string }>().id;
  const link = await t.app.inject({
    method: 'POST',
    url: '/api/v1/datasets/air-quality/resources',
    headers: bearer(fx.tokens.otherEditor),
    payload: { name: 'Readings (GeoJSON)', url: 'https://example.org/air-quality.geojson?month=2024-01&kind=no2', format: 'GeoJSON' },
  });
  expect(link.statusCode, link.body).toBe(201);
});
afterAll(() => t.close());

describe('scratch', () => {
  it('prints', async () => {
    const res = await get('/catalog.ttl');
    console.log(res.statusCode, res.headers['content-type']);
    console.log(res.body);
    const validate = shaclValidator('dcat-ap-SHACL.ttl', 'ranges.ttl');
    console.log(await validate(res.body));
    const v2 = shaclValidator('shapes.ttl');
    console.log(await v2(res.body));
    const d = await get('/dataset/bus-punctuality.jsonld');
    console.log(d.body.slice(0, 1500));
    const x = await get('/dataset/bus-punctuality.rdf');
    console.log(x.body.slice(0, 1500));
    const a = canonical(parseTurtle((await get('/dataset/bus-punctuality.ttl')).body));
    const b = canonical(await parseJsonLd(d.body));
    const c = canonical(await parseRdfXml(x.body));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    void csvId; void hasDcatShapes; void describe;
  });
});
