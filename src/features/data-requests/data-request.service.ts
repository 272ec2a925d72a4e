import type { AppContext } from '../../context.js';
import { recordActivity } from '../../platform/activity/record.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { invalidParameter, notFound, validationFailed } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { pageOf, type PageInput } from '../../platform/paging.js';
import { authorise, can, type Actor } from '../accounts/index.js';
import { themeTitlesBySlug } from '../catalog/index.js';
import { findOrganisation } from '../organisations/index.js';
import {
  countRequestRows,
  findRequestRow,
  insertRequestRow,
  listRequestRows,
  updateRequestRow,
  type RequestFilters,
  type RequestRow,
} from './data-request.repository.js';
import type { RequestCreateInput } from './data-request.schemas.js';
import { commentEntry, historyEntry, requestSummary } from './data-request.view.js';
import { listCommentRows, listHistoryRows } from './request-parts.repository.js';
import { AWAITING } from './request-status.js';
import { overdueCutoff } from './working-days.js';
import type { DataRequestStatus } from '../../platform/db/schema.js';

// Asking for a dataset, and reading the requests: public, like the answers to them.

export const viewOptions = (ctx: AppContext) => ({
  baseUrl: ctx.config.baseUrl,
  responseDays: ctx.config.dataRequestResponseDays,
  today: new Date(),
});

export async function requestRow(ctx: AppContext, id: string): Promise<RequestRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findRequestRow(ctx.db.kysely, id) : undefined;
  if (!row) throw notFound(`Data request ${id}`);
  return row;
}

async function organisationId(ctx: AppContext, slug: string, field: string): Promise<string> {
  const org = await findOrganisation(ctx, slug);
  if (!org) throw validationFailed([{ field, message: `is not a body of the region: ${slug}` }]);
  return org.id;
}

export async function createRequest(ctx: AppContext, actor: Actor, input: RequestCreateInput) {
  authorise(actor, { type: 'data-request:participate' }, 'Sign in to ask for a dataset');
  const title = input.title.trim();
  const purpose = input.purpose.trim();
  const errors = [];
  if (!title) errors.push({ field: 'title', message: 'Enter the data you need' });
  if (!purpose) errors.push({ field: 'purpose', message: 'Say what you need it for' });
  if (input.theme && !(await themeTitlesBySlug(ctx)).has(input.theme)) {
    errors.push({ field: 'theme', message: `is not a theme of the catalogue: ${input.theme}` });
  }
  if (errors.length) throw validationFailed(errors);
  const orgId = await organisationId(ctx, input.organisation, 'organisation');
  const at = now();
  const id = newId();
  await inTransaction(ctx, async (tx) => {
    await insertRequestRow(tx.db.kysely, {
      id,
      title,
      purpose,
      organisation_id: orgId,
      theme: input.theme ?? null,
      frequency: input.frequency ?? null,
      status: 'new',
      status_reason: null,
      target_date: null,
      dataset_id: null,
      refusal_reason: null,
      duplicate_of: null,
      requester_id: actor.user?.id ?? null,
      supporters_count: 0,
      created_at: at,
      updated_at: at,
    });
    await recordActivity(tx.db.kysely, actor, {
      action: 'data-request.created',
      subject: { type: 'data-request', id },
      organisationId: orgId,
      diff: { title: { from: null, to: title } },
      at,
    });
  });
  return getRequest(ctx, actor, id);
}

/** A request with its history and comments (hidden ones only for its moderators). */
export async function getRequest(ctx: AppContext, actor: Actor, id: string) {
  const row = await requestRow(ctx, id);
  const moderator = can(actor, {
    type: 'data-request:moderate',
    organisationId: row.organisation_id,
  });
  const [history, comments] = await Promise.all([
    listHistoryRows(ctx.db.kysely, row.id),
    listCommentRows(ctx.db.kysely, row.id, moderator),
  ]);
  return {
    ...requestSummary(row, viewOptions(ctx)),
    history: history.map((h) => historyEntry(h, ctx.config.baseUrl)),
    comments: comments.map(commentEntry),
  };
}

export interface ListInput extends PageInput {
  status?: DataRequestStatus[] | undefined;
  organisation?: string | undefined;
  theme?: string | undefined;
  q?: string | undefined;
  overdue?: boolean | undefined;
}

export async function listRequests(ctx: AppContext, input: ListInput) {
  const { page, per_page } = pageOf(input);
  const filters: RequestFilters = {
    status: input.status,
    theme: input.theme,
    q: input.q?.trim() === '' ? undefined : input.q?.trim(),
  };
  if (input.organisation) {
    const org = await findOrganisation(ctx, input.organisation);
    if (!org) throw invalidParameter('organisation', `No body ${input.organisation}`);
    filters.organisationId = org.id;
  }
  if (input.overdue) {
    const day = overdueCutoff(new Date(), ctx.config.dataRequestResponseDays);
    filters.overdueBefore = { day, statuses: AWAITING };
  }
  const [rows, total] = await Promise.all([
    listRequestRows(ctx.db.kysely, filters, per_page, (page - 1) * per_page),
    countRequestRows(ctx.db.kysely, filters),
  ]);
  const options = viewOptions(ctx);
  return { total, page, per_page, results: rows.map((r) => requestSummary(r, options)) };
}

/** Site admins give a request to another body (the requester guessed wrong). */
export async function reassignRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  organisationSlug: string,
) {
  const row = await requestRow(ctx, id);
  authorise(
    actor,
    { type: 'data-request:reassign' },
    'Only site administrators re-assign requests',
  );
  const orgId = await organisationId(ctx, organisationSlug, 'organisation');
  if (orgId !== row.organisation_id) {
    const at = now();
    await inTransaction(ctx, async (tx) => {
      await updateRequestRow(tx.db.kysely, row.id, { organisation_id: orgId, updated_at: at });
      await recordActivity(tx.db.kysely, actor, {
        action: 'data-request.reassigned',
        subject: { type: 'data-request', id: row.id },
        organisationId: orgId,
        diff: { organisation: { from: row.organisation_slug, to: organisationSlug } },
        at,
      });
    });
  }
  return getRequest(ctx, actor, row.id);
}
