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

type ChartParams = Extract<TileInput, { kind: 'chart' }>['chart'];
/** A tile, or a chart of a demo dataset's first resource (whose id the seed looks up). */
type DemoTile = TileInput | { kind: 'chart'; title: string; dataset: string; chart: ChartParams };

interface DemoDashboard extends Omit<DashboardCreateInput, 'tiles'> {
  tiles: DemoTile[];
}

// A dashboard's tiles, a line each: an indicator's card or map, or a chart of a demo dataset.
const indicator = (slug: string): DemoTile => ({ kind: 'indicator', indicator: slug });
const map = (slug: string): DemoTile => ({ kind: 'map', indicator: slug });
const chart = (title: string, dataset: string, params: ChartParams): DemoTile => ({
  kind: 'chart',
  title,
  dataset,
  chart: params,
});

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
      indicator('full-fibre-coverage'),
      indicator('gigabit-coverage'),
      indicator('5g-outdoor-coverage'),
      indicator('5g-all-operators-coverage'),
      indicator('digital-skills-enrolments'),
      indicator('free-public-wifi-sites'),
      map('full-fibre-coverage'),
      chart('Digital skills enrolments by course level', 'digital-skills-course-enrolments', {
        type: 'line',
        x: 'month',
        agg: 'sum',
        y: 'enrolments',
        group: 'course',
      }),
    ],
  },
  {
    slug: 'borough-comparison',
    title: 'Borough comparison: digital connectivity',
    description: 'The ten boroughs side by side on full fibre, 5G and digital skills.',
    tiles: [
      map('full-fibre-coverage'),
      map('5g-all-operators-coverage'),
      map('digital-skills-enrolments'),
      chart('Gigabit coverage by borough, each quarter', 'full-fibre-gigabit-coverage', {
        type: 'line',
        x: 'quarter',
        agg: 'avg',
        y: 'gigabit_pct',
        group: 'borough',
      }),
    ],
  },
  {
    slug: 'citizen-reports-by-borough',
    title: 'Citizen reports by borough',
    description:
      'The ten boroughs side by side on the problems residents report: how many, how fast they are fixed and how many are still open, live from the Citizen reports dataset.',
    tiles: [
      {
        kind: 'text',
        title: 'About this dashboard',
        markdown:
          'Every figure comes from the open [Citizen reports](/datasets/citizen-reports) dataset, which follows the reports residents make on this site within a minute. A report answered by the transport authority counts in the borough where it was made.',
      },
      indicator('potholes-median-days-to-fixed'),
      indicator('citizen-reports-still-open'),
      chart('Reports by borough', 'citizen-reports', { type: 'bar', x: 'borough', agg: 'count' }),
      map('potholes-median-days-to-fixed'),
      chart('Median days to fix, by borough (all categories)', 'citizen-reports', {
        type: 'bar',
        x: 'borough',
        agg: 'median',
        y: 'days_to_fixed',
      }),
      map('citizen-reports-still-open'),
      chart('Reports each month, by category', 'citizen-reports', {
        type: 'line',
        x: 'created_at',
        bucket: 'month',
        agg: 'count',
        group: 'category',
      }),
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
