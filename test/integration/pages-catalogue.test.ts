import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset } from '../../src/features/catalog/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';

let t: TestApp;
let fx: Fixture;
let resourceId: string;

async function page(url: string, headers: Record<string, string> = {}, status = 200) {
  const res = await t.app.inject({ url, headers });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return load(res.body);
}

type Where = Parameters<CheerioAPI>[0];
const text = ($: CheerioAPI, selector: Where) => $(selector).text().replace(/\s+/g, ' ').trim();
const titles = ($: CheerioAPI) =>
  $('.app-dataset-list h2')
    .map((_i, h) => $(h).text().trim())
    .get();
const links = ($: CheerioAPI, selector: Where = 'main a') =>
  $(selector)
    .map((_i, a) => $(a).attr('href'))
    .get();

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  await createDataset(t.ctx, fx.editorActor, {
    slug: 'road-casualties',
    title: 'Road casualties',
    organisation: 'bolton',
    description: '## Method\n\nCounted by **police** reports. <script>alert(1)</script>',
    tags: ['roads'],
    themes: ['transport'],
    update_frequency: 'monthly',
    temporal_coverage: { start: '2020-01-01', end: '2024-12-31' },
    spatial_coverage: 'Bolton',
    contact: { name: 'Data team', email: 'data@bolton.example' },
  });
  const csv = 'month,casualties\n2024-01,12\n2024-02,9\n';
  const { body, contentType } = multipartBody(
    { name: 'Casualties by month' },
    { field: 'file', filename: 'casualties.csv', content: csv },
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/datasets/road-casualties/resources?wait=true',
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  resourceId = res.json<{ id: string }>().id;
});
afterAll(() => t.close());

describe('home page', () => {
  it('names the region, offers a search and counts only what the visitor can see', async () => {
    const $ = await page('/');
    expect($('h1')).toHaveLength(1);
    expect($('form[action="/datasets"]').attr('method')).toBe('get');
    expect($('form[action="/datasets"] input[name="q"]').attr('id')).toBe('q');
    expect($('label[for="q"]').text()).toContain('Search datasets');
    // Bolton publishes 3 public datasets (bus punctuality, fly-tipping, road casualties), plus
    // one private and one draft that an anonymous visitor must not see counted.
    expect(text($, 'main li:has(a[href="/organisations/bolton"])')).toContain('3 datasets');
    expect(text($, 'main li:has(a[href="/themes/transport"])')).toContain('2 datasets');
    expect(links($)).toContain('/datasets/road-casualties');
    expect(links($)).not.toContain('/datasets/staff-rota');
  });

  it('shows the datasets viewed most, most viewed first', async () => {
    for (let i = 0; i < 3; i++) await page('/datasets/air-quality');
    await page('/datasets/bus-punctuality');
    // A private dataset viewed by its publisher never shows to the public.
    for (let i = 0; i < 5; i++) await page('/datasets/staff-rota', bearer(fx.tokens.editor));
    const $ = await page('/');
    const list = $('h2:contains("Most viewed")').next('ol');
    const order = links($, list.find('a'));
    expect(order.slice(0, 2)).toEqual(['/datasets/air-quality', '/datasets/bus-punctuality']);
    expect(order).not.toContain('/datasets/staff-rota');
    expect(list.text()).toContain('3 views');
  });
});

