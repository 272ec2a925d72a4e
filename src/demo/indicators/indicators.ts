import type { AppContext } from '../../context.js';
import type { Actor } from '../../features/accounts/index.js';
import { seedDashboards } from './dashboards.js';
import { TOILETS_ROLLUP } from '../rollups/seed-rollups.js';
import { resourceIdOf } from '../../features/catalog/index.js';
import {
  createIndicator,
  indicatorExists,
  indicatorValues,
  type IndicatorQueryInput,
} from '../../features/indicators/index.js';

interface DemoIndicator {
  slug: string;
  title: string;
  description: string;
  unit: string;
  direction: 'up' | 'down';
  dataset: string;
  /** The resource's name, when not the dataset's first. */
  resource?: string;
  query: IndicatorQueryInput;
  /** The target value and the date it is due. */
  target: number;
  by: string;
}

// Baselines are the data's own value for the last period that began before the mayor took
// office (May 2024); targets are dated the end of the term unless a promise says otherwise.
const TERM_START = '2024-05-10';
const TERM_END = '2028-05-01';
const byBorough = (field: string, fn: 'avg' | 'sum' = 'avg'): IndicatorQueryInput => ({
  date: { field: 'quarter' },
  value: { fn, field },
  group: 'borough',
});
/** The month's sum of `field` (over `per`'s sum, for a rate) in each borough or other group. */
const monthly = (
  field: string,
  options: { per?: string; group?: string } = {},
): IndicatorQueryInput => ({
  date: { field: 'month' },
  value: { fn: 'sum', field },
  ...(options.per ? { denominator: { fn: 'sum', field: options.per } } : {}),
  group: options.group ?? 'borough',
});

