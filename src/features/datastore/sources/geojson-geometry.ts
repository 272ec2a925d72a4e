import { SourceError } from './source.js';

export interface Bounds {
  minx: number;
  miny: number;
  maxx: number;
  maxy: number;
}

/** How deep each geometry type nests its positions. */
const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

export const GEOMETRY_TYPES = new Set([...Object.keys(DEPTH), 'GeometryCollection']);

/** What was repaired while checking geometries, for the ingest report. */
export interface GeometryFixes {
  closedRings: number;
}

const samePosition = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * A polygon's ring must end where it starts (RFC 7946, 3.1.6): an open ring is closed in place
 * (and counted); one of fewer than 3 distinct positions encloses no area and is refused.
 */
function closeRing(ring: unknown[], where: string, type: string, fixes: GeometryFixes): void {
  const distinct = new Set(ring.map((p) => JSON.stringify(p))).size;
  if (distinct < 3) {
    throw new SourceError(
      `${where}: a ring of its ${type} has fewer than 3 distinct positions, so it is not an area`,
    );
  }
  if (!samePosition(ring[0], ring[ring.length - 1])) {
    ring.push([...(ring[0] as number[])]);
    fixes.closedRings++;
  }
}

/** The rings of a Polygon (depth 2) or of each polygon of a MultiPolygon (depth 3). */
function closeRings(c: unknown, depth: number, where: string, type: string, fixes: GeometryFixes) {
  for (const inner of c as unknown[]) {
    if (depth === 2) closeRing(inner as unknown[], where, type, fixes);
    else closeRings(inner, depth - 1, where, type, fixes);
  }
}

function position(p: unknown, where: string, type: string, b: Bounds): void {
  if (
    !Array.isArray(p) ||
    p.length < 2 ||
    !p.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    throw new SourceError(`${where}: its ${type} has a position that is not a pair of numbers`);
  }
  const [x, y] = p as number[];
  if (x === undefined || y === undefined) return;
  // GeoJSON is WGS 84 longitude/latitude; eastings and northings must be reprojected first.
  if (x < -180 || x > 180 || y < -90 || y > 90) {
    throw new SourceError(
      `${where}: the position [${x}, ${y}] is not a longitude and latitude; GeoJSON must use ` +
        'WGS 84 degrees (EPSG:4326), so British National Grid eastings and northings need reprojecting',
    );
  }
  b.minx = Math.min(b.minx, x);
  b.miny = Math.min(b.miny, y);
  b.maxx = Math.max(b.maxx, x);
  b.maxy = Math.max(b.maxy, y);
}

function positions(c: unknown, depth: number, where: string, type: string, b: Bounds): void {
  if (depth === 0) {
    position(c, where, type, b);
    return;
  }
  if (!Array.isArray(c))
    throw new SourceError(`${where}: its ${type} coordinates are not nested arrays`);
  for (const inner of c) positions(inner, depth - 1, where, type, b);
}

function walk(g: unknown, where: string, b: Bounds, level: number, fixes: GeometryFixes): void {
  if (typeof g !== 'object' || g === null || Array.isArray(g)) {
    throw new SourceError(`${where}: its geometry is not a GeoJSON geometry object`);
  }
  const { type, coordinates, geometries } = g as Record<string, unknown>;
  if (type === 'GeometryCollection') {
    if (!Array.isArray(geometries) || level > 10) {
      throw new SourceError(`${where}: its GeometryCollection has no list of geometries`);
    }
    for (const inner of geometries) walk(inner, where, b, level + 1, fixes);
    return;
  }
  const depth = typeof type === 'string' ? DEPTH[type] : undefined;
  if (depth === undefined)
    throw new SourceError(`${where}: "${String(type)}" is not a GeoJSON geometry type`);
  positions(coordinates, depth, where, type as string, b);
  // Positions are checked first, so the rings are arrays of pairs of numbers here.
  if (type === 'Polygon' || type === 'MultiPolygon')
    closeRings(coordinates, depth, where, type, fixes);
}

/**
 * Checks a feature's geometry (any type, collections included) and returns its bounding box;
 * null for a null geometry or one with no positions. `where` names the feature in errors. Open
 * polygon rings are closed in the geometry itself and counted in `fixes`.
 */
export function geometryBounds(
  geometry: unknown,
  where: string,
  fixes: GeometryFixes = { closedRings: 0 },
): Bounds | null {
  if (geometry === null || geometry === undefined) return null;
  const b: Bounds = { minx: Infinity, miny: Infinity, maxx: -Infinity, maxy: -Infinity };
  walk(geometry, where, b, 0, fixes);
  return Number.isFinite(b.minx) ? b : null;
}
