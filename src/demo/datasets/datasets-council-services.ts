import type { DemoDataset } from './files.js';
import { demoDataset } from './demo-dataset.js';
import {
  buryCouncilTaxBandsCsv,
  manchesterSpendingCsv,
  SPENDING_ROWS,
} from './generators-council-finance.js';
import {
  boltonStreetLightingFaultsCsv,
  buryPlanningApplicationsGeoJson,
  PLANNING_APPLICATION_ROWS,
  STREET_LIGHT_FAULT_ROWS,
} from './generators-council-services.js';

const count = (n: number) => n.toLocaleString('en-GB');

export const COUNCIL_SERVICE_DATASETS: DemoDataset[] = [
  demoDataset({
    slug: 'bolton-street-lighting-faults',
    title: 'Street lighting faults in Bolton',
    organisation: 'bolton-council',
    summary: `${count(STREET_LIGHT_FAULT_ROWS)} street light faults reported to the council in 2024, with the column, the fault, who repaired it and how long it took.`,
    details:
      'Emergencies (a damaged column or exposed wires) are made safe within a day. Faults in the electricity supply are repaired by the network operator and take longest. `status` is as of 6 January 2025. Locations are points in WGS 84.',
    tags: 'street lighting, faults, highways, repairs',
    themes: ['service-requests', 'community-safety'],
    update_frequency: 'weekly',
    period: '2024-01-01/2024-12-31',
    spatial_coverage: 'Bolton',
    contact: 'Bolton street lighting team <streetlighting@bolton.example>',
    files: [
      {
        fileName: 'bolton-street-lighting-faults-2024.csv',
        name: 'Street lighting faults, 2024',
        description: 'One row per fault, oldest first, with latitude and longitude.',
        build: boltonStreetLightingFaultsCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'bury-planning-applications',
    title: 'Planning applications in Bury, 2024',
    organisation: 'bury-council',
    summary: `${count(PLANNING_APPLICATION_ROWS)} planning applications received in 2024: extensions, new homes, changes of use, adverts and works to protected trees, with the decision where one has been made.`,
    details:
      'Decisions are due within 8 weeks, or 13 weeks for major schemes (10 homes or more). `new_dwellings` counts the homes a scheme would add. Status is as of 6 January 2025. Addresses are invented.',
    tags: 'planning, planning applications, development, new homes',
    themes: ['housing'],
    update_frequency: 'weekly',
    period: '2024-01-01/2024-12-31',
    spatial_coverage: 'Bury',
    contact: 'Bury development management <planning@bury.example>',
    files: [
      {
        fileName: 'bury-planning-applications-2024.geojson',
        name: 'Planning applications, 2024',
        description: 'One point per application site.',
        build: buryPlanningApplicationsGeoJson,
      },
    ],
  }),
  demoDataset({
    slug: 'bury-council-tax-bands',
    title: 'Dwellings by council tax band in Bury',
    organisation: 'bury-council',
    summary:
      'Homes in each council tax valuation band (A to H) in each part of the borough, with the annual charge for each band, for five financial years.',
    details:
      'Each band pays a fixed share of Band D (Band A pays 6/9, Band H 18/9). `band_d_equivalents` is the tax base the council sets its budget on. Charges are before discounts and exemptions.',
    tags: 'council tax, valuation bands, dwellings, tax base',
    themes: ['housing', 'economy'],
    update_frequency: 'annual',
    period: '2020-04-01/2025-03-31',
    spatial_coverage: 'Bury, by town',
    contact: 'Bury revenues team <counciltax@bury.example>',
    files: [
      {
        fileName: 'bury-council-tax-bands.csv',
        name: 'Dwellings by year, town and band',
        description: '2020-21 to 2024-25.',
        build: buryCouncilTaxBandsCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'manchester-spending-over-500',
    title: 'Manchester City Council spending over £500 (sample)',
    organisation: 'manchester-city-council',
    summary: `A sample of ${count(SPENDING_ROWS)} payments of more than £500 made to suppliers in 2024-25, in the shape the Local Government Transparency Code asks councils to publish.`,
    details:
      'Supplier names are invented. Payments to individuals (for example personal care budgets) are redacted to protect their privacy. Amounts are in pounds, excluding recoverable VAT.',
    tags: 'spending, transparency, suppliers, procurement',
    themes: ['economy'],
    update_frequency: 'monthly',
    period: '2024-04-01/2025-03-31',
    spatial_coverage: 'Manchester',
    contact: 'Manchester transparency team <transparency@manchester.example>',
    files: [
      {
        fileName: 'manchester-spending-over-500-2024-25.csv',
        name: 'Payments over £500, 2024-25',
        description: 'One row per payment, oldest first.',
        build: manchesterSpendingCsv,
      },
    ],
  }),
];
