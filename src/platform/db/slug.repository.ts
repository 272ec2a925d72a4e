import type { Kysely } from 'kysely';
import { validationFailed } from '../errors.js';
import type { Database } from './schema.js';

/** The tables whose rows get a unique slug when they are made, never to be reused. */
type Slugged = 'datasets' | 'promises' | 'challenges';

/** Whether a row of `table` has this slug, whatever its state. */
export async function slugTaken(
  db: Kysely<Database>,
  table: Slugged,
  slug: string,
): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

/**
 * The slug of a new row: the one asked for, refused when taken; else `base` (made from its
 * title), numbered -2, -3… past the ones taken.
 */
export async function newSlug(
  db: Kysely<Database>,
  table: Slugged,
  asked: string | undefined,
  base: string,
): Promise<string> {
  if (asked !== undefined) {
    if (await slugTaken(db, table, asked)) {
      throw validationFailed([{ field: 'slug', message: `${asked} is already taken` }]);
    }
    return asked;
  }
  // Candidates are asked a batch at a time: a harvest of datasets named alike probed one query
  // per number taken.
  for (let first = 1; ; first += PROBE) {
    const candidates = Array.from({ length: PROBE }, (_, i) =>
      first + i === 1 ? base : `${base}-${String(first + i)}`,
    );
    const taken = await db
      .selectFrom(table)
      .select('slug')
      .where('slug', 'in', candidates)
      .execute();
    const used = new Set(taken.map((r) => r.slug));
    const free = candidates.find((c) => !used.has(c));
    if (free !== undefined) return free;
  }
}

/** Numbered slugs asked for in one query. */
const PROBE = 16;
