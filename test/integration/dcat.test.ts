import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset } from '../../src/features/catalog/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { linkAirQualityGeoJson, uploadPunctualityCsv } from '../helpers/dcat-fixture.js';
import {
  canonical,
  DCAT_SHAPES_DIR,
  hasDcatShapes,
  parseJsonLd,
  parseRdfXml,
  parseTurtle,
  shaclValidator,
  type ShaclResult,
} from '../helpers/rdf.js';

let t: TestApp;
let fx: Fixture;
let csvId: string;
let changedSince: string;
const BASE = 'http://localhost:8080';
const DCAT = 'http://www.w3.org/ns/dcat#';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

/** The objects of `subject predicate ?` in a Turtle document. */
function objects(turtle: string, subject: string, predicate: string): string[] {
  return parseTurtle(turtle)
    .filter((q) => q.subject.value === subject && q.predicate.value === predicate)
    .map((q) => q.object.value);
}

const datasetsIn = (turtle: string) =>
  objects(turtle, `${BASE}/catalog`, `${DCAT}dataset`)
    .map((iri) => iri.replace(`${BASE}/dataset/`, ''))
    .sort();

beforeAll(async () => {
  // Two datasets a page, so the fixture's three public datasets take two pages.
  t = await createTestApp({ baseUrl: BASE, dcatPageSize: 2 });
  fx = await seedFixture(t.ctx);
  csvId = (await uploadPunctualityCsv(t, fx)).id;
  await linkAirQualityGeoJson(
    t,
    fx,
    'Readings <GeoJSON> & "more"',
    'https://example.org/air-quality.geojson?month=2024-01&kind=no2',
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  changedSince = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 20));
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
  // Every optional field empty: no description, tags, themes, coverage, contact or resources.
  await createDataset(t.ctx, fx.editorActor, {
    slug: 'bare-minimum',
    title: 'Bare minimum',
    organisation: 'bolton',
    description: '',
  });
});
afterAll(() => t.close());

