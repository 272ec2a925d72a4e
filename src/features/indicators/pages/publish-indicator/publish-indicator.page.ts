import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { PUBLISH } from '../../../../platform/views/breadcrumbs.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { INDICATOR_AGGREGATES, INDICATOR_BUCKETS } from '../../indicator.schemas.js';
import { getIndicator, listIndicators } from '../../indicator.service.js';
import {
  authoriseRegionEdit,
  createIndicator,
  updateIndicator,
} from '../../indicator-write.service.js';
import { schemaErrors } from './publish-indicator.check.js';
import {
  blankForm,
  formFromBody,
  formOf,
  inputOf,
  LABELS,
  type IndicatorForm,
} from './publish-indicator.view.js';

const TEMPLATE = 'features/indicators/pages/publish-indicator/publish-indicator.njk';
const crumbs = [PUBLISH, { text: 'Indicators', href: '/publish/indicators' }];

function render(
  reply: FastifyReply,
  slug: string | null,
  form: IndicatorForm,
  errors?: FormErrors,
) {
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: slug ? `Edit “${form.title}”` : 'Add an indicator',
      section: 'publish',
      breadcrumbs: crumbs,
      action: slug ? `/publish/indicators/${slug}/edit` : '/publish/indicators/new',
      editing: slug !== null,
      form,
      fns: INDICATOR_AGGREGATES,
      buckets: INDICATOR_BUCKETS,
    },
    errors,
  );
}

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
    render: (form, errors) => render(reply, slug, form, errors),
  });
}

/** /publish/indicators: the list, and the form to add or change an indicator. */
export function publishIndicatorPages(app: FastifyInstance, ctx: AppContext): void {
  const write = formPost(app);

  app.get('/publish/indicators', async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'indicators');
    const list = await listIndicators(ctx, request.actor);
    return reply.page('features/indicators/pages/publish-indicator/publish-indicators.njk', {
      pageTitle: 'Indicators',
      section: 'publish',
      breadcrumbs: [PUBLISH],
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
    return render(reply, null, blankForm());
  });

  app.post('/publish/indicators/new', write, async (request, reply) => {
    await authoriseRegionEdit(ctx, request.actor, 'indicators');
    return submit(request, reply, null, (input) => createIndicator(ctx, request.actor, input));
  });

  app.get<{ Params: { slug: string } }>(
    '/publish/indicators/:slug/edit',
    async (request, reply) => {
      await authoriseRegionEdit(ctx, request.actor, 'indicators');
      const d = await getIndicator(ctx, request.actor, request.params.slug);
      return render(reply, d.slug, formOf(d));
    },
  );

  app.post<{ Params: { slug: string } }>(
    '/publish/indicators/:slug/edit',
    write,
    async (request, reply) => {
      await authoriseRegionEdit(ctx, request.actor, 'indicators');
      const d = await getIndicator(ctx, request.actor, request.params.slug);
      // The slug is the page's own and is not changed here.
      return submit(request, reply, d.slug, (input) =>
        updateIndicator(ctx, request.actor, d.slug, input),
      );
    },
  );
}
