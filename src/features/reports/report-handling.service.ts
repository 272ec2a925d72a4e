import type { AppContext } from '../../context.js';
import type { Report, ReportUpdate } from '../../platform/db/schema.js';
import { recordActivity } from '../../platform/activity/record.js';
import { notFound, validationFailed, type FieldError } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import { authorise, type Actor } from '../accounts/index.js';
import { locate } from '../areas/index.js';
import { allOrganisations } from '../organisations/index.js';
import { listRouteRows } from './category.repository.js';
import { queueSending } from './report-queue.js';
import { isStatus, STATUS_LABELS, STATUSES } from './report-status.js';
import { applyReportUpdate, type UpdateInput } from './report-update.service.js';
import { canSeeReport } from './report.service.js';
import { openReportsNear } from './nearby.service.js';
import { findReportRow } from './report.repository.js';
import { findPhotoOfReport } from './report-moderation.repository.js';

// The body's staff deal with a report: a new status with a public update, marking it a
// duplicate of another of theirs, or passing it to the body that is responsible (re-routing).

export interface HandlingInput {
  status?: string | undefined;
  text: string;
  /** With status `duplicate`: the id of the original report (the same body's, not itself). */
  duplicateOf?: string | undefined;
  /** With status `not_responsible`: the slug of the body to pass it to (it re-sends there). */
  organisation?: string | undefined;
  source: Extract<UpdateInput['source'], 'web' | 'api'>;
}

export interface HandlingResult {
  update: ReportUpdate;
  report: Report;
  /** The body it was passed to, when re-routed. */
  reroutedTo: { slug: string; name: string } | null;
  /** The body responsible now. */
  body: { slug: string; name: string };
}

/** The report as its body's staff may act on it; 404 for anyone who may not even see it. */
export async function reportForStaff(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
): Promise<Report> {
  const report = await findReportRow(ctx.db.kysely, reportId);
  if (!report || report.state === 'unconfirmed' || !canSeeReport(actor, report)) {
    throw notFound(`Report ${reportId}`);
  }
  authorise(
    actor,
    { type: 'report:handle', organisationId: report.organisation_id },
    'Only the staff of the body responsible handle this report',
  );
  return report;
}

/** A photo of a report for its staff, hidden or not: its row and its bytes. */
export async function photoForStaff(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  photoId: string,
) {
  const report = await reportForStaff(ctx, actor, reportId);
  const photo = await findPhotoOfReport(ctx.db.kysely, report.id, photoId);
  if (!photo) throw notFound(`Photo ${photoId}`);
  return { photo, body: await ctx.blobs.get(photo.blob_key) };
}

/** The bodies a report could be passed to: every other body answering its category. */
export async function rerouteOptions(ctx: AppContext, report: Report) {
  const [routes, orgs, located] = await Promise.all([
    listRouteRows(ctx.db.kysely),
    allOrganisations(ctx),
    locate(ctx, { lat: report.latitude, lon: report.longitude }).catch(() => null),
  ]);
  const here = new Set(located?.organisations.map((b) => b.slug) ?? []);
  const answering = new Set(
    routes.filter((r) => r.category_id === report.category_id).map((r) => r.organisation_id),
  );
  return orgs
    .filter((o) => answering.has(o.id) && o.id !== report.organisation_id)
    .map((o) => ({ id: o.id, slug: o.slug, name: o.name, coversPlace: here.has(o.slug) }))
    .sort((a, b) => Number(b.coversPlace) - Number(a.coversPlace) || a.name.localeCompare(b.name));
}

/** How far the body's staff look for the report a new one duplicates. */
const DUPLICATE_METRES = 500;

/** Open reports of the same category and body near this one: what it may duplicate. */
export async function duplicateCandidates(ctx: AppContext, report: Report) {
  const near = await openReportsNear(
    ctx,
    { lat: report.latitude, lon: report.longitude },
    report.category_id,
    DUPLICATE_METRES,
  );
  return near
    .filter((n) => n.report.id !== report.id && n.report.organisation_id === report.organisation_id)
    .map((n) => ({ report: n.report, metres: Math.round(n.distanceMetres) }))
    .slice(0, 20);
}

interface Checked {
  extra: Parameters<typeof applyReportUpdate>[3];
  status: string | undefined;
  text: string;
  target: { id: string; slug: string; name: string } | null;
}

