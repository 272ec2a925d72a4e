import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Where a version's row ids (`_id`) come from: 'stored' in a column of its Parquet file (every
 * version written before this migration), or 'position', the row's place in the file, which
 * DuckDB reads for free (file_row_number) and a load no longer has to number while it writes.
 */
export const versionRowIdsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .alterTable('datastore_versions')
      .addColumn('row_ids', 'text', (c) => c.notNull().defaultTo('stored'))
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.alterTable('datastore_versions').dropColumn('row_ids').execute();
  },
};
