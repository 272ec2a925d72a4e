import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { HOME } from '../../../../platform/views/page-head.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { readableResource } from '../../../catalog/index.js';
import { getIndicator } from '../../indicator.service.js';
import { indicatorView } from './indicator.view.js';
import { areasOf } from '../../indicator-areas.js';
import { sqlPageUrl } from '../../../sql/index.js';

/**
 * /indicators/:slug: the latest value and change, the series with its forecast band, progress
 * from baseline to target, whether it is on track and how sure that is, and the comparison of
 * the groups (ranked, mapped, over time). Charts are server-side SVG images beside their tables.
 */
export function indicatorPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>('/indicators/:slug', { schema: { hide: true } }, async (request, reply) => {
    const d = await getIndicator(ctx, request.actor, request.params.slug);
    const { resource, dataset } = await readableResource(ctx, request.actor, d.resource_id);
    const mapped = d.group_field ? (await areasOf(ctx, d.groups)).length > 0 : false;
    return reply.page('features/indicators/pages/indicator/indicator.njk', {
      pageTitle: d.title,
      section: 'indicators',
      breadcrumbs: [HOME, { text: 'Indicators', href: '/indicators' }],
      indicator: d,
      view: indicatorView(d),
      mapped,
      sqlPage: d.sql ? sqlPageUrl(d.sql) : null,
      source: {
        dataset: dataset.title,
        resource: resource.name,
        href: `/datasets/${dataset.slug}/resources/${resource.id}`,
        api: `/api/v1/indicators/${d.slug}`,
      },
    });
  });
}
