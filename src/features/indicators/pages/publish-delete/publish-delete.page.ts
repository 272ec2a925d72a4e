import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import {
  confirmDeletePage,
  deletedRedirect,
} from '../../../../platform/views/forms/confirm-delete.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import {
  deletableDashboard,
  deletableIndicator,
  deleteDashboard,
  deleteIndicator,
} from '../../indicator-delete.service.js';

/** /publish/indicators/{slug}/delete and /publish/dashboards/{slug}/delete. */
export function publishDeletePages(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>('/publish/indicators/:slug/delete', async (request, reply) => {
    const { row, dependents } = await deletableIndicator(ctx, request.actor, request.params.slug);
    return confirmDeletePage(reply, {
      kind: 'indicator',
      name: row.title,
      paragraphs: [
        'Its page, its charts and its values in the API go. The data it was computed from stays.',
        'Promises it measured no longer show it.',
      ],
      dependents,
      action: `/publish/indicators/${row.slug}/delete`,
      back: { text: 'Indicators', href: '/publish/indicators' },
    });
  });

  app.post<SlugRoute>('/publish/indicators/:slug/delete', formPost(app), async (request, reply) => {
    const force = field(request.body, 'force') === 'true';
    const row = await deleteIndicator(ctx, request.actor, request.params.slug, { force });
    return deletedRedirect(reply, 'indicator', row.title, '/publish/indicators');
  });

  app.get<SlugRoute>('/publish/dashboards/:slug/delete', async (request, reply) => {
    const row = await deletableDashboard(ctx, request.actor, request.params.slug);
    return confirmDeletePage(reply, {
      kind: 'dashboard',
      name: row.title,
      paragraphs: ['The page of tiles goes; the indicators and data it showed stay.'],
      action: `/publish/dashboards/${row.slug}/delete`,
      back: { text: 'Dashboards', href: '/publish/dashboards' },
    });
  });

  app.post<SlugRoute>('/publish/dashboards/:slug/delete', formPost(app), async (request, reply) => {
    const row = await deleteDashboard(ctx, request.actor, request.params.slug);
    return deletedRedirect(reply, 'dashboard', row.title, '/publish/dashboards');
  });
}
