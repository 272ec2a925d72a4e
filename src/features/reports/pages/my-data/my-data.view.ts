import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../../../platform/http/content-disposition.js';
import type { PersonalData } from '../../personal-data.service.js';

/** The export as a download: the same JSON as GET /api/v1/me/data. */
export function sendExport(reply: FastifyReply, data: PersonalData) {
  return reply
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      contentDisposition(`my-data-${data.generated_at.slice(0, 10)}.json`),
    )
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(data, null, 2));
}

/** What the data page says the export holds, in counts. */
export function summaryOf(data: PersonalData) {
  return {
    reports: data.reports.length,
    meToo: data.me_too.length,
    updates: data.updates_written.length,
    tokens: data.account?.api_tokens.length ?? 0,
  };
}
