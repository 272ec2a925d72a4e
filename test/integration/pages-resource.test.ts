import { Readable } from 'node:stream';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAfterUpload, replaceData } from '../../src/features/datastore/datastore.service.js';
import { addFileResource, addLinkResource } from '../../src/features/catalog/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';

let t: TestApp;
let fx: Fixture;
const ids = { csv: '', geo: '', link: '', private: '', routes: '' };

const BOROUGHS = ['Bolton', 'Bury', 'Wigan'];

/** 250 reports: borough cycles, cost = id, one line with a bad date to warn about. */
function reportsCsv(): string {
  const lines = ['id,reported_on,borough,cost,lat,lon'];
  for (let i = 1; i <= 250; i++) {
    const month = String((i % 3) + 1).padStart(2, '0');
    lines.push(
      `${i},2024-${month}-${String((i % 27) + 1).padStart(2, '0')},${BOROUGHS[i % 3] ?? ''},${i},${(53.5 + i / 10_000).toFixed(4)},${(-2.4 - i / 10_000).toFixed(4)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const depotsGeojson = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Bolton depot', bays: 40 },
      geometry: { type: 'Point', coordinates: [-2.43, 53.58] },
    },
    {
      type: 'Feature',
      properties: { name: 'Wigan yard', bays: 12 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-2.63, 53.54],
            [-2.62, 53.54],
            [-2.62, 53.55],
            [-2.63, 53.54],
          ],
        ],
      },
    },
  ],
});

async function addFile(slug: string, fileName: string, content: string) {
  const actor = fx.editorActor;
  const resource = await addFileResource(ctx(), actor, slug, {
    fileName,
    stream: Readable.from([Buffer.from(content)]),
  });
  const loaded = await loadAfterUpload(ctx(), actor, resource.id, true);
  expect(loaded?.status, JSON.stringify(loaded)).toBe('succeeded');
  return resource.id;
}
const ctx = () => t.ctx;

const page = async (url: string) => {
  const res = await t.app.inject(url);
  return { res, $: load(res.body) };
};
const base = () => `/datasets/fly-tipping-reports/resources/${ids.csv}`;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  ids.csv = await addFile('fly-tipping-reports', 'reports.csv', reportsCsv());
  ids.geo = await addFile('bus-punctuality', 'depots.geojson', depotsGeojson);
  ids.private = await addFile('staff-rota', 'rota.csv', 'name,shift\nAnn,early\nBob,late\n');
  const link = await addLinkResource(t.ctx, fx.editorActor, 'bus-punctuality', {
    name: 'Timetables',
    url: 'https://example.org/timetables.pdf',
    format: 'PDF',
  });
  ids.link = link.id;
  ids.routes = await addFile(
    'bus-punctuality',
    'routes.csv',
    'route,minutes\n1,5\n2,6,extra\n3,7\n',
  );
  const replaced = await replaceData(
    t.ctx,
    fx.editorActor,
    ids.routes,
    {
      fileName: 'routes.csv',
      stream: Readable.from([Buffer.from('route,minutes\n1,5\n2,6\n3,7\n4,8\n')]),
    },
    true,
  );
  expect(replaced.load?.status).toBe('succeeded');
}, 60_000);
afterAll(() => t.close());

describe('the resource page', () => {
  it('shows the table by default with the views as links and the row count', async () => {
    const { res, $ } = await page(base());
    expect(res.statusCode).toBe(200);
    expect($('h1').length).toBe(1);
    expect($('h1').text()).toBe('reports.csv');
    expect($('title').text()).toContain('reports.csv');
    const tabs = $('.app-sub-navigation a')
      .map((_, a) => $(a).text())
      .get();
    expect(tabs).toEqual(['Table', 'Chart', 'Map', 'Fields', 'Versions']);
    expect($('.app-sub-navigation a[aria-current="page"]').text()).toBe('Table');
    expect($('[role="status"]').text()).toContain('Showing 1 to 100 of 250 rows');
    expect($('.app-data-table tbody tr').length).toBe(100);
  });

  it('is a 404 for private data, for a resource of another dataset and for nonsense ids', async () => {
    const hidden = await page(`/datasets/staff-rota/resources/${ids.private}`);
    expect(hidden.res.statusCode).toBe(404);
    expect(hidden.$('h1').text()).toBe('Page not found');
    expect((await page(`/datasets/bus-punctuality/resources/${ids.csv}`)).res.statusCode).toBe(404);
    expect((await page('/datasets/bus-punctuality/resources/not-an-id')).res.statusCode).toBe(404);
  });

  it('shows a link resource with its link and no data views', async () => {
    const { res, $ } = await page(`/datasets/bus-punctuality/resources/${ids.link}`);
    expect(res.statusCode).toBe(200);
    expect($('.app-sub-navigation').length).toBe(0);
    expect($('main').text()).toContain('this resource is a link to another site');
    expect($('a[href="https://example.org/timetables.pdf"]').length).toBeGreaterThan(0);
    const chart = await page(`/datasets/bus-punctuality/resources/${ids.link}/chart`);
    expect(chart.res.statusCode).toBe(200);
    expect(chart.$('main').text()).toContain('this resource is a link to another site');
  });
});

describe('the table', () => {
  it('pages with GOV.UK pagination', async () => {
    const { $ } = await page(`${base()}?page=3`);
    expect($('[role="status"]').text()).toContain('Showing 201 to 250 of 250 rows');
    expect($('.govuk-pagination__item--current').text().trim()).toBe('3');
    expect($('title').text()).toContain('reports.csv (page 3)');
    expect($('.govuk-pagination__prev a').attr('href')).toContain('page=2');
    expect($('.govuk-pagination__next').length).toBe(0);
  });

  it('sorts by a column heading link, marking it with aria-sort and toggling the direction', async () => {
    const first = await page(base());
    const costHeader = first
      .$('th')
      .filter((_, th) => first.$(th).find('a').text().startsWith('cost'));
    expect(costHeader.find('.app-column-type').text()).toBe('integer');
    const asc = await page(costHeader.find('a').attr('href') ?? '');
    const sorted = asc.$('th[aria-sort="ascending"]');
    expect(sorted.find('a').text()).toContain('cost');
    const desc = await page(sorted.find('a').attr('href') ?? '');
    expect(desc.$('th[aria-sort="descending"] a').text()).toContain('cost');
    const costs = desc
      .$('tbody tr')
      .map((_, tr) => desc.$(tr).find('td').eq(3).text())
      .get();
    expect(costs.slice(0, 2)).toEqual(['250', '249']);
  });

  it('filters by column, operator and value and links the same rows as CSV, JSON and API', async () => {
    const { $ } = await page(
      `${base()}?field=borough&op=eq&value=Wigan&field=cost&op=lte&value=30`,
    );
    expect($('[role="status"]').text()).toContain('of 10 matching rows');
    const csv = $('a')
      .filter((_, a) => $(a).text() === 'CSV')
      .first()
      .attr('href');
    expect(csv).toContain(`/api/v1/resources/${ids.csv}/export.csv?`);
    const exported = await t.app.inject(csv ?? '');
    expect(exported.statusCode).toBe(200);
    expect(exported.body.trim().split('\n')).toHaveLength(11);
    const api = $('pre.app-code a').attr('href') ?? '';
    const json = await t.app.inject(api.replace('http://metrodata.test', ''));
    expect(json.json<{ total: number }>().total).toBe(10);
  });

  it('shows mistakes in the filters in an error summary, not as a failure', async () => {
    const noValue = await page(`${base()}?field=cost&op=gt&value=`);
    expect(noValue.res.statusCode).toBe(400);
    expect(noValue.$('.govuk-error-summary').text()).toContain('enter a value for cost');
    expect(noValue.$('title').text()).toMatch(/^Error: /);
    expect(noValue.$('#filter-value-1-error').length).toBe(1);
    const wrongType = await page(`${base()}?field=cost&op=gt&value=lots`);
    expect(wrongType.res.statusCode).toBe(400);
    expect(wrongType.$('.govuk-error-summary').text()).toContain('not a whole number');
  });
});

describe('the fields and versions', () => {
  it('lists each field with its type and stats', async () => {
    const { res, $ } = await page(`${base()}/fields`);
    expect(res.statusCode).toBe(200);
    const cost = $('tbody tr').filter((_, tr) => $(tr).find('th').text() === 'cost');
    const cells = cost
      .find('td')
      .map((_, td) => $(td).text().trim())
      .get();
    expect(cells[0]).toBe('integer');
    expect(cells.slice(1, 4)).toEqual(['0', '1', '250']);
    expect(cells[4]).toMatch(/^about \d/);
  });

  it('lists each version with who loaded it, its rows and its report with line numbers', async () => {
    const { res, $ } = await page(`/datasets/bus-punctuality/resources/${ids.routes}/versions`);
    expect(res.statusCode).toBe(200);
    const headings = $('main h3')
      .map((_, h) => $(h).text())
      .get();
    expect(headings).toEqual(['Version 2 (current)', 'Version 1']);
    const v1 = $('#version-1').closest('section');
    expect(v1.text()).toContain('2 rows');
    expect(v1.text()).toContain('by editor');
    const warning = v1
      .find('tbody tr')
      .first()
      .find('td')
      .map((_, td) => $(td).text())
      .get();
    expect(warning[0]).toBe('3');
    expect(warning[2]).toContain('skipped');
    expect($('#version-2').closest('section').text()).toContain('4 rows');
  });
});

describe('the chart', () => {
  const chart = () => `${base()}/chart`;

  it('first counts rows by month of the first date, as an image with its data as a table', async () => {
    const { res, $ } = await page(chart());
    expect(res.statusCode).toBe(200);
    const img = $('.app-chart img');
    expect(img.attr('src')).toMatch(/\/chart\.svg\?type=bar&x=reported_on&bucket=month&agg=count$/);
    expect(img.attr('alt')).toContain('Bar chart of count of rows by reported_on (by month)');
    const counts = $('.app-table-scroll tbody tr')
      .map((_, tr) => Number($(tr).find('td').last().text()))
      .get();
    expect(counts).toHaveLength(3);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(250);
    expect($('script[src="/assets/chart.js"]').length).toBe(1);
  });

  it('sums a field by a category, with a shareable URL and SVG, PNG and spec downloads', async () => {
    const params = 'type=bar&x=borough&agg=sum&y=cost';
    const { $ } = await page(`${chart()}?${params}`);
    const rows = $('.app-table-scroll tbody tr')
      .map((_, tr) =>
        $(tr)
          .find('td')
          .map((__, td) => $(td).text())
          .get()
          .join('='),
      )
      .get();
    expect(rows).toEqual(['Bolton=10,458', 'Bury=10,542', 'Wigan=10,375']);
    expect(
      $('a')
        .filter((_, a) => $(a).text().startsWith('http://metrodata.test'))
        .attr('href'),
    ).toBe(`http://metrodata.test${chart()}?${params}`);

    const svg = await t.app.inject($('a:contains("Chart as SVG")').attr('href') ?? '');
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toMatch(/^<svg/);
    expect(svg.body).toContain('Sum of cost');
    expect(svg.body).toContain('Bury');
    const png = await t.app.inject($('a:contains("Chart as PNG")').attr('href') ?? '');
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const spec = await t.app.inject($('a:contains("Vega-Lite")').attr('href') ?? '');
    const vl = spec.json<{ $schema: string; data: { values: Record<string, unknown>[] } }>();
    expect(vl.$schema).toContain('vega-lite');
    expect(vl.data.values).toContainEqual({ x: 'Bury', y: 10542 });
  });

  it('colours lines by a second field', async () => {
    const { $ } = await page(
      `${chart()}?type=line&x=reported_on&bucket=month&agg=avg&y=cost&group=borough`,
    );
    expect(
      $('.app-table-scroll thead th')
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(['reported_on (by month)', 'borough', 'Average of cost']);
    // In the fixture each month has reports from one borough only.
    const first = $('.app-table-scroll tbody tr').first().find('td');
    expect(first.map((_, td) => $(td).text()).get()).toEqual(['2024-01-01', 'Bolton', '126']);
    expect($('.app-table-scroll tbody tr')).toHaveLength(3);
    const svg = await t.app.inject($('.app-chart img').attr('src') ?? '');
    expect(svg.statusCode).toBe(200);
    expect(svg.body).toContain('Jan');
  });

  it('explains impossible choices in an error summary, and the image answers 400', async () => {
    const { res, $ } = await page(`${chart()}?type=bar&x=borough&agg=sum&y=borough`);
    expect(res.statusCode).toBe(400);
    expect($('.govuk-error-summary a[href="#y"]').text()).toContain('needs a number field');
    expect($('#y-error').length).toBe(1);
    expect($('.app-chart').length).toBe(0);
    const svg = await t.app.inject(`${chart()}.svg?type=bar&x=nope`);
    expect(svg.statusCode).toBe(400);
  });

  it('is a 404 for private data, image included', async () => {
    const url = `/datasets/staff-rota/resources/${ids.private}/chart`;
    expect((await t.app.inject(url)).statusCode).toBe(404);
    expect((await t.app.inject(`${url}.svg?x=name`)).statusCode).toBe(404);
  });
});

