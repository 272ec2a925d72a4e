import type { FastifyRequest } from 'fastify';
import type { TopLevelSpec } from 'vega-lite';
import type { AppContext } from '../../../../context.js';
import { DomainError, badRequest } from '../../../../platform/errors.js';
import type { Actor } from '../../../accounts/index.js';
import { queryResource } from '../../query.service.js';
import {
  isLoaded,
  resourceForPage,
  type ResourcePageData,
  type ResourcePageRoute,
} from '../resource/resource-page.service.js';
import type { FormError, RawQuery } from '../table/table-params.js';
import {
  chartQuery,
  chartStateOf,
  checkChart,
  type ChartState,
} from '../../charts/chart-params.js';
import { chartPoints, chartSpec, type ChartPoint } from '../../charts/chart-spec.js';

export interface ChartData {
  state: ChartState;
  errors: FormError[];
  points: ChartPoint[];
  /** Groups the query found: more than the points when the chart was cut short. */
  total: number;
  spec: TopLevelSpec | null;
}

/** The chart a URL asks for: its choices checked, its data aggregated by the datastore. */
export async function chartData(
  ctx: AppContext,
  actor: Actor,
  resource: ResourcePageData,
  query: RawQuery,
): Promise<ChartData> {
  const fields = resource.datastore.fields;
  const state = chartStateOf(query, fields);
  // Nothing to chart yet: the page shows the resource's load state instead.
  if (!isLoaded(resource)) return { state, errors: [], points: [], total: 0, spec: null };
  const errors = checkChart(state, fields);
  if (errors.length > 0) return { state, errors, points: [], total: 0, spec: null };
  try {
    const result = await queryResource(ctx, actor, resource.id, chartQuery(state));
    const points = chartPoints(state, result);
    return { state, errors, points, total: result.total, spec: chartSpec(state, fields, points) };
  } catch (err) {
    // A choice the datastore refuses is the visitor's to correct, not a failure.
    if (!(err instanceof DomainError) || err.kind === 'unavailable') throw err;
    return { state, errors: [{ text: err.message, href: '#x' }], points: [], total: 0, spec: null };
  }
}

export interface ChartRequest extends ResourcePageRoute {
  Querystring: RawQuery;
}

/** The resource a chart URL names (readable, in its dataset) and the chart it asks for. */
export async function requestedChart(ctx: AppContext, request: FastifyRequest<ChartRequest>) {
  const resource = await resourceForPage(ctx, request);
  const data = await chartData(ctx, request.actor, resource, request.query);
  return { resource, data };
}

/** The spec, or a 400 naming the mistakes (the image and spec files have no form to show). */
export function specOrFail(data: ChartData): TopLevelSpec {
  if (!data.spec) {
    const why = data.errors.map((e) => e.text).join('; ');
    throw badRequest(why || 'This resource has no data in the datastore yet');
  }
  return data.spec;
}
