import type { AppContext } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { PostcodeRecord } from './postcode-layouts.js';
import { countPostcodes, upsertPostcodes } from './postcode.repository.js';

const BATCH = 1000;

/**
 * Adds postcodes given as records (the demo's synthetic table), only into an empty directory:
 * a real directory an operator imported is never mixed with made-up rows. Returns how many it
 * added.
 */
export function seedPostcodes(
  ctx: AppContext,
  records: readonly PostcodeRecord[],
): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    if ((await countPostcodes(tx.db.kysely)) > 0) return 0;
    for (let i = 0; i < records.length; i += BATCH) {
      await upsertPostcodes(
        tx.db.kysely,
        records.slice(i, i + BATCH).map((r) => ({ ...r, terminated: r.terminated ? 1 : 0 })),
      );
    }
    return records.length;
  });
}
