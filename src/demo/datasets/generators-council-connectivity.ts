import { randomPointIn } from '../region/boundaries.js';
import { pointFeature, type PointFeature } from './files.js';
import { councilOf, idOf, placeName, uniqueNames } from '../region/localities.js';
import { rngFor } from '../region/random.js';

// Which public buildings have gigabit connections, and the sites on a council-built fibre ring.

// [site type, how many, name suffixes, chance it is already gigabit-capable]
const PUBLIC_BUILDINGS = [
  ['Primary school', 84, ['Primary School', 'Community Primary School', 'CE Primary School'], 0.9],
  ['Secondary school', 16, ['High School', 'Academy'], 0.97],
  ['Special school', 6, ['School'], 0.85],
  ['Library', 15, ['Library'], 0.95],
  ['Community centre', 36, ['Community Centre'], 0.65],
  ['Leisure centre', 9, ['Leisure Centre'], 0.9],
  ['Council office', 8, ['Civic Offices'], 1],
  ["Children's centre", 14, ["Children's Centre"], 0.75],
  ['Depot', 4, ['Depot'], 0.5],
] as const;

// [technology, weight, download and upload in Mbit/s]
type Technology = readonly [string, number, number, number];
const GIGABIT: readonly Technology[] = [
  ['Full fibre (FTTP)', 55, 1000, 1000],
  ['Dedicated leased line', 35, 10000, 10000],
  ['Cable (DOCSIS 3.1)', 10, 1000, 100],
];
const SLOWER: readonly Technology[] = [
  ['Part fibre (FTTC)', 80, 80, 20],
  ['Fixed wireless', 15, 100, 20],
  ['Copper (ADSL)', 5, 17, 1],
];

export function gigabitSites(): PointFeature[] {
  const rng = rngFor('salford-gigabit-public-buildings');
  const salford = councilOf('salford-city-council');
  const unique = uniqueNames();
  let n = 0;
  return PUBLIC_BUILDINGS.flatMap(([type, count, suffixes, chance]) =>
    Array.from({ length: count }, () => {
      const locality = rng.pick(salford.localities);
      const [lon, lat] = randomPointIn(rng, salford.index);
      const gigabit = rng.chance(chance);
      const options = gigabit ? GIGABIT : SLOWER;
      const [technology, , down, up] = rng.weightedBy(options, (o) => o[1]);
      const school = type.endsWith('school');
      const prefix = school || rng.chance(0.4) ? placeName(rng) : locality;
      return pointFeature(lon, lat, {
        site_id: idOf('SCC-PB', ++n, 3),
        name: unique(`${prefix} ${rng.pick(suffixes)}`),
        site_type: type,
        locality,
        technology,
        gigabit_capable: gigabit ? 'Yes' : 'No',
        download_mbps: down,
        upload_mbps: up,
        connected: gigabit
          ? `${rng.int(2018, 2024)}-${String(rng.int(1, 12)).padStart(2, '0')}`
          : null,
        upgrade_due: gigabit ? null : rng.chance(0.8) ? `2025-Q${rng.int(1, 4)}` : 'Not scheduled',
        public_wifi: school || type === 'Depot' || type === 'Council office' ? 'No' : 'Yes',
      });
    }),
  );
}

// [sector, weight, name suffixes]
const FIBRE_SECTORS = [
  ['Council building', 30, ['Civic Centre', 'Library', 'Depot', 'Leisure Centre']],
  ['School', 40, ['Primary School', 'High School', 'Academy']],
  ['NHS site', 14, ['Health Centre', 'Medical Practice', 'Clinic']],
  ['Further education', 4, ['College Campus']],
  ['Housing association', 6, ['Housing Office']],
  ['Business', 16, ['Business Park', 'Trading Estate', 'Enterprise Centre']],
] as const;

export const FIBRE_SITE_COUNT = 180;

export function fibreSites(): PointFeature[] {
  const rng = rngFor('tameside-public-sector-fibre');
  const tameside = councilOf('tameside-council');
  const unique = uniqueNames();
  return Array.from({ length: FIBRE_SITE_COUNT }, (_, i) => {
    const [sector, , suffixes] = rng.weightedBy(FIBRE_SECTORS, (s) => s[1]);
    const locality = rng.pick(tameside.localities);
    const [lon, lat] = randomPointIn(rng, tameside.index);
    // The ring reached council buildings first (2016-2018), then schools, the NHS and business.
    const first = sector === 'Council building' ? 2016 : sector === 'Business' ? 2019 : 2017;
    const spur = rng.chance(0.7);
    const named = sector === 'School' || sector === 'NHS site' || rng.chance(0.3);
    const big = sector === 'Business' || sector === 'Further education' || rng.chance(0.1);
    return pointFeature(lon, lat, {
      site_id: idOf('TMBC-FN', i + 1, 3),
      site_name: unique(`${named ? placeName(rng) : locality} ${rng.pick(suffixes)}`),
      sector,
      locality,
      connected_year: rng.int(first, 2024),
      bandwidth_mbps: big ? 10000 : 1000,
      connection: spur ? 'Spur from the ring' : 'On the core ring',
      spur_length_m: spur ? rng.int(40, 1800) : 0,
      service: big && rng.chance(0.5) ? 'Dark fibre' : 'Managed gigabit',
    });
  });
}
