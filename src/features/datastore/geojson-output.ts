import { invalidParameter } from '../../platform/errors.js';
import type { QueryInput } from './query.schemas.js';
import type { QueryResult } from './query.service.js';

/** GeoJSON features are records: groups have no row id or geometry to give them. */
export function checkGeojsonQuery(input: QueryInput): void {
  if ((input.group_by?.length ?? 0) > 0 || (input.aggregates?.length ?? 0) > 0) {
    throw invalidParameter(
      'format',
      'format=geojson takes records; group_by and aggregate need format=json',
    );
  }
}

/** Query results as a GeoJSON FeatureCollection (GeoJSON geometry, or points from lat/lon). */
export function asFeatureCollection(result: QueryResult) {
  const g = result.geometry;
  return {
    type: 'FeatureCollection' as const,
    features: result.records.map((r) => {
      let geometry: unknown = null;
      let properties = r;
      if (g?.kind === 'geojson') {
        geometry = r[g.field] ?? null;
        properties = Object.fromEntries(Object.entries(r).filter(([k]) => k !== g.field));
      } else if (
        g?.kind === 'latlon' &&
        typeof r[g.lon] === 'number' &&
        typeof r[g.lat] === 'number'
      ) {
        geometry = { type: 'Point', coordinates: [r[g.lon], r[g.lat]] };
      }
      return { type: 'Feature' as const, id: r._id, geometry, properties };
    }),
    total: result.total,
    next_cursor: result.next_cursor,
  };
}
