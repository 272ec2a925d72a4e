import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLinkResource } from '../../src/features/catalog/index.js';
import { rescorePass } from '../../src/features/quality/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';
import { hasDcatShapes, parseTurtle, shaclValidator, type ShaclResult } from '../helpers/rdf.js';

// The scores in other people's tools: CKAN `extras` and DCAT's DQV quality measurements, the
// DCAT output still valid against the DCAT-AP 3.0.1 SHACL shapes.

const BASE = 'http://localhost:8080';
const DQV = 'http://www.w3.org/ns/dqv#';
let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp({ baseUrl: BASE });
  fx = await seedFixture(t.ctx);
  await addLinkResource(t.ctx, fx.editorActor, 'bus-punctuality', {
    name: 'Timetable',
    url: 'https://example.org/timetable.csv',
    format: 'CSV',
  });
  await rescorePass(t.ctx);
});
afterAll(() => t.close());

interface Extra {
  key: string;
  value: string;
}

describe('CKAN extras', () => {
  it('carries the scores in package_show and package_search', async () => {
    const show = await t.app.inject({ url: '/api/3/action/package_show?id=bus-punctuality' });
    const extras = show.json<{ result: { extras: Extra[] } }>().result.extras;
    const byKey = new Map(extras.map((e) => [e.key, e.value]));
    expect(byKey.get('quality_openness_stars')).toBe('3');
    expect(Number(byKey.get('quality_metadata_score'))).toBeGreaterThan(0);
    expect(byKey.get('quality_metadata_rating')).toMatch(/^(excellent|good|sufficient|bad)$/);
    const search = await t.app.inject({ url: '/api/3/action/package_search?q=punctuality' });
    const found = search.json<{ result: { results: { extras: Extra[] }[] } }>().result.results;
    expect(found[0]?.extras.map((e) => e.key)).toContain('quality_openness_stars');
  });

  it('takes package_show’s extras back in package_patch without refusing the computed ones', async () => {
    const show = await t.app.inject({ url: '/api/3/action/package_show?id=bus-punctuality' });
    const extras = show.json<{ result: { extras: Extra[] } }>().result.extras;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/package_patch',
      headers: { authorization: fx.tokens.editor },
      payload: { id: 'bus-punctuality', extras },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('DCAT quality measurements (DQV)', () => {
  const turtle = async (url: string) => (await t.app.inject({ url })).body;

  it('describes each score as a dqv:QualityMeasurement of the dataset', async () => {
    const quads = parseTurtle(await turtle('/dataset/bus-punctuality.ttl'));
    const subject = `${BASE}/dataset/bus-punctuality`;
    const measurements = quads
      .filter(
        (q) => q.subject.value === subject && q.predicate.value === `${DQV}hasQualityMeasurement`,
      )
      .map((q) => q.object.value);
    expect(measurements).toHaveLength(7);
    const stars = quads.find(
      (q) =>
        q.subject.value === `${subject}#quality-openness-stars` &&
        q.predicate.value === `${DQV}value`,
    );
    expect(stars?.object.value).toBe('3');
  });

  describe.skipIf(!hasDcatShapes)('still valid against the DCAT-AP 3.0.1 shapes', () => {
    const violations = (r: ShaclResult[]) => r.filter((x) => x.severity === 'Violation');
    it('has no violation of shapes.ttl, nor of dcat-ap-SHACL.ttl with ranges.ttl', async () => {
      const docs = [await turtle('/dataset/bus-punctuality.ttl'), await turtle('/catalog.ttl')];
      const a = shaclValidator('shapes.ttl');
      const b = shaclValidator('dcat-ap-SHACL.ttl', 'ranges.ttl');
      for (const doc of docs) {
        expect(violations(await a(doc))).toEqual([]);
        expect(violations(await b(doc))).toEqual([]);
      }
    });

    it('adds no warning of shapes_recommended.ttl about the measurements', async () => {
      const results = await shaclValidator('shapes_recommended.ttl')(
        await turtle('/dataset/bus-punctuality.ttl'),
      );
      expect(results.filter((r) => r.focusNode.includes('quality'))).toEqual([]);
    });
  });
});
