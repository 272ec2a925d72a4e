import type { AppContext } from '../../context.js';
import { anonymous, type Actor, readableScope } from '../accounts/index.js';
import { readableDatasetRecords } from '../catalog/index.js';
import { findPromise } from '../promises/index.js';
import { readableChallenge } from './challenge-access.js';
import {
  challengeDatasetIds,
  findChallengeBySlug,
  listChallengeRows,
  publishedChallengesOfPromise,
  type ChallengeWithOrg,
} from './challenge.repository.js';
import type { ChallengeFilters } from './challenge.schemas.js';
import { challengeStatus, STATUS_LABELS } from './challenge-status.js';
import { challengeSummary } from './challenge.view.js';
import { visibleEntries } from './entry.service.js';

/** Challenges the actor may see (drafts only of their organisations) matching the filters. */
export async function listChallenges(
  ctx: AppContext,
  actor: Actor,
  filters: ChallengeFilters,
  at: Date = new Date(),
) {
  let promiseId: string | undefined;
  if (filters.promise !== undefined) {
    promiseId = (await findPromise(ctx, filters.promise))?.id ?? 'none';
  }
  const rows = await listChallengeRows(ctx.db.kysely, {
    draftsOf: readableScope(actor),
    organisationSlug: filters.organisation,
    promiseId,
  });
  const wanted = new Set(filters.status ?? []);
  return rows
    .map((r) => challengeSummary(r, ctx.config.baseUrl, at))
    .filter((c) => wanted.size === 0 || wanted.has(c.status));
}

/** The public datasets a challenge offers (one made private since drops out). */
async function offeredDatasets(ctx: AppContext, row: ChallengeWithOrg) {
  const ids = await challengeDatasetIds(ctx.db.kysely, row.id);
  const records = await readableDatasetRecords(ctx, anonymous, ids);
  return records.map((r) => ({
    slug: r.dataset.slug,
    title: r.dataset.title,
    organisation: { slug: r.organisation.slug, name: r.organisation.name },
    url: `${ctx.config.baseUrl}/datasets/${encodeURIComponent(r.dataset.slug)}`,
  }));
}

export async function challengeDetail(
  ctx: AppContext,
  actor: Actor,
  row: ChallengeWithOrg,
  at: Date = new Date(),
) {
  const [datasets, entries] = await Promise.all([
    offeredDatasets(ctx, row),
    visibleEntries(ctx, actor, row, at),
  ]);
  return {
    ...challengeSummary(row, ctx.config.baseUrl, at),
    problem: row.problem,
    criteria: row.criteria,
    datasets,
    entries_public: entries.public,
    entry_count: entries.total,
    outcome: row.outcome,
    decided_at: row.decided_at,
    cancelled_at: row.cancelled_at,
    cancellation_reason: row.cancellation_reason,
  };
}

export async function getChallenge(ctx: AppContext, actor: Actor, slug: string) {
  return challengeDetail(ctx, actor, await readableChallenge(ctx, actor, slug));
}

/** The published challenges of a promise, for its page (the promises feature's port). */
export async function challengesOfPromise(ctx: AppContext, promiseId: string) {
  const rows = await publishedChallengesOfPromise(ctx.db.kysely, promiseId);
  const at = new Date();
  return rows.map((r) => {
    const status = challengeStatus(r, at);
    return {
      title: r.title,
      url: `/challenges/${encodeURIComponent(r.slug)}`,
      status_label: STATUS_LABELS[status],
      deadline: r.deadline,
    };
  });
}

/** Whether a challenge has this slug, whatever its state (the demo adds only missing ones). */
export async function challengeExists(ctx: AppContext, slug: string): Promise<boolean> {
  return (await findChallengeBySlug(ctx.db.kysely, slug)) !== undefined;
}
