import { Type } from 'typebox';
import type { AppContext } from '../../../context.js';
import { bearer } from '../../../platform/http/operations.js';
import { DateTime, ListQuery, Nullable, Page } from '../../../platform/http/schemas.js';
import { errors, type Api } from '../../../platform/http/types.js';
import { pageFrom } from '../../../platform/paging.js';
import { sendingOverview } from './sending-status.service.js';

const Problem = Type.Object({
  job_id: Type.String({
    description: 'The sending job (POST /publish/sending/{job_id}/send-again)',
  }),
  report_id: Type.String(),
  report_url: Type.String({ description: 'The report’s public page' }),
  category: Type.String(),
  description: Type.String({ description: 'The start of the report’s description' }),
  attempts: Type.Integer({ minimum: 0 }),
  max_attempts: Type.Integer({ minimum: 1 }),
  last_error: Type.String(),
  failed_at: DateTime,
  next_attempt_at: Nullable(DateTime),
});

const BodySending = Type.Object(
  {
    slug: Type.String(),
    name: Type.String(),
    methods: Type.Array(Type.String(), { description: 'email, open311, webhook' }),
    waiting: Type.Integer({ minimum: 0, description: 'Confirmed reports not sent yet' }),
    sent_last_7_days: Type.Integer({ minimum: 0 }),
    failing: Type.Array(Problem, { description: 'Retried automatically, with back-off' }),
    parked: Type.Array(Problem, { description: 'Given up on until an administrator sends again' }),
  },
  { description: 'How reports reach one body' },
);

/** GET /api/v1/sending: the operators' page as JSON (site administrators). */
export function sendingRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/sending',
    {
      schema: {
        tags: ['reports'],
        summary: 'How reports reach each body: waiting, sent, failing and parked (site admins)',
        querystring: ListQuery(),
        security: bearer,
        response: { 200: Page(BodySending), ...errors(403) },
      },
    },
    async (request) => pageFrom(await sendingOverview(ctx, request.actor), request.query),
  );
}
