import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchDataset } from '../../src/features/catalog/index.js';
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
const BASE = 'http://metrodata.test';

const indicator = (slug: string, resourceId: string) => ({
  slug,
  title: `Indicator ${slug}`,
  unit: '%',
  resource_id: resourceId,
  query: { date: { field: 'quarter' }, value: { fn: 'avg', field: 'pct' } },
  baseline: { value: 20, date: '2022-01-01' },
  target: { value: 60, date: '2024-01-01' },
});

async function post(url: string, token: string, payload: object) {
  const res = await t.app.inject({ method: 'POST', url, headers: bearer(token), payload });
  expect(res.statusCode, res.body).toBe(201);
}

async function xmlOf(url: string) {
  const res = await t.app.inject(url);
  expect(res.statusCode, res.body).toBe(200);
  return { res, $: load(res.body, { xml: true }) };
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  const caToken = await seedCombinedAuthorityEditor(t.ctx);
  const csv = coverageCsv(coverageRows(2));
  const open = await uploadCsv(
    t,
    '/api/v1/datasets/bus-punctuality/resources?wait=true',
    fx.tokens.editor,
    csv,
  );
  const closed = await uploadCsv(
    t,
    '/api/v1/datasets/staff-rota/resources?wait=true',
    fx.tokens.editor,
    csv,
  );
  await post('/api/v1/indicators', caToken, indicator('fibre', open.json<{ id: string }>().id));
  await post(
    '/api/v1/indicators',
    fx.tokens.admin,
    indicator('rota-cover', closed.json<{ id: string }>().id),
  );
  await post('/api/v1/dashboards', caToken, {
    slug: 'connectivity',
    title: 'Connectivity',
    description: '',
    tiles: [{ kind: 'indicator', indicator: 'fibre' }],
  });
  await post('/api/v1/promises', fx.tokens.admin, {
    slug: 'full-fibre-schools',
    title: 'Full-fibre broadband for every school',
    quote: 'Every school in the region will have a full-fibre connection.',
    source: { kind: 'manifesto', url: 'https://example.org/manifesto', date: '2026-04-01' },
    made_by: 'The Mayor',
    theme: 'transport',
    deadline: { kind: 'days', days: 365 },
    owner: 'gmca',
  });
  // Wigan's dataset changes last: it leads the feeds.
  await patchDataset(t.ctx, fx.wiganActor, 'air-quality', { title: 'Air quality (NO2)' });
});
afterAll(() => t.close());

