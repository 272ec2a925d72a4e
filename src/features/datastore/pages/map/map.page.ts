import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { notFound } from '../../../../platform/errors.js';
import { resourceLocals } from '../resource/resource-locals.js';
import { isGeographic, isLoaded } from '../resource/resource-page.service.js';
import { resourceViewRoute } from '../resource/resource-view-route.js';

/** Features the map loads at most (pages of the GeoJSON query, by cursor): a browser's limit. */
export const MAP_MAX_FEATURES = 20_000;
const MAP_PAGE = 10_000;

/**
 * /datasets/:slug/resources/:id/map: Leaflet in the browser reads the rows as GeoJSON from the
 * query API; the tile server and its attribution come from the configuration.
 */
export function mapPage(app: FastifyInstance, ctx: AppContext): void {
  resourceViewRoute(app, ctx, 'map', (resource, reply) => {
    if (isLoaded(resource) && !isGeographic(resource)) throw notFound(`A map of ${resource.id}`);
    const api = `/api/v1/resources/${resource.id}`;
    return reply.page('features/datastore/pages/map/map.njk', {
      ...resourceLocals(resource, 'map'),
      map: {
        dataUrl: `${api}/query?format=geojson&limit=${String(MAP_PAGE)}`,
        maxFeatures: MAP_MAX_FEATURES,
        tileUrl: ctx.config.mapTileUrl,
        attribution: ctx.config.mapAttribution,
        download: `${api}/export.geojson`,
        truncated: (resource.datastore.rows ?? 0) > MAP_MAX_FEATURES,
      },
    });
  });
}
