import type { DemoDataset } from './files.js';
import { BY_BOROUGH, demoDataset, GMCA_RESEARCH, WHOLE_REGION } from './demo-dataset.js';
import {
  airSitesGeoJson,
  boltonTemporaryAccommodationCsv,
  boroughBoundariesGeoJson,
  homelessnessCsv,
  housingCompletionsCsv,
  no2ReadingsCsv,
  regionBoundaryGeoJson,
  wiganWasteCsv,
} from './generators-place.js';

export const PLACE_DATASETS: DemoDataset[] = [
  demoDataset({
    slug: 'air-quality-no2',
    title: 'Nitrogen dioxide (NO2) monitoring sites and readings',
    organisation: 'gmca',
    summary:
      'Monthly mean nitrogen dioxide concentrations at sixty monitoring sites across the region.',
    details:
      'Values are in µg/m³. The UK annual mean objective is 40 µg/m³. Kerbside and roadside sites sit next to busy roads; urban background sites are away from them. Months with `data_capture_pct` under 75 should be treated with care.',
    tags: 'air quality, no2, pollution, clean air',
    themes: ['environment', 'health'],
    update_frequency: 'monthly',
    period: '2022-01-01/2024-12-31',
    spatial_coverage: WHOLE_REGION,
    contact: 'Clean Air Greater Manchester <cleanair@gmca.example>',
    files: [
      {
        fileName: 'no2-monthly-readings.csv',
        name: 'Monthly readings',
        description: 'One row per site per month.',
        build: no2ReadingsCsv,
      },
      {
        fileName: 'no2-monitoring-sites.geojson',
        name: 'Monitoring sites',
        description: 'Site locations, type and method.',
        build: airSitesGeoJson,
      },
    ],
  }),
  demoDataset({
    slug: 'wigan-household-waste',
    title: 'Household waste and recycling in Wigan',
    organisation: 'wigan-council',
    summary:
      'Tonnes of household waste collected each month in Wigan, and the share recycled or composted.',
    details:
      'Food and garden waste peaks in summer; dry recycling (paper, card, cans, glass and plastics) rises at Christmas.',
    tags: 'waste, recycling, bins',
    themes: ['environment'],
    update_frequency: 'monthly',
    period: '2022-04-01/2025-03-31',
    spatial_coverage: 'Wigan',
    contact: 'Wigan Council waste services <waste@wigan.example>',
    licence: 'OGL-UK-3.0',
    files: [
      {
        fileName: 'wigan-household-waste.csv',
        name: 'Tonnages by month',
        description: 'April 2022 to March 2025.',
        build: wiganWasteCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'housing-completions',
    title: 'Net additional homes by borough',
    organisation: 'gmca',
    summary:
      'New homes completed, net of demolitions and conversions, in each borough each financial year, with affordable and social rent completions.',
    details:
      'Monitoring for the Places for Everyone joint development plan. The 2020-21 dip follows the pandemic pause on building sites.',
    tags: 'housing supply, new homes, affordable housing',
    themes: ['housing'],
    update_frequency: 'annual',
    period: '2014-04-01/2024-03-31',
    spatial_coverage: BY_BOROUGH,
    contact: GMCA_RESEARCH,
    files: [
      {
        fileName: 'housing-completions.csv',
        name: 'Completions by borough and year',
        description: '2014-15 to 2023-24.',
        build: housingCompletionsCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'homelessness-by-borough',
    title: 'Homelessness assessments and temporary accommodation',
    organisation: 'gmca',
    summary:
      'Households assessed as homeless or threatened with homelessness each quarter, the duties owed to them and households in temporary accommodation at the end of the quarter.',
    details: 'Follows the shape of the government H-CLIC returns.',
    tags: 'homelessness, temporary accommodation',
    themes: ['housing'],
    update_frequency: 'quarterly',
    period: '2021-04-01/2024-12-31',
    spatial_coverage: BY_BOROUGH,
    contact: GMCA_RESEARCH,
    files: [
      {
        fileName: 'homelessness-by-borough.csv',
        name: 'Assessments by borough and quarter',
        description: '2021-Q2 to 2024-Q4.',
        build: homelessnessCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'bolton-temporary-accommodation-placements',
    title: 'Temporary accommodation placements in Bolton (restricted)',
    organisation: 'bolton-council',
    summary: 'Placements in temporary accommodation by household type and month.',
    details:
      'This dataset is **private**: small numbers could identify families, so only Bolton Council staff and site administrators can see it. It shows how restricted data looks in the catalogue.',
    tags: 'homelessness, temporary accommodation, restricted',
    themes: ['housing'],
    visibility: 'private',
    update_frequency: 'monthly',
    period: '2024-01-01/2024-12-31',
    spatial_coverage: 'Bolton',
    contact: 'Bolton housing options <housing@bolton.example>',
    files: [
      {
        fileName: 'bolton-temporary-accommodation.csv',
        name: 'Placements by month and household type',
        description: '2024.',
        build: boltonTemporaryAccommodationCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'borough-boundaries',
    title: 'Borough boundaries (approximate)',
    organisation: 'gmca',
    summary: 'Outlines of the ten boroughs and of the combined authority area, for maps.',
    details:
      'These shapes are **approximate**: each borough is drawn as the area closest to its centre, so edges do not follow the real boundaries. For the official ones, download the ONS boundaries and load them with `metrodata region import`.',
    tags: 'boundaries, local authorities, geography',
    themes: ['boundaries'],
    update_frequency: 'never',
    spatial_coverage: BY_BOROUGH,
    contact: GMCA_RESEARCH,
    files: [
      {
        fileName: 'borough-boundaries.geojson',
        name: 'Boroughs',
        description: 'Ten polygons with `area_code` and `area_name`.',
        build: boroughBoundariesGeoJson,
      },
      {
        fileName: 'combined-authority-boundary.geojson',
        name: 'Combined authority area',
        description: 'One polygon around the whole region.',
        build: regionBoundaryGeoJson,
      },
    ],
    links: [
      {
        name: 'Official boundaries (ONS Open Geography Portal)',
        url: 'https://geoportal.statistics.gov.uk/',
        format: 'HTML',
        description:
          'Where to download the official local authority and combined authority boundaries.',
      },
    ],
  }),
];
