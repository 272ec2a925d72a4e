import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { ReadableScope } from '../accounts/index.js';
import { visibleDatasets } from './dataset.repository.js';

/** Every dataset the scope can read, slug and dates only (for the sitemap). */
export function listDatasetLocations(db: Kysely<Database>, scope: ReadableScope) {
  return visibleDatasets(db, scope)
    .select(['d.slug', 'd.modified_at'])
    .orderBy('d.modified_at', 'desc')
    .orderBy('d.id')
    .execute();
}

/** The latest changed datasets the scope can read (of one organisation if given), for feeds. */
export function latestChangedDatasets(
  db: Kysely<Database>,
  scope: ReadableScope,
  limit: number,
  organisationId?: string,
) {
  let query = visibleDatasets(db, scope).innerJoin(
    'organisations as o',
    'o.id',
    'd.organisation_id',
  );
  if (organisationId !== undefined) query = query.where('d.organisation_id', '=', organisationId);
  return query
    .select([
      'd.id',
      'd.slug',
      'd.title',
      'd.description',
      'd.created_at',
      'd.modified_at',
      'o.name as org_name',
    ])
    .orderBy('d.modified_at', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

export function listOrganisationLocations(db: Kysely<Database>) {
  return db.selectFrom('organisations').select(['slug', 'updated_at']).orderBy('slug').execute();
}

/** Every theme, with the latest change to a dataset in it that the scope can read (or null). */
export async function listThemeLocations(db: Kysely<Database>, scope: ReadableScope) {
  const [themes, changed] = await Promise.all([
    db.selectFrom('themes').select('slug').orderBy('slug').execute(),
    visibleDatasets(db, scope)
      .innerJoin('dataset_themes as dt', 'dt.dataset_id', 'd.id')
      .select((eb) => ['dt.theme', eb.fn.max('d.modified_at').as('modified_at')])
      .groupBy('dt.theme')
      .execute(),
  ]);
  const latest = new Map(changed.map((c) => [c.theme, c.modified_at]));
  return themes.map((t) => ({ slug: t.slug, modified_at: latest.get(t.slug) ?? null }));
}
