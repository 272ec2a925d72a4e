import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { forbidden } from '../../../../platform/errors.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { HOME } from '../../../../platform/views/page-head.js';
import type { Actor } from '../../../accounts/index.js';
import { allOrganisations } from '../../../organisations/index.js';
import { canChangeRollups, createRollup } from '../../rollup.service.js';
import {
  formFromBody,
  inputOf,
  LABELS,
  rewordSchemaErrors,
  type OrgChoice,
  type RollupForm,
} from './publish-rollup-new.view.js';

const TEMPLATE = 'features/rollups/pages/publish-rollup-new/publish-rollup-new.njk';

/** The combined authorities the actor may create roll-ups for, and the councils to expect. */
export async function choices(ctx: AppContext, actor: Actor) {
  const orgs = await allOrganisations(ctx);
  const owners: OrgChoice[] = orgs
    .filter((o) => o.kind === 'combined-authority' && canChangeRollups(actor, o.id))
    .map((o) => ({ slug: o.slug, name: o.name }));
  const councils = orgs
    .filter((o) => o.kind === 'council')
    .map((o) => ({ slug: o.slug, name: o.name }));
  return { owners, councils };
}

function render(
  reply: FastifyReply,
  c: Awaited<ReturnType<typeof choices>>,
  form: RollupForm,
  errors?: FormErrors,
) {
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: 'Create a roll-up',
      section: 'rollups',
      breadcrumbs: [HOME, { text: 'Roll-ups', href: '/rollups' }],
      form,
      owners: c.owners.map((o) => ({
        value: o.slug,
        text: o.name,
        selected: o.slug === form.organisation,
      })),
      councils: c.councils.map((o) => ({
        value: o.slug,
        text: o.name,
        checked: form.expected.includes(o.slug),
      })),
    },
    errors,
  );
}

/** /publish/rollups/new: a combined authority's administrators create a roll-up. */
export function publishRollupNewPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/publish/rollups/new', { schema: { hide: true } }, async (request, reply) => {
    const c = await choices(ctx, request.actor);
    if (c.owners.length === 0)
      throw forbidden('Only a combined authority’s administrators create roll-ups');
    return render(reply, c, {
      organisation: c.owners[0]?.slug ?? '',
      title: '',
      slug: '',
      description: '',
      schema: '',
      expected: c.councils.map((o) => o.slug),
    });
  });

  app.post('/publish/rollups/new', formPost(app), async (request, reply) => {
    const c = await choices(ctx, request.actor);
    if (c.owners.length === 0)
      throw forbidden('Only a combined authority’s administrators create roll-ups');
    return submitForm(reply, request.body, {
      labels: LABELS,
      read: (body) => inputOf(formFromBody(body), c.owners),
      save: (input) => createRollup(ctx, request.actor, input),
      next(saved) {
        reply.flash(`The roll-up “${saved.title}” was created: add the councils’ tables to it.`);
        return `/rollups/${saved.slug}`;
      },
      reword: rewordSchemaErrors,
      render: (form, errors) => render(reply, c, form, errors),
    });
  });
}
