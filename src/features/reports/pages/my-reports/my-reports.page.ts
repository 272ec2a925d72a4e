import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../../../context.js';
import { DomainError } from '../../../../platform/errors.js';
import { HOME } from '../../../../platform/views/page-head.js';
import { PageQuery, PER_PAGE, type PageQueryInput } from '../../../../platform/views/page-query.js';
import { paginationFor, pagedTitle, rangeText } from '../../../../platform/views/pagination.js';
import {
  fieldErrorsOf,
  formErrors,
  type FormErrors,
} from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import { field, formPost } from '../../../../platform/views/forms/form-input.js';
import {
  anonymiseOwnReport,
  editOwnReport,
  getOwnReport,
  listOwnReports,
  reopenOwnReport,
  REOPEN_DAYS,
} from '../../report-owner.service.js';
import { ownReportRow } from './my-reports.view.js';

const DIR = 'features/reports/pages/my-reports';
const LIST = { text: 'Your reports', href: '/account/reports' };
const LABELS = { description: { label: 'Description' }, text: { label: 'Why it is not fixed' } };

const IdParam = Type.Object({ id: Type.String({ format: 'uuid' }) });
interface IdRoute {
  Params: Static<typeof IdParam>;
}

async function renderReport(
  ctx: AppContext,
  request: FastifyRequest<IdRoute>,
  reply: FastifyReply,
  form: { description?: string; text?: string } = {},
  errors?: FormErrors,
) {
  const own = await getOwnReport(ctx, request.actor, request.params.id);
  const report = ownReportRow(own, ctx.config.baseUrl);
  return formPage(
    reply,
    `${DIR}/my-report.njk`,
    {
      pageTitle: `Your report: ${report.category}`,
      section: 'your-reports',
      breadcrumbs: [HOME, LIST],
      report,
      form: { description: form.description ?? own.report.description, text: form.text ?? '' },
      editMinutes: ctx.config.reportEditMinutes,
      reopenDays: REOPEN_DAYS,
    },
    errors,
  );
}

/** A form's post: the service's field errors and broken rules (409) shown on the report's page. */
async function act(
  ctx: AppContext,
  request: FastifyRequest<IdRoute>,
  reply: FastifyReply,
  form: { description?: string; text?: string },
  work: () => Promise<unknown>,
  done: string,
) {
  try {
    await work();
  } catch (err) {
    const problems =
      fieldErrorsOf(err) ??
      (err instanceof DomainError && err.kind === 'conflict'
        ? [{ field: form.text === undefined ? 'description' : 'text', message: err.message }]
        : null);
    if (!problems) throw err;
    return renderReport(ctx, request, reply, form, formErrors(problems, LABELS));
  }
  reply.flash(done);
  return reply.redirect(`/account/reports/${request.params.id}`, 303);
}

/**
 * The signed-in resident's own reports: the list, and each report's page where they correct
 * the description (for a while), take their name off it, or reopen it. The same services as
 * the API (report-owner.service.ts), under the policy's `report:own`.
 */
export function myReportsPages(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: PageQueryInput }>(
    '/account/reports',
    { schema: { hide: true, querystring: PageQuery } },
    async (request, reply) => {
      const page = request.query.page ?? 1;
      const list = await listOwnReports(ctx, request.actor, { page, per_page: PER_PAGE });
      return reply.page(`${DIR}/my-reports.njk`, {
        pageTitle: pagedTitle('Your reports', page),
        section: 'your-reports',
        breadcrumbs: [HOME],
        reports: list.results.map((r) => ownReportRow(r, ctx.config.baseUrl)),
        total: list.total,
        range: rangeText(page, PER_PAGE, list.total),
        pagination: paginationFor(page, PER_PAGE, list.total, (n) => `/account/reports?page=${n}`),
      });
    },
  );

  const idSchema = { schema: { hide: true, params: IdParam } };

  app.get<IdRoute>('/account/reports/:id', idSchema, (request, reply) =>
    renderReport(ctx, request, reply),
  );

  app.post<IdRoute>(
    '/account/reports/:id/edit',
    { ...idSchema, ...formPost(app) },
    (request, reply) => {
      const description = field(request.body, 'description');
      return act(
        ctx,
        request,
        reply,
        { description },
        () => editOwnReport(ctx, request.actor, request.params.id, { description }),
        'Your report’s description was changed.',
      );
    },
  );

  app.post<IdRoute>(
    '/account/reports/:id/anonymise',
    { ...idSchema, ...formPost(app) },
    (request, reply) =>
      act(
        ctx,
        request,
        reply,
        {},
        () => anonymiseOwnReport(ctx, request.actor, request.params.id),
        'Your name is no longer shown on this report.',
      ),
  );

  app.post<IdRoute>(
    '/account/reports/:id/reopen',
    { ...idSchema, ...formPost(app) },
    (request, reply) => {
      const text = field(request.body, 'text');
      return act(
        ctx,
        request,
        reply,
        { text },
        () => reopenOwnReport(ctx, request.actor, request.params.id, { text }),
        'Your report is open again; the body responsible has been told.',
      );
    },
  );
}
