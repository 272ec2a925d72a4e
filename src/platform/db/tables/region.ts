import type { Insertable, Selectable } from 'kysely';

// The one region the install serves, and the organisations that publish in it.

export interface RegionTable {
  id: string;
  slug: string;
  name: string;
  boundary: string | null;
  settings: string;
  created_at: string;
  updated_at: string;
}

export type OrganisationKind =
  'combined-authority' | 'council' | 'transport' | 'police' | 'health' | 'other';

export interface OrganisationTable {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  url: string | null;
  boundary: string | null;
  area_code: string | null;
  created_at: string;
  updated_at: string;
}

export type Region = Selectable<RegionTable>;
export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
