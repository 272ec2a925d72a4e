import { synthetic, type DemoDataset } from './files.js';
import { GREEN_SPACE_COUNT, tamesideGreenSpacesGeoJson } from './generators-council-green.js';
import {
  carParkOccupancyCsv,
  carParksGeoJson,
  gritBinsCsv,
  gritBinsGeoJson,
  traffordFoodHygieneCsv,
} from './generators-council-places.js';

export const COUNCIL_PLACE_DATASETS: DemoDataset[] = [
  {
    meta: {
      slug: 'rochdale-grit-bins',
      title: 'Grit bins in Rochdale',
      organisation: 'rochdale-borough-council',
      description: synthetic(
        'Where the council keeps grit (rock salt) bins for residents to treat icy pavements and side roads that the gritters do not reach.',
        'Bins are refilled from October, before the winter season. `reason` says why a bin is there: most are on steep hills and at junctions. Report an empty or damaged bin as a service request. Points in WGS 84.',
      ),
      tags: ['gritting', 'winter', 'grit bins', 'highways'],
      themes: ['transport', 'community-safety'],
      update_frequency: 'annual',
      temporal_coverage: { start: '2024-10-01', end: '2025-03-31' },
      spatial_coverage: 'Rochdale',
      contact: { name: 'Rochdale highways team', email: 'highways@rochdale.example' },
    },
    files: [
      {
        fileName: 'rochdale-grit-bins.csv',
        name: 'Grit bins (CSV)',
        format: 'CSV',
        description: 'One row per bin with latitude and longitude.',
        build: gritBinsCsv,
      },
      {
        fileName: 'rochdale-grit-bins.geojson',
        name: 'Grit bins (GeoJSON)',
        format: 'GeoJSON',
        description: 'The same bins as points for maps.',
        build: gritBinsGeoJson,
      },
    ],
  },
  {
    meta: {
      slug: 'stockport-car-park-occupancy',
      title: 'Council car park occupancy in Stockport',
      organisation: 'stockport-council',
      description: synthetic(
        'How full the twelve council car parks were at their busiest each day of 2024, with tickets sold and income.',
        'Town centre car parks fill on Saturdays and in the run-up to Christmas; station car parks on weekdays. `peak_hour` is the hour the car park was fullest. Car parks are closed on Christmas Day.',
      ),
      tags: ['parking', 'car parks', 'town centres'],
      themes: ['transport', 'economy'],
      update_frequency: 'daily',
      temporal_coverage: { start: '2024-01-01', end: '2024-12-31' },
      spatial_coverage: 'Stockport',
      contact: { name: 'Stockport parking services', email: 'parking@stockport.example' },
    },
    files: [
      {
        fileName: 'stockport-car-park-occupancy-2024.csv',
        name: 'Daily peak occupancy, 2024',
        format: 'CSV',
        description: 'One row per car park per day.',
        build: carParkOccupancyCsv,
      },
      {
        fileName: 'stockport-car-parks.geojson',
        name: 'Car parks',
        format: 'GeoJSON',
        description:
          'Locations, spaces, accessible and EV charging bays, opening hours and tariffs.',
        build: carParksGeoJson,
      },
    ],
  },
  {
    meta: {
      slug: 'tameside-parks-and-green-spaces',
      title: 'Parks and green spaces in Tameside',
      organisation: 'tameside-council',
      description: synthetic(
        `Outlines of ${GREEN_SPACE_COUNT} parks, recreation grounds, nature reserves, playing fields, cemeteries, allotments and woods the council looks after.`,
        'The outlines are rough shapes of about the right size, not surveyed boundaries. `green_flag_award` marks parks holding the national award for well-managed green space; `friends_group` marks sites with a volunteer group.',
      ),
      tags: ['parks', 'green space', 'allotments', 'nature'],
      themes: ['environment', 'health'],
      update_frequency: 'annual',
      spatial_coverage: 'Tameside',
      contact: { name: 'Tameside green spaces team', email: 'greenspace@tameside.example' },
    },
    files: [
      {
        fileName: 'tameside-green-spaces.geojson',
        name: 'Green spaces',
        format: 'GeoJSON',
        description: 'One polygon per site, with its type and area in hectares.',
        build: tamesideGreenSpacesGeoJson,
      },
    ],
  },
  {
    meta: {
      slug: 'trafford-food-hygiene-ratings',
      title: 'Food hygiene ratings summary for Trafford',
      organisation: 'trafford-council',
      description: synthetic(
        'How many food businesses in each part of Trafford hold each food hygiene rating, from 5 (very good) to 0 (urgent improvement necessary), by type of business, each March.',
        'Ratings follow the Food Hygiene Rating Scheme run with the Food Standards Agency. New businesses wait for their first inspection before they are rated.',
      ),
      tags: ['food hygiene', 'food safety', 'inspections', 'businesses'],
      themes: ['health'],
      update_frequency: 'annual',
      temporal_coverage: { start: '2023-03-31', end: '2025-03-31' },
      spatial_coverage: 'Trafford, by town',
      contact: { name: 'Trafford food safety team', email: 'foodsafety@trafford.example' },
    },
    files: [
      {
        fileName: 'trafford-food-hygiene-ratings.csv',
        name: 'Ratings by year, town and business type',
        format: 'CSV',
        description: 'March 2023, 2024 and 2025.',
        build: traffordFoodHygieneCsv,
      },
    ],
  },
];
