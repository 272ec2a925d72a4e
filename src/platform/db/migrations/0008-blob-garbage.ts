import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Blobs to remove: one row per key prefix (every blob under it), written in the transaction
 * that deletes what referred to them, so a crash never forgets one; a background sweep removes
 * the blobs and, once they have stayed gone a while, the row.
 */
export const blobGarbageMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('blob_garbage')
      .addColumn('prefix', 'text', (c) => c.primaryKey())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('blob_garbage').execute();
  },
};
