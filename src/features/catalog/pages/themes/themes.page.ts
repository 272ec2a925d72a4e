import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { sectionPage } from '../../../../platform/views/page-head.js';
import { listThemes } from '../../taxonomy.service.js';

/** /themes: every theme with how many datasets the visitor can see in it. */
export function themesPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/themes', { schema: { hide: true } }, async (request, reply) => {
    const themes = await listThemes(ctx, request.actor);
    return reply.page('features/catalog/pages/themes/themes.njk', {
      ...sectionPage('Themes', 'themes'),
      themes: themes.map((t) => ({
        href: `/themes/${t.slug}`,
        title: t.title,
        description: t.description,
        count: t.dataset_count,
      })),
    });
  });
}
