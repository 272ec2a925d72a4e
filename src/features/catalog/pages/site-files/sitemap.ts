import { xml } from '../../../../platform/views/xml.js';

interface SitemapInput {
  datasets: { slug: string; modified_at: string }[];
  organisations: { slug: string; updated_at: string }[];
  themes: { slug: string }[];
}

/** The sitemaps.org XML: the home and listing pages, then each public page. */
export function sitemapXml(baseUrl: string, input: SitemapInput): string {
  const url = (path: string, lastmod?: string) =>
    `  <url><loc>${xml(baseUrl + path)}</loc>${lastmod ? `<lastmod>${xml(lastmod)}</lastmod>` : ''}</url>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url('/'),
    url('/datasets'),
    url('/organisations'),
    url('/themes'),
    url('/api/docs'),
    ...input.datasets.map((d) => url(`/datasets/${encodeURIComponent(d.slug)}`, d.modified_at)),
    ...input.organisations.map((o) =>
      url(`/organisations/${encodeURIComponent(o.slug)}`, o.updated_at),
    ),
    ...input.themes.map((t) => url(`/themes/${encodeURIComponent(t.slug)}`)),
    '</urlset>',
    '',
  ];
  return lines.join('\n');
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
