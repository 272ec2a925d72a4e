import { invalidParameter } from '../../../../platform/errors.js';
import { HOME, type Crumb } from '../../../../platform/views/page-head.js';

// What the steps of "Report a problem" share: the trail, the point carried from step to step
// in the address (so each step works without JavaScript, and can be bookmarked or shared).

export const REPORT_START: Crumb = { text: 'Report a problem', href: '/report' };

/** A step's title, section and breadcrumbs. */
export const journeyHead = (pageTitle: string) => ({
  pageTitle,
  section: 'report',
  breadcrumbs: [HOME, REPORT_START],
});

export interface Point {
  lat: number;
  lon: number;
}

function coordinate(query: Record<string, unknown>, name: 'lat' | 'lon', limit: number): number {
  const raw = query[name];
  const text = typeof raw === 'string' ? raw.trim() : '';
  const value = Number(text);
  if (!text || !Number.isFinite(value) || Math.abs(value) > limit) {
    throw invalidParameter(
      name,
      `The place is missing or not valid (${name} must be a number between -${limit} and ${limit}): choose it again`,
    );
  }
  return value;
}

/** The point of a step's address (`?lat=..&lon=..`); a 400 when it is missing or wrong. */
export function pointFrom(query: unknown): Point {
  const q = (query ?? {}) as Record<string, unknown>;
  return { lat: coordinate(q, 'lat', 90), lon: coordinate(q, 'lon', 180) };
}

/** A step's address with the point (to 6 decimals, about 10 cm) and its other parameters. */
export function stepUrl(
  path: string,
  point: Point,
  extra: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams({
    lat: String(Number(point.lat.toFixed(6))),
    lon: String(Number(point.lon.toFixed(6))),
  });
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  return `${path}?${params.toString()}`;
}

/** A text parameter of the address, trimmed and bounded. */
export const textParam = (query: unknown, name: string, max = 200): string => {
  const raw = (query as Record<string, unknown> | null)?.[name];
  return typeof raw === 'string' ? raw.trim().slice(0, max) : '';
};

/** How long ago, in words ("today", "3 days ago", "5 weeks ago"). */
export function ageInWords(iso: string, at = Date.now()): string {
  const days = Math.floor((at - Date.parse(iso)) / 86_400_000);
  if (days < 1) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  return `${Math.floor(days / 30)} months ago`;
}
