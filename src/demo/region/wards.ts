import { BOROUGHS } from './boroughs.js';
import { cellOf } from './boundaries.js';
import { toGeoJsonPolygon, toKm, voronoiCell, type Point } from './geometry.js';

// SYNTHETIC wards for the demo boroughs: each borough's demo cell split into five around its
// centre (central, north, east, south, west). Codes start with X, which no ONS code does, and
// names say "(synthetic)": load the real ones with `metrodata region import <wards.geojson>`.

const PARTS = [
  ['Central', 0, 0],
  ['North', 0, 1],
  ['East', 1, 0],
  ['South', 0, -1],
  ['West', -1, 0],
] as const;

export interface DemoWard {
  code: string;
  name: string;
  geometry: ReturnType<typeof toGeoJsonPolygon>;
}

export function demoWards(boroughIndex: number): DemoWard[] {
  const b = BOROUGHS[boroughIndex];
  if (!b) return [];
  const [x, y] = toKm(b.lon, b.lat);
  const r = 0.45 * Math.sqrt(b.areaKm2 / Math.PI);
  const sites: Point[] = PARTS.map(([, dx, dy]) => [x + dx * r, y + dy * r]);
  const cell = cellOf(boroughIndex);
  return PARTS.flatMap(([part], k) => {
    const ring = voronoiCell(sites, k, cell);
    if (ring.length < 3) return [];
    return [
      {
        code: `X05${String(boroughIndex).padStart(2, '0')}${k}`,
        name: `${b.name} ${part} (synthetic)`,
        geometry: toGeoJsonPolygon(ring),
      },
    ];
  });
}
