import { BOROUGHS, type Borough } from '../region/boroughs.js';
import { demoDataset } from './demo-dataset.js';
import type { DemoDataset } from './files.js';

// Each of four councils publishes its public toilets following one schema (the roll-up
// "Public toilets across the region" combines them). Stockport's extract writes its dates
// month first (03/31/2025), so it fails the schema's date check and is shown failing; the
// other six councils publish none, and are shown missing.

export const TOILET_BOROUGHS = ['Bolton', 'Bury', 'Oldham', 'Stockport'] as const;
/** The borough whose file fails the schema (its dates). */
export const FAILING_TOILETS = 'Stockport';

const PLACES = [
  ['Bus station', 'Station Approach', 'Unisex', 'Unisex', true, 0.4, '07:00-19:00'],
  ['Market hall', 'Market Street', 'Female and male', 'Unisex', true, 0, '08:00-17:30'],
  ['Town hall', 'Town Hall Square', 'Female and male', 'Unisex', false, 0, '09:00-17:00'],
  ['Central park', 'Park Road', 'Unisex', 'None', false, 0.2, '08:00-dusk'],
  ['Library', 'Library Walk', 'Unisex', 'Unisex', true, 0, '09:00-18:00'],
] as const;

const csvCell = (v: string | number | boolean) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

function toiletsCsv(b: Borough): string {
  const failing = b.name === FAILING_TOILETS;
  const header =
    'ExtractDate,OrganisationURI,OrganisationLabel,ServiceTypeLabel,LocationText,StreetAddress,' +
    'Postcode,Latitude,Longitude,Category,AccessibleCategory,BabyChange,ChargeAmount,OpeningHours';
  const rows = PLACES.map(([place, street, category, accessible, baby, charge, hours], i) =>
    [
      failing ? '03/31/2025' : '2025-03-31',
      `http://opendatacommunities.org/id/metropolitan-district-council/${b.name.toLowerCase()}`,
      b.orgName,
      'Public toilets',
      `${b.name} ${place}`,
      `${String(i + 1)} ${street}`,
      `${b.name.slice(0, 2).toUpperCase()}1 ${String(i + 1)}AA`,
      (b.lat + (i - 2) * 0.004).toFixed(5),
      (b.lon + (i - 2) * 0.006).toFixed(5),
      category,
      accessible,
      baby,
      charge,
      hours,
    ]
      .map(csvCell)
      .join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}

function toiletsDataset(b: Borough): DemoDataset {
  const slug = `${b.orgSlug.replace(/-(city|borough)?-?council$/, '')}-public-toilets`;
  return demoDataset({
    slug,
    title: `Public toilets in ${b.name}`,
    organisation: b.orgSlug,
    summary: `The ${b.name} public toilets the council runs or supports, with opening hours, charges, baby changing and accessible facilities.`,
    details:
      'Published following the local open data standard for public toilets, so it can be combined with the other councils’ in the regional roll-up.',
    tags: 'public toilets, accessibility, local open data standards',
    themes: ['community-safety'],
    update_frequency: 'quarterly',
    spatial_coverage: b.name,
    contact: `${b.name} facilities team <facilities@${b.name.toLowerCase()}.example>`,
    files: [
      {
        fileName: `${slug}.csv`,
        name: 'Public toilets',
        description: 'One row per toilet, following the public toilets schema.',
        build: () => toiletsCsv(b),
      },
    ],
  });
}

export const PUBLIC_TOILET_DATASETS: DemoDataset[] = BOROUGHS.filter((b) =>
  (TOILET_BOROUGHS as readonly string[]).includes(b.name),
).map(toiletsDataset);
