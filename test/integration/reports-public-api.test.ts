import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/fixture.js';
import { seedPublicReports, type PublicReports } from '../helpers/public-reports.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Reports' feeds, making a report by API, and the categories API: which are offered where,
// and how a body is reached (its admins only; a route's secret never).

let t: TestApp;
let fx: ReportFixture;
let r: PublicReports;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
  r = await seedPublicReports(t, fx);
}, 60_000);
afterAll(() => t.close());

const BASE = 'http://metrodata.test';

async function feed(url: string) {
  const res = await t.app.inject(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/atom+xml');
  return load(res.body, { xml: true });
}

const entryLinks = ($: ReturnType<typeof load>) =>
  $('entry > link[rel="alternate"]')
    .map((_i, l) => $(l).attr('href'))
    .get()
    .map((href: string) => href.replace(`${BASE}/reports/`, ''));

describe('Atom feeds of reports', () => {
  it('is a valid Atom feed of new reports and the bodies’ updates, newest first', async () => {
    const $ = await feed('/reports/feed.atom');
    // RFC 4287: the feed's id, title, updated, author and self link; each entry's the same.
    expect($('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect($('feed > id').text()).toBe(`${BASE}/reports/feed.atom`);
    expect($('feed > link[rel="self"]').attr('href')).toBe(`${BASE}/reports/feed.atom`);
    expect($('feed > author > name').text()).not.toBe('');
    const updated = $('entry > updated')
      .map((_i, e) => $(e).text())
      .get();
    expect(updated).toEqual([...updated].sort().reverse());
    expect($('feed > updated').text()).toBe(updated[0]);
    $('entry').each((_i, e) => {
      const entry = $(e);
      expect(entry.children('id').text()).toMatch(/^tag:metrodata\.test,2026:report(-update)?:/);
      expect(entry.children('title').text()).not.toBe('');
      expect(entry.find('author > name').text()).not.toBe('');
      expect(entry.children('published').text()).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });
    const links = entryLinks($);
    expect(links.map((l: string) => l.split('#')[0]).sort()).toEqual(
      [r.eastTipping, r.eastTipping, r.westPothole, r.oldShelter].sort(),
    );
    expect(links.filter((l: string) => l.includes('#update-'))).toHaveLength(1);
    const update = $('entry').filter((_i, e) => $(e).children('id').text().includes('update'));
    expect(update.children('title').text()).toBe('Update on Fly-tipping: Fixed');
    expect(update.find('author > name').text()).toBe('Eastshire Council');
  });

  it('follows one area (a body or a ward) or one category', async () => {
    const west = await feed('/reports/feed.atom?area=westshire');
    expect(entryLinks(west)).toEqual([r.westPothole]);
    expect(west('feed > title').text()).toMatch(/^Reports \(Westshire Council\) – /);
    expect(west('feed > link[rel="self"]').attr('href')).toBe(
      `${BASE}/reports/feed.atom?area=westshire`,
    );
    expect(west('feed > link[rel="alternate"]').attr('href')).toBe(
      `${BASE}/reports?area=westshire`,
    );
    const ward = await feed('/reports/feed.atom?area=E05000001');
    expect(entryLinks(ward).sort()).toEqual([r.westPothole, r.oldShelter].sort());
    expect(ward('feed > title').text()).toMatch(/West North/);
    const tipping = await feed('/reports/feed.atom?category=fly-tipping');
    expect(entryLinks(tipping).map((l: string) => l.split('#')[0])).toEqual([
      r.eastTipping,
      r.eastTipping,
    ]);
    expect((await t.app.inject('/reports/feed.atom?area=nowhere')).statusCode).toBe(400);
  });
});

describe('making a report by API', () => {
  it('routes it to the body answering there and answers its public view', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: bearer(fx.tokens.open311Client),
      payload: {
        category: 'potholes',
        ...fx.points.east,
        description: 'Pothole by the school gates',
        attributes: { blocking: 'no' },
        email: 'app.user@example.org',
        phone: '07700 900999',
        name: 'App User',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ id: string; body: { slug: string }; needs_confirmation: boolean }>();
    expect(body).toMatchObject({
      body: { slug: 'eastshire' },
      ward: { code: 'E05000004' },
      needs_confirmation: false,
      reporter_name: null,
      status: 'open',
    });
    expect(res.headers.location).toBe(`${BASE}/api/v1/reports/${body.id}`);
    expect(res.body).not.toContain('app.user@example.org');
    expect(res.body).not.toContain('07700 900999');
    expect((await t.app.inject(`/api/v1/reports/${body.id}`)).statusCode).toBe(200);
  });

  it('lists every problem with the report at once (422)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: bearer(fx.tokens.resident),
      payload: { category: 'bus-shelters', ...fx.points.east, description: 'x' },
    });
    expect(res.statusCode).toBe(422);
    const outside = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: bearer(fx.tokens.resident),
      payload: { category: 'potholes', ...fx.points.outside, description: 'x' },
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json<{ error: { code: string } }>().error.code).toBe('outside_region');
  });
});

