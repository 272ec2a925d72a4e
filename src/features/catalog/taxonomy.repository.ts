import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { ReadableScope } from '../accounts/index.js';
import { visibleDatasets } from './dataset.repository.js';

export async function themeTitles(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('themes').select(['slug', 'title']).execute();
  return new Map(rows.map((r) => [r.slug, r.title]));
}

/** Every theme with how many datasets the scope can see in it. */
export async function listThemesWithCounts(db: Kysely<Database>, scope: ReadableScope) {
  const counts = visibleDatasets(db, scope)
    .innerJoin('dataset_themes as t', 't.dataset_id', 'd.id')
    .select(['t.theme', sql<number>`count(*)`.as('n')])
    .groupBy('t.theme')
    .as('c');
  const rows = await db
    .selectFrom('themes as th')
    .leftJoin(counts, 'c.theme', 'th.slug')
    .select(['th.slug', 'th.title', 'th.description'])
    .select((eb) => eb.fn.coalesce('c.n', eb.lit(0)).as('dataset_count'))
    .orderBy('th.title')
    .execute();
  return rows;
}

/** Tags in use on datasets the scope can see, most used first. */
export async function listTagsWithCounts(
  db: Kysely<Database>,
  scope: ReadableScope,
  limit: number,
  offset: number,
) {
  const rows = await tagCounts(db, scope)
    .orderBy('n', 'desc')
    .orderBy('t.tag')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ tag: r.tag, dataset_count: r.n }));
}

/** How many distinct tags the scope's datasets use. */
export async function countTags(db: Kysely<Database>, scope: ReadableScope): Promise<number> {
  const row = await db
    .selectFrom(tagCounts(db, scope).as('c'))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirst();
  return row?.total ?? 0;
}

const tagCounts = (db: Kysely<Database>, scope: ReadableScope) =>
  visibleDatasets(db, scope)
    .innerJoin('dataset_tags as t', 't.dataset_id', 'd.id')
    .select(['t.tag', sql<number>`count(*)`.as('n')])
    .groupBy('t.tag');
