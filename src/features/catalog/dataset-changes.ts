import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { readPrunedGeneration, readSearchGeneration } from './search-index.repository.js';

// The catalogue's change log (search_changes: each committed transaction's generation and the
// datasets it changed, kept for search), offered to features that keep something per dataset
// up to date, so they read what changed instead of scanning the whole catalogue.

/** The newest committed generation. */
export async function catalogueGeneration(db: Kysely<Database>): Promise<number> {
  return (await readSearchGeneration(db)) ?? 0;
}

export interface DatasetChanges {
  /** The datasets changed in the generations read (a dataset once). */
  ids: string[];
  /** The newest generation read: the next call starts after it. */
  upTo: number;
}

/**
 * The datasets changed after generation `after`, reading at most `span` generations; null when
 * the log no longer reaches back that far (pruned), so the caller must look at everything.
 * Changes of an organisation or a theme (no dataset) are not listed, nor are those derived
 * from the catalogue (ratings the quality scores computed: reading them as changes would score
 * every dataset twice).
 */
export async function datasetsChangedAfter(
  db: Kysely<Database>,
  after: number,
  span: number,
): Promise<DatasetChanges | null> {
  if (after < (await readPrunedGeneration(db))) return null;
  const upTo = Math.min(await catalogueGeneration(db), after + span);
  if (upTo <= after) return { ids: [], upTo: after };
  const rows = await db
    .selectFrom('search_changes')
    .select('dataset_id')
    .distinct()
    .where('generation', '>', after)
    .where('generation', '<=', upTo)
    .where('derived', '=', 0)
    .execute();
  // Pruned while this was read: what was read may lack some.
  if (after < (await readPrunedGeneration(db))) return null;
  return { ids: rows.flatMap((r) => (r.dataset_id ? [r.dataset_id] : [])), upTo };
}
