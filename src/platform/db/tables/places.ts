import type { Insertable, Selectable } from 'kysely';

// The postcode directory the operator imports (ONSPD or Code-Point Open), or the demo's
// synthetic one.

export interface PostcodeTable {
  /** Normalised: upper case, one space before the inward code ("M1 1AE"). */
  postcode: string;
  latitude: number;
  longitude: number;
  local_authority_code: string | null;
  ward_code: string | null;
  /** 0/1 */
  terminated: number;
  source: string;
}

export type PostcodeRow = Selectable<PostcodeTable>;
export type NewPostcodeRow = Insertable<PostcodeTable>;
