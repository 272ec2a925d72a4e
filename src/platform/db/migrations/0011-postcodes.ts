import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * The postcode directory (`metrodata postcodes import`): one row per postcode, keyed by its
 * normalised form ("M1 1AE"), so a lookup is one primary-key read. 2.7 million rows for the
 * whole UK; no other index, which keeps a national import fast.
 */
export const postcodesMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('postcodes')
      .addColumn('postcode', 'text', (c) => c.primaryKey())
      .addColumn('latitude', 'double precision', (c) => c.notNull())
      .addColumn('longitude', 'double precision', (c) => c.notNull())
      .addColumn('local_authority_code', 'text')
      .addColumn('ward_code', 'text')
      .addColumn('terminated', 'integer', (c) => c.notNull().defaultTo(0))
      // 'ONSPD', 'Code-Point Open' or 'synthetic (demo)'.
      .addColumn('source', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('postcodes').execute();
  },
};
