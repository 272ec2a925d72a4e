import { describe, expect, it } from 'vitest';
import {
  SITEMAP_MAX_URLS,
  sitemapFileCount,
  sitemapIndexXml,
  sitemapPart,
  urlsetXml,
} from './sitemap-xml.js';

const BASE = 'https://data.example';
const many = (n: number) =>
  Array.from({ length: n }, (_v, i) => ({
    path: `/datasets/d-${String(i)}`,
    lastmod: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
  }));

describe('the sitemap protocol', () => {
  it('keeps every file within 50,000 URLs, with an index past that', () => {
    const locations = many(2 * SITEMAP_MAX_URLS + 1);
    expect(sitemapFileCount(SITEMAP_MAX_URLS)).toBe(1);
    expect(sitemapFileCount(locations.length)).toBe(3);
    const index = sitemapIndexXml(BASE, locations);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index.match(/<sitemap>/g)).toHaveLength(3);
    expect(index).toContain(
      `<sitemap><loc>${BASE}/sitemaps/3.xml</loc><lastmod>2026-01-01T00:00:40.000Z</lastmod></sitemap>`,
    );
    expect(sitemapPart(BASE, locations, 1)?.match(/<url>/g)).toHaveLength(SITEMAP_MAX_URLS);
    expect(sitemapPart(BASE, locations, 3)?.match(/<url>/g)).toHaveLength(1);
    expect(sitemapPart(BASE, locations, 4)).toBeNull();
    expect(sitemapPart(BASE, locations, 0)).toBeNull();
  });

  it('escapes what it writes and leaves lastmod out when unknown', () => {
    const xml = urlsetXml(BASE, [{ path: '/search?a=1&b=<2>' }]);
    expect(xml).toContain(`<url><loc>${BASE}/search?a=1&amp;b=&lt;2&gt;</loc></url>`);
  });
});
