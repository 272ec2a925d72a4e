import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset } from '../../src/features/catalog/index.js';
import {
  findOrganisation,
  setOrganisationBoundary,
} from '../../src/features/organisations/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';

interface Org {
  '@type': string;
  name: string;
  url: string;
}
interface JsonLd {
  '@context': string;
  '@type': string;
  name: string;
  description: string;
  url: string;
  identifier: string;
  keywords: string[];
  license?: string;
  isAccessibleForFree: boolean;
  creator: Org;
  publisher: Org;
  temporalCoverage?: string;
  spatialCoverage: { '@type': string; name: string; geo?: { '@type': string; box: string } };
  distribution?: { '@type': string; name: string; encodingFormat: string; contentUrl: string }[];
  datePublished: string;
  dateModified: string;
}

let t: TestApp;
let fx: Fixture;
const BASE = 'http://metrodata.test';
const HOSTILE = 'Counts of cycles. </script><script>alert(1)</script> <!-- and a comment & more';

/** The page's JSON-LD, checked to be one script with the page's CSP nonce. */
async function jsonLd(slug: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ url: `/datasets/${slug}`, headers });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const $ = load(res.body);
  const scripts = $('script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  const nonce = /'nonce-([0-9a-f]+)'/.exec(String(res.headers['content-security-policy']))?.[1];
  expect(scripts.attr('nonce')).toBe(nonce);
  expect(scripts.parent().is('head')).toBe(true);
  return { $, data: JSON.parse(scripts.html() ?? '') as JsonLd };
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  await createDataset(t.ctx, fx.editorActor, {
    slug: 'road-collisions',
    title: 'Road collisions',
    organisation: 'bolton',
    description: 'Collisions on Bolton roads reported to the police, with the casualties in each.',
    tags: ['roads', 'safety'],
    themes: ['transport'],
    temporal_coverage: { start: '2024-01-01', end: '2024-12-31' },
    spatial_coverage: 'Bolton',
  });
  const { body, contentType } = multipartBody(
    {},
    { field: 'file', filename: 'collisions.csv', content: 'ref,casualties\n1,2\n2,1\n' },
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/datasets/road-collisions/resources?wait=true',
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const bolton = await findOrganisation(t.ctx, 'bolton');
  if (!bolton) throw new Error('no Bolton');
  await setOrganisationBoundary(
    t.ctx,
    bolton.id,
    JSON.stringify({
      type: 'Polygon',
      coordinates: [
        [
          [-2.62, 53.53],
          [-2.33, 53.53],
          [-2.33, 53.64],
          [-2.62, 53.64],
          [-2.62, 53.53],
        ],
      ],
    }),
    'E08000001',
  );
  await createDataset(t.ctx, fx.editorActor, {
    slug: 'hostile-text',
    title: 'Cycle counts',
    organisation: 'bolton',
    description: HOSTILE,
    licence: 'other-open',
  });
});
afterAll(() => t.close());

describe('schema.org Dataset in the dataset page', () => {
  it('gives search engines the required and recommended fields', async () => {
    const { data } = await jsonLd('road-collisions');
    const bolton = {
      '@type': 'Organization',
      name: 'Bolton Council',
      url: `${BASE}/organisations/bolton`,
    };
    expect(data).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'Dataset',
      name: 'Road collisions',
      description:
        'Collisions on Bolton roads reported to the police, with the casualties in each.',
      url: `${BASE}/datasets/road-collisions`,
      keywords: ['roads', 'safety', 'Transport'],
      license: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      isAccessibleForFree: true,
      creator: bolton,
      publisher: bolton,
      temporalCoverage: '2024-01-01/2024-12-31',
      spatialCoverage: {
        '@type': 'Place',
        name: 'Bolton',
        geo: { '@type': 'GeoShape', box: '53.53 -2.62 53.64 -2.33' },
      },
    });
    expect(data.identifier).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(data.dateModified >= data.datePublished).toBe(true);
    // The uploaded file, and the datastore's CSV of it.
    const downloads = data.distribution ?? [];
    expect(downloads.map((d) => [d['@type'], d.name, d.encodingFormat])).toEqual([
      ['DataDownload', 'collisions.csv', 'text/csv'],
      ['DataDownload', 'collisions.csv (CSV)', 'text/csv'],
    ]);
    expect(downloads[0]?.contentUrl).toMatch(
      /^http:\/\/metrodata\.test\/api\/v1\/resources\/[\w-]+\/download$/,
    );
    expect(downloads[1]?.contentUrl).toMatch(/\/export\.csv$/);
    // Every download it names is there.
    for (const d of data.distribution ?? []) {
      expect((await t.app.inject(d.contentUrl.replace(BASE, ''))).statusCode).toBe(200);
    }
  });

  it('cannot be broken out of by what a publisher writes', async () => {
    const { $, data } = await jsonLd('hostile-text');
    expect($('script:not([type])').text()).not.toContain('alert(1)');
    expect(data.description).toBe(HOSTILE);
    // No licence URL for "other", no time when none is given, and the publisher's area.
    expect(data.license).toBeUndefined();
    expect(data.temporalCoverage).toBeUndefined();
    expect(data.spatialCoverage.name).toBe('Bolton Council');
  });

  it('says something even when the publisher wrote too little for Google', async () => {
    await createDataset(t.ctx, fx.wiganActor, {
      slug: 'bus-stops',
      title: 'Bus stops',
      organisation: 'wigan',
      description: 'Stops.',
    });
    const { data } = await jsonLd('bus-stops');
    expect(data.description).toBe(
      'Stops. Bus stops, a dataset published by Wigan Council on Metrodata.',
    );
    // Wigan has no boundary: the region's name, and no box while the region has none either.
    expect(data.spatialCoverage).toEqual({ '@type': 'Place', name: 'Metrodata' });
  });
});
