import type { OrganisationCreateInput } from '../../src/features/organisations/organisation.schemas.js';

export interface BenchOrganisation extends OrganisationCreateInput {
  /** The place a council's datasets cover, used in titles and spatial coverage. */
  area: string;
  /** Themes it publishes most; councils publish a bit of everything. */
  themes: readonly string[];
}

const BOROUGHS = [
  'Calderbridge',
  'Ashworth',
  'Millbrook',
  'Holmefield',
  'Stanmoor',
  'Rydale',
  'Kirkby Vale',
  'Oldcastle',
] as const;

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** A fictional city region: a combined authority, eight boroughs and four public bodies. */
export const ORGANISATIONS: readonly BenchOrganisation[] = [
  {
    slug: 'greater-calder-combined-authority',
    name: 'Greater Calder Combined Authority',
    kind: 'combined-authority',
    area: 'Greater Calder',
    themes: ['economy', 'broadband', 'digital-inclusion', 'housing', 'environment', 'population'],
  },
  ...BOROUGHS.map((area): BenchOrganisation => ({
    slug: `${slug(area)}-council`,
    name: `${area} Council`,
    kind: 'council',
    area,
    themes: [],
  })),
  {
    slug: 'transport-for-greater-calder',
    name: 'Transport for Greater Calder',
    kind: 'transport',
    area: 'Greater Calder',
    themes: ['transport', 'environment'],
  },
  {
    slug: 'greater-calder-police',
    name: 'Greater Calder Police',
    kind: 'police',
    area: 'Greater Calder',
    themes: ['community-safety'],
  },
  {
    slug: 'calder-integrated-care-board',
    name: 'NHS Calder Integrated Care Board',
    kind: 'health',
    area: 'Greater Calder',
    themes: ['health', 'population'],
  },
  {
    slug: 'calder-fire-and-rescue',
    name: 'Calder Fire and Rescue Service',
    kind: 'other',
    area: 'Greater Calder',
    themes: ['community-safety', 'environment'],
  },
];

export const AREAS: readonly string[] = ['Greater Calder', ...BOROUGHS];
