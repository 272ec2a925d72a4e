import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { publishPage } from '../../../../platform/views/page-head.js';
import { submitForm } from '../../../../platform/views/forms/form-page.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { getIndicator, listIndicators } from '../../indicator.service.js';
import {
  authoriseRegionEdit,
  createIndicator,
  updateIndicator,
} from '../../indicator-write.service.js';
import { editorPage } from '../editor-page.js';
import { schemaErrors } from './publish-indicator.check.js';
import { blankForm, formFromBody, formOf, inputOf, LABELS } from './publish-indicator.view.js';

function submit(
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string | null,
  save: (input: ReturnType<typeof inputOf>['input']) => Promise<{ url: string }>,
) {
  return submitForm(reply, request.body, {
    labels: LABELS,
    read(body) {
      const form = formFromBody(body);
      if (slug) form.slug = slug;
      const { input, errors } = inputOf(form);
      if (errors.length === 0) errors.push(...schemaErrors(input));
      return { form, input, errors };
    },
    save,
    next: (saved) => saved.url,
    render: (form, errors) => editorPage(reply, 'indicators', slug, form, errors),
  });
}

/** /publish/indicators: the list, and the form to add or change an indicator. */
export function publishIndicatorPages(app: FastifyInstance, ctx: AppContext): void {
  const write = formPost(app);

  app.get('/publish/indicators', async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'indicators');
    const list = await listIndicators(ctx, request.actor);
    return reply.page('features/indicators/pages/publish-indicator/publish-indicators.njk', {
      ...publishPage('Indicators'),
      indicators: list.map((i) => ({
        title: i.title,
        href: i.url,
        edit: `/publish/indicators/${i.slug}/edit`,
        delete: `/publish/indicators/${i.slug}/delete`,
      })),
    });
  });

  app.get('/publish/indicators/new', async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'indicators');
    return editorPage(reply, 'indicators', null, blankForm());
  });

  app.post('/publish/indicators/new', write, async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'indicators');
    return submit(request, reply, null, (input) => createIndicator(ctx, request.actor, input));
  });

  app.get<SlugRoute>('/publish/indicators/:slug/edit', async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'indicators');
    const d = await getIndicator(ctx, request.actor, request.params.slug);
    return editorPage(reply, 'indicators', d.slug, formOf(d));
  });

  app.post<SlugRoute>('/publish/indicators/:slug/edit', write, async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'indicators');
    const d = await getIndicator(ctx, request.actor, request.params.slug);
    // The slug is the page's own and is not changed here.
    return submit(request, reply, d.slug, (input) =>
      updateIndicator(ctx, request.actor, d.slug, input),
    );
  });
}
