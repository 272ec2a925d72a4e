import type { AppContext } from '../../context.js';
import type { Actor } from '../../features/accounts/index.js';
import { resourceIdOf } from '../../features/catalog/index.js';
import {
  createDashboard,
  dashboardExists,
  indicatorExists,
  type DashboardCreateInput,
  type TileInput,
} from '../../features/indicators/index.js';

type DemoTile =
  | TileInput
  | {
      kind: 'chart';
      title: string;
      dataset: string;
      chart: Extract<TileInput, { kind: 'chart' }>['chart'];
    };

interface DemoDashboard extends Omit<DashboardCreateInput, 'tiles'> {
  tiles: DemoTile[];
}

export const DEMO_DASHBOARDS: readonly DemoDashboard[] = [
  {
    slug: 'digital-greater-manchester',
    title: 'Digital Greater Manchester',
    description:
      'How connected the region is and how many residents are getting online: live from the datastore, compared with the mayor’s targets.',
    tiles: [
      {
        kind: 'text',
        title: 'About this dashboard',
        markdown:
          'Every figure is computed from published open data each time the page is drawn. Follow a tile’s link to see how it is calculated and the data behind it.',
      },
      { kind: 'indicator', indicator: 'full-fibre-coverage' },
      { kind: 'indicator', indicator: 'gigabit-coverage' },
      { kind: 'indicator', indicator: '5g-outdoor-coverage' },
      { kind: 'indicator', indicator: '5g-all-operators-coverage' },
      { kind: 'indicator', indicator: 'digital-skills-enrolments' },
      { kind: 'indicator', indicator: 'free-public-wifi-sites' },
      { kind: 'map', indicator: 'full-fibre-coverage' },
      {
        kind: 'chart',
        title: 'Digital skills enrolments by course level',
        dataset: 'digital-skills-course-enrolments',
        chart: { type: 'line', x: 'month', agg: 'sum', y: 'enrolments', group: 'course' },
      },
    ],
  },
  {
    slug: 'borough-comparison',
    title: 'Borough comparison: digital connectivity',
    description: 'The ten boroughs side by side on full fibre, 5G and digital skills.',
    tiles: [
      { kind: 'map', indicator: 'full-fibre-coverage' },
      { kind: 'map', indicator: '5g-all-operators-coverage' },
      { kind: 'map', indicator: 'digital-skills-enrolments' },
      {
        kind: 'chart',
        title: 'Gigabit coverage by borough, each quarter',
        dataset: 'full-fibre-gigabit-coverage',
        chart: { type: 'line', x: 'quarter', agg: 'avg', y: 'gigabit_pct', group: 'borough' },
      },
    ],
  },
];

async function tileOf(ctx: AppContext, t: DemoTile): Promise<TileInput | null> {
  if (t.kind === 'indicator' || t.kind === 'map') {
    return (await indicatorExists(ctx, t.indicator)) ? t : null;
  }
  if (t.kind !== 'chart' || !('dataset' in t)) return t;
  const resourceId = await resourceIdOf(ctx, t.dataset, null);
  return resourceId
    ? { kind: 'chart', title: t.title, resource_id: resourceId, chart: t.chart }
    : null;
}

/** Creates the demo dashboards that are missing, leaving out tiles whose data is not there. */
export async function seedDashboards(ctx: AppContext, actor: Actor): Promise<number> {
  let created = 0;
  for (const d of DEMO_DASHBOARDS) {
    if (await dashboardExists(ctx, d.slug)) continue;
    const tiles: TileInput[] = [];
    for (const t of d.tiles) {
      const tile = await tileOf(ctx, t);
      if (tile) tiles.push(tile);
    }
    await createDashboard(ctx, actor, { ...d, tiles });
    created++;
  }
  return created;
}
