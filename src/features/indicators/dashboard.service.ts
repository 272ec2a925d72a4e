import { joinTransaction } from '../../platform/db/transaction.js';
import type { AppContext } from '../../context.js';
import type { DashboardRow } from '../../platform/db/schema.js';
import { DomainError, conflict, notFound, validationFailed } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import type { Actor } from '../accounts/index.js';
import { resolveTile, visibleTiles } from './dashboard-tiles.js';
import { recordSaved } from './indicator-activity.js';
import {
  findDashboardBySlug,
  insertDashboard,
  listDashboardRows,
  updateDashboard as writeDashboard,
} from './dashboard.repository.js';
import type { DashboardCreateInput, DashboardUpdateInput, TileInput } from './dashboard.schemas.js';
import { authoriseRegionEdit } from './indicator-write.service.js';

export const dashboardPath = (slug: string) => `/dashboards/${encodeURIComponent(slug)}`;
const tilesOf = (row: DashboardRow) => JSON.parse(row.tiles) as TileInput[];

export async function listDashboards(ctx: AppContext) {
  return (await listDashboardRows(ctx.db.kysely)).map((r) => ({
    slug: r.slug,
    title: r.title,
    description: r.description,
    url: dashboardPath(r.slug),
    tiles: tilesOf(r).length,
    updated_at: r.updated_at,
  }));
}

/** Whether a dashboard has this slug. */
export async function dashboardExists(ctx: AppContext, slug: string): Promise<boolean> {
  return (await findDashboardBySlug(ctx.db.kysely, slug)) !== undefined;
}

export async function findDashboard(ctx: AppContext, slug: string): Promise<DashboardRow> {
  const row = await findDashboardBySlug(ctx.db.kysely, slug);
  if (!row) throw notFound(`Dashboard ${slug}`);
  return row;
}

/** A dashboard with its tiles resolved for the actor (tiles over unreadable data left out). */
export async function getDashboard(ctx: AppContext, actor: Actor, slug: string) {
  const row = await findDashboard(ctx, slug);
  const path = dashboardPath(row.slug);
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    url: path,
    updated_at: row.updated_at,
    tiles: await visibleTiles(ctx, actor, path, tilesOf(row)),
  };
}

/** Every tile must show something to its editor: a known indicator, a chart that draws. */
async function checkTiles(ctx: AppContext, actor: Actor, slug: string, tiles: TileInput[]) {
  for (const [i, tile] of tiles.entries()) {
    try {
      await resolveTile(ctx, actor, dashboardPath(slug), tile, i);
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind === 'unavailable') throw err;
      throw validationFailed([{ field: `tiles/${String(i)}`, message: err.message }]);
    }
  }
}

async function save(ctx: AppContext, actor: Actor, before: DashboardRow | null, row: DashboardRow) {
  const snap = (r: DashboardRow) => ({
    title: r.title,
    description: r.description,
    tiles: JSON.parse(r.tiles) as unknown,
  });
  await joinTransaction(ctx.db.kysely, async (trx) => {
    if (before) await writeDashboard(trx, row.id, row);
    else await insertDashboard(trx, row);
    await recordSaved(trx, actor, 'dashboard', before, row, snap);
  });
}

export async function createDashboard(ctx: AppContext, actor: Actor, input: DashboardCreateInput) {
  await authoriseRegionEdit(ctx, actor, 'dashboards');
  if (await findDashboardBySlug(ctx.db.kysely, input.slug)) {
    throw conflict(`A dashboard with slug ${input.slug} already exists`);
  }
  await checkTiles(ctx, actor, input.slug, input.tiles);
  const at = now();
  await save(ctx, actor, null, {
    id: newId(),
    slug: input.slug,
    title: input.title,
    description: input.description ?? '',
    tiles: JSON.stringify(input.tiles),
    created_by: actor.user?.id ?? null,
    created_at: at,
    updated_at: at,
  });
  return getDashboard(ctx, actor, input.slug);
}

export async function updateDashboard(
  ctx: AppContext,
  actor: Actor,
  slug: string,
  input: DashboardUpdateInput,
) {
  await authoriseRegionEdit(ctx, actor, 'dashboards');
  const before = await findDashboard(ctx, slug);
  if (input.tiles) await checkTiles(ctx, actor, slug, input.tiles);
  await save(ctx, actor, before, {
    ...before,
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.tiles ? { tiles: JSON.stringify(input.tiles) } : {}),
    updated_at: now(),
  });
  return getDashboard(ctx, actor, slug);
}
