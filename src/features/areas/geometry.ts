import type { BoundaryGeometry } from '../organisations/index.js';

// Boundaries as GeoJSON: each Polygon of a MultiPolygon gets its own box, so the R-tree's
// candidates stay few for a body made of scattered parts.

export type Position = [number, number];
export type PolygonRings = Position[][];
export type Box = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** The polygons of a Polygon or MultiPolygon, as rings of [lon, lat]. */
export function polygonsOf(geometry: BoundaryGeometry): PolygonRings[] {
  return (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as PolygonRings[];
}

/** The bounding box of some polygons (their outer rings hold every position that matters). */
export function boxOf(polygons: PolygonRings[]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygons) {
    for (const [lon, lat] of rings[0] ?? []) {
      if (lon < box[0]) box[0] = lon;
      if (lat < box[1]) box[1] = lat;
      if (lon > box[2]) box[2] = lon;
      if (lat > box[3]) box[3] = lat;
    }
  }
  return box;
}

export const parseGeometry = (text: string): BoundaryGeometry =>
  JSON.parse(text) as BoundaryGeometry;
