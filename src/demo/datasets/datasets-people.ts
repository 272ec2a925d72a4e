import { synthetic, type DemoDataset } from './files.js';
import {
  businessCountsCsv,
  claimantCsv,
  crimeCsv,
  lifeExpectancyCsv,
} from './generators-people.js';
import { populationCsv } from './generators-population.js';
import { SERVICE_REQUEST_ROWS, serviceRequestsCsv } from './generators-requests.js';

const GMCA_RESEARCH = { name: 'GMCA Research team', email: 'research@gmca.example' };
const BY_BOROUGH = 'Greater Manchester, by borough';

export const PEOPLE_DATASETS: DemoDataset[] = [
  {
    meta: {
      slug: 'recorded-crime-by-borough',
      title: 'Police recorded crime by borough and month',
      organisation: 'greater-manchester-police',
      description: synthetic(
        'Crimes recorded by the police each month in each borough, by offence group.',
        'Offence groups follow the Home Office counting rules. Figures exclude fraud, which is recorded nationally.',
      ),
      tags: ['crime', 'policing', 'community safety'],
      themes: ['community-safety'],
      update_frequency: 'monthly',
      temporal_coverage: { start: '2023-01-01', end: '2024-12-31' },
      spatial_coverage: BY_BOROUGH,
      contact: { name: 'GMP Performance and Insight', email: 'insight@gmp.example' },
    },
    files: [
      {
        fileName: 'recorded-crime.csv',
        name: 'Offences by borough, month and offence group',
        format: 'CSV',
        description: 'January 2023 to December 2024.',
        build: crimeCsv,
      },
    ],
  },
  {
    meta: {
      slug: 'service-requests-sample',
      title: 'Service requests from residents (sample)',
      organisation: 'gmca',
      description: synthetic(
        `A sample of ${SERVICE_REQUEST_ROWS.toLocaleString('en-GB')} reports of street problems made by residents in 2024: potholes, fly-tipping, broken street lights and more, each routed to the council for the place it was reported.`,
        'Personal details are removed. `status` is as of 6 January 2025; `closed_at` is empty for requests still open. Locations are points in WGS 84.',
      ),
      tags: ['potholes', 'fly-tipping', 'street lights', 'reports'],
      themes: ['service-requests'],
      update_frequency: 'daily',
      temporal_coverage: { start: '2024-01-01', end: '2024-12-31' },
      spatial_coverage: 'Greater Manchester',
      contact: { name: 'GMCA Digital team', email: 'digital@gmca.example' },
    },
    files: [
      {
        fileName: 'service-requests-2024-sample.csv',
        name: 'Service requests, 2024 (sample)',
        format: 'CSV',
        description: 'One row per request, oldest first.',
        build: serviceRequestsCsv,
      },
    ],
  },
  {
    meta: {
      slug: 'claimant-count',
      title: 'Claimant count by borough and age',
      organisation: 'gmca',
      description: synthetic(
        'People claiming unemployment-related benefits each month, by borough and age group, with the rate as a share of residents of that age.',
        'The claimant count includes Jobseeker\u2019s Allowance and Universal Credit claimants who are required to seek work.',
      ),
      tags: ['unemployment', 'labour market', 'universal credit'],
      themes: ['economy'],
      update_frequency: 'monthly',
      temporal_coverage: { start: '2022-01-01', end: '2024-12-31' },
      spatial_coverage: BY_BOROUGH,
      contact: GMCA_RESEARCH,
    },
    files: [
      {
        fileName: 'claimant-count.csv',
        name: 'Claimants by month, borough and age',
        format: 'CSV',
        description: 'January 2022 to December 2024.',
        build: claimantCsv,
      },
    ],
  },
  {
    meta: {
      slug: 'business-counts',
      title: 'Businesses by borough and size',
      organisation: 'gmca',
      description: synthetic(
        'VAT or PAYE registered enterprises in each borough each March, by number of employees.',
        'Modelled on the shape of the ONS UK Business Counts.',
      ),
      tags: ['businesses', 'enterprises', 'business demography'],
      themes: ['economy'],
      update_frequency: 'annual',
      temporal_coverage: { start: '2019-03-01', end: '2024-03-31' },
      spatial_coverage: BY_BOROUGH,
      contact: GMCA_RESEARCH,
      licence: 'OGL-UK-3.0',
    },
    files: [
      {
        fileName: 'business-counts.csv',
        name: 'Enterprises by year, borough and size band',
        format: 'CSV',
        description: '2019 to 2024.',
        build: businessCountsCsv,
      },
    ],
  },
  {
    meta: {
      slug: 'life-expectancy-by-borough',
      title: 'Life expectancy and healthy life expectancy',
      organisation: 'nhs-greater-manchester',
      description: synthetic(
        'Life expectancy and healthy life expectancy at birth, by borough and sex, over rolling three-year periods.',
        'Healthy life expectancy is the number of years a newborn could expect to live in good health. The gap between the most and least deprived boroughs is one of the targets of the integrated care strategy.',
      ),
      tags: ['life expectancy', 'health inequalities', 'public health'],
      themes: ['health', 'population'],
      update_frequency: 'annual',
      temporal_coverage: { start: '2016-01-01', end: '2022-12-31' },
      spatial_coverage: BY_BOROUGH,
      contact: { name: 'NHS GM population health', email: 'populationhealth@nhsgm.example' },
      licence: 'CC-BY-4.0',
    },
    files: [
      {
        fileName: 'life-expectancy.csv',
        name: 'Life expectancy by period, borough and sex',
        format: 'CSV',
        description: 'Five rolling periods, 2016-2018 to 2020-2022.',
        build: lifeExpectancyCsv,
      },
    ],
  },
  {
    meta: {
      slug: 'population-estimates',
      title: 'Mid-year population estimates by age and sex',
      organisation: 'gmca',
      description: synthetic(
        'Residents of each borough on 30 June each year, by sex and five-year age band.',
        'Modelled on the shape of the ONS mid-year estimates. Manchester and Salford have many more young adults than the other boroughs because of their universities.',
      ),
      tags: ['population', 'demography', 'age'],
      themes: ['population'],
      update_frequency: 'annual',
      temporal_coverage: { start: '2018-06-30', end: '2023-06-30' },
      spatial_coverage: BY_BOROUGH,
      contact: GMCA_RESEARCH,
    },
    files: [
      {
        fileName: 'population-estimates.csv',
        name: 'Population by year, borough, sex and age',
        format: 'CSV',
        description: '2018 to 2023.',
        build: populationCsv,
      },
    ],
  },
];
