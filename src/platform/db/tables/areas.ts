import type { Insertable, Selectable } from 'kysely';

// Areas inside the region that no organisation publishes as: electoral wards.

export interface WardTable {
  id: string;
  code: string;
  name: string;
  organisation_id: string;
  /** GeoJSON Polygon or MultiPolygon, WGS 84. */
  boundary: string;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  created_at: string;
  updated_at: string;
}

export type Ward = Selectable<WardTable>;
export type NewWard = Insertable<WardTable>;
