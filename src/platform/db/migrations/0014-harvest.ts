import { sql, type Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Harvesting: sources an organisation harvests, runs with their counts and per-item log, and
 * the link from a harvested dataset to its source and identifier there. At most one run of a
 * source is running at a time, which a partial unique index makes true across processes.
 */
export const harvestMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('harvest_sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organisation_id', 'text', (c) =>
        c.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('interval_minutes', 'integer')
      .addColumn('filters', 'text', (c) => c.notNull())
      .addColumn('default_licence', 'text')
      .addColumn('load_data', 'integer', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
      .addColumn('next_run_at', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('harvest_sources_due_idx')
      .on('harvest_sources')
      .columns(['enabled', 'next_run_at'])
      .execute();

    await db.schema
      .createTable('harvest_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) =>
        c.notNull().references('harvest_sources.id').onDelete('cascade'),
      )
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created', 'integer', (c) => c.notNull())
      .addColumn('updated', 'integer', (c) => c.notNull())
      .addColumn('unchanged', 'integer', (c) => c.notNull())
      .addColumn('withdrawn', 'integer', (c) => c.notNull())
      .addColumn('failed', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('truncated', 'integer', (c) => c.notNull())
      .addColumn('started_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema
      .createIndex('harvest_runs_source_idx')
      .on('harvest_runs')
      .columns(['source_id', 'started_at'])
      .execute();
    await db.schema
      .createIndex('harvest_runs_one_running')
      .on('harvest_runs')
      .column('source_id')
      .unique()
      .where(sql<boolean>`status = 'running'`)
      .execute();

    await db.schema
      .createTable('harvest_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('run_id', 'text', (c) =>
        c.notNull().references('harvest_runs.id').onDelete('cascade'),
      )
      .addColumn('identifier', 'text')
      .addColumn('dataset_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('harvest_items_run_idx')
      .on('harvest_items')
      .columns(['run_id', 'action'])
      .execute();

    await db.schema
      .createTable('harvested_datasets')
      .addColumn('dataset_id', 'text', (c) =>
        c.primaryKey().references('datasets.id').onDelete('cascade'),
      )
      .addColumn('source_id', 'text', (c) =>
        c.notNull().references('harvest_sources.id').onDelete('cascade'),
      )
      .addColumn('identifier', 'text', (c) => c.notNull())
      .addColumn('metadata_hash', 'text', (c) => c.notNull())
      .addColumn('harvested_at', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .addUniqueConstraint('harvested_datasets_identifier', ['source_id', 'identifier'])
      .execute();
  },
};
