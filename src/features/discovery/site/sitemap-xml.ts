import { xml } from '../../../platform/views/xml.js';

/** A page of the site for the sitemap: its path and, when known, when it last changed. */
export interface SiteLocation {
  path: string;
  lastmod?: string | null;
}

/** The sitemap protocol's limit of URLs per file (and 50 MB, which 50,000 URLs stay under). */
export const SITEMAP_MAX_URLS = 50_000;

const urlXml = (baseUrl: string, l: SiteLocation) =>
  `  <url><loc>${xml(baseUrl + l.path)}</loc>${l.lastmod ? `<lastmod>${xml(l.lastmod)}</lastmod>` : ''}</url>`;

/** A `<urlset>` of these locations (sitemaps.org 0.9). */
export function urlsetXml(baseUrl: string, locations: SiteLocation[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...locations.map((l) => urlXml(baseUrl, l)),
    '</urlset>',
    '',
  ].join('\n');
}

/** How many sitemap files these locations need (1 means /sitemap.xml is the urlset itself). */
export const sitemapFileCount = (total: number, perFile = SITEMAP_MAX_URLS) =>
  Math.max(1, Math.ceil(total / perFile));

/** The latest `lastmod` of some locations, for the index's entry of their file. */
const latest = (locations: SiteLocation[]) =>
  locations.reduce<string | null>(
    (max, l) => (l.lastmod && (!max || l.lastmod > max) ? l.lastmod : max),
    null,
  );

/** A `<sitemapindex>` pointing at /sitemaps/1.xml ... one file per `perFile` locations. */
export function sitemapIndexXml(
  baseUrl: string,
  locations: SiteLocation[],
  perFile = SITEMAP_MAX_URLS,
): string {
  const files = Array.from({ length: sitemapFileCount(locations.length, perFile) }, (_v, i) => {
    const last = latest(locations.slice(i * perFile, (i + 1) * perFile));
    return (
      `  <sitemap><loc>${xml(`${baseUrl}/sitemaps/${String(i + 1)}.xml`)}</loc>` +
      `${last ? `<lastmod>${xml(last)}</lastmod>` : ''}</sitemap>`
    );
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...files,
    '</sitemapindex>',
    '',
  ].join('\n');
}

/** The n-th (1-based) file of the index, or null past the last. */
export function sitemapPart(
  baseUrl: string,
  locations: SiteLocation[],
  n: number,
  perFile = SITEMAP_MAX_URLS,
): string | null {
  if (n < 1 || n > sitemapFileCount(locations.length, perFile)) return null;
  return urlsetXml(baseUrl, locations.slice((n - 1) * perFile, n * perFile));
}

export function robotsTxt(baseUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /publish',
    'Disallow: /sign-in',
    '',
    `Sitemap: ${baseUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
