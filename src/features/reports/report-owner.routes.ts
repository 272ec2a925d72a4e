import type { AppContext } from '../../context.js';
import { bearer, operations } from '../../platform/http/operations.js';
import type { Api } from '../../platform/http/types.js';
import { errors } from '../../platform/http/types.js';
import {
  OwnReport,
  OwnReportList,
  OwnReportPatchBody,
  OwnReportQuery,
  ReopenBody,
} from './report-owner.schemas.js';
import { IdParams } from '../../platform/http/schemas.js';
import {
  anonymiseOwnReport,
  editOwnReport,
  listOwnReports,
  reopenOwnReport,
} from './report-owner.service.js';
import { ownReportJson } from './report-owner.view.js';

const op = operations('residents');
const TAGS = ['residents'];

/** A reporter's own reports: a token with the "reports" scope (the pages do it for a session). */
export function reportOwnerRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/me/reports',
    {
      schema: {
        tags: TAGS,
        summary: 'Your reports, newest first, in every state, with what you may still do',
        description: 'Needs a token with the `reports` scope.',
        querystring: OwnReportQuery,
        security: bearer,
        response: { 200: OwnReportList, ...errors(403) },
      },
    },
    async (request) => {
      const list = await listOwnReports(ctx, request.actor, request.query);
      return { ...list, results: list.results.map((r) => ownReportJson(r, ctx.config.baseUrl)) };
    },
  );

  app.patch(
    '/api/v1/reports/:id',
    op.update(OwnReport, {
      summary: 'Correct the description of your report',
      description:
        'Within `REPORT_EDIT_MINUTES` of confirming it (409 `edit_window_closed` after), unless a moderator changed it (409 `report_moderated`).',
      params: IdParams,
      body: OwnReportPatchBody,
    }),
    async (request) =>
      ownReportJson(
        await editOwnReport(ctx, request.actor, request.params.id, request.body),
        ctx.config.baseUrl,
      ),
  );

  app.post(
    '/api/v1/reports/:id/anonymise',
    op.update(OwnReport, {
      summary: 'Take your name off your report, for good',
      params: IdParams,
    }),
    async (request) =>
      ownReportJson(
        await anonymiseOwnReport(ctx, request.actor, request.params.id),
        ctx.config.baseUrl,
      ),
  );

  app.post(
    '/api/v1/reports/:id/reopen',
    op.update(OwnReport, {
      summary: 'Reopen your report marked fixed or closed, saying why',
      description:
        'Within 28 days of it being marked fixed or closed (409 `reopen_window_closed` after; 409 `not_reopenable` in another status). Your words are a public update.',
      params: IdParams,
      body: ReopenBody,
    }),
    async (request) =>
      ownReportJson(
        await reopenOwnReport(ctx, request.actor, request.params.id, request.body),
        ctx.config.baseUrl,
      ),
  );
}
