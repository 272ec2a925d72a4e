import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.js';
import type { Organisation, Region } from '../../platform/db/schema.js';
import { badRequest, validationFailed, type FieldError } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import { recordActivity } from '../../platform/activity/record.js';
import { listAllOrganisations, updateOrganisationBoundary } from './organisation.repository.js';
import { findRegion, setRegionBoundary } from '../region/index.js';
import { inTransaction } from '../../platform/db/transaction.js';

const MAX_BYTES = 100 * 1024 * 1024;
const MAX_ERRORS = 10;
const MAX_LISTED = 25;

type Progress = (done: number, total: number, note?: string) => void;

interface Geometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown[];
}

interface Feature {
  name: string | null;
  code: string | null;
  geometry: Geometry;
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

const isObject = (v: unknown): v is Record<string, unknown> =>
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

const text = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() || null : null;

/** Reads and checks the whole file before anything is written: a bad file changes nothing. */
async function readFeatures(
  file: string,
  options: { nameProperty: string; codeProperty: string },
): Promise<Feature[]> {
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
  const features: Feature[] = [];
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
        type: geometry.type as Geometry['type'],
        coordinates: geometry.coordinates as unknown[],
      },
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

const labelOf = (f: Feature, i: number) =>
  f.name && f.code ? `${f.name} (${f.code})` : (f.name ?? f.code ?? `feature ${i + 1}`);

function groupBy(orgs: Organisation[], key: (o: Organisation) => string | null) {
  const map = new Map<string, Organisation[]>();
  for (const o of orgs) {
    const k = key(o);
    if (k) map.set(k, [...(map.get(k) ?? []), o]);
  }
  return map;
}

interface Match {
  feature: Feature;
  label: string;
  orgs: Organisation[];
  region: boolean;
  byName: boolean;
}

/** Decides where each feature goes, without writing: by area code, else by name. */
function plan(features: Feature[], orgs: Organisation[], region: Region | undefined) {
  const byCode = groupBy(orgs, (o) => o.area_code?.trim().toUpperCase() ?? null);
  const byName = groupBy(orgs, (o) => placeKey(o.name) || null);
  const regionCode = region ? text(settingsOf(region).areaCode)?.toUpperCase() : undefined;
  const taken = new Set<string>();
  const matches: Match[] = [];
  const unmatched: string[] = [];
  features.forEach((feature, i) => {
    const label = labelOf(feature, i);
    const key = feature.name ? placeKey(feature.name) : '';
    let targets = feature.code ? (byCode.get(feature.code) ?? []) : [];
    const named = targets.length === 0 && key ? (byName.get(key) ?? []) : [];
    if (named.length > 1) {
      unmatched.push(`${label}: the name fits ${named.map((o) => o.name).join(' and ')}`);
      return;
    }
    if (named.length === 1) targets = named;
    const isRegion =
      region !== undefined &&
      !taken.has('region') &&
      ((feature.code !== null && feature.code === regionCode) ||
        (key !== '' && key === placeKey(region.name)));
    const fresh = targets.filter((o) => !taken.has(o.id));
    if (fresh.length === 0 && !isRegion) {
      unmatched.push(
        targets.length > 0
          ? `${label}: already matched by an earlier feature`
          : `${label}: no organisation or region with this code or name`,
      );
      return;
    }
    for (const o of fresh) taken.add(o.id);
    if (isRegion) taken.add('region');
    matches.push({ feature, label, orgs: fresh, region: isRegion, byName: named.length === 1 });
  });
  return { matches, unmatched };
}

const settingsOf = (region: Region): Record<string, unknown> => {
  const parsed: unknown = JSON.parse(region.settings);
  return isObject(parsed) ? parsed : {};
};

async function apply(tx: AppContext, m: Match, region: Region | undefined, source: string) {
  const trx = tx.db.kysely;
  const at = now();
  const boundary = JSON.stringify(m.feature.geometry);
  for (const org of m.orgs) {
    const areaCode = m.feature.code ?? org.area_code;
    await updateOrganisationBoundary(trx, org.id, boundary, areaCode, at);
    const codeChange = areaCode !== org.area_code ? { from: org.area_code, to: areaCode } : null;
    await recordActivity(trx, null, {
      action: 'organisation.boundary_imported',
      subject: { type: 'organisation', id: org.id },
      organisationId: org.id,
      diff: {
        boundary: { from: org.boundary ? 'previous boundary' : null, to: `from ${source}` },
        ...(codeChange ? { area_code: codeChange } : {}),
      },
      at,
    });
  }
  if (m.region && region) {
    const settings = settingsOf(region);
    const next = { ...settings, areaCode: m.feature.code ?? settings.areaCode };
    await setRegionBoundary(tx, region.id, boundary, JSON.stringify(next), at);
  }
}

function report(source: string, total: number, matches: Match[], unmatched: string[]): string[] {
  const orgCount = matches.reduce((n, m) => n + m.orgs.length, 0);
  const region = matches.find((m) => m.region) ? ', and the region boundary' : '';
  const lines = [
    `Read ${total} feature(s) from ${source}.`,
    `Matched ${matches.length} of ${total}: ${orgCount} organisation boundaries updated${region}.`,
    ...matches.map((m) => {
      const names = [...m.orgs.map((o) => o.name), ...(m.region ? ['the region'] : [])];
      return `  ${m.label} -> ${names.join(', ')}${m.byName ? ' (by name)' : ''}`;
    }),
  ];
  if (unmatched.length === 0) return [...lines, 'Every feature matched.'];
  lines.push(`Not matched (${unmatched.length}):`);
  lines.push(...unmatched.slice(0, MAX_LISTED).map((u) => `  ${u}`));
  if (unmatched.length > MAX_LISTED) lines.push(`  ...and ${unmatched.length - MAX_LISTED} more`);
  return lines;
}

/**
 * Loads official boundaries from a GeoJSON FeatureCollection: each feature goes to the
 * organisations with its area code, else to the one whose name matches, and a feature for the
 * whole region becomes the region's boundary. Unmatched features are reported, not fatal. All
 * updates happen in one transaction, after the whole file has been checked.
 */
export async function importRegionBoundaries(
  ctx: AppContext,
  file: string,
  options: { nameProperty: string; codeProperty: string; progress?: Progress },
): Promise<{ lines: string[] }> {
  const features = await readFeatures(file, options);
  const source = path.basename(file);
  return inTransaction(ctx, async (tx) => {
    const region = await findRegion(tx);
    const orgs = await listAllOrganisations(tx.db.kysely);
    const { matches, unmatched } = plan(features, orgs, region);
    for (const [i, m] of matches.entries()) {
      options.progress?.(i + 1, matches.length, m.label);
      await apply(tx, m, region, source);
    }
    return { lines: report(source, features.length, matches, unmatched) };
  });
}
