import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import { createSource } from '../../harvest-source.service.js';
import { administered, HARVEST_CRUMB, type OrganisationChoice } from '../harvest-view.js';
import {
  blankForm,
  choicesFor,
  formFromBody,
  inputOf,
  LABELS,
  reword,
  type SourceForm,
} from './harvest-source-new.view.js';

const TEMPLATE = 'features/harvest/pages/harvest-source-new/harvest-source-new.njk';

function renderForm(
  reply: FastifyReply,
  orgs: readonly OrganisationChoice[],
  form: SourceForm,
  errors?: FormErrors,
) {
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: 'Add a harvest source',
      section: 'publish',
      breadcrumbs: [PUBLISH, HARVEST_CRUMB],
      form,
      ...choicesFor(form, orgs),
    },
    errors,
  );
}

/** /publish/harvest/new: adds a harvest source to an organisation the person administers. */
export function harvestSourceNewPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/publish/harvest/new', { schema: { hide: true } }, async (request, reply) => {
    const orgs = await administered(ctx, request.actor);
    return renderForm(reply, orgs, blankForm(orgs.length === 1 ? orgs[0]?.slug : ''));
  });

  app.post('/publish/harvest/new', formPost(app), async (request, reply) => {
    const orgs = await administered(ctx, request.actor);
    return submitForm(reply, request.body, {
      labels: LABELS,
      read: (body) => inputOf(formFromBody(body), orgs),
      save: (input) => createSource(ctx, request.actor, input),
      next(saved) {
        reply.flash(`The harvest source “${saved.title}” was added.`);
        return `/publish/harvest/${saved.id}`;
      },
      reword,
      render: (form, errors) => renderForm(reply, orgs, form, errors),
    });
  });
}
