import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Electoral wards, each inside one organisation (its borough): the ward a point lies in is
 * recorded with a citizen's report. The bounding box is kept beside the GeoJSON so a reader can
 * pick candidates without parsing every boundary.
 */
export const wardsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('wards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('organisation_id', 'text', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('boundary', 'text', (c) => c.notNull())
      .addColumn('min_lon', 'double precision', (c) => c.notNull())
      .addColumn('min_lat', 'double precision', (c) => c.notNull())
      .addColumn('max_lon', 'double precision', (c) => c.notNull())
      .addColumn('max_lat', 'double precision', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('wards_organisation_idx')
      .on('wards')
      .column('organisation_id')
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('wards').ifExists().execute();
  },
};
