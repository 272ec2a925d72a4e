import type { AppContext } from '../../context.js';
import type { DashboardRow } from '../../platform/db/schema.js';
import type { Dependent } from '../catalog/index.js';
import { listDashboardRows } from './dashboard.repository.js';
import type { TileInput } from './dashboard.schemas.js';
import { listIndicatorRowsOverResource } from './indicator.repository.js';

// What stops working when a resource or an indicator is deleted: the confirmation pages and the
// API's 409 `has_dependents` list these.

const tilesOf = (row: DashboardRow) => JSON.parse(row.tiles) as TileInput[];
const asDependent = (row: DashboardRow): Dependent => ({
  kind: 'dashboard',
  title: row.title,
  url: `/dashboards/${encodeURIComponent(row.slug)}`,
});

async function dashboardsWith(ctx: AppContext, uses: (tile: TileInput) => boolean) {
  const rows = await listDashboardRows(ctx.db.kysely);
  return rows.filter((r) => tilesOf(r).some(uses)).map(asDependent);
}

/** The dashboards showing an indicator (its value or its map). */
export const dashboardsShowing = (ctx: AppContext, indicatorSlug: string) =>
  dashboardsWith(ctx, (t) => 'indicator' in t && t.indicator === indicatorSlug);

/** The indicators computed from a resource, and the dashboards charting it. */
export async function resourceDependents(
  ctx: AppContext,
  resourceId: string,
): Promise<Dependent[]> {
  const [indicators, dashboards] = await Promise.all([
    listIndicatorRowsOverResource(ctx.db.kysely, resourceId),
    dashboardsWith(ctx, (t) => t.kind === 'chart' && t.resource_id === resourceId),
  ]);
  return [
    ...indicators.map((i) => ({
      kind: 'indicator',
      title: i.title,
      url: `/indicators/${encodeURIComponent(i.slug)}`,
    })),
    ...dashboards,
  ];
}
