import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { PUBLISH } from '../../../../platform/views/page-head.js';
import type { SlugRoute } from '../../../../platform/views/page-query.js';
import { forbidden } from '../../../../platform/errors.js';
import { type Actor, can } from '../../../accounts/index.js';
import { datasetSlugsOf, publicDatasetsNamed } from '../../../catalog/index.js';
import { allOrganisations } from '../../../organisations/index.js';
import { manageableChallenge } from '../../challenge-access.js';
import { challengeDetail } from '../../challenge.service.js';
import { createChallenge, patchChallenge } from '../../challenge-write.service.js';
import {
  blankChallengeForm,
  challengeFormFromBody,
  challengeFormOf,
  challengeInputOf,
  LABELS,
  type ChallengeForm,
} from './publish-form.view.js';

const TEMPLATE = 'features/challenges/pages/publish-form/publish-form.njk';

/** The organisations whose challenges the actor may set, the mayor's office first. */
async function organisationsFor(ctx: AppContext, actor: Actor) {
  const orgs = (await allOrganisations(ctx)).filter((o) =>
    can(actor, { type: 'challenge:manage', organisationId: o.id }),
  );
  const rank = (kind: string) => (kind === 'combined-authority' ? 0 : 1);
  return orgs.sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name));
}

interface Mode {
  slug?: string;
  title?: string;
}

async function render(
  ctx: AppContext,
  actor: Actor,
  reply: FastifyReply,
  mode: Mode,
  form: ChallengeForm,
  errors?: FormErrors,
) {
  const orgs = await organisationsFor(ctx, actor);
  // After a problem, the datasets typed are listed back: which were found, which not.
  const chosen = errors ? await publicDatasetsNamed(ctx, datasetSlugsOf(form.datasets)) : null;
  return formPage(
    reply,
    TEMPLATE,
    {
      pageTitle: mode.slug ? `Edit “${mode.title ?? ''}”` : 'Set a challenge',
      section: 'publish',
      breadcrumbs: [PUBLISH, { text: 'Challenges', href: '/challenges' }],
      action: mode.slug ? `/publish/challenges/${mode.slug}/edit` : '/publish/challenges/new',
      submitText: mode.slug ? 'Save changes' : 'Save challenge',
      editing: mode.slug !== undefined,
      organisations: orgs.map((o) => ({ value: o.slug, text: o.name })),
      form,
      chosen,
    },
    errors,
  );
}

/** /publish/challenges/new and /publish/challenges/{slug}/edit: the challenge form. */
export function publishChallengeFormPages(app: FastifyInstance, ctx: AppContext): void {
  const write = formPost(app);

  app.get('/publish/challenges/new', async (request, reply) => {
    const orgs = await organisationsFor(ctx, request.actor);
    if (orgs.length === 0) throw forbidden('Only editors of an organisation set its challenges');
    return render(ctx, request.actor, reply, {}, blankChallengeForm(orgs[0]?.slug ?? ''));
  });

  app.post('/publish/challenges/new', write, async (request, reply) =>
    submitForm(reply, request.body, {
      labels: LABELS,
      read(body) {
        const form = challengeFormFromBody(body);
        return { form, ...challengeInputOf(form) };
      },
      save: (input) => createChallenge(ctx, request.actor, input),
      next: (saved) => `/challenges/${saved.slug}`,
      render: (form, errors) => render(ctx, request.actor, reply, {}, form, errors),
    }),
  );

  app.get<SlugRoute>('/publish/challenges/:slug/edit', async (request, reply) => {
    const row = await manageableChallenge(ctx, request.actor, request.params.slug);
    const c = await challengeDetail(ctx, request.actor, row);
    return render(ctx, request.actor, reply, { slug: c.slug, title: c.title }, challengeFormOf(c));
  });

  app.post<SlugRoute>('/publish/challenges/:slug/edit', write, async (request, reply) => {
    const row = await manageableChallenge(ctx, request.actor, request.params.slug);
    const mode = { slug: row.slug, title: row.title };
    return submitForm(reply, request.body, {
      labels: LABELS,
      read(body) {
        const form = { ...challengeFormFromBody(body), organisation: row.organisation_slug };
        return { form, ...challengeInputOf(form) };
      },
      save: ({ organisation: _organisation, ...input }) =>
        patchChallenge(ctx, request.actor, row.slug, {
          ...input,
          datasets: input.datasets ?? [],
          prize: input.prize ?? null,
          promise: input.promise ?? null,
          state: input.state ?? 'draft',
        }),
      next: (saved) => `/challenges/${saved.slug}`,
      render: (form, errors) => render(ctx, request.actor, reply, mode, form, errors),
    });
  });
}
