import type { AppContext } from '../../context.js';
import { invalidParameter, notFound } from '../../platform/errors.js';
import type { PostcodeRecord, PostcodeSource } from './postcode-layouts.js';
import { normalisePostcode } from './postcode.js';
import { countPostcodes, findPostcodeRow } from './postcode.repository.js';

/** A postcode as the directory holds it: the same record an import writes. */
export type Postcode = PostcodeRecord;

/** A postcode from the directory, typed in any spacing or case. */
export async function lookupPostcode(ctx: AppContext, input: string): Promise<Postcode> {
  const key = normalisePostcode(input);
  if (!key) {
    throw invalidParameter('postcode', `"${input.slice(0, 40)}" is not shaped like a UK postcode`);
  }
  const row = await findPostcodeRow(ctx.db.kysely, key);
  if (!row) throw notFound(`The postcode ${key}`);
  return {
    postcode: row.postcode,
    latitude: row.latitude,
    longitude: row.longitude,
    local_authority_code: row.local_authority_code,
    ward_code: row.ward_code,
    terminated: row.terminated === 1,
    source: row.source as PostcodeSource,
  };
}

/** How many postcodes the directory holds (0 until one is imported or the demo seeds one). */
export const postcodeCount = (ctx: AppContext): Promise<number> => countPostcodes(ctx.db.kysely);
