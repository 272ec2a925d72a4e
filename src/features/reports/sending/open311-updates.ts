import type { AppContext } from '../../../context.js';
import {
  deleteMetaKey,
  findMetaValue,
  setMetaValue,
} from '../../../platform/db/meta.repository.js';
import type { CategoryRoute } from '../../../platform/db/schema.js';
import type { JobHandler } from '../../../platform/jobs/jobs.js';
import { allRoutes } from '../category.service.js';
import { updateReportRow } from '../report.repository.js';
import { applyReportUpdate } from '../report-update.service.js';
import {
  findReportByExternalId,
  reportsAwaitingExternalId,
} from '../service-requests.repository.js';
import { pollCursorKey, pollErrorKey, queueOpen311Poll, tokenKey } from './open311-poll-queue.js';
import { endpointUrl, open311Call, type FormValues } from './open311-http.js';
import { statusFromOpen311 } from './open311-status.js';

// Reading back what a body's system did with the reports sent to it: mySociety's
// servicerequestupdates.json since the last poll of the route, each update taken once (by its
// update_id), and tokens resolved into service_request_ids. One job polls every Open311 route
// and queues itself again.

/** Updates are asked for from a little before the last poll: clocks differ, late writes land. */
const OVERLAP_MS = 10 * 60_000;
const FIRST_POLL_DAYS = 30;

export interface PollResult {
  applied: number;
  /** Updates about reports we do not know, or already taken. */
  skipped: number;
  resolvedTokens: number;
}

interface RemoteUpdate {
  update_id?: unknown;
  service_request_id?: unknown;
  status?: unknown;
  updated_datetime?: unknown;
  description?: unknown;
}

const text = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';

/** A bare array, or the list inside `{service_request_updates: [...]}` (either is seen). */
function updatesOf(answer: unknown): RemoteUpdate[] {
  const list: unknown = Array.isArray(answer)
    ? answer
    : ((answer ?? {}) as Record<string, unknown>).service_request_updates;
  if (!Array.isArray(list)) throw new Error('The Open311 updates answer is not a list');
  return list.filter((u): u is RemoteUpdate => typeof u === 'object' && u !== null);
}

const baseQuery = (route: CategoryRoute): FormValues => [
  ['api_key', route.secret ?? ''],
  ...(route.jurisdiction_id ? ([['jurisdiction_id', route.jurisdiction_id]] as FormValues) : []),
];

/** Asks the body for the ids of reports it answered with a token only. */
async function resolveTokens(ctx: AppContext, route: CategoryRoute): Promise<number> {
  let resolved = 0;
  for (const report of await reportsAwaitingExternalId(ctx.db.kysely, route)) {
    const token = await findMetaValue(ctx.db.kysely, tokenKey(report.id));
    if (!token) continue;
    const url = endpointUrl(
      route.destination,
      `tokens/${encodeURIComponent(token)}.json`,
      baseQuery(route),
    );
    const answer = await open311Call(ctx, url, null, `Resolving token ${token}`);
    const first: unknown = Array.isArray(answer) ? answer[0] : answer;
    const id = text((first as RemoteUpdate | undefined)?.service_request_id);
    if (!id) continue;
    await updateReportRow(ctx.db.kysely, report.id, { external_id: id });
    await deleteMetaKey(ctx.db.kysely, tokenKey(report.id));
    resolved += 1;
  }
  return resolved;
}

/** One route's updates since its last poll, applied to the reports they are about. */
export async function pollOpen311Updates(
  ctx: AppContext,
  route: CategoryRoute,
): Promise<PollResult> {
  const startedAt = new Date();
  const resolvedTokens = await resolveTokens(ctx, route);
  const cursor = await findMetaValue(ctx.db.kysely, pollCursorKey(route.id));
  const from = cursor
    ? new Date(Date.parse(cursor) - OVERLAP_MS)
    : new Date(
        Math.max(Date.parse(route.created_at), startedAt.getTime() - FIRST_POLL_DAYS * 86_400_000),
      );
  const url = endpointUrl(route.destination, 'servicerequestupdates.json', [
    ...baseQuery(route),
    ['start_date', from.toISOString()],
    ['end_date', startedAt.toISOString()],
  ]);
  const updates = updatesOf(await open311Call(ctx, url, null, 'Reading Open311 updates'));
  let applied = 0;
  let skipped = 0;
  for (const u of updates) {
    const externalId = text(u.update_id);
    const requestId = text(u.service_request_id);
    const report = requestId
      ? await findReportByExternalId(ctx.db.kysely, route.organisation_id, requestId)
      : undefined;
    const status = statusFromOpen311(text(u.status));
    const words = text(u.description);
    const at = Date.parse(text(u.updated_datetime));
    if (!report || !externalId || (!status && !words)) {
      skipped += 1;
      continue;
    }
    const update = await applyReportUpdate(ctx, report, {
      status: status ?? undefined,
      text: words,
      source: 'open311',
      externalId,
      at: Number.isNaN(at) ? undefined : new Date(at).toISOString(),
      authorId: null,
      organisationId: report.organisation_id,
    });
    if (update) applied += 1;
    else skipped += 1;
  }
  await setMetaValue(ctx.db.kysely, pollCursorKey(route.id), startedAt.toISOString());
  return { applied, skipped, resolvedTokens };
}

/**
 * Polls every Open311 route, then queues the next poll. A route that fails does not stop the
 * others; its error is kept in the meta table for the operator (docs/operations.md), and it is
 * tried again at the next poll rather than by the job's back-off, which would multiply polls.
 */
export function open311PollHandler(ctx: AppContext): JobHandler {
  return async () => {
    try {
      const routes = (await allRoutes(ctx)).filter((r) => r.send_method === 'open311');
      for (const route of routes) {
        try {
          await pollOpen311Updates(ctx, route);
          await deleteMetaKey(ctx.db.kysely, pollErrorKey(route.id));
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          await setMetaValue(
            ctx.db.kysely,
            pollErrorKey(route.id),
            `${new Date().toISOString()} ${message}`,
          );
        }
      }
    } finally {
      await queueOpen311Poll(ctx, ctx.config.open311PollIntervalS);
    }
  };
}
