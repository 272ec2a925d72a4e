import { sql, type Kysely } from 'kysely';
import type {
  Database,
  Showcase,
  ShowcaseStatus,
  ShowcaseTable,
  ShowcaseType,
} from '../../platform/db/schema.js';

/** A dataset a showcase uses, as long as the public can see it. */
export interface ShowcaseDatasetRow {
  showcase_id: string;
  id: string;
  slug: string;
  title: string;
}

export interface ShowcaseFilter {
  statuses: readonly ShowcaseStatus[];
  type?: ShowcaseType | undefined;
  /** A dataset's slug. */
  dataset?: string | undefined;
  /** Words in the title or description. */
  q?: string | undefined;
  /** Unless null, only approved ones and those by this person (a site admin sees all). */
  visibleTo: { userId: string | null } | null;
  /** The moderation queue reads oldest first; lists, newest first. */
  oldestFirst?: boolean;
}

export const findShowcaseBySlug = (db: Kysely<Database>, slug: string) =>
  db.selectFrom('showcases').selectAll().where('slug', '=', slug).executeTakeFirst();

export const slugTaken = async (db: Kysely<Database>, slug: string) =>
  (await db.selectFrom('showcases').select('id').where('slug', '=', slug).executeTakeFirst()) !==
  undefined;

export async function insertShowcase(
  db: Kysely<Database>,
  row: ShowcaseTable,
  datasetIds: readonly string[],
): Promise<void> {
  await db.insertInto('showcases').values(row).execute();
  await replaceShowcaseDatasets(db, row.id, datasetIds);
}

export async function updateShowcase(
  db: Kysely<Database>,
  id: string,
  changes: Partial<ShowcaseTable>,
): Promise<void> {
  await db.updateTable('showcases').set(changes).where('id', '=', id).execute();
}

export async function deleteShowcaseRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('showcases').where('id', '=', id).execute();
}

function filtered(db: Kysely<Database>, f: ShowcaseFilter) {
  let q = db.selectFrom('showcases').where('status', 'in', [...f.statuses]);
  if (f.visibleTo) {
    const { userId } = f.visibleTo;
    q = q.where((eb) =>
      userId === null
        ? eb('status', '=', 'approved')
        : eb.or([eb('status', '=', 'approved'), eb('author_id', '=', userId)]),
    );
  }
  if (f.type) q = q.where('type', '=', f.type);
  if (f.dataset) {
    const slug = f.dataset;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('showcase_datasets as sd')
          .innerJoin('datasets as d', 'd.id', 'sd.dataset_id')
          .select('sd.showcase_id')
          .whereRef('sd.showcase_id', '=', 'showcases.id')
          .where('d.slug', '=', slug),
      ),
    );
  }
  for (const word of (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10)) {
    // LIKE's own wildcards in the words are matched as themselves.
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(showcases.title) like ${pattern} escape '\\'`,
        sql<boolean>`lower(showcases.description) like ${pattern} escape '\\'`,
      ]),
    );
  }
  return q;
}

/** A page of showcases matching the filter, newest first, and how many match in all. */
export async function listShowcaseRows(
  db: Kysely<Database>,
  f: ShowcaseFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: Showcase[] }> {
  const [count, rows] = await Promise.all([
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst(),
    filtered(db, f)
      .selectAll('showcases')
      .orderBy('created_at', f.oldestFirst ? 'asc' : 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
  ]);
  return { total: Number(count?.n ?? 0), rows };
}

/** The public datasets the showcases use, in each showcase's order. */
export async function showcaseDatasets(
  db: Kysely<Database>,
  showcaseIds: readonly string[],
): Promise<ShowcaseDatasetRow[]> {
  if (showcaseIds.length === 0) return [];
  return db
    .selectFrom('showcase_datasets as sd')
    .innerJoin('datasets as d', 'd.id', 'sd.dataset_id')
    .select(['sd.showcase_id', 'd.id', 'd.slug', 'd.title'])
    .where('sd.showcase_id', 'in', [...showcaseIds])
    .where('d.state', '=', 'active')
    .where('d.visibility', '=', 'public')
    .orderBy('sd.showcase_id')
    .orderBy('sd.position')
    .execute();
}

/** The approved showcases that use a dataset, newest first. */
export function approvedShowcasesOf(db: Kysely<Database>, datasetId: string): Promise<Showcase[]> {
  return db
    .selectFrom('showcases')
    .innerJoin('showcase_datasets as sd', 'sd.showcase_id', 'showcases.id')
    .selectAll('showcases')
    .where('sd.dataset_id', '=', datasetId)
    .where('showcases.status', '=', 'approved')
    .orderBy('showcases.created_at', 'desc')
    .limit(50)
    .execute();
}

export const ownShowcaseRows = (db: Kysely<Database>, userId: string): Promise<Showcase[]> =>
  db
    .selectFrom('showcases')
    .selectAll()
    .where('author_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();

/** The address of a showcase's author (none once their account is gone). */
export async function authorEmail(db: Kysely<Database>, authorId: string | null) {
  if (authorId === null) return undefined;
  const row = await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', authorId)
    .executeTakeFirst();
  return row?.email;
}

/** Makes a showcase's datasets these, in this order. */
export async function replaceShowcaseDatasets(
  db: Kysely<Database>,
  showcaseId: string,
  datasetIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('showcase_datasets').where('showcase_id', '=', showcaseId).execute();
  if (datasetIds.length === 0) return;
  await db
    .insertInto('showcase_datasets')
    .values(
      datasetIds.map((dataset_id, position) => ({ showcase_id: showcaseId, dataset_id, position })),
    )
    .execute();
}

/** The ids of a showcase's datasets, in order (whatever their state now). */
export async function showcaseDatasetIds(db: Kysely<Database>, showcaseId: string) {
  const rows = await db
    .selectFrom('showcase_datasets')
    .select('dataset_id')
    .where('showcase_id', '=', showcaseId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.dataset_id);
}
