import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { BoundaryGeometry } from '../organisations/index.js';
import { boxOf, polygonsOf, type PolygonRings, type Position } from './geometry.js';

// A point inside an area, to stand for it (a place a search found): the centroid of its
// largest part when that lies inside, else the middle of the widest stretch of a line across
// the part, which is inside whatever the shape (a crescent, a ring with a hole in the middle).

function ringCentroid(ring: Position[]): Position | null {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] ?? [0, 0];
    const [x1, y1] = ring[i] ?? [0, 0];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  if (area === 0) return null;
  return [x / (3 * area), y / (3 * area)];
}

/** The middle of the widest inside stretch of the line of latitude `lat` across the polygon. */
function acrossAt(rings: PolygonRings, lat: number): Position | null {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j] ?? [0, 0];
      const [x1, y1] = ring[i] ?? [0, 0];
      // Half-open, so a vertex on the line is counted once.
      if (y0 > lat !== y1 > lat) xs.push(x0 + ((lat - y0) * (x1 - x0)) / (y1 - y0));
    }
  }
  xs.sort((a, b) => a - b);
  let best: Position | null = null;
  let widest = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const [a = 0, b = 0] = [xs[i], xs[i + 1]];
    if (b - a > widest) {
      widest = b - a;
      best = [(a + b) / 2, lat];
    }
  }
  return best;
}

const areaOfBox = (rings: PolygonRings) => {
  const [w, s, e, n] = boxOf([rings]);
  return (e - w) * (n - s);
};

/** A point [lon, lat] inside the geometry (its largest part), or null for an empty one. */
export function interiorPoint(geometry: BoundaryGeometry): Position | null {
  const parts = polygonsOf(geometry).filter((p) => (p[0]?.length ?? 0) >= 4);
  const largest = parts.sort((a, b) => areaOfBox(b) - areaOfBox(a))[0];
  if (!largest) return null;
  const polygon = { type: 'Polygon' as const, coordinates: largest };
  const centroid = ringCentroid(largest[0] ?? []);
  if (centroid && booleanPointInPolygon(centroid, polygon, { ignoreBoundary: true })) {
    return centroid;
  }
  const [, south, , north] = boxOf([largest]);
  for (const f of [0.5, 0.25, 0.75, 0.125, 0.375, 0.625, 0.875]) {
    const point = acrossAt(largest, south + (north - south) * f);
    if (point && booleanPointInPolygon(point, polygon, { ignoreBoundary: true })) return point;
  }
  return null;
}
