import { sql, type Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * How often each dataset's page was viewed, for "most viewed" on the home page. A narrow table of
 * its own rather than a column on `datasets`: a view then rewrites a two-column row, never the
 * dataset's wide one, and fires none of the search-generation triggers on `datasets`.
 */
export const datasetViewsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('dataset_views')
      .addColumn('dataset_id', 'text', (c) =>
        c.primaryKey().references('datasets.id').onDelete('cascade'),
      )
      .addColumn('views', 'integer', (c) => c.notNull().defaultTo(sql`0`))
      .execute();
    await db.schema
      .createIndex('dataset_views_views_idx')
      .on('dataset_views')
      .column('views')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('dataset_views').execute();
  },
};
