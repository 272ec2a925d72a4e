import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { DomainError } from '../../../../platform/errors.js';
import { HOME } from '../../../../platform/views/page-head.js';
import {
  errorLocals,
  fieldErrorsOf,
  formErrors,
  noErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import {
  exportEmailData,
  forgetEmail,
  myDataLinkIsUsable,
  requestMyDataLink,
  useMyDataLink,
} from '../../personal-data.service.js';
import { sendExport, summaryOf } from './my-data.view.js';

const DIR = 'features/reports/pages/my-data';
const GRANT_COOKIE = 'md_my_data';
const LABELS = { email: { label: 'E-mail address' }, confirm: { label: 'Confirm', id: 'confirm' } };
const crumbs = [HOME];

/**
 * UK GDPR for someone who reported with an e-mail address only: /my-data mails a one-time
 * link; opening it (a button: mail scanners open links) gives the browser a short-lived grant
 * cookie for /my-data/view, which shows, downloads or deletes that address's data.
 */
export function emailOnlyPages(app: FastifyInstance, ctx: AppContext): void {
  const secure = ctx.config.baseUrl.startsWith('https://');
  const cookieOptions = { path: '/my-data', httpOnly: true, sameSite: 'lax' as const, secure };
  const grantOf = (request: FastifyRequest) => request.cookies[GRANT_COOKIE];

  function renderAsk(reply: FastifyReply, email = '', errors?: FormErrors, status?: number) {
    return reply.page(
      `${DIR}/ask.njk`,
      {
        pageTitle: 'Your data from reports you made',
        section: '',
        breadcrumbs: crumbs,
        email,
        ...errorLocals(errors ?? noErrors()),
      },
      status ?? (errors ? 422 : 200),
    );
  }

  const renderGone = (reply: FastifyReply) =>
    reply.page(
      `${DIR}/gone.njk`,
      { pageTitle: 'This link has expired or has been used', section: '' },
      410,
    );

  async function renderView(request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
    const data = await exportEmailData(ctx, grantOf(request));
    return formPage(
      reply,
      `${DIR}/view.njk`,
      {
        pageTitle: 'Your data from reports you made',
        section: '',
        breadcrumbs: crumbs,
        email: data.email,
        summary: summaryOf(data),
        reports: data.reports,
      },
      errors,
    );
  }

  app.get('/my-data', (_request, reply) => renderAsk(reply));

  app.post('/my-data', formPost(app), async (request, reply) => {
    const email = field(request.body, 'email').trim();
    try {
      const outcome = await requestMyDataLink(ctx, { email, address: request.ip });
      if (outcome === 'throttled') request.log.warn('my-data link mail throttled for an address');
    } catch (err) {
      const problems = fieldErrorsOf(err);
      if (problems) return renderAsk(reply, email, formErrors(problems, LABELS));
      if (!(err instanceof DomainError) || err.kind !== 'rate_limited') throw err;
      reply.header('retry-after', '3600');
      return renderAsk(
        reply,
        email,
        formErrors([{ field: 'email', message: err.message }], LABELS),
        429,
      );
    }
    return reply.page(`${DIR}/sent.njk`, {
      pageTitle: 'Check your e-mail',
      section: '',
      email,
      minutes: ctx.config.signInLinkTtlMinutes,
    });
  });

  // Static routes win over the token's, so /my-data/view is never taken for a link.
  app.get('/my-data/view', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      return await renderView(request, reply);
    } catch (err) {
      // No grant, or an old one: back to where a link is asked for.
      if (!(err instanceof DomainError) || err.kind !== 'unauthenticated') throw err;
      return reply.redirect('/my-data', 303);
    }
  });

  app.get('/my-data/view/export.json', async (request, reply) =>
    sendExport(reply, await exportEmailData(ctx, grantOf(request))),
  );

  app.post('/my-data/view/delete', formPost(app), async (request, reply) => {
    if (field(request.body, 'confirm') !== 'yes') {
      const message = 'Confirm that you want your details taken off these reports';
      return renderView(request, reply, formErrors([{ field: 'confirm', message }], LABELS));
    }
    await forgetEmail(ctx, grantOf(request));
    reply.clearCookie(GRANT_COOKIE, cookieOptions);
    return reply.page(`${DIR}/forgotten.njk`, {
      pageTitle: 'Your details have been deleted',
      section: '',
    });
  });

  app.get<{ Params: { token: string } }>('/my-data/:token', async (request, reply) => {
    if (!(await myDataLinkIsUsable(ctx, request.params.token))) return renderGone(reply);
    reply.header('cache-control', 'no-store');
    return reply.page(`${DIR}/open.njk`, {
      pageTitle: 'See your data',
      section: '',
      action: `/my-data/${encodeURIComponent(request.params.token)}`,
    });
  });

  app.post<{ Params: { token: string } }>(
    '/my-data/:token',
    formPost(app),
    async (request, reply) => {
      const grant = await useMyDataLink(ctx, request.params.token);
      if (!grant) return renderGone(reply);
      reply.setCookie(GRANT_COOKIE, grant, { ...cookieOptions, maxAge: 30 * 60 });
      return reply.redirect('/my-data/view', 303);
    },
  );
}
