import { expect } from 'vitest';
import type { TestApp } from './app.js';
import { bearer, type Fixture } from './fixture.js';
import { multipartBody } from './multipart.js';

// The resources the DCAT tests add to the fixture's datasets: an uploaded CSV (a distribution
// with a download URL) and a linked GeoJSON file (another publisher's, with its own name).

/** Uploads a small CSV to bus-punctuality and waits for its load; the new resource. */
export async function uploadPunctualityCsv(
  t: TestApp,
  fx: Fixture,
): Promise<{ id: string; url: string }> {
  const { body, contentType } = multipartBody(
    {},
    {
      field: 'file',
      filename: 'punctuality.csv',
      content: 'route,month,on_time\n1,2024-01,0.91\n2,2024-01,0.84\n',
    },
  );
  const upload = await t.app.inject({
    method: 'POST',
    url: '/api/v1/datasets/bus-punctuality/resources?wait=true',
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
  expect(upload.statusCode, upload.body).toBe(201);
  return upload.json<{ id: string; url: string }>();
}

/** Links a GeoJSON file to air-quality under `name` and `url`. */
export async function linkAirQualityGeoJson(t: TestApp, fx: Fixture, name: string, url: string) {
  const link = await t.app.inject({
    method: 'POST',
    url: '/api/v1/datasets/air-quality/resources',
    headers: bearer(fx.tokens.otherEditor),
    payload: { name, url, format: 'GeoJSON' },
  });
  expect(link.statusCode, link.body).toBe(201);
}