describe('search page', () => {
  it('finds public datasets by words, never private or draft ones', async () => {
    const $ = await page('/datasets?q=bus');
    expect($('h1')).toHaveLength(1);
    expect($('title').text()).toContain('Datasets matching ‘bus’');
    expect(links($, '.app-dataset-list h2 a')).toContain('/datasets/bus-punctuality');
    expect(links($, '.app-dataset-list h2 a')).not.toContain('/datasets/staff-rota');
    const all = await page('/datasets');
    expect(links(all, '.app-dataset-list h2 a')).not.toContain('/datasets/draft-cycle-counts');
    expect(all('input[name="organisation"][value="bolton"]').next('label').text()).toContain('(3)');
  });

  it('shows an editor their own private and draft datasets', async () => {
    const $ = await page('/datasets?organisation=bolton', bearer(fx.tokens.editor));
    expect(links($, '.app-dataset-list h2 a')).toEqual(
      expect.arrayContaining(['/datasets/staff-rota', '/datasets/draft-cycle-counts']),
    );
  });

  it('filters by facets as ticked checkboxes, each with a link to remove it', async () => {
    // Typed by hand in the URL, a tag's case does not matter.
    const $ = await page('/datasets?theme=transport&tag=Roads');
    expect(links($, '.app-dataset-list h2 a')).toEqual(['/datasets/road-casualties']);
    expect($('input[name="theme"][value="transport"]').is(':checked')).toBe(true);
    expect($('input[name="tag"][value="roads"]').is(':checked')).toBe(true);
    const remove = $('.app-active-filters a');
    expect(remove).toHaveLength(2);
    expect(remove.first().text()).toContain('Theme: Transport');
    expect(remove.first().attr('href')).toBe('/datasets?tag=roads');
    for (const facet of ['organisation', 'theme', 'tag', 'licence']) {
      expect($(`fieldset:has(input[name="${facet}"]) legend`).text().trim()).not.toBe('');
    }
  });

  it('sorts by title and pages with links that keep the whole search', async () => {
    const first = await page('/datasets?sort=title&per_page=2');
    expect(titles(first)).toEqual(['Air quality monitoring', 'Bus punctuality']);
    expect(first('select[name="sort"] option[selected]').attr('value')).toBe('title');
    const next = first('.govuk-pagination__next a').attr('href');
    expect(next).toBe('/datasets?sort=title&per_page=2&page=2');
    const second = await page(next ?? '');
    expect(titles(second)).toEqual(['Fly-tipping reports', 'Road casualties']);
    expect(second('.govuk-pagination__prev a').attr('href')).toBe(
      '/datasets?sort=title&per_page=2',
    );
  });

  it('answers a bad page number with an error page, not a stack trace', async () => {
    const $ = await page('/datasets?page=0', {}, 400);
    expect(text($, 'h1')).toBe('There is a problem with the request');
  });
});

describe('organisation and theme pages', () => {
  it('lists publishers with their public dataset counts', async () => {
    const $ = await page('/organisations');
    expect(text($, 'tr:has(a[href="/organisations/bolton"])')).toContain('Council 3');
  });

  it('shows a publisher with its public datasets, paged', async () => {
    const $ = await page('/organisations/bolton');
    expect(text($, 'h1')).toBe('Bolton Council');
    expect(links($, '.app-dataset-list a')).toContain('/datasets/road-casualties');
    expect(links($, '.app-dataset-list a')).not.toContain('/datasets/staff-rota');
    expect(links($)).toContain('/datasets?organisation=bolton');
    await page('/organisations/nowhere', {}, 404);
  });

  it('lists themes and shows a theme with its datasets', async () => {
    const themes = await page('/themes');
    expect(links(themes)).toContain('/themes/transport');
    const $ = await page('/themes/transport');
    expect(text($, 'h1')).toBe('Transport');
    expect(links($, '.app-dataset-list a')).toEqual(
      expect.arrayContaining(['/datasets/bus-punctuality', '/datasets/road-casualties']),
    );
    expect(links($, '.app-dataset-list a')).not.toContain('/datasets/staff-rota');
    await page('/themes/no-such-theme', {}, 404);
  });
});

