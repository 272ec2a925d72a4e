import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { Organisation, Rollup } from '../../../../platform/db/schema.js';
import { SlugParams } from '../../../../platform/http/schemas.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { allOrganisations } from '../../../organisations/index.js';
import { changeRollup, expectedSlugs } from '../../rollup-edit.service.js';
import { changeableRollup } from '../../rollup.service.js';
import { rewordSchemaErrors } from '../publish-rollup-new/publish-rollup-new.view.js';
import {
  changesOf,
  EDIT_LABELS,
  editFormFromBody,
  expectedChoices,
  formFromRollup,
  type EditForm,
} from './publish-rollup-edit.view.js';

const TEMPLATE = 'features/rollups/pages/publish-rollup-edit/publish-rollup-edit.njk';

interface SlugRoute {
  Params: { slug: string };
}

function renderForm(
  reply: FastifyReply,
  rollup: Rollup,
  orgs: readonly Organisation[],
  form: EditForm,
  errors?: FormErrors,
) {
  const owner = orgs.find((o) => o.id === rollup.organisation_id);
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: `Change “${rollup.title}”`,
      section: 'rollups',
      breadcrumbs: [
        HOME,
        { text: 'Roll-ups', href: '/rollups' },
        { text: rollup.title, href: `/rollups/${rollup.slug}` },
      ],
      rollup,
      organisationName: owner?.name ?? '',
      form,
      councils: expectedChoices(orgs, form),
    },
    errors,
  );
}

/**
 * /publish/rollups/{slug}/edit: the owner's administrators change a roll-up's title,
 * description, schema and who is expected, checked as when it was created.
 */
export function publishRollupEditPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<SlugRoute>(
    '/publish/rollups/:slug/edit',
    { schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const { rollup } = await changeableRollup(ctx, request.actor, request.params.slug);
      const form = formFromRollup(rollup, await expectedSlugs(ctx, rollup.id));
      return renderForm(reply, rollup, await allOrganisations(ctx), form);
    },
  );

  app.post<SlugRoute>(
    '/publish/rollups/:slug/edit',
    { ...formPost(app), schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const { rollup } = await changeableRollup(ctx, request.actor, request.params.slug);
      const orgs = await allOrganisations(ctx);
      return submitForm(reply, request.body, {
        labels: EDIT_LABELS,
        read: (body) => changesOf(editFormFromBody(body)),
        save: (changes) => changeRollup(ctx, request.actor, rollup.slug, changes),
        next(saved) {
          reply.flash(
            `The roll-up “${saved.rollup.title}” was changed.` +
              (saved.recheck
                ? ' Every council’s table is being checked against the new schema, and the ' +
                  'combined table rebuilt.'
                : ''),
          );
          return `/rollups/${saved.rollup.slug}`;
        },
        reword: rewordSchemaErrors,
        render: (form, errors) => renderForm(reply, rollup, orgs, form, errors),
      });
    },
  );
}
