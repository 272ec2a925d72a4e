// Plane geometry for the approximate demo boundaries. Work happens in kilometres on a local
// equirectangular projection (good to a few metres across one city region), so distances are
// isotropic; results go back to WGS 84 longitude/latitude for GeoJSON.

export type Point = readonly [number, number];
export type Ring = Point[];

const ORIGIN_LAT = 53.5;
const ORIGIN_LON = -2.3;
const KM_PER_DEG_LAT = 111.2;
const KM_PER_DEG_LON = KM_PER_DEG_LAT * Math.cos((ORIGIN_LAT * Math.PI) / 180);

export const toKm = (lon: number, lat: number): Point => [
  (lon - ORIGIN_LON) * KM_PER_DEG_LON,
  (lat - ORIGIN_LAT) * KM_PER_DEG_LAT,
];

/** Back to [lon, lat], rounded to 5 decimals (about a metre) so the files stay small and stable. */
export const toLonLat = ([x, y]: Point): Point => [
  round5(ORIGIN_LON + x / KM_PER_DEG_LON),
  round5(ORIGIN_LAT + y / KM_PER_DEG_LAT),
];

export const round5 = (n: number): number => Math.round(n * 1e5) / 1e5;

function pointAt(points: readonly Point[], i: number): Point {
  const p = points[i];
  if (!p) throw new Error(`No point ${i} of ${points.length}`);
  return p;
}

const cross = (o: Point, a: Point, b: Point) =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Convex hull, counter-clockwise, by Andrew's monotone chain. */
export function convexHull(points: readonly Point[]): Ring {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const half = (list: Point[]): Point[] => {
    const out: Point[] = [];
    for (const p of list) {
      while (
        out.length >= 2 &&
        cross(pointAt(out, out.length - 2), pointAt(out, out.length - 1), p) <= 0
      ) {
        out.pop();
      }
      out.push(p);
    }
    out.pop();
    return out;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** Points on a circle, for building rough outlines around a centre. */
export function circle(centre: Point, radius: number, steps: number): Point[] {
  return Array.from({ length: steps }, (_, i) => {
    const a = (2 * Math.PI * i) / steps;
    return [centre[0] + radius * Math.cos(a), centre[1] + radius * Math.sin(a)] as const;
  });
}

/**
 * Keeps the part of a convex polygon where a·p <= c (Sutherland-Hodgman against one half-plane).
 * Repeated for every neighbour, this builds a Voronoi cell.
 */
export function clipHalfPlane(ring: Ring, a: Point, c: number): Ring {
  const inside = (p: Point) => a[0] * p[0] + a[1] * p[1] <= c;
  const out: Ring = [];
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length] ?? p;
    const pIn = inside(p);
    const qIn = inside(q);
    if (pIn) out.push(p);
    if (pIn !== qIn) {
      const dp = a[0] * p[0] + a[1] * p[1] - c;
      const dq = a[0] * q[0] + a[1] * q[1] - c;
      const t = dp / (dp - dq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  });
  return out;
}

/** The Voronoi cell of `sites[index]` inside the convex `bounds`. */
export function voronoiCell(sites: readonly Point[], index: number, bounds: Ring): Ring {
  const s = sites[index];
  if (!s) throw new Error(`No site ${index}`);
  let cell = bounds;
  sites.forEach((o, j) => {
    if (j === index) return;
    // Closer to s than to o:  2p·(o - s) <= |o|² - |s|²
    const a: Point = [2 * (o[0] - s[0]), 2 * (o[1] - s[1])];
    cell = clipHalfPlane(cell, a, o[0] ** 2 + o[1] ** 2 - s[0] ** 2 - s[1] ** 2);
  });
  return cell;
}

/** Ray casting; works for any simple ring. */
export function contains(ring: Ring, [x, y]: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = pointAt(ring, i);
    const [xj, yj] = pointAt(ring, j);
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function area(ring: Ring): number {
  let sum = 0;
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length] ?? p;
    sum += p[0] * q[1] - q[0] * p[1];
  });
  return Math.abs(sum) / 2;
}

export function bbox(ring: Ring): { minX: number; minY: number; maxX: number; maxY: number } {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return {
    minX: Math.min(...xs),
    minY: Math.min(...ys),
    maxX: Math.max(...xs),
    maxY: Math.max(...ys),
  };
}

/** A closed GeoJSON Polygon from a ring in kilometres. */
export function toGeoJsonPolygon(ring: Ring): { type: 'Polygon'; coordinates: number[][][] } {
  const coords = ring.map((p) => [...toLonLat(p)]);
  const first = coords[0];
  if (first) coords.push([...first]);
  return { type: 'Polygon', coordinates: [coords] };
}
