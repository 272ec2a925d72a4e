import { boroughIndexAt } from './boundaries.js';
import { BOROUGHS, type Borough } from './boroughs.js';
import { toKm, toLonLat, type Point } from './geometry.js';
import { itemAt, type Rng } from './random.js';

// Towns and neighbourhoods of each borough (real place names), used to label synthetic sites.
// A site's point is drawn anywhere in its borough, so it need not lie in the place it is named
// after: the names make the demo readable, not accurate.

const PLACES: Record<string, string> = {
  Bolton: 'Bolton, Farnworth, Horwich, Westhoughton, Little Lever, Kearsley, Blackrod, Breightmet',
  Bury: 'Bury, Radcliffe, Ramsbottom, Prestwich, Whitefield, Tottington, Unsworth',
  Manchester: 'City Centre, Ancoats, Hulme, Moss Side, Didsbury, Chorlton, Wythenshawe, Gorton',
  Oldham: 'Oldham, Chadderton, Royton, Failsworth, Shaw, Lees, Uppermill, Hollinwood, Werneth',
  Rochdale: 'Rochdale, Heywood, Middleton, Littleborough, Milnrow, Wardle, Castleton, Norden',
  Salford: 'Salford Quays, Pendleton, Eccles, Swinton, Walkden, Irlam, Cadishead, Worsley',
  Stockport: 'Stockport, Cheadle, Cheadle Hulme, Hazel Grove, Marple, Bramhall, Reddish, Romiley',
  Tameside: 'Ashton-under-Lyne, Hyde, Stalybridge, Denton, Droylsden, Dukinfield, Mossley',
  Trafford: 'Altrincham, Sale, Stretford, Urmston, Partington, Timperley, Hale, Old Trafford',
  Wigan:
    'Wigan, Leigh, Hindley, Atherton, Ashton-in-Makerfield, Standish, Tyldesley, Golborne, ' +
    'Orrell, Ince, Shevington, Aspull, Lowton, Abram, Marsh Green',
};

export interface Council {
  /** Index into BOROUGHS (and so into the approximate borough cells). */
  index: number;
  borough: Borough;
  localities: readonly string[];
}

/** The borough a council runs, by the council's organisation slug. */
export function councilOf(orgSlug: string): Council {
  const index = BOROUGHS.findIndex((b) => b.orgSlug === orgSlug);
  const borough = itemAt(BOROUGHS, index);
  const places = PLACES[borough.name] ?? borough.name;
  return { index, borough, localities: places.split(', ') };
}

/** A random [lon, lat] inside the borough, roughly within `km` of its centre (its main town). */
export function pointNearCentre(rng: Rng, council: Council, km: number): Point {
  const [x, y] = toKm(council.borough.lon, council.borough.lat);
  for (;;) {
    const p = toLonLat([x + km * rng.normal(), y + km * rng.normal()]);
    if (boroughIndexAt(...p) === council.index) return p;
  }
}

const STREETS = (
  'Church, Mill, Moor, Market, School, Spring, Hill, Park, Queen, Victoria, Albert, Station, ' +
  'Brook, Clough, Greenbank, Smithy, Castle, Kings, Bridge, Windmill, Cross, Well, Birch, Oak, Holly'
).split(', ');
const STREET_KINDS = ['Road', 'Street', 'Lane', 'Avenue', 'Close', 'Brow', 'Drive', 'Way'];

export const streetName = (rng: Rng): string => `${rng.pick(STREETS)} ${rng.pick(STREET_KINDS)}`;

const FEATURES = ['Bank', 'Hill', 'Fold', 'Vale', 'Brook', 'Green', 'Croft', 'Meadow'];

/** A local-sounding place name such as 'Holly Bank', for parks, schools and community centres. */
export const placeName = (rng: Rng): string => `${rng.pick(STREETS)} ${rng.pick(FEATURES)}`;

/** Hands out names once each: the second 'Hyde Library' becomes 'Hyde Library 2'. */
export function uniqueNames(): (base: string) => string {
  const used = new Set<string>();
  return (base) => {
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
    used.add(name);
    return name;
  };
}

/** 'PREFIX-0042' style identifiers. */
export const idOf = (prefix: string, n: number, width = 4): string =>
  `${prefix}-${String(n).padStart(width, '0')}`;

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' for a UTC day number (days since 1970-01-01). */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** UTC day number of 'YYYY-MM-DD'. */
export const dayOf = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
