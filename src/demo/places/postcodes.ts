import type { PostcodeRecord } from '../../features/places/index.js';
import { BOROUGHS } from '../region/boroughs.js';
import { randomPointIn } from '../region/boundaries.js';
import { round5 } from '../region/geometry.js';
import { itemAt, rngFor } from '../region/random.js';

// A small synthetic postcode table so a newcomer can try a lookup before importing the real
// directory. The districts are each borough's real postcode districts, but every inward code
// and every point is made up (drawn inside the demo's approximate borough shapes): a real
// postcode with the same letters is somewhere else. Marked `synthetic (demo)` in every row.

export const POSTCODES_PER_BOROUGH = 30;

const DISTRICTS: Record<string, readonly string[]> = {
  Bolton: ['BL1', 'BL2', 'BL3', 'BL4', 'BL5', 'BL6'],
  Bury: ['BL8', 'BL9', 'BL0', 'M25', 'M45'],
  Manchester: ['M1', 'M4', 'M8', 'M9', 'M11', 'M13', 'M14', 'M20', 'M21', 'M22', 'M23'],
  Oldham: ['OL1', 'OL2', 'OL4', 'OL8', 'OL9', 'M35'],
  Rochdale: ['OL10', 'OL11', 'OL12', 'OL15', 'OL16', 'M24'],
  Salford: ['M3', 'M5', 'M6', 'M7', 'M27', 'M28', 'M30', 'M44'],
  Stockport: ['SK1', 'SK2', 'SK3', 'SK4', 'SK5', 'SK6', 'SK7', 'SK8'],
  Tameside: ['OL6', 'OL7', 'SK14', 'SK15', 'SK16', 'M34', 'M43'],
  Trafford: ['M16', 'M32', 'M33', 'M41', 'WA14', 'WA15'],
  Wigan: ['WN1', 'WN2', 'WN3', 'WN5', 'WN6', 'WN7', 'M29', 'M46'],
};

// Letters real inward codes use (never C, I, K, M, O or V).
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ'.split('');

/**
 * The synthetic postcodes, the same on every run. Each borough's first is "<its first
 * district> 1AA" (BL1 1AA, M1 1AA, SK1 1AA, …), so the docs can name one to try.
 */
export function demoPostcodes(): PostcodeRecord[] {
  const rng = rngFor('demo-postcodes');
  const seen = new Set<string>();
  const out: PostcodeRecord[] = [];
  BOROUGHS.forEach((b, index) => {
    const districts = DISTRICTS[b.name] ?? [];
    for (let n = 0; n < POSTCODES_PER_BOROUGH;) {
      const postcode =
        n === 0
          ? `${itemAt(districts, 0)} 1AA`
          : `${rng.pick(districts)} ${rng.int(1, 9)}${rng.pick(INWARD_LETTERS)}${rng.pick(INWARD_LETTERS)}`;
      if (seen.has(postcode)) continue;
      seen.add(postcode);
      const [lon, lat] = randomPointIn(rng, index);
      out.push({
        postcode,
        latitude: round5(lat),
        longitude: round5(lon),
        local_authority_code: b.code,
        ward_code: null,
        terminated: false,
        source: 'synthetic (demo)',
      });
      n++;
    }
  });
  return out;
}