describe('sitemap.xml', () => {
  it('lists every public page, with when it last changed, and nothing unpublished', async () => {
    const { res, $ } = await xmlOf('/sitemap.xml');
    expect(res.headers['content-type']).toContain('application/xml');
    expect($('urlset').attr('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = new Map(
      $('url')
        .map((_i, u) => [[$(u).children('loc').text(), $(u).children('lastmod').text()]])
        .get() as [string, string][],
    );
    for (const path of [
      '/',
      '/datasets',
      '/organisations',
      '/themes',
      '/indicators',
      '/dashboards',
      '/promises',
      '/sql',
      '/api/docs',
    ]) {
      expect(urls.has(BASE + path), path).toBe(true);
    }
    for (const path of [
      '/datasets/bus-punctuality',
      '/datasets/air-quality',
      '/organisations/gmca',
      '/themes/transport',
      '/indicators/fibre',
      '/dashboards/connectivity',
      '/promises/full-fibre-schools',
    ]) {
      expect(urls.get(BASE + path), path).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    // Every URL it lists opens for anyone.
    for (const loc of urls.keys()) {
      expect((await t.app.inject(loc.replace(BASE, ''))).statusCode, loc).toBe(200);
    }
    const all = [...urls.keys()].join('\n');
    expect(all).not.toContain('staff-rota');
    expect(all).not.toContain('draft-cycle-counts');
    expect(all).not.toContain('rota-cover');
  });

  it('is the same whoever asks', async () => {
    const anonymous = await t.app.inject('/sitemap.xml');
    const admin = await t.app.inject({ url: '/sitemap.xml', headers: bearer(fx.tokens.admin) });
    expect(admin.body).toBe(anonymous.body);
    expect(anonymous.headers['cache-control']).toBe('public, max-age=300');
  });

  it('answers no sitemap part while one file holds every URL', async () => {
    expect((await t.app.inject('/sitemaps/1.xml')).statusCode).toBe(200);
    expect((await t.app.inject('/sitemaps/2.xml')).statusCode).toBe(404);
  });
});

describe('Atom feeds', () => {
  it('publishes the site feed at /feeds/datasets.atom and, the same, at /datasets.atom', async () => {
    const { $ } = await xmlOf('/feeds/datasets.atom');
    const old = await xmlOf('/datasets.atom');
    expect($('feed > id').text()).toBe(old.$('feed > id').text());
    expect($('feed > link[rel="self"]').attr('href')).toBe(`${BASE}/feeds/datasets.atom`);
    expect(old.$('feed > link[rel="self"]').attr('href')).toBe(`${BASE}/datasets.atom`);
    const titles = $('entry > title')
      .map((_i, e) => $(e).text())
      .get();
    expect(titles[0]).toBe('Air quality (NO2)');
    expect(titles).not.toContain('Depot staff rota');
    expect(titles).not.toContain('Cycle counts (draft)');
  });

  it('gives each organisation a valid feed of its own public datasets', async () => {
    const { res, $ } = await xmlOf('/feeds/organisations/bolton.atom');
    expect(res.headers['content-type']).toContain('application/atom+xml');
    // RFC 4287: the feed's id, title, updated, author and links; each entry's the same.
    expect($('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect($('feed > id').text()).toBe(`${BASE}/feeds/organisations/bolton.atom`);
    expect($('feed > title').text()).toBe(
      'New and updated datasets from Bolton Council – Metrodata',
    );
    expect($('feed > link[rel="self"]').attr('href')).toBe(
      `${BASE}/feeds/organisations/bolton.atom`,
    );
    expect($('feed > link[rel="alternate"]').attr('href')).toBe(`${BASE}/organisations/bolton`);
    expect($('feed > author > name').text()).not.toBe('');
    const entries = $('entry');
    expect(
      entries
        .map((_i, e) => $(e).children('title').text())
        .get()
        .sort(),
    ).toEqual(['Bus punctuality', 'Fly-tipping reports']);
    expect($('feed > updated').text()).toBe(entries.first().children('updated').text());
    entries.each((_i, e) => {
      const entry = $(e);
      expect(entry.children('id').text()).toMatch(/^tag:metrodata\.test,2026:dataset:/);
      expect(entry.children('link[rel="alternate"]').attr('href')).toMatch(
        /^http:\/\/metrodata\.test\/datasets\//,
      );
      expect(entry.children('updated').text()).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(entry.find('author > name').text()).toBe('Bolton Council');
    });
    expect((await t.app.inject('/feeds/organisations/nowhere.atom')).statusCode).toBe(404);
  });

  it('is linked from the organisation page and every page', async () => {
    const $ = load((await t.app.inject('/organisations/wigan')).body);
    const feeds = $('head link[rel="alternate"][type="application/atom+xml"]')
      .map((_i, l) => $(l).attr('href'))
      .get();
    expect(feeds).toEqual(['/feeds/datasets.atom', '/feeds/organisations/wigan.atom']);
  });
});

it('leaves the SQL page out of the sitemap when SQL_ENABLED is off', async () => {
  const off = await createTestApp({ sqlEnabled: false });
  try {
    const body = (await off.app.inject('/sitemap.xml')).body;
    expect(body).toContain(`<loc>${BASE}/datasets</loc>`);
    expect(body).not.toContain(`<loc>${BASE}/sql</loc>`);
    expect((await off.app.inject('/sql')).statusCode).toBe(404);
  } finally {
    await off.close();
  }
});
