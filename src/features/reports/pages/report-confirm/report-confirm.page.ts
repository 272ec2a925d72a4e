import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { formPost } from '../../../../platform/views/forms/form-input.js';
import { reportConfirmLinkState } from '../../report-confirm.service.js';
import { confirmReport } from '../../report.service.js';
import { renderSent } from '../report-sent/report-sent.page.js';
import { journeyHead } from '../report-shared/journey.js';

const DIR = 'features/reports/pages/report-confirm';

interface TokenRoute {
  Params: { token: string };
}

/** A link that is unknown or out of time: 410, with what to do. */
export const renderGone = (reply: FastifyReply, what: string) =>
  reply.page(
    `${DIR}/gone.njk`,
    {
      ...journeyHead('This link has expired or is not valid'),
      reason: `Links that confirm a ${what} work for a limited time. If yours has expired, please make it again.`,
    },
    410,
  );

/**
 * /report/confirm/{token}: the link mailed to a reporter. Opening it shows a button (mail
 * scanners open links on their own); the button's post confirms the report, which is then
 * sent to the body and published. A second use says it is confirmed already.
 */
export function reportConfirmPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<TokenRoute>(
    '/report/confirm/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      const link = await reportConfirmLinkState(ctx, request.params.token);
      if (link.state === 'gone') return renderGone(reply, 'report');
      if (link.state === 'confirmed') {
        return renderSent(ctx, reply, link.report, 'You have already confirmed this report');
      }
      reply.header('cache-control', 'no-store');
      return reply.page(`${DIR}/confirm.njk`, {
        ...journeyHead('Confirm your report'),
        intro: 'Your report is sent to the council, and published, once you confirm it.',
        quote: link.report.description,
        action: `/report/confirm/${encodeURIComponent(request.params.token)}`,
        buttonText: 'Confirm your report',
      });
    },
  );

  app.post<TokenRoute>(
    '/report/confirm/:token',
    { schema: { hide: true }, ...formPost(app) },
    async (request, reply) => {
      const link = await reportConfirmLinkState(ctx, request.params.token);
      if (link.state === 'gone') return renderGone(reply, 'report');
      if (link.state === 'confirmed') {
        return renderSent(ctx, reply, link.report, 'You have already confirmed this report');
      }
      const report = await confirmReport(ctx, request.params.token);
      return renderSent(ctx, reply, report);
    },
  );
}
