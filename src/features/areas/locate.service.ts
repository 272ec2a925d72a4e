import type { AppContext } from '../../context.js';
import { boundariesVersion } from '../../platform/db/meta.repository.js';
import type { Organisation, OrganisationKind, Ward } from '../../platform/db/schema.js';
import { DomainError, invalidParameter } from '../../platform/errors.js';
import { allOrganisations } from '../organisations/index.js';
import { findRegion } from '../region/index.js';
import { extentInWords, extentOf } from './extent.js';
import { parseGeometry } from './geometry.js';
import { buildLocator, type Locator } from './locator.js';
import { listWards } from './ward.repository.js';

export interface Body {
  slug: string;
  name: string;
  kind: OrganisationKind;
}

export interface Located {
  latitude: number;
  longitude: number;
  region: { slug: string; name: string };
  organisations: Body[];
  ward: { code: string; name: string } | null;
}

interface Index {
  region: { slug: string; name: string };
  locator: Locator<Body, { code: string; name: string; organisation: string }>;
  /** Bodies that answer everywhere in the region, whatever their boundary. */
  regionWide: Body[];
}

// Bodies whose remit is the whole region by their nature: the mayor's combined authority and
// the transport authority. Any body whose area code is the region's covers it too.
const REGION_WIDE_KINDS: readonly OrganisationKind[] = ['combined-authority', 'transport'];

const bodyOf = (o: Organisation): Body => ({ slug: o.slug, name: o.name, kind: o.kind });

async function buildIndex(ctx: AppContext): Promise<Index> {
  const [region, orgs, wards] = await Promise.all([
    findRegion(ctx),
    allOrganisations(ctx),
    listWards(ctx.db.kysely),
  ]);
  if (!region) throw new DomainError('conflict', 'no_region', 'The region has not been set up');
  const settings = JSON.parse(region.settings) as { areaCode?: unknown };
  const regionCode = typeof settings.areaCode === 'string' ? settings.areaCode.toUpperCase() : null;
  const isRegionWide = (o: Organisation) =>
    REGION_WIDE_KINDS.includes(o.kind) ||
    (regionCode !== null && o.area_code?.toUpperCase() === regionCode);
  const slugOf = new Map(orgs.map((o) => [o.id, o.slug] as const));
  const local = orgs.filter((o) => o.boundary && !isRegionWide(o));
  return {
    region: { slug: region.slug, name: region.name },
    regionWide: orgs.filter(isRegionWide).map(bodyOf),
    locator: buildLocator({
      region: region.boundary ? parseGeometry(region.boundary) : null,
      bodies: local.map((o) => ({ item: bodyOf(o), geometry: parseGeometry(o.boundary ?? '') })),
      wards: wards.map((w: Ward) => ({
        item: { code: w.code, name: w.name, organisation: slugOf.get(w.organisation_id) ?? '' },
        geometry: parseGeometry(w.boundary),
      })),
    }),
  };
}

// One index per database per process, rebuilt when the boundaries' version (written by every
// boundary change, on any node) is not the one it was built from.
const indexes = new WeakMap<object, { version: string; index: Promise<Index> }>();

async function currentIndex(ctx: AppContext): Promise<Index> {
  const version = await boundariesVersion(ctx.db.kysely);
  const cached = indexes.get(ctx.db.kysely);
  if (cached?.version === version) return cached.index;
  const index = buildIndex(ctx);
  indexes.set(ctx.db.kysely, { version, index });
  index.catch(() => indexes.delete(ctx.db.kysely));
  return index;
}

function checkCoordinate(name: 'lat' | 'lon', value: number, limit: number): void {
  if (!Number.isFinite(value)) throw invalidParameter(name, `${name} must be a number`);
  if (Math.abs(value) > limit) {
    throw invalidParameter(name, `${name} must be between -${limit} and ${limit} (WGS 84 degrees)`);
  }
}

/**
 * Which bodies answer for a point, and which ward it is in: the boroughs whose boundary contains
 * it (exactly, as the polygons say) with the region-wide bodies. A point outside the region is
 * refused with the region's extent in words.
 */
export async function locate(
  ctx: AppContext,
  point: { lat: number; lon: number },
): Promise<Located> {
  checkCoordinate('lat', point.lat, 90);
  checkCoordinate('lon', point.lon, 180);
  const { region, locator, regionWide } = await currentIndex(ctx);
  const hits = locator.at(point.lon, point.lat);
  if (!hits.inRegion && hits.bodies.length === 0 && hits.wards.length === 0) {
    if (!locator.extent) {
      throw new DomainError(
        'conflict',
        'no_boundaries',
        `${region.name} has no boundaries yet; an operator loads them with \`metrodata region import\``,
      );
    }
    const extent = extentOf(locator.extent);
    throw new DomainError(
      'validation',
      'outside_region',
      `The point ${point.lat}, ${point.lon} is outside ${region.name}. ${extentInWords(region.name, extent)}.`,
      { region: region.name, extent },
    );
  }
  const slugs = new Set(hits.bodies.map((b) => b.slug));
  // A ward of the borough found, when the two files disagree by a hair at a border.
  const ward = hits.wards.find((w) => slugs.has(w.organisation)) ?? hits.wards[0] ?? null;
  return {
    latitude: point.lat,
    longitude: point.lon,
    region,
    organisations: [...hits.bodies, ...regionWide.filter((b) => !slugs.has(b.slug))],
    ward: ward ? { code: ward.code, name: ward.name } : null,
  };
}
