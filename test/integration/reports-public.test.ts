import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/fixture.js';
import {
  PRIVATE,
  SHOWN_NAME,
  seedPublicReports,
  type PublicReports,
} from '../helpers/public-reports.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Reports in public: the API's list and its filters, one report, the pages, with nothing of
// the reporter's that they did not choose to show.

let t: TestApp;
let fx: ReportFixture;
let r: PublicReports;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
  r = await seedPublicReports(t, fx);
}, 60_000);
afterAll(() => t.close());

interface Listed {
  total: number;
  page: number;
  per_page: number;
  results: { id: string; body: { slug: string }; status: string; ward: { code: string } | null }[];
}

async function ids(query: string): Promise<string[]> {
  const res = await t.app.inject(`/api/v1/reports${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json<Listed>()
    .results.map((x) => x.id)
    .sort();
}

const sorted = (...list: string[]) => [...list].sort();

describe('the list of reports (API)', () => {
  it('lists the confirmed reports only, newest first', async () => {
    const res = await t.app.inject('/api/v1/reports');
    const body = res.json<Listed>();
    expect(body.total).toBe(3);
    expect(body.results.map((x) => x.id)).toEqual([r.eastTipping, r.westPothole, r.oldShelter]);
  });

  it('narrows by each filter', async () => {
    expect(await ids('?area=westshire')).toEqual([r.westPothole]);
    expect(await ids('?area=transit')).toEqual([r.oldShelter]);
    expect(await ids('?area=E05000001')).toEqual(sorted(r.westPothole, r.oldShelter));
    expect(await ids('?area=E05000004')).toEqual([r.eastTipping]);
    expect(await ids('?area=westshire&area=eastshire')).toEqual(
      sorted(r.westPothole, r.eastTipping),
    );
    expect(await ids('?category=fly-tipping')).toEqual([r.eastTipping]);
    expect(await ids('?status=fixed')).toEqual([r.eastTipping]);
    expect(await ids('?status=open')).toEqual(sorted(r.westPothole, r.oldShelter));
    expect(await ids('?status=closed')).toEqual([]);
    expect(await ids('?to=2025-01-15')).toEqual([r.oldShelter]);
    expect(await ids('?from=2025-01-16')).toEqual(sorted(r.westPothole, r.eastTipping));
    expect(await ids('?from=2025-01-15&to=2025-01-15')).toEqual([r.oldShelter]);
    expect(await ids('?bbox=1,0,2,1')).toEqual([r.eastTipping]);
    expect(await ids('?area=westshire&status=fixed')).toEqual([]);
  });

  it('refuses a filter that names nothing, naming the parameter', async () => {
    for (const [query, field] of [
      ['?area=nowhere', 'area'],
      ['?area=not a place', 'area'],
      ['?category=graffiti', 'category'],
      ['?status=lost', 'status'],
      ['?bbox=2,0,1,1', 'bbox'],
      ['?from=2025-02-30', 'from'],
      ['?from=2025-03-01&to=2025-02-01', 'to'],
    ] as const) {
      const res = await t.app.inject(`/api/v1/reports${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
        field,
      );
    }
  });

  it('pages, with the total of them all', async () => {
    const first = (await t.app.inject('/api/v1/reports?per_page=2')).json<Listed>();
    const second = (await t.app.inject('/api/v1/reports?per_page=2&page=2')).json<Listed>();
    expect(first).toMatchObject({ total: 3, page: 1, per_page: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, per_page: 2 });
    expect([...first.results, ...second.results].map((x) => x.id)).toEqual([
      r.eastTipping,
      r.westPothole,
      r.oldShelter,
    ]);
    const oldest = (await t.app.inject('/api/v1/reports?sort=oldest&per_page=1')).json<Listed>();
    expect(oldest.results[0]?.id).toBe(r.oldShelter);
  });

  it('gives the map its points as GeoJSON, filtered the same way', async () => {
    const res = await t.app.inject('/api/v1/reports.geojson?area=eastshire');
    const body = res.json<{
      features: { id: string; geometry: { coordinates: number[] }; properties: { url: string } }[];
    }>();
    expect(body.features.map((f) => f.id)).toEqual([r.eastTipping]);
    expect(body.features[0]?.geometry.coordinates).toEqual([
      fx.points.east.lon,
      fx.points.east.lat,
    ]);
    expect(body.features[0]?.properties.url).toBe(`http://metrodata.test/reports/${r.eastTipping}`);
  });
});

