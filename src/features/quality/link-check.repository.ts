import type { Kysely } from 'kysely';
import type { Database, LinkCheck } from '../../platform/db/schema.js';

// The last check of each resource's link.

type Db = Kysely<Database>;

export interface LinkToCheck {
  resource_id: string;
  dataset_id: string;
  url: string;
}

/**
 * Links (of resources of datasets not deleted) never checked, checked before `before`, or
 * changed since their check; the oldest first.
 */
export async function linksDue(db: Db, before: string, limit: number): Promise<LinkToCheck[]> {
  const rows = await db
    .selectFrom('resources as r')
    .innerJoin('datasets as d', 'd.id', 'r.dataset_id')
    .leftJoin('link_checks as l', 'l.resource_id', 'r.id')
    .select(['r.id as resource_id', 'r.dataset_id', 'r.url'])
    .where('d.state', '!=', 'deleted')
    .where('r.url', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('l.checked_at', 'is', null),
        eb('l.checked_at', '<', before),
        eb('l.url', '!=', eb.ref('r.url')),
      ]),
    )
    .orderBy('l.checked_at')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.flatMap((r) =>
    r.url ? [{ resource_id: r.resource_id, dataset_id: r.dataset_id, url: r.url }] : [],
  );
}

export async function saveLinkCheck(db: Db, row: LinkCheck): Promise<void> {
  const rest: Partial<LinkCheck> = { ...row };
  delete rest.resource_id;
  await db
    .insertInto('link_checks')
    .values(row)
    .onConflict((oc) => oc.column('resource_id').doUpdateSet(rest))
    .execute();
}

export const linkChecksOf = (db: Db, resourceIds: readonly string[]): Promise<LinkCheck[]> =>
  resourceIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('link_checks')
        .selectAll()
        .where('resource_id', 'in', [...resourceIds])
        .execute();

/** Forgets the checks of these resources, so the next pass checks them again. */
export async function forgetLinkChecks(db: Db, resourceIds: readonly string[]): Promise<void> {
  if (resourceIds.length === 0) return;
  await db
    .deleteFrom('link_checks')
    .where('resource_id', 'in', [...resourceIds])
    .execute();
}
