import type { DemoDataset } from './files.js';
import { demoDataset, pointFiles, WHOLE_REGION } from './demo-dataset.js';
import { chargePoints, collisionsCsv } from './generators-roads.js';
import {
  busPunctualityCsv,
  cycleCountsCsv,
  cycleCounterSitesGeoJson,
  metrolinkCsv,
} from './generators-transport.js';

const TFGM_DATA = 'TfGM Data and Insight <opendata@tfgm.example>';

export const TRANSPORT_DATASETS: DemoDataset[] = [
  demoDataset({
    slug: 'bus-punctuality-by-route',
    title: 'Bus punctuality by route and month',
    organisation: 'tfgm',
    summary:
      'How many bus departures left their timing points on time, early or late, for forty Bee Network routes, each month.',
    details:
      'On time means between one minute early and five minutes late (the Traffic Commissioner standard). `lost_mileage_pct` is the share of scheduled mileage that did not run.',
    tags: 'buses, punctuality, bee network, reliability',
    themes: ['transport'],
    update_frequency: 'monthly',
    period: '2023-01-01/2024-12-31',
    spatial_coverage: WHOLE_REGION,
    contact: TFGM_DATA,
    files: [
      {
        fileName: 'bus-punctuality.csv',
        name: 'Punctuality by route and month',
        description: 'January 2023 to December 2024, one row per route per month.',
        build: busPunctualityCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'metrolink-patronage',
    title: 'Metrolink tram patronage by line',
    organisation: 'tfgm',
    summary: 'Passenger journeys on the Metrolink tram network each month, by line.',
    details:
      'Journeys are estimated from ticket sales and automatic passenger counts and allocated to the line where they start.',
    tags: 'metrolink, trams, patronage',
    themes: ['transport'],
    update_frequency: 'monthly',
    period: '2022-04-01/2025-03-31',
    spatial_coverage: WHOLE_REGION,
    contact: TFGM_DATA,
    files: [
      {
        fileName: 'metrolink-patronage.csv',
        name: 'Journeys by line and month',
        description: 'April 2022 to March 2025.',
        build: metrolinkCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'cycle-counter-counts',
    title: 'Automatic cycle counter counts',
    organisation: 'tfgm',
    summary:
      'Daily counts of cycles passing eighteen automatic counters on cycleways, main roads and canal towpaths.',
    details:
      'Commuter routes are busiest on weekdays; leisure routes at weekends. Counts fall on wet days.',
    tags: 'cycling, active travel, bee network',
    themes: ['transport'],
    update_frequency: 'daily',
    period: '2024-01-01/2024-12-31',
    spatial_coverage: WHOLE_REGION,
    contact: TFGM_DATA,
    files: [
      {
        fileName: 'cycle-counts-2024.csv',
        name: 'Daily counts, 2024',
        description: 'One row per counter per day.',
        build: cycleCountsCsv,
      },
      {
        fileName: 'cycle-counter-sites.geojson',
        name: 'Counter locations',
        description: 'Where each counter is, with its `counter_id`.',
        build: cycleCounterSitesGeoJson,
      },
    ],
  }),
  demoDataset({
    slug: 'ev-charge-points',
    title: 'Public electric vehicle charge points',
    organisation: 'tfgm',
    summary:
      'Every publicly accessible electric vehicle charge point in the region, with its power, connectors and status.',
    details:
      'Power is the most a single socket can deliver, in kW: 7 and 22 kW are standard chargers, 50 kW and more are rapid.',
    tags: 'electric vehicles, charging, net zero',
    themes: ['transport', 'environment'],
    update_frequency: 'weekly',
    spatial_coverage: WHOLE_REGION,
    contact: TFGM_DATA,
    files: pointFiles({
      stem: 'ev-charge-points',
      name: 'Charge points',
      noun: 'charge point',
      points: chargePoints,
      csvDescription: 'One row per charge point.',
    }),
  }),
  demoDataset({
    slug: 'road-traffic-collisions-2023',
    title: 'Road traffic collisions involving injury, 2023',
    organisation: 'tfgm',
    summary:
      'Reported road traffic collisions in which someone was hurt, with where, when and how severe.',
    details:
      'Severity is that of the most seriously injured casualty. Locations are points in WGS 84.',
    tags: 'road safety, collisions, casualties',
    themes: ['community-safety', 'transport'],
    update_frequency: 'annual',
    period: '2023-01-01/2023-12-31',
    spatial_coverage: WHOLE_REGION,
    contact: 'Safer Roads Greater Manchester <saferroads@tfgm.example>',
    files: [
      {
        fileName: 'road-traffic-collisions-2023.csv',
        name: 'Collisions, 2023',
        description: 'One row per collision.',
        build: collisionsCsv,
      },
    ],
  }),
];
