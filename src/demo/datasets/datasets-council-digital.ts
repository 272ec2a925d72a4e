import type { DemoDataset } from './files.js';
import { demoDataset, pointFiles } from './demo-dataset.js';
import { FIBRE_SITE_COUNT, fibreSites, gigabitSites } from './generators-council-connectivity.js';
import {
  DIGITAL_VENUE_COUNT,
  supportSessionsCsv,
  supportVenuesGeoJson,
} from './generators-council-digital.js';
import { librariesGeoJson, libraryUseCsv } from './generators-council-libraries.js';

export const COUNCIL_DIGITAL_DATASETS: DemoDataset[] = [
  demoDataset({
    slug: 'oldham-digital-support-venues',
    title: 'Council-run digital support venues in Oldham',
    organisation: 'oldham-council',
    summary: `${DIGITAL_VENUE_COUNT} places where residents can get free help to get online: libraries, community and family hubs, leisure centres and sheltered housing lounges, with the help on offer and how many people it reached each month.`,
    details:
      'Help ranges from drop-in sessions with digital champions to lending a laptop or a SIM card with free data. `new_to_the_internet` counts residents who had not been online before. Venue points are in WGS 84.',
    tags: 'digital support, digital champions, get online, libraries',
    themes: ['digital-inclusion'],
    update_frequency: 'monthly',
    period: '2024-04-01/2025-03-31',
    spatial_coverage: 'Oldham',
    contact: 'Oldham digital inclusion team <getonline@oldham.example>',
    files: [
      {
        fileName: 'oldham-digital-support-venues.geojson',
        name: 'Digital support venues',
        description: 'Where each venue is, what help it offers, when and in which languages.',
        build: supportVenuesGeoJson,
      },
      {
        fileName: 'oldham-digital-support-sessions.csv',
        name: 'Sessions and residents helped by venue and month',
        description: 'April 2024 to March 2025.',
        build: supportSessionsCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'salford-gigabit-public-buildings',
    title: 'Gigabit-capable connections in council buildings and schools in Salford',
    organisation: 'salford-city-council',
    summary:
      'The broadband connection of every school, library, community centre, leisure centre and council office: its technology and speed, whether it is gigabit-capable and when the rest will be upgraded.',
    details:
      'Gigabit-capable means at least 1,000 Mbit/s download. Public buildings with a gigabit connection act as anchor sites that bring full fibre closer to the homes around them. `public_wifi` says whether residents can use free wifi there.',
    tags: 'gigabit, full fibre, schools, public buildings, connectivity',
    themes: ['broadband', 'digital-inclusion'],
    update_frequency: 'quarterly',
    spatial_coverage: 'Salford',
    contact: 'Salford digital team <digital@salford.example>',
    files: pointFiles({
      stem: 'salford-public-building-connections',
      name: 'Connections by site',
      noun: 'building',
      points: gigabitSites,
    }),
  }),
  demoDataset({
    slug: 'tameside-public-sector-fibre-network',
    title: 'Sites on the Tameside public sector fibre network',
    organisation: 'tameside-council',
    summary: `${FIBRE_SITE_COUNT} council buildings, schools, NHS sites, colleges and business parks connected to the full-fibre ring the council built and runs, with when each was connected and its bandwidth.`,
    details:
      'Sites either sit on the core ring or hang off it on a short spur. Businesses and colleges can lease dark fibre (unlit fibre they run themselves) or buy a managed gigabit service.',
    tags: 'full fibre, fibre network, gigabit, connectivity',
    themes: ['broadband', 'economy'],
    update_frequency: 'irregular',
    period: '2016-01-01/2024-12-31',
    spatial_coverage: 'Tameside',
    contact: 'Tameside digital infrastructure team <fibre@tameside.example>',
    files: pointFiles({
      stem: 'tameside-fibre-network-sites',
      name: 'Connected sites',
      noun: 'site',
      points: fibreSites,
    }),
  }),
  demoDataset({
    slug: 'wigan-libraries-and-computer-use',
    title: 'Wigan libraries: opening hours and public computer use',
    organisation: 'wigan-council',
    summary:
      'Every library in the borough with its opening hours, free computers and wifi, and how much the computers, the wifi and weekly digital help sessions were used each month.',
    details:
      '`pc_utilisation_pct` is the share of the hours the computers were available (while the library was open) that they were booked. Opening times are in 24-hour clock; a closed day says `Closed`.',
    tags: 'libraries, public computers, wifi, opening hours',
    themes: ['digital-inclusion'],
    update_frequency: 'monthly',
    period: '2023-04-01/2025-03-31',
    spatial_coverage: 'Wigan',
    contact: 'Wigan library service <libraries@wigan.example>',
    files: [
      {
        fileName: 'wigan-libraries.geojson',
        name: 'Libraries and opening hours',
        description: 'One point per library with its opening hours for each day of the week.',
        build: librariesGeoJson,
      },
      {
        fileName: 'wigan-library-computer-use.csv',
        name: 'Computer and wifi use by library and month',
        description: 'April 2023 to March 2025.',
        build: libraryUseCsv,
      },
    ],
  }),
];