interface CategoryItem {
  code: string;
  bodies: { slug: string }[];
}

describe('the categories API', () => {
  it('offers at a point the categories answered there, each with its body', async () => {
    const at = async (p: { lat: number; lon: number }) =>
      (await t.app.inject(`/api/v1/categories?lat=${p.lat}&lon=${p.lon}`))
        .json<{ results: CategoryItem[] }>()
        .results.map((c) => [c.code, c.bodies.map((b) => b.slug).join()])
        .sort();
    expect(await at(fx.points.west)).toEqual([
      ['bus-shelters', 'transit'],
      ['fly-tipping', 'westshire'],
      ['potholes', 'westshire'],
    ]);
    expect(await at(fx.points.east)).toEqual([
      ['bus-shelters', 'transit'],
      ['fly-tipping', 'eastshire'],
      ['potholes', 'eastshire'],
    ]);
    const outside = await t.app.inject(
      `/api/v1/categories?lat=${fx.points.outside.lat}&lon=${fx.points.outside.lon}`,
    );
    expect(outside.statusCode).toBe(422);
    const half = await t.app.inject('/api/v1/categories?lat=0.5');
    expect(half.statusCode).toBe(400);
    expect(half.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'lon',
    );
  });

  it('lists every category with all the bodies answering it', async () => {
    const all = (await t.app.inject('/api/v1/categories')).json<{
      total: number;
      results: CategoryItem[];
    }>();
    expect(all.total).toBe(3);
    const potholes = all.results.find((c) => c.code === 'potholes');
    expect(potholes?.bodies.map((b) => b.slug)).toEqual(['eastshire', 'westshire']);
    const one = await t.app.inject('/api/v1/categories/potholes');
    expect(one.json()).toMatchObject({
      code: 'potholes',
      attributes: [{ code: 'blocking', required: true }],
    });
    expect((await t.app.inject('/api/v1/categories/graffiti')).statusCode).toBe(404);
  });

  it('never returns a route’s secret; its admins see how it is sent, others not', async () => {
    const secret = 'open311-api-key-s3cr3t';
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisations/westshire/categories/potholes',
      headers: bearer(fx.tokens.westAdmin),
      payload: {
        send_method: 'open311',
        destination: 'https://westshire.example/open311/v2',
        secret,
        remote_code: 'PH1',
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      code: 'potholes',
      route: { send_method: 'open311', remote_code: 'PH1', has_secret: true },
    });
    const asAdmin = await t.app.inject({
      url: '/api/v1/organisations/westshire/categories',
      headers: bearer(fx.tokens.westAdmin),
    });
    const asPublic = await t.app.inject('/api/v1/organisations/westshire/categories/potholes');
    const asOther = await t.app.inject({
      url: '/api/v1/organisations/westshire/categories',
      headers: bearer(fx.tokens.eastEditor),
    });
    expect(asPublic.json()).toMatchObject({ code: 'potholes', route: null });
    expect(
      asOther.json<{ results: { route: unknown }[] }>().results.every((c) => c.route === null),
    ).toBe(true);
    // By group (Roads, Rubbish), then name.
    expect(asAdmin.json<{ results: CategoryItem[] }>().results.map((c) => c.code)).toEqual([
      'potholes',
      'fly-tipping',
    ]);
    for (const res of [put, asAdmin, asPublic, asOther]) {
      expect(res.body).not.toContain(secret);
      expect(res.body).not.toContain('"secret"');
    }
    expect(asPublic.body).not.toContain('westshire.example');
    expect(asOther.body).not.toContain(fx.emails.westInbox);
  });
});
