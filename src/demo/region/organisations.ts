import type { OrganisationKind } from '../../platform/db/schema.js';
import { BOROUGHS, REGION } from './boroughs.js';

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  url: string;
  areaCode: string;
  /** Whose approximate boundary the organisation gets: the whole region or one borough. */
  area: { type: 'region' } | { type: 'borough'; index: number };
}

const SYNTHETIC_NOTE =
  '\n\n**Demo:** every dataset published here under this name is SYNTHETIC demo data, generated ' +
  'by Metrodata to show how the platform works. It is not official data from this organisation.';

const regionWide = (
  slug: string,
  name: string,
  kind: OrganisationKind,
  url: string,
  areaCode: string,
  about: string,
): DemoOrganisation => ({
  slug,
  name,
  kind,
  url,
  areaCode,
  description: about + SYNTHETIC_NOTE,
  area: { type: 'region' },
});

// Area codes: E47000001 is the combined authority area (TfGM serves the same area),
// E23000005 the Greater Manchester police force area, E54000057 the NHS Greater Manchester
// integrated care board.
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  regionWide(
    'gmca',
    'Greater Manchester Combined Authority',
    'combined-authority',
    'https://www.greatermanchester-ca.gov.uk',
    REGION.code,
    'The combined authority of the ten Greater Manchester councils, led by the Mayor of Greater ' +
      'Manchester: strategy, digital, skills, housing, the environment and research.',
  ),
  regionWide(
    'tfgm',
    'Transport for Greater Manchester',
    'transport',
    'https://tfgm.com',
    REGION.code,
    'The transport body that runs the Bee Network: buses, Metrolink trams, active travel and ' +
      'the key road network.',
  ),
  ...BOROUGHS.map((b, index): DemoOrganisation => ({
    slug: b.orgSlug,
    name: b.orgName,
    kind: 'council',
    url: b.url,
    areaCode: b.code,
    description:
      `The metropolitan borough council for ${b.name}, one of the ten councils of Greater ` +
      `Manchester.${SYNTHETIC_NOTE}`,
    area: { type: 'borough', index },
  })),
  regionWide(
    'greater-manchester-police',
    'Greater Manchester Police',
    'police',
    'https://www.gmp.police.uk',
    'E23000005',
    'The police force for the ten boroughs of Greater Manchester.',
  ),
  regionWide(
    'nhs-greater-manchester',
    'NHS Greater Manchester',
    'health',
    'https://gmintegratedcare.org.uk',
    'E54000057',
    'The integrated care board that plans and pays for NHS services across Greater Manchester.',
  ),
];
