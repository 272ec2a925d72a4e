import { sql, type Kysely } from 'kysely';
import type { Database, QualitySnapshot } from '../../platform/db/schema.js';

// Scores summed per organisation, over public, active datasets only: an aggregate must not
// reveal drafts or private datasets (their count, or their broken links).

type Db = Kysely<Database>;

export interface OrganisationSummary {
  organisation_id: string;
  slug: string;
  name: string;
  datasets: number;
  stars_sum: number;
  total_sum: number;
  findability_sum: number;
  accessibility_sum: number;
  interoperability_sum: number;
  reusability_sum: number;
  contextuality_sum: number;
  broken_links: number;
  stale: number;
}

const publicScores = (db: Db) =>
  db
    .selectFrom('quality_scores as q')
    .innerJoin('datasets as d', 'd.id', 'q.dataset_id')
    .where('d.state', '=', 'active')
    .where('d.visibility', '=', 'public');

/** Per organisation with at least one scored public dataset; `now` decides what is stale. */
export async function organisationSummaries(
  db: Db,
  now: string,
  organisationId?: string,
): Promise<OrganisationSummary[]> {
  let query = publicScores(db)
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
    .select((eb) => [
      'o.id as organisation_id',
      'o.slug',
      'o.name',
      eb.fn.countAll<number | string>().as('datasets'),
      eb.fn.sum<number | string>('q.stars').as('stars_sum'),
      eb.fn.sum<number | string>('q.total').as('total_sum'),
      eb.fn.sum<number | string>('q.findability').as('findability_sum'),
      eb.fn.sum<number | string>('q.accessibility').as('accessibility_sum'),
      eb.fn.sum<number | string>('q.interoperability').as('interoperability_sum'),
      eb.fn.sum<number | string>('q.reusability').as('reusability_sum'),
      eb.fn.sum<number | string>('q.contextuality').as('contextuality_sum'),
      eb.fn.sum<number | string>('q.broken_links').as('broken_links'),
      sql<number | string>`sum(case when q.due_by < ${now} then 1 else 0 end)`.as('stale'),
    ])
    .groupBy(['o.id', 'o.slug', 'o.name']);
  if (organisationId) query = query.where('o.id', '=', organisationId);
  const rows = await query.execute();
  // PostgreSQL answers sums and counts as text (bigint): numbers here, once.
  return rows.map((r) => ({
    organisation_id: r.organisation_id,
    slug: r.slug,
    name: r.name,
    datasets: Number(r.datasets),
    stars_sum: Number(r.stars_sum),
    total_sum: Number(r.total_sum),
    findability_sum: Number(r.findability_sum),
    accessibility_sum: Number(r.accessibility_sum),
    interoperability_sum: Number(r.interoperability_sum),
    reusability_sum: Number(r.reusability_sum),
    contextuality_sum: Number(r.contextuality_sum),
    broken_links: Number(r.broken_links),
    stale: Number(r.stale),
  }));
}

/** Whether any organisation has a snapshot of `day` (YYYY-MM-DD). */
export async function hasSnapshotOn(db: Db, day: string): Promise<boolean> {
  const row = await db
    .selectFrom('quality_snapshots')
    .select('day')
    .where('day', '=', day)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function saveSnapshot(db: Db, row: QualitySnapshot): Promise<void> {
  const rest: Partial<QualitySnapshot> = { ...row };
  delete rest.organisation_id;
  delete rest.day;
  await db
    .insertInto('quality_snapshots')
    .values(row)
    .onConflict((oc) => oc.columns(['organisation_id', 'day']).doUpdateSet(rest))
    .execute();
}

/** The organisation's daily snapshots, oldest first, the last `days` of them. */
export async function snapshotsOf(db: Db, organisationId: string, days: number) {
  const rows = await db
    .selectFrom('quality_snapshots')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('day', 'desc')
    .limit(days)
    .execute();
  return rows.reverse();
}

/** Public datasets' resources whose last check failed. */
export const brokenLinksOf = (db: Db, organisationId: string) =>
  publicScores(db)
    .innerJoin('resources as r', 'r.dataset_id', 'd.id')
    .innerJoin('link_checks as l', 'l.resource_id', 'r.id')
    .select([
      'd.slug as dataset_slug',
      'd.title as dataset_title',
      'r.id as resource_id',
      'r.name as resource_name',
      'l.url',
      'l.status',
      'l.error',
      'l.checked_at',
    ])
    .where('d.organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('l.status', 'is', null), eb('l.status', '>=', 400)]))
    .orderBy('d.title')
    .orderBy('r.name')
    .execute();

/** Public datasets past their update frequency, the longest overdue first. */
export const staleOf = (db: Db, organisationId: string, now: string) =>
  publicScores(db)
    .select(['d.slug', 'd.title', 'd.update_frequency', 'd.modified_at', 'q.due_by'])
    .where('d.organisation_id', '=', organisationId)
    .where('q.due_by', '<', now)
    .orderBy('q.due_by')
    .orderBy('d.slug')
    .execute();

/** The organisation's public datasets with their scores, the weakest first (a page of them). */
export const datasetScoresOf = (db: Db, organisationId: string, limit: number, offset: number) =>
  publicScores(db)
    .select(['d.slug', 'd.title', 'q.stars', 'q.total', 'q.rating', 'q.broken_links'])
    .where('d.organisation_id', '=', organisationId)
    .orderBy('q.total')
    .orderBy('d.slug')
    .limit(limit)
    .offset(offset)
    .execute();
