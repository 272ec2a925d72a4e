// The ten metropolitan boroughs of Greater Manchester with public facts: ONS codes (E08000001
// Bolton to E08000010 Wigan, alphabetical), and approximate centroids, land areas and
// populations (rounded, around mid-2022). Everything generated from them is synthetic.

export interface Borough {
  name: string;
  code: string;
  /** Slug of the council that runs it. */
  orgSlug: string;
  orgName: string;
  url: string;
  lat: number;
  lon: number;
  areaKm2: number;
  population: number;
}

export const BOROUGHS: readonly Borough[] = [
  borough(
    'Bolton',
    'E08000001',
    'bolton-council',
    'Bolton Council',
    'bolton.gov.uk',
    53.584,
    -2.48,
    140,
    298_000,
  ),
  borough(
    'Bury',
    'E08000002',
    'bury-council',
    'Bury Council',
    'bury.gov.uk',
    53.59,
    -2.31,
    99,
    194_000,
  ),
  borough(
    'Manchester',
    'E08000003',
    'manchester-city-council',
    'Manchester City Council',
    'manchester.gov.uk',
    53.47,
    -2.234,
    116,
    568_000,
  ),
  borough(
    'Oldham',
    'E08000004',
    'oldham-council',
    'Oldham Council',
    'oldham.gov.uk',
    53.553,
    -2.063,
    142,
    243_000,
  ),
  borough(
    'Rochdale',
    'E08000005',
    'rochdale-borough-council',
    'Rochdale Borough Council',
    'rochdale.gov.uk',
    53.611,
    -2.154,
    158,
    226_000,
  ),
  borough(
    'Salford',
    'E08000006',
    'salford-city-council',
    'Salford City Council',
    'salford.gov.uk',
    53.489,
    -2.387,
    97,
    276_000,
  ),
  borough(
    'Stockport',
    'E08000007',
    'stockport-council',
    'Stockport Metropolitan Borough Council',
    'stockport.gov.uk',
    53.392,
    -2.125,
    126,
    297_000,
  ),
  borough(
    'Tameside',
    'E08000008',
    'tameside-council',
    'Tameside Metropolitan Borough Council',
    'tameside.gov.uk',
    53.481,
    -2.078,
    103,
    233_000,
  ),
  borough(
    'Trafford',
    'E08000009',
    'trafford-council',
    'Trafford Council',
    'trafford.gov.uk',
    53.42,
    -2.35,
    106,
    236_000,
  ),
  borough(
    'Wigan',
    'E08000010',
    'wigan-council',
    'Wigan Council',
    'wigan.gov.uk',
    53.522,
    -2.585,
    188,
    333_000,
  ),
];

function borough(
  name: string,
  code: string,
  orgSlug: string,
  orgName: string,
  domain: string,
  lat: number,
  lon: number,
  areaKm2: number,
  population: number,
): Borough {
  return {
    name,
    code,
    orgSlug,
    orgName,
    url: `https://www.${domain}`,
    lat,
    lon,
    areaKm2,
    population,
  };
}

export const REGION = {
  slug: 'greater-manchester',
  name: 'Greater Manchester',
  /** ONS code of the combined authority area. */
  code: 'E47000001',
  mayorTermStart: '2024-05-10',
} as const;

/** Share of the region's population living in a borough (drives most synthetic counts). */
export function populationShare(b: Borough): number {
  const total = BOROUGHS.reduce((sum, x) => sum + x.population, 0);
  return b.population / total;
}

/** How much denser and busier than the average borough (Manchester and Salford highest). */
export function urbanity(b: Borough): number {
  const density = b.population / b.areaKm2;
  const mean =
    BOROUGHS.reduce((sum, x) => sum + x.population, 0) /
    BOROUGHS.reduce((sum, x) => sum + x.areaKm2, 0);
  return density / mean;
}
