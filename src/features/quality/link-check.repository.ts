import type { Kysely } from 'kysely';
import type { Database, LinkCheck } from '../../platform/db/schema.js';

// The last check of each resource's link.

type Db = Kysely<Database>;

export interface LinkToCheck {
  resource_id: string;
  dataset_id: string;
  url: string;
}

const linkColumns = ['r.id as resource_id', 'r.dataset_id', 'r.url'] as const;

const toLinks = (rows: { resource_id: string; dataset_id: string; url: string | null }[]) =>
  rows.flatMap((r) =>
    r.url ? [{ resource_id: r.resource_id, dataset_id: r.dataset_id, url: r.url }] : [],
  );

/**
 * Checked links whose interval counts from before `before` (re-checks asked for first, then
 * the oldest), of datasets not deleted: read through the index on `scheduled_from`, so only
 * the due ones are read.
 */
export async function staleLinks(db: Db, before: string, limit: number): Promise<LinkToCheck[]> {
  if (limit <= 0) return [];
  const rows = await db
    .selectFrom('link_checks as l')
    .innerJoin('resources as r', 'r.id', 'l.resource_id')
    .innerJoin('datasets as d', 'd.id', 'r.dataset_id')
    .select(linkColumns)
    .where('l.scheduled_from', '<', before)
    .where('d.state', '!=', 'deleted')
    .where('r.url', 'is not', null)
    .orderBy('l.scheduled_from')
    .limit(limit)
    .execute();
  return toLinks(rows);
}

/**
 * One step of the sweep over the resources, in id order after `after`: among the next `span`
 * resources, at most `limit` links never checked or changed since their check. `next` is where
 * the following step starts: after the last link taken when `limit` cut the step short, after
 * the span otherwise, and '' (the start again) past the last resource.
 */
export async function uncheckedLinksAfter(
  db: Db,
  after: string,
  span: number,
  limit: number,
): Promise<{ links: LinkToCheck[]; next: string }> {
  // The span's last id, from the primary key alone: the join below reads no further.
  const bound = await db
    .selectFrom('resources')
    .select('id')
    .where('id', '>', after)
    .orderBy('id')
    .limit(1)
    .offset(span - 1)
    .executeTakeFirst();
  let query = db
    .selectFrom('resources as r')
    .innerJoin('datasets as d', 'd.id', 'r.dataset_id')
    .leftJoin('link_checks as l', 'l.resource_id', 'r.id')
    .select(linkColumns)
    .where('r.id', '>', after)
    .where('d.state', '!=', 'deleted')
    .where('r.url', 'is not', null)
    .where((eb) => eb.or([eb('l.resource_id', 'is', null), eb('l.url', '!=', eb.ref('r.url'))]))
    .orderBy('r.id')
    .limit(limit);
  if (bound) query = query.where('r.id', '<=', bound.id);
  const links = toLinks(await query.execute());
  const last = links.at(-1);
  if (last && links.length >= limit) return { links, next: last.resource_id };
  return { links, next: bound?.id ?? '' };
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

/** Before any check: a re-check's interval counts from here, so the next pass takes it first. */
export const RECHECK_NOW = '1970-01-01T00:00:00.000Z';

/** Makes these resources' checks due at once (their last results stand until then). */
export async function recheckSoon(db: Db, resourceIds: readonly string[]): Promise<void> {
  if (resourceIds.length === 0) return;
  await db
    .updateTable('link_checks')
    .set({ scheduled_from: RECHECK_NOW })
    .where('resource_id', 'in', [...resourceIds])
    .execute();
}
