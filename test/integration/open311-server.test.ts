import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../src/features/accounts/index.js';
import { seedPostcodes } from '../../src/features/places/index.js';
import { createReport, postReportUpdate } from '../../src/features/reports/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  FORM,
  form,
  haveOpen311,
  open311Validators,
  xmlAndJson,
  type Open311Schema,
} from '../helpers/open311.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// GeoReport v2 at /open311/v2 as a client sees it: JSON valid against the official schemas, XML
// saying the same in the same order, GeoReport's errors, and no reporter's personal data.

let t: TestApp;
let fx: ReportFixture;
/** Every answer this file received, for the personal-data sweep at the end. */
const bodies: string[] = [];
const validators = haveOpen311 ? open311Validators() : null;

const REPORTER = {
  email: 'hidden.reporter@example.org',
  first: 'Philippa',
  last: 'Quartermain',
  phone: '07700 900461',
};

beforeAll(async () => {
  // No background job changes a report between the JSON and the XML answers compared.
  t = await createTestApp({ jobPollIntervalMs: 3_600_000 });
  fx = await seedReportFixture(t.ctx);
  await seedPostcodes(t.ctx, [
    {
      postcode: 'WS1 1AA',
      latitude: 0.25,
      longitude: 0.4,
      local_authority_code: 'E08000091',
      ward_code: 'E05000002',
      terminated: false,
      source: 'synthetic (demo)',
    },
  ]);
}, 60_000);
afterAll(() => t.close());

async function call(method: 'GET' | 'POST', url: string, payload?: string) {
  const res = await t.app.inject({
    method,
    url: `/open311/v2/${url}`,
    ...(payload === undefined ? {} : { payload, headers: FORM }),
  });
  bodies.push(res.body);
  return res;
}

/** GET (or POST) both formats; checks the XML against the JSON and the JSON against a schema. */
async function both(url: string, item: string | undefined, schema?: Open311Schema) {
  const json = await call('GET', url.replace('{f}', 'json'));
  const xml = await call('GET', url.replace('{f}', 'xml'));
  expect(json.statusCode, json.body).toBe(200);
  expect(xml.statusCode).toBe(200);
  expect(json.headers['content-type']).toMatch(/^application\/json/);
  expect(xml.headers['content-type']).toMatch(/^text\/xml/);
  const parsed: unknown = JSON.parse(json.body);
  const compared = xmlAndJson(xml.body, parsed, item);
  expect(compared.xml).toEqual(compared.json);
  if (schema && validators) expect(validators[schema](parsed)).toEqual([]);
  return { json: parsed, root: compared.root };
}

const submit = (pairs: [string, string][], format = 'json') =>
  call('POST', `requests.${format}`, form(pairs));

const potholeForm = (key: string): [string, string][] => [
  ['api_key', key],
  ['service_code', 'potholes'],
  ['lat', String(fx.points.west.lat)],
  ['long', String(fx.points.west.lon)],
  ['attribute[blocking]', 'yes'],
  ['description', 'A crater outside the library'],
  ['email', REPORTER.email],
  ['first_name', REPORTER.first],
  ['last_name', REPORTER.last],
  ['phone', REPORTER.phone],
];

describe('discovery and services', () => {
  it('describes the endpoint in both formats', async () => {
    const { json, root } = await both('discovery.{f}', undefined);
    expect(root).toBe('discovery');
    const endpoints = (json as { endpoints: { url: string; formats: string[] }[] }).endpoints;
    expect(endpoints[0]?.url).toBe(`${t.ctx.config.baseUrl}/open311/v2`);
    expect(endpoints[0]?.formats).toEqual(['text/xml', 'application/json']);
  });

  it('lists every category, or those offered at a point', async () => {
    const all = await both('services.{f}', 'service', 'services');
    expect(all.root).toBe('services');
    const codes = (all.json as { service_code: string; metadata: boolean }[]).map((s) => [
      s.service_code,
      s.metadata,
    ]);
    expect(codes.sort()).toEqual([
      ['bus-shelters', false],
      ['fly-tipping', false],
      ['potholes', true],
    ]);
    await t.ctx.db.kysely
      .deleteFrom('category_routes')
      .where('destination', '=', 'shelters@transit.example')
      .execute();
    const here = await both(
      `services.{f}?lat=${fx.points.east.lat}&long=${fx.points.east.lon}`,
      'service',
      'services',
    );
    expect((here.json as { service_code: string }[]).map((s) => s.service_code).sort()).toEqual([
      'fly-tipping',
      'potholes',
    ]);
  });

  it('defines a service’s questions, with the values of a list', async () => {
    const { json, root } = await both('services/potholes.{f}', undefined, 'service-definition');
    expect(root).toBe('service_definition');
    expect(json).toMatchObject({
      service_code: 'potholes',
      attributes: [
        {
          code: 'blocking',
          datatype: 'singlevaluelist',
          required: true,
          values: [
            { key: 'yes', name: 'Yes' },
            { key: 'no', name: 'No' },
          ],
        },
      ],
    });
  });
});

