import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { HarvestSource } from '../../../../platform/db/schema.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import { allOrganisations } from '../../../organisations/index.js';
import { changeSource, managedSource } from '../../harvest-source-edit.service.js';
import { reword } from '../harvest-source-new/harvest-source-new.view.js';
import { HARVEST_CRUMB, IdParam, type OrganisationChoice } from '../harvest-view.js';
import {
  changesOf,
  EDIT_LABELS,
  editChoicesFor,
  editFormFromBody,
  formFromSource,
  type EditForm,
} from './harvest-source-edit.view.js';

const TEMPLATE = 'features/harvest/pages/harvest-source-edit/harvest-source-edit.njk';

interface IdRoute {
  Params: { id: string };
}

async function organisationOf(ctx: AppContext, source: HarvestSource): Promise<OrganisationChoice> {
  const org = (await allOrganisations(ctx)).find((o) => o.id === source.organisation_id);
  return { id: source.organisation_id, slug: org?.slug ?? '', name: org?.name ?? '' };
}

function renderForm(
  reply: FastifyReply,
  source: HarvestSource,
  org: OrganisationChoice,
  form: EditForm,
  errors?: FormErrors,
) {
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: `Change “${source.title}”`,
      section: 'publish',
      breadcrumbs: [
        PUBLISH,
        HARVEST_CRUMB,
        { text: source.title, href: `/publish/harvest/${source.id}` },
      ],
      source,
      organisationName: org.name,
      form,
      ...editChoicesFor(form, source, org),
    },
    errors,
  );
}

/** /publish/harvest/{id}/edit: changes a source, checked as when it was added. */
export function harvestSourceEditPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<IdRoute>(
    '/publish/harvest/:id/edit',
    { schema: { hide: true, params: IdParam } },
    async (request, reply) => {
      const source = await managedSource(ctx, request.actor, request.params.id);
      const org = await organisationOf(ctx, source);
      return renderForm(reply, source, org, formFromSource(source, org.slug));
    },
  );

  app.post<IdRoute>(
    '/publish/harvest/:id/edit',
    { ...formPost(app), schema: { hide: true, params: IdParam } },
    async (request, reply) => {
      const source = await managedSource(ctx, request.actor, request.params.id);
      const org = await organisationOf(ctx, source);
      return submitForm(reply, request.body, {
        labels: EDIT_LABELS,
        read: (body) => changesOf(editFormFromBody(body, org.slug), source, org),
        save: (changes) => changeSource(ctx, request.actor, source.id, changes),
        next(saved) {
          reply.flash(`The harvest source “${saved.title}” was changed.`);
          return `/publish/harvest/${saved.id}`;
        },
        reword,
        render: (form, errors) => renderForm(reply, source, org, form, errors),
      });
    },
  );
}
