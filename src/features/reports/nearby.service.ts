import type { AppContext } from '../../context.js';
import type { Report } from '../../platform/db/schema.js';
import { findCategoryByCode } from './category.repository.js';
import { reportsInBox } from './report.repository.js';
import { isOpenStatus, STATUSES } from './report-status.js';

// "Is it already reported?": open reports of the same category a few steps from the point, so a
// resident adds their voice ("me too") instead of a second report of the same pothole.

export const NEARBY_METRES = 50;
const EARTH_RADIUS_M = 6_371_008.8;
const METRES_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_M;

/** The great-circle distance between two points, in metres (haversine). */
export function distanceMetres(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface NearbyReport {
  report: Report;
  distanceMetres: number;
}

/**
 * Open, public reports of the category (by id) within `radius` metres of the point, nearest
 * first. The database narrows by a box a little wider than the circle; the distance decides.
 */
export async function openReportsNear(
  ctx: AppContext,
  point: { lat: number; lon: number },
  categoryId: string,
  radius: number,
): Promise<NearbyReport[]> {
  const dLat = (radius / METRES_PER_DEGREE) * 1.1;
  const dLon = dLat / Math.max(0.01, Math.cos((point.lat * Math.PI) / 180));
  const rows = await reportsInBox(ctx.db.kysely, {
    categoryId,
    statuses: STATUSES.filter(isOpenStatus),
    box: {
      minLat: point.lat - dLat,
      maxLat: point.lat + dLat,
      minLon: point.lon - dLon,
      maxLon: point.lon + dLon,
    },
  });
  return rows
    .map((report) => ({
      report,
      distanceMetres: distanceMetres(point, { lat: report.latitude, lon: report.longitude }),
    }))
    .filter((r) => r.distanceMetres <= radius)
    .sort((a, b) => a.distanceMetres - b.distanceMetres);
}

/** What a resident sees before reporting: open reports of the category within 50 m. */
export async function nearbyReports(
  ctx: AppContext,
  point: { lat: number; lon: number },
  categoryCode: string,
  radius = NEARBY_METRES,
): Promise<NearbyReport[]> {
  const category = await findCategoryByCode(ctx.db.kysely, categoryCode);
  return category ? openReportsNear(ctx, point, category.id, radius) : [];
}