describe('dataset page', () => {
  it('shows the description as safe Markdown and the facts about the dataset', async () => {
    const $ = await page('/datasets/road-casualties');
    expect(text($, 'h1')).toBe('Road casualties');
    expect($('title').text()).toMatch(/^Road casualties – /);
    // Headings in descriptions start one level down: the page has the h1 and its own h2s.
    expect(text($, '.app-description h3')).toBe('Method');
    expect(text($, '.app-description strong')).toBe('police');
    expect($('main script')).toHaveLength(0);
    const summary = text($, '.app-dataset-summary');
    expect(summary).toContain('Bolton Council');
    expect(summary).toContain('Open Government Licence v3.0');
    expect(summary).toContain('Monthly');
    expect(summary).toContain('1 January 2020 to 31 December 2024');
    expect(summary).toContain('data@bolton.example');
    expect(links($, '.app-dataset-summary a')).toEqual(
      expect.arrayContaining(['/datasets?theme=transport', '/datasets?tag=roads']),
    );
  });

  it('lists resources with format, size, a page of their own and a download', async () => {
    const $ = await page('/datasets/road-casualties');
    const row = $(`tr:has(a[href="/datasets/road-casualties/resources/${resourceId}"])`);
    expect(text($, row.find('th'))).toContain('Casualties by month');
    expect(row.text()).toContain('CSV');
    expect(row.text()).toContain('bytes');
    expect(row.text()).toContain('2 rows');
    expect(row.find('a[download]').attr('href')).toBe(
      `http://metrodata.test/api/v1/resources/${resourceId}/download`,
    );
  });

  it('says how to cite it and how to query it from code', async () => {
    const $ = await page('/datasets/road-casualties');
    const cite = text($, '.app-citation');
    expect(cite).toContain('Bolton Council. (');
    expect(cite).toContain('Road casualties [Data set]');
    expect(cite).toContain('http://metrodata.test/datasets/road-casualties (accessed ');
    const queryUrl = `http://metrodata.test/api/v1/resources/${resourceId}/query`;
    expect($('#example-curl code').text()).toContain(`curl -X POST '${queryUrl}'`);
    expect($('#example-python code').text()).toContain(`requests.post("${queryUrl}"`);
    expect($('#example-javascript code').text()).toContain(`fetch("${queryUrl}"`);
    // The example really works against the API.
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/resources/${resourceId}/query`,
      payload: { limit: 10, sort: [{ field: 'month', dir: 'asc' }] },
    });
    expect(res.json<{ total: number }>().total).toBe(2);
  });

  it('shows the history of changes', async () => {
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/datasets/road-casualties',
      headers: bearer(fx.tokens.editor),
      payload: { title: 'Road casualties in Bolton' },
    });
    const $ = await page('/datasets/road-casualties');
    const history = text($, '.app-history');
    expect(history).toContain('Dataset changed: title');
    expect(history).toContain('Resource added: Casualties by month');
    expect(history).toContain('Dataset published');
  });

  it('is a 404 for private and draft datasets unless the visitor may read them', async () => {
    await page('/datasets/staff-rota', {}, 404);
    await page('/datasets/draft-cycle-counts', bearer(fx.tokens.outsider), 404);
    await page('/datasets/staff-rota', bearer(fx.tokens.otherEditor), 404);
    const $ = await page('/datasets/draft-cycle-counts', bearer(fx.tokens.member));
    expect(text($, '.govuk-inset-text')).toContain('a draft');
  });
});

describe('robots.txt, sitemap and feed', () => {
  it('lets crawlers in but not into publishing, and points at the sitemap', async () => {
    const res = await t.app.inject('/robots.txt');
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('Disallow: /publish\nDisallow: /sign-in');
    expect(res.body).toContain('Sitemap: http://metrodata.test/sitemap.xml');
  });

  it('lists public datasets, organisations and themes in the sitemap, nothing private', async () => {
    const res = await t.app.inject({ url: '/sitemap.xml', headers: bearer(fx.tokens.admin) });
    expect(res.headers['content-type']).toContain('application/xml');
    const $ = load(res.body, { xml: true });
    const locs = $('url > loc')
      .map((_i, l) => $(l).text())
      .get();
    expect(locs).toContain('http://metrodata.test/datasets/bus-punctuality');
    expect(locs).toContain('http://metrodata.test/organisations/wigan');
    expect(locs).toContain('http://metrodata.test/themes/transport');
    expect(locs).not.toContain('http://metrodata.test/datasets/staff-rota');
    expect(locs).not.toContain('http://metrodata.test/datasets/draft-cycle-counts');
  });

  it('publishes an Atom feed of public datasets, newest change first', async () => {
    const res = await t.app.inject({ url: '/datasets.atom', headers: bearer(fx.tokens.admin) });
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const $ = load(res.body, { xml: true });
    expect($('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect($('feed > id').text()).not.toBe('');
    const entries = $('entry');
    const titles = entries.map((_i, e) => $(e).children('title').text()).get();
    // Changed last (in the history test above), so first.
    expect(titles[0]).toBe('Road casualties in Bolton');
    expect(titles).not.toContain('Depot staff rota');
    expect(titles).not.toContain('Cycle counts (draft)');
    const updated = entries.map((_i, e) => $(e).children('updated').text()).get();
    expect([...updated].sort().reverse()).toEqual(updated);
    entries.each((_i, e) => {
      expect($(e).children('id').text()).toMatch(/^tag:metrodata\.test,2026:dataset:/);
      expect($(e).children('link').attr('href')).toMatch(/^http:\/\/metrodata\.test\/datasets\//);
    });
    expect($('feed > updated').text()).toBe(updated[0]);
  });
});

describe('API documentation page', () => {
  it('renders every operation from the OpenAPI document, without scripts of its own', async () => {
    const $ = await page('/api/docs');
    expect(text($, 'h1')).toBe('API documentation');
    expect(links($)).toContain('http://metrodata.test/api/v1/openapi.json');
    expect(text($, '#tag-catalogue')).toBe('Catalogue');
    expect(text($, '#tag-datastore')).toBe('Datastore');
    const search = $('section:has(code:contains("GET /api/v1/datasets"))').first();
    expect(search.text()).toContain('Search datasets, with facet counts');
    expect(text($, search.find('table th:has(code:contains("q"))'))).toContain('q');
    expect(search.text()).toContain('DatasetSummary');
    const query = $('section:has(code:contains("POST /api/v1/resources/{id}/query"))').first();
    expect(query.find('table').text()).toContain('filters');
    expect($('main script')).toHaveLength(0);
  });
});