describe('posting and reading requests', () => {
  let id = '';

  it('takes a request with an api_key, and answers its id at once', async () => {
    const res = await submit(potholeForm(fx.tokens.open311Client));
    expect(res.statusCode, res.body).toBe(200);
    const [created] = JSON.parse(res.body) as {
      service_request_id: string;
      service_notice: string;
    }[];
    id = created?.service_request_id ?? '';
    expect(created?.service_notice).toContain('Westshire Council');
    const xml = await submit(potholeForm(fx.tokens.open311Client), 'xml');
    expect(xml.body).toMatch(
      /<service_requests><request><service_request_id>[\w-]+<\/service_request_id><service_notice>/,
    );
  });

  it('reads the request back, routed, in both formats', async () => {
    const { json } = await both(`requests/${id}.{f}`, 'request', 'requests');
    expect(json).toEqual([
      expect.objectContaining({
        service_request_id: id,
        status: 'open',
        service_code: 'potholes',
        service_name: 'Pothole',
        description: 'A crater outside the library',
        agency_responsible: 'Westshire Council',
        lat: fx.points.west.lat,
        long: fx.points.west.lon,
      }),
    ]);
    if (validators) expect(validators.request((json as unknown[])[0])).toEqual([]);
    const token = await both(`tokens/${id}.{f}`, 'request');
    expect(token.json).toEqual([{ service_request_id: id, token: id }]);
  });

  it('places a request by a postcode the directory knows, and refuses one it does not', async () => {
    const res = await submit([
      ['api_key', fx.tokens.open311Client],
      ['service_code', 'fly-tipping'],
      ['address_string', 'ws11aa'],
      ['description', 'Mattresses in the lay-by'],
      ['email', REPORTER.email],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const [created] = JSON.parse(res.body) as { service_request_id: string }[];
    const { json } = await both(`requests/${created?.service_request_id ?? ''}.{f}`, 'request');
    expect(json).toEqual([expect.objectContaining({ lat: 0.25, long: 0.4, address: 'ws11aa' })]);
    const unknown = await submit([
      ['api_key', fx.tokens.open311Client],
      ['service_code', 'fly-tipping'],
      ['address_string', 'ZZ9 9ZZ'],
      ['description', 'x'],
      ['email', REPORTER.email],
    ]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('address_string');
  });

  it('shows the body’s latest words and status, and the first visible photo', async () => {
    await postReportUpdate(t.ctx, fx.actors.westEditor, id, {
      status: 'fixed',
      text: 'Filled on Tuesday',
      source: 'web',
    });
    const at = new Date().toISOString();
    const photo = (pid: string, position: number, hidden: number) => ({
      id: pid,
      report_id: id,
      blob_key: `reports/${pid}.jpg`,
      content_type: 'image/jpeg',
      width: 10,
      height: 10,
      bytes: 100,
      position,
      hidden,
      created_at: at,
    });
    await t.ctx.db.kysely
      .insertInto('report_photos')
      .values([photo('photo-hidden', 0, 1), photo('photo-shown', 1, 0)])
      .execute();
    const { json } = await both(`requests/${id}.{f}`, 'request', 'requests');
    expect(json).toEqual([
      expect.objectContaining({
        status: 'closed',
        status_notes: 'Filled on Tuesday',
        media_url: `${t.ctx.config.baseUrl}/reports/${id}/photos/photo-shown.jpg`,
      }),
    ]);
  });

  it('keeps a long description within the schema’s 4,000 characters', async () => {
    const long = 'Rubble across both lanes. '.repeat(180).trim();
    expect(long.length).toBeGreaterThan(4000);
    const res = await submit([
      ['api_key', fx.tokens.open311Client],
      ['service_code', 'fly-tipping'],
      ['lat', String(fx.points.east.lat)],
      ['long', String(fx.points.east.lon)],
      ['description', long],
      ['email', REPORTER.email],
    ]);
    const [created] = JSON.parse(res.body) as { service_request_id: string }[];
    const { json } = await both(
      `requests/${created?.service_request_id ?? ''}.{f}`,
      'request',
      'requests',
    );
    expect((json as { description: string }[])[0]?.description).toBe(long.slice(0, 4000));
  });

  it('filters by ids, service, status and dates, public reports only', async () => {
    const pending = await createReport(t.ctx, anonymous, {
      category: 'fly-tipping',
      ...fx.points.west,
      description: 'Unconfirmed',
      email: 'walker@example.com',
      source: 'web',
      clientAddress: '192.0.2.9',
    });
    const ids = (json: unknown) =>
      (json as { service_request_id: string }[]).map((r) => r.service_request_id);
    const everything = await both('requests.{f}', 'request', 'requests');
    expect(ids(everything.json)).toContain(id);
    expect(ids(everything.json)).not.toContain(pending.report.id);
    expect((await call('GET', `requests/${pending.report.id}.json`)).statusCode).toBe(404);
    const byIds = await both(
      `requests.{f}?service_request_id=${id},${pending.report.id}`,
      'request',
    );
    expect(ids(byIds.json)).toEqual([id]);
    const closed = await both('requests.{f}?status=closed', 'request', 'requests');
    expect(ids(closed.json)).toEqual([id]);
    const flyTipping = await both('requests.{f}?service_code=fly-tipping', 'request');
    expect(ids(flyTipping.json)).not.toContain(id);
    const old = await both('requests.{f}?start_date=2020-01-01T00:00:00Z', 'request');
    expect(old.json).toEqual([]);
    const tooLong = await call('GET', 'requests.json?start_date=2020-01-01&end_date=2021-01-01');
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.parse(tooLong.body)).toEqual([
      { code: 400, description: 'start_date and end_date may not span more than 90 days' },
    ]);
  });
});

describe('service request updates', () => {
  let id = '';
  beforeAll(async () => {
    const res = await submit(potholeForm(fx.tokens.open311Client));
    id = (JSON.parse(res.body) as { service_request_id: string }[])[0]?.service_request_id ?? '';
  });

  const push = (key: string, changes: Record<string, string> = {}) => {
    const fields: Record<string, string> = {
      api_key: key,
      service_request_id: id,
      update_id: 'CRM-77',
      status: 'IN_PROGRESS',
      description: 'A crew is booked',
      updated_datetime: '2026-01-05T09:30:00Z',
      ...changes,
    };
    return call('POST', 'servicerequestupdates.json', form(Object.entries(fields)));
  };

  it('takes an update pushed by the body’s staff, once per update_id', async () => {
    const first = await push(fx.tokens.westEditor);
    expect(first.statusCode, first.body).toBe(200);
    const [update] = JSON.parse(first.body) as Record<string, unknown>[];
    expect(update).toMatchObject({
      service_request_id: id,
      status: 'IN_PROGRESS',
      description: 'A crew is booked',
      updated_datetime: '2026-01-05T09:30:00.000Z',
    });
    const again = await push(fx.tokens.westEditor);
    expect(JSON.parse(again.body)).toEqual([update]);
    const notes = await both(`requests/${id}.{f}`, 'request');
    expect(notes.json).toEqual([
      expect.objectContaining({ status: 'open', status_notes: 'A crew is booked' }),
    ]);
    const rows = await t.ctx.db.kysely
      .selectFrom('report_updates')
      .select('id')
      .where('report_id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses other bodies, residents and unknown statuses', async () => {
    expect((await push(fx.tokens.eastEditor, { update_id: 'CRM-78' })).statusCode).toBe(403);
    expect((await push(fx.tokens.resident, { update_id: 'CRM-79' })).statusCode).toBe(403);
    const bad = await push(fx.tokens.westEditor, { update_id: 'CRM-80', status: 'SOMEDAY' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('status must be open or closed');
  });

  it('lists updates in a window, in mySociety’s words', async () => {
    const { json, root } = await both(
      'servicerequestupdates.{f}?start_date=2026-01-01T00:00:00Z&end_date=2026-01-31T00:00:00Z',
      'request_update',
    );
    expect(root).toBe('service_request_updates');
    expect(json).toEqual([
      expect.objectContaining({
        service_request_id: id,
        status: 'IN_PROGRESS',
        description: 'A crew is booked',
        media_url: null,
      }),
    ]);
  });
});

describe('errors', () => {
  const errorOf = (res: { statusCode: number; body: string }) => ({
    status: res.statusCode,
    body: JSON.parse(res.body) as unknown,
  });

  it('refuses a bad api_key, or one without the reports scope, with 403', async () => {
    const bad = errorOf(await submit(potholeForm('mdt_not-a-token')));
    expect(bad.status).toBe(403);
    expect(bad.body).toEqual([
      { code: 403, description: expect.stringMatching(/^api_key is not valid/) as unknown },
    ]);
    expect((await submit(potholeForm(fx.tokens.readOnly))).statusCode).toBe(403);
    const none = await submit(potholeForm('').filter(([k]) => k !== 'api_key'));
    expect(none.statusCode).toBe(403);
  });

  it('answers 404 for an unknown service, request or path, in the asked format', async () => {
    const unknown = errorOf(await call('GET', 'services/gritting.json'));
    expect(unknown).toEqual({
      status: 404,
      body: [{ code: 404, description: 'Category gritting was not found' }],
    });
    const xml = await call('GET', 'services/gritting.xml');
    expect(xml.statusCode).toBe(404);
    expect(xml.body).toContain(
      '<errors><error><code>404</code><description>Category gritting was not found</description></error></errors>',
    );
    const posted = potholeForm(fx.tokens.open311Client).map(([k, v]): [string, string] =>
      k === 'service_code' ? [k, 'gritting'] : [k, v],
    );
    expect((await submit(posted)).statusCode).toBe(404);
    expect((await call('GET', 'requests/no-such-id.json')).statusCode).toBe(404);
    const path = errorOf(await call('GET', 'nothing-here.json'));
    expect(path.status).toBe(404);
    expect(path.body).toEqual([{ code: 404, description: expect.any(String) as unknown }]);
    expect((await call('GET', 'services.json?jurisdiction_id=elsewhere')).statusCode).toBe(404);
    expect((await call('GET', 'services.json?jurisdiction_id=testshire')).statusCode).toBe(200);
  });

  it('answers 400 naming what is missing or wrong', async () => {
    const without = (name: string) =>
      potholeForm(fx.tokens.open311Client).filter(([k]) => k !== name);
    const missingCode = errorOf(await submit(without('service_code')));
    expect(missingCode).toEqual({
      status: 400,
      body: [{ code: 400, description: 'service_code is required' }],
    });
    const missingAnswer = errorOf(await submit(without('attribute[blocking]')));
    expect(missingAnswer).toEqual({
      status: 400,
      body: [{ code: 400, description: 'attribute[blocking]: is required' }],
    });
    const noPlace = await submit(without('lat').filter(([k]) => k !== 'long'));
    expect(noPlace.statusCode).toBe(400);
    const outside = await submit(
      potholeForm(fx.tokens.open311Client).map(([k, v]): [string, string] =>
        k === 'long'
          ? [k, String(fx.points.outside.lon)]
          : k === 'lat'
            ? [k, String(fx.points.outside.lat)]
            : [k, v],
      ),
    );
    expect(outside.statusCode).toBe(400);
    expect(JSON.parse(outside.body)).toEqual([
      { code: 400, description: expect.any(String) as unknown },
    ]);
    const notANumber = await call('GET', 'services.json?lat=north&long=1');
    expect(JSON.parse(notANumber.body)).toEqual([
      { code: 400, description: 'lat must be a number' },
    ]);
  });
});

describe('personal data', () => {
  it('never appears in any answer', async () => {
    // Everything public, once more in both formats, on top of every answer above.
    for (const url of ['requests', 'servicerequestupdates']) {
      for (const f of ['json', 'xml']) await call('GET', `${url}.${f}`);
    }
    expect(bodies.length).toBeGreaterThan(40);
    const all = bodies.join('\n');
    expect(all).toContain('A crater outside the library');
    for (const secret of [
      REPORTER.email,
      REPORTER.first,
      REPORTER.last,
      REPORTER.phone,
      fx.emails.resident,
      'walker@example.com',
      'app@fixit.example',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
