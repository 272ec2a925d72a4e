import type { AddressInfo } from 'node:net';
import SwaggerClient from 'swagger-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { haveOpen311, open311Validators, readOpen311 } from '../helpers/open311.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// A third-party client: swagger-client, built from the official GeoReport v2 Swagger
// description, talking to the app over real HTTP on loopback. It lists the services, posts a
// request with an api_key and reads it back, as any Open311 app would.

let t: TestApp;
let fx: ReportFixture;
let client: Awaited<ReturnType<typeof SwaggerClient>>;

beforeAll(async () => {
  if (!haveOpen311) return;
  // No background job changes a report between the JSON and the XML answers compared.
  t = await createTestApp({ jobPollIntervalMs: 3_600_000 });
  fx = await seedReportFixture(t.ctx);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  // The description names no server: a client is pointed at one, as here.
  const spec = {
    ...readOpen311('swagger.json'),
    host: `127.0.0.1:${port}`,
    basePath: '/open311/v2',
    schemes: ['http'],
  };
  client = await SwaggerClient({ spec });
}, 60_000);
afterAll(async () => {
  if (haveOpen311) await t.close();
});

const jurisdiction = { jurisdiction_id: 'testshire' };

describe.skipIf(!haveOpen311)('swagger-client from the official description', () => {
  let id = '';

  it('lists the services, valid against the official schema', async () => {
    const res = await client.execute({
      pathName: '/services.{response_format}',
      method: 'get',
      parameters: { response_format: 'json', ...jurisdiction },
    });
    expect(res.status).toBe(200);
    expect(open311Validators().services(res.body)).toEqual([]);
    expect((res.body as { service_code: string }[]).map((s) => s.service_code).sort()).toEqual([
      'bus-shelters',
      'fly-tipping',
      'potholes',
    ]);
    const definition = await client.execute({
      pathName: '/services/{service_code}.{response_format}',
      method: 'get',
      parameters: { response_format: 'xml', service_code: 'potholes', ...jurisdiction },
    });
    expect(definition.text).toContain('<code>blocking</code>');
  });

  it('posts a request with its api_key and reads it back', async () => {
    const res = await client.execute({
      pathName: '/requests.{response_format}',
      method: 'post',
      parameters: {
        response_format: 'json',
        ...jurisdiction,
        service_code: 'fly-tipping',
        lat: fx.points.east.lat,
        long: fx.points.east.lon,
      },
      securities: { authorized: { api_key: fx.tokens.open311Client } },
      // The description leaves out fields the specification's text lists; a client adds them.
      requestInterceptor: (request) => {
        request.url += `&${new URLSearchParams({ description: 'Sofa on the verge', email: 'someone@example.org' }).toString()}`;
        return request;
      },
    });
    expect(res.status).toBe(200);
    const [created] = res.body as { service_request_id: string }[];
    id = created?.service_request_id ?? '';
    expect(id).not.toBe('');

    const back = await client.execute({
      pathName: '/request/{service_request_id}.{response_format}',
      method: 'get',
      parameters: { response_format: 'json', service_request_id: id, ...jurisdiction },
    });
    expect(back.body).toEqual([
      expect.objectContaining({
        service_request_id: id,
        status: 'open',
        service_code: 'fly-tipping',
        description: 'Sofa on the verge',
        agency_responsible: 'Eastshire Council',
      }),
    ]);
    const listed = await client.execute({
      pathName: '/requests.{response_format}',
      method: 'get',
      parameters: { response_format: 'json', service_request_id: id, ...jurisdiction },
    });
    expect(open311Validators().requests(listed.body)).toEqual([]);
    expect(JSON.stringify(listed.body)).not.toContain('someone@example.org');
  });

  it('gets GeoReport errors it can read: a bad api_key is a 403', async () => {
    await expect(
      client.execute({
        pathName: '/requests.{response_format}',
        method: 'post',
        parameters: {
          response_format: 'json',
          ...jurisdiction,
          service_code: 'fly-tipping',
          lat: fx.points.east.lat,
          long: fx.points.east.lon,
        },
        securities: { authorized: { api_key: 'mdt_wrong' } },
      }),
    ).rejects.toMatchObject({
      status: 403,
      response: {
        body: [{ code: 403, description: expect.stringContaining('api_key') as unknown }],
      },
    });
  });
});
