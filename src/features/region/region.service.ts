import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { findRegion } from './region.repository.js';

/** The region this install serves: its name, area code, settings and boundary (GeoJSON). */
export async function getRegion(ctx: AppContext) {
  const region = await findRegion(ctx.db.kysely);
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
