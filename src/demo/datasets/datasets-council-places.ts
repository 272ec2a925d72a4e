import type { DemoDataset } from './files.js';
import { demoDataset, pointFiles } from './demo-dataset.js';
import { GREEN_SPACE_COUNT, tamesideGreenSpacesGeoJson } from './generators-council-green.js';
import {
  carParkOccupancyCsv,
  carParksGeoJson,
  gritBins,
  traffordFoodHygieneCsv,
} from './generators-council-places.js';

export const COUNCIL_PLACE_DATASETS: DemoDataset[] = [
  demoDataset({
    slug: 'rochdale-grit-bins',
    title: 'Grit bins in Rochdale',
    organisation: 'rochdale-borough-council',
    summary:
      'Where the council keeps grit (rock salt) bins for residents to treat icy pavements and side roads that the gritters do not reach.',
    details:
      'Bins are refilled from October, before the winter season. `reason` says why a bin is there: most are on steep hills and at junctions. Report an empty or damaged bin as a service request. Points in WGS 84.',
    tags: 'gritting, winter, grit bins, highways',
    themes: ['transport', 'community-safety'],
    update_frequency: 'annual',
    period: '2024-10-01/2025-03-31',
    spatial_coverage: 'Rochdale',
    contact: 'Rochdale highways team <highways@rochdale.example>',
    files: pointFiles({
      stem: 'rochdale-grit-bins',
      name: 'Grit bins',
      noun: 'bin',
      points: gritBins,
    }),
  }),
  demoDataset({
    slug: 'stockport-car-park-occupancy',
    title: 'Council car park occupancy in Stockport',
    organisation: 'stockport-council',
    summary:
      'How full the twelve council car parks were at their busiest each day of 2024, with tickets sold and income.',
    details:
      'Town centre car parks fill on Saturdays and in the run-up to Christmas; station car parks on weekdays. `peak_hour` is the hour the car park was fullest. Car parks are closed on Christmas Day.',
    tags: 'parking, car parks, town centres',
    themes: ['transport', 'economy'],
    update_frequency: 'daily',
    period: '2024-01-01/2024-12-31',
    spatial_coverage: 'Stockport',
    contact: 'Stockport parking services <parking@stockport.example>',
    files: [
      {
        fileName: 'stockport-car-park-occupancy-2024.csv',
        name: 'Daily peak occupancy, 2024',
        description: 'One row per car park per day.',
        build: carParkOccupancyCsv,
      },
      {
        fileName: 'stockport-car-parks.geojson',
        name: 'Car parks',
        description:
          'Locations, spaces, accessible and EV charging bays, opening hours and tariffs.',
        build: carParksGeoJson,
      },
    ],
  }),
  demoDataset({
    slug: 'tameside-parks-and-green-spaces',
    title: 'Parks and green spaces in Tameside',
    organisation: 'tameside-council',
    summary: `Outlines of ${GREEN_SPACE_COUNT} parks, recreation grounds, nature reserves, playing fields, cemeteries, allotments and woods the council looks after.`,
    details:
      'The outlines are rough shapes of about the right size, not surveyed boundaries. `green_flag_award` marks parks holding the national award for well-managed green space; `friends_group` marks sites with a volunteer group.',
    tags: 'parks, green space, allotments, nature',
    themes: ['environment', 'health'],
    update_frequency: 'annual',
    spatial_coverage: 'Tameside',
    contact: 'Tameside green spaces team <greenspace@tameside.example>',
    files: [
      {
        fileName: 'tameside-green-spaces.geojson',
        name: 'Green spaces',
        description: 'One polygon per site, with its type and area in hectares.',
        build: tamesideGreenSpacesGeoJson,
      },
    ],
  }),
  demoDataset({
    slug: 'trafford-food-hygiene-ratings',
    title: 'Food hygiene ratings summary for Trafford',
    organisation: 'trafford-council',
    summary:
      'How many food businesses in each part of Trafford hold each food hygiene rating, from 5 (very good) to 0 (urgent improvement necessary), by type of business, each March.',
    details:
      'Ratings follow the Food Hygiene Rating Scheme run with the Food Standards Agency. New businesses wait for their first inspection before they are rated.',
    tags: 'food hygiene, food safety, inspections, businesses',
    themes: ['health'],
    update_frequency: 'annual',
    period: '2023-03-31/2025-03-31',
    spatial_coverage: 'Trafford, by town',
    contact: 'Trafford food safety team <foodsafety@trafford.example>',
    files: [
      {
        fileName: 'trafford-food-hygiene-ratings.csv',
        name: 'Ratings by year, town and business type',
        description: 'March 2023, 2024 and 2025.',
        build: traffordFoodHygieneCsv,
      },
    ],
  }),
];
