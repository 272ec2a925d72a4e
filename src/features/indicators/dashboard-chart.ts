import type { TopLevelSpec } from 'vega-lite';
import type { AppContext } from '../../context.js';
import { validationFailed } from '../../platform/errors.js';
import type { Actor } from '../accounts/index.js';
import { readableResource } from '../catalog/index.js';
import { renderSvg } from '../../platform/charts/render.js';
import type { TileInput } from './dashboard.schemas.js';
import {
  chartParams,
  chartQuery,
  chartStateOf,
  checkChart,
  chartPoints,
  chartSpec,
  queryResource,
  versionSource,
} from '../datastore/index.js';

type ChartTile = Extract<TileInput, { kind: 'chart' }>;

const MAX_CACHED = 200;
// Tile images keyed by the resource's datastore version and the tile: a new version of the
// data draws the tile again; an unchanged one is served from memory.
const svgs = new Map<string, string>();

/** The resource chart page that shows the same chart, with its data as a table. */
export async function chartTileLink(ctx: AppContext, actor: Actor, tile: ChartTile) {
  const { dataset, resource } = await readableResource(ctx, actor, tile.resource_id);
  const vs = await versionSource(ctx, actor, tile.resource_id, null);
  const state = chartStateOf({ ...tile.chart }, vs.fields);
  const errors = checkChart(state, vs.fields);
  if (errors.length > 0) {
    throw validationFailed(
      errors.map((e) => ({ field: `chart.${e.href.slice(1)}`, message: e.text })),
    );
  }
  return {
    href: `/datasets/${dataset.slug}/resources/${resource.id}/chart?${chartParams(state)}`,
    text: `The data: ${resource.name}`,
    state,
    vs,
  };
}

export async function chartTileSvg(
  ctx: AppContext,
  actor: Actor,
  tile: ChartTile,
): Promise<string> {
  const { state, vs } = await chartTileLink(ctx, actor, tile);
  const key = JSON.stringify([tile.resource_id, vs.version.version, tile]);
  const hit = svgs.get(key);
  if (hit !== undefined) return hit;
  const result = await queryResource(ctx, actor, tile.resource_id, {
    ...chartQuery(state),
    version: vs.version.version,
  });
  const spec = {
    ...chartSpec(state, vs.fields, chartPoints(state, result)),
    title: tile.title,
    width: 480,
    height: 260,
  } as TopLevelSpec;
  const svg = await renderSvg(spec);
  if (svgs.size >= MAX_CACHED) {
    const oldest = svgs.keys().next().value;
    if (oldest !== undefined) svgs.delete(oldest);
  }
  svgs.set(key, svg);
  return svg;
}
