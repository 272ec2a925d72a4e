import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../../../context.js';
import type { FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { formPage, submitForm } from '../../../../platform/views/forms/form-page.js';
import { HOME } from '../../../../platform/views/page-head.js';
import type { ChallengeWithOrg } from '../../challenge.repository.js';
import { changeableEntry, updateEntry, withdrawEntry } from '../../entry-change.service.js';
import {
  asFormError,
  entryFormFromBody,
  entryInputOf,
  LABELS,
  type EntryForm,
} from '../enter/enter.view.js';

const EntryRoute = Type.Object({
  slug: Type.String({ maxLength: 200 }),
  id: Type.String({ format: 'uuid' }),
});
interface Route {
  Params: Static<typeof EntryRoute>;
}

const crumbs = (c: ChallengeWithOrg) => [
  HOME,
  { text: 'Challenges', href: '/challenges' },
  { text: c.title, href: `/challenges/${c.slug}` },
];

function render(
  reply: FastifyReply,
  c: ChallengeWithOrg,
  entryId: string,
  form: EntryForm,
  errors?: FormErrors,
) {
  return formPage(
    reply,
    'features/challenges/pages/enter/enter.njk',
    {
      pageTitle: `Change your entry “${form.title}”`,
      section: 'challenges',
      breadcrumbs: crumbs(c),
      challenge: c,
      status: 'open',
      editing: true,
      action: `/account/challenges/${c.slug}/entries/${entryId}/edit`,
      form,
    },
    errors,
  );
}

/**
 * /account/challenges/{slug}/entries/{id}/edit and …/withdraw: the team's lead changes or
 * withdraws their entry until the deadline ("are you sure?" first; no JavaScript needed).
 */
export function entryPages(app: FastifyInstance, ctx: AppContext): void {
  const schema = { hide: true, params: EntryRoute };

  app.get<Route>(
    '/account/challenges/:slug/entries/:id/edit',
    { schema },
    async (request, reply) => {
      const { slug, id } = request.params;
      const { challenge, entry } = await changeableEntry(ctx, request.actor, slug, id, new Date());
      const form = {
        title: entry.title,
        description: entry.description,
        url: entry.url,
        team_name: entry.team_name ?? '',
        members: '',
      };
      return render(reply, challenge, entry.id, form);
    },
  );

  app.post<Route>(
    '/account/challenges/:slug/entries/:id/edit',
    { schema, ...formPost(app) },
    async (request, reply) => {
      const { slug, id } = request.params;
      const { challenge } = await changeableEntry(ctx, request.actor, slug, id, new Date());
      return submitForm(reply, request.body, {
        labels: LABELS,
        read(body) {
          const form = entryFormFromBody(body);
          const { input, errors } = entryInputOf({ ...form, members: '' });
          const { title, description, url, team_name } = input;
          return { form, input: { title, description, url, team_name }, errors };
        },
        save: (patch) =>
          asFormError(
            updateEntry(ctx, request.actor, slug, id, patch),
            (err) => err.kind === 'conflict',
          ),
        next: () => {
          reply.flash('Your entry is changed.');
          return `/challenges/${challenge.slug}#entries`;
        },
        render: (form, errors) => render(reply, challenge, id, form, errors),
      });
    },
  );

  app.get<Route>(
    '/account/challenges/:slug/entries/:id/withdraw',
    { schema },
    async (request, reply) => {
      const { slug, id } = request.params;
      const { challenge, entry } = await changeableEntry(ctx, request.actor, slug, id, new Date());
      return reply.page('layouts/confirm-delete.njk', {
        pageTitle: `Withdraw your entry “${entry.title}”?`,
        section: 'challenges',
        caption: challenge.title,
        breadcrumbs: crumbs(challenge),
        paragraphs: [
          'The judges will not see it, and it will not be published after the deadline. Your team still sees it on the challenge’s page.',
          'You cannot put it back, but you can enter again until the deadline.',
        ],
        dependents: [],
        action: `/account/challenges/${challenge.slug}/entries/${entry.id}/withdraw`,
        cancelHref: `/challenges/${challenge.slug}#entries`,
        buttonText: 'Withdraw the entry',
      });
    },
  );

  app.post<Route>(
    '/account/challenges/:slug/entries/:id/withdraw',
    { schema, ...formPost(app) },
    async (request, reply) => {
      const { slug, id } = request.params;
      const entry = await withdrawEntry(ctx, request.actor, slug, id);
      reply.flash(`Your entry “${entry.title}” is withdrawn.`);
      return reply.redirect(`/challenges/${slug}#entries`, 303);
    },
  );
}
