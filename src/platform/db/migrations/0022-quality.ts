import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Quality scores (issue 15): each dataset's stars and metadata quality as last computed (so
 * lists and the league table read them, not recompute them), the last check of each resource's
 * link, and a daily snapshot per organisation for the trend.
 */
export const qualityMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('quality_scores')
      .addColumn('dataset_id', 'text', (c) =>
        c.primaryKey().references('datasets.id').onDelete('cascade'),
      )
      .addColumn('organisation_id', 'text', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('stars', 'integer', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('rating', 'text', (c) => c.notNull())
      .addColumn('findability', 'integer', (c) => c.notNull())
      .addColumn('accessibility', 'integer', (c) => c.notNull())
      .addColumn('interoperability', 'integer', (c) => c.notNull())
      .addColumn('reusability', 'integer', (c) => c.notNull())
      .addColumn('contextuality', 'integer', (c) => c.notNull())
      .addColumn('broken_links', 'integer', (c) => c.notNull())
      .addColumn('unchecked_links', 'integer', (c) => c.notNull())
      .addColumn('due_by', 'text')
      .addColumn('report', 'text', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('quality_scores_organisation_idx')
      .on('quality_scores')
      .column('organisation_id')
      .execute();

    await db.schema
      .createTable('link_checks')
      .addColumn('resource_id', 'text', (c) =>
        c.primaryKey().references('resources.id').onDelete('cascade'),
      )
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('status', 'integer')
      .addColumn('error', 'text')
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('quality_snapshots')
      .addColumn('organisation_id', 'text', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('datasets', 'integer', (c) => c.notNull())
      .addColumn('stars_sum', 'integer', (c) => c.notNull())
      .addColumn('total_sum', 'integer', (c) => c.notNull())
      .addColumn('broken_links', 'integer', (c) => c.notNull())
      .addColumn('stale', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('quality_snapshots_pk', ['organisation_id', 'day'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('quality_snapshots').execute();
    await db.schema.dropTable('link_checks').execute();
    await db.schema.dropTable('quality_scores').execute();
  },
};
