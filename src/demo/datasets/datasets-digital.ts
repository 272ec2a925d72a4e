import type { DemoDataset } from './files.js';
import { BY_BOROUGH, demoDataset, GMCA_DIGITAL, pointFiles } from './demo-dataset.js';
import {
  deviceDonationsCsv,
  enrolmentsCsv,
  fiveGCsv,
  fullFibreCsv,
  wifiSites,
} from './generators-digital.js';

export const DIGITAL_DATASETS: DemoDataset[] = [
  demoDataset({
    slug: 'full-fibre-gigabit-coverage',
    title: 'Full-fibre and gigabit broadband coverage by borough',
    organisation: 'gmca',
    summary:
      'The share of premises in each borough that can order full-fibre (FTTP) and gigabit-capable broadband, each quarter.',
    details:
      '## Columns\n\n- `quarter`: calendar quarter, e.g. 2024-Q4\n- `premises`: residential and business premises\n- `full_fibre_pct`, `gigabit_pct`, `superfast_pct` (30 Mbit/s or more), `below_10mbps_pct` (below the universal service obligation)\n\nModelled on the shape of Ofcom Connected Nations figures.',
    tags: 'broadband, full fibre, gigabit, connectivity',
    themes: ['broadband', 'digital-inclusion'],
    update_frequency: 'quarterly',
    period: '2020-01-01/2024-12-31',
    spatial_coverage: BY_BOROUGH,
    contact: GMCA_DIGITAL,
    files: [
      {
        fileName: 'full-fibre-gigabit-coverage.csv',
        name: 'Coverage by borough and quarter',
        description: 'One row per borough per quarter, 2020-Q1 to 2024-Q4.',
        build: fullFibreCsv,
      },
    ],
  }),
  demoDataset({
    slug: '5g-mobile-coverage',
    title: '5G mobile coverage by borough',
    organisation: 'gmca',
    summary:
      'Outdoor 5G coverage from at least one and from all four mobile network operators, and indoor 4G coverage, by borough and quarter.',
    details:
      'Coverage is the share of premises predicted to get a good signal. Figures are percentages.',
    tags: '5g, mobile, connectivity',
    themes: ['broadband'],
    update_frequency: 'quarterly',
    period: '2021-01-01/2024-12-31',
    spatial_coverage: BY_BOROUGH,
    contact: GMCA_DIGITAL,
    files: [
      {
        fileName: '5g-mobile-coverage.csv',
        name: '5G coverage by borough and quarter',
        description: 'Percentages of premises, 2021-Q1 to 2024-Q4.',
        build: fiveGCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'digital-skills-course-enrolments',
    title: 'Digital skills course enrolments',
    organisation: 'gmca',
    summary:
      'Monthly enrolments on and completions of funded digital skills courses, by borough and course level.',
    details:
      'Courses run from essential digital skills for people getting online for the first time to Level 3 Skills Bootcamps. `learners_aged_50_plus` counts enrolments by people aged 50 or over.',
    tags: 'digital skills, adult education, skills bootcamps',
    themes: ['digital-inclusion', 'economy'],
    update_frequency: 'monthly',
    period: '2023-04-01/2025-03-31',
    spatial_coverage: BY_BOROUGH,
    contact: GMCA_DIGITAL,
    files: [
      {
        fileName: 'digital-skills-enrolments.csv',
        name: 'Enrolments by month, borough and course',
        description: 'April 2023 to March 2025.',
        build: enrolmentsCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'manchester-public-wifi-sites',
    title: 'Free public wifi sites in Manchester',
    organisation: 'manchester-city-council',
    summary:
      'Locations where anyone can get online for free: libraries, community centres, parks and transport stops.',
    details:
      'Points in WGS 84. `access` says whether the wifi works around the clock or only when the venue is open.',
    tags: 'wifi, public access, libraries',
    themes: ['digital-inclusion'],
    update_frequency: 'irregular',
    spatial_coverage: 'Manchester',
    contact: 'Manchester digital inclusion team <getonline@manchester.example>',
    files: pointFiles({
      stem: 'public-wifi-sites',
      name: 'Wifi sites',
      noun: 'site',
      points: wifiSites,
    }),
  }),
  demoDataset({
    slug: 'device-and-data-donations',
    title: 'Device and data donations to digitally excluded residents (draft)',
    organisation: 'gmca',
    summary:
      'Laptops, tablets and SIM cards with free data given to residents who cannot get online, by borough and month.',
    details:
      'This dataset is a **draft**: it is not published, so only GMCA members and site administrators can see it. It shows how unpublished work looks in the catalogue.',
    tags: 'devices, data poverty, digital exclusion',
    themes: ['digital-inclusion'],
    state: 'draft',
    update_frequency: 'monthly',
    period: '2024-01-01/2024-12-31',
    spatial_coverage: BY_BOROUGH,
    contact: GMCA_DIGITAL,
    files: [
      {
        fileName: 'device-and-data-donations.csv',
        name: 'Donations by month and borough',
        description: 'Devices lent, SIM cards given and residents supported.',
        build: deviceDonationsCsv,
      },
    ],
  }),
];
