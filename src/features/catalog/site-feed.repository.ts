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

/** The latest changed datasets the scope can read, for the Atom feed. */
export function latestChangedDatasets(db: Kysely<Database>, scope: ReadableScope, limit: number) {
  return visibleDatasets(db, scope)
    .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
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

export function listThemeSlugs(db: Kysely<Database>) {
  return db.selectFrom('themes').select('slug').orderBy('slug').execute();
}