async function checkHandling(
  ctx: AppContext,
  report: Report,
  input: HandlingInput,
): Promise<Checked> {
  const errors: FieldError[] = [];
  const duplicateOf = input.duplicateOf?.trim() ?? '';
  const organisation = input.organisation?.trim() ?? '';
  if (input.status !== undefined && !isStatus(input.status)) {
    throw validationFailed([{ field: 'status', message: `must be one of ${STATUSES.join(', ')}` }]);
  }
  let extra: Checked['extra'] = {};
  let status = input.status;
  let text = input.text.trim();
  let target: Checked['target'] = null;
  if (status === 'duplicate') {
    const original = duplicateOf ? await findReportRow(ctx.db.kysely, duplicateOf) : undefined;
    if (!duplicateOf) {
      errors.push({ field: 'duplicate_of', message: 'is required: choose the original report' });
    } else if (duplicateOf === report.id) {
      errors.push({ field: 'duplicate_of', message: 'cannot be the report itself' });
    } else if (
      !original ||
      original.state === 'unconfirmed' ||
      original.organisation_id !== report.organisation_id
    ) {
      errors.push({ field: 'duplicate_of', message: 'must be another report of the same body' });
    } else {
      extra = { duplicate_of: original.id };
    }
  } else if (duplicateOf) {
    errors.push({ field: 'duplicate_of', message: 'is only for the status duplicate' });
  } else if (status !== undefined && report.duplicate_of !== null) {
    extra = { duplicate_of: null };
  }
  if (organisation && status !== 'not_responsible') {
    errors.push({ field: 'organisation', message: 'is only for the status not_responsible' });
  } else if (organisation) {
    const options = await rerouteOptions(ctx, report);
    const found = options.find((o) => o.slug === organisation);
    if (!found) {
      errors.push({
        field: 'organisation',
        message: `must be another body answering this category (${options.map((o) => o.slug).join(', ') || 'none'})`,
      });
    } else {
      target = found;
      // The report starts again at the body responsible: open, unsent, no id in the old system.
      status = 'open';
      extra = {
        ...extra,
        organisation_id: found.id,
        send_state: 'unsent',
        sent_at: null,
        external_id: null,
        send_error: null,
      };
      const from = await bodyName(ctx, report.organisation_id);
      const note = `Passed to ${found.name}: this is not the responsibility of ${from}.`;
      text = text ? `${note}\n\n${text}` : note;
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  return { extra, status, text, target };
}

async function bodyName(ctx: AppContext, id: string): Promise<string> {
  return (await allOrganisations(ctx)).find((o) => o.id === id)?.name ?? 'this body';
}

/**
 * The body's staff post an update: a new status (all of them) with words for the public.
 * `duplicate` names the original; `not_responsible` with another body passes the report there
 * (it is sent to that body, and its staff see it in their queue from then on).
 */
export async function handleReport(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  input: HandlingInput,
): Promise<HandlingResult> {
  const report = await reportForStaff(ctx, actor, reportId);
  const checked = await checkHandling(ctx, report, input);
  const update = await applyReportUpdate(
    ctx,
    report,
    {
      status: checked.status,
      text: checked.text,
      source: input.source,
      authorId: actor.user?.id ?? null,
      organisationId: report.organisation_id,
    },
    checked.extra,
  );
  if (!update) throw notFound(`Report ${reportId}`);
  const after = (await findReportRow(ctx.db.kysely, reportId)) ?? report;
  if (checked.target) await queueSending(ctx, report.id);
  if (update.status || checked.target) {
    await recordActivity(ctx.db.kysely, actor, {
      action: checked.target ? 'report.rerouted' : 'report.status-changed',
      subject: { type: 'report', id: report.id },
      organisationId: report.organisation_id,
      diff: {
        ...(report.status === after.status
          ? {}
          : { status: { from: report.status, to: after.status } }),
        ...(checked.target
          ? { organisation: { from: report.organisation_id, to: checked.target.id } }
          : {}),
        ...(report.duplicate_of === after.duplicate_of
          ? {}
          : { duplicate_of: { from: report.duplicate_of, to: after.duplicate_of } }),
      },
      at: now(),
    });
  }
  const org = (await allOrganisations(ctx)).find((o) => o.id === after.organisation_id);
  const body = { slug: org?.slug ?? '', name: org?.name ?? '' };
  return { update, report: after, reroutedTo: checked.target, body };
}

/** A status in the staff's words, for pages and messages. */
export const statusLabel = (status: string): string =>
  isStatus(status) ? STATUS_LABELS[status] : status;
