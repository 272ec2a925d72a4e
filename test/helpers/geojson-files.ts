import { writeFile } from 'node:fs/promises';
import path from 'node:path';

// GeoJSON written by a test: boundaries made up for it, never the real files.

type Ring = [number, number][];

/** A closed rectangle ring, anticlockwise as GeoJSON prefers. */
export const box = (w: number, s: number, e: number, n: number): Ring => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

export const polygon = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });
export const multiPolygon = (...polygons: Ring[][]) => ({
  type: 'MultiPolygon',
  coordinates: polygons,
});

export const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  properties,
  geometry,
});

export async function writeCollection(dir: string, name: string, features: unknown[]) {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify({ type: 'FeatureCollection', features }));
  return file;
}
