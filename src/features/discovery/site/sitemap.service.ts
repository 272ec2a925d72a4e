import type { AppContext } from '../../../context.js';
import { anonymous } from '../../accounts/index.js';
import { sitemapEntries } from '../../catalog/index.js';
import { indicatorLocations, listDashboards } from '../../indicators/index.js';
import { promiseLocations } from '../../promises/index.js';
import { reportLocations } from '../../reports/index.js';
import type { SiteLocation } from './sitemap-xml.js';

/** The pages every visitor sees, whatever is published. */
const STATIC_PAGES = [
  '/',
  '/datasets',
  '/organisations',
  '/themes',
  '/indicators',
  '/dashboards',
  '/promises',
  '/reports',
  '/api/docs',
];

const at = (prefix: string, slug: string) => `${prefix}/${encodeURIComponent(slug)}`;

/**
 * Every public page of the site, newest datasets first. The sitemap is shared and cached, so it
 * lists what an anonymous visitor may open whoever asks: no private, draft or deleted dataset,
 * no indicator over one.
 */
export async function siteLocations(ctx: AppContext): Promise<SiteLocation[]> {
  const [catalogue, indicators, dashboards, promises, reports] = await Promise.all([
    sitemapEntries(ctx),
    indicatorLocations(ctx, anonymous),
    listDashboards(ctx),
    promiseLocations(ctx),
    reportLocations(ctx),
  ]);
  return [
    ...STATIC_PAGES.map((path) => ({ path })),
    // The SQL page exists only while SQL_ENABLED is on.
    ...(ctx.config.sqlEnabled ? [{ path: '/sql' }] : []),
    ...catalogue.datasets.map((d) => ({ path: at('/datasets', d.slug), lastmod: d.modified_at })),
    ...catalogue.organisations.map((o) => ({
      path: at('/organisations', o.slug),
      lastmod: o.updated_at,
    })),
    ...catalogue.themes.map((t) => ({ path: at('/themes', t.slug), lastmod: t.modified_at })),
    ...indicators,
    ...dashboards.map((d) => ({ path: d.url, lastmod: d.updated_at })),
    ...promises,
    // Confirmed reports only (unconfirmed and hidden ones are 404 to visitors).
    ...reports,
  ];
}
