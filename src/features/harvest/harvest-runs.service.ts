import type { AppContext } from '../../context.js';
import type { HarvestItemRow, HarvestRun, HarvestSource } from '../../platform/db/schema.js';
import { conflict, notFound } from '../../platform/errors.js';
import { pageOf, type PageInput } from '../../platform/paging.js';
import { authorise, can, type Actor } from '../accounts/index.js';
import { queueHarvestRun } from './harvest-queue.js';
import {
  countRuns,
  countSources,
  findRun,
  findSource,
  listItems,
  listRuns,
  listSources,
} from './harvest.repository.js';

// Reading sources and runs, and asking for a run: for the organisation's administrators and
// site administrators (a run's log can name addresses of the organisation's own portals).

const manage = (actor: Actor, source: HarvestSource) =>
  can(actor, { type: 'organisation:update', organisationId: source.organisation_id });

/** The source, if the actor may manage it; 404 otherwise (its existence is not told). */
export async function sourceFor(ctx: AppContext, actor: Actor, id: string): Promise<HarvestSource> {
  const source = await findSource(ctx.db.kysely, id);
  if (!source || !manage(actor, source)) throw notFound('Harvest source');
  return source;
}

/** The sources the actor manages, a page of them. */
export async function sourcesFor(ctx: AppContext, actor: Actor, input: PageInput) {
  const { page, per_page } = pageOf(input);
  const db = ctx.db.kysely;
  if (actor.user?.isSiteAdmin) {
    const results = await listSources(db, { limit: per_page, offset: (page - 1) * per_page });
    return { total: await countSources(db), page, per_page, results };
  }
  // An organisation administrator sees their organisations' sources (few: read them whole).
  const all = (await listSources(db, { limit: 100_000, offset: 0 })).filter((s) =>
    manage(actor, s),
  );
  const start = (page - 1) * per_page;
  return { total: all.length, page, per_page, results: all.slice(start, start + per_page) };
}

/**
 * A disabled source does not run, by schedule or by hand, as in CKAN's harvester: enabling it
 * is one step, and a run asked for by mistake could withdraw datasets it was disabled to keep.
 */
export function refuseDisabled(source: HarvestSource): void {
  if (source.enabled === 0) {
    throw conflict(
      'This harvest source is disabled: enable it to run it',
      undefined,
      'source_disabled',
    );
  }
}

/** Asks for a run of the source now; false when one is already waiting. */
export async function requestRun(ctx: AppContext, actor: Actor, id: string): Promise<boolean> {
  const source = await sourceFor(ctx, actor, id);
  authorise(
    actor,
    { type: 'organisation:update', organisationId: source.organisation_id },
    'You cannot run this harvest source',
  );
  refuseDisabled(source);
  return queueHarvestRun(ctx, { sourceId: source.id, startedBy: actor.user?.id ?? null });
}

/** The source's runs, newest first. */
export async function runsOf(ctx: AppContext, actor: Actor, id: string, input: PageInput) {
  const source = await sourceFor(ctx, actor, id);
  const { page, per_page } = pageOf(input);
  const db = ctx.db.kysely;
  const results = await listRuns(db, source.id, {
    limit: per_page,
    offset: (page - 1) * per_page,
  });
  return { total: await countRuns(db, source.id), page, per_page, results };
}

/** A run and a page of its log (changes and failures; unchanged items are only counted). */
export async function runWithItems(
  ctx: AppContext,
  actor: Actor,
  runId: string,
  input: PageInput,
): Promise<{ run: HarvestRun; items: HarvestItemRow[]; page: number; per_page: number }> {
  const run = await findRun(ctx.db.kysely, runId);
  if (!run) throw notFound('Harvest run');
  await sourceFor(ctx, actor, run.source_id);
  const { page, per_page } = pageOf(input);
  const items = await listItems(ctx.db.kysely, run.id, {
    limit: per_page,
    offset: (page - 1) * per_page,
  });
  return { run, items, page, per_page };
}

/** The latest run of each source (already read through sourceFor or sourcesFor), by source id. */
export async function latestRuns(
  ctx: AppContext,
  sources: readonly HarvestSource[],
): Promise<Map<string, HarvestRun>> {
  const found = await Promise.all(
    sources.map(async (s) => {
      const [run] = await listRuns(ctx.db.kysely, s.id, { limit: 1, offset: 0 });
      return run ? ([s.id, run] as const) : null;
    }),
  );
  return new Map(found.filter((r) => r !== null));
}
