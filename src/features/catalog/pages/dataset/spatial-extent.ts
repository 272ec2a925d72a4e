import type { AppContext } from '../../../../context.js';
import { findRegion, regionName } from '../../../region/index.js';
import { findPublisherBySlug } from '../../publisher.repository.js';

/** [south, west, north, east] in degrees, as schema.org's GeoShape box orders them. */
export type Box = [number, number, number, number];

export interface SpatialExtent {
  /** The area's name: the dataset's own words, else its publisher's or the region's. */
  name: string;
  box: Box | null;
}

/** The bounding box of a GeoJSON geometry (or Feature, or FeatureCollection), or null. */
export function geojsonBox(geojson: string): Box | null {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (v: unknown): void => {
    if (!Array.isArray(v)) return;
    const [lon, lat] = v as unknown[];
    if (typeof lon === 'number' && typeof lat === 'number') {
      box[0] = Math.min(box[0], lat);
      box[1] = Math.min(box[1], lon);
      box[2] = Math.max(box[2], lat);
      box[3] = Math.max(box[3], lon);
      return;
    }
    v.forEach(walk);
  };
  const visit = (g: unknown): void => {
    if (!g || typeof g !== 'object') return;
    const o = g as { coordinates?: unknown; geometry?: unknown; features?: unknown[] };
    walk(o.coordinates);
    visit(o.geometry);
    o.features?.forEach(visit);
    (g as { geometries?: unknown[] }).geometries?.forEach(visit);
  };
  try {
    visit(JSON.parse(geojson));
  } catch {
    return null;
  }
  return Number.isFinite(box[0]) ? box : null;
}

// A boundary can be megabytes of coordinates: its box is kept until the row changes.
const boxes = new Map<string, Box | null>();
const MAX_CACHED = 200;

function cachedBox(key: string, boundary: string): Box | null {
  if (!boxes.has(key)) {
    if (boxes.size >= MAX_CACHED) boxes.clear();
    boxes.set(key, geojsonBox(boundary));
  }
  return boxes.get(key) ?? null;
}

/**
 * Where a dataset's data is: the publisher's boundary when it has one, else the region's, named
 * by the dataset's spatial coverage when it gives one.
 */
export async function spatialExtent(
  ctx: AppContext,
  dataset: { organisation: { slug: string }; spatial_coverage: string | null },
): Promise<SpatialExtent> {
  const org = await findPublisherBySlug(ctx.db.kysely, dataset.organisation.slug);
  if (org?.boundary) {
    return {
      name: dataset.spatial_coverage ?? org.name,
      box: cachedBox(`org:${org.id}:${org.updated_at}`, org.boundary),
    };
  }
  const region = await findRegion(ctx);
  return {
    name: dataset.spatial_coverage ?? (await regionName(ctx)),
    box: region?.boundary ? cachedBox(`region:${region.updated_at}`, region.boundary) : null,
  };
}
