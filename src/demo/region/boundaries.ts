import { BOROUGHS, type Borough } from './boroughs.js';
import {
  bbox,
  circle,
  contains,
  convexHull,
  toGeoJsonPolygon,
  toKm,
  toLonLat,
  voronoiCell,
  type Point,
  type Ring,
} from './geometry.js';
import type { Rng } from './random.js';

// Approximate shapes only: the region is a convex outline around a disc of each borough's land
// area, and each borough is its Voronoi cell within that outline. Recognisable on a map, good
// enough to route a synthetic report to a borough, and clearly not the official boundaries
// (load those with `metrodata region import`).

export type Polygon = ReturnType<typeof toGeoJsonPolygon>;

interface Shapes {
  region: Ring;
  cells: Ring[];
}

let cached: Shapes | undefined;

function shapes(): Shapes {
  if (cached) return cached;
  const centres = BOROUGHS.map((b) => toKm(b.lon, b.lat));
  const discs = BOROUGHS.flatMap((b, i) =>
    circle(centres[i] ?? [0, 0], 1.1 * Math.sqrt(b.areaKm2 / Math.PI), 24),
  );
  const region = convexHull(discs);
  const cells = centres.map((_, i) => voronoiCell(centres, i, region));
  cached = { region, cells };
  return cached;
}

export function cellOf(index: number): Ring {
  const cell = shapes().cells[index];
  if (!cell) throw new Error(`No borough ${index}`);
  return cell;
}

export const regionPolygon = (): Polygon => toGeoJsonPolygon(shapes().region);

export const boroughPolygon = (index: number): Polygon => toGeoJsonPolygon(cellOf(index));

/** Which borough (index into BOROUGHS) a lon/lat falls in, or -1 outside the region. */
export function boroughIndexAt(lon: number, lat: number): number {
  const p = toKm(lon, lat);
  return shapes().cells.findIndex((cell) => contains(cell, p));
}

/**
 * A random [lon, lat] inside a borough's cell: mostly clustered around the centre (where people
 * and roads are), the rest spread evenly.
 */
export function randomPointIn(rng: Rng, index: number): Point {
  const cell = cellOf(index);
  const b: Borough | undefined = BOROUGHS[index];
  const centre: Point = b ? toKm(b.lon, b.lat) : [0, 0];
  const box = bbox(cell);
  const spread = b ? Math.sqrt(b.areaKm2 / Math.PI) / 2 : 2;
  for (;;) {
    const p: Point = rng.chance(0.6)
      ? [centre[0] + rng.normal() * spread, centre[1] + rng.normal() * spread]
      : [rng.between(box.minX, box.maxX), rng.between(box.minY, box.maxY)];
    if (contains(cell, p)) return toLonLat(p);
  }
}
