import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Harvested files loaded into the datastore: per resource, the source's URL and what the source
 * said of the file last loaded (ETag, Last-Modified) with its size and hash, so a later run asks
 * conditionally and makes a new version only when the file really changed. The row goes with
 * its resource.
 */
export const harvestFilesMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('harvest_files')
      .addColumn('resource_id', 'text', (c) =>
        c.primaryKey().references('resources.id').onDelete('cascade'),
      )
      .addColumn('source_id', 'text', (c) =>
        c.notNull().references('harvest_sources.id').onDelete('cascade'),
      )
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('loaded_at', 'text', (c) => c.notNull())
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('harvest_files_source_idx')
      .on('harvest_files')
      .column('source_id')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('harvest_files').execute();
  },
};
