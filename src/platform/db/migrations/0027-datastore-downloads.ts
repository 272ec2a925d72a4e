import { randomUUID } from 'node:crypto';
import type { Migration } from 'kysely';
import type { AnyDb } from './any-db.js';

/**
 * Whole-version downloads built once by a job (issue 16, exports run as jobs): which files are
 * ready, so any node serves them. A row goes with its version (retention) and its resource. The
 * latest version of each resource, published before this, gets the job that builds its files.
 */
export const datastoreDownloadsMigration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('datastore_downloads')
      .addColumn('resource_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('blob_key', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('datastore_downloads_pk', ['resource_id', 'version', 'format'])
      .addForeignKeyConstraint(
        'datastore_downloads_version_fk',
        ['resource_id', 'version'],
        'datastore_versions',
        ['resource_id', 'version'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();
    const latest = (await db
      .selectFrom('datastore_versions')
      .select(['resource_id', (eb) => eb.fn.max('version').as('version')])
      .groupBy('resource_id')
      .execute()) as { resource_id: string; version: number | string }[];
    const at = new Date().toISOString();
    for (const { resource_id: resourceId, version } of latest) {
      await db
        .insertInto('jobs')
        .values({
          id: randomUUID(),
          kind: 'datastore.export',
          payload: JSON.stringify({ resourceId, version: Number(version) }),
          dedupe_key: `datastore.export:${resourceId}:${String(version)}`,
          state: 'queued',
          attempts: 0,
          max_attempts: 8,
          run_at: at,
          lease_until: null,
          locked_by: null,
          last_error: null,
          created_at: at,
          updated_at: at,
          finished_at: null,
        })
        .execute();
    }
  },
  async down(db: AnyDb) {
    await db.deleteFrom('jobs').where('kind', '=', 'datastore.export').execute();
    await db.schema.dropTable('datastore_downloads').execute();
  },
};
