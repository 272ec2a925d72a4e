import { BOROUGHS } from '../region/boroughs.js';
import { toKm } from '../region/geometry.js';
import { dbl, hashOf, list } from './sql-literals.js';

// Where each generated service request is: inside its borough's demo boundary (a Voronoi cell of
// the borough centres within the region outline, see boundaries.ts), drawn around the centre
// with the spread randomPointIn() uses. DuckDB has no point-in-polygon without the spatial
// extension, so a candidate offset (two normal deviates, in spreads) is kept when it is
//   - within two spreads of the centre: that disc lies inside the borough's own 24-sided disc
//     (radius 2.2 spreads), so inside the region outline, and
//   - nearer its borough's centre than any other: inside the Voronoi cell, tested as half-planes
//     with constants (only neighbours near enough to matter), which is cheap in SQL.
// The first of ATTEMPTS candidates kept wins. A row that keeps none (about 1 in 600) gets its
// first offset shrunk to a fifth: at most a spread from the centre, which is inside every
// borough. Every candidate is a column computed for every row: an expression repeated inside a
// CASE would be hoisted out for all rows by DuckDB's common-subexpression pass anyway.

export const ATTEMPTS = 4;
/** First hash stream of the location; each attempt uses two. */
const STREAM = 16;

const KM_PER_DEG_LON = toKm(1, 0)[0] - toKm(0, 0)[0];
const KM_PER_DEG_LAT = toKm(0, 1)[1] - toKm(0, 0)[1];
/**
 * Half-plane slack in km² of q·d: rounding to 5 decimals moves a point under a metre, which
 * changes q·d by under 0.001 km × |d| (|d| < 20 km), so a kept point stays inside.
 */
const SLACK = 0.02;
/** The fallback shrinks an offset (at most 2√6 spreads) to within one spread. */
const FALLBACK = 0.2;

const spreadOf = (b: (typeof BOROUGHS)[number]) => Math.sqrt(b.areaKm2 / Math.PI) / 2;

/**
 * Roughly normal, mean 0 and standard deviation 1: the sum of four 16-bit uniforms cut from one
 * hash (rng.normal() sums uniforms too; no ln or cos whose last bit could differ by platform).
 */
const normal = (hash: string) =>
  `(((${[0, 16, 32, 48].map((s) => `((${hash} >> ${s}) & 65535)`).join(' + ')})::DOUBLE * ${dbl(1 / 65536)} - ${dbl(2)}) * ${dbl(Math.sqrt(3))})`;

/** SQL true when the offset (nx, ny spreads from borough b's centre) is nearer it than others. */
function nearestIs(b: number, nx: string, ny: string): string {
  const borough = BOROUGHS[b];
  if (!borough) throw new Error(`No borough ${b}`);
  const [cx, cy] = toKm(borough.lon, borough.lat);
  const spread = spreadOf(borough);
  const tests = BOROUGHS.flatMap((o, j) => {
    const [dx, dy] = toKm(o.lon, o.lat).map((v, k) => v - (k === 0 ? cx : cy)) as [number, number];
    const d2 = dx * dx + dy * dy;
    // A point within two spreads of this centre is nearer it than a centre four or more away.
    if (j === b || d2 >= (4 * spread + 0.01) ** 2) return [];
    // |q|² <= |q - d|²  <=>  q·d <= |d|²/2, with q = spread × (nx, ny) in km.
    return [`${nx} * ${dbl(spread * dx)} + ${ny} * ${dbl(spread * dy)} <= ${dbl(d2 / 2 - SLACK)}`];
  });
  return tests.length > 0 ? tests.join(' AND ') : 'true';
}

/** Step 1 (needs i): the normal deviates of every attempt. */
export const deviates = (): string[] =>
  Array.from({ length: ATTEMPTS }, (_, a) => [
    `${normal(hashOf(STREAM + 2 * a))} AS nx_${a}`,
    `${normal(hashOf(STREAM + 2 * a + 1))} AS ny_${a}`,
  ]).flat();

/** Step 2 (needs b and the deviates): the number of the first offset inside the borough, or -1. */
export function firstInside(): string {
  const whens = Array.from({ length: ATTEMPTS }, (_, a) => {
    const byBorough = BOROUGHS.map(
      (_, b) => `WHEN ${b} THEN ${nearestIs(b, `nx_${a}`, `ny_${a}`)}`,
    );
    return `WHEN nx_${a} * nx_${a} + ny_${a} * ny_${a} <= 4 AND (CASE b ${byBorough.join(' ')} END) THEN ${a}`;
  });
  return `CASE ${whens.join(' ')} ELSE -1 END AS attempt`;
}

/** Step 3 (needs b and attempt): the point, rounded to 5 decimals (about a metre). */
export function point(axis: 'lon' | 'lat'): string {
  const n = axis === 'lon' ? 'nx' : 'ny';
  const whens = Array.from({ length: ATTEMPTS }, (_, a) => `WHEN ${a} THEN ${n}_${a}`);
  const offset = `CASE attempt ${whens.join(' ')} ELSE ${n}_0 * ${dbl(FALLBACK)} END`;
  const centre = list(BOROUGHS.map((b) => (axis === 'lon' ? b.lon : b.lat)));
  const degrees = list(
    BOROUGHS.map((b) => spreadOf(b) / (axis === 'lon' ? KM_PER_DEG_LON : KM_PER_DEG_LAT)),
  );
  return `round(${centre}[b + 1] + ${degrees}[b + 1] * (${offset}), 5)`;
}
