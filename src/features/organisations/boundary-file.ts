import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { badRequest, validationFailed, type FieldError } from '../../platform/errors.js';

// Reading a GeoJSON file of official boundaries (ONS style), shared by the region import here
// and the ward import of the areas feature.

const MAX_BYTES = 100 * 1024 * 1024;
const MAX_ERRORS = 10;

export interface BoundaryGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[];
}

export interface BoundaryFeature {
  name: string | null;
  code: string | null;
  geometry: BoundaryGeometry;
  /** Every property of the feature, as the file has them. */
  properties: Record<string, unknown>;
}

// Words that differ between how ONS names an area and how its council names itself:
// "Stockport" vs "Stockport Metropolitan Borough Council", "Salford" vs "Salford City Council".
const NOISE = /\b(metropolitan|borough|council|city|of|the|district|county|combined|authority)\b/g;

/** A name reduced to what identifies the place, for matching features to organisations. */
export function placeKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(NOISE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const typeName = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? `"${v}"` : typeof v;

/** The first problem with a ring of [lon, lat] positions, or null. */
function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring needs 4 or more positions';
  for (const p of ring as unknown[]) {
    if (
      !Array.isArray(p) ||
      p.length < 2 ||
      !p.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      return `${JSON.stringify(p)} is not a [longitude, latitude] position`;
    }
    const [lon, lat] = p as number[];
    if (lon === undefined || lat === undefined || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return (
        `position [${String(lon)}, ${String(lat)}] is outside the longitude/latitude range; the file ` +
        'must use WGS 84 degrees (EPSG:4326), not projected metres such as British National Grid'
      );
    }
  }
  return null;
}

function geometryProblem(g: unknown): string | null {
  if (!isObject(g)) return `is ${typeName(g)}; every feature needs a Polygon or MultiPolygon`;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return `is a ${typeName(g.type)} geometry; only Polygon and MultiPolygon boundaries can be imported`;
  }
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return 'has no coordinates';
  for (const rings of polygons as unknown[]) {
    if (!Array.isArray(rings) || rings.length === 0) return 'has a polygon without rings';
    for (const ring of rings as unknown[]) {
      const problem = ringProblem(ring);
      if (problem) return `coordinates: ${problem}`;
    }
  }
  return null;
}

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));
const invalid = (field: string, message: string) => validationFailed([{ field, message }]);

export const text = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() || null : null;

/** Reads and checks the whole file before anything is written: a bad file changes nothing. */
export async function readBoundaryFeatures(
  file: string,
  options: { nameProperty: string; codeProperty: string },
): Promise<BoundaryFeature[]> {
  const name = path.basename(file);
  const size = await stat(file).then(
    (s) => s.size,
    (err: unknown) => {
      throw badRequest(`Cannot read ${file}: ${why(err)}`);
    },
  );
  if (size > MAX_BYTES) {
    throw badRequest(`${name} is ${(size / 1048576).toFixed(0)} MB; the limit is 100 MB`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (err) {
    throw badRequest(`${name} is not valid JSON: ${why(err)}`);
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    const found = isObject(doc) ? `a GeoJSON object of type ${typeName(doc.type)}` : typeName(doc);
    throw invalid('type', `${name} must be a GeoJSON FeatureCollection, not ${found}`);
  }
  const crs =
    isObject(doc.crs) && isObject(doc.crs.properties) ? text(doc.crs.properties.name) : null;
  if (crs && !/CRS84|EPSG::?4326/i.test(crs)) {
    throw invalid('crs', `is ${crs}; convert the file to WGS 84 (EPSG:4326) first`);
  }
  const raw = doc.features as unknown[];
  if (raw.length === 0) throw invalid('features', 'the collection is empty');
  const errors: FieldError[] = [];
  const features: BoundaryFeature[] = [];
  raw.forEach((f, i) => {
    if (errors.length >= MAX_ERRORS) return;
    if (!isObject(f) || f.type !== 'Feature') {
      errors.push({ field: `features[${i}]`, message: 'is not a GeoJSON Feature' });
      return;
    }
    const problem = geometryProblem(f.geometry);
    if (problem) {
      errors.push({ field: `features[${i}].geometry`, message: problem });
      return;
    }
    const props = isObject(f.properties) ? f.properties : {};
    const geometry = f.geometry as Record<string, unknown>;
    features.push({
      name: text(props[options.nameProperty]),
      code: text(props[options.codeProperty])?.toUpperCase() ?? null,
      geometry: {
        type: geometry.type as BoundaryGeometry['type'],
        coordinates: geometry.coordinates as unknown[],
      },
      properties: props,
    });
  });
  if (errors.length > 0) throw validationFailed(errors);
  if (features.every((f) => f.name === null && f.code === null)) {
    const first = raw[0];
    const keys = isObject(first) && isObject(first.properties) ? Object.keys(first.properties) : [];
    throw invalid(
      'properties',
      `no feature has a "${options.nameProperty}" or "${options.codeProperty}" property ` +
        `(the first has: ${keys.join(', ') || 'none'}); choose them with --name-property and --code-property`,
    );
  }
  return features;
}
