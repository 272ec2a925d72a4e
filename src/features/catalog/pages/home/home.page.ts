import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { catalogueOverview } from '../../site.service.js';

const LIST_LENGTH = 5;

/** The home page: a search box and what the region publishes. */
export function homePage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const overview = await catalogueOverview(ctx, request.actor, LIST_LENGTH);
    const item = (d: { slug: string; title: string; org_slug: string; org_name: string }) => ({
      href: `/datasets/${d.slug}`,
      title: d.title,
      organisation: { name: d.org_name, href: `/organisations/${d.org_slug}` },
    });
    return reply.page('features/catalog/pages/home/home.njk', {
      pageTitle: 'Open data',
      total: overview.total,
      themes: overview.themes.map((t) => ({
        href: `/themes/${t.slug}`,
        title: t.title,
        count: t.dataset_count,
      })),
      organisations: overview.organisations.map((o) => ({
        href: `/organisations/${o.slug}`,
        title: o.name,
        count: o.dataset_count,
      })),
      newest: overview.newest.map((d) => ({ ...item(d), created_at: d.created_at })),
      mostViewed: overview.mostViewed.map((d) => ({ ...item(d), views: d.views })),
    });
  });
}
