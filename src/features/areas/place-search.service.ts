import type { AppContext } from '../../context.js';
import { boundariesVersion } from '../../platform/db/meta.repository.js';
import { allOrganisations, type BoundaryGeometry } from '../organisations/index.js';
import { parseGeometry } from './geometry.js';
import { interiorPoint } from './interior-point.js';
import { locate } from './locate.service.js';
import { listWards } from './ward.repository.js';

// Finding a place by name (a ward or a borough) for someone who does not know a postcode, and
// the outlines of the areas around a point, to draw a map without tiles.

export interface PlaceMatch {
  kind: 'ward' | 'organisation';
  code: string;
  name: string;
  /** The borough a ward is in, to tell apart wards with the same name. */
  within: string | null;
  /** A point inside the area, to stand for it. */
  lat: number;
  lon: number;
}

interface NamedArea {
  kind: PlaceMatch['kind'];
  code: string;
  name: string;
  within: string | null;
  geometry: BoundaryGeometry;
  point: [number, number] | null;
}

// The areas, parsed once per boundaries version (as the locate index is).
const gazetteers = new WeakMap<object, { version: string; areas: Promise<NamedArea[]> }>();

async function loadAreas(ctx: AppContext): Promise<NamedArea[]> {
  const [orgs, wards] = await Promise.all([allOrganisations(ctx), listWards(ctx.db.kysely)]);
  const nameOf = new Map(orgs.map((o) => [o.id, o.name] as const));
  const area = (a: Omit<NamedArea, 'point'>): NamedArea => ({
    ...a,
    point: interiorPoint(a.geometry),
  });
  return [
    ...orgs.flatMap((o) =>
      o.boundary
        ? [
            area({
              kind: 'organisation',
              code: o.slug,
              name: o.name,
              within: null,
              geometry: parseGeometry(o.boundary),
            }),
          ]
        : [],
    ),
    ...wards.map((w) =>
      area({
        kind: 'ward',
        code: w.code,
        name: w.name,
        within: nameOf.get(w.organisation_id) ?? null,
        geometry: parseGeometry(w.boundary),
      }),
    ),
  ];
}

async function areasOf(ctx: AppContext): Promise<NamedArea[]> {
  const version = await boundariesVersion(ctx.db.kysely);
  const cached = gazetteers.get(ctx.db.kysely);
  if (cached?.version === version) return cached.areas;
  const areas = loadAreas(ctx);
  gazetteers.set(ctx.db.kysely, { version, areas });
  areas.catch(() => gazetteers.delete(ctx.db.kysely));
  return areas;
}

const simplified = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Wards and bodies whose name contains the words typed, best first (the whole name, then its
 * start, then anywhere); at most 20. Fewer than two letters match nothing.
 */
export async function searchPlaces(ctx: AppContext, q: string): Promise<PlaceMatch[]> {
  const wanted = simplified(q);
  if (wanted.length < 2) return [];
  const rank = (name: string) => {
    const n = simplified(name);
    if (n === wanted) return 0;
    if (n.startsWith(wanted)) return 1;
    return n.includes(wanted) ? 2 : -1;
  };
  return (await areasOf(ctx))
    .map((a) => ({ a, r: rank(a.name) }))
    .filter(({ a, r }) => r >= 0 && a.point !== null)
    .sort(
      (x, y) =>
        x.r - y.r ||
        (x.a.kind === y.a.kind ? 0 : x.a.kind === 'organisation' ? -1 : 1) ||
        x.a.name.localeCompare(y.a.name),
    )
    .slice(0, 20)
    .map(({ a }) => ({
      kind: a.kind,
      code: a.code,
      name: a.name,
      within: a.within,
      lon: a.point?.[0] ?? 0,
      lat: a.point?.[1] ?? 0,
    }));
}

export interface AreaOutline {
  name: string;
  geometry: BoundaryGeometry;
}

/**
 * The outlines around a point: its ward and the most local body with a boundary. Throws as
 * locate does for a point outside the region.
 */
export async function outlinesAt(
  ctx: AppContext,
  point: { lat: number; lon: number },
): Promise<{ ward: AreaOutline | null; body: AreaOutline | null }> {
  const located = await locate(ctx, point);
  const areas = await areasOf(ctx);
  const ward = located.ward
    ? areas.find((a) => a.kind === 'ward' && a.code === located.ward?.code)
    : undefined;
  const slugs = located.organisations.map((o) => o.slug);
  const body = slugs
    .map((slug) => areas.find((a) => a.kind === 'organisation' && a.code === slug))
    .find((a) => a !== undefined);
  const outline = (a: NamedArea | undefined) => (a ? { name: a.name, geometry: a.geometry } : null);
  return { ward: outline(ward), body: outline(body) };
}
