import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { DomainError } from '../../../../platform/errors.js';
import { formErrors, type FormErrors } from '../../../../platform/views/forms/form-errors.js';
import { formPage } from '../../../../platform/views/forms/form-page.js';
import { searchPlaces, type PlaceMatch } from '../../../areas/index.js';
import { isPostcodeShape, lookupPostcode } from '../../../places/index.js';
import { findRegion } from '../../../region/index.js';
import { journeyHead, stepUrl, textParam } from '../report-shared/journey.js';

const TEMPLATE = 'features/reports/pages/report-start/report-start.njk';
const LABELS = { q: { label: 'Postcode or place', id: 'q' } };

/** The region's box [west, south, east, north] for the map's first view, and whether it is the demo. */
async function regionView(ctx: AppContext) {
  const region = await findRegion(ctx);
  const settings = region ? (JSON.parse(region.settings) as { demo?: unknown }) : {};
  let bounds: number[] | null = null;
  if (region?.boundary) {
    const geometry = JSON.parse(region.boundary) as { coordinates: unknown };
    const flat = JSON.stringify(geometry.coordinates).match(/-?\d+(\.\d+)?(e-?\d+)?/gi) ?? [];
    const numbers = flat.map(Number);
    const lons = numbers.filter((_, i) => i % 2 === 0);
    const lats = numbers.filter((_, i) => i % 2 === 1);
    bounds = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  }
  return { regionName: region?.name ?? 'the region', demo: settings.demo === true, bounds };
}

export interface StartState {
  q: string;
  matches: PlaceMatch[] | null;
}

/** The first step, with the search as typed, its matches or its error. */
export async function renderStart(
  ctx: AppContext,
  reply: FastifyReply,
  state: StartState,
  errors?: FormErrors,
) {
  const view = await regionView(ctx);
  return formPage(
    reply,
    TEMPLATE,
    {
      ...journeyHead(state.matches ? `Places matching “${state.q}”` : 'Report a problem'),
      ...view,
      q: state.q,
      matches: state.matches?.map((m) => ({
        ...m,
        href: stepUrl('/report/where', m, { place: m.name }),
      })),
      map: { tileUrl: ctx.config.mapTileUrl, attribution: ctx.config.mapAttribution },
    },
    errors,
  );
}

export const searchError = (message: string) => formErrors([{ field: 'q', message }], LABELS);

/**
 * /report: where is the problem? A postcode leads to the confirm step; a ward or borough's name
 * to the list of places matching it. With JavaScript, a map where a click drops the pin.
 * A search is a GET (it changes nothing), so its result can be bookmarked.
 */
export function reportStartPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/report', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (query.q === undefined) return renderStart(ctx, reply, { q: '', matches: null });
    const q = textParam(query, 'q', 100);
    if (!q)
      return renderStart(
        ctx,
        reply,
        { q, matches: null },
        searchError('Enter a postcode or the name of a place'),
      );
    if (isPostcodeShape(q)) {
      try {
        const found = await lookupPostcode(ctx, q);
        return await reply.redirect(
          stepUrl(
            '/report/where',
            { lat: found.latitude, lon: found.longitude },
            { place: found.postcode },
          ),
          303,
        );
      } catch (err) {
        if (!(err instanceof DomainError) || err.kind !== 'not_found') throw err;
        const { demo } = await regionView(ctx);
        const hint = demo ? ' This demo knows only its own made-up postcodes, such as M1 1AA.' : '';
        return renderStart(
          ctx,
          reply,
          { q, matches: null },
          searchError(
            `We could not find the postcode ${q.toUpperCase()}.${hint} You can also type the name of a ward or borough`,
          ),
        );
      }
    }
    const matches = await searchPlaces(ctx, q);
    if (matches.length === 0) {
      return renderStart(
        ctx,
        reply,
        { q, matches: null },
        searchError(`No ward or borough is called “${q}”: check the spelling, or enter a postcode`),
      );
    }
    return renderStart(ctx, reply, { q, matches });
  });
}
