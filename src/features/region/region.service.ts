import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import type { Region } from '../../platform/db/schema.js';
import {
  findRegion as findRegionRow,
  updateRegionBoundary,
  upsertRegion,
} from './region.repository.js';

/** The region's row (one per install), if it has been set up. */
export const findRegion = (ctx: AppContext): Promise<Region | undefined> =>
  findRegionRow(ctx.db.kysely);

/** The region's settings (JSON in its row), or {} before there is a region. */
export async function regionSettings(ctx: AppContext): Promise<Record<string, unknown>> {
  const region = await findRegion(ctx);
  if (!region) return {};
  const parsed: unknown = JSON.parse(region.settings);
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
}

/** The region's name, for feeds and page headers ("Metrodata" before there is a region). */
export async function regionName(ctx: AppContext): Promise<string> {
  return (await findRegion(ctx))?.name ?? 'Metrodata';
}

/** Creates the region, or replaces the one with its slug: the operator's seed. */
export const saveRegion = (ctx: AppContext, row: Region): Promise<void> =>
  upsertRegion(ctx.db.kysely, row);

/** Sets the region's boundary and settings (a boundary import; see the organisations feature). */
export const setRegionBoundary = (
  ctx: AppContext,
  id: string,
  boundary: string,
  settings: string,
  at: string,
): Promise<void> => updateRegionBoundary(ctx.db.kysely, id, boundary, settings, at);

/** The region this install serves: its name, area code, settings and boundary (GeoJSON). */
export async function getRegion(ctx: AppContext) {
  const region = await findRegion(ctx);
  if (!region) throw notFound('The region');
  const settings = JSON.parse(region.settings) as Record<string, unknown>;
  return {
    slug: region.slug,
    name: region.name,
    area_code: typeof settings.areaCode === 'string' ? settings.areaCode : null,
    settings,
    boundary: region.boundary ? (JSON.parse(region.boundary) as unknown) : null,
    updated_at: region.updated_at,
  };
}

/** The region's name for every page, read at most once a minute. */
export function regionNameCache(ctx: AppContext): () => Promise<string> {
  let cached: { name: string; at: number } | null = null;
  return async () => {
    if (cached && Date.now() - cached.at < 60_000) return cached.name;
    // An error page must still render when the database is down: keep the last name known.
    const region = await findRegion(ctx).catch(() => undefined);
    if (region === undefined && cached) return cached.name;
    cached = { name: region?.name ?? 'Metrodata', at: Date.now() };
    return cached.name;
  };
}
