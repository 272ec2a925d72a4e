import type { AppContext } from '../../../context.js';
import type { Report } from '../../../platform/db/schema.js';
import type { Job } from '../../../platform/db/schema.js';
import { now } from '../../../platform/ids.js';
import { PermanentJobError, type JobHandler } from '../../../platform/jobs/jobs.js';
import { allOrganisations } from '../../organisations/index.js';
import { categoryOf } from '../category.service.js';
import { findCategoryById, findRoute } from '../category.repository.js';
import { findReportRow } from '../report.repository.js';
import { sendByEmail } from './email-send.js';
import type { Dispatch } from './outgoing-report.js';
import { sendByOpen311 } from './open311-client.js';
import { markReportFailing, markReportSent } from './sending.repository.js';
import { sendByWebhook } from './webhook-send.js';

// The `report.send` job: a confirmed report goes to the body answering it, by the route's
// method. A job may run again after a crash (its lease lapses and another process takes it), so
// a report whose delivery was recorded is never sent again; a failure is recorded on the report
// for the operators' page and rethrown, so the job retries with back-off or is parked.

function reportIdOf(payload: unknown): string {
  const id = (payload as { reportId?: unknown } | null)?.reportId;
  if (typeof id !== 'string' || id === '') throw new PermanentJobError('The job names no report');
  return id;
}

/** The report with what sending it needs; PermanentJobError when it cannot be sent anywhere. */
async function dispatchOf(ctx: AppContext, report: Report, job: Job): Promise<Dispatch> {
  const [categoryRow, route, orgs] = await Promise.all([
    findCategoryById(ctx.db.kysely, report.category_id),
    findRoute(ctx.db.kysely, report.category_id, report.organisation_id),
    allOrganisations(ctx),
  ]);
  const org = orgs.find((o) => o.id === report.organisation_id);
  if (!categoryRow || !org) throw new PermanentJobError('The report’s category or body is gone');
  if (!route) {
    throw new PermanentJobError(
      `${org.name} no longer answers “${categoryRow.name}”: no route to send the report by`,
    );
  }
  return {
    report,
    category: categoryOf(categoryRow),
    route,
    body: { slug: org.slug, name: org.name },
    deliveryId: job.id,
  };
}

/** Delivers by the route's method; the body's own id for the report when it gives one. */
async function deliver(ctx: AppContext, d: Dispatch): Promise<string | null> {
  switch (d.route.send_method) {
    case 'email':
      await sendByEmail(ctx, d);
      return null;
    case 'webhook':
      await sendByWebhook(ctx, d);
      return null;
    case 'open311':
      return (await sendByOpen311(ctx, d)).externalId;
  }
}

export function sendReportHandler(ctx: AppContext): JobHandler {
  return async (payload, job) => {
    const report = await findReportRow(ctx.db.kysely, reportIdOf(payload));
    // Gone (deleted by its reporter), sent already, or not (or no longer) a public report.
    if (!report || report.send_state === 'sent' || report.state !== 'confirmed') return;
    try {
      const externalId = await deliver(ctx, await dispatchOf(ctx, report, job));
      await markReportSent(ctx.db.kysely, report.id, { at: now(), externalId });
    } catch (err) {
      const final = err instanceof PermanentJobError || job.attempts >= job.max_attempts;
      const error = err instanceof Error ? err.message : String(err);
      await markReportFailing(ctx.db.kysely, report.id, { error, final });
      throw err;
    }
  };
}
