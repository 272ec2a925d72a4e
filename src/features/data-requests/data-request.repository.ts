import { sql, type Kysely } from 'kysely';
import type { DataRequest, DataRequestStatus, Database } from '../../platform/db/schema.js';

// The requests themselves, with what their pages show beside them: the body's name and slug,
// and the released dataset when it is public.

export interface RequestFilters {
  status?: DataRequestStatus[] | undefined;
  organisationId?: string | undefined;
  theme?: string | undefined;
  q?: string | undefined;
  /** Only those awaiting an answer and made before this day (YYYY-MM-DD). */
  overdueBefore?: { day: string; statuses: readonly DataRequestStatus[] } | undefined;
}

export interface RequestRow extends DataRequest {
  organisation_slug: string;
  organisation_name: string;
  dataset_slug: string | null;
  dataset_title: string | null;
}

function joined(db: Kysely<Database>) {
  return db
    .selectFrom('data_requests as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .leftJoin('datasets as d', (j) =>
      j
        .onRef('d.id', '=', 'r.dataset_id')
        .on('d.state', '=', 'active')
        .on('d.visibility', '=', 'public'),
    );
}

type Joined = ReturnType<typeof joined>;

const columns = (q: Joined) =>
  q
    .selectAll('r')
    .select([
      'o.slug as organisation_slug',
      'o.name as organisation_name',
      'd.slug as dataset_slug',
      'd.title as dataset_title',
    ]);

/** `%text%` for LIKE, with the text's own % and _ taken literally. */
const containing = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

function filtered(q: Joined, f: RequestFilters): Joined {
  let out = q;
  if (f.status?.length) out = out.where('r.status', 'in', f.status);
  if (f.organisationId) out = out.where('r.organisation_id', '=', f.organisationId);
  if (f.theme) out = out.where('r.theme', '=', f.theme);
  if (f.q) {
    const pattern = containing(f.q);
    out = out.where(sql<boolean>`lower(r.title || ' ' || r.purpose) like ${pattern} escape '\\'`);
  }
  if (f.overdueBefore) {
    out = out
      .where('r.status', 'in', [...f.overdueBefore.statuses])
      .where('r.created_at', '<', f.overdueBefore.day);
  }
  return out;
}

export async function listRequestRows(
  db: Kysely<Database>,
  f: RequestFilters,
  limit: number,
  offset: number,
): Promise<RequestRow[]> {
  return columns(filtered(joined(db), f))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countRequestRows(db: Kysely<Database>, f: RequestFilters): Promise<number> {
  const row = await filtered(joined(db), f)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findRequestRow(db: Kysely<Database>, id: string): Promise<RequestRow | undefined> {
  return columns(joined(db)).where('r.id', '=', id).executeTakeFirst();
}

export async function insertRequestRow(db: Kysely<Database>, row: DataRequest): Promise<void> {
  await db.insertInto('data_requests').values(row).execute();
}

export async function updateRequestRow(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Omit<DataRequest, 'id'>>,
): Promise<void> {
  await db.updateTable('data_requests').set(changes).where('id', '=', id).execute();
}

/** The public requests a dataset was released in answer to, for its page. */
export function requestsAnsweredBy(
  db: Kysely<Database>,
  datasetId: string,
): Promise<{ id: string; title: string }[]> {
  return db
    .selectFrom('data_requests')
    .select(['id', 'title'])
    .where('dataset_id', '=', datasetId)
    .where('status', '=', 'released')
    .orderBy('created_at')
    .execute();
}