export const DEMO_INDICATORS: readonly DemoIndicator[] = [
  {
    slug: 'full-fibre-coverage',
    title: 'Premises that can get full-fibre broadband',
    description:
      'The average across the ten boroughs of the share of premises that can order full fibre (FTTP).',
    unit: '%',
    direction: 'up',
    dataset: 'full-fibre-gigabit-coverage',
    query: byBorough('full_fibre_pct'),
    target: 95,
    by: TERM_END,
  },
  {
    slug: 'gigabit-coverage',
    title: 'Premises that can get gigabit broadband',
    description:
      'The average across the boroughs of the share of premises that can order gigabit-capable broadband.',
    unit: '%',
    direction: 'up',
    dataset: 'full-fibre-gigabit-coverage',
    query: byBorough('gigabit_pct'),
    target: 99,
    by: '2026-12-31',
  },
  {
    slug: 'slow-broadband-premises',
    title: 'Premises stuck below 10 Mbit/s',
    description:
      'The average share of premises that cannot get the universal service obligation speed.',
    unit: '%',
    direction: 'down',
    dataset: 'full-fibre-gigabit-coverage',
    query: byBorough('below_10mbps_pct'),
    target: 0,
    by: '2026-05-01',
  },
  {
    slug: '5g-outdoor-coverage',
    title: 'Outdoor 5G coverage from at least one operator',
    description:
      'The average share of premises with a good outdoor 5G signal from at least one network.',
    unit: '%',
    direction: 'up',
    dataset: '5g-mobile-coverage',
    query: byBorough('outdoor_5g_any_operator_pct'),
    target: 95,
    by: '2026-05-01',
  },
  {
    slug: '5g-all-operators-coverage',
    title: 'Outdoor 5G coverage from all four operators',
    description: 'The average share of premises with a good outdoor 5G signal from every network.',
    unit: '%',
    direction: 'up',
    dataset: '5g-mobile-coverage',
    query: byBorough('outdoor_5g_all_operators_pct'),
    target: 90,
    by: '2026-05-01',
  },
  {
    slug: 'digital-skills-enrolments',
    title: 'Digital skills course enrolments a month',
    description: 'Enrolments on funded digital skills courses across the region each month.',
    unit: 'enrolments',
    direction: 'up',
    dataset: 'digital-skills-course-enrolments',
    query: monthly('enrolments'),
    target: 4500,
    by: TERM_END,
  },
  {
    slug: 'digital-skills-completion-rate',
    title: 'Digital skills courses completed',
    description: 'Completions as a share of enrolments, each month.',
    unit: '%',
    direction: 'up',
    dataset: 'digital-skills-course-enrolments',
    query: monthly('completions', { per: 'enrolments' }),
    target: 80,
    by: '2026-05-01',
  },
  {
    slug: 'free-public-wifi-sites',
    title: 'Free public wifi sites in Manchester',
    description: 'Sites where anyone can get online for free, counted by the month they opened.',
    unit: 'sites',
    direction: 'up',
    dataset: 'manchester-public-wifi-sites',
    query: { date: { field: 'opened' }, value: { fn: 'count' }, cumulative: true },
    target: 200,
    by: TERM_END,
  },
  {
    slug: 'potholes-median-days-to-fixed',
    title: 'Median days to fix a pothole, by borough',
    description:
      'Of the potholes residents reported that were fixed each quarter, the median number of days from the report to the fix, in each borough (from the Citizen reports dataset).',
    unit: 'days',
    direction: 'down',
    dataset: 'citizen-reports',
    query: {
      filters: [{ field: 'category_code', op: 'eq', value: 'potholes' }],
      date: { field: 'fixed_at', bucket: 'quarter' },
      value: { fn: 'median', field: 'days_to_fixed' },
      group: 'borough',
    },
    target: 7,
    by: TERM_END,
  },
  {
    slug: 'citizen-reports-still-open',
    title: 'Citizen reports still open, by borough',
    description:
      'Of the problems residents reported each quarter, the share still waiting to be dealt with (from the Citizen reports dataset).',
    unit: '%',
    direction: 'down',
    dataset: 'citizen-reports',
    query: {
      date: { field: 'created_at', bucket: 'quarter' },
      value: { fn: 'sum', field: 'is_open' },
      denominator: { fn: 'count' },
      group: 'borough',
    },
    target: 5,
    by: TERM_END,
  },
  {
    // From a roll-up: the councils' own tables combined, `publisher` saying whose each row is.
    slug: 'public-toilets-with-baby-changing',
    title: 'Public toilets with baby changing, by borough',
    description: `The public toilets with baby changing facilities that each council runs or supports, counted from the councils’ own open data: the [Public toilets across the region](/rollups/${TOILETS_ROLLUP}) roll-up combines their tables. A council whose table fails the shared schema is left out until it publishes a corrected one.`,
    unit: 'toilets',
    direction: 'up',
    dataset: TOILETS_ROLLUP,
    query: {
      filters: [{ field: 'BabyChange', op: 'eq', value: true }],
      date: { field: 'ExtractDate', bucket: 'quarter' },
      value: { fn: 'count' },
      group: 'publisher',
    },
    target: 40,
    by: TERM_END,
  },
  {
    slug: 'oldham-residents-helped-online',
    title: 'Residents helped to get online in Oldham',
    description: 'Residents helped at Oldham’s digital support venues each month.',
    unit: 'residents',
    direction: 'up',
    dataset: 'oldham-digital-support-venues',
    resource: 'Sessions and residents helped by venue and month',
    query: monthly('residents_helped', { group: 'venue' }),
    target: 3000,
    by: '2026-05-01',
  },
];

/**
 * Creates the demo indicators that are missing, over the demo datasets (skipping any whose
 * dataset is not there), then the demo dashboards; returns how many indicators it created.
 */
export async function seedIndicators(ctx: AppContext, actor: Actor): Promise<number> {
  let created = 0;
  for (const d of DEMO_INDICATORS) {
    if (await indicatorExists(ctx, d.slug)) continue;
    const resourceId = await resourceIdOf(ctx, d.dataset, d.resource ?? null);
    if (!resourceId) continue;
    const { series } = await indicatorValues(ctx, actor, resourceId, d.query);
    const before = series.filter((p) => p.date <= TERM_START).at(-1) ?? series[0];
    if (!before) continue;
    await createIndicator(ctx, actor, {
      slug: d.slug,
      title: d.title,
      description: d.description,
      unit: d.unit,
      direction: d.direction,
      query: d.query,
      target: { value: d.target, date: d.by },
      resource_id: resourceId,
      baseline: { value: Math.round(before.value * 10) / 10, date: before.date },
    });
    created++;
  }
  await seedDashboards(ctx, actor);
  return created;
}
