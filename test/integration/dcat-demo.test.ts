import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  DCAT_SHAPES_DIR,
  hasDcatShapes,
  parseTurtle,
  shaclValidator,
  type ShaclResult,
} from '../helpers/rdf.js';

// The demo region as a harvester sees it: every page of the catalogue, validated against the
// official DCAT-AP 3.0.1 shapes. Seeding the demo loads its files, so the large one is cut short.

let t: TestApp;
const pages: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ dcatPageSize: 10 });
  await seedDemo(t.ctx, { force: false, largeRows: 500 });
  for (let page = 1; page < 100; page++) {
    const res = await t.app.inject(`/catalog.ttl?page=${page}`);
    expect(res.statusCode).toBe(200);
    pages.push(res.body);
    if (!res.body.includes('hydra:nextPage')) break;
  }
}, 300_000);
afterAll(() => t.close());

describe.skipIf(!hasDcatShapes)('the demo catalogue against DCAT-AP 3.0.1', () => {
  const violations = (results: ShaclResult[]) => results.filter((r) => r.severity === 'Violation');

  it('lists every public demo dataset once across its pages', async () => {
    const listed = pages.flatMap((body) =>
      parseTurtle(body)
        .filter((q) => q.predicate.value === 'http://www.w3.org/ns/dcat#dataset')
        .map((q) => q.object.value),
    );
    const total = (await t.app.inject('/api/v1/datasets?per_page=1')).json<{ total: number }>();
    expect(listed.length).toBe(total.total);
    expect(new Set(listed).size).toBe(listed.length);
    // Loaded demo files are served by the datastore, so they have query APIs.
    expect(pages.join('\n')).toContain('a dcat:DataService');
  });

  it('has no violation of shapes.ttl', async () => {
    const validate = shaclValidator('shapes.ttl');
    for (const body of pages) expect(violations(await validate(body))).toEqual([]);
  });

  it('has no violation of dcat-ap-SHACL.ttl with ranges.ttl', async () => {
    const validate = shaclValidator('dcat-ap-SHACL.ttl', 'ranges.ttl');
    for (const body of pages) expect(violations(await validate(body))).toEqual([]);
  });

  it('leaves warnings of shapes_recommended.ttl only for what docs/api.md explains', async () => {
    const validate = shaclValidator('shapes_recommended.ttl');
    const paths = new Map<string, number>();
    for (const body of pages) {
      for (const r of await validate(body)) {
        const key = `${r.severity} ${r.path.replace(/^.*[#/]/, '')}`;
        if (/contactPoint|keyword|theme/.test(key)) expect(r.focusNode).toMatch(/\/catalog#api$/);
        paths.set(key, (paths.get(key) ?? 0) + 1);
      }
    }
    // Per kind (docs/api.md, "DCAT-AP 3"): the API service's contact, themes and keywords, the
    // demo's datasets without a time span, every distribution's availability, places' boxes and
    // centres, and publishers (police, health) no ADMS publisher type fits for sure.
    expect([...paths.keys()].sort()).toEqual(
      [
        'Warning availability',
        'Warning bbox',
        'Warning centroid',
        'Warning contactPoint',
        'Warning keyword',
        'Warning temporal',
        'Warning theme',
        'Warning type',
      ].filter((k) => paths.has(k) || !['Warning temporal', 'Warning type'].includes(k)),
    );
    // The service-level ones come from the catalogue's API, once a page, and nowhere else.
    for (const k of ['Warning contactPoint', 'Warning keyword', 'Warning theme']) {
      expect(paths.get(k), k).toBe(pages.length);
    }
  });
});

if (!hasDcatShapes) {
  console.warn(`DCAT-AP SHACL tests skipped: ${DCAT_SHAPES_DIR} is absent (see docs/api.md)`);
}