describe('the catalogue for harvesters', () => {
  it('is a DCAT catalogue of the public datasets, newest first, paged with Hydra', async () => {
    const first = await get('/catalog.ttl');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('text/turtle; charset=utf-8');
    const page1 = `${BASE}/catalog.ttl?page=1`;
    expect(objects(first.body, `${BASE}/catalog`, RDF_TYPE)).toEqual([`${DCAT}Catalog`]);
    expect(objects(first.body, page1, `${HYDRA}totalItems`)).toEqual(['4']);
    expect(objects(first.body, page1, `${HYDRA}itemsPerPage`)).toEqual(['2']);
    expect(objects(first.body, page1, `${HYDRA}nextPage`)).toEqual([`${BASE}/catalog.ttl?page=2`]);
    expect(objects(first.body, page1, `${HYDRA}lastPage`)).toEqual([`${BASE}/catalog.ttl?page=2`]);
    expect(datasetsIn(first.body)).toEqual(['bare-minimum', 'bus-punctuality']);

    const second = await get('/catalog.ttl?page=2');
    const page2 = `${BASE}/catalog.ttl?page=2`;
    expect(datasetsIn(second.body)).toEqual(['air-quality', 'fly-tipping-reports']);
    expect(objects(second.body, page2, `${HYDRA}previousPage`)).toEqual([page1]);
    expect(objects(second.body, page2, `${HYDRA}nextPage`)).toEqual([]);
    for (const body of [first.body, second.body]) {
      expect(body).not.toContain('staff-rota');
      expect(body).not.toContain('draft-cycle-counts');
    }
  });

  it('filters by modified_since and by the search words, and says so in its page links', async () => {
    const since = encodeURIComponent(changedSince);
    const recent = await get(`/catalog.ttl?modified_since=${since}`);
    expect(recent.statusCode).toBe(200);
    expect(datasetsIn(recent.body)).toEqual(['bare-minimum', 'bus-punctuality']);
    const self = `${BASE}/catalog.ttl?modified_since=${since}&page=1`;
    expect(objects(recent.body, self, `${HYDRA}totalItems`)).toEqual(['2']);
    const day = await get('/catalog.ttl?modified_since=2000-01-01');
    expect(datasetsIn(day.body)).toHaveLength(2);
    expect(
      objects(
        day.body,
        `${BASE}/catalog.ttl?modified_since=2000-01-01&page=1`,
        `${HYDRA}totalItems`,
      ),
    ).toEqual(['4']);
    const words = await get('/catalog.ttl?q=nitrogen');
    expect(datasetsIn(words.body)).toEqual(['air-quality']);
  });

  it('answers a bad modified_since with a 400 naming the parameter', async () => {
    for (const value of ['yesterday', '2024-13-45', '2024-05-01T25:00:00Z']) {
      const res = await get(`/catalog.ttl?modified_since=${encodeURIComponent(value)}`);
      expect(res.statusCode, value).toBe(400);
      expect(res.json()).toMatchObject({
        error: { code: 'invalid_request', details: [{ field: 'modified_since' }] },
      });
    }
  });

  it('is served as Turtle, JSON-LD and RDF/XML, by extension or by Accept on /catalog', async () => {
    const jsonld = await get('/catalog.jsonld');
    expect(jsonld.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    for (const url of ['/catalog.rdf', '/catalog.xml']) {
      const res = await get(url);
      expect(res.headers['content-type']).toBe('application/rdf+xml; charset=utf-8');
      expect(res.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<rdf:RDF/);
    }
    const negotiated = await get('/catalog', { accept: 'application/ld+json' });
    expect(negotiated.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(negotiated.headers.vary).toMatch(/Accept/);
    const browser = await get('/catalog', { accept: BROWSER });
    expect(browser.statusCode).toBe(303);
    expect(browser.headers.location).toBe('/datasets');
  });

  it('is linked from the home page for harvesters', async () => {
    const home = await get('/', { accept: BROWSER });
    expect(home.body).toContain('<link rel="alternate" type="text/turtle"');
    expect(home.body).toContain('href="/catalog.ttl"');
    expect(home.body).toContain('href="/catalog.jsonld"');
    expect(home.body).toContain('href="/catalog.rdf"');
  });
});

describe('a dataset for harvesters', () => {
  it('describes the dataset, its distributions and its query API as DCAT-AP lists them', async () => {
    const res = await get('/dataset/bus-punctuality.ttl');
    expect(res.statusCode).toBe(200);
    const s = `${BASE}/dataset/bus-punctuality`;
    const dist = `${s}#resource-${csvId}`;
    const body = res.body;
    expect(objects(body, s, 'http://purl.org/dc/terms/accrualPeriodicity')).toEqual([
      'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
    ]);
    expect(objects(body, s, `${DCAT}theme`)).toEqual([
      'http://publications.europa.eu/resource/authority/data-theme/TRAN',
    ]);
    expect(objects(body, s, `${DCAT}landingPage`)).toEqual([`${BASE}/datasets/bus-punctuality`]);
    expect(body).toContain('vcard:hasEmail <mailto:transport.data@bolton.example>');
    expect(body).toContain('dcat:startDate "2024-01-01"^^xsd:date');
    expect(body).toMatch(/dct:issued "[^"]+"\^\^xsd:dateTime/);
    expect(objects(body, dist, `${DCAT}downloadURL`)).toEqual([
      `${BASE}/api/v1/resources/${csvId}/download`,
    ]);
    expect(objects(body, dist, `${DCAT}mediaType`)).toEqual([
      'https://www.iana.org/assignments/media-types/text/csv',
    ]);
    expect(objects(body, dist, 'http://purl.org/dc/terms/format')).toEqual([
      'http://publications.europa.eu/resource/authority/file-type/CSV',
    ]);
    expect(objects(body, dist, 'http://purl.org/dc/terms/license')).toEqual([
      'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    ]);
    expect(body).toMatch(/spdx:checksumValue "[0-9a-f]{64}"\^\^xsd:hexBinary/);
    expect(body).toMatch(/dcat:byteSize "\d+"\^\^xsd:nonNegativeInteger/);
    const service = objects(body, dist, `${DCAT}accessService`);
    expect(service).toEqual([`${s}#service-${csvId}`]);
    expect(objects(body, service[0] ?? '', `${DCAT}endpointURL`)).toEqual([
      `${BASE}/api/v1/resources/${csvId}/query`,
    ]);
    expect(objects(body, service[0] ?? '', `${DCAT}servesDataset`)).toEqual([s]);
  });

  it.each(['bus-punctuality', 'air-quality', 'bare-minimum'])(
    'parses to the same graph from Turtle, JSON-LD and RDF/XML (%s)',
    async (slug) => {
      const turtle = canonical(parseTurtle((await get(`/dataset/${slug}.ttl`)).body));
      const jsonld = canonical(await parseJsonLd((await get(`/dataset/${slug}.jsonld`)).body));
      const rdfxml = canonical(await parseRdfXml((await get(`/dataset/${slug}.rdf`)).body));
      expect(turtle.length).toBeGreaterThan(10);
      expect(jsonld).toEqual(turtle);
      expect(rdfxml).toEqual(turtle);
    },
  );

  it('parses to the same graph in every format for a catalogue page too', async () => {
    const turtle = canonical(parseTurtle((await get('/catalog.ttl?page=2')).body));
    const jsonld = canonical(await parseJsonLd((await get('/catalog.jsonld?page=2')).body));
    const rdfxml = canonical(await parseRdfXml((await get('/catalog.rdf?page=2')).body));
    // Only the page links differ, naming their own format.
    const sameFormat = (lines: string[], ext: string) =>
      lines.map((l) => l.replaceAll(`/catalog.${ext}?`, '/catalog.FORMAT?'));
    expect(sameFormat(jsonld, 'jsonld')).toEqual(sameFormat(turtle, 'ttl'));
    expect(sameFormat(rdfxml, 'rdf')).toEqual(sameFormat(turtle, 'ttl'));
  });

  it('is negotiated on the dataset page: RDF for harvesters, HTML for browsers', async () => {
    const turtle = await get('/datasets/bus-punctuality', { accept: 'text/turtle' });
    expect(turtle.statusCode).toBe(200);
    expect(turtle.headers['content-type']).toBe('text/turtle; charset=utf-8');
    expect(turtle.headers.vary).toMatch(/Accept/);
    const xml = await get('/datasets/bus-punctuality', {
      accept: 'application/rdf+xml;q=0.9, text/html;q=0.5',
    });
    expect(xml.headers['content-type']).toBe('application/rdf+xml; charset=utf-8');
    for (const accept of [BROWSER, '*/*', '']) {
      const page = await get('/datasets/bus-punctuality', accept ? { accept } : {});
      expect(page.headers['content-type'], accept).toMatch(/^text\/html/);
      expect(page.headers.vary, accept).toMatch(/Accept/);
    }
    const page = await get('/datasets/bus-punctuality', { accept: BROWSER });
    expect(page.body).toContain(
      '<link rel="alternate" type="text/turtle" title="DCAT-AP (Turtle)" href="/dataset/bus-punctuality.ttl">',
    );
    expect(page.body).toContain('href="/dataset/bus-punctuality.jsonld"');
    expect(page.body).toContain('href="/dataset/bus-punctuality.rdf"');
    const iri = await get('/dataset/bus-punctuality', { accept: 'application/ld+json' });
    expect(iri.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const browser = await get('/dataset/bus-punctuality', { accept: BROWSER });
    expect(browser.statusCode).toBe(303);
    expect(browser.headers.location).toBe('/datasets/bus-punctuality');
  });

  it('is not found when private or a draft, even for its editors, and for unknown formats', async () => {
    for (const url of [
      '/dataset/staff-rota.ttl',
      '/dataset/draft-cycle-counts.jsonld',
      '/dataset/no-such-dataset.rdf',
      '/dataset/bus-punctuality.exe',
      '/dataset/bus-punctuality.xml',
    ]) {
      const res = await get(url, bearer(fx.tokens.editor));
      expect(res.statusCode, url).toBe(404);
      if (!url.endsWith('.exe')) {
        expect(res.json(), url).toMatchObject({ error: { code: 'not_found' } });
      }
    }
  });
});

describe.skipIf(!hasDcatShapes)('validated by the official DCAT-AP 3.0.1 SHACL shapes', () => {
  const violations = (results: ShaclResult[]) => results.filter((r) => r.severity === 'Violation');
  const documents = async () => [
    (await get('/catalog.ttl?page=1')).body,
    (await get('/catalog.ttl?page=2')).body,
    (await get('/dataset/bus-punctuality.ttl')).body,
    (await get('/dataset/bare-minimum.ttl')).body,
  ];

  it('has no violation of shapes.ttl', async () => {
    const validate = shaclValidator('shapes.ttl');
    for (const doc of await documents()) expect(violations(await validate(doc))).toEqual([]);
  });

  it('has no violation of dcat-ap-SHACL.ttl with ranges.ttl', async () => {
    const validate = shaclValidator('dcat-ap-SHACL.ttl', 'ranges.ttl');
    for (const doc of await documents()) expect(violations(await validate(doc))).toEqual([]);
  });

  it('leaves only the warnings of shapes_recommended.ttl that docs/api.md explains', async () => {
    const validate = shaclValidator('shapes_recommended.ttl');
    const warnings = async (url: string) =>
      (await validate((await get(url)).body))
        .map((r) => `${r.severity} ${r.focusNode.replace(/#.*-[0-9a-f-]{36}$/, '#…')} ${r.path}`)
        .sort();
    const R5R = 'http://data.europa.eu/r5r/';
    const DCT = 'http://purl.org/dc/terms/';
    const full = `${BASE}/dataset/bus-punctuality`;
    // A dataset with every field filled: what we do not know (docs/api.md, "DCAT-AP 3").
    expect(await warnings('/dataset/bus-punctuality.ttl')).toEqual([
      `Warning ${full}#spatial ${DCAT}bbox`,
      `Warning ${full}#spatial ${DCAT}centroid`,
      `Warning ${full}#… ${R5R}availability`,
      `Warning ${full}#… ${DCT}description`,
    ]);
    // A dataset with every optional field empty: exactly those fields.
    const bare = `${BASE}/dataset/bare-minimum`;
    expect(await warnings('/dataset/bare-minimum.ttl')).toEqual([
      `Warning ${bare} ${DCT}spatial`,
      `Warning ${bare} ${DCT}temporal`,
      `Warning ${bare} ${DCAT}contactPoint`,
      `Warning ${bare} ${DCAT}distribution`,
      `Warning ${bare} ${DCAT}keyword`,
      `Warning ${bare} ${DCAT}theme`,
    ]);
    // The catalogue's own: the region has no bounding box here, and the API no contact.
    const catalogue = (await warnings('/catalog.ttl?page=2')).filter(
      (w) => !w.includes('/dataset/'),
    );
    expect(catalogue).toEqual([
      `Warning ${BASE}/#region ${DCAT}bbox`,
      `Warning ${BASE}/#region ${DCAT}centroid`,
      `Warning ${BASE}/catalog ${DCT}issued`,
      `Warning ${BASE}/catalog#api ${DCAT}contactPoint`,
      `Warning ${BASE}/catalog#api ${DCAT}keyword`,
      `Warning ${BASE}/catalog#api ${DCAT}theme`,
    ]);
  });
});

if (!hasDcatShapes) {
  console.warn(`DCAT-AP SHACL tests skipped: ${DCAT_SHAPES_DIR} is absent (see docs/api.md)`);
}
