import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { forbidden } from '../../../../platform/http/errors.js';
import type { Actor } from '../../../accounts/actor.js';
import {
  fieldErrorsOf,
  formErrors,
  errorLocals,
  noErrors,
  type FormErrors,
} from '../../../accounts/pages/form-errors.js';
import { field, formPost, requireSignIn } from '../../../accounts/pages/page-helpers.js';
import { FREQUENCIES } from '../../../catalog/catalog.schemas.js';
import { createDataset, patchDataset } from '../../../catalog/dataset.service.js';
import { LICENCES } from '../../../catalog/licences.js';
import { listThemes } from '../../../catalog/taxonomy.service.js';
import { editableDataset, publisherOrganisations } from '../../publish.service.js';
import {
  blankForm,
  formFromBody,
  formFromDataset,
  inputFromForm,
  LABELS,
  type DatasetForm,
} from './dataset-form.view.js';
import { schemaErrors } from './form-schema.js';

const TEMPLATE = 'features/publish/pages/dataset-form/dataset-form.njk';

interface Mode {
  kind: 'create' | 'edit';
  slug?: string;
  title?: string;
}

async function render(
  ctx: AppContext,
  actor: Actor,
  reply: FastifyReply,
  mode: Mode,
  form: DatasetForm,
  errors: FormErrors = noErrors(),
  status = 200,
) {
  const [orgs, themes] = await Promise.all([
    publisherOrganisations(ctx, actor),
    listThemes(ctx, actor),
  ]);
  const editing = mode.kind === 'edit';
  return reply.page(
    TEMPLATE,
    {
      pageTitle: editing ? `Edit “${mode.title ?? ''}”` : 'Create a dataset',
      section: 'publish',
      breadcrumbs: [
        { text: 'Publish', href: '/publish' },
        ...(editing
          ? [{ text: mode.title ?? '', href: `/publish/datasets/${mode.slug ?? ''}` }]
          : []),
      ],
      action: editing ? `/publish/datasets/${mode.slug ?? ''}/edit` : '/publish/datasets/new',
      submitText: editing ? 'Save changes' : 'Create dataset',
      form,
      organisations: orgs.filter((o) => o.canPublish).map((o) => o.org),
      licences: LICENCES,
      themes,
      frequencies: FREQUENCIES,
      ...errorLocals(errors),
    },
    status,
  );
}

/** The service's or the schema's validation failures as the form's errors; others rethrown. */
async function submit(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  mode: Mode,
  save: (input: ReturnType<typeof inputFromForm>['input']) => Promise<{ slug: string }>,
) {
  const form = formFromBody(request.body);
  const { input, errors } = inputFromForm(form);
  const problems = [...schemaErrors(input), ...errors];
  if (problems.length === 0) {
    try {
      const saved = await save(input);
      return await reply.redirect(`/publish/datasets/${saved.slug}`, 303);
    } catch (err) {
      const fromService = fieldErrorsOf(err);
      if (!fromService) throw err;
      problems.push(...fromService);
    }
  }
  return render(ctx, request.actor, reply, mode, form, formErrors(problems, LABELS), 422);
}

export function datasetFormPages(app: FastifyInstance, ctx: AppContext): void {
  const guarded = { onRequest: requireSignIn };
  const write = formPost(app);

  app.get('/publish/datasets/new', guarded, async (request, reply) => {
    const orgs = (await publisherOrganisations(ctx, request.actor)).filter((o) => o.canPublish);
    const first = orgs[0];
    if (!first) throw forbidden('You cannot publish datasets for any organisation');
    const wanted = field(request.query, 'organisation');
    const org = orgs.some((o) => o.org.slug === wanted) ? wanted : first.org.slug;
    return render(ctx, request.actor, reply, { kind: 'create' }, blankForm(org));
  });

  app.post('/publish/datasets/new', write, (request, reply) =>
    submit(ctx, request, reply, { kind: 'create' }, (input) =>
      createDataset(ctx, request.actor, input),
    ),
  );

  app.get<{ Params: { slug: string } }>(
    '/publish/datasets/:slug/edit',
    guarded,
    async (request, reply) => {
      const dataset = await editableDataset(ctx, request.actor, request.params.slug);
      const mode: Mode = { kind: 'edit', slug: dataset.slug, title: dataset.title };
      return render(ctx, request.actor, reply, mode, formFromDataset(dataset));
    },
  );

  app.post<{ Params: { slug: string } }>(
    '/publish/datasets/:slug/edit',
    write,
    async (request, reply) => {
      const dataset = await editableDataset(ctx, request.actor, request.params.slug);
      const mode: Mode = { kind: 'edit', slug: dataset.slug, title: dataset.title };
      return submit(ctx, request, reply, mode, (input) =>
        patchDataset(ctx, request.actor, dataset.slug, input),
      );
    },
  );
}
