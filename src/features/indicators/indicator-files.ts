import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { renderSvg } from '../../platform/charts/render.js';
import { areasOf } from './indicator-areas.js';
import { barSpec, linesSpec, mapSpec, seriesSpec } from './indicator-charts.js';
import { getIndicator } from './indicator.service.js';
import type { IndicatorDetail } from './indicator.types.js';
import { sparklineSvg } from './sparkline.js';

const MAX_CACHED = 300;
// Drawn charts keyed by what they show: the datastore version and the definition. A new
// version of the data is a new key, so a chart never outlives the data it was drawn from.
const svgs = new Map<string, string>();

export function svgKey(kind: string, d: IndicatorDetail): string {
  return JSON.stringify([
    kind,
    d.slug,
    d.resource_id,
    d.version,
    d.query,
    d.baseline,
    d.target,
    d.title,
    d.unit,
  ]);
}

async function cachedSvg(key: string, draw: () => Promise<string>): Promise<string> {
  const hit = svgs.get(key);
  if (hit !== undefined) return hit;
  const svg = await draw();
  if (svgs.size >= MAX_CACHED) {
    const oldest = svgs.keys().next().value;
    if (oldest !== undefined) svgs.delete(oldest);
  }
  svgs.set(key, svg);
  return svg;
}

const send = (reply: FastifyReply, svg: string) =>
  reply
    .type('image/svg+xml; charset=utf-8')
    .header('cache-control', 'private, max-age=60')
    .send(svg);

type Draw = (ctx: AppContext, d: IndicatorDetail) => Promise<string>;

const withGroups = (d: IndicatorDetail) => {
  if (!d.group_field || d.groups.length === 0) throw notFound(`A comparison for ${d.slug}`);
  return d.group_field;
};

/** The indicator's images, each an SVG any page (or another site) can embed. */
export const DRAWINGS: Record<string, Draw> = {
  'sparkline.svg': (_ctx, d) => Promise.resolve(sparklineSvg(d.series, d.title)),
  'chart.svg': (_ctx, d) => renderSvg(seriesSpec(d)),
  'ranked.svg': (_ctx, d) => renderSvg(barSpec(d, d.groups, withGroups(d))),
  'over-time.svg': (_ctx, d) => {
    withGroups(d);
    return renderSvg(linesSpec(d, d.groups));
  },
  'map.svg': async (ctx, d) => {
    withGroups(d);
    const areas = await areasOf(ctx, d.groups);
    if (areas.length === 0) throw notFound(`A map for ${d.slug}`);
    return renderSvg(mapSpec(d, areas));
  },
};

export async function drawIndicator(ctx: AppContext, d: IndicatorDetail, file: string) {
  const draw = DRAWINGS[file];
  if (!draw) throw notFound(`/indicators/${d.slug}/${file}`);
  return cachedSvg(svgKey(file, d), () => draw(ctx, d));
}

export function indicatorFileRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { slug: string; file: string } }>(
    '/indicators/:slug/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const { slug, file } = request.params;
      if (!(file in DRAWINGS)) throw notFound(`/indicators/${slug}/${file}`);
      const d = await getIndicator(ctx, request.actor, slug);
      return send(reply, await drawIndicator(ctx, d, file));
    },
  );
}
