import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { frictionlessValidators, haveFrictionless, type Profile } from '../helpers/frictionless.js';

// What a Frictionless tool and a search engine get from the demo region: every public dataset.

interface Descriptor {
  profile: Profile;
  resources: { profile: Profile; name: string; path: string }[];
}

let t: TestApp;
let slugs: string[];
const BASE = 'http://metrodata.test';

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx, { force: false, largeRows: 2_000 });
  const list = await t.app.inject('/api/v1/datasets?per_page=1000');
  slugs = list.json<{ results: { slug: string }[] }>().results.map((d) => d.slug);
}, 300_000);
afterAll(() => t.close());

describe('the demo region', () => {
  it.skipIf(!haveFrictionless)(
    'is a valid Data Package per dataset, every table reachable',
    async () => {
      const v = frictionlessValidators();
      let tables = 0;
      for (const slug of slugs) {
        const res = await t.app.inject(`/dataset/${slug}/datapackage.json`);
        if (res.statusCode === 404) continue;
        expect(res.statusCode, slug).toBe(200);
        const d = res.json<Descriptor>();
        expect(v[d.profile](d), slug).toEqual([]);
        for (const r of d.resources) {
          expect(v[r.profile](r), `${slug}/${r.name}`).toEqual([]);
          if (r.profile !== 'tabular-data-resource') continue;
          tables += 1;
          const csv = await t.app.inject({ method: 'HEAD', url: r.path.replace(BASE, '') });
          expect(csv.statusCode, r.path).toBe(200);
        }
      }
      expect(tables).toBeGreaterThan(5);
    },
    120_000,
  );

  it('describes every dataset page to search engines, and lists it in the sitemap', async () => {
    const sitemap = await t.app.inject('/sitemap.xml');
    for (const slug of slugs) {
      expect(sitemap.body).toContain(`<loc>${BASE}/datasets/${slug}</loc>`);
      const $ = load((await t.app.inject(`/datasets/${slug}`)).body);
      const data = JSON.parse($('script[type="application/ld+json"]').html() ?? '{}') as {
        name?: string;
        description?: string;
        creator?: { name: string };
      };
      expect(data.name, slug).toBeTruthy();
      expect(data.description?.length, slug).toBeGreaterThanOrEqual(50);
      expect(data.creator?.name, slug).toBeTruthy();
    }
  }, 120_000);
});
