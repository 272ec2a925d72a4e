import type { AppContext } from '../../context.js';
import { bearer } from '../../platform/http/operations.js';
import { errors, writeErrors, type Api } from '../../platform/http/types.js';
import { pageFrom } from '../../platform/paging.js';
import { handleReport } from './report-handling.service.js';
import {
  HandlingBody,
  HandlingResult,
  Moderation,
  ModerationBody,
  ModerationList,
  ModerationListQuery,
  ReportIdParams,
} from './report-handling.schemas.js';
import {
  listModerations,
  moderateReport,
  type ModerationEntry,
} from './report-moderation.service.js';

// The body's staff on the API: updates (status, duplicate, passing to another body) and
// moderation. The same services as the pages.

const tags = ['reports (bodies)'];

const moderationOut = (
  m: Omit<ModerationEntry, 'actor_name'> & { actor_name?: string | null },
) => ({
  id: m.id,
  action: m.action,
  reason: m.reason,
  photo_id: m.photo_id,
  update_id: m.update_id,
  by: m.actor_name ? { name: m.actor_name } : null,
  created_at: m.created_at,
});

export function reportHandlingRoutes(app: Api, ctx: AppContext): void {
  app.post(
    '/api/v1/reports/:id/updates',
    {
      schema: {
        tags,
        summary:
          'Post a public update on a report of your body: status, words, duplicate, re-route',
        description:
          'Any member of the body. `duplicate` needs `duplicate_of` (another report of the body); ' +
          '`not_responsible` with `organisation` passes the report to that body (it is sent there ' +
          'and reopened); without, it closes it.',
        params: ReportIdParams,
        body: HandlingBody,
        security: bearer,
        response: { 201: HandlingResult, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { status, text, duplicate_of, organisation } = request.body;
      const result = await handleReport(ctx, request.actor, request.params.id, {
        status,
        text: text ?? '',
        duplicateOf: duplicate_of,
        organisation,
        source: 'api',
      });
      return reply.status(201).send({
        update: {
          id: result.update.id,
          status: result.update.status,
          text: result.update.text,
          created_at: result.update.created_at,
        },
        report: {
          id: result.report.id,
          status: result.report.status,
          organisation: result.body,
          duplicate_of: result.report.duplicate_of,
          send_state: result.report.send_state,
          updated_at: result.report.updated_at,
        },
        rerouted: result.reroutedTo !== null,
      });
    },
  );

  app.post(
    '/api/v1/reports/:id/moderations',
    {
      schema: {
        tags,
        summary: 'Moderate a report: hide or show it, a photo or an update; redact its description',
        description:
          'The body’s administrators and editors. A reason is required; the public page says the ' +
          'report was moderated.',
        params: ReportIdParams,
        body: ModerationBody,
        security: bearer,
        response: { 201: Moderation, ...writeErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const moderation = await moderateReport(ctx, request.actor, request.params.id, {
        action: b.action,
        reason: b.reason,
        photoId: b.photo_id,
        updateId: b.update_id,
        description: b.description,
      });
      return reply
        .status(201)
        .send(moderationOut({ ...moderation, actor_name: request.actor.user?.name ?? null }));
    },
  );

  app.get(
    '/api/v1/reports/:id/moderations',
    {
      schema: {
        tags,
        summary: 'The moderation history of a report (the body’s staff)',
        params: ReportIdParams,
        querystring: ModerationListQuery,
        security: bearer,
        response: { 200: ModerationList, ...errors(403, 404) },
      },
    },
    async (request) => {
      const rows = await listModerations(ctx, request.actor, request.params.id);
      return pageFrom(rows.map(moderationOut), request.query);
    },
  );
}
