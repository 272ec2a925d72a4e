import { synthetic, type DemoDataset } from './files.js';
import { chargePointsCsv, chargePointsGeoJson, collisionsCsv } from './generators-roads.js';
import {
  busPunctualityCsv,
  cycleCountsCsv,
  cycleCounterSitesGeoJson,
  metrolinkCsv,
} from './generators-transport.js';

const TFGM_DATA = { name: 'TfGM Data and Insight', email: 'opendata@tfgm.example' };
const COVERAGE = 'Greater Manchester';

export const TRANSPORT_DATASETS: DemoDataset[] = [
  {
    meta: {
      slug: 'bus-punctuality-by-route',
      title: 'Bus punctuality by route and month',
      organisation: 'tfgm',
      description: synthetic(
        'How many bus departures left their timing points on time, early or late, for forty Bee Network routes, each month.',
        'On time means between one minute early and five minutes late (the Traffic Commissioner standard). `lost_mileage_pct` is the share of scheduled mileage that did not run.',
      ),
      tags: ['buses', 'punctuality', 'bee network', 'reliability'],
      themes: ['transport'],
      update_frequency: 'monthly',
      temporal_coverage: { start: '2023-01-01', end: '2024-12-31' },
      spatial_coverage: COVERAGE,
      contact: TFGM_DATA,
    },
    files: [
      {
        fileName: 'bus-punctuality.csv',
        name: 'Punctuality by route and month',
        format: 'CSV',
        description: 'January 2023 to December 2024, one row per route per month.',
        build: busPunctualityCsv,
      },
    ],
  },
  {
    meta: {
      slug: 'metrolink-patronage',
      title: 'Metrolink tram patronage by line',
      organisation: 'tfgm',
      description: synthetic(
        'Passenger journeys on the Metrolink tram network each month, by line.',
        'Journeys are estimated from ticket sales and automatic passenger counts and allocated to the line where they start.',
      ),
      tags: ['metrolink', 'trams', 'patronage'],
      themes: ['transport'],
      update_frequency: 'monthly',
      temporal_coverage: { start: '2022-04-01', end: '2025-03-31' },
      spatial_coverage: COVERAGE,
      contact: TFGM_DATA,
    },
    files: [
      {
        fileName: 'metrolink-patronage.csv',
        name: 'Journeys by line and month',
        format: 'CSV',
        description: 'April 2022 to March 2025.',
        build: metrolinkCsv,
      },
    ],
  },
  {
    meta: {
      slug: 'cycle-counter-counts',
      title: 'Automatic cycle counter counts',
      organisation: 'tfgm',
      description: synthetic(
        'Daily counts of cycles passing eighteen automatic counters on cycleways, main roads and canal towpaths.',
        'Commuter routes are busiest on weekdays; leisure routes at weekends. Counts fall on wet days.',
      ),
      tags: ['cycling', 'active travel', 'bee network'],
      themes: ['transport'],
      update_frequency: 'daily',
      temporal_coverage: { start: '2024-01-01', end: '2024-12-31' },
      spatial_coverage: COVERAGE,
      contact: TFGM_DATA,
    },
    files: [
      {
        fileName: 'cycle-counts-2024.csv',
        name: 'Daily counts, 2024',
        format: 'CSV',
        description: 'One row per counter per day.',
        build: cycleCountsCsv,
      },
      {
        fileName: 'cycle-counter-sites.geojson',
        name: 'Counter locations',
        format: 'GeoJSON',
        description: 'Where each counter is, with its `counter_id`.',
        build: cycleCounterSitesGeoJson,
      },
    ],
  },
  {
    meta: {
      slug: 'ev-charge-points',
      title: 'Public electric vehicle charge points',
      organisation: 'tfgm',
      description: synthetic(
        'Every publicly accessible electric vehicle charge point in the region, with its power, connectors and status.',
        'Power is the most a single socket can deliver, in kW: 7 and 22 kW are standard chargers, 50 kW and more are rapid.',
      ),
      tags: ['electric vehicles', 'charging', 'net zero'],
      themes: ['transport', 'environment'],
      update_frequency: 'weekly',
      spatial_coverage: COVERAGE,
      contact: TFGM_DATA,
    },
    files: [
      {
        fileName: 'ev-charge-points.csv',
        name: 'Charge points (CSV)',
        format: 'CSV',
        description: 'One row per charge point.',
        build: chargePointsCsv,
      },
      {
        fileName: 'ev-charge-points.geojson',
        name: 'Charge points (GeoJSON)',
        format: 'GeoJSON',
        description: 'The same charge points as points for maps.',
        build: chargePointsGeoJson,
      },
    ],
  },
  {
    meta: {
      slug: 'road-traffic-collisions-2023',
      title: 'Road traffic collisions involving injury, 2023',
      organisation: 'tfgm',
      description: synthetic(
        'Reported road traffic collisions in which someone was hurt, with where, when and how severe.',
        'Severity is that of the most seriously injured casualty. Locations are points in WGS 84.',
      ),
      tags: ['road safety', 'collisions', 'casualties'],
      themes: ['community-safety', 'transport'],
      update_frequency: 'annual',
      temporal_coverage: { start: '2023-01-01', end: '2023-12-31' },
      spatial_coverage: COVERAGE,
      contact: { name: 'Safer Roads Greater Manchester', email: 'saferroads@tfgm.example' },
    },
    files: [
      {
        fileName: 'road-traffic-collisions-2023.csv',
        name: 'Collisions, 2023',
        format: 'CSV',
        description: 'One row per collision.',
        build: collisionsCsv,
      },
    ],
  },
];
