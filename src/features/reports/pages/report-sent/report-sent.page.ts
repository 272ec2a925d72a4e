import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import type { Report } from '../../../../platform/db/schema.js';
import { allOrganisations } from '../../../organisations/index.js';
import { getReport } from '../../report.service.js';
import { journeyHead } from '../report-shared/journey.js';

const SENT = 'features/reports/pages/report-sent/sent.njk';

/** "Your report has been sent to {body}", for a confirmed report. */
export async function renderSent(
  ctx: AppContext,
  reply: FastifyReply,
  report: Report,
  already?: string,
) {
  const body = await orgName(ctx, report.organisation_id);
  return reply.page(SENT, {
    ...journeyHead(`Your report has been sent to ${body}`),
    bodyName: body,
    id: report.id,
    showName: report.show_name === 1,
    already: already ?? null,
  });
}

/** A body's name by its id (the list is short: the region's bodies). */
export async function orgName(ctx: AppContext, organisationId: string): Promise<string> {
  return (await allOrganisations(ctx)).find((o) => o.id === organisationId)?.name ?? 'the council';
}

/** /report/sent/{id}: where a verified resident's report lands once made. */
export function reportSentPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: string } }>(
    '/report/sent/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const { report } = await getReport(ctx, request.actor, request.params.id);
      return renderSent(ctx, reply, report);
    },
  );
}