describe('the map', () => {
  it('points Leaflet at the GeoJSON query, with the configured tiles, and works around no JavaScript', async () => {
    const { res, $ } = await page(`/datasets/bus-punctuality/resources/${ids.geo}/map`);
    expect(res.statusCode).toBe(200);
    const map = $('#map');
    expect(map.attr('data-tile-url')).toBe(t.ctx.config.mapTileUrl);
    expect(map.attr('data-attribution')).toBe(t.ctx.config.mapAttribution);
    expect($('link[href="/assets/map.css"]').length).toBe(1);
    expect($('script[src="/assets/map.js"]').length).toBe(1);
    expect($('.app-js-hidden').text()).toContain('The map needs JavaScript');
    const download = $('a:contains("All rows as GeoJSON")').attr('href') ?? '';
    expect((await t.app.inject(download)).statusCode).toBe(200);

    const data = await t.app.inject(map.attr('data-geojson-url') ?? '');
    const geojson = data.json<{ features: { geometry: { type: string }; properties: object }[] }>();
    expect(geojson.features.map((f) => f.geometry.type)).toEqual(['Point', 'Polygon']);
    expect(geojson.features[0]?.properties).toMatchObject({ name: 'Bolton depot', bays: 40 });
  });

  it('is offered for latitude/longitude rows, and not for data without places', async () => {
    expect((await page(`${base()}/map`)).res.statusCode).toBe(200);
    const routes = await page(`/datasets/bus-punctuality/resources/${ids.routes}/map`);
    expect(routes.res.statusCode).toBe(404);
    const table = await page(`/datasets/bus-punctuality/resources/${ids.routes}`);
    expect(
      table
        .$('.app-sub-navigation a')
        .map((_, a) => table.$(a).text())
        .get(),
    ).not.toContain('Map');
  });

  it('serves Leaflet’s stylesheet and images as files', async () => {
    const css = await t.app.inject('/assets/map.css');
    expect(css.statusCode).toBe(200);
    const image = /url\("?(\/assets\/images\/layers-[^")]+)"?\)/.exec(css.body)?.[1] ?? '';
    expect((await t.app.inject(image)).statusCode).toBe(200);
  });
});
