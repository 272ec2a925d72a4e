import type { DemoDataset } from './files.js';
import { BY_BOROUGH, demoDataset, GMCA_RESEARCH } from './demo-dataset.js';
import {
  businessCountsCsv,
  claimantCsv,
  crimeCsv,
  lifeExpectancyCsv,
} from './generators-people.js';
import { populationCsv } from './generators-population.js';

export const PEOPLE_DATASETS: DemoDataset[] = [
  demoDataset({
    slug: 'recorded-crime-by-borough',
    title: 'Police recorded crime by borough and month',
    organisation: 'greater-manchester-police',
    summary: 'Crimes recorded by the police each month in each borough, by offence group.',
    details:
      'Offence groups follow the Home Office counting rules. Figures exclude fraud, which is recorded nationally.',
    tags: 'crime, policing, community safety',
    themes: ['community-safety'],
    update_frequency: 'monthly',
    period: '2023-01-01/2024-12-31',
    spatial_coverage: BY_BOROUGH,
    contact: 'GMP Performance and Insight <insight@gmp.example>',
    files: [
      {
        fileName: 'recorded-crime.csv',
        name: 'Offences by borough, month and offence group',
        description: 'January 2023 to December 2024.',
        build: crimeCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'claimant-count',
    title: 'Claimant count by borough and age',
    organisation: 'gmca',
    summary:
      'People claiming unemployment-related benefits each month, by borough and age group, with the rate as a share of residents of that age.',
    details:
      'The claimant count includes Jobseeker\u2019s Allowance and Universal Credit claimants who are required to seek work.',
    tags: 'unemployment, labour market, universal credit',
    themes: ['economy'],
    update_frequency: 'monthly',
    period: '2022-01-01/2024-12-31',
    spatial_coverage: BY_BOROUGH,
    contact: GMCA_RESEARCH,
    files: [
      {
        fileName: 'claimant-count.csv',
        name: 'Claimants by month, borough and age',
        description: 'January 2022 to December 2024.',
        build: claimantCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'business-counts',
    title: 'Businesses by borough and size',
    organisation: 'gmca',
    summary:
      'VAT or PAYE registered enterprises in each borough each March, by number of employees.',
    details: 'Modelled on the shape of the ONS UK Business Counts.',
    tags: 'businesses, enterprises, business demography',
    themes: ['economy'],
    update_frequency: 'annual',
    period: '2019-03-01/2024-03-31',
    spatial_coverage: BY_BOROUGH,
    contact: GMCA_RESEARCH,
    licence: 'OGL-UK-3.0',
    files: [
      {
        fileName: 'business-counts.csv',
        name: 'Enterprises by year, borough and size band',
        description: '2019 to 2024.',
        build: businessCountsCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'life-expectancy-by-borough',
    title: 'Life expectancy and healthy life expectancy',
    organisation: 'nhs-greater-manchester',
    summary:
      'Life expectancy and healthy life expectancy at birth, by borough and sex, over rolling three-year periods.',
    details:
      'Healthy life expectancy is the number of years a newborn could expect to live in good health. The gap between the most and least deprived boroughs is one of the targets of the integrated care strategy.',
    tags: 'life expectancy, health inequalities, public health',
    themes: ['health', 'population'],
    update_frequency: 'annual',
    period: '2016-01-01/2022-12-31',
    spatial_coverage: BY_BOROUGH,
    contact: 'NHS GM population health <populationhealth@nhsgm.example>',
    licence: 'CC-BY-4.0',
    files: [
      {
        fileName: 'life-expectancy.csv',
        name: 'Life expectancy by period, borough and sex',
        description: 'Five rolling periods, 2016-2018 to 2020-2022.',
        build: lifeExpectancyCsv,
      },
    ],
  }),
  demoDataset({
    slug: 'population-estimates',
    title: 'Mid-year population estimates by age and sex',
    organisation: 'gmca',
    summary: 'Residents of each borough on 30 June each year, by sex and five-year age band.',
    details:
      'Modelled on the shape of the ONS mid-year estimates. Manchester and Salford have many more young adults than the other boroughs because of their universities.',
    tags: 'population, demography, age',
    themes: ['population'],
    update_frequency: 'annual',
    period: '2018-06-30/2023-06-30',
    spatial_coverage: BY_BOROUGH,
    contact: GMCA_RESEARCH,
    files: [
      {
        fileName: 'population-estimates.csv',
        name: 'Population by year, borough, sex and age',
        description: '2018 to 2023.',
        build: populationCsv,
      },
    ],
  }),
];
