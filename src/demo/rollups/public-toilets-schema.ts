import type { TableSchema } from '../../features/rollups/index.js';

// A Table Schema for public toilets following the main fields of the local open data standard
// "Public toilets" (England's local government data standards), written for the demo: not the
// official schema file, but its field names, types and categories.

const CATEGORIES = [
  'Female and male',
  'Unisex',
  'Male',
  'Female',
  'Male urinal',
  'Children only',
  'None',
];

export const PUBLIC_TOILETS_SCHEMA: TableSchema = {
  name: 'public-toilets',
  title: 'Public toilets (demo schema after the local open data standard)',
  fields: [
    { name: 'ExtractDate', type: 'date', constraints: { required: true } },
    { name: 'OrganisationURI', type: 'string', constraints: { required: true } },
    { name: 'OrganisationLabel', type: 'string', constraints: { required: true } },
    { name: 'ServiceTypeLabel', type: 'string' },
    { name: 'LocationText', type: 'string', constraints: { required: true } },
    { name: 'StreetAddress', type: 'string' },
    { name: 'Postcode', type: 'string' },
    { name: 'Latitude', type: 'number' },
    { name: 'Longitude', type: 'number' },
    { name: 'Category', type: 'string', constraints: { enum: CATEGORIES } },
    { name: 'AccessibleCategory', type: 'string', constraints: { enum: CATEGORIES } },
    { name: 'BabyChange', type: 'boolean' },
    { name: 'ChargeAmount', type: 'number' },
    { name: 'OpeningHours', type: 'string' },
  ],
};
