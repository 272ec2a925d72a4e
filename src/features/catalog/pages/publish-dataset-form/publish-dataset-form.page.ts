import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { forbidden } from '../../../../platform/errors.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import type { Actor } from '../../../accounts/index.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { FREQUENCIES } from '../../catalog.schemas.js';
import { createDataset, patchDataset } from '../../dataset.service.js';
import { originOf, type DatasetProvenance, type HarvestOrigin } from '../../dataset-provenance.js';
import { LICENCES } from '../../licences.js';
import { listThemes } from '../../taxonomy.service.js';
import { editableDataset, publishableOrganisations } from '../../publisher.service.js';
import {
  blankForm,
  formFromBody,
  formFromDataset,
  inputFromForm,
  LABELS,
  type DatasetForm,
} from './publish-dataset-form.view.js';
import { schemaErrors } from './form-schema.js';

const TEMPLATE = 'features/catalog/pages/publish-dataset-form/publish-dataset-form.njk';

interface Mode {
  kind: 'create' | 'edit';
  slug?: string;
  title?: string;
  /** Where an edited dataset is harvested from: its edits may be overwritten. */
  harvest?: HarvestOrigin | null;
  overwrites?: readonly string[];
}

async function render(
  ctx: AppContext,
  actor: Actor,
  reply: FastifyReply,
  mode: Mode,
  form: DatasetForm,
  errors?: FormErrors,
) {
  const [orgs, themes] = await Promise.all([
    publishableOrganisations(ctx, actor),
    listThemes(ctx, actor),
  ]);
  const editing = mode.kind === 'edit';
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: editing ? `Edit “${mode.title ?? ''}”` : 'Create a dataset',
      section: 'publish',
      breadcrumbs: [
        PUBLISH,
        ...(editing
          ? [{ text: mode.title ?? '', href: `/publish/datasets/${mode.slug ?? ''}` }]
          : []),
      ],
      action: editing ? `/publish/datasets/${mode.slug ?? ''}/edit` : '/publish/datasets/new',
      submitText: editing ? 'Save changes' : 'Create dataset',
      form,
      organisations: orgs,
      licences: LICENCES,
      themes,
      frequencies: FREQUENCIES,
      harvest: mode.harvest ?? null,
      harvestOverwrites: mode.overwrites ?? [],
    },
    errors,
  );
}

/** The service's or the schema's validation failures as the form's errors; others rethrown. */
function submit(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  mode: Mode,
  save: (input: ReturnType<typeof inputFromForm>['input']) => Promise<{ slug: string }>,
) {
  return submitForm(reply, request.body, {
    labels: LABELS,
    read(body) {
      const form = formFromBody(body);
      const { input, errors } = inputFromForm(form);
      return { form, input, errors: [...schemaErrors(input), ...errors] };
    },
    save,
    next: (saved) => `/publish/datasets/${saved.slug}`,
    render: (form, errors) => render(ctx, request.actor, reply, mode, form, errors),
  });
}

export function datasetFormPages(
  app: FastifyInstance,
  ctx: AppContext,
  provenance: DatasetProvenance,
): void {
  const write = formPost(app);
  const editing = async (dataset: { id: string; slug: string; title: string }): Promise<Mode> => ({
    kind: 'edit',
    slug: dataset.slug,
    title: dataset.title,
    harvest: await originOf(ctx, provenance, dataset.id),
    overwrites: provenance.overwrites,
  });

  app.get('/publish/datasets/new', async (request, reply) => {
    const orgs = await publishableOrganisations(ctx, request.actor);
    const first = orgs[0];
    if (!first) throw forbidden('You cannot publish datasets for any organisation');
    const wanted = field(request.query, 'organisation');
    const org = orgs.some((o) => o.slug === wanted) ? wanted : first.slug;
    return render(ctx, request.actor, reply, { kind: 'create' }, blankForm(org));
  });

  app.post('/publish/datasets/new', write, (request, reply) =>
    submit(ctx, request, reply, { kind: 'create' }, (input) =>
      createDataset(ctx, request.actor, input),
    ),
  );

  app.get<SlugRoute>('/publish/datasets/:slug/edit', async (request, reply) => {
    const dataset = await editableDataset(ctx, request.actor, request.params.slug);
    const mode = await editing(dataset);
    return render(ctx, request.actor, reply, mode, formFromDataset(dataset));
  });

  app.post<SlugRoute>('/publish/datasets/:slug/edit', write, async (request, reply) => {
    const dataset = await editableDataset(ctx, request.actor, request.params.slug);
    const mode = await editing(dataset);
    return submit(ctx, request, reply, mode, (input) =>
      patchDataset(ctx, request.actor, dataset.slug, input),
    );
  });
}
