import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import { boxOf, polygonsOf, type Box, type PolygonRings } from './geometry.js';
import type { BoundaryGeometry } from '../organisations/index.js';

// The routing index: every polygon part of the region, the bodies and the wards in one R-tree
// (flatbush, over bounding boxes) for the candidates, then an exact point-in-polygon test
// (turf, holes and MultiPolygons included) on each. Pure and in memory: no database here.

export interface Area<T> {
  item: T;
  geometry: BoundaryGeometry;
}

interface Part {
  layer: 'region' | 'body' | 'ward';
  index: number;
  polygon: { type: 'Polygon'; coordinates: PolygonRings };
}

export interface Hits<B, W> {
  inRegion: boolean;
  bodies: B[];
  wards: W[];
}

export interface Locator<B, W> {
  /** What contains the point [lon, lat]; a point on a border is in both sides. */
  at(lon: number, lat: number): Hits<B, W>;
  /** The region's extent: its boundary's box, else that of every boundary known. */
  extent: Box | null;
}

export function buildLocator<B, W>(input: {
  region: BoundaryGeometry | null;
  bodies: Area<B>[];
  wards: Area<W>[];
}): Locator<B, W> {
  const parts: Part[] = [];
  const boxes: Box[] = [];
  const add = (layer: Part['layer'], index: number, geometry: BoundaryGeometry) => {
    for (const coordinates of polygonsOf(geometry)) {
      parts.push({ layer, index, polygon: { type: 'Polygon', coordinates } });
      boxes.push(boxOf([coordinates]));
    }
  };
  if (input.region) add('region', 0, input.region);
  input.bodies.forEach((b, i) => {
    add('body', i, b.geometry);
  });
  input.wards.forEach((w, i) => {
    add('ward', i, w.geometry);
  });

  const extent = input.region ? boxOf(polygonsOf(input.region)) : unionOf(boxes);
  if (parts.length === 0) {
    return { extent, at: () => ({ inRegion: false, bodies: [], wards: [] }) };
  }
  const sizeOf = (g: BoundaryGeometry) => {
    const [w, s, e, n] = boxOf(polygonsOf(g));
    return (e - w) * (n - s);
  };
  const bodySizes = input.bodies.map((b) => sizeOf(b.geometry));
  const wardSizes = input.wards.map((w) => sizeOf(w.geometry));
  const index = new Flatbush(parts.length);
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
  index.finish();

  return {
    extent,
    at(lon, lat) {
      const found = { region: new Set<number>(), body: new Set<number>(), ward: new Set<number>() };
      for (const i of index.search(lon, lat, lon, lat)) {
        const part = parts[i];
        if (!part || found[part.layer].has(part.index)) continue;
        if (booleanPointInPolygon([lon, lat], part.polygon)) found[part.layer].add(part.index);
      }
      // The most local first: a borough before a police force area drawn around the region.
      const pick = <T>(areas: Area<T>[], set: Set<number>, sizes: number[]) =>
        [...set]
          .sort((a, b) => (sizes[a] ?? 0) - (sizes[b] ?? 0) || a - b)
          .flatMap((i) => (areas[i] ? [areas[i].item] : []));
      return {
        inRegion: found.region.size > 0,
        bodies: pick(input.bodies, found.body, bodySizes),
        wards: pick(input.wards, found.ward, wardSizes),
      };
    },
  };
}

function unionOf(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null;
  return boxes.reduce<Box>(
    (u, b) => [
      Math.min(u[0], b[0]),
      Math.min(u[1], b[1]),
      Math.max(u[2], b[2]),
      Math.max(u[3], b[3]),
    ],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}
