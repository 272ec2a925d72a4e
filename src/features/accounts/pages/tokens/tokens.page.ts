import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { validationFailed, type FieldError } from '../../../../platform/errors.js';
import { now } from '../../../../platform/ids.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { createOwnToken, listOwnTokens, revokeOwnToken } from '../../own-tokens.service.js';
import {
  fieldErrorsOf,
  formErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import { field, fields, formPost } from '../../../../platform/views/forms/form-input.js';
import { EXPIRY_CHOICES, expiryDays, tokenRow } from './tokens.view.js';

const DIR = 'features/accounts/pages/tokens';
const LABELS = {
  name: { label: 'Name' },
  scopes: { label: 'What the token can do', id: 'scopes' },
  expires: { label: 'Expiry', id: 'expires' },
};
const breadcrumbs = [HOME];

interface FormValues {
  name: string;
  scopes: string[];
  expires: string;
}

async function renderList(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  form: FormValues = { name: '', scopes: ['read'], expires: '90' },
  errors?: FormErrors,
) {
  const at = now();
  const tokens = (await listOwnTokens(ctx, request.actor)).map((t) => tokenRow(t, at));
  return formPage(
    reply,
    `${DIR}/tokens.njk`,
    {
      pageTitle: 'Your API tokens',
      section: 'publish',
      breadcrumbs,
      tokens,
      form,
      expiryChoices: EXPIRY_CHOICES,
    },
    errors,
  );
}

/** The signed-in person's API tokens: list with last use, create (secret shown once), revoke. */
export function tokensPages(app: FastifyInstance, ctx: AppContext): void {
  app.get('/account/tokens', (request, reply) => renderList(ctx, request, reply));

  app.post('/account/tokens', formPost(app), async (request, reply) => {
    const form = {
      name: field(request.body, 'name'),
      scopes: fields(request.body, 'scopes'),
      expires: field(request.body, 'expires'),
    };
    try {
      const days = expiryDays(form.expires);
      const problems: FieldError[] = [];
      if (!form.name.trim())
        problems.push({ field: 'name', message: 'Enter a name for the token' });
      if (days === null) problems.push({ field: 'expires', message: 'Choose when it expires' });
      if (form.scopes.length === 0) {
        problems.push({ field: 'scopes', message: 'Choose what the token can do' });
      }
      if (problems.length > 0) throw validationFailed(problems);
      const created = await createOwnToken(ctx, request.actor, {
        name: form.name,
        scopes: form.scopes,
        expiresInDays: days ?? undefined,
      });
      // The secret is shown on this response only: it is never stored or put in a URL.
      reply.header('cache-control', 'no-store');
      return await reply.page(`${DIR}/token-created.njk`, {
        pageTitle: 'Your new API token',
        section: 'publish',
        breadcrumbs: [...breadcrumbs, { text: 'Your API tokens', href: '/account/tokens' }],
        secret: created.token,
        token: tokenRow(created.record, now()),
        baseUrl: ctx.config.baseUrl,
      });
    } catch (err) {
      const problems = fieldErrorsOf(err);
      if (!problems) throw err;
      return renderList(ctx, request, reply, form, formErrors(problems, LABELS));
    }
  });

  app.post<{ Params: { id: string } }>(
    '/account/tokens/:id/revoke',
    formPost(app),
    async (request, reply) => {
      await revokeOwnToken(ctx, request.actor, request.params.id);
      return reply.redirect('/account/tokens', 303);
    },
  );
}
