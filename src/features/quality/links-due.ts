import type { Kysely } from 'kysely';
import { findMetaValue, setMetaValue } from '../../platform/db/meta.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { staleLinks, uncheckedLinksAfter, type LinkToCheck } from './link-check.repository.js';

// Which links a pass checks, without reading every resource (a pass once joined all of them,
// 100,000 rows every 10 minutes): checked links come due through the index on their
// `scheduled_from`; links never checked, or changed since their check, are found by a sweep
// over the resources in id order, SWEEP_SPAN a pass, its place kept in `meta`, so every
// resource is looked at once every (resources / SWEEP_SPAN) passes.

/** Resources the sweep looks at per pass. */
export const SWEEP_SPAN = 5_000;
/** The `meta` key holding the last resource id the sweep looked at ('' for the start). */
const SWEPT_KEY = 'quality_links_swept_to';

/**
 * Up to `limit` links due: those due again (checked before `before`, or asked to be re-checked)
 * and those the sweep finds new or changed, each kind at least half the room when both fill it.
 */
export async function linksDue(
  db: Kysely<Database>,
  before: string,
  limit: number,
  span = SWEEP_SPAN,
): Promise<LinkToCheck[]> {
  const stale = await staleLinks(db, before, limit);
  const room = limit - Math.min(stale.length, Math.floor(limit / 2));
  const after = (await findMetaValue(db, SWEPT_KEY)) ?? '';
  const swept = await uncheckedLinksAfter(db, after, span, room);
  await setMetaValue(db, SWEPT_KEY, swept.next);
  // A changed link that is also due again is in both: checked once.
  const byResource = new Map(swept.links.map((l) => [l.resource_id, l]));
  for (const link of stale) {
    if (byResource.size >= limit) break;
    byResource.set(link.resource_id, link);
  }
  return [...byResource.values()];
}
