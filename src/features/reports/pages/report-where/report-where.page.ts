import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { DomainError } from '../../../../platform/errors.js';
import { locate, outlinesAt } from '../../../areas/index.js';
import { isPostcodeShape, lookupPostcode } from '../../../places/index.js';
import { renderStart, searchError } from '../report-start/report-start.page.js';
import { journeyHead, pointFrom, stepUrl, textParam } from '../report-shared/journey.js';
import { mapSvg } from './map-svg.js';

const TEMPLATE = 'features/reports/pages/report-where/report-where.njk';

/** A point outside the region (or before it has boundaries): the search page with why. */
const outside = (err: unknown): string | null =>
  err instanceof DomainError && ['outside_region', 'no_boundaries'].includes(err.code)
    ? err.message
    : null;

/**
 * /report/where: "Is this the place?" The spot on a map drawn on the server (no tiles, no
 * JavaScript needed), its ward and the bodies answering there; then on to the categories, or
 * back to choose another place.
 */
export function reportWherePage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/report/where', { schema: { hide: true } }, async (request, reply) => {
    const point = pointFrom(request.query);
    const place = textParam(request.query, 'place', 100);
    let located;
    try {
      located = await locate(ctx, point);
    } catch (err) {
      const message = outside(err);
      if (!message) throw err;
      return renderStart(ctx, reply, { q: place, matches: null }, searchError(message));
    }
    const [local] = located.organisations;
    return reply.page(TEMPLATE, {
      ...journeyHead('Is this the place?'),
      place,
      synthetic: await isSyntheticPostcode(ctx, place),
      ward: located.ward,
      body: local ?? null,
      others: located.organisations.slice(1),
      region: located.region,
      mapUrl: stepUrl('/report/map.svg', point),
      mapAlt: mapAlt(located.ward?.name, local?.name),
      next: stepUrl('/report/category', point, { place }),
    });
  });

  app.get('/report/map.svg', { schema: { hide: true } }, async (request, reply) => {
    const point = pointFrom(request.query);
    const { ward, body } = await outlinesAt(ctx, point);
    const svg = mapSvg({
      point,
      ward,
      body,
      title: mapAlt(ward?.name, body?.name),
    });
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(svg);
  });
}

const mapAlt = (ward: string | undefined, body: string | undefined) =>
  `Map: a pin on the chosen spot${ward ? `, inside the outline of ${ward} ward` : ''}${body ? ` of ${body}` : ''}`;

/** Whether the place typed is one of the demo's made-up postcodes (the page says so). */
async function isSyntheticPostcode(ctx: AppContext, place: string): Promise<boolean> {
  if (!isPostcodeShape(place)) return false;
  const found = await lookupPostcode(ctx, place).catch(() => null);
  return found?.source.includes('synthetic') ?? false;
}