describe('one report (API)', () => {
  it('has the public fields, updates and visible photos', async () => {
    const res = await t.app.inject(`/api/v1/reports/${r.eastTipping}`);
    expect(res.statusCode).toBe(200);
    const body = res.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      category: { code: 'fly-tipping', name: 'Fly-tipping', group: 'Rubbish' },
      body: { slug: 'eastshire', name: 'Eastshire Council' },
      ward: { code: 'E05000004', name: 'East South' },
      status: 'fixed',
      status_label: 'Fixed',
      open: false,
      reporter_name: SHOWN_NAME,
      moderated: false,
      updates: [
        {
          status: 'fixed',
          text: 'Cleared by our crew this morning.',
          body: { slug: 'eastshire', name: 'Eastshire Council' },
        },
      ],
    });
    expect(body.fixed_at).not.toBeNull();
    const shelter = (await t.app.inject(`/api/v1/reports/${r.oldShelter}`)).json<{
      photos: { url: string }[];
      moderated: boolean;
    }>();
    expect(shelter.moderated).toBe(true);
    expect(shelter.photos.map((p) => p.url)).toEqual([
      `http://metrodata.test/reports/${r.oldShelter}/photos/${r.photos.visible}.jpg`,
    ]);
  });

  it('is 404 when unconfirmed or hidden, but the body’s staff see a hidden one', async () => {
    for (const id of [r.unconfirmed, r.hidden, '00000000-0000-0000-0000-000000000000']) {
      expect((await t.app.inject(`/api/v1/reports/${id}`)).statusCode, id).toBe(404);
      expect((await t.app.inject(`/reports/${id}`)).statusCode, id).toBe(404);
    }
    const staff = await t.app.inject({
      url: `/api/v1/reports/${r.hidden}`,
      headers: bearer(fx.tokens.eastEditor),
    });
    expect(staff.statusCode).toBe(200);
    const other = await t.app.inject({
      url: `/api/v1/reports/${r.hidden}`,
      headers: bearer(fx.tokens.westEditor),
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('personal data', () => {
  it('never shows the reporter’s e-mail, phone or a name they did not choose to show', async () => {
    const bodies = [
      (await t.app.inject('/api/v1/reports')).body,
      (await t.app.inject('/api/v1/reports.geojson')).body,
      (await t.app.inject(`/api/v1/reports/${r.westPothole}`)).body,
      (await t.app.inject('/reports')).body,
      (await t.app.inject(`/reports/${r.westPothole}`)).body,
      (await t.app.inject('/reports/feed.atom')).body,
    ];
    for (const body of bodies) {
      for (const secret of [
        PRIVATE.name,
        PRIVATE.phone,
        PRIVATE.pendingEmail,
        fx.emails.resident,
        fx.emails.otherResident,
        fx.emails.westInbox,
        'reporter_email',
        'reporter_user_id',
      ]) {
        expect(body).not.toContain(secret);
      }
    }
    const shown = await t.app.inject(`/reports/${r.eastTipping}`);
    expect(load(shown.body)('#details').text()).toContain(SHOWN_NAME);
  });
});

describe('the reports page', () => {
  it('lists, filters and pages the reports, with a map of them and their feed', async () => {
    const res = await t.app.inject('/reports?area=westshire');
    expect(res.statusCode).toBe(200);
    const $ = load(res.body);
    expect($('title').text()).toMatch(/^Reports: Westshire Council – /);
    expect($('#result-count').text()).toContain('1 report found');
    expect($('#results a').attr('href')).toBe(`/reports/${r.westPothole}`);
    expect($('#area option[selected]').attr('value')).toBe('westshire');
    expect($('.app-active-filters a').attr('href')).toBe('/reports');
    expect($('#map').attr('data-geojson-url')).toBe(
      '/api/v1/reports.geojson?area=westshire&per_page=1000',
    );
    expect($('head link[type="application/atom+xml"]').last().attr('href')).toBe(
      '/reports/feed.atom?area=westshire',
    );
    expect($('.govuk-service-navigation__item--active').text()).toContain('Reports');
    const wards = $('#area option')
      .map((_i, o) => $(o).attr('value'))
      .get();
    expect(wards).toContain('E05000004');

    const paged = load((await t.app.inject('/reports?page=2&sort=oldest')).body);
    expect(paged('#result-count').text()).toContain('3 reports found');
    expect(paged('#results li')).toHaveLength(0);
    expect((await t.app.inject('/reports?status=lost')).statusCode).toBe(400);
  });

  it('shows a report: its body, place, answers, photos, timeline and “me too”', async () => {
    const res = await t.app.inject(`/reports/${r.westPothole}`);
    const $ = load(res.body);
    expect($('h1').text()).toBe('Pothole at Library Road');
    expect($('title').text()).toMatch(/^Pothole at Library Road – /);
    expect($('.govuk-breadcrumbs a').last().attr('href')).toBe('/reports');
    expect($('#details').text()).toContain('Westshire Council');
    expect($('#details').text()).toContain('West North');
    expect($('#details').text()).toContain('Is it blocking the road?');
    expect($('#me-too').attr('href')).toBe(`/reports/${r.westPothole}/support`);
    expect($('#where a').attr('href')).toContain('openstreetmap.org/?mlat=0.700000&mlon=0.300000');
    expect($('#moderated')).toHaveLength(0);
    expect($('#staff-banner')).toHaveLength(0);
    expect($('head link[type="application/atom+xml"]').last().attr('href')).toBe(
      '/reports/feed.atom?area=westshire',
    );

    const fixed = load((await t.app.inject(`/reports/${r.eastTipping}`)).body);
    expect(fixed('#updates li')).toHaveLength(2);
    expect(fixed('#updates').text()).toContain('Cleared by our crew this morning.');
    expect(fixed('#me-too')).toHaveLength(0);

    const shelter = load((await t.app.inject(`/reports/${r.oldShelter}`)).body);
    expect(shelter('#moderated').text()).toContain('This report has been moderated');
    expect(
      shelter('#photos img')
        .map((_i, i) => shelter(i).attr('src'))
        .get(),
    ).toEqual([`http://metrodata.test/reports/${r.oldShelter}/photos/${r.photos.visible}.jpg`]);
  });

  it('shows the body’s staff a link to their handling page, and them only', async () => {
    const staff = load(
      (
        await t.app.inject({
          url: `/reports/${r.westPothole}`,
          headers: bearer(fx.tokens.westMember),
        })
      ).body,
    );
    expect(staff('#staff-banner a').attr('href')).toBe(`/publish/reports/${r.westPothole}`);
    const other = load(
      (
        await t.app.inject({
          url: `/reports/${r.westPothole}`,
          headers: bearer(fx.tokens.eastEditor),
        })
      ).body,
    );
    expect(other('#staff-banner')).toHaveLength(0);
    const hidden = load(
      (await t.app.inject({ url: `/reports/${r.hidden}`, headers: bearer(fx.tokens.eastEditor) }))
        .body,
    );
    expect(hidden('#hidden-notice').text()).toContain('hidden from the public');
  });
});

it('lists the reports page and the public reports in the sitemap, not hidden or unconfirmed ones', async () => {
  const body = (await t.app.inject('/sitemap.xml')).body;
  expect(body).toContain('<loc>http://metrodata.test/reports</loc>');
  expect(body).toContain(`<loc>http://metrodata.test/reports/${r.westPothole}</loc>`);
  expect(body).not.toContain(r.hidden);
  expect(body).not.toContain(r.unconfirmed);
});
